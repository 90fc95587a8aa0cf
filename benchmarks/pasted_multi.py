"""The paste path on pages in other languages: extraction-multi-dev's pages as pasted text.

usage: python benchmarks/pasted_multi.py [--shared ../shared] [--save-predictions DIR]

pasted-dev (English) is each page's visible text, the shared `anchors:lxml_visible_text`; this
renders the 324 pages of extraction-multi-dev (mostly German) the same way, runs our paste path
(`summaries.evaluation:strip_boilerplate`) on that text and scores it with the shared
`extraction/score_snippets.py` (gold "with"/"without" snippets), next to the paste anchors on the
same text (long lines, densest block), the visible text itself (recall ceiling) and our HTML path.
Pages and scorer are read from ../shared at run time, never copied. The adapters below are the
extractor functions the scorer calls (it imports this file by path).
"""

from __future__ import annotations

import argparse
import functools
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _scorers import run_scorer

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve()


@functools.cache
def _anchors() -> Any:
    # the scorer runs in its own folder and puts it on sys.path: its anchors are importable there
    import anchors  # type: ignore[import-not-found]

    return anchors


def _pasted(clean: Callable[[str], str]) -> Callable[[str, str | None], str]:
    def extractor(html: str, url: str | None = None) -> str:
        return clean(_anchors().lxml_visible_text(html))

    return extractor


def _ours(text: str) -> str:
    from summaries.evaluation import strip_boilerplate

    return strip_boilerplate(text)


ours = _pasted(_ours)
visible = _pasted(lambda text: text)
long_lines = _pasted(lambda text: _anchors().pasted_long_lines(text))
densest_block = _pasted(lambda text: _anchors().pasted_densest_block(text))
EXTRACTORS = (
    ("pasted-ours", f"{HERE}:ours"),
    ("pasted-densest", f"{HERE}:densest_block"),
    ("pasted-long-lines", f"{HERE}:long_lines"),
    ("visible-text", f"{HERE}:visible"),
    ("html-ours", "summaries.evaluation:extract_article"),
)


def main() -> None:
    """Score every extractor in one run and print the scorer's tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--save-predictions", type=Path)
    args = parser.parse_args()
    data = args.shared / "data" / "extraction-multi-dev"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "snippets.json"
        cmd = ["--data", str(data), "--json", str(out)]
        for label, spec in EXTRACTORS:
            cmd += ["--extractor", f"{label}={spec}"]
        if args.save_predictions:
            cmd += ["--save-predictions", str(args.save_predictions)]
        run_scorer(args.shared / "evals", "extraction/score_snippets.py", cmd, out, echo=True)


if __name__ == "__main__":
    main()
