"""Direct quotes with their speakers, and the few worth showing in a summary."""

from __future__ import annotations

from summaries.quotes._find import (
    DEFAULT_QUOTE_RULES,
    QuoteRules,
    display_speaker,
    find_quotes,
    key_quotes,
)
from summaries.quotes._patterns import compile_all_speaker_patterns
from summaries.quotes._speech_words import is_bare_mention

__all__ = [
    "DEFAULT_QUOTE_RULES",
    "QuoteRules",
    "compile_all_speaker_patterns",
    "display_speaker",
    "find_quotes",
    "is_bare_mention",
    "key_quotes",
]
