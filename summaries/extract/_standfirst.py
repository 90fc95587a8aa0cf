"""The standfirst (lede, teaser, deck) printed above the body, which trafilatura leaves out."""

# News and blog pages print a summary paragraph between the headline and the body, in an element
# of its own; trafilatura keeps only the body container. Class names for it differ by site and
# language ("teaser-text", "chapo", "article-deck", "lead"), but the page states its summary once
# more in a language-neutral place: the meta description. A paragraph printed before the body
# that reads like prose and repeats the declared description is the article's standfirst.

from __future__ import annotations

from lxml.etree import XPath
from lxml.html import HtmlElement

from summaries.extract._rules import ExtractionRules
from summaries.extract._text import is_prose, text_key, weighted_length

#: The page's own summary of the article, in the order trusted.
_DESCRIPTIONS = XPath(
    "//meta[@name='description' or @property='og:description' or @name='twitter:description']"
    "/@content"
)
#: Elements whose text begins with a probe (normalize-space runs in C, not per element in Python).
_STARTING_WITH = XPath("//body//*[starts-with(normalize-space(.), $probe)]")
_PRECEDES = XPath("following::*[starts-with(normalize-space(.), $probe)]")
#: How much of a text finds its element again (descriptions are often cut with "…").
_PROBE_CHARS = 40
#: A standfirst may carry a little more than the description (a dateline, an agency), not a body.
_SLACK_CHARS = 80


def declared_descriptions(tree: HtmlElement) -> tuple[str, ...]:
    """The page's meta descriptions (description, og:, twitter:), white space collapsed.

    Read before the tree's meta elements are dropped.
    """
    texts = (" ".join(str(value).split()) for value in _DESCRIPTIONS(tree))
    return tuple(dict.fromkeys(text for text in texts if len(text) >= _PROBE_CHARS))


def _printed_copy(tree: HtmlElement, description: str, body_probe: str) -> str | None:
    """Text of the innermost element printed before the body that repeats the description."""
    limit = len(description) + _SLACK_CHARS
    copies = [
        element
        for element in _STARTING_WITH(tree, probe=description[:_PROBE_CHARS])
        if len(element.text_content()) <= 2 * limit  # cheap bound before normalising
    ]
    for element in reversed(copies):  # document order: the innermost copy is the last
        text = " ".join(element.text_content().split())
        if len(text) <= limit and _PRECEDES(element, probe=body_probe):
            return text
    return None


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
    body_probe = " ".join(first.split())[:_PROBE_CHARS]
    for description in descriptions:
        if text_key(description[:_PROBE_CHARS]) in body_keys:
            return []  # the description is the body's own first lines
        text = _printed_copy(tree, description, body_probe)
        if (
            text is not None
            and is_prose(text, rules)
            and weighted_length(text) >= rules.standfirst_min_chars
        ):
            return [text]
    return []
