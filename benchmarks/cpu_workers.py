"""Throughput of the CPU-bound pipeline: summaries per second with 1 and 2 worker processes
(and worker threads, the old way, as the anchor), on the same inputs in the same run.

Usage: .venv/bin/python benchmarks/cpu_workers.py [--n 200] [--pages DIR]

By default the inputs are small generated pages (~5 ms of pipeline each); `--pages` takes real
news pages (`*.html` or `*.html.gz`, cycled up to n), where each job is heavier and the cost of
handing a page to a worker and its summary back weighs less (DIR e.g.
../shared/data/extraction-dev/html). Throughput is a running bot's: each pool first works
`WARM_UP` pages per worker untimed, as a fresh worker imports and fills its caches on its first
pages (timed from the start, 2 workers read 1.35-1.41x of one; warmed, 1.85-2.15x).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.cpupool import CpuPool  # noqa: E402
from summaries import pipeline  # noqa: E402
from summaries.config import PipelineConfig, SummaryOptions  # noqa: E402
from summaries.text import preload_models  # noqa: E402
from tests.support.articles import ARTICLE_PARAGRAPHS, article_html  # noqa: E402

#: Pages each worker works (on average) before the clock starts.
WARM_UP = 20


def inputs(n: int) -> list[str]:
    """n distinct article pages (paragraph order rotated, so no two are the same)."""
    pages = []
    for i in range(n):
        k = i % len(ARTICLE_PARAGRAPHS)
        html = article_html(f"Story {i}").replace(ARTICLE_PARAGRAPHS[k], ARTICLE_PARAGRAPHS[k] * 2)
        pages.append(html)
    return pages


def real_pages(folder: Path, n: int) -> list[str]:
    """n pages read from `folder`, cycling through its files in name order."""
    files = sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".html.gz")))
    texts = [
        (gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()).decode(
            "utf-8", "replace"
        )
        for f in files
    ]
    return list(itertools.islice(itertools.cycle(texts), n))


async def run(pages: list[str], workers: int) -> float:
    options, config = SummaryOptions(sentences=3), PipelineConfig()
    if workers == 0:
        preload_models()
        for p in pages[:WARM_UP]:
            await asyncio.to_thread(pipeline.summarize_html, p, None, options, config)
        started = time.perf_counter()
        await asyncio.gather(
            *(asyncio.to_thread(pipeline.summarize_html, p, None, options, config) for p in pages)
        )
        return len(pages) / (time.perf_counter() - started)
    pool = CpuPool(workers)
    await pool.start()
    try:
        await asyncio.gather(
            *(
                pool.run(pipeline.summarize_html, p, None, options, config)
                for p in pages[: WARM_UP * workers]
            )
        )
        started = time.perf_counter()
        await asyncio.gather(
            *(pool.run(pipeline.summarize_html, p, None, options, config) for p in pages)
        )
        return len(pages) / (time.perf_counter() - started)
    finally:
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--pages", type=Path, help="a folder of real pages instead")
    args = parser.parse_args()
    pages = real_pages(args.pages, args.n) if args.pages else inputs(args.n)
    source = f"from {args.pages}" if args.pages else "generated"
    print(f"{args.n} HTML pages ({source}), {os.cpu_count()} cores")
    results = {}
    for workers in (0, 1, 2):
        rate = asyncio.run(run(pages, workers))
        results[workers] = rate
        label = "threads (anchor)" if workers == 0 else f"{workers} process(es)"
        print(f"{label:18} {rate:6.1f} summaries/s")
    print(f"2 processes / 1 process: {results[2] / results[1]:.2f}x")


if __name__ == "__main__":
    main()
