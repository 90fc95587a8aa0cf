"""Pages the whole pipeline refuses ("no article"), per dev set, with each refusal rule on and off.

usage: python benchmarks/refusals.py [--shared ../shared]

A refused article is much worse than a summarised non-article, so every rule that refuses is
counted on every set that has pages: metadata-dev (Readability's `readerable` gold: non-articles
should be refused, articles summarised; the URL is the metadata scorer's), extraction-dev and
extraction-multi-dev (all articles, their own URLs) and pasted-dev (all articles, pasted text).
A rule with a single non-article to learn from cannot be cross-validated; this table is its check.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

from summaries.config import PipelineConfig
from summaries.errors import SummaryError
from summaries.extract import DEFAULT_EXTRACTION_RULES
from summaries.pipeline import summarize_html, summarize_text

ROOT = Path(__file__).resolve().parent.parent
METADATA_URL = "http://fakehost/test/page.html"  # what the metadata scorer passes
#: Each refusal rule switched off in turn.
VARIANTS = (
    ("default rules", PipelineConfig()),
    (
        "reference pages summarised",
        PipelineConfig(extraction=replace(DEFAULT_EXTRACTION_RULES, refuse_reference_pages=False)),
    ),
)


def _gz(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def html_pages(shared: Path) -> Iterator[tuple[str, str, str, str | None, bool]]:
    """(set, page id, html, url, is an article) of every HTML page."""
    meta = shared / "data/metadata-dev"
    for folder in sorted(p for p in meta.iterdir() if (p / "source.html").is_file()):
        gold = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
        html = (folder / "source.html").read_text("utf-8", errors="replace")
        yield "metadata-dev", folder.name, html, METADATA_URL, gold.get("readerable") is not False
    english = shared / "data/extraction-dev"
    truth = json.loads((english / "ground-truth.json").read_text("utf-8"))
    for pid, entry in sorted(truth.items()):
        html = _gz(english / "html" / f"{pid}.html.gz")
        yield "extraction-dev", pid, html, entry.get("url"), True
    multi = shared / "data/extraction-multi-dev"
    for pid, entry in sorted(json.loads((multi / "gold.json").read_text("utf-8")).items()):
        html = _gz(multi / "html" / f"{pid}.html.gz")
        yield "extraction-multi-dev", pid, html, entry["url"], True


def _refused(run: Callable[[], object]) -> bool:
    try:
        run()
    except SummaryError:
        return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    a = ap.parse_args()
    pages = list(html_pages(a.shared))
    pastes = sorted((a.shared / "data/pasted-dev/input").glob("*.txt"))
    print("| rules | metadata-dev non-articles refused | metadata-dev articles refused", end="")
    print(" | extraction-dev refused | extraction-multi-dev refused | pasted-dev refused |")
    print("|---|---|---|---|---|---|")
    for name, config in VARIANTS:
        counts: dict[tuple[str, bool], list[bool]] = {}
        for dataset, pid, html, url, article in pages:
            refused = _refused(partial(summarize_html, html, url, config=config))
            counts.setdefault((dataset, article), []).append(refused)
            if refused and article:
                print(f"  ({name}: article refused: {dataset} {pid})")
        texts = [p.read_text("utf-8", errors="replace") for p in pastes]
        pasted = [_refused(partial(summarize_text, text, config=config)) for text in texts]
        cells = [
            counts[("metadata-dev", False)],
            counts[("metadata-dev", True)],
            counts[("extraction-dev", True)],
            counts[("extraction-multi-dev", True)],
            pasted,
        ]
        print(f"| {name} | " + " | ".join(f"{sum(c)}/{len(c)}" for c in cells) + " |")


if __name__ == "__main__":
    main()
