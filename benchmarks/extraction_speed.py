"""Time `summaries.extract.extract_article` against trafilatura's fast extraction alone.

usage: python benchmarks/extraction_speed.py DATA_DIR [--rounds 3] [--limit N]

DATA_DIR has the extraction benchmark layout (html/<id>.html.gz, ground-truth.json); the pages
are read at run time only. Each page is run by both contenders back to back, in alternating
order, so machine noise hits them alike; one untimed warm-up call each comes first.
Prints the median ms of each, the ratio of medians and the median of per-page ratios.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from summaries.errors import SummaryError
from summaries.extract import extract_article

Page = tuple[str, str, str | None]


def trafilatura_fast(html: str, url: str | None) -> object:
    """The reference: trafilatura's body extraction alone, fast mode, no metadata."""
    return trafilatura.extract(html, url=url, include_comments=False, fast=True)


def ours(html: str, url: str | None) -> object:
    """Our extractor; a page without an article is a normal outcome, not a failure."""
    try:
        return extract_article(html, url)
    except SummaryError:
        return None


def load_pages(data: Path, limit: int | None) -> list[Page]:
    """Read (id, html, url) of the benchmark pages."""
    truth = json.loads((data / "ground-truth.json").read_text("utf8"))
    ids = sorted(truth)[:limit]
    pages = []
    for page_id in ids:
        with gzip.open(data / "html" / f"{page_id}.html.gz", "rt", encoding="utf8") as f:
            pages.append((page_id, f.read(), truth[page_id].get("url")))
    return pages


def _timed(fn: Callable[[str, str | None], object], html: str, url: str | None) -> float:
    start = time.perf_counter()
    fn(html, url)
    return (time.perf_counter() - start) * 1000


def measure(pages: list[Page], rounds: int) -> dict[str, float]:
    """Median per-page times of both contenders and their ratios."""
    contenders = (trafilatura_fast, ours)
    for fn in contenders:
        fn(pages[0][1], pages[0][2])  # warm-up: imports, caches
    times: dict[str, dict[str, list[float]]] = {fn.__name__: {} for fn in contenders}
    for r in range(rounds):
        for n, (page_id, html, url) in enumerate(pages):
            order = contenders if (n + r) % 2 == 0 else contenders[::-1]
            for fn in order:
                times[fn.__name__].setdefault(page_id, []).append(_timed(fn, html, url))
    ref = [statistics.median(v) for v in times["trafilatura_fast"].values()]
    own = [statistics.median(times["ours"][k]) for k in times["trafilatura_fast"]]
    return {
        "pages": len(ref),
        "trafilatura_fast_ms_median": statistics.median(ref),
        "ours_ms_median": statistics.median(own),
        "ratio_of_medians": statistics.median(own) / statistics.median(ref),
        "median_page_ratio": statistics.median(o / t for o, t in zip(own, ref, strict=True)),
        "ours_ms_max": max(own),
    }


def main() -> None:
    """Parse arguments, run the measurement, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    for key, value in measure(load_pages(args.data, args.limit), args.rounds).items():
        print(f"{key:28s} {value:.2f}" if isinstance(value, float) else f"{key:28s} {value}")


if __name__ == "__main__":
    main()
