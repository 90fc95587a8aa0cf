"""Find and parse dates in pasted lines ("December 21st, 2014", "21. Dezember 2014", ISO)."""

from __future__ import annotations

import datetime as dt
import re

from summaries.paste._rules import (
    DATE_KEYWORD_RE,
    DATE_LINE_FILLER_RE,
    DATE_RE,
    DAY_WORDS,
    DIGIT_RE,
    MONTHS,
    TIME_AGO_RE,
    WORD_RE,
)

_LEFTOVER_RE = re.compile(r"[^\W\d_]{2,}")


def _match_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["mdy_m"]:
            return dt.date(int(g["mdy_y"]), MONTHS[g["mdy_m"].lower()], int(g["mdy_d"]))
        if g["dmy_m"]:
            return dt.date(int(g["dmy_y"]), MONTHS[g["dmy_m"].lower()], int(g["dmy_d"]))
        if g["iso_y"]:
            return dt.date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        if g["dot_y"]:
            return dt.date(int(g["dot_y"]), int(g["dot_m"]), int(g["dot_d"]))
    except (ValueError, KeyError):
        return None
    return None


def find_date(text: str) -> dt.date | None:
    """Return the first valid calendar date written in `text`, or None."""
    for m in DATE_RE.finditer(text):
        found = _match_date(m)
        if found is not None:
            return found
    return None


def is_date_line(text: str) -> bool:
    """True when the line is (almost) only a date or a "time ago" stamp, maybe with a keyword.

    "Updated 18 Dec, 2024", "December 21, 2014 10:31 AM", "3 hours ago" are date lines;
    "Published in Dawn, December 21st, 2014" is not (it names a publication: a footer).
    """
    # Every date or stamp has a digit or a day word; most lines have neither.
    if DIGIT_RE.search(text) is None:
        lower = text.lower()
        if not any(word in lower for word in DAY_WORDS):
            return False
    if len(WORD_RE.findall(text)) > 14:
        return False
    rest = DATE_KEYWORD_RE.sub(" ", text, count=1)
    stripped = DATE_RE.sub(" ", rest)
    had_date = stripped != rest
    if not had_date:
        stripped = TIME_AGO_RE.sub(" ", rest)
        if stripped == rest:
            return False
    stripped = DATE_LINE_FILLER_RE.sub(" ", stripped)
    # A word or two may remain ("Updated", a weekday we do not know, a city): still a stamp.
    return len(_LEFTOVER_RE.findall(stripped)) <= 1


_DIGITS_RE = re.compile(r"\d+")


def date_shape(text: str) -> str:
    """The look of a date line with its values blanked: "2 days ago at 07:52 am" and
    "3 days ago at 08:10 am" share one shape; feeds repeat one shape, articles don't."""
    words = _DIGITS_RE.sub("0", text.lower()).split()
    return " ".join("m" if w.strip(".,") in MONTHS else w for w in words)


def has_date_keyword(text: str) -> bool:
    """True when the line starts with a publication-date keyword ("Published", "Updated", …)."""
    return DATE_KEYWORD_RE.match(text) is not None


def is_update_stamp(text: str) -> bool:
    """True for "Updated …"/"Aktualisiert …" stamps (teasers carry them; never first choice)."""
    head = text.lstrip()[:20].lower()
    return head.startswith(
        (
            "updated",
            "last updated",
            "aktualisiert",
            "mis à jour",
            "actualizado",
            "aggiornato",
            "atualizado",
            "bijgewerkt",
            "modified",
            "modifié",
        )
    )
