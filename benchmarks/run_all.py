"""Every quality and speed figure in one run: ours next to the anchors, via the shared scorers.

usage: python benchmarks/run_all.py [--shared ../shared] [--quick] [--only extraction,pasted,...]

Runs the scorers in ../shared/evals (never copied here) on the dev data in ../shared/data,
with this project on PYTHONPATH, and prints a Markdown table for the README.
--quick limits each set.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _scorers import run_scorer

ROOT = Path(__file__).resolve().parent.parent


def _run(evals: Path, scorer: str, args: list[str], out: Path) -> dict:
    return run_scorer(evals, scorer, args, out, echo=True)  # type: ignore[no-any-return]


def extraction(evals: Path, data: Path, tmp: Path, limit: list[str]) -> list[tuple]:
    out = tmp / "extraction.json"
    res = _run(
        evals,
        "extraction/score.py",
        [
            "--mode",
            "html",
            "--data",
            str(data / "extraction-dev"),
            "--extractor",
            "anchors:trafilatura_fast",
            "--extractor",
            "summaries.evaluation:extract_article",
            "--quiet",
            "--json",
            str(out),
            *limit,
        ],
        out,
    )
    ex = res["extractors"]
    ours, anchor = ex["extract_article"], ex["trafilatura_fast"]
    return [
        (
            "article extraction (F1)",
            f"{ours['f1']:.3f} ({ours['empty']} empty)",
            f"trafilatura fast {anchor['f1']:.3f}",
            "≥ 0.975",
        )
    ]


def pasted(evals: Path, data: Path, tmp: Path, limit: list[str]) -> list[tuple]:
    out = tmp / "pasted.json"
    res = _run(
        evals,
        "extraction/score.py",
        [
            "--mode",
            "pasted",
            "--data",
            str(data / "pasted-dev"),
            "--extractor",
            "anchors:pasted_densest_block",
            "--extractor",
            "summaries.evaluation:strip_boilerplate",
            "--quiet",
            "--json",
            str(out),
            *limit,
        ],
        out,
    )
    ex = res["extractors"]
    ours, anchor = ex["strip_boilerplate"], ex["pasted_densest_block"]
    return [
        (
            "pasted-page boilerplate (F1)",
            f"{ours['f1']:.3f}",
            f"densest block {anchor['f1']:.3f}",
            "≥ 0.93",
        )
    ]


def _rouge(evals: Path, data: Path, tmp: Path, name: str, mode: list[str], limit: list[str]):
    out = tmp / f"{name}.json"
    anchors = [
        arg for a in ("lead", "lexrank", "reduction") for arg in ("--summarizer", f"anchors:{a}")
    ]
    rows = _run(
        evals,
        "summaries/score.py",
        [
            "--data",
            str(data / "summaries-dev" / name),
            *mode,
            *anchors,
            "--summarizer",
            "summaries.evaluation:pick_sentences",
            "--quiet",
            "--json",
            str(out),
            *limit,
        ],
        out,
    )
    return {r["summarizer"].split(":")[-1]: r for r in rows}


def cnn(evals: Path, data: Path, tmp: Path, limit: list[str]) -> list[tuple]:
    r = _rouge(evals, data, tmp, "cnn", ["--sentences", "3"], limit)
    fmt = "{rouge1:.2f}/{rouge2:.2f}/{rougeL:.2f}"
    return [
        (
            "CNN summary, ROUGE-1/2/L",
            fmt.format(**r["pick_sentences"]),
            f"LEAD-3 {fmt.format(**r['lead'])}; LexRank {r['lexrank']['rouge1']:.2f}",
            "R1, R2 ≥ LEAD-3 + 1.0",
        )
    ]


def bbc(evals: Path, data: Path, tmp: Path, limit: list[str]) -> list[tuple]:
    r = _rouge(evals, data, tmp, "bbc", ["--ratio-of-reference"], limit)
    return [
        (
            "BBC summary, ROUGE-1",
            f"{r['pick_sentences']['rouge1']:.2f}",
            f"LEAD {r['lead']['rouge1']:.2f}; LexRank {r['lexrank']['rouge1']:.2f}; "
            f"Reduction {r['reduction']['rouge1']:.2f}",
            "≥ 86",
        )
    ]


def quotes(evals: Path, data: Path, tmp: Path, limit: list[str]) -> list[tuple]:
    ours = _run(
        evals,
        "quotes/score.py",
        [
            "--data",
            str(data / "quotes-dev"),
            "--extractor",
            "summaries.evaluation:find_quotes",
            "--json",
            str(tmp / "q.json"),
            *limit,
        ],
        tmp / "q.json",
    )
    anchor = _run(
        evals,
        "quotes/score.py",
        [
            "--data",
            str(data / "quotes-dev"),
            "--extractor",
            "anchors:regex_quotes",
            "--json",
            str(tmp / "qa.json"),
            *limit,
        ],
        tmp / "qa.json",
    )
    return [
        (
            "quotes with speakers (e2e F1 · full-quote F1 · ms)",
            f"{ours['end_to_end_F1']:.3f} · {ours['full_F1']:.3f} · {ours['median_ms']:.2f}",
            f"regex {anchor['end_to_end_F1']:.3f} · {anchor['full_F1']:.3f}",
            "≥ 0.80 · ≥ 0.95 · < 5 ms",
        )
    ]


def langid(evals: Path, data: Path, tmp: Path, limit: list[str]) -> list[tuple]:
    out = tmp / "langid.json"
    lim = ["--limit", limit[1]] if limit else []
    res = _run(
        evals,
        "langid/score.py",
        [
            "--data",
            str(data / "langid-dev" / "langid-dev.jsonl"),
            "--detector",
            "summaries.evaluation:detect_language",
            "--detector",
            "anchors:langdetect_seeded",
            "--mixed",
            "--json-out",
            str(out),
            *lim,
        ],
        out,
    )
    det = res["detectors"]
    ours = det["summaries.evaluation:detect_language"]["accuracy"]
    anchor = det["anchors:langdetect_seeded"]["accuracy"]
    fmt = "{:.1f} / {:.1f} / {:.1f}"
    keys = ("pair", "sentence", "mixed-50")
    return [
        (
            "language (% pairs / sentences / mixed-50)",
            fmt.format(*(100 * ours[k] for k in keys)),
            "langdetect " + fmt.format(*(100 * anchor[k] for k in keys)),
            "≥ 90 / 99 / 95",
        )
    ]


def speed(evals: Path, data: Path, tmp: Path, limit: list[str]) -> list[tuple]:
    out = tmp / "perf.json"
    res = _run(
        evals,
        "perf/pipeline_speed.py",
        ["--data", str(data / "extraction-dev"), "--json", str(out), *limit],
        out,
    )
    return [
        (
            "whole pipeline on a fetched page (median ms, ratio)",
            f"{res['pipeline_ms_median']:.1f} ms, {res['ratio_of_medians']:.2f}× "
            f"({res['failures']} failures)",
            f"trafilatura fast alone {res['extraction_ms_median']:.1f} ms",
            "≤ 2× (better 1.5×)",
        )
    ]


STAGES: dict[str, Callable[[Path, Path, Path, list[str]], list[tuple]]] = {
    "extraction": extraction,
    "pasted": pasted,
    "cnn": cnn,
    "bbc": bbc,
    "quotes": quotes,
    "langid": langid,
    "speed": speed,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--quick", action="store_true", help="limit every set to 20 items")
    parser.add_argument("--only", help="comma-separated stages: " + ",".join(STAGES))
    args = parser.parse_args()
    evals, data = args.shared.resolve() / "evals", args.shared.resolve() / "data"
    limit = ["--limit", "20"] if args.quick else []
    stages = args.only.split(",") if args.only else list(STAGES)
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory() as tmp:
        for stage in stages:
            rows += STAGES[stage](evals, data, Path(tmp), limit)
    print("| stage | NewsBrief | anchor (same run) | target |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
