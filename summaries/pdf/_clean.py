"""Text blocks of PDF pages → article paragraphs: running headers, footers and page numbers
dropped, columns read in order, words hyphenated at line ends joined, paragraphs split by
column or page breaks rejoined, ligatures and odd spaces normalised."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

#: Ligature glyphs and the letters they stand for.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
#: Spaces of every width become a plain space; invisible format characters go.
ODD_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
SOFT_HYPHEN = "\u00ad"
#: Words after which a line-end hyphen is a suspended compound ("local- and cloud-based").
CONJUNCTIONS = frozenset({"and", "or", "nor", "und", "oder", "et", "ou", "y", "o", "e", "i"})
#: Narrowest gap between columns, as a share of the page width.
MIN_COLUMN_GAP = 0.01
_TABLE = str.maketrans(
    {**LIGATURES, **dict.fromkeys(ODD_SPACES, " "), **dict.fromkeys(INVISIBLE, "")}
)
#: Glyphs pdfminer could not map to characters.
_CID = re.compile(r"\(cid:\d+\)")
_SPACES = re.compile(r"[ \t]+")
#: A page number alone: "7", "- 7 -", "Page 7", "7 of 12", "7/12", "p. 7".
PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page|p\.|seite|página|pagina|страница|стр\.)?\s*\d{1,4}"
    r"(?:\s*(?:of|/|von|de|из)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
#: Share of a page's height at its top and bottom where running heads and feet sit.
EDGE_ZONE = 0.1
#: A line at the page edges that recurs on this share of the pages (and at least twice) is
#: a running header or footer.
REPEAT_SHARE = 0.4
#: Line ends that finish a sentence; a block ending otherwise continues in the next block.
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
_HYPHENATED_END = re.compile(r"(\w+)[-\u2010\u00ad]$")
_STARTS_LOWER = re.compile(r"^[a-zà-öø-ÿα-ωа-я]")


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Lines of one text box and its place on the page, as shares of the page's size
    (top 0 = top edge, bottom 1 = bottom edge; left 0 = left edge)."""

    lines: tuple[str, ...]
    top: float = 0.0
    bottom: float = 1.0
    left: float = 0.0
    right: float = 1.0


@dataclass(frozen=True, slots=True)
class PdfPage:
    """A page's text blocks in reading order and how many pictures it holds."""

    blocks: tuple[TextBlock, ...]
    images: int = 0


def normalise(line: str) -> str:
    """A line with ligatures spelt out, odd spaces plain, unmapped glyphs and edges stripped.

    A soft hyphen is kept only at the line's end, where it marks a word broken there.
    """
    line = _SPACES.sub(" ", _CID.sub("", line.translate(_TABLE))).strip()
    end = SOFT_HYPHEN if line.endswith(SOFT_HYPHEN) else ""
    return line.replace(SOFT_HYPHEN, "") + end


def _cut(blocks: list[TextBlock], low: str, high: str) -> list[list[TextBlock]] | None:
    """Split blocks at gaps of their projection on one axis; None when there is no gap."""
    ordered = sorted(blocks, key=lambda b: getattr(b, low))
    groups = [[ordered[0]]]
    reach = getattr(ordered[0], high)
    gap = MIN_COLUMN_GAP if low == "left" else 0.0
    for block in ordered[1:]:
        if getattr(block, low) > reach + gap:
            groups.append([block])
        else:
            groups[-1].append(block)
        reach = max(reach, getattr(block, high))
    return groups if len(groups) > 1 else None


def reading_order(blocks: Sequence[TextBlock]) -> list[list[TextBlock]]:
    """Blocks in reading order, grouped by column (recursive XY-cut).

    Columns first: blocks separated by a vertical gap that runs the whole height are read
    left to right, each column top to bottom; a block spanning columns (a headline) prevents
    that cut, so the page is first cut across, above and below it.
    """
    if not blocks:
        return []
    found = list(blocks)
    columns = _cut(found, "left", "right")
    if columns is not None:
        return [col for group in columns for col in reading_order(group)]
    bands = _cut(found, "top", "bottom")
    if bands is not None:
        return [col for band in bands for col in reading_order(band)]
    return [sorted(found, key=lambda b: (b.top, b.left))]


def _edge_key(line: str) -> str:
    """What a running header or footer looks like on every page (numbers vary)."""
    return re.sub(r"\d+", "#", line.lower())


def _edge_lines(page: PdfPage) -> set[tuple[int, int]]:
    """(block, line) positions at the page's top or bottom edge."""
    edges: set[tuple[int, int]] = set()
    positions = [(b, i) for b, block in enumerate(page.blocks) for i in range(len(block.lines))]
    if positions:
        edges.update({positions[0], positions[-1]})
    for b, block in enumerate(page.blocks):
        if block.bottom <= EDGE_ZONE or block.top >= 1 - EDGE_ZONE:
            edges.update((b, i) for i in range(len(block.lines)))
    return edges


def drop_running_lines(pages: Sequence[PdfPage]) -> list[PdfPage]:
    """Pages with normalised lines, without running headers, footers and page numbers."""
    normalised = [[[normalise(line) for line in block.lines] for block in p.blocks] for p in pages]
    edges = [_edge_lines(page) for page in pages]
    seen: Counter[str] = Counter()
    for page, page_edges in zip(normalised, edges, strict=True):
        seen.update({_edge_key(page[b][i]) for b, i in page_edges if page[b][i]})
    needed = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    kept: list[PdfPage] = []
    for original, page, page_edges in zip(pages, normalised, edges, strict=True):
        blocks = []
        for b, block in enumerate(page):
            lines = [
                line
                for i, line in enumerate(block)
                if line
                and not (
                    (b, i) in page_edges
                    and (PAGE_NUMBER.match(line) or seen[_edge_key(line)] >= needed)
                )
            ]
            if lines:
                place = original.blocks[b]
                blocks.append(
                    TextBlock(tuple(lines), place.top, place.bottom, place.left, place.right)
                )
        kept.append(PdfPage(tuple(blocks), original.images))
    return kept


def _hyphenated_forms(blocks: Sequence[Sequence[str]]) -> tuple[set[str], set[str]]:
    """Words written with a hyphen inside a line, and words written whole, in lower case."""
    text = " ".join(line for block in blocks for line in block).lower()
    return set(re.findall(r"\b\w+-\w+\b", text)), set(re.findall(r"\b\w+\b", text))


def join_lines(left: str, right: str, hyphenated: set[str], whole: set[str]) -> str:
    """Join two lines of one paragraph, mending a word hyphenated across the break.

    The hyphen goes unless the document writes that word with a hyphen elsewhere and never
    as one word ("long-\\nterm" stays "long-term" when the text has "long-term").
    """
    match = _HYPHENATED_END.search(left)
    if match and _STARTS_LOWER.match(right):
        head = match.group(1)
        tail = re.match(r"\w+", right)
        tail_word = tail.group(0) if tail else ""
        compound = f"{head}-{tail_word}".lower()
        if left.endswith("-") and tail_word.lower() in CONJUNCTIONS:
            return f"{left} {right}"
        keep = (
            left.endswith("-")
            and compound in hyphenated
            and (head + tail_word).lower() not in whole
        )
        return (left if keep else left[:-1]) + right
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    return f"{left} {right}"


def paragraphs(pages: Sequence[PdfPage]) -> list[str]:
    """The article's paragraphs in reading order (see the module docstring)."""
    columns = [
        (number, column)
        for number, page in enumerate(drop_running_lines(pages))
        for column in reading_order(page.blocks)
    ]
    hyphenated, whole = _hyphenated_forms([b.lines for _, col in columns for b in col])
    result: list[str] = []
    previous: tuple[int, TextBlock] | None = None
    for page_number, column in columns:
        for block in column:
            text = block.lines[0]
            for line in block.lines[1:]:
                text = join_lines(text, line, hyphenated, whole)
            # A paragraph that stops mid-sentence at a column's or page's foot goes on at the
            # top of the next (a jump back up, or a new page); lower case shows a continuation
            # anywhere.
            jumped = previous is not None and (
                previous[0] != page_number or previous[1].bottom > block.top
            )
            continues = result and not _SENTENCE_END.search(result[-1])
            if continues and (jumped or _STARTS_LOWER.match(text)):
                result[-1] = join_lines(result[-1], text, hyphenated, whole)
            else:
                result.append(text)
            previous = (page_number, block)
    return result


def clean_pages(pages: Sequence[PdfPage]) -> str:
    """The cleaned text of the pages: paragraphs separated by blank lines."""
    return "\n\n".join(paragraphs(pages))
