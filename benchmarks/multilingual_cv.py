"""Cross-validation of the one-sentence length rule on the 9 multilingual summary sets.

usage: python benchmarks/multilingual_cv.py [--shared ../shared] [--folds 5]

`NewsRankConfig.lone_median_share` makes a lone sentence count as short below that share of
its article's median sentence length (0 = the fixed floor alone). For each share of `GRID`
this prints the margin over LEAD-1 (ROUGE-1, the shared scorer's Unicode tokens, LEAD-1 of
`anchors:lead_unicode`) per set of data/summaries-multi-dev, then two held-out figures:
- leave one set out: the share is chosen on the other 8 sets and scored on the held-out one;
- k-fold: every set is cut into k folds (by article index), the share is chosen on the other
  folds of all sets and scored on the fold.
A share is chosen by the issue's bar (sets at LEAD-1 + 1.0 or better), then by the mean margin.
The shared scorer's tokenizer and LEAD-1 are loaded from ../shared/evals by path, never copied.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from _scorers import load_module

from summaries.rank import pick_sentences
from summaries.rank._news import DEFAULT_NEWS_CONFIG
from summaries.text import tools_for

ROOT = Path(__file__).resolve().parent.parent
GRID = (0.0, 0.8, 0.9, 1.0, 1.1, 1.2)
BAR = 1.0
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Scored:
    """Per-article margins over LEAD-1 of one set under each share of the grid."""

    name: str
    margins: dict[float, list[float]]


def score_set(path: Path, r1: Callable[[str, str], float], lead: Callable[..., Any]) -> Scored:
    """Margins over LEAD-1 of every article of one set, for every share of `GRID`."""
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    margins: dict[float, list[float]] = {share: [] for share in GRID}
    for item in items:
        tools = tools_for(item["language"])
        sentences = tools.split_sentences(item["text"])
        baseline = r1(item["summary"], lead(item["text"], item["language"], 1)[0])
        for share in GRID:
            config = replace(DEFAULT_NEWS_CONFIG, lone_median_share=share)
            picked = pick_sentences(
                sentences, 1, tools, title=item.get("title") or None, news_config=config
            )
            ours = r1(item["summary"], picked[0].text) if picked else 0.0
            margins[share].append(ours - baseline)
    return Scored(path.parent.name, margins)


def _margin(scored: Scored, share: float, keep: Callable[[int], bool]) -> float:
    values = [m for i, m in enumerate(scored.margins[share]) if keep(i)]
    return statistics.fmean(values) if values else 0.0


def choose(sets: Sequence[Scored], keep: Callable[[int], bool]) -> float:
    """The share with the most sets at the bar, then the best mean margin, on these articles."""

    def objective(share: float) -> tuple[int, float]:
        margins = [_margin(s, share, keep) for s in sets]
        return sum(m >= BAR for m in margins), statistics.fmean(margins)

    return max(GRID, key=objective)


def main() -> None:
    """Print the dev margins per share and the two cross-validated figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    evals = args.shared / "evals" / "summaries"
    sys.path.insert(0, str(evals))  # anchors.py imports its neighbour splitters.py
    scorer_module = load_module(evals / "score.py", "shared_summaries_score")
    anchors = load_module(evals / "anchors.py", "shared_summaries_anchors")
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], tokenizer=scorer_module.UnicodeTokenizer())

    def r1(reference: str, sentence: str) -> float:
        return 100 * float(
            scorer.score(reference, _WS.sub(" ", sentence).strip())["rouge1"].fmeasure
        )

    data = args.shared / "data" / "summaries-multi-dev"
    sets = [score_set(p, r1, anchors.lead_unicode) for p in sorted(data.glob("*/articles.jsonl"))]
    every: Callable[[int], bool] = lambda _: True  # noqa: E731
    print("| share | " + " | ".join(s.name for s in sets) + f" | sets ≥ +{BAR} | mean |")
    print("|---" * (len(sets) + 3) + "|")
    for share in GRID:
        margins = [_margin(s, share, every) for s in sets]
        cells = " | ".join(f"{m:+.2f}" for m in margins)
        hits = sum(m >= BAR for m in margins)
        print(f"| {share} | {cells} | {hits} | {statistics.fmean(margins):+.2f} |")
    held_out = []
    for held in sets:
        share = choose([s for s in sets if s is not held], every)
        held_out.append(f"{held.name} {_margin(held, share, every):+.2f} (share {share})")
    print("\nleave one set out: " + ", ".join(held_out))
    chosen = []
    folded: dict[str, list[float]] = {s.name: [] for s in sets}
    for fold in range(args.folds):
        share = choose(sets, lambda i, f=fold: i % args.folds != f)
        chosen.append(share)
        for s in sets:
            folded[s.name] += [m for i, m in enumerate(s.margins[share]) if i % args.folds == fold]
    cv = ", ".join(f"{name} {statistics.fmean(ms):+.2f}" for name, ms in folded.items())
    print(f"{args.folds}-fold: {cv}; shares chosen per fold: {chosen}")


if __name__ == "__main__":
    main()
