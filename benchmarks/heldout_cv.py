"""How much of the summary and quote dev figures is fitted: repeated k-fold CV of their settings.

usage: python benchmarks/heldout_cv.py [--shared ../shared] [--folds 5] [--seeds 0,1,2,3,4]
                                       [--only cnn,bbc,quotes,lexicon]

Summaries (CNN, 3 sentences; BBC, reference length): every `NewsRankConfig` combination of
`RANK_GRID` ranks every article once; the figure is the margin over LEAD-n (the shared scorer's
`anchors:lead`), ROUGE-1 and ROUGE-2 F1 ×100. Each fold chooses the setting whose smaller margin
(R1 or R2) is highest on the other folds, ties to the default, and is scored on its own fold.
Quotes (quotes-dev): the default `QuoteRules`, each context rule switched off, and the
threshold grid; each fold chooses by end-to-end F1 on the other folds. Lexicon (`_lexicon_cv.py`):
every English speech-lexicon entry left out in turn, and folds that keep only the entries their
training articles support (~4 minutes).

Printed: the dev figure of the default next to the pooled CV figure (mean over seeds; the
spread over seeds) and the lowest single-fold figure, of the CV choice and of the default
itself; then which settings the folds chose, and the dev table of the settings that were
chosen or stand out. ROUGE and the quote matching are the shared scorers' own code, loaded from
../shared/evals by path.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from _kfold import Figure, Split, choose, chosen_counts, fixed, held_out
from _lexicon_cv import entry_effects, lexicon_cv
from _quote_cv import QuoteScores, candidate_rules, count_quotes, load_records, score_rules
from _rank_cv import RANK_GRID, RankScores, grid_configs, load_articles, score_configs
from _scorers import load_module

from summaries.quotes import DEFAULT_QUOTE_RULES

ROOT = Path(__file__).resolve().parent.parent
HEADER = [
    "| figure | dev (default) | k-fold CV (spread over seeds) | lowest fold: CV · default |",
    "|---|---|---|---|",
]


def _row(label: str, dev: float, cv_splits: list[Split], base: list[Split], figure: Figure) -> str:
    """One figure: dev, pooled CV (mean and range over seeds), lowest fold of CV and default."""
    cv, default = held_out(cv_splits, figure), held_out(base, figure)
    signed = "+" if label.endswith("LEAD") else ""
    f = f"{{:{signed}.{2 if signed else 3}f}}"
    return (
        f"| {label} | {f.format(dev)} | {f.format(cv.mean)} ({f.format(min(cv.pooled))}…"
        f"{f.format(max(cv.pooled))}) | {f.format(cv.min_fold)} · {f.format(default.min_fold)} |"
    )


def _chosen(splits: list[Split], names: Sequence[str], top: int = 5) -> list[str]:
    counts = chosen_counts(splits)
    total = sum(counts.values())
    return [f"  {count}/{total} folds: {names[c]}" for c, count in counts.most_common(top)]


def rank_report(
    label: str, scores: RankScores, folds: int, seeds: Sequence[int], rows: int
) -> list[str]:
    """Dev vs CV margins over LEAD-n of the ranker's settings on one set, and the best settings."""
    docs = len(scores.lead_r1)
    everyone = [(0, d) for d in range(docs)]
    # a fold chooses by the smaller margin: the target holds only when both do
    splits = choose(len(scores.names), docs, scores.worse_margin, folds, seeds)
    base = fixed(0, docs, folds, seeds)
    dev = scores.margin(everyone)
    lines = [f"{label}: {docs} articles, {len(scores.names)} settings of {', '.join(RANK_GRID)}"]
    ours = [statistics.fmean(scores.r1[0]), statistics.fmean(scores.r2[0])]
    lead = [statistics.fmean(scores.lead_r1), statistics.fmean(scores.lead_r2)]
    errors = [statistics.stdev(m) / docs**0.5 for m in scores.per_article_margins(0)]
    lines.append(
        f"dev R1 / R2: default {ours[0]:.2f} / {ours[1]:.2f}, LEAD {lead[0]:.2f} / {lead[1]:.2f}; "
        f"standard error of the margins over {docs} articles ±{errors[0]:.2f} / ±{errors[1]:.2f}"
    )
    lines += HEADER
    lines.append(_row("R1 margin over LEAD", dev[0], splits, base, scores.r1_margin))
    lines.append(_row("R2 margin over LEAD", dev[1], splits, base, scores.r2_margin))
    lines.append(f"settings chosen ({folds} folds × {len(seeds)} seeds):")
    lines += _chosen(splits, scores.names)
    order = sorted(
        range(len(scores.names)), key=lambda c: -scores.worse_margin([(c, d) for d in range(docs)])
    )
    lines += ["", "| setting | dev R1 · R2 margin | lowest fold R1 · R2 |", "|---|---|---|"]
    for c in [0, *[c for c in order if c != 0][:rows]]:
        m1, m2 = scores.margin([(c, d) for d in range(docs)])
        own = fixed(c, docs, folds, seeds)
        low1 = held_out(own, scores.r1_margin).min_fold
        low2 = held_out(own, scores.r2_margin).min_fold
        lines.append(f"| {scores.names[c]} | {m1:+.2f} · {m2:+.2f} | {low1:+.2f} · {low2:+.2f} |")
    return lines


def quote_report(scores: QuoteScores, folds: int, seeds: Sequence[int]) -> list[str]:
    """Dev vs CV end-to-end and full-quote F1 of the quote rules, and every setting's figures."""
    docs = len(scores.counts[0])
    everyone = [(0, d) for d in range(docs)]
    splits = choose(len(scores.names), docs, scores.e2e_f1, folds, seeds)
    base = fixed(0, docs, folds, seeds)
    lines = [
        f"quotes-dev: {docs} articles, {len(scores.names)} settings (switches and thresholds)"
    ]
    lines += HEADER
    lines.append(_row("end-to-end F1", scores.e2e_f1(everyone), splits, base, scores.e2e_f1))
    lines.append(_row("full-quote F1", scores.full_f1(everyone), splits, base, scores.full_f1))
    lines.append(f"settings chosen ({folds} folds × {len(seeds)} seeds, by end-to-end F1):")
    lines += _chosen(splits, scores.names)
    lines += ["", "| setting | e2e F1 | full-quote F1 | lowest fold e2e |", "|---|---|---|---|"]
    for c, name in enumerate(scores.names):
        pairs = [(c, d) for d in range(docs)]
        low = held_out(fixed(c, docs, folds, seeds), scores.e2e_f1).min_fold
        lines.append(
            f"| {name} | {scores.e2e_f1(pairs):.3f} | {scores.full_f1(pairs):.3f} | {low:.3f} |"
        )
    return lines


def lexicon_report(
    records: list[dict[str, Any]], scorer: ModuleType, folds: int, seeds: Sequence[int]
) -> list[str]:
    """The speech lexicon's entries by dev support, and the F1 of folds that keep only theirs."""
    base = tuple(count_quotes(r, DEFAULT_QUOTE_RULES, scorer) for r in records)
    effects = entry_effects(records, base, scorer)
    evident = [e for e in effects if e.changed]
    single = [e for e in evident if len(e.changed) == 1 and e.changed[0][1] < 0]
    harmful = [e for e in evident if sum(delta for _, delta in e.changed) > 0]
    everyone = [(0, d) for d in range(len(records))]
    dev = QuoteScores(("default",), (DEFAULT_QUOTE_RULES,), (base,)).e2e_f1(everyone)
    cv, dropped = lexicon_cv(records, effects, scorer, folds, seeds)
    by_family, _ = lexicon_cv(records, effects, scorer, folds, seeds, by_family=True)
    return [
        f"English speech lexicon: {len(effects)} entries, {len(evident)} change a dev article; "
        f"{len(single)} help exactly one article, {len(harmful)} cost end-to-end matches",
        "| figure | dev (all entries) | k-fold CV: each fold keeps the entries its training "
        "articles support (spread over seeds) | lowest fold |",
        "|---|---|---|---|",
        f"| end-to-end F1 | {dev:.3f} | {cv.mean:.3f} ({min(cv.pooled):.3f}…{max(cv.pooled):.3f}) "
        f"| {cv.min_fold:.3f} |",
        f"| end-to-end F1, folds keeping whole word families (“admits” ~ “admitted”) | {dev:.3f} "
        f"| {by_family.mean:.3f} ({min(by_family.pooled):.3f}…{max(by_family.pooled):.3f}) "
        f"| {by_family.min_fold:.3f} |",
        f"entries dropped per fold: {min(dropped)}…{max(dropped)}",
        "entries helping one article only (article: matches lost without it): "
        + ", ".join(f"{e.entry[1]} ({e.changed[0][0]}: {e.changed[0][1]})" for e in single),
        "entries whose removal gains matches: "
        + ", ".join(
            f"{e.entry[0]} {e.entry[1]} (+{sum(d for _, d in e.changed)})" for e in harmful
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Print the dev vs CV tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", default="0,1,2,3,4")
    parser.add_argument("--only", default="cnn,bbc,quotes,lexicon")
    parser.add_argument("--rows", type=int, default=8, help="best settings shown per set")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    wanted = set(args.only.split(","))
    data = args.shared / "data"
    if wanted & {"cnn", "bbc"}:
        sys.path.insert(0, str(args.shared / "evals" / "summaries"))
        anchors = load_module(args.shared / "evals/summaries/anchors.py", "summaries_anchors")
        configs = grid_configs(RANK_GRID)
        for name, sentences in (("cnn", 3), ("bbc", None)):
            if name not in wanted:
                continue
            articles = load_articles(data / "summaries-dev" / name, anchors, sentences)
            scores = score_configs(articles, configs)
            mode = f"{sentences} sentences" if sentences else "reference length"
            report = rank_report(f"{name}, {mode}", scores, args.folds, seeds, args.rows)
            print("\n".join(report), end="\n\n", flush=True)
    if "quotes" in wanted:
        scorer = load_module(args.shared / "evals/quotes/score.py", "quotes_score")
        records = load_records(data / "quotes-dev")
        scores_q = score_rules(records, candidate_rules(), scorer)
        print("\n".join(quote_report(scores_q, args.folds, seeds)), end="\n\n", flush=True)
    if "lexicon" in wanted:
        scorer = load_module(args.shared / "evals/quotes/score.py", "quotes_score")
        records = load_records(data / "quotes-dev")
        print("\n".join(lexicon_report(records, scorer, args.folds, seeds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
