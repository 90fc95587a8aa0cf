"""Cross-validation of the one-sentence settings on the 9 multilingual summary sets.

usage: python benchmarks/multilingual_cv.py [--shared ../shared] [--folds 5] [--seeds 0,1,2]
                                            [--objective mean|bar]

Each setting of `GRID` changes the default `NewsRankConfig` in its one-sentence fields:
`lone_median_share` (a lone sentence counts as short below that share of its article's median
sentence length; 0 = the fixed floor alone), the expected-ROUGE signal (`lone_expected_weight`,
0 = off, with `lone_centrality_weight` and `lone_reference_share`) and the names signal
(`lone_names_weight`, 0 = off). For each setting this prints
the margin over LEAD-1 (ROUGE-1, the shared scorer's Unicode tokens, LEAD-1 of
`anchors:lead_unicode`) per set of data/summaries-multi-dev, then two held-out figures:
- leave one set out: the setting is chosen on the other 8 sets and scored on the held-out one;
- k-fold: every set is cut into k folds (articles shuffled per seed), the setting is chosen on
  the other folds of all sets and scored on the fold.
`--objective mean` chooses by the mean margin over sets; `bar` first by the issue's bar (sets at
LEAD-1 + 1.0 or better), then by the mean margin (on 50-article sets the bar count jumps with a
single article, so it chooses less stably).
The shared scorer's tokenizer and LEAD-1 are loaded from ../shared/evals by path, never copied.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
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
_SHARES = (0.0, 0.8, 0.9, 1.1, 1.2)
_NAMES = (0.0, 0.2, 0.35, 0.5, 0.85, 1.0)
_EXPECTED = itertools.product((0.35, 0.7, 1.0), (0.35, 0.7), (1.0, 2.0, 3.0, 4.0))
#: Settings by name: changes to the default config (the default itself first).
GRID: dict[str, dict[str, float]] = {
    "default": {},
    "expected off": {"lone_expected_weight": 0.0},
    **{f"names {v}": {"lone_names_weight": v} for v in _NAMES},
    **{f"share {v}": {"lone_median_share": v} for v in _SHARES},
    **{
        f"expected {w} centrality {c} reference {r}": {
            "lone_expected_weight": w,
            "lone_centrality_weight": c,
            "lone_reference_share": r,
        }
        for w, c, r in _EXPECTED
    },
}
BAR = 1.0
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Scored:
    """Per-article margins over LEAD-1 of one set under each setting of the grid."""

    name: str
    margins: dict[str, list[float]]


def score_set(path: Path, r1: Callable[[str, str], float], lead: Callable[..., Any]) -> Scored:
    """Margins over LEAD-1 of every article of one set, for every setting of `GRID`."""
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    configs = {name: replace(DEFAULT_NEWS_CONFIG, **changes) for name, changes in GRID.items()}
    margins: dict[str, list[float]] = {name: [] for name in GRID}
    for item in items:
        tools = tools_for(item["language"])
        sentences = tools.split_sentences(item["text"])
        baseline = r1(item["summary"], lead(item["text"], item["language"], 1)[0])
        for name, config in configs.items():
            picked = pick_sentences(
                sentences, 1, tools, title=item.get("title") or None, news_config=config
            )
            ours = r1(item["summary"], picked[0].text) if picked else 0.0
            margins[name].append(ours - baseline)
    return Scored(path.parent.name, margins)


def _margin(scored: Scored, setting: str, keep: Callable[[int], bool]) -> float:
    values = [m for i, m in enumerate(scored.margins[setting]) if keep(i)]
    return statistics.fmean(values) if values else 0.0


def choose(sets: Sequence[Scored], keep: Callable[[int], bool], by_bar: bool) -> str:
    """The setting with the best mean margin (after the most sets at the bar, when `by_bar`)."""

    def objective(setting: str) -> tuple[int, float]:
        margins = [_margin(s, setting, keep) for s in sets]
        return (sum(m >= BAR for m in margins) if by_bar else 0), statistics.fmean(margins)

    return max(GRID, key=objective)


def main() -> None:
    """Print the dev margins per share and the two cross-validated figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--objective", choices=("mean", "bar"), default="mean")
    args = parser.parse_args()
    by_bar = args.objective == "bar"
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
    print("| setting | " + " | ".join(s.name for s in sets) + f" | sets ≥ +{BAR} | mean |")
    print("|---" * (len(sets) + 3) + "|")
    for setting in GRID:
        margins = [_margin(s, setting, every) for s in sets]
        cells = " | ".join(f"{m:+.2f}" for m in margins)
        hits = sum(m >= BAR for m in margins)
        print(f"| {setting} | {cells} | {hits} | {statistics.fmean(margins):+.2f} |")
    held_out = []
    for held in sets:
        setting = choose([s for s in sets if s is not held], every, by_bar)
        held_out.append((held.name, _margin(held, setting, every), setting))
    print(
        f"\nleave one set out (by {args.objective}): mean "
        f"{statistics.fmean(m for _, m, _ in held_out):+.2f}"
    )
    for name, margin, setting in held_out:
        print(f"  {name} {margin:+.2f} ({setting})")
    for seed in (int(s) for s in args.seeds.split(",")):
        # articles shuffled into folds per set and seed
        folds = {}
        for s in sets:
            order = list(range(len(s.margins["default"])))
            random.Random(seed).shuffle(order)
            folds[s.name] = {d: k % args.folds for k, d in enumerate(order)}
        chosen = []
        folded: dict[str, list[float]] = {s.name: [] for s in sets}
        for fold in range(args.folds):
            train = {name: [d for d, f in of.items() if f != fold] for name, of in folds.items()}
            picks = [
                Scored(s.name, {k: [v[d] for d in train[s.name]] for k, v in s.margins.items()})
                for s in sets
            ]
            setting = choose(picks, every, by_bar)
            chosen.append(setting)
            for s in sets:
                folded[s.name] += [
                    m for d, m in enumerate(s.margins[setting]) if folds[s.name][d] == fold
                ]
        means = [statistics.fmean(ms) for ms in folded.values()]
        cv = ", ".join(f"{name} {m:+.2f}" for name, m in zip(folded, means, strict=True))
        print(f"{args.folds}-fold, seed {seed}: mean {statistics.fmean(means):+.2f}; {cv}")
        print(f"  chosen per fold: {'; '.join(chosen)}")


if __name__ == "__main__":
    main()
