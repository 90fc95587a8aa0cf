"""Quote-scorer adapter over the English tables: text → quote dicts (mention as written)."""

from __future__ import annotations

from summaries.quotes import find_quotes as _find_quotes


def find_quotes(text: str) -> list[dict[str, str | None]]:
    """The shape `evals/quotes/score.py` expects; `speaker` is the mention the gold annotates."""
    return [{"quote": q.text, "speaker": q.speaker} for q in _find_quotes(text, "en")]


def find_quotes_named(text: str) -> list[dict[str, str | None]]:
    """The same quotes with what a reader is shown (`display_speaker`) as the speaker."""
    return [{"quote": q.text, "speaker": q.display_speaker} for q in _find_quotes(text, "en")]
