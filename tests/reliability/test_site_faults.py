"""Broken and hostile web pages through the real bot: each gets its specific reply in time."""

from __future__ import annotations

import gzip
import html
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import texts
from summaries import errors as E  # noqa: N812
from tests.support.articles import ARTICLE_PARAGRAPHS, article_html
from tests.support.bot_env import ask, e2e_settings, running_bot
from tests.support.fake_bot_api import FakeTelegram
from tests.support.page_server import Page, PageServer, html_page

USER = 8201
FETCH_TIMEOUT_S = 2.0
MAX_BYTES = 200_000
#: The reply must come within the fetch cap plus room for extraction on a loaded machine.
REPLY_CAP_S = FETCH_TIMEOUT_S + 8.0
HTML = (("Content-Type", "text/html"),)
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)


def _endless(chunk: bytes) -> Iterator[bytes]:
    while True:  # the page server stops streaming when the client hangs up or at shutdown
        yield chunk


def reply_for(error: E.SummaryError) -> str:
    return html.escape(texts.error_text(error))


SUMMARY = "summary"
CASES: dict[str, tuple[Page, str | E.SummaryError]] = {
    "dropped-mid-body": (
        Page(body=article_html().encode() * 3, headers=HTML, drop_after=400),
        E.ConnectionFailed(),
    ),
    "endless-slow-body": (
        Page(
            headers=HTML,
            stream=lambda: _endless(b"<p>more words</p>"),
            chunk_delay_s=0.05,
            content_length=False,
        ),
        E.FetchTimeout(FETCH_TIMEOUT_S),
    ),
    "endless-fast-body": (
        Page(headers=HTML, stream=lambda: _endless(b"<p>x</p>" * 4096), content_length=False),
        E.PageTooLarge(MAX_BYTES),
    ),
    "slow-first-byte": (
        Page(body=b"<p>late</p>", headers=HTML, delay_s=6.0),
        E.FetchTimeout(FETCH_TIMEOUT_S),
    ),
    "announces-50-MB": (  # refused on the header, before the body (which never comes)
        Page(body=b"<p>start</p>", headers=HTML, content_length=50_000_000),
        E.PageTooLarge(MAX_BYTES),
    ),
    "not-found": (Page(status=404, body=b"<html>gone</html>", headers=HTML), E.PageNotFound(404)),
    "wrong-content-type": (
        Page(body=article_html().encode(), headers=(("Content-Type", "image/png"),)),
        E.UnsupportedContentType("image/png"),
    ),
    "missing-content-type": (Page(body=article_html().encode()), SUMMARY),
    "bogus-charset": (
        Page(
            body=article_html().encode(),
            headers=(("Content-Type", "text/html; charset=no-such-codec"),),
        ),
        SUMMARY,
    ),
    "cp1252-declared-utf8": (
        Page(
            body=article_html().encode("cp1252", errors="replace"),
            headers=(("Content-Type", "text/html; charset=utf-8"),),
        ),
        SUMMARY,
    ),
    "gzip-bomb": (
        Page(
            body=gzip.compress(b"<p>" + b"a" * (20 * 1024 * 1024), compresslevel=9),
            headers=(*HTML, ("Content-Encoding", "gzip")),
        ),
        E.PageTooLarge(MAX_BYTES),
    ),
    "corrupt-gzip": (
        Page(
            body=b"\x1f\x8b\x08\x00not-deflate-at-all",
            headers=(*HTML, ("Content-Encoding", "gzip")),
        ),
        E.ConnectionFailed(),
    ),
    "deeply-nested": (
        html_page("<html><body>" + "<div>" * 8_000 + PARAGRAPHS + "</div>" * 8_000),
        E.NoArticleFound(),
    ),
    "all-script": (
        html_page(
            "<html><head><title>App</title></head><body>"
            + "<script>var s = 'The council met on Monday to vote.';</script>" * 3000
            + "</body></html>"
        ),
        E.NoArticleFound(),
    ),
}


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        for name, (page, _) in CASES.items():
            server.route(f"/{name}", page)
        yield server


async def test_every_site_fault_gets_its_reply_in_time(
    api: FakeTelegram, site: PageServer, tmp_path: Path
) -> None:
    settings = e2e_settings(
        api, tmp_path, fetch_timeout_s=FETCH_TIMEOUT_S, fetch_max_bytes=MAX_BYTES, cache_ttl_s=0
    )
    async with running_bot(settings):
        for chat_offset, (name, (_, expected)) in enumerate(CASES.items()):
            chat = USER + chat_offset
            started = time.perf_counter()
            [reply] = await ask(api, site.url(f"/{name}"), chat_id=chat)
            elapsed = time.perf_counter() - started
            if expected == SUMMARY:
                assert "English · " in reply, name
                assert "Riverton" in reply, name
            else:
                assert isinstance(expected, E.SummaryError)
                assert reply == reply_for(expected), name
            assert elapsed < REPLY_CAP_S, (name, elapsed)
        # Still serving after all of that.
        site.route("/article", html_page(article_html()))
        [fine] = await ask(api, site.url("/article"), chat_id=USER)
        assert "English · " in fine
