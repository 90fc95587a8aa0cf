"""Check the Python equivalents of trafilatura's regex XPaths against the XPaths themselves.

usage: python benchmarks/selector_equivalence.py DATA_ROOT

DATA_ROOT is the shared data folder (e.g. ../shared/data). Every page of extraction-dev,
extraction-multi-dev and metadata-dev goes through `summarize_html`; each time trafilatura asks
one of the replaced selectors (`summaries/extract/_selectors.py`) for its elements, on whatever
tree it holds at that moment (the raw copy, the converted tree, a content subtree, a fallback
pass's tree), both the XPath and the equivalent answer and the two lists are compared element
by element. Prints the calls, the elements selected and the differences per selector; exits 1
on any difference or when a selector was never exercised.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from trafilatura import xpaths

from summaries.errors import SummaryError
from summaries.extract._selectors import EQUIVALENTS, install, select
from summaries.pipeline import summarize_html

_SETS = (
    ("extraction-dev", "ground-truth.json"),
    ("extraction-multi-dev", "gold.json"),
    ("metadata-dev", "gold.json"),
)


class _Checked:
    """Answers with the XPath, after comparing it with the equivalent on the same tree."""

    def __init__(self, name: str, switch: Any, calls: Counter[str], found: Counter[str]) -> None:
        self.name, self.switch, self.calls, self.found = name, switch, calls, found
        self.differences: list[str] = []

    def __str__(self) -> str:
        return str(self.switch)

    def __call__(self, tree: Any, *args: Any, **kwargs: Any) -> Any:
        expected = self.switch.xpath(tree, *args, **kwargs)
        if not args and not kwargs:
            got = select(tree, self.switch.equivalent, self.switch.patterns)
            self.calls[self.name] += 1
            self.found[self.name] += len(expected)
            if len(got) != len(expected) or any(
                a is not b for a, b in zip(got, expected, strict=True)
            ):
                self.differences.append(f"{len(expected)} by XPath, {len(got)} by Python")
        return expected


def _pages(root: Path) -> list[tuple[str, str, str | None]]:
    pages = []
    for name, gold_file in _SETS:
        folder = root / name
        if not (folder / gold_file).exists():
            continue
        gold = json.loads((folder / gold_file).read_text("utf-8"))
        for pid in sorted(gold):
            path = folder / "html" / f"{pid}.html.gz"
            if path.exists():
                with gzip.open(path, "rt", encoding="utf-8") as f:
                    pages.append((f"{name}/{pid}", f.read(), gold[pid].get("url")))
    return pages


def main() -> int:
    """Run the comparison; 0 when every answer matched."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_root", type=Path)
    args = parser.parse_args()
    installed = install()
    calls: Counter[str] = Counter()
    found: Counter[str] = Counter()
    checked: list[_Checked] = []
    for equivalent in EQUIVALENTS:
        name = f"{equivalent.table}[{equivalent.index}]"
        table = getattr(xpaths, equivalent.table)
        if name in installed:
            checked.append(_Checked(name, table[equivalent.index], calls, found))
            table[equivalent.index] = checked[-1]
    pages = _pages(args.data_root)
    for _, html, url in pages:
        with contextlib.suppress(SummaryError):  # refusals run the selectors too
            summarize_html(html, url)
    failed = len(installed) != len(EQUIVALENTS)
    print(f"{len(pages)} pages; {len(installed)} of {len(EQUIVALENTS)} selectors installed")
    for check in checked:
        print(
            f"{check.name:36s} {calls[check.name]:6d} calls {found[check.name]:7d} elements "
            f"{len(check.differences):4d} differ"
        )
        failed |= bool(check.differences) or not calls[check.name]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
