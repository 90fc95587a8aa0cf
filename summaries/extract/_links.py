"""Texts of a page's links, so that link-only lines (teasers, menus) can be recognised."""

from __future__ import annotations

import re

from lxml.etree import tostring
from lxml.html import HtmlElement

from summaries.extract._text import text_key

#: Shorter link texts ("Home", "More") say nothing about a line that merely contains them.
_MIN_KEY_CHARS = 8
#: `text_key`'s non-word runs, stopping at newlines (the separator of the batched link texts).
_NON_WORD_IN_LINE = re.compile(r"[^\w\n]+")


def link_keys(tree: HtmlElement) -> frozenset[str]:
    """Comparison keys of every link text on the page that is long enough to be a teaser.

    Each key is `text_key` of one link text. Pages have hundreds of links, so the texts are
    keyed in one pass: newlines inside a text become spaces (both are runs of non-word
    characters to `text_key`), the texts are joined by newlines, case-folded (per character)
    and their non-word runs collapsed without crossing a newline, then split apart again.
    """
    # lxml's text serialiser reads the same text nodes as `text_content()` (libxml2's node
    # content) without an XPath evaluation per link
    texts = [
        tostring(anchor, method="text", encoding="unicode", with_tail=False).replace("\n", " ")
        for anchor in tree.iter("a")
    ]
    if not texts:
        return frozenset()
    folded = _NON_WORD_IN_LINE.sub(" ", "\n".join(texts).casefold())
    keys = (key.strip() for key in folded.split("\n"))
    return frozenset(key for key in keys if len(key) >= _MIN_KEY_CHARS)


def is_link_line(paragraph: str, keys: frozenset[str]) -> bool:
    """True when the whole paragraph is the text of one link (list bullets aside)."""
    return text_key(paragraph) in keys
