"""Scorer adapter for the pasted-page cleaner until `summaries.evaluation` exposes it."""

from __future__ import annotations

from summaries.boilerplate import clean_paste


def strip_boilerplate(text: str) -> str:
    """Article text of a pasted page (the scorer's `--mode pasted` signature)."""
    return clean_paste(text).text
