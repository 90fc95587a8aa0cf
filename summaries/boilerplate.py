"""Clean a pasted web page: keep the article's paragraphs, read headline, byline and date.

How: the paste is cut into lines (`_paste_lines`), each labelled from its own text (prose,
heading, menu, caption, date, byline, footer, banner). Repeated lines and runs of teasers
(headline + date line + blurb, again and again) are flagged from context. Every line gets a
score (prose: its words; furniture: a penalty; a footer ends the article) and the article is the
maximum-sum run of lines, found in one linear pass. Inside that run only prose-like lines are
kept, verbatim. Thresholds live in `PasteRules`, patterns in `_paste_rules`.
"""

from __future__ import annotations

from summaries._paste_lines import Kind, Unit, label_units, normalise, split_units
from summaries._paste_meta import find_meta
from summaries._paste_rules import DEFAULT_RULES, PasteRules
from summaries.models import Article

__all__ = ["DEFAULT_RULES", "PasteRules", "clean_paste"]

#: Lines that say "the blurb above was a teaser" when they follow it.
_READ_MORE = frozenset({
    "read more", "read full article", "continue reading", "more", "weiterlesen", "mehr",
    "lire la suite", "lire plus", "leer más", "seguir leyendo", "leia mais", "leggi tutto",
    "lees meer", "читать далее",
})
_KEEP = (Kind.PROSE, Kind.SHORT)
_FURNITURE = (Kind.MENU, Kind.BANNER, Kind.LEAD, Kind.CAPTION, Kind.DATE, Kind.BYLINE,
              Kind.FOOTER)


def _mark_teasers(units: list[Unit], rules: PasteRules) -> None:
    """Flag runs of teasers: date lines close together with at most one blurb between them."""
    dates = [i for i, u in enumerate(units) if u.kind is Kind.DATE]
    for a, b in zip(dates, dates[1:], strict=False):
        if not 2 <= b - a <= rules.teaser_gap:
            continue
        prose = sum(1 for u in units[a + 1:b] if u.kind is Kind.PROSE)
        if prose > 1:
            continue
        lo = max(0, a - 2)
        for u in units[lo:b + 1]:
            u.teaser = True
        # The blurb of the last teaser follows its date line (after a repeated headline).
        for u in units[b + 1:b + 4]:
            if u.kind is Kind.FOOTER or u.kind is Kind.DATE:
                break
            u.teaser = True
            if u.kind in _KEEP:
                break
    for i, u in enumerate(units):
        if u.kind in (Kind.MENU, Kind.LEAD) and normalise(u.text) in _READ_MORE and i > 0:
            prev = units[i - 1]
            if prev.kind in _KEEP:
                prev.teaser = True
                if i > 1 and units[i - 2].kind is Kind.HEADING:
                    units[i - 2].teaser = True


def _score(unit: Unit, rules: PasteRules) -> float | None:
    """A unit's contribution to the article run; None ends any run (a footer)."""
    kind = unit.kind
    if kind is Kind.FOOTER:
        return None
    if unit.teaser:
        return -rules.teaser_penalty - (unit.words if kind in _KEEP else 0.0)
    if kind is Kind.PROSE:
        return unit.words if not unit.repeated else -rules.repeated_penalty
    if kind is Kind.SHORT:
        if unit.repeated:
            return -rules.repeated_penalty
        return unit.words * rules.short_sentence_weight
    if kind is Kind.HEADING:
        return -rules.heading_penalty - (rules.repeated_penalty if unit.repeated else 0.0)
    if kind is Kind.CAPTION:
        return -rules.caption_penalty
    if kind is Kind.DATE:
        return -rules.date_penalty
    if kind is Kind.BANNER:
        return -max(rules.menu_penalty, unit.words)
    if kind is Kind.BYLINE:
        return -rules.heading_penalty
    return -rules.menu_penalty


def _best_run(units: list[Unit], rules: PasteRules) -> tuple[int, int] | None:
    """Maximum-sum run of unit scores (Kadane); a footer resets the run."""
    best: tuple[float, int, int] | None = None
    run_sum = 0.0
    run_start = 0
    for i, unit in enumerate(units):
        score = _score(unit, rules)
        if score is None:
            run_sum, run_start = 0.0, i + 1
            continue
        if run_sum <= 0.0:
            run_sum, run_start = 0.0, i
        run_sum += score
        if run_sum > 0.0 and (best is None or run_sum > best[0]):
            best = (run_sum, run_start, i)
    return None if best is None else (best[1], best[2])


def clean_paste(text: str, rules: PasteRules = DEFAULT_RULES) -> Article:
    """Strip a pasted web page down to its article.

    Args:
        text: Everything a person copied from a page (menus, captions, teasers included).
        rules: Thresholds of the cleaner.

    Returns:
        The article: `text` holds the body's paragraphs, verbatim, separated by blank lines;
        `title`, `author`, `published` and `publication` are filled when the paste shows them.
        Never raises; an empty or unreadable paste gives `Article(text="")`.
    """
    if not text or not text.strip():
        return Article(text="")
    units = split_units(text, rules)
    label_units(units, rules)
    _mark_teasers(units, rules)
    run = _best_run(units, rules)
    if run is None:
        kept = [u.text for u in units if u.kind not in _FURNITURE]
        return Article(text="\n\n".join(kept))
    start, end = run
    body = [u for u in units[start:end + 1] if u.kind in _KEEP and not u.teaser]
    # Begin the body at its first kept line so the headline search starts right above it.
    first = next(i for i in range(start, end + 1) if units[i] is body[0]) if body else start
    meta = find_meta(units, first, end, rules)
    return Article(
        text="\n\n".join(u.text for u in body),
        title=meta.title,
        author=meta.author,
        published=meta.published,
        publication=meta.publication,
    )
