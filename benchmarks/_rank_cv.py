"""Per-article ROUGE of the news ranker under many `NewsRankConfig`s, next to LEAD-n.

Each article is split once (our splitter, as `summaries.evaluation.pick_sentences` does);
each setting ranks it and the picked indices are scored with the shared scorer's metric
(rouge-score F1 with the Porter stemmer, candidate sentences joined by newlines). Settings
that pick the same sentences share one ROUGE computation. LEAD-n is the shared scorer's
`anchors:lead` (its own splitter), the anchor the targets are stated against.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from rouge_score import rouge_scorer

from summaries.rank import pick_sentences
from summaries.rank._news import DEFAULT_NEWS_CONFIG, NewsRankConfig
from summaries.text import LanguageTools, tools_for

_WS = re.compile(r"\s+")

#: Values tried per tunable of the news ranker (the default's own value is always included).
#: position_weight is the unit the other weights are measured in, so it is not tuned.
RANK_GRID: dict[str, tuple[float, ...]] = {
    "position_scale": (1.0, 2.0, 4.0),
    "centrality_weight": (0.4, 0.7, 1.0),
    "redundancy_weight": (0.0, 0.5, 1.0),
    "quote_only_factor": (0.6, 1.0),
    "ideal_max_words": (40, 60),
    "lead_full_share": (0.15, 0.3),
}


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its sentences under our splitter, the reference and LEAD-n's ROUGE."""

    sentences: tuple[str, ...]
    tools: LanguageTools
    title: str | None
    reference: str
    n: int
    lead: tuple[float, float]


@dataclass(frozen=True, slots=True)
class RankScores:
    """ROUGE-1/2 F1 (×100) of every candidate setting on every article."""

    names: tuple[str, ...]
    configs: tuple[NewsRankConfig, ...]
    r1: tuple[tuple[float, ...], ...]
    r2: tuple[tuple[float, ...], ...]
    lead_r1: tuple[float, ...]
    lead_r2: tuple[float, ...]

    def margin(self, pairs: Sequence[tuple[int, int]]) -> tuple[float, float]:
        """Mean R1 and R2 margins over LEAD-n of (candidate, article) pairs."""
        if not pairs:
            return 0.0, 0.0
        m1 = sum(self.r1[c][d] - self.lead_r1[d] for c, d in pairs) / len(pairs)
        m2 = sum(self.r2[c][d] - self.lead_r2[d] for c, d in pairs) / len(pairs)
        return m1, m2

    def per_article_margins(self, c: int) -> tuple[list[float], list[float]]:
        """Candidate c's R1 and R2 margins over LEAD-n, article by article."""
        docs = range(len(self.lead_r1))
        return (
            [self.r1[c][d] - self.lead_r1[d] for d in docs],
            [self.r2[c][d] - self.lead_r2[d] for d in docs],
        )

    def r1_margin(self, pairs: Sequence[tuple[int, int]]) -> float:
        return self.margin(pairs)[0]

    def r2_margin(self, pairs: Sequence[tuple[int, int]]) -> float:
        return self.margin(pairs)[1]

    def worse_margin(self, pairs: Sequence[tuple[int, int]]) -> float:
        """The smaller of the two margins: the target holds only when both do."""
        return min(self.margin(pairs))


def _scorer() -> Any:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


def load_articles(
    data: Path, anchors: ModuleType, sentences: int | None, limit: int = 0
) -> list[Article]:
    """Articles of `data/articles.jsonl`; `sentences` None picks as many as the reference has."""
    scorer = _scorer()
    items = [
        json.loads(line)
        for line in (data / "articles.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    out: list[Article] = []
    for item in items[:limit] if limit else items:
        n = sentences or max(1, len(item["summary"].split("\n")))
        language = item.get("language") or "en"
        tools = tools_for(language)
        lead = "\n".join(_norm(s) for s in anchors.lead(item["text"], language, n))
        score = scorer.score(item["summary"], lead)
        out.append(
            Article(
                tuple(tools.split_sentences(item["text"])),
                tools,
                item.get("title") or None,
                item["summary"],
                n,
                (100 * score["rouge1"].fmeasure, 100 * score["rouge2"].fmeasure),
            )
        )
    return out


def grid_configs(grid: dict[str, tuple[float, ...]]) -> list[tuple[str, NewsRankConfig]]:
    """The default first, then every other combination of `grid`, named by what it changes."""
    types = {f.name: f.type for f in fields(NewsRankConfig)}
    out = [("default", DEFAULT_NEWS_CONFIG)]
    for values in itertools.product(*grid.values()):
        changes: dict[str, Any] = {
            k: (int(v) if types[k] in ("int", int) else v)
            for k, v in zip(grid, values, strict=True)
            if v != getattr(DEFAULT_NEWS_CONFIG, k)
        }
        if changes:
            name = ", ".join(f"{k}={v}" for k, v in changes.items())
            out.append((name, replace(DEFAULT_NEWS_CONFIG, **changes)))
    return out


def score_configs(
    articles: Sequence[Article], named: Sequence[tuple[str, NewsRankConfig]]
) -> RankScores:
    """Rank every article under every setting and score the picks."""
    scorer = _scorer()
    cache: dict[tuple[int, tuple[int, ...]], tuple[float, float]] = {}
    r1: list[tuple[float, ...]] = []
    r2: list[tuple[float, ...]] = []
    for _, config in named:
        row1: list[float] = []
        row2: list[float] = []
        for d, art in enumerate(articles):
            picked = pick_sentences(
                art.sentences, art.n, art.tools, title=art.title, news_config=config
            )
            key = (d, tuple(s.index for s in picked))
            if key not in cache:
                candidate = "\n".join(_norm(s.text) for s in picked)
                score = scorer.score(art.reference, candidate)
                cache[key] = (100 * score["rouge1"].fmeasure, 100 * score["rouge2"].fmeasure)
            row1.append(cache[key][0])
            row2.append(cache[key][1])
        r1.append(tuple(row1))
        r2.append(tuple(row2))
    return RankScores(
        tuple(name for name, _ in named),
        tuple(config for _, config in named),
        tuple(r1),
        tuple(r2),
        tuple(a.lead[0] for a in articles),
        tuple(a.lead[1] for a in articles),
    )
