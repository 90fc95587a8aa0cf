"""Bylines reduced to the names they credit: "By A and B | 3 Jan" → "A, B"."""

from __future__ import annotations

import re

from summaries.extract._rules import BYLINE_NOISE

#: What opens a byline before the names, in the languages of our pages.
_LEAD = re.compile(
    r"^(?:(?:written|words|story|text|reported|reporting)\s+)?(?:by|von|par|por|di|door|av|af|przez|автор)"
    r"\b[:\s]*|^(?:author|autor|auteur|autore|auteurs?|авторы?|作者|記者|文)\s*[:：︱|]?\s*",
    re.IGNORECASE,
)
#: Where the names end: the next line, a separator, a date, or a credit that is not authorship.
_END = re.compile(
    r"\n|\s[|•·]\s?|\s[-–—]\s|[|•·—]\s*$|,\s*(?=\d)|\s(?:on|updated|published|posted|am|le|el)\s"
    r"|\b(?:edited|photos?|photography|illustrations?|graphics|video|additional reporting)\s+by\b"
    r"|\d",
    re.IGNORECASE,
)
#: Between two names.
_BETWEEN = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|、|，)\s*", re.IGNORECASE
)
#: Characters of scripts written without spaces: a name there is a few characters, no spaces.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_MAX_UNSPACED_CHARS = 12
_MAX_NAME_WORDS = 4
#: Declared authors may be organisations ("Contributors to Wikimedia projects").
_MAX_DECLARED_WORDS = 6


def _is_name(name: str, declared: bool) -> bool:
    if _UNSPACED.search(name):
        return " " not in name and 2 <= len(name) <= _MAX_UNSPACED_CHARS
    words = name.split()
    if declared:
        # a meta tag or JSON-LD names the author on purpose: an organisation counts too
        return 2 <= len(words) <= _MAX_DECLARED_WORDS
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return False
    # names are capitalised in cased scripts; "and more" or "view all" are not names
    return all(
        w[0].isupper() or not w[0].isalpha() or w in {"de", "van", "von", "da"} for w in words
    )


def byline_names(text: str, declared: bool = False) -> list[str]:
    """The names a byline credits, in order (empty when it names nobody).

    Args:
        text: the byline as shown, lines kept ("By A and B\\nEdited by C | 3 Jan").
        declared: the text comes from an author field (meta tag, JSON-LD), not a page element.
    """
    text = "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()
    text = _LEAD.sub("", text, count=1)
    end = _END.search(text)
    if end is not None:
        text = text[: end.start()]
    names: list[str] = []
    for part in _BETWEEN.split(text):
        name = BYLINE_NOISE.sub("", f" {part}").strip(" .,:;|-–—()[]")
        name = _LEAD.sub("", name, count=1).strip()
        if name and _is_name(name, declared) and name not in names:
            names.append(name)
    return names


def normalise_byline(text: str | None, declared: bool = False) -> str | None:
    """A byline as "A, B", or None when it credits no one (see `byline_names`)."""
    if not text:
        return None
    names = byline_names(text, declared)
    return ", ".join(names) if names else None
