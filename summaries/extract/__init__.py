"""HTML page → Article: trafilatura plus our own cleanup and page metadata."""

from __future__ import annotations

from summaries.extract._extract import extract_article, read_page_metadata
from summaries.extract._rules import DEFAULT_EXTRACTION_RULES, ExtractionRules
from summaries.extract._title_rules import TitleRules

__all__ = [
    "DEFAULT_EXTRACTION_RULES",
    "ExtractionRules",
    "TitleRules",
    "extract_article",
    "read_page_metadata",
]
