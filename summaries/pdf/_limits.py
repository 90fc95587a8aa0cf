"""The caps the PDF reader enforces on every file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PdfLimits:
    """Caps on one PDF: pages read, pages a file may declare, time and memory of the reader.

    The byte cap is the caller's (the fetcher's page cap, the bot's document cap). The reader
    runs in a child process with `memory_mb` of address space and is killed after `timeout_s`,
    so a bomb (huge streams, deep nesting) costs at most that much.
    """

    max_pages: int = 50
    #: A file whose page tree claims more pages than this is refused before any page is read.
    max_declared_pages: int = 5_000
    timeout_s: float = 10.0
    memory_mb: int = 768
    #: Fewer letters and digits than this in the pages read means there is no text layer.
    min_text_chars: int = 40
