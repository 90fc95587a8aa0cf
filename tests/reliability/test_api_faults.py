"""Bot API faults over real HTTP: 429, 5xx, resets, slow answers and unparsable updates."""

from __future__ import annotations

import asyncio
import io
import time
from pathlib import Path

from telegram.error import BadRequest, NetworkError, TimedOut

from bot import texts
from bot.apiretry import (
    TRACKED_CALL,
    RetryingRateLimiter,
    RetryPolicy,
    TrackedCall,
    is_transient,
)
from bot.app import build_deps
from bot.storage.memory import MemoryStore
from tests.support.articles import article_text
from tests.support.bot_env import FakePipeline, ask, done, e2e_settings, running_bot
from tests.support.fake_bot_api import FakeTelegram, Fault

ANN, BOB, CY = 8101, 8102, 8103


def replies_ok(api: FakeTelegram, *chats: int) -> bool:
    """Every chat has exactly one finished summary."""
    return all(
        (out := api.chat_texts(c)) and len(out) == 1 and "English · " in out[0] for c in chats
    )


async def test_5xx_and_resets_on_send_are_retried_once_each(
    api: FakeTelegram, tmp_path: Path, logs: io.StringIO
) -> None:
    api.inject(
        "sendMessage",
        Fault(status=500, chat_id=ANN),
        Fault(status=502, chat_id=ANN),
        Fault(reset=True, chat_id=ANN),
    )
    api.inject("editMessageText", Fault(status=503, chat_id=BOB), Fault(reset=True, chat_id=BOB))
    # No grace: every request takes the slow path (status, then the edit that is faulted).
    async with running_bot(e2e_settings(api, tmp_path, status_grace_s=0)):
        for chat in (ANN, BOB, CY):
            api.queue(message=api.make_message(article_text(), chat_id=chat, user_id=chat))
        await api.wait_for(lambda a: replies_ok(a, ANN, BOB, CY), within_s=20)
    assert len(api.faulted) == 5
    # Each reply was posted once: the failed attempts never reached the chat.
    for chat in (ANN, BOB, CY):
        assert len(api.chat_texts(chat)) == 1
    out = logs.getvalue()
    assert "sendMessage failed" in out
    assert "retry 3 of 3" in out


async def test_429_waits_retry_after_then_delivers(
    api: FakeTelegram, tmp_path: Path, logs: io.StringIO
) -> None:
    api.inject("sendMessage", Fault(status=429, retry_after=1, chat_id=ANN))
    async with running_bot(e2e_settings(api, tmp_path)):
        started = time.perf_counter()
        await ask(api, article_text(), chat_id=ANN)
        await ask(api, article_text(), chat_id=BOB)
    assert time.perf_counter() - started >= 1.0
    [(first, fault)] = api.faulted
    retried = [c for c in api.calls if c.method == "sendMessage" and c.params["chat_id"] == ANN]
    assert retried[1].at - first.at >= 1.0  # waited at least retry_after
    assert len(api.chat_texts(ANN)) == 1


async def test_persistent_failure_is_bounded_and_other_chats_still_served(
    api: FakeTelegram, tmp_path: Path, logs: io.StringIO
) -> None:
    # Telegram keeps failing for one chat: the bot gives up after its retries, logs, and
    # keeps serving everyone else.
    api.inject("sendMessage", *[Fault(status=502, chat_id=ANN)] * 20)
    api.inject("editMessageText", *[Fault(status=502, chat_id=ANN)] * 20)
    quick = RetryingRateLimiter(max_retries=3, retry=RetryPolicy(base_delay_s=0.05))
    # A long grace keeps every request on the fast path (no status message), even on a busy
    # machine, so the count of failed calls below is exact.
    settings = e2e_settings(api, tmp_path, status_grace_s=60)
    async with running_bot(settings, rate_limiter=quick):
        api.queue(message=api.make_message(article_text(), chat_id=ANN, user_id=ANN))
        await ask(api, article_text(), chat_id=BOB)
        # The reply (4 tries), then the error notice (4): then the bot stops trying.
        await api.wait_for(lambda a: len(a.faulted) >= 8, within_s=20)
        await asyncio.sleep(0.5)
        assert len(api.faulted) == 8
        await ask(api, article_text(), chat_id=CY)
    assert not api.chat_texts(ANN)
    assert "unhandled error" in logs.getvalue()


async def test_slow_api_answer_for_one_chat_does_not_hold_up_others(
    api: FakeTelegram, tmp_path: Path, logs: io.StringIO
) -> None:
    api.inject("sendMessage", Fault(delay_s=3.0, chat_id=ANN))
    async with running_bot(e2e_settings(api, tmp_path)):
        api.queue(message=api.make_message(article_text(), chat_id=ANN, user_id=ANN))
        await api.wait_for(lambda a: a.faulted, within_s=5)
        [bob] = await ask(api, article_text(), chat_id=BOB)
        assert "English · " in bob
        assert not api.chat_texts(ANN)  # Ann's reply is still on its way
        await api.wait_for(done(ANN), within_s=10)


async def test_get_updates_faults_do_not_stop_polling(
    api: FakeTelegram, tmp_path: Path, logs: io.StringIO
) -> None:
    api.inject("getUpdates", Fault(status=502), Fault(reset=True))
    api.queue(message=api.make_message(article_text(), chat_id=BOB, user_id=BOB))
    async with running_bot(e2e_settings(api, tmp_path)):
        await api.wait_for(done(BOB), within_s=20)
        assert len(api.faulted) == 2
        await ask(api, article_text(), chat_id=ANN)
    assert "Exception happened while polling" in logs.getvalue()


async def test_one_bad_update_in_a_batch_does_not_drop_the_rest(
    api: FakeTelegram, tmp_path: Path, logs: io.StringIO
) -> None:
    pipeline = FakePipeline()

    async def explode(url: str) -> None:
        if "explode" in url:
            raise RuntimeError("a bug in one handler")

    pipeline.on_url = explode
    settings = e2e_settings(api, tmp_path)
    deps = build_deps(settings, store=MemoryStore(), pipeline=pipeline)
    # One batch: a good update, one that does not parse, one whose handler crashes, a good one.
    api.queue(message=api.make_message("https://news.example/a", chat_id=ANN, user_id=ANN))
    api.queue_raw(
        {
            "update_id": api._next_update_id + 1,  # noqa: SLF001
            "message": {"message_id": "x", "date": 0, "chat": "broken"},
        }
    )
    api.queue(message=api.make_message("https://news.example/explode", chat_id=BOB, user_id=BOB))
    api.queue(message=api.make_message("https://news.example/c", chat_id=CY, user_id=CY))
    async with running_bot(settings, deps):
        await api.wait_for(lambda a: all(done(c)(a) for c in (ANN, BOB, CY)), within_s=10)
    assert "Council approves" in api.chat_texts(ANN)[0]
    assert "Council approves" in api.chat_texts(CY)[0]
    assert api.chat_texts(BOB) == [texts.SOMETHING_WRONG]
    out = logs.getvalue()
    assert "could not be parsed" in out
    assert "unhandled error" in out


async def test_tracked_call_is_queued_then_sent_in_its_own_task_only() -> None:
    limiter = RetryingRateLimiter()
    tracked = TrackedCall()
    seen: list[tuple[bool, bool]] = []

    async def callback() -> bool:
        seen.append((tracked.queued, tracked.sent))
        return True

    async def call() -> object:
        TRACKED_CALL.set(tracked)
        return await limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": 1}, None)

    assert not tracked.withdrawable
    assert await asyncio.create_task(call()) is True
    assert seen == [(True, True)]  # marked sent before the request went out
    assert not tracked.withdrawable
    assert TRACKED_CALL.get() is None  # the task set its own copy of the context


def test_what_is_retried() -> None:
    assert is_transient(NetworkError("Bad Gateway"), "sendMessage")
    assert not is_transient(BadRequest("message is too long"), "sendMessage")
    # A timed-out send may have been delivered: only idempotent calls repeat it.
    assert not is_transient(TimedOut(), "sendMessage")
    assert is_transient(TimedOut(), "editMessageText")
    policy = RetryPolicy(retries=5, base_delay_s=0.5, max_delay_s=2.0, jitter=0.0)
    assert [policy.delay(i) for i in range(5)] == [0.5, 1.0, 2.0, 2.0, 2.0]
