"""Quote-mark segmentation: find the quoted spans of a text in one linear scan."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Opening mark → the marks that may close it. Double marks are lenient on purpose: real pages
#: mix “…" and „…” and even “…“, so any double mark closes a double-mark quote.
_DOUBLE = '"“”„‟'
PAIRS: dict[str, str] = {
    "“": '”“"‟',
    "„": '“”"‟',
    '"': '"”“',
    "”": '”"',  # Swedish/Finnish style ”…”, only when ” stands in an opening position
    "«": "»",
    "»": "«",  # German/Danish »…«, only when » stands in an opening position
    "‹": "›",
    "「": "」",
    "『": "』",
    "﹁": "﹂",
    "‚": "‘’",
    "‘": "’",
}
#: Marks that open only where they are left-flanking (they are normally closers or apostrophes).
_FLANK_ONLY_OPENERS = frozenset("”»‘‚")
#: Single marks are apostrophes far more often than quotes: inside another quote they are
#: ignored, and a straight ' never opens a quote.
_SINGLE = frozenset("‘’‚")
_ALL_MARKS = frozenset(PAIRS) | frozenset("’」』﹂›‟")
_MARK_RX = re.compile("[" + re.escape("".join(sorted(_ALL_MARKS))) + "]")
#: Characters after which a mark counts as left-flanking (it starts something).
_BEFORE_OPEN = frozenset(" \t\u00a0\u2009\u202f([{—–-:/")


@dataclass(frozen=True, slots=True)
class Span:
    """One quoted segment: offsets of the inner text (marks excluded) and of the marks.

    `close_at` is -1 when the quote runs to the end of its paragraph without a closing mark;
    `continues` is True when the next paragraph reopens the same quote (multi-paragraph quote).
    """

    start: int
    end: int
    open_at: int
    close_at: int
    paragraph: int
    mark: str
    continues: bool = False


def _left_flanking(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return (prev in _BEFORE_OPEN or prev in _ALL_MARKS) and not nxt.isspace()


def _right_flanking(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def _scan_line(text: str, lo: int, hi: int, para: int) -> list[Span]:
    """Pair the marks of one line; an unclosed quote runs to the end of the line."""
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    for mark in _MARK_RX.finditer(text, lo, hi):
        i = mark.start()
        ch = text[i]
        if stack:
            top = stack[-1][0]
            if ch in _SINGLE and top not in _SINGLE:
                continue  # apostrophes and nested single quotes never affect the outer quote
            closes = ch in PAIRS[top]
            if closes and top in _SINGLE and not _right_flanking(text, i, lo, hi):
                closes = False  # `‘don’t’`: an apostrophe inside a single-quoted span
            opens = ch in PAIRS and _left_flanking(text, i, lo, hi)
            if closes and opens and ch in _DOUBLE and top in _DOUBLE:
                # `"He said "no" to me"`: a left-flanking straight/curly mark nests
                opens = not _right_flanking(text, i, lo, hi) and i > stack[-1][1] + 1
                closes = not opens
            if closes:
                opener, at = stack.pop()
                if not stack:
                    spans.append(Span(at + 1, i, at, i, para, opener))
            elif opens:
                stack.append((ch, i))
            continue
        if ch not in PAIRS:
            continue
        if ch in _FLANK_ONLY_OPENERS and not _left_flanking(text, i, lo, hi):
            continue
        stray = i + 1 < hi and text[i + 1].isspace() and i > lo and not text[i - 1].isspace()
        if ch in _DOUBLE and stray:
            continue  # a stray closing mark: `word" next`
        if ch == "‘" and not _left_flanking(text, i, lo, hi):
            continue
        stack.append((ch, i))
    if stack:
        opener, at = stack[0]
        spans.append(Span(at + 1, hi, at, -1, para, opener))
    return spans


def _trim(text: str, span: Span) -> Span | None:
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return None
    return Span(s, e, span.open_at, span.close_at, span.paragraph, span.mark, span.continues)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-empty lines of `text`; a span's `paragraph` indexes it."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line and not line.isspace():  # (no stripped copy of every line)
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return lines


def find_spans(text: str) -> list[Span]:
    """All top-level quoted segments of `text`, in order.

    Each line is scanned on its own (quotes do not run over line breaks). A quote left open at
    the end of a line is marked `continues` when the next non-empty line opens with a mark of
    the same family: the multi-paragraph convention (opening mark repeated, one closing mark).

    Args:
        text: the article text.

    Returns:
        Spans with inner-text offsets (surrounding whitespace trimmed), in text order.
    """
    lines = paragraph_bounds(text)
    out: list[Span] = []
    for para, (lo, hi) in enumerate(lines):
        spans = _scan_line(text, lo, hi, para)
        if spans and spans[-1].close_at < 0 and para + 1 < len(lines):
            nlo, nhi = lines[para + 1]
            first = text[nlo:nhi].lstrip()[:1]
            last = spans[-1]
            if first and (first == last.mark or (first in _DOUBLE and last.mark in _DOUBLE)):
                spans[-1] = Span(last.start, last.end, last.open_at, -1, para, last.mark, True)
        for span in spans:
            trimmed = _trim(text, span)
            if trimmed is not None:
                out.append(trimmed)
    return out
