"""Paste thresholds chosen on three sets at once: browser copy, pasted-dev, multilingual pastes.

usage: python benchmarks/paste_cv.py [--shared ../shared] [--cache DIR] [--folds 5]

The three sets: extraction-dev's 71 pages as Chromium copies them (`browser_paste.py` builds
and caches the copies; Chromium is needed once), the same pages as pasted-dev's lxml text, and
extraction-multi-dev's 324 pages (mostly German) as the same lxml text (`pasted_multi.py`).
English is scored with the shared 4-gram F1 against extraction-dev's gold bodies, the
multilingual pages with the shared snippet F1. A page sits in fold (index mod k) of its set.

Printed: every `PasteRules` grid of `_paste_rules.WEIGHT_GRIDS` alone, and the joint grid of
`JOINT_GRID`, each with its dev figures and the k-fold CV figure in which every fold takes the
setting with the best mean of the three sets' F1 on the other folds (ties to the first, the
default). Since the English sets alone under-sample what pages do (two renderings of the same
71 pages), a setting is taken when the three-set CV holds it on every set.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from _chromium import INSTALL_HINT, find_chromium
from _paste_rules import WEIGHT_GRIDS, grid_values
from _scorers import load_module
from browser_paste import build_pastes, chromium_version

from summaries.paste import DEFAULT_PASTE_RULES, PasteRules, clean_paste

ROOT = Path(__file__).resolve().parent.parent
#: Fields chosen together (the run search's scores interact): values per field, the default
#: first (ties keep it); 6 / 4 / 0.5 were the defaults before the three-set choice.
JOINT_GRID: dict[str, tuple[float, ...]] = {
    "menu_penalty": (18.0, 6.0, 12.0, 24.0),
    "repeated_penalty": (0.0, 4.0),
    "first_run_share": (0.375, 0.5),
}
Counts = list[tuple[float, ...]]


@dataclass(frozen=True, slots=True)
class Pages:
    """The three sets' inputs and golds, index-aligned within each set."""

    browser: Sequence[str]
    lxml: Sequence[str]
    english_gold: Sequence[str]
    multi: Sequence[str]
    multi_gold: Sequence[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-page counts of one setting on each set."""

    browser: Counts
    lxml: Counts
    multi: Counts


class Metrics:
    """The shared scorers' per-page counts and their F1."""

    def __init__(self, evals: Path) -> None:
        self.english: ModuleType = load_module(evals / "extraction/score.py", "paste_cv_score")
        self.snippets: ModuleType = load_module(
            evals / "extraction/score_snippets.py", "paste_cv_snippets"
        )

    def score(self, pages: Pages, rules: PasteRules) -> Scores:
        def english(texts: Sequence[str]) -> Counts:
            return [
                self.english.page_counts(gold, clean_paste(text, rules).text)
                for text, gold in zip(texts, pages.english_gold, strict=True)
            ]

        multi = [
            tuple(
                self.snippets.page_counts(clean_paste(text, rules).text, g["with"], g["without"])
            )
            for text, g in zip(pages.multi, pages.multi_gold, strict=True)
        ]
        return Scores(english(pages.browser), english(pages.lxml), multi)

    def f1(self, scores: Scores) -> tuple[float, float, float]:
        tp, fp, fn = (sum(c[i] for c in scores.multi) for i in range(3))
        multi = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        return (
            float(self.english.aggregate(scores.browser)["f1"]),
            float(self.english.aggregate(scores.lxml)["f1"]),
            multi,
        )


def _part(scores: Scores, k: int, fold: int, held_out: bool) -> Scores:
    def pick(counts: Counts) -> Counts:
        return [c for i, c in enumerate(counts) if (i % k == fold) == held_out]

    return Scores(pick(scores.browser), pick(scores.lxml), pick(scores.multi))


def cross_validate(
    candidates: Sequence[Scores], k: int, metrics: Metrics
) -> tuple[tuple[float, float, float], list[int]]:
    """Pooled held-out F1 per set when each fold takes the candidate with the best mean of
    the three sets on the other folds, and the candidate chosen per fold."""
    held = Scores([], [], [])
    chosen: list[int] = []
    for fold in range(k):
        train = [sum(metrics.f1(_part(c, k, fold, held_out=False))) for c in candidates]
        best = max(range(len(candidates)), key=lambda i: (train[i], -i))
        chosen.append(best)
        part = _part(candidates[best], k, fold, held_out=True)
        held = Scores(held.browser + part.browser, held.lxml + part.lxml, held.multi + part.multi)
    return metrics.f1(held), chosen


def load_pages(shared: Path, cache_root: Path) -> Pages:
    """Read the three sets (copying extraction-dev with Chromium where the cache lacks a page)."""
    source = shared / "data" / "extraction-dev"
    gold = json.loads((source / "ground-truth.json").read_text())
    ids = sorted(gold)
    binary = find_chromium()
    if binary is None:
        raise SystemExit(INSTALL_HINT)
    cache = cache_root / chromium_version(binary) / "extraction-dev"
    build_pastes(binary, source / "html", cache, ids, refresh=False, javascript=True)
    pasted = shared / "data" / "pasted-dev" / "input"
    sys.path.insert(0, str(shared / "evals" / "extraction"))  # anchors.py imports textutil.py
    anchors = load_module(shared / "evals/extraction/anchors.py", "paste_cv_anchors")
    multi_dir = shared / "data" / "extraction-multi-dev"
    multi_gold = json.loads((multi_dir / "gold.json").read_text())
    multi_ids = sorted(multi_gold)
    return Pages(
        browser=[(cache / f"{i}.txt").read_text(encoding="utf-8") for i in ids],
        lxml=[(pasted / f"{i}.txt").read_text(encoding="utf-8") for i in ids],
        english_gold=[gold[i]["articleBody"] for i in ids],
        # read as the snippet scorer reads them (UTF-8 text)
        multi=[
            anchors.lxml_visible_text(
                gzip.decompress((multi_dir / f"html/{i}.html.gz").read_bytes()).decode("utf8")
            )
            for i in multi_ids
        ],
        multi_gold=[multi_gold[i] for i in multi_ids],
    )


def _figures(f1: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.4f}" for x in f1)


def main() -> None:
    """Print the per-field and joint tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache/newsbrief-browser-paste"
    )
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    pages = load_pages(args.shared, args.cache)
    metrics = Metrics(args.shared / "evals")
    default = metrics.f1(metrics.score(pages, DEFAULT_PASTE_RULES))
    print(f"default rules, F1 browser / pasted-dev / multi: {_figures(default)}\n")
    print(f"| field (default) | dev F1 per value | {args.folds}-fold CV (choice per fold) |")
    print("|---|---|---|")
    for field in WEIGHT_GRIDS:
        values = grid_values(field)
        grid = [metrics.score(pages, replace(DEFAULT_PASTE_RULES, **{field: v})) for v in values]
        held, picks = cross_validate(grid, args.folds, metrics)
        dev = "; ".join(
            f"{v:g}: {_figures(metrics.f1(s))}" for v, s in zip(values, grid, strict=True)
        )
        choice = ", ".join(f"{values[i]:g}" for i in picks)
        print(f"| {field} ({values[0]:g}) | {dev} | {_figures(held)} ({choice}) |")
    names = list(JOINT_GRID)
    combos = list(itertools.product(*JOINT_GRID.values()))
    settings = [dict(zip(names, combo, strict=True)) for combo in combos]
    grid = [metrics.score(pages, replace(DEFAULT_PASTE_RULES, **s)) for s in settings]
    held, picks = cross_validate(grid, args.folds, metrics)
    print(f"\nJoint grid of {', '.join(names)} ({len(combos)} settings):")
    print(f"{args.folds}-fold CV: {_figures(held)}; chosen per fold: {[combos[i] for i in picks]}")
    best = sorted(range(len(grid)), key=lambda i: -sum(metrics.f1(grid[i])))[:5]
    for i in best:
        print(f"  dev {_figures(metrics.f1(grid[i]))}: {combos[i]}")


if __name__ == "__main__":
    main()
