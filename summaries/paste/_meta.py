"""Headline, byline, publication and date of a pasted article, read from lines around its body."""

from __future__ import annotations

import datetime as dt
import re

from summaries.models import ArticleMeta
from summaries.paste._dates import find_date, has_date_keyword, is_update_stamp
from summaries.paste._lines import Kind, Unit
from summaries.paste._rules import BYLINE_RE, DATE_RE, FOOTER_RE, PasteRules

# Where a byline's name ends: a separator, a date, a role ("Opinion Columnist").
_NAME_END_RE = re.compile(r"\s*(?:[|•·]|\s[-–—]\s|,\s*(?=\d)|\bon\b\s|\bupdated\b).*$", re.I)
_TITLE_SKIP = {Kind.DATE, Kind.CAPTION, Kind.BYLINE, Kind.MENU, Kind.BANNER, Kind.LEAD}


def find_title(units: list[Unit], start: int, rules: PasteRules) -> str | None:
    """The headline: the nearest headline-shaped line above the body (captions, dates skipped)."""
    fallback: str | None = None
    prose_skipped = 0
    for i in range(start - 1, max(-1, start - 1 - rules.title_window), -1):
        unit = units[i]
        if unit.kind in _TITLE_SKIP or unit.teaser:
            continue
        if unit.kind is Kind.FOOTER:
            break
        if unit.kind is Kind.PROSE or (unit.kind is Kind.SHORT and unit.text.endswith(".")):
            prose_skipped += 1
            if prose_skipped > 2:
                break
            continue
        if "\n" in unit.text or not rules.title_min_words <= unit.words <= rules.title_max_words:
            continue
        if unit.words >= 3:
            return unit.text
        if fallback is None:
            fallback = unit.text
    return fallback


def _clean_name(raw: str) -> str | None:
    name = _NAME_END_RE.sub("", raw).strip(" ,;:-–—")
    name = re.sub(r"\s+,", ",", name)
    if not name or not name[0].isupper() or len(name.split()) > 10 or DATE_RE.search(name):
        return None
    return name


def find_author(units: list[Unit], start: int, end: int, rules: PasteRules) -> str | None:
    """The byline nearest above the body, else one inside it."""
    lo = max(0, start - rules.meta_window_above)
    order = list(range(start - 1, lo - 1, -1)) + list(range(start, end + 1))
    for i in order:
        unit = units[i]
        if unit.kind is not Kind.BYLINE:
            continue
        m = BYLINE_RE.match(unit.text)
        if m and (name := _clean_name(m.group("name"))):
            return name
    return None


def _footer_meta(units: list[Unit], start: int, end: int, rules: PasteRules) -> ArticleMeta | None:
    hi = min(len(units), end + 1 + rules.meta_window_below)
    for i in range(start, hi):
        unit = units[i]
        if unit.kind is not Kind.FOOTER:
            continue
        m = FOOTER_RE.match(unit.text)
        if m and m.group("pub"):
            pub = m.group("pub").strip(" .,:;")
            return ArticleMeta(publication=pub or None, published=find_date(m.group("rest") or ""))
    return None


def find_published(units: list[Unit], start: int, end: int, rules: PasteRules) -> dt.date | None:
    """The article's date: a "Published …" line above the body, a bare date line, then updates.

    Dates below the body belong to teasers of other articles and are never read.
    """
    lo = max(0, start - rules.meta_window_above)
    ranked: list[tuple[int, int, dt.date]] = []
    for i in range(lo, end + 1):
        unit = units[i]
        if i >= start and unit.kind is not Kind.DATE:
            continue
        if unit.teaser or unit.kind in (Kind.PROSE, Kind.FOOTER):
            continue
        if unit.kind not in (Kind.DATE, Kind.BYLINE) and not has_date_keyword(unit.text):
            continue
        found = find_date(unit.text)
        if found is None:
            continue
        if is_update_stamp(unit.text):
            rank = 2
        elif has_date_keyword(unit.text) or unit.kind is Kind.BYLINE:
            rank = 0
        else:
            rank = 1
        ranked.append((rank, abs(start - i), found))
    if not ranked:
        return None
    return min(ranked, key=lambda r: (r[0], r[1]))[2]


def find_meta(units: list[Unit], start: int, end: int, rules: PasteRules) -> ArticleMeta:
    """Everything known about the article whose body spans units[start..end]."""
    footer = _footer_meta(units, start, end, rules)
    published = footer.published if footer and footer.published else None
    if published is None:
        published = find_published(units, start, end, rules)
    return ArticleMeta(
        title=find_title(units, start, rules),
        author=find_author(units, start, end, rules),
        published=published,
        publication=footer.publication if footer else None,
    )


__all__ = ["find_meta"]
