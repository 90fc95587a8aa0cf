"""HTML page → Article: trafilatura plus our own cleanup and page metadata."""

from __future__ import annotations

from summaries.extract._extract import extract_article
from summaries.extract._rules import DEFAULT_EXTRACTION_RULES, ExtractionRules

__all__ = [
    "DEFAULT_EXTRACTION_RULES",
    "ExtractionRules",
    "extract_article",
]
