"""Paste rules on both renderings of the same pages: each rule's effect, and k-fold figures.

The two sets are extraction-dev's pages as Chromium copies them and as lxml's visible text
(pasted-dev). A page sits in the same fold in both sets (fold = its index mod k), so no fold
learns from a page it is scored on. A switch is kept on a fold when it does not lower the
mean of the two sets' F1 on the other folds; a weight is the grid value best on the other
folds. The held-out folds, pooled, give the CV figure. Metric: the shared scorer's 4-gram F1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

from summaries.paste import DEFAULT_PASTE_RULES, PasteRules, clean_paste

Counts = list[tuple[float, float, float]]
#: Each rule against its alternative.
VARIANTS: tuple[tuple[str, PasteRules], ...] = (
    ("default rules", DEFAULT_PASTE_RULES),
    ("a doubled line is read like any line", replace(DEFAULT_PASTE_RULES, doubled_links=False)),
    (
        "an image file name closes the caption above",
        replace(DEFAULT_PASTE_RULES, image_names_open_figures=False),
    ),
    (
        "a paragraph without blank lines weighs fully",
        replace(DEFAULT_PASTE_RULES, unspaced_prose_weight=1.0),
    ),
    (
        "the HTML extractor's furniture lines and marks are not used",
        replace(DEFAULT_PASTE_RULES, shared_furniture=False),
    ),
)
#: Grids of the weights and thresholds, cross-validated one at a time (the others at their
#: defaults); the default value is put first, so that ties keep it. Fields whose grid moved no
#: page on either rendering (the title and metadata windows, the teaser and date penalties,
#: the teaser gap) are left out.
WEIGHT_GRIDS: dict[str, tuple[float, ...]] = {
    "unspaced_prose_weight": (1.0, 0.85, 0.7, 0.5, 0.3, 0.2, 0.1, 0.0),
    "prose_words": (5, 8, 10, 12, 15, 20),
    "long_words": (9, 15, 18, 21, 27, 36),
    "menu_max_words": (4, 5, 6, 7, 8, 12),
    "heading_penalty": (0.0, 1.5, 3.0, 4.5, 6.0),
    "menu_penalty": (0.0, 6.0, 12.0, 18.0, 24.0, 36.0),
    "section_penalty": (0.0, 7.5, 15.0, 22.5, 30.0),
    "caption_penalty": (0.0, 2.0, 3.0, 4.0),
    "repeated_penalty": (0.0, 2.0, 4.0, 6.0, 8.0),
    "short_sentence_weight": (0.0, 0.25, 0.5, 1.0),
    "first_run_share": (0.25, 0.375, 0.5, 0.625, 0.75),
    "tag_list_items": (2, 3, 4, 5, 8),
    "shouted_words": (5, 6, 8, 10, 12),
    "standfirst_lines": (0, 1, 2, 3),
    "standfirst_keep_chars": (80, 120, 160, 200, 300, 100_000),
    "feed_gap": (7, 12, 15, 18, 22),
    "wrap_min_chars": (20, 30, 40, 60, 80),
}


def grid_values(field: str) -> tuple[float, ...]:
    """`WEIGHT_GRIDS[field]` with the default first."""
    default = getattr(DEFAULT_PASTE_RULES, field)
    return (default, *(v for v in WEIGHT_GRIDS[field] if v != default))


@dataclass(frozen=True, slots=True)
class PasteSets:
    """The same pages, twice pasted, and their gold bodies (index-aligned)."""

    browser: Sequence[str]
    lxml: Sequence[str]
    gold: Sequence[str]


@dataclass(frozen=True, slots=True)
class Scored:
    browser: Counts
    lxml: Counts


def score(sets: PasteSets, rules: PasteRules, metric: ModuleType) -> Scored:
    def counts(texts: Sequence[str]) -> Counts:
        preds = (clean_paste(t, rules).text for t in texts)
        return [metric.page_counts(g, p) for g, p in zip(sets.gold, preds, strict=True)]

    return Scored(counts(sets.browser), counts(sets.lxml))


def _f1(counts: Counts, metric: ModuleType) -> float:
    return float(metric.aggregate(counts)["f1"])


def _part(scored: Scored, k: int, fold: int, held_out: bool) -> Scored:
    def pick(counts: Counts) -> Counts:
        return [c for i, c in enumerate(counts) if (i % k == fold) == held_out]

    return Scored(pick(scored.browser), pick(scored.lxml))


def _mean(scored: Scored, metric: ModuleType) -> float:
    return (_f1(scored.browser, metric) + _f1(scored.lxml, metric)) / 2


def cross_validate(
    candidates: Sequence[Scored], k: int, metric: ModuleType
) -> tuple[tuple[float, float], list[int]]:
    """Held-out (browser, lxml) F1 when each fold takes the candidate best on the other folds
    (ties to the first candidate), and the index chosen per fold."""
    held: Scored = Scored([], [])
    chosen: list[int] = []
    for fold in range(k):
        train = [_mean(_part(c, k, fold, held_out=False), metric) for c in candidates]
        best = max(range(len(candidates)), key=lambda i: (train[i], -i))
        chosen.append(best)
        part = _part(candidates[best], k, fold, held_out=True)
        held = Scored(held.browser + part.browser, held.lxml + part.lxml)
    return (_f1(held.browser, metric), _f1(held.lxml, metric)), chosen


def _with(field: str, value: float) -> PasteRules:
    changes: dict[str, Any] = {field: value}
    return replace(DEFAULT_PASTE_RULES, **changes)


def _cross_set(candidates: Sequence[Scored], metric: ModuleType) -> tuple[int, int]:
    """The candidate best on the browser copies alone and on pasted-dev alone (ties to the
    first): each set's choice, to be scored on the other set."""
    browser = [_f1(c.browser, metric) for c in candidates]
    lxml = [_f1(c.lxml, metric) for c in candidates]
    return browser.index(max(browser)), lxml.index(max(lxml))


def rule_table(sets: PasteSets, k: int, metric: ModuleType, echo: Callable[[str], None]) -> None:
    """Print every rule's dev effect on both sets, its k-fold figures, and the cross-set check:
    the choice made on one rendering alone, scored on the other."""
    scored = [score(sets, rules, metric) for _, rules in VARIANTS]
    default = scored[0]
    echo(
        f"| rules | browser copy F1 | pasted-dev F1 | {k}-fold CV: browser · pasted-dev | "
        "chosen on browser → pasted-dev F1 | chosen on pasted-dev → browser F1 |"
    )
    echo("|---|---|---|---|---|---|")
    for (name, _), s in zip(VARIANTS, scored, strict=True):
        cv = cross = ""
        if s is not default:
            (b, p), kept = cross_validate([default, s], k, metric)
            cv = f"{b:.4f} · {p:.4f} (rule kept on {kept.count(0)}/{k} folds)"
            on_b, on_p = _cross_set([default, s], metric)
            pair = [default, s]
            cross = (
                f"{('on', 'off')[on_b]} → {_f1(pair[on_b].lxml, metric):.4f} | "
                f"{('on', 'off')[on_p]} → {_f1(pair[on_p].browser, metric):.4f}"
            )
        else:
            cross = " | "
        b_f1, p_f1 = _f1(s.browser, metric), _f1(s.lxml, metric)
        echo(f"| {name} | {b_f1:.4f} | {p_f1:.4f} | {cv} | {cross} |")
    echo(
        f"\nWeights and thresholds, each over a grid (the others at their defaults): dev F1 "
        f"browser / pasted-dev per value, {k}-fold CV, and each rendering's choice scored on "
        "the other:"
    )
    echo(
        "| field (default) | dev F1 per value | CV browser · pasted-dev (per fold) | "
        "chosen on browser → pasted-dev F1 | chosen on pasted-dev → browser F1 |"
    )
    echo("|---|---|---|---|---|")
    chosen: tuple[dict[str, float], dict[str, float]] = ({}, {})
    for field in WEIGHT_GRIDS:
        values = grid_values(field)
        grid = [score(sets, _with(field, v), metric) for v in values]
        (b, p), picks = cross_validate(grid, k, metric)
        on_b, on_p = _cross_set(grid, metric)
        for choice, index in zip(chosen, (on_b, on_p), strict=True):
            if index:
                choice[field] = values[index]
        dev = ", ".join(
            f"{v:g}: {_f1(g.browser, metric):.4f} / {_f1(g.lxml, metric):.4f}"
            for v, g in zip(values, grid, strict=True)
        )
        echo(
            f"| {field} ({getattr(DEFAULT_PASTE_RULES, field):g}) | {dev} | {b:.4f} · {p:.4f} "
            f"({', '.join(f'{values[i]:g}' for i in picks)}) | "
            f"{values[on_b]:g} → {_f1(grid[on_b].lxml, metric):.4f} | "
            f"{values[on_p]:g} → {_f1(grid[on_p].browser, metric):.4f} |"
        )
    echo("\nEvery grid's choice on one rendering alone, run together:")
    echo("| chosen on | changes from the default | browser copy F1 | pasted-dev F1 |")
    echo("|---|---|---|---|")
    echo(
        f"| (default rules) | | {_f1(default.browser, metric):.4f} | "
        f"{_f1(default.lxml, metric):.4f} |"
    )
    for label, choice in zip(("browser copy", "pasted-dev"), chosen, strict=True):
        changes: dict[str, Any] = dict(choice)
        both = score(sets, replace(DEFAULT_PASTE_RULES, **changes), metric)
        listed = ", ".join(f"{f}={v:g}" for f, v in choice.items()) or "none"
        echo(
            f"| {label} | {listed} | {_f1(both.browser, metric):.4f} | "
            f"{_f1(both.lxml, metric):.4f} |"
        )
