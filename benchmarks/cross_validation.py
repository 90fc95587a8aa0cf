"""Title rules on every set: each rule's effect, and k-fold cross-validated figures next to dev.

usage: python benchmarks/cross_validation.py [--shared ../shared] [--folds 5]

1. Rule table: every title rule switched off (or set to its alternative) against the default,
   on each dev set: metadata-dev (title exact and token F1, the shared metadata scorer's
   metric), extraction-multi-dev (title token F1 against its gold `title`) and extraction-dev
   (extraction F1 with the shared scorer's 4-gram metric: the headline is dropped where the
   body repeats it). pasted-dev and quotes-dev never see HTML metadata: shown as "—".
2. Cross-validation of the tunable thresholds (`summaries.extract.TitleRules`): the pages of
   both title sets are split into k folds (per set); for each fold the grid value with the
   best title F1 on the other folds (the two sets' means added: each set weighs the same)
   is chosen and scored on the fold. The CV figure is
   that held-out score; the dev figure is the default rules on all pages. A large gap means
   a threshold fitted to the dev pages.
3. Extraction rules (`_extraction_rules.py`): every body rule switched off in turn (the
   standfirst, each kind of furniture line and mark, each cleanup stage), its dev F1 on
   extraction-multi-dev (snippets) and extraction-dev (4-gram), and the k-fold figures when each
   fold keeps or drops the rule by the other folds; every threshold of `ExtractionRules` over a
   grid; the choice made on one set alone scored on the other, and each set's choices run
   together. `--no-extraction` skips it (it runs the extractor ~40 times over 395 pages).
Shared scorers are loaded from ../shared/evals by path and run, never copied.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from _extraction_rules import RuleSets, rule_table
from _scorers import load_module

from summaries.errors import SummaryError
from summaries.extract import (
    DEFAULT_EXTRACTION_RULES,
    ExtractionRules,
    TitleRules,
    extract_article,
)
from summaries.extract._meta import title_sources
from summaries.extract._title import TitleSources, choose_title

ROOT = Path(__file__).resolve().parent.parent
URL = "http://fakehost/test/page.html"  # what the metadata scorer passes
GRID = {
    "min_stripped_words": (3, 4, 5, 6, 7),
    "max_headings": (0, 1, 2, 3, 5),
    "strip_declared_site": (False, True),
    "breadcrumb_last": (False, True),
    "strip_domain_site": (False, True),
    "kicker_heading": (False, True),
    "leading_site": (False, True),
    "lone_heading": (False, True),
    "lone_heading_words": (2, 3, 4, 5),
    "declared_part_heading": (False, True),
}
#: Each rule against its alternative (name, rules with the rule changed).
VARIANTS: tuple[tuple[str, TitleRules], ...] = (
    ("default rules", TitleRules()),
    ("<h1> does not vote", TitleRules(max_headings=0)),
    ("<title> always loses its last part", TitleRules(min_stripped_words=0)),
    ("<title> never loses its last part", TitleRules(min_stripped_words=1000)),
    ("strip site name from og:title/JSON-LD", TitleRules(strip_declared_site=True)),
    ("a breadcrumb <title> offers no last part", TitleRules(breadcrumb_last=False)),
    ("og:title keeps a suffix naming the page's domain", TitleRules(strip_domain_site=False)),
    ("ties go to the <h1> a declared title agrees with", TitleRules(corroborated_heading=True)),
    ("an <h1> ending with a reading does not vote for it", TitleRules(kicker_heading=False)),
    ("<title> keeps a leading site name", TitleRules(leading_site=False)),
    ("up to 5 <h1> vote", TitleRules(max_headings=5)),
    ("a lone <h1> worded otherwise does not win", TitleRules(lone_heading=False)),
    ("a lone <h1> inside og:title does not win", TitleRules(declared_part_heading=False)),
)


@dataclass(frozen=True, slots=True)
class TitlePage:
    """One page with a gold title: its set, what it states, and the gold."""

    dataset: str
    sources: TitleSources
    gold: str


def _parse(html: str, url: str | None) -> TitleSources | None:
    """What the page states, parsed as the pipeline parses it (None: not readable HTML)."""
    from summaries.extract._tree import parse_page

    try:
        return title_sources(parse_page(html), url)
    except SummaryError:
        return None


def title_pages(shared: Path) -> list[TitlePage]:
    """Gold-titled pages of metadata-dev (readerable ones) and extraction-multi-dev."""
    pages: list[TitlePage] = []
    meta = shared / "data/metadata-dev"
    for folder in sorted(p for p in meta.iterdir() if (p / "source.html").is_file()):
        gold = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
        if gold.get("readerable") is False or not gold.get("title"):
            continue
        sources = _parse((folder / "source.html").read_text("utf-8", errors="replace"), URL)
        if sources is not None:
            pages.append(TitlePage("metadata-dev", sources, gold["title"]))
    multi = shared / "data/extraction-multi-dev"
    for pid, entry in sorted(json.loads((multi / "gold.json").read_text("utf-8")).items()):
        if not entry.get("title"):
            continue
        with gzip.open(multi / "html" / f"{pid}.html.gz", "rt", encoding="utf-8") as f:
            sources = _parse(f.read(), entry.get("url"))
        if sources is not None:
            pages.append(TitlePage("extraction-multi-dev", sources, entry["title"]))
    return pages


def title_scores(pages: list[TitlePage], rules: TitleRules, rm: ModuleType) -> dict[str, tuple]:
    """Per set: (exact, of, mean token F1) with the metadata scorer's normalisation."""
    by_set: dict[str, list[tuple[bool, float]]] = {}
    for page in pages:
        answer = choose_title(page.sources, rules)
        ok = rm.norm(answer) == rm.norm(page.gold)
        by_set.setdefault(page.dataset, []).append((ok, rm.tok_f1(answer, page.gold)))
    return {
        name: (sum(ok for ok, _ in rows), len(rows), statistics.fmean(f for _, f in rows))
        for name, rows in by_set.items()
    }


def extraction_f1(shared: Path, rules: ExtractionRules, sc: ModuleType) -> float:
    """extraction-dev F1 (the shared scorer's 4-gram micro F1) with these rules."""
    counts = []
    for item in sc.load_dataset(shared / "data/extraction-dev", "html"):
        try:
            text = extract_article(item["input"], item.get("url"), rules).text
        except SummaryError:
            text = ""
        counts.append(sc.page_counts(item["truth"], text))
    return float(sc.aggregate(counts)["f1"])


def _grid() -> list[TitleRules]:
    keys = list(GRID)
    return [
        TitleRules(**dict(zip(keys, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]


def _both_sets(f1: list[float], by_set: list[list[int]]) -> float:
    """The sum of each set's mean F1 over its member pages."""
    return sum(statistics.fmean(f1[i] for i in members) for members in by_set)


def _changes(rules: TitleRules) -> int:
    """How many rules differ from the defaults."""
    default = TitleRules()
    return sum(getattr(rules, key) != getattr(default, key) for key in GRID)


def cross_validate(pages: list[TitlePage], folds: int, rm: ModuleType) -> dict[str, object]:
    """Held-out title F1 per set, each fold scored with rules chosen on the other folds."""
    fold_of = {}
    names = sorted({p.dataset for p in pages})
    for name in names:
        members = [i for i, p in enumerate(pages) if p.dataset == name]
        for n, i in enumerate(members):
            fold_of[i] = n % folds
    grid = _grid()
    # every page's F1 under every grid point, computed once
    f1 = [[rm.tok_f1(choose_title(p.sources, rules), p.gold) for p in pages] for rules in grid]
    held: dict[str, list[float]] = {}
    chosen: list[TitleRules] = []
    for fold in range(folds):
        train = [i for i in range(len(pages)) if fold_of[i] != fold]
        by_set = [[i for i in train if pages[i].dataset == name] for name in names]
        # each set weighs the same: the larger one must not buy its gain with the other
        # on a tie the rules closest to the defaults win (the first grid point is arbitrary)
        best = max(
            range(len(grid)),
            key=lambda g: (round(_both_sets(f1[g], by_set), 9), -_changes(grid[g])),
        )
        chosen.append(grid[best])
        for i in range(len(pages)):
            if fold_of[i] == fold:
                held.setdefault(pages[i].dataset, []).append(f1[best][i])
    return {"cv": {k: statistics.fmean(v) for k, v in held.items()}, "chosen": chosen}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-extraction", action="store_true", help="skip the extraction rules")
    a = ap.parse_args()
    rm = load_module(a.shared / "evals/attribution/readability_meta.py", "readability_meta")
    sc = load_module(a.shared / "evals/extraction/score.py", "extraction_score")
    pages = title_pages(a.shared)

    print("| rule | metadata-dev title exact · F1 | extraction-multi-dev title exact · F1", end="")
    print(" | extraction-dev F1 | pasted-dev | quotes-dev |")
    print("|---|---|---|---|---|---|")
    for name, rules in VARIANTS:
        t = title_scores(pages, rules, rm)
        meta, multi = t["metadata-dev"], t["extraction-multi-dev"]
        ext = extraction_f1(a.shared, replace(DEFAULT_EXTRACTION_RULES, title=rules), sc)
        cells = [
            f"{meta[0]}/{meta[1]} · {meta[2]:.3f}",
            f"{multi[0]}/{multi[1]} · {multi[2]:.3f}",
            f"{ext:.3f}",
            "—",
            "—",
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")

    dev = title_scores(pages, TitleRules(), rm)
    result = cross_validate(pages, a.folds, rm)
    print(f"\n{a.folds}-fold cross-validation of {', '.join(GRID)}:")
    print("| set | dev (default rules) | cross-validated |")
    print("|---|---|---|")
    for name in ("metadata-dev", "extraction-multi-dev"):
        print(f"| {name} title token F1 | {dev[name][2]:.3f} | {result['cv'][name]:.3f} |")  # type: ignore[index]
    print("rules chosen per fold:")
    for rules in result["chosen"]:  # type: ignore[attr-defined]
        print("  ", rules)
    if not a.no_extraction:
        snippets = load_module(a.shared / "evals/extraction/score_snippets.py", "score_snippets")
        sets = RuleSets.load(a.shared, snippets, sc)
        print("\nExtraction rules, each switched off (pasted-dev never sees them):")
        print("\n".join(rule_table(sets, a.folds)))


if __name__ == "__main__":
    main()
