"""Which English speech-lexicon entries the quote dev figure rests on, and how much is fitted.

Each entry of the English `SpeechLexicon` (speech verbs, weak verbs, auxiliaries, "according
to" forms) and of the speaker-noun lists (nominal heads, plural heads, role words) is left out
in turn; the articles whose end-to-end count changes are its support. An entry that helps
exactly one article is a rule fitted to that article as far as the dev set can tell.
Cross-validation: each fold keeps an entry only when leaving it out costs end-to-end matches
on the other folds, and is scored with every other entry left out at once; entries that change
nothing on any dev article drop out everywhere and cannot move the figure.

The general inventories written from grammar rather than from the dev articles (the
lexicon's `reporting` and `reporting_weak` verbs, `_word_classes`' person nouns) are not
entries: they stay in every fold, so the figure measures what still rests on words chosen by
looking at dev articles.

The lists are swapped in `summaries.quotes._patterns` for the duration of a call and the
compiled-pattern cache is cleared around it: the benchmark measures the shipped code with one
list changed, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

import snowballstemmer
from _kfold import HeldOut, fold_ids
from _quote_cv import Counts, count_quotes

from summaries.quotes import DEFAULT_QUOTE_RULES
from summaries.quotes import _patterns as patterns
from summaries.quotes._speech_words import LEXICONS

_STEMMER = snowballstemmer.stemmer("english")

#: Lexicon fields of English and module-level noun lists of `_patterns`.
LEXICON_FIELDS = ("verbs", "weak_verbs", "auxiliaries", "according")
NOUN_LISTS = ("NOMINAL_HEADS", "PLURAL_HEADS", "ROLE_WORDS")

Entry = tuple[str, str]  # (list name, word)


def entries() -> list[Entry]:
    """Every entry of the English lists, in list order (a word in two lists is two entries)."""
    english = LEXICONS["en"]
    out = [(name, w) for name in LEXICON_FIELDS for w in getattr(english, name)]
    out += [(name, w) for name in NOUN_LISTS for w in getattr(patterns, name)]
    return out


@contextmanager
def without(dropped: Sequence[Entry]) -> Iterator[None]:
    """The English lists minus `dropped`, for the patterns compiled inside the block."""
    english = LEXICONS["en"]
    nouns = {name: getattr(patterns, name) for name in NOUN_LISTS}
    gone: dict[str, set[str]] = {}
    for name, word in dropped:
        gone.setdefault(name, set()).add(word)
    LEXICONS["en"] = replace(
        english,
        **{
            name: tuple(w for w in getattr(english, name) if w not in gone.get(name, ()))
            for name in LEXICON_FIELDS
        },
    )
    for name, words in nouns.items():
        setattr(patterns, name, tuple(w for w in words if w not in gone.get(name, ())))
    patterns.patterns_for.cache_clear()
    try:
        yield
    finally:
        LEXICONS["en"] = english
        for name, words in nouns.items():
            setattr(patterns, name, words)
        patterns.patterns_for.cache_clear()


@dataclass(frozen=True, slots=True)
class EntryEffect:
    """What leaving one entry out does: per-article end-to-end change, and the counts."""

    entry: Entry
    counts: tuple[Counts, ...]
    #: Articles whose end-to-end matches or predictions change, with the change in matches.
    changed: tuple[tuple[int, int], ...]


def entry_effects(
    records: Sequence[dict[str, Any]], base: Sequence[Counts], scorer: ModuleType
) -> list[EntryEffect]:
    """Leave each entry out in turn and note the articles it changes (the others are reused)."""
    out = []
    for entry in entries():
        with without([entry]):
            counts = tuple(count_quotes(r, DEFAULT_QUOTE_RULES, scorer) for r in records)
        changed = tuple(
            (d, c.e2e - b.e2e) for d, (c, b) in enumerate(zip(counts, base, strict=True)) if c != b
        )
        out.append(EntryEffect(entry, counts, changed))
    return out


def family(entry: Entry) -> Entry:
    """The entry's word family: its list and the stems of its words ("admits" ~ "admitted")."""
    name, words = entry
    return name, " ".join(_STEMMER.stemWords(words.split()))


def unsupported(
    effects: Sequence[EntryEffect], train: set[int], by_family: bool = False
) -> list[Entry]:
    """Entries whose removal costs the training articles no end-to-end match.

    That is the rule a fold would have been written by: an entry whose only evidence lies in
    the held-out fold (or nowhere) would not have been added without that fold. `by_family`:
    an entry is kept when its word family pays on the training articles (a lexicon written as
    whole paradigms of the verbs the training articles show).
    """
    paid: dict[Entry, int] = {}
    for effect in effects:
        key = family(effect.entry) if by_family else effect.entry
        paid[key] = paid.get(key, 0) + sum(delta for d, delta in effect.changed if d in train)
    return [e.entry for e in effects if paid[family(e.entry) if by_family else e.entry] >= 0]


def _f1(counts: Sequence[Counts]) -> float:
    hit, pred, gold = (
        sum(c.e2e for c in counts),
        sum(c.pred for c in counts),
        sum(c.gold for c in counts),
    )
    return 2 * hit / (pred + gold) if pred + gold else 0.0


def lexicon_cv(
    records: Sequence[dict[str, Any]],
    effects: Sequence[EntryEffect],
    scorer: ModuleType,
    folds: int,
    seeds: Sequence[int],
    by_family: bool = False,
) -> tuple[HeldOut, list[int]]:
    """End-to-end F1 when each fold keeps only the entries its training articles support.

    Returns the held-out figures and, per fold, how many entries with dev evidence it dropped.
    """
    pooled: list[float] = []
    per_fold: list[float] = []
    dropped_counts: list[int] = []
    evident = [e for e in effects if e.changed]
    for seed in seeds:
        fold_of = fold_ids(len(records), folds, seed)
        held: list[Counts] = []
        for fold in range(folds):
            train = {d for d, f in enumerate(fold_of) if f != fold}
            dropped = unsupported(evident, train, by_family)
            dropped_counts.append(len(dropped))
            with without(dropped):
                counts = [
                    count_quotes(records[d], DEFAULT_QUOTE_RULES, scorer)
                    for d, f in enumerate(fold_of)
                    if f == fold
                ]
            per_fold.append(_f1(counts))
            held.extend(counts)
        pooled.append(_f1(held))
    return HeldOut(tuple(pooled), tuple(per_fold)), dropped_counts
