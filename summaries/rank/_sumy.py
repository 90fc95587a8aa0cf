"""sumy's summarizers behind one function that keeps their per-sentence scores.

sumy's `__call__` returns only the chosen sentences, so this module builds sumy's document model
itself (one paragraph of the given sentences, words from `LanguageTools`, never NLTK data) and
calls each summarizer's internal rating step. Graph-based methods are quadratic (KL is worse), so
each one sees at most `SUMY_SENTENCE_CAPS[name]` sentences from the start of the article; the
rest get no score and are only picked when the caller asks for more sentences than were rated.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from summaries.rank._vectors import safe_stemmer
from summaries.text import LanguageTools, SumyTokenizer

if TYPE_CHECKING:  # sumy (and NLTK under it) loads only when a sumy method is asked for
    from sumy.models.dom import ObjectDocumentModel
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer

#: How many leading sentences each sumy method rates; chosen so that a 300-sentence article stays
#: well under a second per method on one core (KL re-reads the growing summary at every step).
SUMY_SENTENCE_CAPS: dict[str, int] = {
    "lexrank": 200,
    "textrank": 200,
    "reduction": 200,
    "lsa": 400,
    "luhn": 2000,
    "sumbasic": 400,
    "kl": 80,
}


class _ToolsTokenizer(SumyTokenizer):
    """The lexicon's sumy tokenizer, keeping only tokens with a letter or digit for rating."""

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens with at least one letter or digit."""
        return tuple(w for w in super().to_words(sentence) if any(ch.isalnum() for ch in w))


def _lexrank(summarizer: LexRankSummarizer, doc: ObjectDocumentModel) -> list[float]:
    words = [summarizer._to_words_set(s) for s in doc.sentences]
    tf = summarizer._compute_tf(words)
    idf = summarizer._compute_idf(words)
    matrix = summarizer._create_matrix(words, summarizer.threshold, tf, idf)
    return [float(x) for x in summarizer.power_method(matrix, summarizer.epsilon)]


def _lsa(summarizer: LsaSummarizer, doc: ObjectDocumentModel) -> list[float]:
    import numpy

    dictionary = summarizer._create_dictionary(doc)
    if not dictionary:
        return [0.0] * len(doc.sentences)
    with warnings.catch_warnings():
        # "fewer words than sentences" is expected on short texts and harmless for ranking.
        warnings.simplefilter("ignore")
        matrix = summarizer._create_matrix(doc, dictionary)
    matrix = summarizer._compute_term_frequency(matrix)
    try:
        _u, sigma, v = numpy.linalg.svd(matrix, full_matrices=False)
    except numpy.linalg.LinAlgError:
        # LAPACK's divide-and-conquer SVD (gesdd, numpy's only one) now and then reports no
        # convergence on a finite matrix (seen once in the test suite): the eigenvectors of
        # the Gram matrix give the same singular values and right singular vectors.
        sigma, v = _svd_by_eigh(numpy.asarray(matrix, dtype=float))
    return [float(x) for x in summarizer._compute_ranks(sigma, v)]


def _svd_by_eigh(matrix: Any) -> tuple[Any, Any]:
    """Singular values (descending) and right singular vectors (rows) of `matrix`."""
    import numpy

    values, vectors = numpy.linalg.eigh(matrix.T @ matrix)
    order = numpy.argsort(values)[::-1][: min(matrix.shape)]
    return numpy.sqrt(numpy.clip(values[order], 0.0, None)), vectors[:, order].T


def _luhn(summarizer: LuhnSummarizer, doc: ObjectDocumentModel) -> list[float]:
    significant = summarizer._get_significant_words(doc.words)
    return [float(summarizer.rate_sentence(s, significant)) for s in doc.sentences]


def _by_dict(method: str) -> Callable[[Any, ObjectDocumentModel], list[float]]:
    """Raters whose internal method returns {sentence: rating} (keys compare by text)."""

    def rate(summarizer: Any, doc: ObjectDocumentModel) -> list[float]:
        if method == "rate_sentences":
            ratings = summarizer.rate_sentences(doc)
        else:
            ratings = getattr(summarizer, method)(doc.sentences)
        return [float(ratings.get(s, 0.0)) for s in doc.sentences]

    return rate


#: Method → (sumy class as "module:Name", rater); classes are imported on first use.
_METHODS: dict[str, tuple[str, Callable[[Any, ObjectDocumentModel], list[float]]]] = {
    "lexrank": ("sumy.summarizers.lex_rank:LexRankSummarizer", _lexrank),
    "textrank": ("sumy.summarizers.text_rank:TextRankSummarizer", _by_dict("rate_sentences")),
    "lsa": ("sumy.summarizers.lsa:LsaSummarizer", _lsa),
    "luhn": ("sumy.summarizers.luhn:LuhnSummarizer", _luhn),
    "kl": ("sumy.summarizers.kl:KLSummarizer", _by_dict("_compute_ratings")),
    "sumbasic": ("sumy.summarizers.sum_basic:SumBasicSummarizer", _by_dict("_compute_ratings")),
    "reduction": ("sumy.summarizers.reduction:ReductionSummarizer", _by_dict("rate_sentences")),
}

SUMY_ALGORITHMS = tuple(_METHODS)


def sumy_scores(
    sentences: Sequence[str], tools: LanguageTools, algorithm: str
) -> list[float | None]:
    """Score every sentence with one sumy method.

    Args:
        sentences: the article's sentences, in order.
        tools: word tokenizer, stemmer and stop words of the article's language.
        algorithm: one of `SUMY_ALGORITHMS`.

    Returns:
        One score per input sentence (higher is better), or None for sentences the method did
        not rate (no words, or beyond the method's cap).
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    path, rate = _METHODS[algorithm]
    module, _, name = path.partition(":")
    cls = getattr(importlib.import_module(module), name)
    tokenizer = _ToolsTokenizer(tools)
    cap = SUMY_SENTENCE_CAPS[algorithm]
    rated = [i for i, s in enumerate(sentences) if tokenizer.to_words(s)][:cap]
    scores: list[float | None] = [None] * len(sentences)
    if not rated:
        return scores
    doc = ObjectDocumentModel([Paragraph([SumySentence(sentences[i], tokenizer) for i in rated])])
    summarizer = cls(safe_stemmer(tools.stem))
    # KL reads `stop_words` as a plain attribute and compares it with lower-cased words.
    summarizer.stop_words = frozenset(w.lower() for w in tools.stop_words)
    for i, score in zip(rated, rate(summarizer, doc), strict=True):
        scores[i] = score
    return scores
