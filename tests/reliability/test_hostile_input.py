"""Hostile input through the bot: huge/junk pastes, HTML-breaking articles, authority, floods."""

from __future__ import annotations

import html
import random
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.apiretry import RetryingRateLimiter
from bot.app import build_application, build_deps, post_init, post_shutdown
from bot.quota import BucketSpec, RequestQuota
from bot.sendpacing import SendLimits
from bot.storage.base import ChatSettings
from bot.storage.memory import MemoryStore
from bot.storage.shared import MemorySharedState
from summaries.errors import NotProse, TextTooShort
from tests.support.articles import ARTICLE_PARAGRAPHS, article_text
from tests.support.bot_env import (
    TOKEN,
    BotEnv,
    FakePipeline,
    RecordingRequest,
    ask,
    e2e_settings,
    make_settings,
    running_bot,
)
from tests.support.fake_bot_api import FakeTelegram, parse_telegram_html
from tests.support.page_server import PageServer, html_page

USER, OTHER, ADMIN, MEMBER, OWNER = 8601, 8602, 8603, 8604, 9001
GROUP = -1008601
TOO_SHORT = html.escape(texts.ERRORS[TextTooShort])
NOT_PROSE = html.escape(texts.ERRORS[NotProse])


async def _env(pipeline: Any, **build: Any) -> BotEnv:
    settings = make_settings()
    api = FakeTelegram(TOKEN)
    # pipeline None: the real `summaries.pipeline`
    deps = build_deps(settings, store=MemoryStore(), pipeline=pipeline)
    request = RecordingRequest(api)
    app = build_application(settings, deps, request=request, get_updates_request=request, **build)
    await app.initialize()
    await post_init(app)
    return BotEnv(
        app, api, pipeline if isinstance(pipeline, FakePipeline) else FakePipeline(), deps.store
    )


async def _close(env: BotEnv) -> None:
    await post_shutdown(env.app)
    await env.app.shutdown()


@pytest.fixture
async def real_env() -> AsyncIterator[BotEnv]:
    """The real pipeline behind the bot, answered in-process."""
    env = await _env(None)
    try:
        yield env
    finally:
        await _close(env)


@pytest.fixture
async def fake_env() -> AsyncIterator[BotEnv]:
    # Telegram's outgoing pacing (20 messages a minute per group) is real-time;
    # these tests are about the bot's own limits, so it is switched off here.
    env = await _env(
        FakePipeline(), rate_limiter=RetryingRateLimiter(limits=SendLimits(per_group_minute=0))
    )
    try:
        yield env
    finally:
        await _close(env)


async def _last(env: BotEnv, text: str, chat_id: int = USER, **kw: Any) -> str:
    kw.setdefault("user_id", chat_id)
    await env.send(message=env.api.make_message(text, chat_id=chat_id, **kw))
    return env.api.chat_texts(chat_id)[-1]


def _big_paste(chars: int) -> str:
    """About `chars` of distinct article-like paragraphs (repeats would be de-duplicated)."""
    out: list[str] = []
    size, i = 0, 0
    while size < chars:
        para = ARTICLE_PARAGRAPHS[i % len(ARTICLE_PARAGRAPHS)].replace("council", f"council {i}")
        out.append(para)
        size += len(para) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def _binary_garbage(size: int) -> str:
    rnd = random.Random(5)
    return bytes(rnd.randrange(256) for _ in range(size)).decode("utf-8", errors="replace")


def _keyboard_mash(lines: int) -> str:
    """Letter runs shaped like sentences: words of no language."""
    rnd = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rnd.choice(letters) for _ in range(rnd.randint(2, 9)))

    return "\n".join(" ".join(word() for _ in range(12)).capitalize() + "." for _ in range(lines))


def _control_garbage(size: int) -> str:
    rnd = random.Random(6)
    return bytes(rnd.randrange(256) for _ in range(size)).decode("latin-1")


ZERO_WIDTH_RTL = (
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("binary-utf8", _binary_garbage(20_000), html.escape(texts.NOT_TEXT)),
        ("binary-controls", _control_garbage(20_000), html.escape(texts.NOT_TEXT)),
        ("zero-width-and-rtl-only", ZERO_WIDTH_RTL * 500, TOO_SHORT),
        ("only-quotes", "\u201c\u201d\"'\u00ab\u00bb\u2018\u2019" * 2000, TOO_SHORT),
        ("only-punctuation", "!?.,;:-\u2014\u2026()[]{}" * 2000, TOO_SHORT),
        ("null-bytes", "\x00" * 5000, html.escape(texts.NOT_TEXT)),
        ("keyboard-mash", _keyboard_mash(40), NOT_PROSE),
        ("one-word-repeated", "lorem " * 2000, NOT_PROSE),
        ("emoji-only", "\U0001f600\U0001f389\U0001f525 " * 800, TOO_SHORT),
        ("digits-only", " ".join(str(n * 7919 % 100_000) for n in range(3000)), TOO_SHORT),
    ],
)
async def test_junk_pastes_get_a_clear_reply(
    real_env: BotEnv, name: str, text: str, expected: str
) -> None:
    assert await _last(real_env, text) == expected, name
    # ... and the bot keeps working.
    assert "English · " in await _last(real_env, article_text())


async def test_one_megabyte_paste(real_env: BotEnv) -> None:
    reply = await _last(real_env, _big_paste(1_000_000))
    assert "English · " in reply
    parse_telegram_html(reply)
    [cut] = [t for t in real_env.api.chat_texts(USER) if t.startswith("That&#x27;s a very long")]
    assert "100,000 characters" in cut


async def test_zero_width_and_rtl_inside_an_article_are_not_echoed(real_env: BotEnv) -> None:
    spiked = article_text().replace(" the ", " the\u200b\u202e ").replace(".", ".\u2066\u200f")
    reply = await _last(real_env, spiked)
    assert "English · " in reply
    assert not any(c in reply for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# --- Telegram formatting safety ---------------------------------------------------------------

NASTY = [
    "The x < y && a > b test & the <b>bold</b> claim were rejected by the council on Monday.",
    'Officials wrote </blockquote><a href="javascript:alert(1)">click</a> in the memo, '
    "which &amp; &lt; &#60; &#x3C; &unknown; &; were all quoted in the report today.",
    "\u201cWe will not accept </blockquote> <i>tags</i> & entities like &amp;lt; here,\u201d "
    "said Mayor Helen Okafor after the long vote in the town hall.",
    "A reader sent <script>alert('x')</script> and <tg-spoiler>secrets</tg-spoiler> to the "
    "newsroom, which published the full letter on its website.",
]


def _nasty_article() -> str:
    return "Council <rejects> & delays vote\n\n" + "\n\n".join(NASTY + list(ARTICLE_PARAGRAPHS))


def _nasty_page() -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in NASTY + list(ARTICLE_PARAGRAPHS))
    title = html.escape("Council <rejects> & delays </blockquote> vote")
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>"
    )


async def test_html_breaking_paste_renders_safely(real_env: BotEnv) -> None:
    env = real_env
    for length in ("3", "20%"):
        await env.store.set_chat_settings(USER, ChatSettings(length=length))
        reply = await _last(env, _nasty_article())
        visible = parse_telegram_html(reply)  # what Telegram would accept and show
        assert "English · " in visible
        assert "<b>bold</b>" in visible or "</blockquote>" in visible or "&" in visible


async def test_html_breaking_page_renders_safely_over_http(
    api: FakeTelegram, tmp_path: Path
) -> None:
    with PageServer() as pages:
        url = pages.route("/nasty", html_page(_nasty_page()))
        async with running_bot(e2e_settings(api, tmp_path)):
            [reply] = await ask(api, url, chat_id=USER)
    # The fake server rejected nothing (it answers 400 for bad HTML): the reply arrived whole.
    visible = parse_telegram_html(reply)
    assert "Council <rejects> & delays </blockquote> vote" in visible
    assert "English · " in visible


# --- authority --------------------------------------------------------------------------------


def _bot_message(env: BotEnv, chat_id: int) -> dict[str, Any]:
    key = max(k for k in env.api.messages if k[0] == chat_id)
    return {k: v for k, v in env.api.messages[key].items() if k not in ("text_html", "params")}


async def test_non_admins_cannot_change_group_settings(fake_env: BotEnv) -> None:
    env = fake_env
    env.api.members[(GROUP, ADMIN)] = "administrator"
    group = {"chat_type": "supergroup"}
    assert await _last(env, "/settings", GROUP, user_id=MEMBER, **group) == texts.ONLY_ADMINS
    await _last(env, "/settings", GROUP, user_id=ADMIN, **group)
    admin_message = _bot_message(env, GROUP)
    for data in ("set:auto_summary:1", "set:length:7", "set:quotes:0", "set:language:ru"):
        await env.send(
            callback_query=env.api.make_callback(data, message=admin_message, user_id=MEMBER)
        )
        assert env.api.sent("answerCallbackQuery")[-1]["text"] == texts.ONLY_ADMINS
    assert await env.store.get_chat_settings(GROUP) == ChatSettings()
    # Forged button data from an admin is rejected too.
    for data in ("set:length:999", "set:quotes:maybe", "set:owner:1", "set:a:b:c", "x" * 64):
        await env.send(
            callback_query=env.api.make_callback(data, message=admin_message, user_id=ADMIN)
        )
    assert await env.store.get_chat_settings(GROUP) == ChatSettings()
    assert not any(TOKEN in str(p) for p in env.api.sent())


@pytest.mark.parametrize(
    "command", ["/stats", "/block 42", "/unblock 42", "/block@newsbrief_test_bot 42"]
)
async def test_owner_commands_refuse_everyone_else(fake_env: BotEnv, command: str) -> None:
    env = fake_env
    if "unblock" in command:
        await env.store.block(42)
    assert await _last(env, command, USER) == texts.OWNER_ONLY
    assert await _last(env, command, GROUP, user_id=ADMIN, chat_type="supergroup") == (
        texts.OWNER_ONLY
    )
    assert await env.store.is_blocked(42) == ("unblock" in command)
    assert await _last(env, command, OWNER) != texts.OWNER_ONLY


# --- abuse: floods ----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_flood_of_1000_messages_in_a_minute(fake_env: BotEnv) -> None:
    env = fake_env
    settings = env.app.bot_data["deps"].settings
    clock = Clock()
    env.app.bot_data["deps"].quota = RequestQuota(
        BucketSpec(settings.rate_user_burst, settings.rate_user_per_minute),
        BucketSpec(settings.rate_chat_burst, settings.rate_chat_per_minute),
        MemorySharedState(clock),
    )
    group = {"chat_type": "supergroup"}
    flood_replies_before = len(env.api.sent())
    for i in range(1000):
        clock.now += 0.06  # 1,000 messages in 60 s
        target = (USER, {}) if i % 2 else (GROUP, {"user_id": USER, **group})
        await env.send(
            message=env.api.make_message(
                f"/summary https://news.example/{i}",
                chat_id=target[0],
                **{"user_id": USER, **target[1]},
            )
        )
        if i % 100 == 50:  # other people keep being served, in private and in the group
            await _last(env, "/summary https://news.example/other", OTHER)
            await _last(env, "/summary https://news.example/group", GROUP, user_id=MEMBER, **group)
    flood_calls = [c for c in env.pipeline.calls if "other" not in c[1] and "group" not in c[1]]
    allowed = settings.rate_user_burst + settings.rate_user_per_minute  # burst + one minute
    assert len(flood_calls) <= allowed
    notices = [p for p in env.api.sent()[flood_replies_before:] if p["text"] == texts.SLOW_DOWN]
    assert len(notices) == 1
    others = [c for c in env.pipeline.calls if c[1].endswith(("/other", "/group"))]
    assert len(others) == 2  # cached after the first fetch each, yet every request answered
    assert sum("Council approves" in t for t in env.api.chat_texts(OTHER)) == 10
    group_replies = [
        p
        for p in env.api.sent()
        if p["chat_id"] == GROUP and p.get("reply_parameters", {}).get("message_id") is not None
    ]
    assert group_replies  # the group got its summaries despite the flooder in it
