"""ROUGE of our sentence picker against LEAD and sumy's methods on a summaries dev set.

usage: python benchmarks/summaries_quality.py DATA_DIR [--ratio-of-reference | --sentences N]
                                              [--algorithms news,lead,lexrank] [--limit N]

DATA_DIR holds articles.jsonl (lines with "text", "summary" (newline-separated sentences),
optional "title" and "language"). The metric is the shared scorer's (rouge-score F1 x100 with
the Porter stemmer; ROUGE-Lsum over newline-separated sentences); every algorithm runs through
`summaries.rank.pick_sentences` over our own sentence splitter, so the columns compare rankers,
not splitters. ms/article is the median time of ranking one already split article.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from summaries.config import ALGORITHMS
from summaries.rank import pick_sentences
from summaries.text import tools_for

_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Result:
    """Mean ROUGE F1 (x100) and median milliseconds of one algorithm on one data set."""

    algorithm: str
    rouge1: float
    rouge2: float
    rouge_lsum: float
    ms_median: float
    words: float


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def load(data: Path, limit: int) -> list[dict[str, Any]]:
    """Articles of a data dir (or of an articles.jsonl path)."""
    path = data / "articles.jsonl" if data.is_dir() else data
    with path.open(encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return items[:limit] if limit else items


def evaluate(
    items: list[dict[str, Any]], algorithm: str, sentences: int, ratio_of_reference: bool
) -> Result:
    """Run one algorithm over every article and average its ROUGE."""
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    r1: list[float] = []
    r2: list[float] = []
    rl: list[float] = []
    ms: list[float] = []
    words: list[int] = []
    for item in items:
        n = max(1, len(item["summary"].split("\n"))) if ratio_of_reference else sentences
        tools = tools_for(item.get("language") or "en")
        split = tools.split_sentences(item["text"])
        start = time.perf_counter()
        picked = pick_sentences(
            split,
            n,
            tools,
            title=item.get("title") or None,
            algorithm=algorithm,
        )
        ms.append((time.perf_counter() - start) * 1000)
        candidate = "\n".join(_norm(s.text) for s in picked)
        score = scorer.score(item["summary"], candidate)
        r1.append(score["rouge1"].fmeasure)
        r2.append(score["rouge2"].fmeasure)
        rl.append(score["rougeLsum"].fmeasure)
        words.append(len(candidate.split()))
    return Result(
        algorithm,
        100 * statistics.fmean(r1),
        100 * statistics.fmean(r2),
        100 * statistics.fmean(rl),
        statistics.median(ms),
        statistics.fmean(words),
    )


def main(argv: list[str] | None = None) -> int:
    """Print a Markdown table: one row per algorithm."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="dir with articles.jsonl")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--sentences", type=int, default=3, help="pick N per article (default 3)")
    mode.add_argument(
        "--ratio-of-reference",
        action="store_true",
        help="pick as many sentences as the reference has lines (extractive references)",
    )
    parser.add_argument("--algorithms", default="news,lead,lexrank")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    unknown = [a for a in algorithms if a not in ALGORITHMS]
    if unknown:
        parser.error(f"unknown algorithm(s) {unknown}; choose from {ALGORITHMS}")
    items = load(args.data, args.limit)
    mode_text = "ratio of reference" if args.ratio_of_reference else f"{args.sentences} sentences"
    print(f"{args.data} — {len(items)} articles, {mode_text}")
    print("| algorithm | R1 | R2 | RLsum | ms/article (median) | words |")
    print("|---|---|---|---|---|---|")
    for algorithm in algorithms:
        r = evaluate(items, algorithm, args.sentences, args.ratio_of_reference)
        print(
            f"| {r.algorithm} | {r.rouge1:.2f} | {r.rouge2:.2f} | {r.rouge_lsum:.2f} | "
            f"{r.ms_median:.1f} | {r.words:.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
