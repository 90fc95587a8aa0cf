"""Run the PDF reader in a capped child process and map its outcome to an error or pages."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from summaries.errors import PdfBroken, PdfEncrypted, PdfTooComplex
from summaries.pdf._limits import PdfLimits

_LOG = logging.getLogger(__name__)
#: Run by path, so the child does not import the `summaries` package (nor its models).
WORKER = Path(__file__).with_name("_worker.py")
#: A PDF header at the start of a line (readers accept junk before it, as from some servers).
_PDF_HEADER = re.compile(rb"(?:^|[\r\n])[ \t]*%PDF-\d")
MAGIC_WINDOW = 1024


def looks_like_pdf(data: bytes) -> bool:
    """True when the bytes carry a PDF header within their first KB."""
    return _PDF_HEADER.search(data[:MAGIC_WINDOW]) is not None


def run_reader(data: bytes, limits: PdfLimits) -> dict[str, Any]:
    """The worker's JSON answer for `data`: pages, declared page count and document info.

    Raises:
        PdfBroken: not a PDF, or one the reader cannot parse.
        PdfEncrypted: a password is needed.
        PdfTooComplex: over the page, time or memory cap.
    """
    if not looks_like_pdf(data):
        raise PdfBroken("no PDF header")
    command = [
        sys.executable,
        str(WORKER),
        str(limits.max_pages),
        str(limits.max_declared_pages),
        str(limits.memory_mb),
        str(max(1, round(limits.timeout_s))),
    ]
    try:
        done = subprocess.run(  # noqa: S603 — our own script, arguments are numbers
            command, input=data, capture_output=True, timeout=limits.timeout_s, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise PdfTooComplex(f"not read within {limits.timeout_s:g} s") from exc
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace")[-500:]
        if done.returncode < 0 or "MemoryError" in tail:
            # killed by the CPU limit, or out of its address space before it could answer
            raise PdfTooComplex(f"reader stopped (exit {done.returncode})")
        raise RuntimeError(f"the PDF reader failed to run (exit {done.returncode}): {tail}")
    try:
        result: dict[str, Any] = json.loads(done.stdout)
    except ValueError as exc:
        raise PdfBroken("unreadable answer from the reader") from exc
    error = result.get("error")
    if error == "encrypted":
        raise PdfEncrypted("the PDF needs a password")
    if error == "too_complex":
        raise PdfTooComplex(str(result.get("detail", "")))
    if error is not None:
        _LOG.info("broken PDF: %s", result.get("detail"))
        raise PdfBroken(str(result.get("detail", "")))
    return result
