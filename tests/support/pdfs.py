"""PDFs made for tests and benchmarks (fpdf2, core fonts): article layouts and bad files.

`article_pdf` lays paragraphs out as a print article would: one or two columns, optional running
header, footer with page numbers, words hyphenated at line ends. With `interleave`, a
two-column page is written row by row (left line, right line, …), so the content stream's order
is not the reading order, as in many real two-column PDFs. The bad files (encrypted, scanned,
broken, bombs) are written by hand or with fpdf2's own encryption.
"""

from __future__ import annotations

import datetime as dt
import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 20.0
GAP = 8.0
FONT_PT = 10.5
LINE_H = 5.0
#: Characters the core fonts cannot draw, as ASCII (the text compared against uses the same).
_TO_LATIN1 = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "…": "...",
        "\u00a0": " ",
        "\u200b": "",
    }
)


def latin1(text: str) -> str:
    """Text as the core fonts can draw it (curly quotes straightened, other symbols dropped)."""
    return text.translate(_TO_LATIN1).encode("latin-1", "ignore").decode("latin-1")


@dataclass(frozen=True, slots=True)
class Layout:
    """How `article_pdf` lays the text out."""

    columns: int = 1
    interleave: bool = False
    header: str | None = None
    page_numbers: bool = False
    hyphenate: bool = False
    max_lines_per_column: int | None = None


ONE_COLUMN = Layout()
TWO_COLUMNS = Layout(columns=2)
TWO_COLUMNS_INTERLEAVED = Layout(columns=2, interleave=True)
HEADERS_FOOTERS = Layout(header="The Riverton Gazette - City news", page_numbers=True)
HYPHENATED = Layout(hyphenate=True)
EVERYTHING = Layout(
    columns=2, interleave=True, header="The Riverton Gazette", page_numbers=True, hyphenate=True
)
LAYOUTS: dict[str, Layout] = {
    "one-column": ONE_COLUMN,
    "two-columns": TWO_COLUMNS,
    "two-columns-interleaved": TWO_COLUMNS_INTERLEAVED,
    "headers-footers": HEADERS_FOOTERS,
    "hyphenated": HYPHENATED,
    "everything": EVERYTHING,
}


def _wrap(pdf: FPDF, paragraph: str, width: float, hyphenate: bool) -> list[str]:
    """Greedy line breaking; with `hyphenate`, a long word that does not fit is split with "-"."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        candidate = f"{current} {word}" if current else word
        if pdf.get_string_width(candidate) <= width:
            current = candidate
            continue
        if hyphenate and len(word) >= 7 and word.isalpha():
            prefix = f"{current} " if current else ""
            for cut in range(len(word) - 3, 2, -1):
                if pdf.get_string_width(f"{prefix}{word[:cut]}-") <= width:
                    lines.append(f"{prefix}{word[:cut]}-")
                    current = word[cut:]
                    break
            else:
                lines.append(current)
                current = word
            continue
        if current:
            lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def article_pdf(
    paragraphs: Sequence[str],
    layout: Layout = ONE_COLUMN,
    *,
    title: str | None = None,
    author: str | None = None,
    created: dt.datetime | None = None,
    metadata_title: str | None = None,
) -> bytes:
    """A PDF of `paragraphs` (latin-1 text) in `layout`; `title` is printed as a headline.

    `metadata_title`/`author`/`created` go into the document information dictionary.
    """
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_compression(True)
    if metadata_title:
        pdf.set_title(metadata_title)
    if author:
        pdf.set_author(author)
    pdf.set_creation_date(created or dt.datetime(2024, 5, 3, 9, 30, tzinfo=dt.UTC))
    pdf.set_creator("tests.support.pdfs")
    pdf.set_font("Helvetica", size=FONT_PT)
    col_w = (PAGE_W - 2 * MARGIN - GAP * (layout.columns - 1)) / layout.columns
    # (paragraph break before it, text) for every line of the article
    lines: list[tuple[bool, str]] = []
    for paragraph in paragraphs:
        for i, line in enumerate(_wrap(pdf, latin1(paragraph), col_w, layout.hyphenate)):
            lines.append((i == 0 and bool(lines), line))
    top, bottom = MARGIN + 6.0, PAGE_H - MARGIN
    pos, page_no = 0, 0
    while pos < len(lines):
        pdf.add_page()
        page_no += 1
        y0 = top
        if layout.header:
            pdf.set_font("Helvetica", size=8)
            pdf.text(MARGIN, 12.0, latin1(layout.header))
        if page_no == 1 and title:
            pdf.set_font("Helvetica", style="B", size=16)
            for row, line in enumerate(_wrap(pdf, latin1(title), PAGE_W - 2 * MARGIN, False)):
                pdf.text(MARGIN, y0 + row * 7.5, line)
                y0 += 7.5
            y0 += 6.0
        pdf.set_font("Helvetica", size=FONT_PT)
        placed: list[tuple[int, float, float, str]] = []  # (column, y, x, text)
        for column in range(layout.columns):
            x = MARGIN + column * (col_w + GAP)
            y = y0
            count = 0
            while pos < len(lines):
                gap, text = lines[pos]
                step = LINE_H * (1.6 if gap and count else 1.0)
                if y + step > bottom or count == (layout.max_lines_per_column or 10**9):
                    break
                y += step
                placed.append((column, y, x, text))
                pos += 1
                count += 1
        order = sorted(placed, key=lambda p: (p[1], p[0])) if layout.interleave else placed
        for _, y, x, text in order:
            pdf.text(x, y, text)
        if layout.page_numbers:
            pdf.set_font("Helvetica", size=8)
            pdf.text(PAGE_W / 2 - 2, PAGE_H - 10.0, str(page_no))
    return bytes(pdf.output())


def encrypted_pdf(paragraphs: Sequence[str]) -> bytes:
    """An article PDF that needs a password to open."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")  # noqa: S106
    pdf.add_page()
    pdf.set_font("Helvetica", size=FONT_PT)
    for paragraph in paragraphs:
        pdf.multi_cell(0, LINE_H, latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that hold only a picture of text (no text layer), as a scanner makes them."""
    from PIL import Image, ImageDraw

    pdf = FPDF(unit="mm", format="A4")
    for page in range(pages):
        image = Image.new("L", (420, 594), 255)
        draw = ImageDraw.Draw(image)
        for row in range(40):
            draw.line((30, 30 + row * 13, 390 - (row * 37 + page) % 90, 30 + row * 13), 0, 3)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.add_page()
        pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=PAGE_W, h=PAGE_H)
    return bytes(pdf.output())


def broken_pdf(paragraphs: Sequence[str]) -> bytes:
    """A PDF cut off after its header and a little of its first object (a failed download)."""
    whole = article_pdf(paragraphs)
    return whole[:200] + b"\x00garbage\xff" * 20


def _raw_pdf(objects: Sequence[bytes], root: int = 1) -> bytes:
    """A PDF file with a correct cross-reference table around the given object bodies."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def many_pages_bomb(pages: int = 100_000) -> bytes:
    """A page tree that claims and holds `pages` pages (all sharing one content stream)."""
    text = b"BT /F1 12 Tf 72 720 Td (A page of a very long document.) Tj ET"
    kids = b" ".join(b"5 0 R" for _ in range(pages))
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>",
        ]
    )


def deep_nesting_bomb(depth: int = 100_000) -> bytes:
    """A page whose resources hold arrays nested `depth` deep."""
    nested = b"[" * depth + b"]" * depth
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /X " + nested + b" >> >>",
            b"<< /Length 0 >>\nstream\n\nendstream",
        ]
    )


def stream_bomb(decompressed_mb: int = 400) -> bytes:
    """One page whose content stream inflates from a few hundred KB to `decompressed_mb` MB."""
    squeezer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(squeezer.compress(chunk) for _ in range(decompressed_mb)) + squeezer.flush()
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        ]
    )
