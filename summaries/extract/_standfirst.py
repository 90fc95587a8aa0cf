"""The standfirst (lede, teaser, deck) printed above the body, which trafilatura leaves out."""

# News and blog pages print a summary paragraph between the headline and the body, in an element
# of its own; trafilatura keeps only the body container. Class names for it differ by site and
# language ("teaser-text", "chapo", "article-deck", "lead"), but the page states its summary once
# more in a language-neutral place: the meta description. A paragraph printed before the body
# that reads like prose and repeats the declared description is the article's standfirst.

from __future__ import annotations

from typing import Any, cast

from lxml.etree import XPath
from lxml.html import HtmlElement

from summaries.extract._rules import ExtractionRules
from summaries.extract._text import is_prose, text_key, weighted_length
from summaries.extract._tree import only_body

#: Where the page states its own summary of the article: (attribute, value) of the <meta>.
_DESCRIPTION_KEYS = (
    ("name", "description"),
    ("property", "og:description"),
    ("name", "twitter:description"),
)
#: Text nodes holding a probe: a leaf test per node, cheap on any page (an element test would
#: normalise the text of every element, the whole page once per level of nesting).
_TEXT_HOLDING = XPath("//body//text()[not(parent::script)][contains(normalize-space(.), $probe)]")
#: The same below the one <body>, with the probe's longest word tested first: a plain
#: `contains` skips nearly every node before `normalize-space` copies its text (a word of the
#: probe holds no white space, so a node that holds the probe holds the word as it is).
_TEXT_HOLDING_BELOW = XPath(
    "descendant::text()[contains(., $word)][not(parent::script)]"
    "[contains(normalize-space(.), $probe)]"
)
#: How much of a text finds its element again (descriptions are often cut with "…"); short
#: enough to lie within the first text node of a paragraph.
_PROBE_CHARS = 30
#: How much of the description the copy must begin with.
_PREFIX_CHARS = 40
#: Inline elements: a standfirst starting in one of them is the block around it.
_INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "span", "font", "small"})
#: A standfirst may carry a little more than the description (a dateline, an agency), not a body.
_SLACK_CHARS = 80


def declared_descriptions(tree: HtmlElement) -> tuple[str, ...]:
    """The page's meta descriptions (description, og:, twitter:), white space collapsed.

    Read before the tree's meta elements are dropped.
    """
    values = (
        element.get("content")
        for element in tree.iter("meta")  # (a tag walk in C: faster than an XPath "//meta")
        if any(element.get(key) == value for key, value in _DESCRIPTION_KEYS)
    )
    texts = (" ".join(value.split()) for value in values if value is not None)
    return tuple(dict.fromkeys(text for text in texts if len(text) >= _PREFIX_CHARS))


def _holder(text: Any) -> HtmlElement | None:
    """The element whose own text (not tail) a text node of an XPath result is."""
    parent = text.getparent()
    if parent is None:
        return None
    if getattr(text, "is_tail", False):
        return parent.getparent()  # a tail belongs to the element around its element
    return cast("HtmlElement", parent)


def _first_holder(tree: HtmlElement, text: str) -> HtmlElement | None:
    probe = " ".join(text.split())[:_PROBE_CHARS]
    body = only_body(tree)
    if body is not None:  # the parser's usual tree: one walk below it instead of two
        word = max(probe.split(" "), key=len)
        nodes = _TEXT_HOLDING_BELOW(body, word=word, probe=probe)
    else:
        nodes = _TEXT_HOLDING(tree, probe=probe)
    return _holder(nodes[0]) if nodes else None


def _printed_copy(tree: HtmlElement, description: str, body_start: HtmlElement) -> str | None:
    """Text of the element printed before the body that repeats the description, if any."""
    limit = len(description) + _SLACK_CHARS
    prefix = text_key(description[:_PREFIX_CHARS])

    def copy_text(element: HtmlElement | None) -> str | None:
        if element is None or element.tag == "body":
            return None
        text = " ".join(element.text_content().split())
        return text if len(text) <= limit and text_key(text).startswith(prefix) else None

    holder = _first_holder(tree, description)
    while holder is not None and copy_text(holder) is None:  # the probe sat in an inline part
        if len(holder.text_content()) > 2 * limit:
            return None
        holder = holder.getparent()
    if holder is None or holder.tag == "body":
        return None
    while holder.tag in _INLINE_TAGS and copy_text(holder.getparent()) is not None:
        holder = holder.getparent()  # the whole paragraph, not its first bold words
    order = {element: index for index, element in enumerate(tree.iter())}
    if order[holder] >= order.get(body_start, -1) or body_start in holder.iterdescendants():
        return None  # printed after the body's start, or around it: not a standfirst
    return copy_text(holder)


def standfirst(
    tree: HtmlElement, body: list[str], descriptions: tuple[str, ...], rules: ExtractionRules
) -> list[str]:
    """The standfirst paragraph the body is missing (often none), to put before the body.

    Args:
        tree: the parsed page (not modified).
        body: the extracted body's paragraphs.
        descriptions: `declared_descriptions` of the page.
        rules: prose thresholds; `rules.keep_standfirst` turns the rule off.

    Returns:
        One paragraph, or nothing when the page prints no description above the body or the
        body already holds it.
    """
    if not rules.keep_standfirst or not descriptions:
        return []
    first = next((p for p in body if is_prose(p, rules)), None)
    if first is None:
        return []
    body_keys = " ".join(text_key(p) for p in body)
    body_start: HtmlElement | None = None
    for description in descriptions:
        if text_key(description[:_PREFIX_CHARS]) in body_keys:
            return []  # the description is the body's own first lines
        # searched only now: most bodies hold their description (the search is a tree walk)
        body_start = body_start if body_start is not None else _first_holder(tree, first)
        if body_start is None:
            return []
        text = _printed_copy(tree, description, body_start)
        if (
            text is not None
            and is_prose(text, rules)
            and weighted_length(text) >= rules.standfirst_min_chars
        ):
            return [text]
    return []
