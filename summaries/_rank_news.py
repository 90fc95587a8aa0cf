"""The "news" ranker: position prior + centrality + title similarity, shaped by sentence quality.

Unsupervised centrality alone loses to LEAD-3 on news, because news puts the substance first.
This ranker blends a position prior (weaker when the caller wants a large share of the article)
with tf-idf similarity to the whole article and to the title, scales it by a sentence-quality
factor (length window, questions, quote-only, headings/bylines without terminal punctuation) and
then picks greedily with an MMR redundancy penalty. Every step is linear in the article length
except the pick, which costs O(n * len) similarity checks for n picked sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summaries._rank_text import (
    Vector,
    centroid,
    content_terms,
    cosine,
    idf_table,
    safe_stemmer,
    tfidf,
)
from summaries.lexicon import LanguageTools

#: Characters that end a finished sentence in the scripts we support (closing quotes and brackets
#: may follow them).
TERMINAL_PUNCTUATION = frozenset(".!?…。！？؟।")
CLOSING_MARKS = frozenset("\"'”’»)]」』›")
QUESTION_MARKS = frozenset("?？؟")
QUOTE_MARKS = frozenset("\"“”„«»‘’‚‹›「」『』")


@dataclass(frozen=True, slots=True)
class NewsRankConfig:
    """Weights and thresholds of the news ranker (one instance, passed down)."""

    #: Weight of the position prior when the summary is a small share of the article; it fades
    #: linearly to `position_floor` times that as the share grows to `share_saturation`.
    position_weight: float = 1.0
    position_floor: float = 0.35
    share_saturation: float = 0.5
    #: The prior is 1 / (1 + i / position_scale) for the sentence at index i.
    position_scale: float = 2.0
    centrality_weight: float = 1.0
    title_weight: float = 0.5
    #: Content words inside which a sentence gets no length penalty.
    ideal_min_words: int = 8
    ideal_max_words: int = 40
    #: Multipliers for sentences that rarely belong in a summary.
    question_factor: float = 0.4
    quote_only_factor: float = 0.6
    unfinished_factor: float = 0.3
    #: Share of a sentence's characters inside quote marks above which it counts as quote-only.
    quote_only_share: float = 0.7
    #: MMR: score minus this times the similarity to the most similar sentence already picked.
    redundancy_weight: float = 0.6
    #: Cosine similarity above which a candidate counts as a near-duplicate and waits till last.
    duplicate_similarity: float = 0.85


DEFAULT_NEWS_CONFIG = NewsRankConfig()


@dataclass(frozen=True, slots=True)
class _Features:
    vectors: list[Vector]
    scores: list[float]


def _is_unfinished(text: str) -> bool:
    """A line without terminal punctuation: heading, byline, dateline, caption or menu text."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSING_MARKS:
        stripped = stripped[:-1].rstrip()
    return not stripped or stripped[-1] not in TERMINAL_PUNCTUATION


def _is_question(text: str) -> bool:
    stripped = text.rstrip().rstrip("".join(CLOSING_MARKS))
    return bool(stripped) and stripped[-1] in QUESTION_MARKS


def _quoted_share(text: str) -> float:
    """Share of non-space characters between quote marks (straight quotes toggle)."""
    inside = False
    quoted = total = 0
    for ch in text:
        if ch in QUOTE_MARKS:
            inside = not inside if ch in "\"'" else ch not in "”’»›」』"
            continue
        if ch.isspace():
            continue
        total += 1
        quoted += inside
    return quoted / total if total else 0.0


def _length_factor(words: int, config: NewsRankConfig) -> float:
    if words == 0:
        return 0.0
    if words < config.ideal_min_words:
        return words / config.ideal_min_words
    if words > config.ideal_max_words:
        return config.ideal_max_words / words
    return 1.0


def quality_factor(text: str, content_words: int, config: NewsRankConfig) -> float:
    """Multiplier in [0, 1] for how well a sentence can stand in a summary on its own."""
    factor = _length_factor(content_words, config)
    if _is_unfinished(text):
        factor *= config.unfinished_factor
    elif _is_question(text):
        factor *= config.question_factor
    if _quoted_share(text) >= config.quote_only_share:
        factor *= config.quote_only_factor
    return factor


def _position_weight(n: int, total: int, config: NewsRankConfig) -> float:
    share = min(1.0, n / total / config.share_saturation) if total else 0.0
    return config.position_weight * (1.0 - (1.0 - config.position_floor) * share)


def _features(
    sentences: Sequence[str],
    n: int,
    tools: LanguageTools,
    title: str | None,
    config: NewsRankConfig,
) -> _Features:
    stem = safe_stemmer(tools.stem)
    terms = [content_terms(s, tools, stem) for s in sentences]
    idf = idf_table(terms)
    vectors = [tfidf(t, idf) for t in terms]
    center = centroid(vectors)
    title_vec = tfidf(content_terms(title, tools, stem), idf) if title else {}
    pos_weight = _position_weight(n, len(sentences), config)
    scores = []
    for i, (text, vec) in enumerate(zip(sentences, vectors, strict=True)):
        prior = 1.0 / (1.0 + i / config.position_scale)
        content = config.centrality_weight * cosine(vec, center)
        if title_vec:
            content += config.title_weight * cosine(vec, title_vec)
        raw = pos_weight * prior + content
        scores.append(raw * quality_factor(text, len(terms[i]), config))
    return _Features(vectors, scores)


def news_pick(
    sentences: Sequence[str],
    n: int,
    tools: LanguageTools,
    title: str | None = None,
    config: NewsRankConfig = DEFAULT_NEWS_CONFIG,
) -> list[tuple[int, float]]:
    """Pick up to n sentence indices with the news ranker.

    Args:
        sentences: the article's sentences, in order.
        n: how many to pick.
        tools: words, stemmer and stop words of the article's language.
        title: the article's title, when known.
        config: weights and thresholds.

    Returns:
        (index, score) pairs in the order they were picked; near-duplicates of picked sentences
        come last, so callers that need exactly n still get distinct texts first.
    """
    if not sentences or n <= 0:
        return []
    feats = _features(sentences, n, tools, title, config)
    # max similarity of every sentence to anything picked so far, updated per pick: O(n * len).
    closest = [0.0] * len(sentences)
    remaining = set(range(len(sentences)))
    picked: list[tuple[int, float]] = []
    deferred: list[tuple[int, float]] = []
    while remaining and len(picked) < n:
        best = max(
            remaining,
            key=lambda i: (feats.scores[i] - config.redundancy_weight * closest[i], -i),
        )
        remaining.discard(best)
        if closest[best] >= config.duplicate_similarity:
            deferred.append((best, feats.scores[best]))
            continue
        picked.append((best, feats.scores[best]))
        vec = feats.vectors[best]
        for i in remaining:
            sim = cosine(vec, feats.vectors[i])
            if sim > closest[i]:
                closest[i] = sim
    return picked + deferred
