"""Sentence ranking and picking: our "news" ranker, LEAD and sumy's methods behind one function."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from summaries.models import Sentence
from summaries.rank._news import DEFAULT_NEWS_CONFIG, NewsRankConfig, news_pick
from summaries.rank._sumy import SUMY_ALGORITHMS, sumy_scores
from summaries.text import LanguageTools, count_words

#: A ranker: (sentences, how many, language tools, title, news weights) → (index, score) pairs,
#: best first. Unranked sentences may be left out; `_choose` fills them in article order.
Ranker = Callable[
    [Sequence[str], int, LanguageTools, str | None, NewsRankConfig], list[tuple[int, float]]
]


def _ranked_by_score(scores: Sequence[float | None]) -> list[tuple[int, float]]:
    """(index, score) best first; unrated sentences after rated ones, earlier ones first."""
    rated = [s for s in scores if s is not None]
    floor = min(rated) - 1.0 if rated else 0.0
    order = sorted(
        range(len(scores)),
        key=lambda i: (scores[i] is None, -(scores[i] or 0.0), i),
    )
    return [(i, s if (s := scores[i]) is not None else floor) for i in order]


#: A summary sentence has this many words (CJK: characters / 2); shorter "sentences" are
#: headings, captions and one-word lines, longer ones are run-on lists or glued paragraphs.
#: Every algorithm prefers sentences in this window and falls back to the others only when
#: the article has too few.
SUMMARY_SENTENCE_WORDS = (3, 80)


def _dedupe_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _fits(text: str) -> bool:
    low, high = SUMMARY_SENTENCE_WORDS
    return low <= count_words(text) <= high


def _choose(
    ranked: Sequence[tuple[int, float]], sentences: Sequence[str], count: int
) -> list[Sentence]:
    """Take `count` sentences from `ranked`, best first, then fill in article order.

    Distinct texts of a summary-sentence length come first; other lengths, then blank and
    repeated texts, only when the article has too few to reach `count` (the caller is promised
    exactly min(n, len(sentences)) sentences).
    """
    scores = dict(ranked)
    order = [i for i, _ in ranked] + [i for i in range(len(sentences)) if i not in scores]
    chosen: list[int] = []
    seen: set[str] = set()
    for wanted in (_fits, lambda _text: True):
        for i in order:
            key = _dedupe_key(sentences[i])
            if key and key not in seen and wanted(sentences[i]):
                seen.add(key)
                chosen.append(i)
                if len(chosen) == count:
                    break
        if len(chosen) == count:
            break
    if len(chosen) < count:
        taken = set(chosen)
        chosen.extend([i for i in order if i not in taken][: count - len(chosen)])
    floor = min(scores.values(), default=0.0)
    return [Sentence(i, sentences[i], scores.get(i, floor)) for i in sorted(chosen)]


def _lead(
    sentences: Sequence[str],
    count: int,
    tools: LanguageTools,
    title: str | None,
    config: NewsRankConfig,
) -> list[tuple[int, float]]:
    return [(i, float(len(sentences) - i)) for i in range(len(sentences))]


def _sumy(
    method: str,
    sentences: Sequence[str],
    count: int,
    tools: LanguageTools,
    title: str | None,
    config: NewsRankConfig,
) -> list[tuple[int, float]]:
    return _ranked_by_score(sumy_scores(sentences, tools, method))


#: Every ranker by name: "news" (ours, the default) first, "lead", then sumy's methods.
RANKERS: dict[str, Ranker] = {
    "news": news_pick,
    **{method: functools.partial(_sumy, method) for method in SUMY_ALGORITHMS},
    "lead": _lead,
}
#: Ranking algorithms a caller may ask for ("news" is our own default).
ALGORITHMS: tuple[str, ...] = tuple(RANKERS)


def pick_sentences(
    sentences: Sequence[str],
    n: int,
    tools: LanguageTools,
    *,
    title: str | None = None,
    algorithm: str = "news",
    news_config: NewsRankConfig = DEFAULT_NEWS_CONFIG,
) -> list[Sentence]:
    """Pick the n sentences that best summarise an article.

    Args:
        sentences: the article's sentences in order; the result quotes them verbatim.
        n: how many to pick; the result has exactly min(n, len(sentences)) sentences.
        tools: word tokenizer, stemmer and stop words of the article's language.
        title: the article's title, when known (the "news" ranker favours sentences like it).
        algorithm: one of `ALGORITHMS`: "news" (ours), "lead" (the first n),
            or sumy's "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction".
        news_config: weights of the "news" ranker.

    Returns:
        Distinct sentences in article order, each with its input index and its score under
        the algorithm (higher is better; scores are comparable only within one call).

    Raises:
        ValueError: for an unknown algorithm.
    """
    ranker = RANKERS.get(algorithm)
    if ranker is None:
        raise ValueError(f"unknown algorithm {algorithm!r}; expected one of {ALGORITHMS}")
    count = min(n, len(sentences))
    if count <= 0:
        return []
    return _choose(ranker(sentences, count, tools, title, news_config), sentences, count)
