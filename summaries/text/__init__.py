"""Text tools for any stage: language identification, sentences, words, stop words, stemmers."""

from __future__ import annotations

from summaries.text._detect import (
    DEFAULT_DETECTION,
    LATIN_LANGUAGES,
    DetectionConfig,
    detect_language,
    preload_models,
)
from summaries.text._furniture import (
    FURNITURE_LINES,
    FURNITURE_MARKS,
    boilerplate_line,
    furniture_mark,
)
from summaries.text._input import cap_text, decode_text, looks_readable
from summaries.text._names import LANGUAGE_NAMES, language_name
from summaries.text._page_words import (
    AD_LABELS,
    CONTENTS_HEADINGS,
    CONTINUE_READING,
    PHOTO_CREDIT_LABELS,
    SEE_ALSO,
    phrase_pattern,
)
from summaries.text._regex import (
    LOWER,
    UPPER,
    alternation,
    first_char_lookahead,
    longest_first,
)
from summaries.text._regex_cache import cache_dir, compile_cached
from summaries.text._tools import (
    KNOWN_LANGUAGES,
    SUPPORTED_LANGUAGES,
    LanguageTools,
    SumyTokenizer,
    stop_words_for,
    tools_for,
)
from summaries.text._words import count_words
from summaries.text._words import words as word_tokens

__all__ = [
    "AD_LABELS",
    "CONTENTS_HEADINGS",
    "CONTINUE_READING",
    "FURNITURE_LINES",
    "FURNITURE_MARKS",
    "boilerplate_line",
    "furniture_mark",
    "PHOTO_CREDIT_LABELS",
    "SEE_ALSO",
    "phrase_pattern",
    "DEFAULT_DETECTION",
    "LATIN_LANGUAGES",
    "DetectionConfig",
    "KNOWN_LANGUAGES",
    "LANGUAGE_NAMES",
    "LOWER",
    "LanguageTools",
    "SUPPORTED_LANGUAGES",
    "SumyTokenizer",
    "UPPER",
    "alternation",
    "cache_dir",
    "compile_cached",
    "longest_first",
    "first_char_lookahead",
    "cap_text",
    "count_words",
    "decode_text",
    "detect_language",
    "language_name",
    "looks_readable",
    "preload_models",
    "stop_words_for",
    "tools_for",
    "word_tokens",
]
