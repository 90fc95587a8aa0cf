"""How many key quotes a reply should show, measured on the quotes dev set.

For each article, the quotes `find_quotes` finds are ranked the way `key_quotes` ranks them.
For each rank k the script reports how often the k-th quote is right — a gold quote (token
overlap >= 0.5, the shared scorer's matching) whose shown speaker matches the gold speaker —
how often it is a *full* gold quote (not a few words inside a paraphrase), how right the first
k quotes are together, and how long the first k quotes are next to the default 3-sentence
summary of the same article. `SummaryOptions.max_quotes` is the largest k whose first k quotes
are together right at least `--min-precision` of the time and, in the median reply, no longer
than the summary they accompany (the quotes support the summary; they must not outweigh it).

    .venv/bin/python benchmarks/key_quotes.py [--data ../shared/data/quotes-dev]

The matching functions are imported from the shared scorer (../shared/evals/quotes/score.py)
at run time, not copied.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
from pathlib import Path
from types import ModuleType

from summaries import SummaryError, summarize_text
from summaries.quotes import find_quotes, key_quotes
from summaries.text import count_words

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MAX_RANK = 8


def _scorer() -> ModuleType:
    path = SHARED / "evals" / "quotes" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_quote_scorer", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the shared scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    """Print the per-rank table and the chosen limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "quotes-dev")
    parser.add_argument("--min-precision", type=float, default=0.72)
    args = parser.parse_args()
    scorer = _scorer()
    records = [
        json.loads(line)
        for path in sorted(args.data.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    shown = [0] * MAX_RANK
    right = [0] * MAX_RANK
    full = [0] * MAX_RANK
    #: per k: words of the first k quotes / words of the 3-sentence summary, per article
    length_ratio: list[list[float]] = [[] for _ in range(MAX_RANK)]
    for record in records:
        found = find_quotes(record["text"], "en")
        try:
            summary_words = summarize_text(record["text"]).summary_words
        except SummaryError:
            summary_words = 0
        # key_quotes with a limit k returns the top k of one ranking: rank k = new at limit k
        previous: list[int] = []
        golds = record["quotes"]
        gold_tokens = [scorer.tokens(g["quote"]) for g in golds]
        for k in range(1, MAX_RANK + 1):
            picked = key_quotes(found, k)
            ids = [id(q) for q in picked]
            new = [q for q in picked if id(q) not in previous]
            previous = ids
            if summary_words:
                quote_words = sum(count_words(q.text) for q in picked)
                length_ratio[k - 1].append(quote_words / summary_words)
            if not new:
                continue
            [quote] = new
            shown[k - 1] += 1
            pairs = scorer.match([scorer.tokens(quote.text)], gold_tokens, 0.5)
            if pairs:
                gold = golds[pairs[0][1]]
                if scorer.speaker_match(
                    quote.display_speaker, gold["speaker"], gold.get("speaker_aliases", ())
                ):
                    right[k - 1] += 1
                    full[k - 1] += gold.get("kind") == "full"
    print(f"{len(records)} articles; k-th key quote: how often shown, how often right")
    print(
        "| k | replies with a k-th quote | k-th right | k-th right and full | first k right "
        "| quotes / summary words, median |"
    )
    print("|---|---|---|---|---|---|")
    chosen = 0
    for k in range(MAX_RANK):
        precision = right[k] / shown[k] if shown[k] else 0.0
        full_share = full[k] / shown[k] if shown[k] else 0.0
        together = sum(right[: k + 1]) / max(1, sum(shown[: k + 1]))
        ratio = statistics.median(length_ratio[k]) if length_ratio[k] else 0.0
        print(
            f"| {k + 1} | {shown[k] / len(records):.0%} | {precision:.3f} | {full_share:.3f} "
            f"| {together:.3f} | {ratio:.2f} |"
        )
        if together >= args.min_precision and ratio <= 1.0 and chosen == k:
            chosen = k + 1
    print(
        f"max_quotes = {chosen} (first k right >= {args.min_precision:.0%} and quotes no "
        "longer than the summary in the median reply)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
