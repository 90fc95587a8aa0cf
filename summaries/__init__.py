"""NewsBrief's pipeline: article text or a URL in, a Summary out (no Telegram here).

One subpackage per stage, each with a small public surface in its `__init__`:
`text` (languages, sentences, words) → `fetch`, `extract`, `paste`, `pdf`, `rank`, `attribution` →
`quotes`; `pipeline` runs them in order. Imports only go forward along that order.
"""

from typing import TYPE_CHECKING, Any

from summaries.config import ALGORITHMS, FetchLimits, PdfLimits, PipelineConfig, SummaryOptions
from summaries.errors import SummaryError
from summaries.models import (
    Article,
    ArticleMeta,
    Attribution,
    FetchedPage,
    Quote,
    Sentence,
    Summary,
)
from summaries.pipeline import (
    summarize_article,
    summarize_html,
    summarize_page,
    summarize_pdf,
    summarize_text,
    summarize_url,
)
from summaries.text import SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from summaries.fetch import build_client, fetch_page

__all__ = [
    "ALGORITHMS",
    "SUPPORTED_LANGUAGES",
    "Article",
    "ArticleMeta",
    "Attribution",
    "FetchLimits",
    "FetchedPage",
    "PdfLimits",
    "PipelineConfig",
    "Quote",
    "Sentence",
    "Summary",
    "SummaryError",
    "SummaryOptions",
    "build_client",
    "fetch_page",
    "summarize_article",
    "summarize_html",
    "summarize_page",
    "summarize_pdf",
    "summarize_text",
    "summarize_url",
]


def __getattr__(name: str) -> Any:
    # the HTTP stack (httpx) loads with the first fetch, not with every import
    if name in ("build_client", "fetch_page"):
        from summaries import fetch

        return getattr(fetch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
