"""Inline mode: when a query counts as a link (plain), and end to end through the fake Bot API
over HTTP with the real pipeline, a local page server and the shared URL cache."""

from __future__ import annotations

import asyncio
import html
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.context import DEPS_KEY
from bot.formatting import utf16_len
from bot.inline import inline_url
from tests.support.articles import ARTICLE_PARAGRAPHS, article_html
from tests.support.bot_env import e2e_settings, running_bot
from tests.support.fake_bot_api import FakeTelegram
from tests.support.page_server import Page, PageServer, html_page

USER, OTHER = 7001, 7002


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", None),
        ("hello there", None),
        ("h", None),
        ("https", None),
        ("https://", None),
        ("https://exa", None),
        ("https://example.", None),
        ("https://example.c", None),
        ("http://127.0.0", None),
        ("http://127.0.0.1:", None),
        ("two words https://example.com", None),
        ("https://example.com", "https://example.com"),
        ("example.com/news/a", "https://example.com/news/a"),
        ("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a"),
        ("  https://news.example.org/story?id=3  ", "https://news.example.org/story?id=3"),
    ],
)
def test_only_a_complete_link_counts(query: str, expected: str | None) -> None:
    assert inline_url(query) == expected


IMAGE_HTML = article_html().replace(
    "</head>", '<meta property="og:image" content="/img/bridge.jpg"></head>'
)


@pytest.fixture
def pages() -> Iterator[PageServer]:
    server = PageServer().start()
    server.route("/article", html_page(IMAGE_HTML))
    server.route("/plain", html_page(article_html("A second copy without a picture")))
    server.route("/slow", Page(body=IMAGE_HTML.encode(), delay_s=2.0, headers=_HTML))
    server.route("/gone", Page(status=404, body=b"<html>gone</html>", headers=_HTML))
    try:
        yield server
    finally:
        server.stop()


_HTML = (("Content-Type", "text/html; charset=utf-8"),)


def _settings(api: FakeTelegram, tmp_path: Path, **overrides: Any) -> Any:
    values: dict[str, Any] = {"inline_settle_s": 0.2, "inline_deadline_s": 3.0}
    values.update(overrides)
    return e2e_settings(api, tmp_path, **values)


async def _inline(api: FakeTelegram, text: str, user_id: int = USER) -> dict[str, Any]:
    """Send one inline query and wait for its answer."""
    query = api.make_inline_query(text, user_id=user_id)
    api.queue(inline_query=query)
    return await api.wait_for(lambda a: a.inline_answers.get(query["id"]), within_s=15)  # type: ignore[no-any-return]


def _answered_within(api: FakeTelegram, answer: dict[str, Any], query_id: str) -> float:
    return float(answer["answered_at"] - api.inline_asked_at[query_id])


async def test_a_link_gets_its_summary_within_the_deadline(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    url = pages.url("/article")
    async with running_bot(_settings(api, tmp_path)):
        query = api.make_inline_query(url, user_id=USER)
        api.queue(inline_query=query)
        answer = await api.wait_for(lambda a: a.inline_answers.get(query["id"]), within_s=15)
    assert _answered_within(api, answer, query["id"]) < 3.0
    [result] = answer["results"]
    assert result["type"] == "article"
    assert result["title"] == "Riverton council approves footbridge over the Lark"
    assert result["description"] in " ".join(ARTICLE_PARAGRAPHS)
    assert result["thumbnail_url"] == pages.url("/img/bridge.jpg")
    message = result["input_message_content"]
    assert message["parse_mode"] == "HTML"
    assert utf16_len(message["message_text"]) <= 4096
    assert message["message_text"].startswith(f'<a href="{html.escape(url)}"><b>')
    assert "Helen Okafor" in message["message_text"]  # the quotes are kept
    assert answer.get("is_personal") is True


async def test_partial_links_fetch_nothing_and_get_the_usage_hint(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    full = pages.url("/article")
    typing = [
        "",
        "h",
        "http://",
        "http://127.0.0",
        "https://example",
        full[: full.index(":", 6) + 1],
    ]
    async with running_bot(_settings(api, tmp_path)) as app:
        for typed in typing:
            answer = await _inline(api, typed)
            [result] = answer["results"]
            assert result["title"] == texts.INLINE_USAGE_TITLE
            assert "@newsbrief_test_bot" in result["input_message_content"]["message_text"]
        stats = await app.bot_data[DEPS_KEY].service.stats()
    assert pages.requests == []
    assert (stats.served, stats.errors) == (0, {})  # no fetch was even tried


async def test_typing_a_link_supersedes_older_queries(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    """Keystrokes arrive faster than the settle time: only the last query fetches."""
    full = pages.url("/article")
    async with running_bot(_settings(api, tmp_path, inline_settle_s=0.5)):
        queries = [api.make_inline_query(full[:n], user_id=USER) for n in (-3, -2, -1)]
        queries.append(api.make_inline_query(full, user_id=USER))
        for query in queries:
            api.queue(inline_query=query)
            await asyncio.sleep(0.05)
        last = queries[-1]["id"]
        answer = await api.wait_for(lambda a: a.inline_answers.get(last), within_s=15)
        await asyncio.sleep(0.3)
    assert answer["results"][0]["title"].startswith("Riverton council")
    assert [r.path for r in pages.requests] == ["/article"]
    assert set(api.inline_answers) == {last}


async def test_slow_page_gets_still_reading_then_the_cached_summary(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    url = pages.url("/slow")
    settings = _settings(api, tmp_path, inline_deadline_s=1.0, fetch_timeout_s=5.0)
    async with running_bot(settings):
        start = time.perf_counter()
        first = await _inline(api, url)
        assert time.perf_counter() - start < 2.5
        [reading] = first["results"]
        assert reading["title"] == texts.INLINE_READING_TITLE
        assert first["cache_time"] == 0
        await asyncio.sleep(2.0)  # the page arrives and its summary lands in the cache
        second = await _inline(api, url, user_id=OTHER)
    assert second["results"][0]["title"].startswith("Riverton council")
    assert sum(r.path == "/slow" for r in pages.requests) == 1


async def test_failing_page_gets_the_chat_error_text(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    async with running_bot(_settings(api, tmp_path)):
        answer = await _inline(api, pages.url("/gone"))
    [result] = answer["results"]
    assert result["title"] == texts.INLINE_ERROR_TITLE
    expected = "That page returned 404 — check the link."
    assert result["description"] == expected
    assert result["input_message_content"]["message_text"] == html.escape(expected)


async def test_inline_queries_count_against_the_user_quota(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    settings = _settings(api, tmp_path, rate_user_burst=2, rate_user_per_minute=1)
    async with running_bot(settings):
        titles = [
            (await _inline(api, pages.url(path)))["results"][0]["title"]
            for path in ("/article", "/plain", "/article")
        ]
        # a hint costs nothing
        hint = (await _inline(api, "what is this"))["results"][0]["title"]
        # other users are unaffected
        other = (await _inline(api, pages.url("/plain"), user_id=OTHER))["results"][0]
    assert titles[2] == texts.INLINE_SLOW_DOWN_TITLE
    assert texts.INLINE_SLOW_DOWN_TITLE not in titles[:2]
    assert hint == texts.INLINE_USAGE_TITLE
    assert other["title"] == "A second copy without a picture"
