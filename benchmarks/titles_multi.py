"""Headline quality on multilingual pages: exact and token F1 against the gold `title`.

usage: python benchmarks/titles_multi.py [--data ../shared/data/extraction-multi-dev] [--misses N]

Gold: `gold.json` maps a page id to {title, url, ...}; pages are `html/<id>.html.gz`. The metric
is the metadata scorer's (readability_meta.py): case, space and quote marks normalised, then
exact match and the mean token F1 over `\\w+` tokens. trafilatura's title (its metadata pass)
runs in the same process as the anchor.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import trafilatura

from summaries.errors import SummaryError
from summaries.extract import read_page_metadata

ROOT = Path(__file__).resolve().parent.parent
_QUOTES = re.compile(r"[\u2018\u2019\u201c\u201d\"'`´]")


def norm(text: str | None) -> str:
    """Case-, space- and quote-insensitive form (as the shared metadata scorer has it)."""
    text = unicodedata.normalize("NFKC", text or "")
    return " ".join(_QUOTES.sub("", text).split()).casefold()


def token_f1(answer: str | None, gold: str) -> float:
    """Token F1 between two titles over `\\w+` tokens (multiset overlap)."""
    ours, ref = re.findall(r"\w+", norm(answer)), re.findall(r"\w+", norm(gold))
    if not ours or not ref:
        return 0.0
    rest = list(ref)
    common = 0
    for token in ours:
        if token in rest:
            rest.remove(token)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ours), common / len(ref)
    return 2 * p * r / (p + r)


def project_title(html: str, url: str | None) -> str | None:
    try:
        return read_page_metadata(html, url).title
    except SummaryError:
        return None


def trafilatura_title(html: str, url: str | None) -> str | None:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, fast=True)
    return getattr(document, "title", None) if document is not None else None


def score(
    pages: list[tuple[str, str, str | None, str]], system: Callable[[str, str | None], str | None]
) -> dict[str, object]:
    """Exact matches, mean token F1 and misses of one system over (id, html, url, gold)."""
    exact, f1s, misses, times = 0, [], [], []
    for pid, html, url, gold in pages:
        start = time.perf_counter()
        answer = system(html, url)
        times.append((time.perf_counter() - start) * 1000)
        ok = norm(answer) == norm(gold)
        exact += ok
        f1s.append(token_f1(answer, gold))
        if not ok:
            misses.append(f"{pid}: {answer!r} vs {gold!r}")
    return {
        "exact": exact,
        "of": len(pages),
        "token_f1": round(statistics.fmean(f1s), 3),
        "ms_median": round(statistics.median(times), 2),
        "misses": misses,
    }


def load(data: Path) -> list[tuple[str, str, str | None, str]]:
    """(id, html, url, gold title) of every page with a gold title."""
    gold = json.loads((data / "gold.json").read_text("utf-8"))
    pages = []
    for pid, entry in sorted(gold.items()):
        if entry.get("title"):
            with gzip.open(data / "html" / f"{pid}.html.gz", "rt", encoding="utf-8") as f:
                html = f.read()
            pages.append((pid, html, entry.get("url"), entry["title"]))
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/extraction-multi-dev")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses per system")
    a = ap.parse_args()
    pages = load(a.data)
    for name, system in (("NewsBrief", project_title), ("trafilatura", trafilatura_title)):
        res = score(pages, system)
        print(
            f"{name:12s} exact {res['exact']}/{res['of']} · token F1 {res['token_f1']}"
            f" · {res['ms_median']} ms"
        )
        for miss in res["misses"][: a.misses]:  # type: ignore[index]
            print("   ", miss)


if __name__ == "__main__":
    main()
