"""Choose the PDF text extractor by measurement: pypdf vs pdfminer.six on generated PDFs.

usage: python benchmarks/pdf_extractors.py [DATA_DIR] [--limit N] [--rounds 3]

DATA_DIR (default ../shared/data/extraction-dev) holds dev articles (ground-truth.json); their
gold text is laid out as PDFs in memory (tests/support/pdfs.py: one column, two columns, two
columns written row by row, running header + page numbers, hyphenated line ends, all of them
at once). Nothing is written to disk. For every extractor and layout it prints:

- ms: median time to extract one PDF (all pages), the extractors run back to back per file;
- raw: share of the article's sentences (6+ words) found verbatim in the extractor's text with
  only white space collapsed;
- cleaned: the same after our cleaning (`summaries.pdf.clean_pages`: de-hyphenation, running
  headers/footers and page numbers dropped, ligatures and spaces normalised);
- order: share of consecutive found sentence pairs that come out in article order.
- ours: the whole `summaries.pdf.read_pdf` (worker process included) on the same files.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pdfminer.high_level import extract_pages  # noqa: E402
from pdfminer.layout import LAParams, LTTextContainer  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from summaries.pdf import PdfLimits, PdfPage, TextBlock, clean_pages, read_pdf  # noqa: E402
from tests.support.pdfs import LAYOUTS, article_pdf, latin1  # noqa: E402

Pages = list[PdfPage]
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"']?\s+(?=[\"']?[A-Z])")
_SPACE = re.compile(r"\s+")


def pypdf_plain(data: bytes) -> Pages:
    """pypdf's default extraction: content-stream order, one block per page."""
    reader = PdfReader(io.BytesIO(data))
    return [_one_block(page.extract_text()) for page in reader.pages]


def _one_block(text: str) -> PdfPage:
    """A page of pypdf text: one block, no positions (edges are its first and last lines)."""
    return PdfPage((TextBlock(tuple(text.splitlines())),))


def pypdf_layout(data: bytes) -> Pages:
    """pypdf's layout mode: text placed on a character grid as on the page."""
    reader = PdfReader(io.BytesIO(data))
    return [_one_block(page.extract_text(extraction_mode="layout")) for page in reader.pages]


def pdfminer_boxes(data: bytes) -> Pages:
    """pdfminer.six layout analysis: text boxes in its own reading order (default LAParams);
    our cleaning re-orders them by columns."""
    pages: Pages = []
    for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
        blocks = [
            TextBlock(
                tuple(element.get_text().splitlines()),
                1 - element.y1 / layout.height,
                1 - element.y0 / layout.height,
                element.x0 / layout.width,
                element.x1 / layout.width,
            )
            for element in layout
            if isinstance(element, LTTextContainer)
        ]
        pages.append(PdfPage(tuple(blocks)))
    return pages


EXTRACTORS: dict[str, Callable[[bytes], Pages]] = {
    "pypdf": pypdf_plain,
    "pypdf-layout": pypdf_layout,
    "pdfminer": pdfminer_boxes,
}


def sentences(text: str) -> list[str]:
    """Sentences of 6+ words of the gold text, white space collapsed."""
    found = []
    for paragraph in text.split("\n"):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            sentence = _SPACE.sub(" ", sentence).strip()
            if len(sentence.split()) >= 6:
                found.append(sentence)
    return found


def score(gold: list[str], text: str) -> tuple[float, float]:
    """(share of gold sentences found verbatim, share of found neighbours in order)."""
    flat = _SPACE.sub(" ", text)
    positions = [flat.find(s) for s in gold]
    hits = [p for p in positions if p >= 0]
    if not gold:
        return 1.0, 1.0
    ordered = sum(1 for a, b in zip(hits, hits[1:], strict=False) if a < b)
    return len(hits) / len(gold), (ordered / (len(hits) - 1) if len(hits) > 1 else 1.0)


def raw_text(pages: Pages) -> str:
    return "\n".join(line for page in pages for block in page.blocks for line in block.lines)


def load_articles(data: Path, limit: int) -> list[tuple[list[str], str]]:
    """(paragraphs, gold text) of the first `limit` dev articles long enough for a page."""
    truth = json.loads((data / "ground-truth.json").read_text("utf8"))
    articles = []
    for key in sorted(truth):
        body = latin1(truth[key]["articleBody"]).replace("\u00ad", "")
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        if len(body.split()) >= 200:
            articles.append((paragraphs, "\n".join(paragraphs)))
        if len(articles) >= limit:
            break
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared/data/extraction-dev"
    parser.add_argument("data", nargs="?", type=Path, default=default)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    articles = load_articles(args.data, args.limit)
    limits = PdfLimits()
    print(f"{len(articles)} articles; layouts: {', '.join(LAYOUTS)}")
    header = f"{'layout':26} {'extractor':13} {'ms':>7} {'raw':>6} {'cleaned':>8} {'order':>6}"
    print(header)
    totals: dict[str, list[float]] = {}
    for name, layout in LAYOUTS.items():
        files = [(article_pdf(p, layout), gold) for p, gold in articles]
        for extractor, fn in [*EXTRACTORS.items(), ("ours", None)]:
            times, raw, cleaned, order = [], [], [], []
            for data, gold in files:
                gold_sentences = sentences(gold)
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    if fn is None:
                        text = read_pdf(data, limits).article.text
                        pages: Pages = []
                    else:
                        pages = fn(data)
                    times.append((time.perf_counter() - start) * 1000)
                if fn is None:
                    raw.append(float("nan"))
                    found, in_order = score(gold_sentences, text)
                else:
                    raw.append(score(gold_sentences, raw_text(pages))[0])
                    found, in_order = score(gold_sentences, clean_pages(pages))
                cleaned.append(found)
                order.append(in_order)
            ms = statistics.median(times)
            totals.setdefault(extractor, []).append(statistics.mean(cleaned))
            print(
                f"{name:26} {extractor:13} {ms:7.1f} {statistics.mean(raw):6.3f}"
                f" {statistics.mean(cleaned):8.3f} {statistics.mean(order):6.3f}"
            )
    print(
        "mean cleaned over layouts: "
        + ", ".join(f"{k} {statistics.mean(v):.3f}" for k, v in totals.items())
    )


if __name__ == "__main__":
    main()
