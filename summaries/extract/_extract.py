"""HTML page → Article: body text via trafilatura plus our own cleanup, and page metadata."""

from __future__ import annotations

from summaries.errors import NoArticleFound
from summaries.extract._body import best_body
from summaries.extract._chunks import continuation
from summaries.extract._clean import clean_paragraphs
from summaries.extract._links import is_link_line, link_keys
from summaries.extract._meta import heading_texts, read_metadata
from summaries.extract._reference import is_reference_page
from summaries.extract._rules import DEFAULT_EXTRACTION_RULES, ExtractionRules
from summaries.extract._standfirst import declared_descriptions, standfirst
from summaries.extract._text import weighted_length
from summaries.extract._tree import drop_inert, parse_page
from summaries.models import Article, ArticleMeta

__all__ = ["extract_article", "read_page_metadata"]


def _check_article(paragraphs: list[str], links: frozenset[str], rules: ExtractionRules) -> None:
    """Raise NoArticleFound unless the paragraphs look like an article, not a stub or a list."""
    total = sum(weighted_length(p) for p in paragraphs)
    if total < rules.min_article_chars:
        raise NoArticleFound(f"only {total} characters of text on the page")
    linked = sum(weighted_length(p) for p in paragraphs if is_link_line(p, links))
    if linked > rules.max_link_share * total:
        raise NoArticleFound("the page is mostly links (an index page?)")


def extract_article(
    html: str, url: str | None, rules: ExtractionRules = DEFAULT_EXTRACTION_RULES
) -> Article:
    """Extract the article body and its metadata from an HTML page.

    Args:
        html: the page's HTML as text.
        url: the URL it was fetched from (resolves relative links; the fallback `Article.url`).
        rules: thresholds of the extractor.

    Returns:
        The article: paragraphs separated by blank lines, plus title, author, date, site name,
        canonical URL and the declared language.

    Raises:
        NoArticleFound: the page is empty, a script-only shell, a paywall stub, an index page
            or a reference page of formulas or code.
    """
    tree = parse_page(html)
    headings = heading_texts(tree)
    meta = read_metadata(tree, url, rules.title, headings)
    links = link_keys(tree)
    descriptions = declared_descriptions(tree)
    drop_inert(tree)  # after the readers of meta tags and scripts: every pass copies the tree
    body = best_body(tree, url, rules)
    body += continuation(tree, body, rules)
    paragraphs = clean_paragraphs(body, meta.title, links, rules, headings)
    paragraphs = standfirst(tree, paragraphs, descriptions, rules) + paragraphs
    _check_article(paragraphs, links, rules)
    if rules.refuse_reference_pages and is_reference_page(
        tree, meta, sum(len(p.split()) for p in paragraphs)
    ):
        raise NoArticleFound("the page is formulas or code with little prose (a reference page?)")
    return Article("\n\n".join(paragraphs), meta)


def read_page_metadata(
    html: str, url: str | None, rules: ExtractionRules = DEFAULT_EXTRACTION_RULES
) -> ArticleMeta:
    """Title, author, date, site name, canonical URL and language of a page, without its body.

    Raises:
        NoArticleFound: the page is empty or not HTML.
    """
    return read_metadata(parse_page(html), url, rules.title)
