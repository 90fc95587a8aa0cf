"""Per-stage median ms of the pipeline on fetched pages, next to trafilatura alone in the same run.

usage: python benchmarks/stage_speed.py DATA_DIR [--rounds 3]

DATA_DIR has the extraction benchmark layout (html/<id>.html.gz, ground-truth.json), e.g.
../shared/data/extraction-dev. Each page runs the stages one after the other, as
`summaries.pipeline.summarize_article` does, and trafilatura's fast extraction right after it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from summaries.attribution import find_attribution
from summaries.errors import SummaryError
from summaries.extract import extract_article
from summaries.quotes import find_quotes, key_quotes
from summaries.rank import pick_sentences
from summaries.text import detect_language, tools_for


def _timed(times: dict[str, list[float]], stage: str, call: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = call()
    times[stage].append((time.perf_counter() - start) * 1000)
    return result


def run_page(html: str, url: str | None, times: dict[str, list[float]]) -> None:
    """All stages on one page, each timed on its own; the total is their sum."""
    start = time.perf_counter()
    try:
        article = _timed(times, "extract", lambda: extract_article(html, url))
        language = _timed(times, "language", lambda: detect_language(article.text)) or "en"
        tools = tools_for(language)
        sentences = _timed(times, "sentences", lambda: tools.split_sentences(article.text))
        _timed(times, "rank", lambda: pick_sentences(sentences, 3, tools, title=article.title))
        _timed(times, "quotes", lambda: key_quotes(find_quotes(article.text, language), 3))
        _timed(times, "attribution", lambda: find_attribution(article))
    except SummaryError:
        return
    times["pipeline"].append((time.perf_counter() - start) * 1000)
    _timed(
        times,
        "trafilatura alone",
        lambda: trafilatura.extract(html, url=url, include_comments=False, fast=True),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    pages = []
    for pid in sorted(truth):
        with gzip.open(args.data / "html" / f"{pid}.html.gz", "rt", encoding="utf-8") as page:
            pages.append((page.read(), truth[pid].get("url")))
    for html, url in pages[:3]:  # warm-up: models, stemmers, compiled patterns
        run_page(html, url, defaultdict(list))
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.rounds):
        for html, url in pages:
            run_page(html, url, times)
    base = statistics.median(times["trafilatura alone"])
    print(f"{len(pages)} pages x {args.rounds} rounds")
    print("| stage | median ms | p95 ms | × trafilatura |\n|---|---|---|---|")
    for stage, values in times.items():
        values.sort()
        median, p95 = statistics.median(values), values[int(0.95 * (len(values) - 1))]
        print(f"| {stage} | {median:.2f} | {p95:.2f} | {median / base:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
