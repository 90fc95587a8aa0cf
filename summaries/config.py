"""Typed, frozen configuration for the pipeline and per-request options."""

from __future__ import annotations

from dataclasses import dataclass, field

from summaries.extract import DEFAULT_EXTRACTION_RULES, ExtractionRules
from summaries.fetch import FetchLimits
from summaries.paste import DEFAULT_PASTE_RULES, PasteRules
from summaries.pdf import PdfLimits
from summaries.quotes import DEFAULT_QUOTE_RULES, QuoteRules
from summaries.rank import ALGORITHMS, DEFAULT_NEWS_CONFIG, NewsRankConfig
from summaries.text import DEFAULT_DETECTION, LATIN_LANGUAGES, DetectionConfig

__all__ = ["ALGORITHMS", "FetchLimits", "PdfLimits", "PipelineConfig", "SummaryOptions"]


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """What one request asks for.

    `sentences` is the summary length; when `ratio` is set it wins and the length is that share
    of the article's sentences (at least one). `language` forces a language instead of detecting
    it; `fallback_language` is used when detection is unsure.
    """

    sentences: int = 3
    ratio: float | None = None
    algorithm: str = "news"
    language: str | None = None
    fallback_language: str = "en"
    quotes: bool = True
    #: Chosen on the quotes dev set (`benchmarks/key_quotes.py`): the k-th key quote is right
    #: about as often for every k (0.66–0.82), so the limit is the largest k whose quotes stay no
    #: longer than the 3-sentence summary in the median reply.
    max_quotes: int = 2


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Every stage's settings and the pipeline's own thresholds; built once, passed down."""

    fetch: FetchLimits = field(default_factory=FetchLimits)
    pdf: PdfLimits = field(default_factory=PdfLimits)
    detection: DetectionConfig = DEFAULT_DETECTION
    extraction: ExtractionRules = DEFAULT_EXTRACTION_RULES
    paste: PasteRules = DEFAULT_PASTE_RULES
    ranking: NewsRankConfig = DEFAULT_NEWS_CONFIG
    quotes: QuoteRules = DEFAULT_QUOTE_RULES
    min_article_words: int = 40
    min_article_sentences: int = 2
    #: Real prose is full of function words: the lowest share measured on dev articles and
    #: 60-word paragraphs of 20 languages was 0.047; keyboard mash has none.
    min_stop_word_share: float = 0.02
    #: A declared page language (<html lang>, og:locale) is taken without running the detector
    #: when at least this share of the text's first words are its function words: on 445 dev
    #: pages the highest share of a wrong language was 0.29 (English words in a German page;
    #: Portuguese words in Spanish ones 0.23), a right one is 0.38-0.40 in the median.
    hint_stop_word_share: float = 0.35
    #: The declared languages that may be taken so: Latin-script ones, whose stop-word lists
    #: were measured against each other.
    confirmable_hints: tuple[str, ...] = LATIN_LANGUAGES
    #: Languages written without spaces between words (or, Korean, with particles glued to
    #: them): a run of text is no word, so no stop-word share is measured for them.
    unspaced_languages: tuple[str, ...] = ("zh", "ja", "ko", "th", "lo", "km", "my", "bo")
    #: Longest text summarised (about 15,000 words, far beyond any news article). Work grows
    #: faster than linearly with length in places (quote speaker seeding), so a 1 MB paste is
    #: cut here instead of occupying a worker for a minute. The bot and the CLI tell the user.
    max_text_chars: int = 100_000
