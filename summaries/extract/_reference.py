"""Whether a page is a reference or demo page of formulas and code rather than an article.

Such a page (a MathJax demo, an API reference) can hold as much prose as a short news item, so
length alone does not tell it apart. Four signs together do: no date and no author, no run of
long paragraphs (Mozilla Readability's `isProbablyReaderable`, the test whose verdict the
metadata gold records), and more formula or code elements than the article has words.
"""

from __future__ import annotations

import math
import re

from lxml.etree import XPath
from lxml.html import HtmlElement

from summaries.models import ArticleMeta

#: Formulas (MathML with its parts, MathJax 3 output) and code: markup that prose summaries
#: cannot carry. Counted in elements, so a formula weighs by its size.
_FORMULA_OR_CODE = XPath(
    "count(//body//*[ancestor-or-self::math or self::pre or self::code or self::kbd"
    " or self::samp or starts-with(local-name(), 'mjx-')])"
)
#: Readability's candidates for readable text: paragraphs, preformatted blocks, articles and
#: the <div>s that hold <br>s.
_TEXT_BLOCKS = XPath("//p | //pre | //article | //div[br]")
#: Readability's classes and ids of page furniture (REGEXPS.unlikelyCandidates) and those that
#: redeem them (okMaybeItsACandidate).
_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer"
    r"|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social"
    r"|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
    re.IGNORECASE,
)
_REDEEMING = re.compile(r"and|article|body|column|content|main|shadow", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Readability's defaults: a block counts from 140 characters; a page scoring over 20 reads.
_MIN_BLOCK_CHARS = 140
_MIN_SCORE = 20.0


def _visible(element: HtmlElement) -> bool:
    if _HIDDEN_STYLE.search(element.get("style") or "") or element.get("hidden") is not None:
        return False
    hidden = element.get("aria-hidden")
    return hidden is None or hidden == "true" or "fallback-image" in (element.get("class") or "")


def _counts(element: HtmlElement) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    if _UNLIKELY.search(marks) and not _REDEEMING.search(marks):
        return False
    return not (element.tag == "p" and any(a.tag == "li" for a in element.iterancestors()))


def has_readable_run(tree: HtmlElement) -> bool:
    """Readability's `isProbablyReaderable`: enough long visible paragraphs to read."""
    score = 0.0
    for element in _TEXT_BLOCKS(tree):
        if not _visible(element) or not _counts(element):
            continue
        length = len(element.text_content().strip())
        if length >= _MIN_BLOCK_CHARS:
            score += math.sqrt(length - _MIN_BLOCK_CHARS)
            if score > _MIN_SCORE:
                return True
    return False


def is_reference_page(tree: HtmlElement, meta: ArticleMeta, article_words: int) -> bool:
    """Whether the page is formulas or code with a little prose, not an article.

    Args:
        tree: the parsed page (before inert elements are dropped).
        meta: its metadata: a date or an author makes it an article whatever its markup.
        article_words: words in the extracted body.
    """
    if meta.published is not None or meta.author is not None:
        return False
    formula_or_code = _FORMULA_OR_CODE(tree)
    if not isinstance(formula_or_code, float) or formula_or_code <= article_words:
        return False
    return not has_readable_run(tree)
