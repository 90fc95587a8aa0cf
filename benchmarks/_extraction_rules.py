"""Each extraction rule's effect on extraction-multi-dev and extraction-dev, dev, k-fold CV and
the cross-set check.

Used by `cross_validation.py`. A rule is switched off by running the extractor with it removed
(a field of `ExtractionRules`, one named kind of `FURNITURE_LINES` / `FURNITURE_MARKS`, or a
whole cleanup stage patched out, see `STAGES`); a threshold is run over its grid
(`THRESHOLD_GRIDS`). Every page's counts are kept, so that the cross-validation can decide on
each fold from the other folds alone: a rule is kept on a fold when it does not lower the mean
of the two sets' F1 on the other folds, and the held-out fold is scored with that decision.
The cross-set check decides on one set alone and scores the other (a held-out set of another
kind); the choices of each set are then run together.
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
from summaries.extract import (
    DEFAULT_EXTRACTION_RULES,
    ExtractionRules,
    _clean,
    _extract,
    extract_article,
)
from summaries.extract._rules import (
    FURNITURE_LINES,
    FURNITURE_MARKS,
    boilerplate_line,
    furniture_mark,
)

#: Per-page counts of one set (the shared scorers' tuples), and of both sets together.
Counts = list[tuple[float, ...]]
SetCounts = tuple[Counts, Counts]

#: Grids of the thresholds (`ExtractionRules` fields), each cross-validated like a rule with the
#: others at their defaults; the default value is added to its grid.
THRESHOLD_GRIDS: dict[str, tuple[int, ...]] = {
    "standfirst_min_chars": (0, 80, 100, 120, 150, 200),
    "prose_min_chars": (60, 80, 100, 120),
    "caption_max_chars": (150, 200, 250),
    "pitch_max_chars": (200, 300, 400),
    "tail_prose_chars": (120, 200, 300, 400),
    "trailing_window": (6, 12, 20),
    "kicker_max_chars": (0, 40, 60),
    "fallback_below_prose_chars": (200, 400, 800),
}


def _identity(paragraphs: list[str], *_: object) -> list[str]:
    return paragraphs


def _nothing(*_: object) -> list[str]:
    return []


#: Whole cleanup stages, switched off by patching the function the extractor calls:
#: (name, module, attribute, stand-in). Benchmark-only: the pipeline has no switch for them.
STAGES: tuple[tuple[str, ModuleType, str, Any], ...] = (
    ("title echo and kicker at the top", _clean, "_strip_leading", _identity),
    ("lines broken by <br> re-joined", _clean, "join_wrapped_lines", _identity),
    ("teaser blocks and runs of link lines", _clean, "_drop_teasers", _identity),
    ("tail after the last sentence", _clean, "_strip_trailing", _identity),
    ("article continued in later chunks", _extract, "continuation", _nothing),
)


@dataclass(frozen=True, slots=True)
class Variant:
    """The extractor with some rules changed: fields of `ExtractionRules`, furniture kinds
    and whole stages switched off. Variants combine (`plus`), so that a rule set chosen on
    one set can be run on the other."""

    name: str
    fields: tuple[tuple[str, Any], ...] = ()
    lines_off: frozenset[str] = frozenset()
    marks_off: frozenset[str] = frozenset()
    stages_off: frozenset[str] = frozenset()

    @property
    def rules(self) -> ExtractionRules:
        return replace(DEFAULT_EXTRACTION_RULES, **dict(self.fields))

    @property
    def is_default(self) -> bool:
        return not (self.fields or self.lines_off or self.marks_off or self.stages_off)

    def plus(self, other: Variant, name: str) -> Variant:
        return Variant(
            name,
            tuple(dict(self.fields + other.fields).items()),
            self.lines_off | other.lines_off,
            self.marks_off | other.marks_off,
            self.stages_off | other.stages_off,
        )


DEFAULT = Variant("default rules")


def switches() -> list[Variant]:
    """Every rule switched off alone: the standfirst, each furniture kind, each stage."""
    out = [Variant("standfirst", (("keep_standfirst", False),))]
    out += [Variant(f"line: {n}", lines_off=frozenset({n})) for n, _ in FURNITURE_LINES]
    out += [Variant(f"mark: {n}", marks_off=frozenset({n})) for n, _ in FURNITURE_MARKS]
    out += [Variant(f"stage: {n}", stages_off=frozenset({n})) for n, *_ in STAGES]
    return out


def grid(field: str) -> list[Variant]:
    """A threshold's grid, the default value first (ties go to it)."""
    default = getattr(DEFAULT_EXTRACTION_RULES, field)
    values = [default, *(v for v in THRESHOLD_GRIDS[field] if v != default)]
    return [DEFAULT if v == default else Variant(f"{field}={v}", ((field, v),)) for v in values]


@contextmanager
def _patched(variant: Variant) -> Iterator[None]:
    lines = tuple(item for item in FURNITURE_LINES if item[0] not in variant.lines_off)
    marks = tuple(item for item in FURNITURE_MARKS if item[0] not in variant.marks_off)
    patches: list[tuple[ModuleType, str, Any]] = [
        (_clean, "BOILERPLATE_LINE", boilerplate_line(lines)),
        (_clean, "FURNITURE_MARK", furniture_mark(marks)),
    ]
    patches += [(m, attr, new) for n, m, attr, new in STAGES if n in variant.stages_off]
    saved = [(module, attr, getattr(module, attr)) for module, attr, _ in patches]
    for module, attr, value in patches:
        setattr(module, attr, value)
    try:
        yield
    finally:
        for module, attr, value in saved:
            setattr(module, attr, value)


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


def _choose(sets: RuleSets, candidates: list[tuple[str, SetCounts]], on: int) -> int:
    """Index of the candidate best on one set alone (`on`: 0 multi, 1 English; as `RuleSets.f1`),
    ties going to the first."""
    scores = [sets.f1(*counts)[on] for _, counts in candidates]
    return scores.index(max(scores))


def _row(sets: RuleSets, name: str, group: list[tuple[str, SetCounts]], k: int) -> str:
    """One rule or grid: dev F1 per candidate, k-fold CV, and the choice on each set alone
    scored on the other set."""
    dev = ", ".join(f"{n}: {' / '.join(f'{f:.4f}' for f in sets.f1(*c))}" for n, c in group)
    (cv_multi, cv_english), chosen = cross_validate(sets, group, k)
    by_multi, by_english = _choose(sets, group, 0), _choose(sets, group, 1)
    return (
        f"| {name} | {dev} | {cv_multi:.4f} · {cv_english:.4f} ({', '.join(chosen)}) | "
        f"{group[by_english][0]} → {sets.f1(*group[by_english][1])[0]:.4f} | "
        f"{group[by_multi][0]} → {sets.f1(*group[by_multi][1])[1]:.4f} |"
    )


def rule_table(sets: RuleSets, k: int) -> list[str]:
    """Markdown: each rule's and threshold's dev effect on both sets, its k-fold figures, and
    the cross-set check (chosen on one set alone, scored on the other); then the rule sets
    chosen on each set alone, run together and scored on both."""
    default = sets.counts(DEFAULT)
    d_multi, d_english = sets.f1(*default)
    rows = [
        "| rule or threshold | dev F1 multi / English per choice | "
        f"{k}-fold CV multi · English (choice per fold) | chosen on English → multi F1 | "
        "chosen on multi → English F1 |",
        "|---|---|---|---|---|",
        f"| default rules | {d_multi:.4f} / {d_english:.4f} | | | |",
    ]
    picks: dict[int, list[Variant]] = {0: [], 1: []}
    for variant in switches():
        group = [("on", default), ("off", sets.counts(variant))]
        rows.append(_row(sets, variant.name, group, k))
        for on in picks:
            if _choose(sets, group, on) == 1:
                picks[on].append(variant)
    for field in THRESHOLD_GRIDS:
        variants = grid(field)
        group = [
            (f"{getattr(v.rules, field)}", default if v.is_default else sets.counts(v))
            for v in variants
        ]
        rows.append(_row(sets, field, group, k))
        for on in picks:
            best = variants[_choose(sets, group, on)]
            if not best.is_default:
                picks[on].append(best)
    rows += [
        "",
        "Rule sets chosen on one set alone (every switch and threshold above), run together:",
        "| chosen on | changes from the default | extraction-multi-dev F1 | extraction-dev F1 |",
        "|---|---|---|---|",
        f"| (default rules) | | {d_multi:.4f} | {d_english:.4f} |",
    ]
    for on, label in ((1, "extraction-dev"), (0, "extraction-multi-dev")):
        combined = DEFAULT
        for variant in picks[on]:
            combined = combined.plus(variant, label)
        multi, english = sets.f1(*sets.counts(combined)) if picks[on] else (d_multi, d_english)
        changes = ", ".join(v.name for v in picks[on]) or "none"
        rows.append(f"| {label} | {changes} | {multi:.4f} | {english:.4f} |")
    return rows
