"""Scorer adapter: the extractor's body text, or "" when it finds no article."""

from __future__ import annotations

from summaries.errors import NoArticleFound
from summaries.extract import extract_article as _extract


def extract_article(html: str, url: str | None) -> str:
    """Return the article body text for the extraction scorer (empty when there is none)."""
    try:
        return _extract(html, url).text
    except NoArticleFound:
        return ""
