"""Language-neutral term vectors for ranking: content stems, tf vectors and cosine similarity."""

from __future__ import annotations

import functools
import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from summaries.text import LanguageTools

#: A sparse term vector: stem -> weight.
Vector = dict[str, float]

# Scripts written without spaces: a "word" from a \w+ tokenizer is a whole run of characters, so
# runs are cut into overlapping character bigrams (the usual unit for CJK retrieval).
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")


def is_unspaced(ch: str) -> bool:
    """The character belongs to a script written without spaces between words."""
    if ch < "\u0e00":  # below Thai: Latin, Cyrillic, Greek, Arabic, Indic... (skips the lookup)
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(_UNSPACED_SCRIPTS)


def _has_alnum(word: str) -> bool:
    # Nearly every token starts with a letter or digit: test that before scanning the rest.
    return word[:1].isalnum() or any(ch.isalnum() for ch in word)


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
    """Terms of the content words of `text`: lower-cased; stop words, numbers, non-words dropped.

    `stem` maps a word to its term (a stemmer, or the identity for surface forms); runs of an
    unspaced script become character bigrams.
    """
    return analyse(text, tools, stem)[0]


def analyse(
    text: str, tools: LanguageTools, stem: Callable[[str], str] | None
) -> tuple[list[str], int]:
    """Content terms of `text` (see `content_terms`) and its length in words, in one pass.

    Numbers are no content terms: a figure repeated across sentences says little about what
    the article is about (and dropping them measured better on both dev sets). `stem=None`
    keeps surface forms without a call per word.
    """
    terms: list[str] = []
    count = 0
    stop = tools.stop_words
    append = terms.append
    runs = not tools.segmented  # unspaced-script tokens are letter runs, not words
    for word in tools.words(text):
        # `_has_alnum` and `is_unspaced` inlined: this loop runs once per word of the article
        if not (word[:1].isalnum() or any(ch.isalnum() for ch in word)):
            continue
        if runs and word[0] >= "\u0e00" and is_unspaced(word[0]):
            count += max(1, len(word) // 2)
            if word not in stop:
                terms.extend(_bigrams(word))
            continue
        count += 1
        if word not in stop and not word.isdigit():
            append(word if stem is None else stem(word))
    return terms, count


def _term_matrix(terms: Sequence[Sequence[str]], exponent: float) -> np.ndarray:
    """Sentence x term counts, each row divided by its term count to the power `exponent`."""
    # columns numbered by first occurrence; the loops run in C (map, fromkeys, repeat)
    vocabulary = {t: i for i, t in enumerate(dict.fromkeys(itertools.chain.from_iterable(terms)))}
    cols = list(map(vocabulary.__getitem__, itertools.chain.from_iterable(terms)))
    rows = np.repeat(np.arange(len(terms), dtype=np.int64), [len(s) for s in terms])
    width = max(1, len(vocabulary))
    # integer counts by one bincount over flat cell indices (np.add.at is several times slower)
    flat = rows * width + np.asarray(cols, dtype=np.int64)
    counts = np.bincount(flat, minlength=len(terms) * width)
    matrix = counts.reshape(len(terms), width).astype(np.float64)
    lengths = np.maximum(matrix.sum(axis=1), 1.0)
    scaled: np.ndarray = matrix / (lengths**exponent)[:, None]
    return scaled


@functools.cache
def _one_blas_thread() -> None:
    """Run numpy's BLAS on one thread in this process (done once, on the first graph).

    The graphs are small: BLAS threads only add wake-ups and spin on cores other work needs
    (measured on the extraction dev pages, shared 2-core machine: the ranker's summed time fell
    by a third, the biggest graphs by more; results are bit-identical). The bot's worker
    processes get the same through OPENBLAS_NUM_THREADS; this covers threads, the CLI and tests.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def graph_centrality(
    terms: Sequence[Sequence[str]],
    exponent: float,
    damping: float,
    max_sentences: int,
) -> list[float]:
    """PageRank of each sentence over a graph of shared terms (TextRank with our own weights).

    The edge weight of two sentences is the number of term pairs they share divided by the
    product of their term counts to the power `exponent` (0.5 is a cosine over L1-normalised
    counts). Above `max_sentences` the n x n graph gets too big and the score falls back to
    the weighted degree, which needs no matrix: sum_j w_ij = y_i . (sum_j y_j) - y_i . y_i.
    """
    n = len(terms)
    if n == 0:
        return []
    _one_blas_thread()
    y = _term_matrix(terms, exponent)
    if n > max_sentences:
        total = y.sum(axis=0)
        degree = y @ total - np.einsum("ij,ij->i", y, y)
        return [float(x) for x in degree]
    weights = y @ y.T
    np.fill_diagonal(weights, 0.0)
    out = weights.sum(axis=1)
    # A sentence that shares nothing passes nothing on (its row stays zero).
    transition = weights / np.where(out > 0, out, 1.0)[:, None]
    # PageRank's fixed point r = (1 - d) / n + d * T^T r, solved directly: one LU
    # factorisation instead of ~100 power-iteration steps (each a Python round trip).
    system = np.eye(n) - damping * transition.T
    rank = np.linalg.solve(system, np.full(n, (1.0 - damping) / n))
    return [float(x) for x in rank]


def term_vector(terms: Sequence[str]) -> Vector:
    """Unit-length term-frequency vector of a bag of terms (empty for no terms).

    No idf: with sentences as documents, idf down-weights exactly the words an article keeps
    coming back to, and measured ROUGE drops on both dev sets when it is used.
    """
    counts = Counter(terms)
    # integer squares sum exactly, as the float ones did (counts stay far below 2**53)
    norm = math.sqrt(sum(c * c for c in counts.values()))
    return {t: c / norm for t, c in counts.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors (iterates over the shorter one)."""
    if len(a) > len(b):
        a, b = b, a
    # terms missing from b would add 0.0, which leaves a float sum unchanged: skip them
    return sum(v * b[t] for t, v in a.items() if t in b)
