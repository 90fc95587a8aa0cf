"""Plain helpers: inputs, merging split pastes, token buckets, texts, polling repair."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Message

from bot import texts
from bot.inputs import parse_command, parse_message
from bot.paste_merge import PasteMerger, looks_cut, merge_parts
from bot.polling import sanitize_updates
from bot.quota import BucketSpec, RequestQuota, Verdict
from bot.storage.shared import MemorySharedState
from summaries import errors as E  # noqa: N812
from tests.support.fake_bot_api import FakeTelegram


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _message(api: FakeTelegram, text: str | None, **kw: object) -> Message:
    raw = api.make_message(text, chat_id=kw.pop("chat_id", 1), user_id=2, **kw)  # type: ignore[arg-type]
    return Message.de_json(raw, None)  # type: ignore[arg-type]


@pytest.fixture
def api() -> FakeTelegram:
    return FakeTelegram("1:x")


def test_parse_links_and_text(api: FakeTelegram) -> None:
    assert parse_message(_message(api, "see https://a.com/x, and https://a.com/x.")).urls == (
        "https://a.com/x",
    )
    long_text = "word " * 100 + "https://a.com/src"
    assert parse_message(_message(api, long_text)).text == long_text
    assert parse_message(_message(api, "no links")).text == "no links"
    assert parse_message(
        _message(api, "www.site.com", entities=[{"type": "url", "offset": 0, "length": 12}])
    ).urls == ("https://www.site.com",)
    # Non-web schemes stay links, so the bot refuses them instead of reading a short text.
    assert parse_message(_message(api, "ftp://x.y/z")).urls == ("ftp://x.y/z",)
    assert parse_message(_message(api, "see file:///etc/passwd.")).urls == ("file:///etc/passwd",)
    assert parse_message(_message(api, "metadata:x and more")).urls == ()


def test_parse_command_prefers_argument_then_reply(api: FakeTelegram) -> None:
    target = api.make_message("https://b.com/r", chat_id=-5, user_id=3, chat_type="group")
    cmd = _message(api, "/summary", chat_id=-5, chat_type="group", reply_to=target)
    assert parse_command(cmd, []).urls == ("https://b.com/r",)
    cmd2 = _message(api, "/summary https://c.com/", chat_id=-5, chat_type="group", reply_to=target)
    assert parse_command(cmd2, ["https://c.com/"]).urls == ("https://c.com/",)
    assert parse_command(_message(api, "/summary", chat_id=-5, chat_type="group"), []).is_empty


def test_merge_parts() -> None:
    assert merge_parts(["The council met on", "Monday. It voted."]) == (
        "The council met on Monday. It voted."
    )
    assert merge_parts(["First part ends.", " Second part.", ""]) == (
        "First part ends.\n\nSecond part."
    )
    assert looks_cut("x" * 4000)
    assert not looks_cut("x" * 100)


async def test_split_buffer_absorbs_followers_and_passes_short_text() -> None:
    buffer = PasteMerger(window_s=0.2, state=MemorySharedState())
    assert await buffer.collect(1, 7, 10, "short") == "short"
    owner = asyncio.create_task(buffer.collect(1, 7, 11, "a" * 3900))
    await asyncio.sleep(0.01)
    follower = asyncio.create_task(buffer.collect(1, 7, 12, "tail"))
    assert await asyncio.gather(owner, follower) == ["a" * 3900 + " tail", None]


async def test_token_bucket_notifies_once_then_drops() -> None:
    clock = Clock()
    quota = RequestQuota(
        BucketSpec(burst=2, per_minute=6), BucketSpec(9, 6), MemorySharedState(clock)
    )

    async def takes(n: int) -> list[Verdict]:
        return [await quota.check(5, None) for _ in range(n)]

    assert await takes(4) == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP]
    clock.now += 10  # one token back (6 per minute)
    assert await takes(2) == [Verdict.ALLOW, Verdict.DROP]  # the same flood: no second notice
    clock.now += 20  # the bucket is full again: a new flood gets a new notice
    assert await takes(4) == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP]


def test_error_texts_are_specific() -> None:
    assert texts.error_text(E.PageTooLarge(2 * 1024 * 1024)) == (
        "The page is too large (over 2 MB)."
    )
    assert texts.error_text(E.FetchTimeout(7)) == "The site didn't answer within 7 s."
    assert texts.error_text(E.BadStatus(503)) == "That page returned 503 — check the link."
    assert texts.error_text(E.UnsupportedContentType("image/png")).startswith(
        "That link is an image;"
    )


def test_sanitize_updates_replaces_unparsable_update(api: FakeTelegram) -> None:
    good = {"update_id": 1, "message": api.make_message("hi", chat_id=1, user_id=1)}
    bad = {"update_id": 2, "message": {"message_id": "x", "chat": "not a chat"}}
    clean = sanitize_updates([good, bad, {"no_id": True}], None)
    assert clean == [good, {"update_id": 2}]
