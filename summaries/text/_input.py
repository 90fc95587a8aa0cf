"""Text as it arrives from a user: decoded bytes, a readability check and the length cap."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from summaries.errors import NotText


@dataclass(frozen=True, slots=True)
class ReadableRule:
    """When text is binary junk rather than writing.

    Attributes:
        max_junk_share: most non-space characters that may be controls, private-use,
            unassigned or U+FFFD (what undecodable bytes become) before the text is refused.
        sample_chars: only this many characters are inspected (the start of a 1 MB paste
            shows whether it is text as well as the whole would).
    """

    max_junk_share: float = 0.05
    sample_chars: int = 20_000


READABLE = ReadableRule()
_JUNK_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})


def looks_readable(text: str, rule: ReadableRule = READABLE) -> bool:
    """False for binary garbage passed as text (empty, blank or quotes-only text is "readable":
    "too short" explains those better)."""
    sample = text[: rule.sample_chars]
    visible = [c for c in sample if not c.isspace()]
    if not visible:
        return True
    junk = sum(c == "\ufffd" or unicodedata.category(c) in _JUNK_CATEGORIES for c in visible)
    return junk <= rule.max_junk_share * len(visible)


def decode_text(data: bytes) -> str:
    """Decode an uploaded or piped text file: UTF-16 with a BOM, UTF-8, else Windows-1252.

    Raises:
        NotText: bytes that decode to no readable text (binary files).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NotText("not a UTF-16 text file") from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if not looks_readable(text):
        raise NotText("binary data, not text")
    return text


def cap_text(text: str, limit: int) -> tuple[str, bool]:
    """`text` cut to at most `limit` characters at a paragraph or word break; True when cut."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for brk in ("\n\n", "\n", " "):
        cut = head.rfind(brk)
        if cut >= limit // 2:
            return head[:cut], True
    return head, True
