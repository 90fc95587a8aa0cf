"""The PDF reader's child process: PDF bytes on stdin → pages of text blocks as JSON on stdout.

Run as a script (`python _worker.py MAX_PAGES MAX_DECLARED_PAGES MEMORY_MB CPU_S`), never
imported by the pipeline: it sets its own memory and CPU limits first, so a PDF bomb (huge
streams, deep nesting) ends this process and not the bot. It imports only the standard library
and pdfminer.six, so it starts without loading the rest of the pipeline.

Output: {"pages": [{"width", "height", "images", "blocks": [{"box": [x0, y0, x1, y1],
"lines": [...]}]}], "declared_pages", "info": {"Title": ..., ...}} or {"error": KIND, "detail"}
with KIND one of "encrypted", "broken", "too_complex".
"""

from __future__ import annotations

import io
import json
import resource
import sys
from typing import Any

#: Document information keys passed on (the rest is producer noise).
INFO_KEYS = ("Title", "Author", "CreationDate", "ModDate", "Subject")
#: Characters of text read in all; far beyond what is summarised, a bound on the output.
MAX_TEXT_CHARS = 600_000


def _limit(memory_mb: int, cpu_s: int) -> None:
    """Cap this process's address space and CPU time (a bomb then fails here, not in the bot)."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))


def _info(document: Any) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, str] = {}
    for info in document.info[:1]:
        for key in INFO_KEYS:
            value = resolve1(info.get(key))
            if isinstance(value, bytes):
                found[key] = decode_text(value)[:1000]
            elif isinstance(value, str):
                found[key] = value[:1000]
    return found


def _declared_pages(document: Any) -> int:
    from pdfminer.pdftypes import resolve1

    pages = resolve1(document.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    return count if isinstance(count, int) else 0


def _page(layout: Any) -> dict[str, Any]:
    from pdfminer.layout import LTFigure, LTImage, LTTextBox

    blocks, images = [], 0
    for element in layout:
        if isinstance(element, LTTextBox):
            lines = [line.get_text().rstrip("\n") for line in element]
            blocks.append({"box": [round(v, 1) for v in element.bbox], "lines": lines})
        elif isinstance(element, LTFigure | LTImage):
            images += 1
    return {"width": layout.width, "height": layout.height, "images": images, "blocks": blocks}


def read(data: bytes, max_pages: int, max_declared_pages: int) -> dict[str, Any]:
    """Text blocks of the first `max_pages` pages, or an error kind."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        return {"error": "encrypted", "detail": type(exc).__name__}
    declared = _declared_pages(document)
    if declared > max_declared_pages:
        return {"error": "too_complex", "detail": f"{declared} pages"}
    manager = PDFResourceManager(caching=True)
    # Boxes are ordered by the parent (columns by XY-cut), not by pdfminer's box flow.
    device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=None))
    interpreter = PDFPageInterpreter(manager, device)
    pages, chars = [], 0
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number >= max_pages or chars > MAX_TEXT_CHARS:
            break
        interpreter.process_page(page)
        pages.append(_page(device.get_result()))
        chars += sum(len(line) for block in pages[-1]["blocks"] for line in block["lines"])
    return {"pages": pages, "declared_pages": max(declared, len(pages)), "info": _info(document)}


def main() -> None:
    """Read stdin, write one JSON object to stdout; the exit status is 0 for every answer."""
    max_pages, max_declared, memory_mb, cpu_s = (int(a) for a in sys.argv[1:5])
    _limit(memory_mb, cpu_s)
    data = sys.stdin.buffer.read()
    try:
        result = read(data, max_pages, max_declared)
    except (MemoryError, RecursionError) as exc:
        result = {"error": "too_complex", "detail": type(exc).__name__}
    except Exception as exc:  # noqa: BLE001 — pdfminer raises anything on a damaged file
        result = {"error": "broken", "detail": f"{type(exc).__name__}: {exc}"[:300]}
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
