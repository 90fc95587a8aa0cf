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
    from summaries.paste import clean_paste

    return clean_paste(text).text


def pick_sentences(text: str, language: str, n: int, title: str | None = None) -> list[str]:
    """N sentences copied verbatim from `text`, in article order."""
    from summaries.rank import pick_sentences as pick
    from summaries.text import tools_for

    tools = tools_for(language)
    return [s.text for s in pick(tools.split_sentences(text), n, tools, title=title)]


def find_quotes(text: str) -> list[dict[str, str | None]]:
    """Attributed direct quotes with their speakers.

    `speaker` is the mention as the text gives it at the quote (a name, "the spokesman" or
    "he"), which is what the gold annotates; `Quote.display_speaker` is what users are shown.
    """
    from summaries.quotes import find_quotes as find
    from summaries.text import DetectionConfig, detect_language

    # the language only picks speech-verb tables: fastText on a short sample is enough, and
    # langdetect (the slow half of detection) is skipped
    quick = DetectionConfig(sample_chars=800, langdetect_chars=0)
    language = detect_language(text, quick) or "en"
    return [{"quote": q.text, "speaker": q.speaker} for q in find(text, language)]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when unsure."""
    from summaries.text import detect_language as detect

    return detect(text)


def summarize_html(html: str, url: str | None) -> dict[str, object]:
    """The whole pipeline on a fetched page; the CLI's `--json` dict."""
    from summaries.pipeline import summarize_html as summarize

    return summarize(html, url).to_json()
