"""Pastes copied from a real browser: Chromium's select-all + copy of the extraction-dev pages.

usage: python benchmarks/browser_paste.py [--shared ../shared] [--cache DIR] [--refresh]
                                          [--limit N] [--also-pasted-dev]

pasted-dev is lxml's visible text of each page, which only approximates what a user copies.
This benchmark opens each HTML page of extraction-dev in a headless Chromium (offline, see
`_chromium.py`), does select-all + copy, and scores our paste path on the clipboard text with
the shared scorer (`extraction/score.py --mode pasted`) against extraction-dev's gold, next
to the densest-block anchor that the pasted-dev row uses. `--also-pasted-dev` scores
pasted-dev in the same run. Then every paste rule for browser copies is switched off in turn
and every weight and threshold run over a grid, on both renderings (browser copy and
pasted-dev), with k-fold figures and each rendering's choice scored on the other
(`_paste_rules.py`).

JavaScript is on: a user copies a loaded page (its `<noscript>` hidden, inline scripts run).
Requests other than the page's file are failed, so external stylesheets are missing: blocks that
the site's CSS hides (menus, modals, screen-reader text) are copied here though a user's copy
would not hold them. The figure is thus a little pessimistic; inline `<style>` does apply.

The copies are cached outside the repository (dev-derived text is never committed):
~/.cache/newsbrief-browser-paste/<chromium version>/extraction-dev/<id>.txt. Without Chromium
the benchmark says how to install it and exits with status 2.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _chromium import INSTALL_HINT, chromium, copy_page, find_chromium
from _paste_rules import PasteSets, rule_table
from _scorers import load_module, run_scorer

ROOT = Path(__file__).resolve().parent.parent
OURS = "summaries.evaluation:strip_boilerplate"
ANCHOR = "anchors:pasted_densest_block"


def chromium_version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    words = [w for w in out.stdout.split() if w[:1].isdigit()]
    return words[0] if words else "unknown"


def build_pastes(
    binary: str, html_dir: Path, cache: Path, ids: list[str], refresh: bool, javascript: bool
) -> None:
    """Copy each page with Chromium into `cache/<id>.txt` (pages already there are kept)."""
    todo = [i for i in ids if refresh or not (cache / f"{i}.txt").exists()]
    if not todo:
        return
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, chromium(binary, javascript=javascript) as tools:
        page = Path(tmp) / "page.html"
        for n, page_id in enumerate(todo, 1):
            page.write_bytes(gzip.decompress((html_dir / f"{page_id}.html.gz").read_bytes()))
            text = copy_page(tools, page)
            (cache / f"{page_id}.txt").write_text(text, encoding="utf-8")
            print(f"copied {n}/{len(todo)} {page_id[:12]} {len(text)} chars", file=sys.stderr)


def write_pasted_set(
    gold: dict[str, dict[str, str]], cache: Path, ids: list[str], out: Path
) -> None:
    """A data folder in pasted-dev's format: input/<id>.txt and ground-truth.json."""
    (out / "input").mkdir(parents=True)
    for page_id in ids:
        text = (cache / f"{page_id}.txt").read_text(encoding="utf-8")
        (out / "input" / f"{page_id}.txt").write_text(text, encoding="utf-8")
    subset = {i: gold[i] for i in ids}
    (out / "ground-truth.json").write_text(json.dumps(subset, ensure_ascii=False))


def score(evals: Path, data: Path, out: Path, limit: list[str]) -> dict[str, dict[str, float]]:
    args = ["--mode", "pasted", "--data", str(data), "--extractor", ANCHOR, "--extractor", OURS]
    args += ["--quiet", "--json", str(out), "--save-predictions", str(out.parent / "pred"), *limit]
    res = run_scorer(evals, "extraction/score.py", args, out, echo=True)
    return res["extractors"]  # type: ignore[no-any-return]


def main() -> None:
    formatter = argparse.RawTextHelpFormatter
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache/newsbrief-browser-paste")
    ap.add_argument("--refresh", action="store_true", help="copy every page again")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--also-pasted-dev", action="store_true")
    ap.add_argument("--keep", type=Path, help="also write the scoring folder and predictions here")
    ap.add_argument("--folds", type=int, default=5, help="k of the paste rules' cross-validation")
    ap.add_argument("--no-js", action="store_true", help="copy the pages with JavaScript off")
    ap.add_argument("--no-rules", action="store_true", help="skip the paste rule table and CV")
    args = ap.parse_args()
    binary = find_chromium()
    if binary is None:
        print(INSTALL_HINT, file=sys.stderr)
        raise SystemExit(2)
    source = args.shared / "data" / "extraction-dev"
    gold = json.loads((source / "ground-truth.json").read_text())
    ids = sorted(gold)[: args.limit or None]
    mode = "extraction-dev" if not args.no_js else "extraction-dev-nojs"
    cache = args.cache / chromium_version(binary) / mode
    build_pastes(binary, source / "html", cache, ids, args.refresh, javascript=not args.no_js)
    evals = args.shared / "evals"
    rows = []
    with tempfile.TemporaryDirectory(prefix="browser-paste-") as tmp:
        work = args.keep or Path(tmp)
        data = work / "browser-paste-dev"
        write_pasted_set(gold, cache, ids, data)
        sets = [("browser copy (Chromium)", data, work / "browser" / "score.json")]
        if args.also_pasted_dev:
            pasted = args.shared / "data" / "pasted-dev"
            sets.append(("pasted-dev (lxml text)", pasted, work / "pasted" / "score.json"))
        for label, folder, out in sets:
            out.parent.mkdir(parents=True, exist_ok=True)
            res = score(evals, folder, out, [])
            rows.append((label, res["strip_boilerplate"], res["pasted_densest_block"]))
    print(f"\n| set ({len(ids)} pages) | NewsBrief F1 · P · R | densest block F1 |")
    print("|---|---|---|")
    for label, ours, anchor in rows:
        figures = f"{ours['f1']:.3f} · {ours['precision']:.3f} · {ours['recall']:.3f}"
        print(f"| {label} | {figures} | {anchor['f1']:.3f} |")
    if not args.no_rules and not args.limit:
        metric = load_module(evals / "extraction" / "score.py", "shared_extraction_score")
        pasted_input = args.shared / "data" / "pasted-dev" / "input"
        sets = PasteSets(
            browser=[(cache / f"{i}.txt").read_text(encoding="utf-8") for i in ids],
            lxml=[(pasted_input / f"{i}.txt").read_text(encoding="utf-8") for i in ids],
            gold=[gold[i]["articleBody"] for i in ids],
        )
        print("\nPaste rules, each switched off, on both renderings of the pages:")
        rule_table(sets, args.folds, metric, print)


if __name__ == "__main__":
    main()
