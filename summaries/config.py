"""Typed, frozen configuration for the pipeline and per-request options."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Ranking algorithms a caller may ask for ("news" is our own default).
ALGORITHMS = ("news", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction", "lead")


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Caps the fetcher enforces on every download."""

    max_bytes: int = 5 * 1024 * 1024
    timeout_s: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False
    allowed_ports: tuple[int, ...] = (80, 443, 8080, 8443)
    user_agent: str = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0 Safari/537.36 NewsBrief/0.1"
    )


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
    max_quotes: int = 4


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Pipeline-wide thresholds; one instance is built at start-up and passed down."""

    fetch: FetchLimits = field(default_factory=FetchLimits)
    min_article_words: int = 40
    min_article_sentences: int = 2
    #: Real prose is full of function words: the lowest share measured on dev articles and
    #: 60-word paragraphs of 20 languages was 0.047; keyboard mash has none.
    min_stop_word_share: float = 0.02
    #: Languages written without spaces, whose word tokens are character bigrams: no stop-word
    #: share is measured for them.
    unspaced_languages: tuple[str, ...] = ("zh", "ja", "ko")
    max_text_chars: int = 1_000_000
