"""Sentence ranking and picking: our "news" ranker, LEAD and sumy's methods."""

from __future__ import annotations

from summaries.rank._news import DEFAULT_NEWS_CONFIG, NewsRankConfig
from summaries.rank._pick import ALGORITHMS, RANKERS, Ranker, pick_sentences

__all__ = [
    "ALGORITHMS",
    "DEFAULT_NEWS_CONFIG",
    "NewsRankConfig",
    "RANKERS",
    "Ranker",
    "pick_sentences",
]
