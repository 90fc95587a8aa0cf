"""Per-article quote counts under many `QuoteRules`, with the shared quote scorer's matching.

For every article and setting: predictions, gold quotes, predictions whose quote and speaker
both match (end to end), and the full-quote variant's counts; micro F1 over any subset of
(setting, article) pairs is then a sum. `match`, `tokens` and `speaker_match` are the shared
scorer's own functions (../shared/evals/quotes/score.py, loaded by path), as in its `evaluate`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from summaries.quotes import DEFAULT_QUOTE_RULES, QuoteRules, find_quotes

#: Switchable rules, each tried off (the default has them all on).
QUOTE_SWITCHES = (
    "inherit_chain",
    "inherit_same_paragraph",
    "inherit_intro",
    "inherit_previous_paragraph",
    "inherit_sentence_before",
    "drop_headline_quotes",
)
#: Thresholds tried (with every switch on); 1000 words = never keep an unattributed span,
#: 0 title words = the title check off.
QUOTE_GRID: dict[str, tuple[int, ...]] = {
    "min_words_unattributed": (5, 6, 8, 10, 12, 1000),
    "max_title_words": (0, 4, 6, 8),
}


@dataclass(frozen=True, slots=True)
class Counts:
    """One article's counts under one setting."""

    pred: int
    gold: int
    e2e: int
    full_pred: int
    full_gold: int
    full_tp: int


def _f1(hit: int, pred: int, gold: int) -> float:
    return 2 * hit / (pred + gold) if pred + gold else 0.0


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """Counts of every candidate setting on every article."""

    names: tuple[str, ...]
    rules: tuple[QuoteRules, ...]
    counts: tuple[tuple[Counts, ...], ...]

    def e2e_f1(self, pairs: Sequence[tuple[int, int]]) -> float:
        """End-to-end micro F1 (quote and speaker right) over (candidate, article) pairs."""
        cs = [self.counts[c][d] for c, d in pairs]
        return _f1(sum(x.e2e for x in cs), sum(x.pred for x in cs), sum(x.gold for x in cs))

    def full_f1(self, pairs: Sequence[tuple[int, int]]) -> float:
        """Full-quote micro F1 (partial golds and the predictions matching them left out)."""
        cs = [self.counts[c][d] for c, d in pairs]
        return _f1(
            sum(x.full_tp for x in cs), sum(x.full_pred for x in cs), sum(x.full_gold for x in cs)
        )


def load_records(data: Path) -> list[dict[str, Any]]:
    """Every article of every *.jsonl in `data`, in file order."""
    return [
        json.loads(line)
        for path in sorted(data.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def candidate_rules() -> list[tuple[str, QuoteRules]]:
    """The default first, then each switch off, then every other threshold combination."""
    out = [("default", DEFAULT_QUOTE_RULES)]
    out += [
        (f"{name} off", replace(DEFAULT_QUOTE_RULES, **{name: False})) for name in QUOTE_SWITCHES
    ]
    for words in QUOTE_GRID["min_words_unattributed"]:
        for title in QUOTE_GRID["max_title_words"]:
            rules = replace(
                DEFAULT_QUOTE_RULES, min_words_unattributed=words, max_title_words=title
            )
            if rules != DEFAULT_QUOTE_RULES:
                out.append((f"min_words_unattributed={words}, max_title_words={title}", rules))
    return out


def count_quotes(record: dict[str, Any], rules: QuoteRules, scorer: ModuleType) -> Counts:
    """One article's counts: `find_quotes` under `rules`, matched as the shared scorer does."""
    found = find_quotes(record["text"], "en", rules)
    golds = record["quotes"]
    pairs = scorer.match(
        [scorer.tokens(q.text) for q in found], [scorer.tokens(g["quote"]) for g in golds], 0.5
    )
    e2e = sum(
        bool(
            scorer.speaker_match(
                found[i].speaker, golds[j].get("speaker"), golds[j].get("speaker_aliases")
            )
        )
        for i, j, _ in pairs
    )
    partial = {j for j, g in enumerate(golds) if g.get("kind") == "partial"}
    ignored = sum(1 for _, j, _ in pairs if j in partial)
    return Counts(
        len(found),
        len(golds),
        e2e,
        len(found) - ignored,
        len(golds) - len(partial),
        sum(1 for _, j, _ in pairs if j not in partial),
    )


def score_rules(
    records: Sequence[dict[str, Any]], named: Sequence[tuple[str, QuoteRules]], scorer: ModuleType
) -> QuoteScores:
    """Find the quotes of every article under every setting and count the matches."""
    return QuoteScores(
        tuple(name for name, _ in named),
        tuple(rules for _, rules in named),
        tuple(tuple(count_quotes(r, rules, scorer) for r in records) for _, rules in named),
    )
