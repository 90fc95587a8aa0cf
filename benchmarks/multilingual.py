"""Per-language health of the whole pipeline on real pages: language, summary shape, failures.

Usage:
    python benchmarks/multilingual.py DIR [DIR ...] [--sentences N] [--algorithm NAME]
        [--examples K] [--json OUT]

DIR is either the extraction dev set's layout (`html/<id>.html.gz` + `ground-truth.json` with a
`url` per id) or a folder of pages: `*.html`, `*.htm`, `*.html.gz` go through `summarize_html`,
`*.txt` (pasted text) through `summarize_text`. A file named by a language code (`de.html`,
`pl.txt`) also says which language it is in, so the share of correct answers is counted too.

Per detected language it prints: pages; the share whose language was identified (the
detector named one instead of leaving the fallback to decide); the share identified correctly
(where the file name tells); the share whose summary has exactly N distinct sentences, each a
verbatim substring of the article text and 3-80 words long (characters / 2 for Chinese and
Japanese); why the others were not (count, duplicate, not verbatim, short, long); and failures
by exception type. No timing: see benchmarks/stage_speed.py for speed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import traceback
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from summaries.config import ALGORITHMS, SummaryOptions
from summaries.extract import extract_article
from summaries.models import Summary
from summaries.paste import read_paste
from summaries.pipeline import summarize_html, summarize_text
from summaries.text import SUPPORTED_LANGUAGES, detect_language

MIN_WORDS, MAX_WORDS = 3, 80
#: Written without spaces: a sentence's length in words is its characters / 2.
CJK = frozenset({"zh", "ja"})


@dataclass(frozen=True, slots=True)
class Page:
    """One input: its name, kind ("html" or "text"), content, URL and known language."""

    name: str
    kind: str
    content: str
    url: str | None
    expected: str | None


@dataclass(slots=True)
class Row:
    """Tallies for one detected language."""

    pages: int = 0
    identified: int = 0
    known: int = 0
    correct: int = 0
    good: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def _expected(stem: str) -> str | None:
    return stem if stem in SUPPORTED_LANGUAGES else None


def pages(directory: Path) -> Iterator[Page]:
    """The pages of `directory` in name order (extraction dev layout or a folder of files)."""
    truth = directory / "ground-truth.json"
    if truth.exists():
        gold = json.loads(truth.read_text("utf-8"))
        for page_id in sorted(gold):
            path = directory / "html" / f"{page_id}.html.gz"
            if path.exists():
                yield Page(page_id, "html", _read(path), gold[page_id].get("url"), None)
        return
    for path in sorted(directory.iterdir()):
        name = path.name
        stem = name.split(".", 1)[0]
        if name.endswith((".html", ".htm", ".html.gz")):
            yield Page(name, "html", _read(path), None, _expected(stem))
        elif name.endswith(".txt"):
            yield Page(name, "text", _read(path), None, _expected(stem))


def _length(language: str, sentence: str) -> float:
    return len(sentence) / 2 if language in CJK else len(sentence.split())


def problems(summary: Summary, article_text: str, n: int) -> list[str]:
    """What is wrong with a summary's sentences (empty when it has the promised shape)."""
    texts = [s.text for s in summary.sentences]
    found: list[str] = []
    if len(texts) != n:
        found.append("count")
    if len(set(texts)) != len(texts):
        found.append("duplicate")
    for text in texts:
        if text not in article_text:
            found.append("not-verbatim")
        length = _length(summary.language, text)
        if length < MIN_WORDS:
            found.append("short")
        elif length > MAX_WORDS:
            found.append("long")
    return found


def _article_text(page: Page) -> str:
    if page.kind == "html":
        return extract_article(page.content, page.url).text
    return read_paste(page.content).article.text


def evaluate(page: Page, options: SummaryOptions, rows: dict[str, Row], examples: int) -> None:
    """Run the pipeline on one page and add it to the row of its detected language."""
    try:
        text = _article_text(page)
        detected = detect_language(text)
    except Exception as exc:  # noqa: BLE001 - a benchmark tallies every failure
        rows["?"].pages += 1
        rows["?"].failures[f"extract:{type(exc).__name__}"] += 1
        return
    row = rows[detected or "?"]
    row.pages += 1
    row.identified += detected is not None
    if page.expected is not None:
        row.known += 1
        row.correct += detected == page.expected
    try:
        if page.kind == "html":
            summary = summarize_html(page.content, page.url, options)
        else:
            summary = summarize_text(page.content, options)
    except Exception as exc:  # noqa: BLE001
        row.failures[type(exc).__name__] += 1
        if len(row.examples) < examples:
            row.examples.append(f"{page.name}: {type(exc).__name__}: {exc}")
        if type(exc).__module__ != "summaries.errors":  # a crash, not a refusal: show where
            traceback.print_exc(limit=3, file=sys.stderr)
        return
    found = problems(summary, text, options.sentences)
    if not found:
        row.good += 1
        return
    row.problems.update(set(found))
    if len(row.examples) < examples:
        bad = [s.text[:120] for s in summary.sentences]
        row.examples.append(f"{page.name}: {','.join(sorted(set(found)))}: {bad}")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def report(rows: dict[str, Row], n: int) -> str:
    """A Markdown table, one line per detected language and a total."""
    lines = [
        f"| language | pages | identified | correct | exactly {n} good sentences "
        "| sentence problems | failures |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    total = Row()
    for language in sorted(rows, key=lambda k: (-rows[k].pages, k)):
        row = rows[language]
        total.pages += row.pages
        total.identified += row.identified
        total.known += row.known
        total.correct += row.correct
        total.good += row.good
        total.problems.update(row.problems)
        total.failures.update(row.failures)
        lines.append(_line(language, row))
    lines.append(_line("**all**", total))
    return "\n".join(lines)


def _line(language: str, row: Row) -> str:
    problems_ = ", ".join(f"{k} {v}" for k, v in row.problems.most_common()) or "-"
    failures = ", ".join(f"{k} {v}" for k, v in row.failures.most_common()) or "-"
    return (
        f"| {language} | {row.pages} | {_share(row.identified, row.pages)} "
        f"| {_share(row.correct, row.known)} | {_share(row.good, row.pages)} "
        f"| {problems_} | {failures} |"
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--algorithm", default="news", choices=ALGORITHMS)
    parser.add_argument("--examples", type=int, default=0, help="show K bad pages per language")
    parser.add_argument("--json", type=Path, help="also write the tallies as JSON")
    args = parser.parse_args(argv)
    options = SummaryOptions(sentences=args.sentences, algorithm=args.algorithm)
    rows: dict[str, Row] = defaultdict(Row)
    for directory in args.dirs:
        for page in pages(directory):
            evaluate(page, options, rows, args.examples)
    print(report(rows, args.sentences))
    for language, row in sorted(rows.items()):
        for example in row.examples:
            print(f"[{language}] {example}")
    if args.json:
        out = {
            k: {
                "pages": r.pages,
                "identified": r.identified,
                "known": r.known,
                "correct": r.correct,
                "good": r.good,
                "problems": dict(r.problems),
                "failures": dict(r.failures),
            }
            for k, r in rows.items()
        }
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
