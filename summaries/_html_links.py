"""Texts of a page's links, so that link-only lines (teasers, menus) can be recognised."""

from __future__ import annotations

from lxml.html import HtmlElement

from summaries._html_text import text_key

#: Shorter link texts ("Home", "More") say nothing about a line that merely contains them.
_MIN_KEY_CHARS = 8


def link_keys(tree: HtmlElement) -> frozenset[str]:
    """Comparison keys of every link text on the page that is long enough to be a teaser."""
    keys: set[str] = set()
    for anchor in tree.iter("a"):
        key = text_key(anchor.text_content())
        if len(key) >= _MIN_KEY_CHARS:
            keys.add(key)
    return frozenset(keys)


def is_link_line(paragraph: str, keys: frozenset[str]) -> bool:
    """True when the whole paragraph is the text of one link (list bullets aside)."""
    return text_key(paragraph) in keys
