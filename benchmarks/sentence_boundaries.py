"""Sentence-boundary F1 of our splitter (and of pysbd and plain punkt) on gold JSONL files.

Usage:
    python benchmarks/sentence_boundaries.py DATA_DIR [--errors N]

Each `*.jsonl` file in DATA_DIR holds rows {"id", "lang", "text", "sentences"}. A boundary is the
end offset of a sentence inside the text (the text's own end is not counted: every splitter gets
it). Precision, recall and F1 are micro-averaged over the file. A splitter whose sentences are not
verbatim, in order, counts the sentences it returned that cannot be found as misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import punkt
import pysbd

from summaries.text import SUPPORTED_LANGUAGES, tools_for

Splitter = Callable[[str, str], list[str]]
_PUNKT_NAMES = {"en": "english", "de": "german", "ru": "russian", "fr": "french", "es": "spanish"}


def ends(text: str, sentences: Iterable[str]) -> tuple[set[int], int]:
    """End offsets of `sentences` found in order in `text`, and how many were not found."""
    found: set[int] = set()
    missing = 0
    pos = 0
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        at = text.find(sentence, pos)
        if at < 0:
            missing += 1
            continue
        pos = at + len(sentence)
        found.add(pos)
    found.discard(len(text.rstrip()))
    return found, missing


def ours(text: str, language: str) -> list[str]:
    """Our splitter."""
    return tools_for(language).split_sentences(text)


def pysbd_split(text: str, language: str) -> list[str]:
    """pySBD with its own rules for the language."""
    return [s.strip() for s in pysbd.Segmenter(language=language, clean=False).segment(text)]


def punkt_plain(text: str, language: str) -> list[str]:
    """punkt's bundled model, no curated prefixes, whole text at once."""
    return list(punkt.tokenizer_for(_PUNKT_NAMES.get(language, "english")).tokenize(text))


SPLITTERS: dict[str, Splitter] = {"ours": ours, "pysbd": pysbd_split, "punkt": punkt_plain}


def score(rows: list[dict[str, object]], splitter: Splitter, errors: int) -> tuple[float, ...]:
    """Micro precision, recall and F1 of internal boundaries over `rows`."""
    tp = fp = fn = 0
    shown = 0
    for row in rows:
        text, language = str(row["text"]), str(row["lang"])
        gold, _ = ends(text, row["sentences"])  # type: ignore[arg-type]
        pred, missing = ends(text, splitter(text, language))
        tp += len(gold & pred)
        fp += len(pred - gold) + missing
        fn += len(gold - pred)
        if errors and shown < errors and gold != pred:
            shown += 1
            for at in sorted(gold ^ pred):
                kind = "missed" if at in gold else "extra "
                print(
                    f"    {row['id']} {kind}: …{text[max(0, at - 50) : at]}|{text[at : at + 30]}…"
                )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def main(argv: list[str] | None = None) -> int:
    """Print boundary P/R/F1 per file and splitter."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="show N differing rows (ours)")
    args = parser.parse_args(argv)
    files = sorted(args.data_dir.glob("*.jsonl"))
    if not files:
        print(f"no *.jsonl files in {args.data_dir}", file=sys.stderr)
        return 2
    print(f"{'file':24s} {'splitter':8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}")
    for path in files:
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        rows = [r for r in rows if r["lang"] in SUPPORTED_LANGUAGES]
        for name, splitter in SPLITTERS.items():
            shown = args.errors if name == "ours" else 0
            p, r, f1, n = score(rows, splitter, shown)
            print(f"{path.stem:24s} {name:8s} {p:6.3f} {r:6.3f} {f1:6.3f} {n:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
