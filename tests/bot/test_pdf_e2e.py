"""PDFs end to end: a PDF link and an uploaded PDF (private chat, and /summary replying to one
in a group) summarised by the real bot through the fake Bot API, and the bad files' replies."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import texts
from summaries import errors as E  # noqa: N812
from tests.support.articles import ARTICLE_PARAGRAPHS
from tests.support.bot_env import ask, done, e2e_settings, running_bot
from tests.support.fake_bot_api import FakeTelegram
from tests.support.page_server import Page, PageServer
from tests.support.pdfs import (
    EVERYTHING,
    Layout,
    article_pdf,
    broken_pdf,
    encrypted_pdf,
    latin1,
    scanned_pdf,
)

USER, GROUP, MEMBER = 6101, -1009101, 6102
PARAGRAPHS = [latin1(p) for p in ARTICLE_PARAGRAPHS]
SOURCE = " ".join(PARAGRAPHS)
#: Two columns written row by row, running header, page numbers, hyphenation; two pages.
TWO_COLUMN_PDF = article_pdf(
    PARAGRAPHS,
    Layout(
        columns=2,
        interleave=True,
        header="The Riverton Gazette",
        page_numbers=True,
        hyphenate=True,
        max_lines_per_column=14,
    ),
    title="Riverton approves a footbridge",
    author="Dana Ellis",
)
assert EVERYTHING.columns == 2


def _sentences(reply: str) -> list[str]:
    return [html.unescape(line[2:]) for line in reply.split("\n") if line.startswith("• ")]


def _assert_in_reading_order(reply: str) -> None:
    sentences = _sentences(reply)
    positions = [SOURCE.find(s) for s in sentences]
    assert len(sentences) == 3, reply
    assert all(p >= 0 for p in positions), sentences
    assert positions == sorted(positions)


@pytest.fixture
def pages() -> Iterator[PageServer]:
    server = PageServer().start()
    pdf = (("Content-Type", "application/pdf"),)
    server.route("/paper.pdf", Page(body=TWO_COLUMN_PDF, headers=pdf))
    server.route("/locked.pdf", Page(body=encrypted_pdf(PARAGRAPHS), headers=pdf))
    try:
        yield server
    finally:
        server.stop()


async def test_pdf_link_gets_a_summary_in_reading_order(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    async with running_bot(e2e_settings(api, tmp_path, fetch_timeout_s=5.0)):
        [reply] = await ask(api, pages.url("/paper.pdf"), chat_id=USER)
        [locked] = await ask(api, pages.url("/locked.pdf"), chat_id=USER)
    assert reply.startswith(f'<a href="{html.escape(pages.url("/paper.pdf"))}"><b>Riverton')
    assert "Dana Ellis" in reply.split("\n")[1]
    assert "Riverton Gazette" not in reply.replace("Riverton approves", "")  # header dropped
    _assert_in_reading_order(reply)
    assert locked == html.escape(texts.ERRORS[E.PdfEncrypted])


async def test_uploaded_pdf_private_and_replied_to_in_a_group(
    api: FakeTelegram, tmp_path: Path
) -> None:
    async with running_bot(e2e_settings(api, tmp_path)):
        upload = api.make_document("bridge.pdf", TWO_COLUMN_PDF, "application/pdf")
        api.queue(message=api.make_message(None, chat_id=USER, user_id=USER, document=upload))
        [private] = await api.wait_for(done(USER), within_s=20)
        shared = api.make_message(
            None,
            chat_id=GROUP,
            user_id=MEMBER,
            chat_type="supergroup",
            document=api.make_document("bridge.pdf", TWO_COLUMN_PDF, "application/pdf"),
        )
        [grouped] = await ask(
            api, "/summary", chat_id=GROUP, user_id=MEMBER, chat_type="supergroup", reply_to=shared
        )
    for reply in (private, grouped):
        assert "<b>Riverton approves a footbridge</b>" in reply
        _assert_in_reading_order(reply)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (encrypted_pdf(PARAGRAPHS), E.PdfEncrypted),
        (scanned_pdf(), E.PdfNoText),
        (broken_pdf(PARAGRAPHS), E.PdfBroken),
    ],
    ids=["encrypted", "scanned", "broken"],
)
async def test_bad_pdfs_get_their_reply(
    api: FakeTelegram, tmp_path: Path, data: bytes, error: type[E.PdfError]
) -> None:
    async with running_bot(e2e_settings(api, tmp_path)):
        upload = api.make_document("file.pdf", data, "application/pdf")
        api.queue(message=api.make_message(None, chat_id=USER, user_id=USER, document=upload))
        [reply] = await api.wait_for(done(USER), within_s=20)
    assert reply == html.escape(texts.ERRORS[error])


async def test_long_pdf_says_only_the_first_pages_were_read(
    api: FakeTelegram, tmp_path: Path
) -> None:
    async with running_bot(e2e_settings(api, tmp_path, pdf_max_pages=1)):
        upload = api.make_document("bridge.pdf", TWO_COLUMN_PDF, "application/pdf")
        api.queue(message=api.make_message(None, chat_id=USER, user_id=USER, document=upload))
        [notice, summary] = await api.wait_for(done(USER, 2), within_s=20)
    assert notice == html.escape(texts.PAGES_CUT.format(read=1, total=2))
    assert "• " in summary
