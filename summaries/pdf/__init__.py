"""PDF bytes → Article: text in reading order from a capped child process, then cleaned."""

from __future__ import annotations

from summaries.pdf._clean import PdfPage, TextBlock, clean_pages
from summaries.pdf._limits import PdfLimits
from summaries.pdf._read import PdfArticle, read_pdf
from summaries.pdf._run import looks_like_pdf

__all__ = [
    "PdfArticle",
    "PdfLimits",
    "PdfPage",
    "TextBlock",
    "clean_pages",
    "looks_like_pdf",
    "read_pdf",
]
