"""Thin, stable adapter for the shared scorers (see ../shared/evals/README.md).

Each function wraps the real pipeline; signatures stay fixed while the internals change.
"""

from __future__ import annotations

from summaries.errors import SummaryError


def extract_article(html: str, url: str | None) -> str:
    """Article body of a fetched page as plain text ("" when the page has no article)."""
    from summaries.extract import extract_article as extract

    try:
        return extract(html, url).text
    except SummaryError:
        return ""


def strip_boilerplate(text: str) -> str:
    """Article text of a pasted page."""
    from summaries.boilerplate import clean_paste

    return clean_paste(text).text


def pick_sentences(text: str, language: str, n: int, title: str | None = None) -> list[str]:
    """N sentences copied verbatim from `text`, in article order."""
    from summaries.lexicon import tools_for
    from summaries.rank import pick_sentences as pick

    tools = tools_for(language)
    return [s.text for s in pick(tools.split_sentences(text), n, tools, title=title)]


def find_quotes(text: str) -> list[dict[str, str | None]]:
    """Attributed direct quotes with their speakers."""
    from summaries.language import detect_language
    from summaries.quotes import find_quotes as find

    language = detect_language(text) or "en"
    return [{"quote": q.text, "speaker": q.speaker} for q in find(text, language)]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when unsure."""
    from summaries.language import detect_language as detect

    return detect(text)


def summarize_html(html: str, url: str | None) -> dict[str, object]:
    """The whole pipeline on a fetched page; the CLI's `--json` dict."""
    from summaries.pipeline import summarize_html as summarize

    return summarize(html, url).to_json()
