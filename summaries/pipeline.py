"""The whole pipeline: pasted text, HTML or a URL in; a Summary out.

    fetch ─► extract (HTML) ─┐
             pdf (PDF) ──────┤
             paste (text) ───┴─► text (language, sentences, words) ─► rank ─► quotes
                                                                      ─► attribution ─► Summary

Every stage's settings come from one `PipelineConfig`. The functions here are CPU-bound
except `summarize_url`, which fetches first and then parses off the event loop (a worker thread,
or whatever `offload` the caller passes, such as a process pool).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from summaries.attribution import find_attribution
from summaries.config import PipelineConfig, SummaryOptions
from summaries.errors import NoArticleFound, NotProse, NotText, TextTooShort
from summaries.extract import extract_article
from summaries.models import Article, FetchedPage, Summary
from summaries.paste import read_paste
from summaries.pdf import read_pdf
from summaries.quotes import find_quotes, key_quotes
from summaries.rank import pick_sentences
from summaries.text import (
    LanguageTools,
    cap_text,
    count_words,
    detect_language,
    looks_readable,
    tools_for,
)

#: What the fetcher reports for a PDF (its bytes are in `FetchedPage.body`).
PDF_MEDIA_TYPE = "application/pdf"
if TYPE_CHECKING:
    import httpx

#: Runs `fn(*args)` off the event loop and returns its result (`asyncio.to_thread` by default).
Offload = Callable[..., Awaitable[Any]]

#: Letters of scripts other than Latin (Greek, Cyrillic, Arabic, Indic, CJK, Hangul, ...):
#: curly quotes, dashes and Vietnamese letters are outside it.
_NON_LATIN = re.compile(r"[\u0370-\u1cff\u2e80-\ua6ff\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]")

_DEFAULT_OPTIONS = SummaryOptions()
_DEFAULT_CONFIG = PipelineConfig()


def summary_length(total_sentences: int, options: SummaryOptions) -> int:
    """How many sentences to pick: a fixed number, or a share of the article (at least one)."""
    if options.ratio is not None:
        return max(1, round(total_sentences * options.ratio))
    return max(1, options.sentences)


def stop_word_share(text: str, tools: LanguageTools, config: PipelineConfig) -> float | None:
    """Share of the first words that are the language's function words (None: not measured,
    for unspaced scripts and languages without a stop-word list)."""
    if tools.language in config.unspaced_languages or not tools.stop_words:
        return None
    words = tools.words(text[:5_000])
    if not words:
        return 0.0
    return sum(map(tools.stop_words.__contains__, words)) / len(words)


def reads_as_prose(text: str, tools: LanguageTools, config: PipelineConfig) -> bool:
    """Whether enough of the first words are the language's function words (not gibberish)."""
    share = stop_word_share(text, tools, config)
    return share is None or share >= config.min_stop_word_share


def _confirmed_hint(article: Article, config: PipelineConfig) -> str | None:
    """The page's declared language, when the text bears it out.

    A text whose first words are that often the declared language's function words is in
    that language: the detector (the costliest step after extraction) is then not run.
    """
    hint = article.language_hint
    if hint is None or hint not in config.confirmable_hints:
        return None
    if _NON_LATIN.search(article.text, 0, 5_000):
        # words of other scripts are few but long (a CJK run is one "word"): the share of
        # the Latin words around them (boilerplate, often English) would say nothing
        return None
    share = stop_word_share(article.text, tools_for(hint), config)
    return hint if share is not None and share >= config.hint_stop_word_share else None


def summarize_article(
    article: Article,
    options: SummaryOptions = _DEFAULT_OPTIONS,
    config: PipelineConfig = _DEFAULT_CONFIG,
    credits: tuple[str, ...] = (),
) -> Summary:
    """Summarise an already extracted article (CPU-bound: call it off the event loop).

    `credits` are lines removed around the article (photo credits, bylines) that still name
    the wire agency.
    """
    words = count_words(article.text)
    if words < config.min_article_words:
        raise TextTooShort(f"{words} words; at least {config.min_article_words} are needed")
    confirmed = None if options.language else _confirmed_hint(article, config)
    language = (
        options.language
        or confirmed
        or detect_language(article.text, config.detection)
        or article.language_hint
        or options.fallback_language
    )
    tools = tools_for(language)
    if confirmed is None and not reads_as_prose(article.text, tools, config):
        raise NotProse("the text does not read as sentences of a language")
    sentences = tools.split_sentences(article.text)
    if len(sentences) < config.min_article_sentences:
        raise TextTooShort(f"{len(sentences)} sentence(s)")
    picked = pick_sentences(
        sentences,
        summary_length(len(sentences), options),
        tools,
        title=article.title,
        algorithm=options.algorithm,
        news_config=config.ranking,
    )
    quotes = (
        tuple(key_quotes(find_quotes(article.text, language, config.quotes), options.max_quotes))
        if options.quotes
        else ()
    )
    return Summary(
        title=article.title,
        language=language,
        sentences=tuple(picked),
        quotes=quotes,
        attribution=find_attribution(article, hints=credits),
        article_words=words,
        total_sentences=len(sentences),
        summary_words=sum(count_words(s.text) for s in picked),
        algorithm=options.algorithm,
        image_url=article.meta.image_url,
    )


def summarize_text(
    text: str,
    options: SummaryOptions = _DEFAULT_OPTIONS,
    config: PipelineConfig = _DEFAULT_CONFIG,
) -> Summary:
    """Summarise pasted text: strip the page's boilerplate, then summarise the article.

    Text longer than `config.max_text_chars` is cut at a paragraph break and the summary says
    so (`Summary.text_cut`).

    Raises:
        NotText: binary data rather than writing.
    """
    if not looks_readable(text):
        raise NotText("binary data, not text")
    text, cut = cap_text(text, config.max_text_chars)
    cleaned = read_paste(text, config.paste)
    summary = summarize_article(cleaned.article, options, config, cleaned.credits)
    return dataclasses.replace(summary, text_cut=True) if cut else summary


def summarize_html(
    html: str,
    url: str | None,
    options: SummaryOptions = _DEFAULT_OPTIONS,
    config: PipelineConfig = _DEFAULT_CONFIG,
) -> Summary:
    """Summarise a fetched or uploaded HTML page."""
    article = extract_article(html, url, config.extraction)
    if not article.text or article.text.isspace():
        raise NoArticleFound("no article text on the page")
    return summarize_article(article, options, config)


def summarize_pdf(
    data: bytes,
    url: str | None,
    options: SummaryOptions = _DEFAULT_OPTIONS,
    config: PipelineConfig = _DEFAULT_CONFIG,
) -> Summary:
    """Summarise a PDF's text (blocking: the reader runs in a capped child process).

    At most `config.pdf.max_pages` pages are read (`Summary.pages_read` / `pages_total` say
    when there were more); text over `config.max_text_chars` is cut as for pastes.

    Raises:
        PdfError: encrypted, no text layer, broken, or over the reader's caps.
    """
    pdf = read_pdf(data, config.pdf, url)
    text, cut = cap_text(pdf.article.text, config.max_text_chars)
    summary = summarize_article(dataclasses.replace(pdf.article, text=text), options, config)
    return dataclasses.replace(
        summary, text_cut=cut, pages_read=pdf.pages_read, pages_total=pdf.pages_total
    )


def summarize_page(
    page: FetchedPage,
    options: SummaryOptions = _DEFAULT_OPTIONS,
    config: PipelineConfig = _DEFAULT_CONFIG,
) -> Summary:
    """Summarise a downloaded page by its media type (CPU-bound: call it off the event loop)."""
    if page.content_type == PDF_MEDIA_TYPE:
        return summarize_pdf(page.body, page.url, options, config)
    if page.content_type == "text/plain":
        return summarize_text(page.text, options, config)
    return summarize_html(page.text, page.url, options, config)


async def summarize_url(
    url: str,
    client: httpx.AsyncClient,
    options: SummaryOptions = _DEFAULT_OPTIONS,
    config: PipelineConfig = _DEFAULT_CONFIG,
    offload: Offload | None = None,
) -> Summary:
    """Fetch a URL and summarise it; parsing and ranking run off the event loop.

    Args:
        url: The link.
        client: The HTTP client (SSRF-guarded, see `build_client`).
        options: Length, algorithm, language, quotes.
        config: The pipeline configuration.
        offload: Runs the CPU-bound part; a worker thread when None.
    """
    import asyncio  # loaded by the caller's event loop anyway; pasted text never needs it

    from summaries.fetch import fetch_page

    page = await fetch_page(url, client, config.fetch)
    run = offload if offload is not None else asyncio.to_thread
    summary: Summary = await run(summarize_page, page, options, config)
    return summary
