"""NewsBrief's pipeline: article text or a URL in, a Summary out (no Telegram here)."""

from summaries.config import ALGORITHMS, FetchLimits, PipelineConfig, SummaryOptions
from summaries.errors import SummaryError
from summaries.lexicon import SUPPORTED_LANGUAGES
from summaries.models import Article, Attribution, Quote, Sentence, Summary
from summaries.pipeline import summarize_article, summarize_html, summarize_text, summarize_url

__all__ = [
    "ALGORITHMS",
    "SUPPORTED_LANGUAGES",
    "Article",
    "Attribution",
    "FetchLimits",
    "PipelineConfig",
    "Quote",
    "Sentence",
    "Summary",
    "SummaryError",
    "SummaryOptions",
    "summarize_article",
    "summarize_html",
    "summarize_text",
    "summarize_url",
]
