"""Repeated k-fold selection: each fold's setting is chosen on the other folds, scored on it.

The caller has scored every candidate setting on every document once; a `Figure` turns
(candidate, document) pairs into the set's figure (a mean ROUGE margin, a micro F1), so the
same machinery serves per-document means and pooled counts. Ties go to the earlier candidate
(put the default first): a fold changes a setting only when the change pays on its training
documents.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

#: (candidate index, document index) pairs → the figure over those documents.
Figure = Callable[[Sequence[tuple[int, int]]], float]


@dataclass(frozen=True, slots=True)
class Split:
    """One seed's folds and the candidate each fold chose on the others."""

    fold_of: tuple[int, ...]
    chosen: tuple[int, ...]

    def held_out(self) -> list[list[tuple[int, int]]]:
        """Per fold: its documents, each paired with the fold's choice."""
        return [
            [(best, d) for d, f in enumerate(self.fold_of) if f == fold]
            for fold, best in enumerate(self.chosen)
        ]


@dataclass(frozen=True, slots=True)
class HeldOut:
    """Held-out figures of one metric over repeated splits."""

    #: Per seed: the figure over all documents, each scored with its fold's choice.
    pooled: tuple[float, ...]
    #: Every fold's own figure (folds × seeds).
    per_fold: tuple[float, ...]

    @property
    def mean(self) -> float:
        return sum(self.pooled) / len(self.pooled)

    @property
    def min_fold(self) -> float:
        return min(self.per_fold)


def fold_ids(documents: int, folds: int, seed: int) -> tuple[int, ...]:
    """The fold of each document: a seeded shuffle cut into `folds` near-equal parts."""
    order = list(range(documents))
    random.Random(seed).shuffle(order)
    fold = [0] * documents
    for rank, doc in enumerate(order):
        fold[doc] = rank % folds
    return tuple(fold)


def choose(
    candidates: int, documents: int, figure: Figure, folds: int, seeds: Sequence[int]
) -> list[Split]:
    """For every seed and fold, the candidate with the best `figure` on the other folds."""
    splits = []
    for seed in seeds:
        fold_of = fold_ids(documents, folds, seed)
        chosen = []
        for fold in range(folds):
            train = [d for d in range(documents) if fold_of[d] != fold]
            chosen.append(
                max(range(candidates), key=lambda c: (figure([(c, d) for d in train]), -c))
            )
        splits.append(Split(fold_of, tuple(chosen)))
    return splits


def fixed(candidate: int, documents: int, folds: int, seeds: Sequence[int]) -> list[Split]:
    """The same folds with one candidate everywhere (its own per-fold spread)."""
    return [Split(fold_ids(documents, folds, s), (candidate,) * folds) for s in seeds]


def held_out(splits: Sequence[Split], figure: Figure) -> HeldOut:
    """Score each fold's choice on the fold, per fold and pooled per seed."""
    pooled: list[float] = []
    per_fold: list[float] = []
    for split in splits:
        parts = split.held_out()
        per_fold.extend(figure(part) for part in parts)
        pooled.append(figure([pair for part in parts for pair in part]))
    return HeldOut(tuple(pooled), tuple(per_fold))


def chosen_counts(splits: Sequence[Split]) -> Counter[int]:
    """How many folds chose each candidate."""
    return Counter(c for split in splits for c in split.chosen)
