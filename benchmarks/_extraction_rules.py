"""Each extraction rule's effect on extraction-multi-dev and extraction-dev, dev and k-fold CV.

Used by `cross_validation.py`. A rule is switched off by running the extractor with it removed
(a field of `ExtractionRules`, or one named kind of `FURNITURE_LINES` / `FURNITURE_MARKS`);
every page's counts are kept, so that the cross-validation can decide on each fold from the
other folds alone: a rule is kept on a fold when it does not lower the mean of the two sets'
F1 on the other folds, and the held-out fold is scored with that decision.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from summaries.errors import SummaryError
from summaries.extract import DEFAULT_EXTRACTION_RULES, ExtractionRules, _clean, extract_article
from summaries.extract._rules import (
    FURNITURE_LINES,
    FURNITURE_MARKS,
    boilerplate_line,
    furniture_mark,
)

#: Per-page counts of one set (the shared scorers' tuples), and of both sets together.
Counts = list[tuple[float, ...]]
SetCounts = tuple[Counts, Counts]

#: Grid of the standfirst's minimum length (characters), cross-validated like a rule.
STANDFIRST_GRID = (0, 80, 100, 120, 150, 200)


@dataclass(frozen=True, slots=True)
class Variant:
    """The extractor with one rule changed: its rules and the module patch it needs."""

    name: str
    rules: ExtractionRules
    lines: tuple[tuple[str, str], ...] = FURNITURE_LINES
    marks: tuple[tuple[str, str], ...] = FURNITURE_MARKS


def _without(table: tuple[tuple[str, str], ...], name: str) -> tuple[tuple[str, str], ...]:
    return tuple(item for item in table if item[0] != name)


def variants() -> list[Variant]:
    """The default, then every rule switched off, then the standfirst length grid."""
    default = DEFAULT_EXTRACTION_RULES
    out = [Variant("default rules", default)]
    out.append(Variant("standfirst off", replace(default, keep_standfirst=False)))
    out += [
        Variant(f"line: {n} off", default, lines=_without(FURNITURE_LINES, n))
        for n, _ in FURNITURE_LINES
    ]
    out += [
        Variant(f"mark: {n} off", default, marks=_without(FURNITURE_MARKS, n))
        for n, _ in FURNITURE_MARKS
    ]
    out.append(Variant("all furniture kinds off", default, lines=(), marks=()))
    out += [
        Variant(f"standfirst_min_chars={n}", replace(default, standfirst_min_chars=n))
        for n in STANDFIRST_GRID
        if n != default.standfirst_min_chars
    ]
    return out


@contextmanager
def _patched(variant: Variant) -> Iterator[None]:
    names = ("BOILERPLATE_LINE", "FURNITURE_MARK")
    saved = [getattr(_clean, name) for name in names]
    setattr(_clean, names[0], boilerplate_line(variant.lines))
    setattr(_clean, names[1], furniture_mark(variant.marks))
    try:
        yield
    finally:
        for name, value in zip(names, saved, strict=True):
            setattr(_clean, name, value)


def _text(html: str, url: str | None, rules: ExtractionRules) -> str:
    try:
        return extract_article(html, url, rules).text
    except SummaryError:
        return ""


@dataclass(frozen=True, slots=True)
class RuleSets:
    """The two sets' pages and scorers (the shared ones, loaded by path)."""

    multi: list[dict[str, Any]]
    english: list[dict[str, Any]]
    snippets: ModuleType  # shared extraction/score_snippets.py
    shingles: ModuleType  # shared extraction/score.py

    @classmethod
    def load(cls, shared: Path, snippets: ModuleType, shingles: ModuleType) -> RuleSets:
        multi = snippets.load_dataset(shared / "data/extraction-multi-dev")
        english = shingles.load_dataset(shared / "data/extraction-dev", "html")
        return cls(multi, english, snippets, shingles)

    def counts(self, variant: Variant) -> SetCounts:
        """Per-page counts of both sets with this variant."""
        with _patched(variant):
            multi = [
                self.snippets.page_counts(
                    _text(p["html"], p["url"], variant.rules), p["with"], p["without"]
                )
                for p in self.multi
            ]
            english = [
                self.shingles.page_counts(
                    p["truth"], _text(p["input"], p.get("url"), variant.rules)
                )
                for p in self.english
            ]
        return multi, english

    def f1(self, multi: Counts, english: Counts) -> tuple[float, float]:
        return (
            float(self.snippets.scores(multi)["f1"]),
            float(self.shingles.aggregate(english)["f1"]) if english else 0.0,
        )


def _select(counts: Counts, folds: list[int], fold: int, held_out: bool) -> Counts:
    return [c for c, f in zip(counts, folds, strict=True) if (f == fold) == held_out]


def cross_validate(
    sets: RuleSets, candidates: list[tuple[str, SetCounts]], k: int
) -> tuple[tuple[float, float], list[str]]:
    """Held-out F1 of both sets when each fold takes the candidate best on the other folds.

    Candidates are (name, per-page counts of both sets); "best" is the mean of the two sets'
    F1 on the training folds, ties going to the first candidate.
    """
    multi_folds = [i % k for i in range(len(sets.multi))]
    english_folds = [i % k for i in range(len(sets.english))]
    held_multi: Counts = []
    held_english: Counts = []
    chosen: list[str] = []
    for fold in range(k):
        trained = [
            statistics.fmean(
                sets.f1(
                    _select(multi, multi_folds, fold, held_out=False),
                    _select(english, english_folds, fold, held_out=False),
                )
            )
            for _, (multi, english) in candidates
        ]
        best = trained.index(max(trained))
        name, (multi, english) = candidates[best]
        chosen.append(name)
        held_multi += _select(multi, multi_folds, fold, held_out=True)
        held_english += _select(english, english_folds, fold, held_out=True)
    return sets.f1(held_multi, held_english), chosen


def rule_table(sets: RuleSets, k: int) -> list[str]:
    """Markdown rows: each rule's dev effect on both sets and its cross-validated figures."""
    all_variants = variants()
    counts = {v.name: sets.counts(v) for v in all_variants}
    default = counts["default rules"]
    d_multi, d_english = sets.f1(*default)
    rows = [
        "| rule (switched off) | extraction-multi-dev F1 | extraction-dev F1 | "
        f"{k}-fold CV: multi · English (folds keeping the rule) |",
        "|---|---|---|---|",
        f"| none (default rules) | {d_multi:.4f} | {d_english:.4f} | |",
    ]
    for v in all_variants[1:]:
        if v.name.startswith("standfirst_min_chars"):
            continue
        multi, english = sets.f1(*counts[v.name])
        (cv_multi, cv_english), chosen = cross_validate(
            sets, [("on", default), ("off", counts[v.name])], k
        )
        rows.append(
            f"| {v.name.removesuffix(' off')} | {d_multi:.4f} → {multi:.4f} | "
            f"{d_english:.4f} → {english:.4f} | {cv_multi:.4f} · {cv_english:.4f} "
            f"({chosen.count('on')}/{k}) |"
        )
    grid = [
        (f"{n}", counts[f"standfirst_min_chars={n}"])
        for n in STANDFIRST_GRID
        if f"standfirst_min_chars={n}" in counts
    ]
    grid.insert(
        STANDFIRST_GRID.index(DEFAULT_EXTRACTION_RULES.standfirst_min_chars),
        (str(DEFAULT_EXTRACTION_RULES.standfirst_min_chars), default),
    )
    (cv_multi, cv_english), chosen = cross_validate(sets, grid, k)
    dev = ", ".join(f"{name}: {sets.f1(*c)[0]:.4f}/{sets.f1(*c)[1]:.4f}" for name, c in grid)
    rows.append(
        f"| standfirst_min_chars grid (multi/English dev F1: {dev}) | | | "
        f"{cv_multi:.4f} · {cv_english:.4f} (chosen: {', '.join(chosen)}) |"
    )
    return rows
