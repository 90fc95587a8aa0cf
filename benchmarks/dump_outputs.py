"""Dump the pipeline's outputs on the dev pages, to check that a speed change alters nothing.

usage: python benchmarks/dump_outputs.py DATA_ROOT OUT.jsonl
       python benchmarks/dump_outputs.py --diff A.jsonl B.jsonl

DATA_ROOT is the shared data folder (e.g. ../shared/data); its extraction-dev,
extraction-multi-dev and metadata-dev pages go through `summarize_html` (plus the extracted
body and every quote found in it), pasted-dev pages through `summarize_text` (plus the cleaned
text), and the quotes-dev texts through `find_quotes`. One JSON line per page, in a fixed order,
so two dumps compare line by line; a failure is dumped as its exception class and message. The
pages are read at run time only. A speed change is kept when the dumps of the old and the new
code are identical (run the old one with PYTHONPATH pointing at a worktree of the old commit).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from summaries.errors import SummaryError
from summaries.evaluation import extract_article, find_quotes, strip_boilerplate
from summaries.models import Summary
from summaries.pipeline import summarize_html, summarize_text

Page = tuple[str, str, str | None]  # (id, content, url)


def _html_pages(root: Path) -> Iterator[Page]:
    for name, gold_file in (
        ("extraction-dev", "ground-truth.json"),
        ("extraction-multi-dev", "gold.json"),
    ):
        gold = json.loads((root / name / gold_file).read_text("utf-8"))
        for pid in sorted(gold):
            with gzip.open(root / name / "html" / f"{pid}.html.gz", "rt", encoding="utf-8") as f:
                yield f"{name}/{pid}", f.read(), gold[pid].get("url")
    for folder in sorted(p for p in (root / "metadata-dev").iterdir() if p.is_dir()):
        yield f"metadata-dev/{folder.name}", (folder / "source.html").read_text("utf-8"), None


def _outcome(call: Callable[..., Summary], *args: object) -> object:
    try:
        return call(*args).to_json()
    except SummaryError as error:
        return {"error": type(error).__name__, "message": str(error)}


def dump(root: Path) -> Iterator[dict[str, object]]:
    """One record per page: everything the scorers read from the pipeline."""
    for pid, html, url in _html_pages(root):
        body = extract_article(html, url)
        yield {
            "page": pid,
            "summary": _outcome(summarize_html, html, url),
            "body": body,
            "quotes": find_quotes(body),
        }
    for path in sorted((root / "pasted-dev" / "input").glob("*.txt")):
        text = path.read_text("utf-8")
        yield {
            "page": f"pasted-dev/{path.stem}",
            "summary": _outcome(summarize_text, text),
            "body": strip_boilerplate(text),
        }
    for line in (root / "quotes-dev" / "polnear-dev.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        yield {"page": f"quotes-dev/{record['id']}", "quotes": find_quotes(record["text"])}


def diff(a: Path, b: Path) -> int:
    """Print the pages whose records differ; the exit code is their count (0: identical)."""
    left = a.read_text("utf-8").splitlines()
    right = b.read_text("utf-8").splitlines()
    changed = 0
    for one, two in zip(left, right, strict=True):
        if one != two:
            changed += 1
            x, y = json.loads(one), json.loads(two)
            fields = [k for k in x if x[k] != y.get(k)]
            print(f"{x['page']}: {', '.join(fields)} differ")
    print(f"{len(left)} pages, {changed} differ")
    return min(changed, 100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--diff", action="store_true")
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    if args.diff:
        return diff(args.first, args.second)
    with args.second.open("w", encoding="utf-8") as out:
        for record in dump(args.first):
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
