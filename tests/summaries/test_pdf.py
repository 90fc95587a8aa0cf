"""The PDF stage: cleaning as plain functions, and the capped reader on PDFs made here."""

from __future__ import annotations

import datetime as dt
import resource
import time

import pytest

from summaries import SummaryOptions, summarize_pdf
from summaries.config import PipelineConfig
from summaries.errors import PdfBroken, PdfEncrypted, PdfError, PdfNoText, PdfTooComplex
from summaries.pdf import PdfLimits, PdfPage, TextBlock, clean_pages, looks_like_pdf, read_pdf
from tests.support.articles import ARTICLE_PARAGRAPHS
from tests.support.pdfs import (
    EVERYTHING,
    LAYOUTS,
    Layout,
    article_pdf,
    broken_pdf,
    deep_nesting_bomb,
    encrypted_pdf,
    latin1,
    many_pages_bomb,
    scanned_pdf,
    stream_bomb,
)

PARAGRAPHS = [latin1(p) for p in ARTICLE_PARAGRAPHS]
SOURCE = " ".join(PARAGRAPHS)


def block(
    *lines: str, top: float, bottom: float, left: float = 0.1, right: float = 0.9
) -> TextBlock:
    return TextBlock(tuple(lines), top, bottom, left, right)


def test_hyphens_ligatures_and_spaces() -> None:
    page = PdfPage(
        (
            block(
                "The council's de\ufb01nitive vote on the foot-",
                "bridge came after a long-",
                "term debate\u00a0about a\u2009well-known and",
                "cross- and long-term plans; the o\ufb03cials were pleased.",
                top=0.2,
                bottom=0.4,
            ),
        )
    )
    assert clean_pages([page]) == (
        "The council's definitive vote on the footbridge came after a long-term debate about "
        "a well-known and cross- and long-term plans; the officials were pleased."
    )


def test_running_headers_footers_and_page_numbers_go() -> None:
    def page(number: int, body: str) -> PdfPage:
        return PdfPage(
            (
                block("The Riverton Gazette - City news", top=0.03, bottom=0.05),
                block(body, top=0.2, bottom=0.5),
                block(f"Page {number} of 3", top=0.95, bottom=0.97),
            )
        )

    pages = [page(1, "First page text."), page(2, "Second page text."), page(3, "The end.")]
    assert clean_pages(pages) == "First page text.\n\nSecond page text.\n\nThe end."
    # One page: the header is not "running", but a lone page number still goes.
    assert clean_pages(pages[:1]) == "The Riverton Gazette - City news\n\nFirst page text."


def test_columns_are_read_in_order_and_split_paragraphs_rejoin() -> None:
    # Given in the order a row-by-row content stream would give them.
    page = PdfPage(
        (
            block("A headline across both columns", top=0.05, bottom=0.08, right=0.9),
            block("Left column starts. It goes on", top=0.1, bottom=0.5, right=0.48),
            block("Right column paragraph one.", top=0.1, bottom=0.3, left=0.52),
            block("and ends at the foot of the left column.", top=0.55, bottom=0.9, right=0.48),
            block("Right column paragraph two.", top=0.35, bottom=0.9, left=0.52),
        )
    )
    next_page = PdfPage((block("Pelicans continue the story overleaf.", top=0.1, bottom=0.3),))
    assert clean_pages([page, next_page]).split("\n\n") == [
        "A headline across both columns",
        "Left column starts. It goes on and ends at the foot of the left column.",
        "Right column paragraph one.",
        "Right column paragraph two.",
        "Pelicans continue the story overleaf.",
    ]


def test_looks_like_pdf() -> None:
    assert looks_like_pdf(b"%PDF-1.7\n...")
    assert looks_like_pdf(b"\r\n%PDF-1.4\n")
    assert not looks_like_pdf(b"A text that mentions %PDF-1.4 in passing")
    assert not looks_like_pdf(b"<html>")


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_layout_reads_back_as_the_article(name: str) -> None:
    # several pages, so running lines, page and column breaks occur
    layout = Layout(**{**_fields(LAYOUTS[name]), "max_lines_per_column": 14})
    data = article_pdf(PARAGRAPHS, layout, title="Riverton approves a footbridge")
    pdf = read_pdf(data, PdfLimits())
    assert pdf.article.text.split("\n\n") == PARAGRAPHS
    assert pdf.article.title == "Riverton approves a footbridge"  # the printed headline


def _fields(layout: Layout) -> dict[str, object]:
    return {name: getattr(layout, name) for name in layout.__dataclass_fields__}


def test_metadata_becomes_the_attribution_when_plausible() -> None:
    data = article_pdf(
        PARAGRAPHS,
        metadata_title="Council approves the Lark footbridge",
        author="Dana Ellis",
        created=dt.datetime(2024, 3, 11, 9, 30, tzinfo=dt.UTC),
    )
    meta = read_pdf(data, PdfLimits(), "https://gazette.example/bridge.pdf").article.meta
    assert (meta.title, meta.author, meta.published, meta.url) == (
        "Council approves the Lark footbridge",
        "Dana Ellis",
        dt.date(2024, 3, 11),
        "https://gazette.example/bridge.pdf",
    )
    placeholder = article_pdf(
        PARAGRAPHS, metadata_title="Microsoft Word - draft_v2.docx", author="Administrator"
    )
    meta = read_pdf(placeholder, PdfLimits()).article.meta
    assert (meta.title, meta.author) == (None, None)


def test_only_the_first_pages_are_read() -> None:
    data = article_pdf(PARAGRAPHS, Layout(max_lines_per_column=8))
    pdf = read_pdf(data, PdfLimits(max_pages=2))
    assert (pdf.pages_read, pdf.pages_cut) == (2, True)
    assert pdf.pages_total > 2
    assert SOURCE.startswith(pdf.article.text.replace("\n\n", " ")[:200])


def test_two_column_pdf_summary_sentences_come_from_the_text_in_order() -> None:
    layout = Layout(**{**_fields(EVERYTHING), "max_lines_per_column": 14})
    data = article_pdf(PARAGRAPHS, layout, title="Riverton approves a footbridge")
    summary = summarize_pdf(data, None, SummaryOptions(sentences=4), PipelineConfig())
    positions = [SOURCE.find(s.text) for s in summary.sentences]
    assert len(positions) == 4
    assert all(p >= 0 for p in positions), [s.text for s in summary.sentences]
    assert positions == sorted(positions)
    assert (summary.pages_read, summary.pages_total) == (2, 2)


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: encrypted_pdf(PARAGRAPHS), PdfEncrypted),
        (lambda: scanned_pdf(), PdfNoText),
        (lambda: broken_pdf(PARAGRAPHS), PdfBroken),
        (lambda: b"%PDF-1.7\n" + b"\x00\xff" * 500, PdfBroken),
        (lambda: b"<html>not a pdf</html>", PdfBroken),
    ],
)
def test_bad_files_get_their_error(make: object, error: type[PdfError]) -> None:
    with pytest.raises(error):
        read_pdf(make(), PdfLimits())  # type: ignore[operator]


@pytest.mark.parametrize(
    "make",
    [
        lambda: many_pages_bomb(100_000),
        lambda: deep_nesting_bomb(200_000),
        lambda: stream_bomb(300),
    ],
    ids=["page-count", "deep-nesting", "stream"],
)
def test_bombs_are_refused_within_the_caps(make: object) -> None:
    limits = PdfLimits(timeout_s=6.0, memory_mb=256)
    data = make()  # type: ignore[operator]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    with pytest.raises(PdfError) as caught:
        read_pdf(data, limits)
    assert time.monotonic() - start < limits.timeout_s + 2.0
    assert not isinstance(caught.value, PdfEncrypted)
    # the bomb went off in the child: this process did not grow by anything like it
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert grown_kb < 50_000


def test_stream_bomb_is_too_complex_and_page_count_is_capped() -> None:
    with pytest.raises(PdfTooComplex):
        read_pdf(stream_bomb(300), PdfLimits(timeout_s=6.0, memory_mb=256))
    with pytest.raises(PdfTooComplex):
        read_pdf(many_pages_bomb(6_000), PdfLimits())
