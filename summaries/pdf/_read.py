"""PDF bytes → Article: the capped reader, the cleaning and the metadata together."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from summaries.errors import PdfBroken, PdfNoText
from summaries.models import Article
from summaries.pdf._clean import PdfPage, TextBlock, paragraphs
from summaries.pdf._limits import PdfLimits
from summaries.pdf._meta import pdf_meta
from summaries.pdf._run import run_reader

#: A first block this short that does not end a sentence is the printed headline.
HEADLINE_MAX_WORDS = 25
_ENDS_SENTENCE = re.compile(r"[.!?:;,…]$")


@dataclass(frozen=True, slots=True)
class PdfArticle:
    """The article read from a PDF, and how many of its pages were read."""

    article: Article
    pages_read: int
    pages_total: int

    @property
    def pages_cut(self) -> bool:
        """True when the file has more pages than were read."""
        return self.pages_total > self.pages_read


def _page(raw: dict[str, Any]) -> PdfPage:
    height = float(raw.get("height") or 0) or 1.0
    width = float(raw.get("width") or 0) or 1.0
    blocks = []
    for block in raw.get("blocks", []):
        x0, y0, x1, y1 = (float(v) for v in block["box"])
        # PDF y grows upwards; TextBlock measures from the top edge down.
        lines = tuple(str(line) for line in block["lines"])
        blocks.append(TextBlock(lines, 1 - y1 / height, 1 - y0 / height, x0 / width, x1 / width))
    return PdfPage(tuple(blocks), int(raw.get("images", 0)))


def _headline(found: list[str]) -> str | None:
    if len(found) < 2:
        return None
    words = found[0].split()
    if 2 <= len(words) <= HEADLINE_MAX_WORDS and not _ENDS_SENTENCE.search(found[0]):
        return found[0]
    return None


def read_pdf(data: bytes, limits: PdfLimits, url: str | None = None) -> PdfArticle:
    """Read a PDF's text in reading order, cleaned, with its metadata (CPU-bound, blocking).

    At most `limits.max_pages` pages are read; the reader runs in a child process capped in
    time and memory.

    Args:
        data: the file's bytes (already within the caller's byte cap).
        limits: page, time and memory caps.
        url: where the file came from, for the attribution.

    Raises:
        PdfBroken, PdfEncrypted, PdfTooComplex, PdfNoText: see `summaries.errors`.
    """
    answer = run_reader(data, limits)
    pages = [_page(raw) for raw in answer.get("pages", [])]
    if not pages:
        raise PdfBroken("no pages")
    found = paragraphs(pages)
    letters = sum(1 for p in found for c in p if c.isalnum())
    if letters < limits.min_text_chars:
        raise PdfNoText(f"{letters} letters on {len(pages)} page(s)")
    headline = _headline(found)
    if headline is not None:
        found = found[1:]
    info = {str(k): str(v) for k, v in dict(answer.get("info") or {}).items()}
    article = Article("\n\n".join(found), pdf_meta(info, url, headline))
    total = max(int(answer.get("declared_pages") or 0), len(pages))
    return PdfArticle(article, len(pages), total)
