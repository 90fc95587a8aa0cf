"""Quote-scorer adapter until `summaries.evaluation:find_quotes` exists: text → quote dicts."""

from __future__ import annotations

from summaries.quotes import find_quotes as _find_quotes


def find_quotes(text: str) -> list[dict[str, str | None]]:
    """The shape `evals/quotes/score.py` expects."""
    return [{"quote": q.text, "speaker": q.speaker} for q in _find_quotes(text, "en")]
