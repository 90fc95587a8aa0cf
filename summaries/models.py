"""Immutable result types that flow through the pipeline (a leaf: no stage is imported here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as downloaded: final URL after redirects, decoded text and its media type.

    A binary document (a PDF) has empty `text` and keeps its bytes in `body`.
    """

    url: str
    status: int
    content_type: str
    text: str
    encoding: str
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What a page or a paste says about its article (every field may be unknown)."""

    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    publication: str | None = None
    url: str | None = None
    language_hint: str | None = None
    #: The picture the page declares for previews (og:image), an absolute http(s) URL.
    image_url: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The article body and what is known about it.

    `text` holds paragraphs separated by blank lines; every sentence of a summary is a verbatim
    substring of it.
    """

    text: str
    meta: ArticleMeta = ArticleMeta()

    @property
    def title(self) -> str | None:
        """The headline, when known."""
        return self.meta.title

    @property
    def language_hint(self) -> str | None:
        """The language the page declares, when it does."""
        return self.meta.language_hint

    @property
    def paragraphs(self) -> list[str]:
        """Non-empty paragraphs of the body, in order."""
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article: its position in the article, verbatim text and rank score."""

    index: int
    text: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (text inside the marks) and who said it, when the text supports it.

    `speaker` is the speaker mention as the text gives it at the quote: a name, a nominal
    ("the spokesman") or a pronoun ("he"). `speaker_name` is that speaker resolved to a name
    (the mention itself when it is one, else a named antecedent), or None when unsure.
    `display_speaker` is what a reader is shown: the name, else the mention unless it names
    nobody (`summaries.quotes.display_speaker` decides).
    """

    text: str
    speaker: str | None
    start: int = -1
    end: int = -1
    speaker_name: str | None = None
    display_speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """The chain of attribution: who published it, when, the wire agency and cited outlets."""

    publication: str | None = None
    author: str | None = None
    published: dt.date | None = None
    wire: tuple[str, ...] = ()
    cited: tuple[str, ...] = ()
    dateline: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """What the bot replies with: picked sentences, key quotes and attribution."""

    title: str | None
    language: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    attribution: Attribution
    article_words: int
    total_sentences: int
    #: Words in the picked sentences, counted as `article_words` is (CJK: characters / 2).
    summary_words: int
    algorithm: str = "news"
    #: True when the input was longer than `PipelineConfig.max_text_chars` and only its start
    #: was read.
    text_cut: bool = False
    #: The page's preview picture, when it declares one (inline results show it).
    image_url: str | None = None
    #: For a PDF: pages read and pages in the file (more pages than read: only the start).
    pages_read: int = 0
    pages_total: int = 0

    @property
    def percent_shorter(self) -> int:
        """How much shorter the summary is than the article, in whole percent (0–100)."""
        if self.article_words <= 0:
            return 0
        return max(0, min(100, round(100 * (1 - self.summary_words / self.article_words))))

    def to_json(self) -> dict[str, object]:
        """The CLI's `--json` shape (also the evaluation adapter's)."""
        a = self.attribution
        return {
            "title": self.title,
            "url": a.url,
            "language": self.language,
            "source": {
                "publication": a.publication,
                "author": a.author,
                "published": a.published.isoformat() if a.published else None,
                "wire": list(a.wire),
                "cited": list(a.cited),
            },
            "sentences": [s.text for s in self.sentences],
            "quotes": [{"quote": q.text, "speaker": q.display_speaker} for q in self.quotes],
            "stats": {"article_words": self.article_words, "summary_words": self.summary_words},
        }
