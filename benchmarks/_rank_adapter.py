"""Scorer adapters (`F(text, language, n, title=None) -> list[str]`) over `summaries.rank`."""

from __future__ import annotations

from summaries.rank import pick_sentences
from summaries.text import tools_for


def _pick(text: str, language: str, n: int, title: str | None, algorithm: str) -> list[str]:
    tools = tools_for(language)
    sentences = tools.split_sentences(text)
    picked = pick_sentences(sentences, n, tools, title=title or None, algorithm=algorithm)
    return [s.text for s in picked]


def news(text: str, language: str, n: int, title: str | None = None) -> list[str]:
    """Our default ranker."""
    return _pick(text, language, n, title, "news")


def lead(text: str, language: str, n: int, title: str | None = None) -> list[str]:
    """LEAD-n over our own sentence splitter."""
    return _pick(text, language, n, title, "lead")


def lexrank(text: str, language: str, n: int, title: str | None = None) -> list[str]:
    """sumy's LexRank through our document model."""
    return _pick(text, language, n, title, "lexrank")


def reduction(text: str, language: str, n: int, title: str | None = None) -> list[str]:
    """sumy's Reduction through our document model."""
    return _pick(text, language, n, title, "reduction")


def textrank(text: str, language: str, n: int, title: str | None = None) -> list[str]:
    """sumy's TextRank through our document model."""
    return _pick(text, language, n, title, "textrank")


# The shared scorer's documented entry point name.
pick_sentences_adapter = news
