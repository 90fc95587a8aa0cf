"""Articles split into same-class containers (ads between chunks): find the later chunks."""

# trafilatura keeps the container it judged best and drops its twins further down the page. When
# the element holding the body's last prose paragraph has an article-body class, later elements
# with the same tag and class nearby are the article's continuation.

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement

from summaries.extract._rules import ExtractionRules
from summaries.extract._text import is_prose, text_key

#: How much of a paragraph is enough to find its element again.
_PROBE_CHARS = 48
_FIND_PARAGRAPH = XPath("//p[starts-with(normalize-space(.), $probe)]")
_LATER_TWINS = XPath("following::*[local-name() = $tag and @class = $cls]")
#: Only a container whose class names an article body is taken to be split in chunks; page-builder
#: widget classes ("widget-container", "column") repeat across the whole page.
_BODY_CLASS = re.compile(r"body|article|story|entry|chunk|paragraph|richtext", re.IGNORECASE)
#: A twin must share an ancestor this close with the original chunk (same article region).
_MAX_COMMON_DEPTH = 3
_IN_COMMENTS = XPath("ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')]")
_BLOCKS = XPath(
    ".//*[self::p or self::h2 or self::h3 or self::h4 or self::li or self::blockquote]"
)


def _block_texts(container: HtmlElement) -> list[str]:
    texts: list[str] = []
    for block in _BLOCKS(container):
        if block.tag == "p" or not block.xpath("ancestor::p"):
            text = " ".join(block.text_content().split())
            if text:
                texts.append(text)
    return texts


def continuation(tree: HtmlElement, paragraphs: list[str], rules: ExtractionRules) -> list[str]:
    """Paragraphs of the article's later chunks that the body is missing (often none).

    Args:
        tree: the parsed page (not modified).
        paragraphs: the extracted body.
        rules: thresholds; only prose-bearing chunks count.

    Returns:
        The missing paragraphs in page order, to append to the body.
    """
    last = next((p for p in reversed(paragraphs) if is_prose(p, rules)), None)
    if last is None:
        return []
    probe = " ".join(last.split())[:_PROBE_CHARS]
    if '"' in probe and "'" in probe:
        return []  # XPath string literals cannot hold both quote kinds; skip rather than guess
    found = _FIND_PARAGRAPH(tree, probe=probe)
    if not found:
        return []
    parent = found[-1].getparent()
    cls = parent.get("class") if parent is not None else None
    if parent is None or not cls or not _BODY_CLASS.search(cls):
        return []
    region = parent
    for _ in range(_MAX_COMMON_DEPTH):
        region = region.getparent() if region.getparent() is not None else region
    known = {text_key(p) for p in paragraphs}
    added: list[str] = []
    for twin in _LATER_TWINS(parent, tag=parent.tag, cls=cls):
        if region not in twin.iterancestors() or _IN_COMMENTS(twin):
            continue
        texts = [t for t in _block_texts(twin) if text_key(t) not in known]
        if any(is_prose(t, rules) for t in texts):
            added.extend(texts)
            known.update(text_key(t) for t in texts)
    return added
