"""Language-neutral term vectors for ranking: content stems, tf vectors and cosine similarity."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from summaries.lexicon import LanguageTools

#: A sparse term vector: stem -> weight.
Vector = dict[str, float]

# Scripts written without spaces: a "word" from a \w+ tokenizer is a whole run of characters, so
# runs are cut into overlapping character bigrams (the usual unit for CJK retrieval).
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")


def _is_unspaced(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return name.startswith(_UNSPACED_SCRIPTS)


def _bigrams(word: str) -> list[str]:
    if len(word) < 2:
        return [word]
    return [word[i : i + 2] for i in range(len(word) - 1)]


def safe_stemmer(stem: Callable[[str], str]) -> Callable[[str], str]:
    """Wrap a stemmer so that it never raises and never returns an empty stem."""

    def _stem(word: str) -> str:
        try:
            out = stem(word)
        except Exception:  # noqa: BLE001 - a broken stemmer must not break ranking
            return word
        return out if isinstance(out, str) and out else word

    return _stem


def content_terms(text: str, tools: LanguageTools, stem: Callable[[str], str]) -> list[str]:
    """Stems of the content words of `text`: lower-cased, stop words and non-words dropped."""
    terms: list[str] = []
    for raw in tools.words(text):
        word = raw.lower()
        if word in tools.stop_words or not any(ch.isalnum() for ch in word):
            continue
        if _is_unspaced(word[0]):
            terms.extend(_bigrams(word))
        elif not word.isdigit() or len(word) > 1:
            terms.append(stem(word))
    return terms


def term_vector(terms: Sequence[str]) -> Vector:
    """Unit-length term-frequency vector of a bag of terms (empty for no terms).

    No idf: with sentences as documents, idf down-weights exactly the words an article keeps
    coming back to, and measured ROUGE drops on both dev sets when it is used.
    """
    vec = {t: float(c) for t, c in Counter(terms).items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def token_count(text: str, tools: LanguageTools) -> int:
    """Length of a sentence in words; runs of an unspaced script count one word per 2 chars."""
    count = 0
    for word in tools.words(text):
        if not any(ch.isalnum() for ch in word):
            continue
        count += max(1, len(word) // 2) if _is_unspaced(word[0]) else 1
    return count


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors (iterates over the shorter one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centroid(vectors: Sequence[Vector]) -> Vector:
    """Unit-length sum of the sentence vectors: what the article as a whole is about."""
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {t: v / norm for t, v in total.items()} if norm else {}
