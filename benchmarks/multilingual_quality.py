"""Quality in every language: one-sentence summaries against LEAD-1, and multilingual extraction.

usage: python benchmarks/multilingual_quality.py [--shared ../shared] [--only summaries,extraction]

Runs the shared scorers (never copied here) with this project on PYTHONPATH, in one process
each, so ours and the anchors see the same machine noise:
- summaries/score.py on every set of data/summaries-multi-dev, `--sentences 1 --multilingual`,
  ours (summaries.evaluation:pick_sentences) against anchors:lead_unicode (LEAD-1);
- extraction/score_snippets.py on data/extraction-multi-dev, ours against trafilatura (fast).
Prints Markdown tables: per set our R1, LEAD-1's R1, the margin and our failures (the issue's
bar is margin >= +1.0 and no failures); snippet P/R/F1 and empty pages per extractor.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from _scorers import run_scorer

ROOT = Path(__file__).resolve().parent.parent
OURS = "summaries.evaluation:pick_sentences"
LEAD = "anchors:lead_unicode"
EXTRACTOR = "summaries.evaluation:extract_article"
#: Our figure must beat LEAD-1 by this much on every set.
MARGIN = 1.0


def _run(evals: Path, scorer: str, args: list[str], out: Path) -> Any:
    return run_scorer(evals, scorer, [*args, "--json", str(out)], out, echo=False)


def summaries(evals: Path, data: Path, tmp: Path) -> list[str]:
    """Rows of the per-set table: set, articles, ours, LEAD-1, margin, failures, verdict."""
    args = ["--data", str(data / "summaries-multi-dev"), "--sentences", "1", "--multilingual"]
    args += ["--summarizer", LEAD, "--summarizer", OURS, "--quiet"]
    results = _run(evals, "summaries/score.py", args, tmp / "summaries.json")
    by_set: dict[str, dict[str, dict[str, Any]]] = {}
    for r in results:
        by_set.setdefault(r["dataset"], {})[r["summarizer"]] = r
    rows = [
        "| set | n | NewsBrief R1 | LEAD-1 R1 | margin | failures | ≥ LEAD-1 + 1.0 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, pair in sorted(by_set.items()):
        ours, lead = pair[OURS], pair[LEAD]
        margin = ours["rouge1"] - lead["rouge1"]
        ok = margin >= MARGIN and ours["failures"] == 0
        rows.append(
            f"| {name} | {ours['n_articles']} | {ours['rouge1']:.2f} | {lead['rouge1']:.2f} "
            f"| {margin:+.2f} | {ours['failures']} | {'yes' if ok else 'no'} |"
        )
    return rows


def extraction(evals: Path, data: Path, tmp: Path) -> list[str]:
    """Rows of the extraction table: extractor, P, R, F1, empty pages, per-language F1."""
    args = ["--data", str(data / "extraction-multi-dev"), "--quiet"]
    args += ["--extractor", f"project={EXTRACTOR}", "--extractor", "anchors:trafilatura_fast"]
    res = _run(evals, "extraction/score_snippets.py", args, tmp / "snippets.json")
    rows = [
        f"| extractor ({res['pages']} pages) | P | R | F1 | empty | F1 by language |",
        "|---|---|---|---|---|---|",
    ]
    for label, scores in res["summary"].items():
        overall = scores["overall"]
        langs = ", ".join(f"{k} {v['f1']:.3f}" for k, v in scores.get("by_lang", {}).items())
        rows.append(
            f"| {label} | {overall['precision']:.3f} | {overall['recall']:.3f} "
            f"| {overall['f1']:.3f} | {overall['empty']} | {langs} |"
        )
    return rows


def main() -> None:
    """Run the selected scorers and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--only", default="summaries,extraction")
    args = parser.parse_args()
    evals, data = args.shared / "evals", args.shared / "data"
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        if "summaries" in wanted:
            print("\n".join(summaries(evals, data, Path(tmp))), end="\n\n")
        if "extraction" in wanted:
            print("\n".join(extraction(evals, data, Path(tmp))))


if __name__ == "__main__":
    main()
