"""The durable update queue on real PostgreSQL: redelivery, SKIP LOCKED claims, leases taken over
after a worker dies, poison updates, the reply journal, and workers draining the queue."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import psycopg
import pytest
from telegram import Message

from bot.apiretry import RetryingRateLimiter
from bot.journal import CURRENT_JOB, JobReplies, journaled, replayable
from bot.sendpacing import SendLimits, SendPacer
from bot.storage.postgres import PostgresStore
from bot.updatequeue import MAX_ATTEMPTS, ClaimedUpdate, UpdateQueue, UpdateWorkers
from tests.support.waiting import eventually


@pytest.fixture
async def queue(pg_url: str) -> AsyncIterator[UpdateQueue]:
    store = PostgresStore(pg_url)
    await store.open()
    try:
        yield UpdateQueue(store)
    finally:
        await store.close()


async def test_redelivered_update_is_queued_once(queue: UpdateQueue) -> None:
    assert await queue.enqueue(1, {"update_id": 1}) is True
    assert await queue.enqueue(1, {"update_id": 1}) is False
    [job] = await queue.claim("w1", 10, 30)
    assert job == ClaimedUpdate(1, {"update_id": 1}, 1)
    await queue.complete("w1", 1)
    assert await queue.enqueue(1, {"update_id": 1}) is False  # done: still not again
    assert await queue.claim("w1", 10, 30) == []


async def test_webhook_commits_do_not_wait_for_the_jobs_connections(pg_url: str) -> None:
    """With every connection of the main pool taken by jobs, an update is still committed at
    once (Telegram gets its 200), on the express lane."""
    store = PostgresStore(pg_url, pool_size=1, timeout_s=1.0)
    await store.open()
    try:
        queue = UpdateQueue(store)
        async with store.pool.connection():  # the jobs' only connection is busy
            started = asyncio.get_running_loop().time()
            assert await queue.enqueue(1, {"update_id": 1}) is True
            assert asyncio.get_running_loop().time() - started < 0.5
    finally:
        await store.close()


async def test_a_finished_update_keeps_no_text(queue: UpdateQueue, pg_url: str) -> None:
    paste = {"update_id": 7, "message": {"text": "a pasted article"}}
    await queue.enqueue(7, paste)
    await queue.claim("w1", 10, 30)
    await queue.complete("w1", 7)
    async with await psycopg.AsyncConnection.connect(pg_url) as conn:
        cursor = await conn.execute("SELECT state, payload FROM update_jobs WHERE update_id = 7")
        assert await cursor.fetchone() == ("done", "{}")


async def test_concurrent_claims_never_share_a_job(queue: UpdateQueue) -> None:
    for i in range(60):
        await queue.enqueue(i, {"update_id": i})
    batches = await asyncio.gather(*(queue.claim(f"w{n}", 7, 30) for n in range(10)))
    ids = [job.update_id for batch in batches for job in batch]
    assert sorted(ids) == list(range(60))  # every job once, none twice


async def test_expired_lease_is_taken_over_live_one_is_not(queue: UpdateQueue) -> None:
    await queue.enqueue(1, {"update_id": 1})
    await queue.enqueue(2, {"update_id": 2})
    claimed = await queue.claim("dead", 10, 0.3)
    assert [j.update_id for j in claimed] == [1, 2]
    await queue.renew("dead", [2], 30)  # 2 is still being renewed: alive
    await asyncio.sleep(0.5)
    [taken] = await queue.claim("alive", 10, 30)
    assert taken.update_id == 1
    assert taken.attempts == 2
    await queue.complete("dead", 1)  # the old owner's late completion changes nothing
    await queue.complete("alive", 1)
    assert await queue.claim("alive", 10, 30) == []


async def test_poison_update_is_given_up(queue: UpdateQueue) -> None:
    await queue.enqueue(9, {"update_id": 9})
    for _ in range(MAX_ATTEMPTS):
        assert len(await queue.claim("w", 1, 0.01)) == 1
        await asyncio.sleep(0.03)
    assert await queue.claim("w", 1, 0.01) == []


async def test_journal_replays_what_an_earlier_attempt_sent(queue: UpdateQueue) -> None:
    await queue.enqueue(5, {"update_id": 5})
    sent: list[dict[str, Any]] = []

    async def attempt() -> list[Any]:
        token = CURRENT_JOB.set(JobReplies(5, queue))
        try:
            results = []
            for text in ("Reading…", "summary", "summary"):
                data = {"chat_id": 1, "text": text}

                async def call(d: dict[str, Any] = data) -> dict[str, Any]:
                    sent.append(d)
                    return {"message_id": len(sent), "text": d["text"]}

                results.append(await journaled("sendMessage", data, call))
            results.append(await journaled("getChatMember", {"chat_id": 1}, _true))
            return results
        finally:
            CURRENT_JOB.reset(token)

    first = await attempt()
    second = await attempt()  # the job run again after its worker died
    assert len(sent) == 3  # nothing posted twice; the repeated identical text was sent twice
    assert [r["message_id"] for r in first[:3]] == [r["message_id"] for r in second[:3]]
    assert second[3] is True
    assert not any("text" in r for r in second[:3])  # the journal keeps ids, not replies


async def test_the_journal_keeps_a_sent_messages_ids_not_its_text() -> None:
    sent = {
        "message_id": 7,
        "date": 1_700_000_000,
        "chat": {"id": 42, "type": "group", "title": "Readers"},
        "from": {"id": 1, "is_bot": True, "first_name": "NewsBrief"},
        "text": "a sentence from someone's paste",
        "reply_to_message": {"message_id": 6, "text": "the whole paste"},
    }
    kept = replayable(sent)
    assert kept == {"message_id": 7, "date": 1_700_000_000, "chat": {"id": 42, "type": "group"}}
    assert Message.de_json(kept, None).chat_id == 42  # still a Message for PTB on replay
    assert replayable(True) is True


async def _true() -> bool:
    return True


async def test_intent_is_committed_when_the_pacer_releases_the_call(
    queue: UpdateQueue, pg_url: str
) -> None:
    """A reply waiting for its send slot has no intent yet (a replica dying then leaves nothing
    ambiguous); once released, intent and result are recorded, and a retry replays it through
    the limiter without sending."""
    await queue.enqueue(6, {"update_id": 6})
    limiter = RetryingRateLimiter(SendPacer(limits=SendLimits(per_second=1, per_group_minute=0)))
    sent: list[dict[str, Any]] = []

    async def post(data: dict[str, Any]) -> dict[str, Any]:
        sent.append(data)
        return {"message_id": len(sent)}

    async def reply(data: dict[str, Any]) -> Any:
        async def through_limiter() -> Any:
            return await limiter.process_request(post, (data,), {}, "sendMessage", data, None)

        return await journaled("sendMessage", data, through_limiter)

    async def intents() -> int:
        async with await psycopg.AsyncConnection.connect(pg_url) as conn:
            cur = await conn.execute("SELECT count(*) FROM update_replies WHERE update_id = 6")
            row = await cur.fetchone()
            return int(row[0]) if row else -1

    token = CURRENT_JOB.set(JobReplies(6, queue, intent_on_release=True))
    try:
        await reply({"chat_id": 1, "text": "first"})  # takes the second's one slot
        waiting = asyncio.create_task(reply({"chat_id": 2, "text": "second"}))
        await asyncio.sleep(0.4)
        assert not waiting.done()
        assert await intents() == 1  # only the first: the second waits for its slot
        assert await waiting == {"message_id": 2}
        assert await intents() == 2
    finally:
        CURRENT_JOB.reset(token)
    token = CURRENT_JOB.set(JobReplies(6, queue, intent_on_release=True))  # the job's retry
    try:
        assert await reply({"chat_id": 1, "text": "first"}) == {"message_id": 1}
        assert await reply({"chat_id": 2, "text": "second"}) == {"message_id": 2}
    finally:
        CURRENT_JOB.reset(token)
        await limiter.shutdown()
    assert len(sent) == 2


async def test_workers_drain_the_queue_and_take_over_a_dead_workers_jobs(
    queue: UpdateQueue,
) -> None:
    handled: list[int] = []

    async def handle(job: ClaimedUpdate) -> None:
        await asyncio.sleep(0.01)
        handled.append(job.update_id)

    # A worker that claimed two jobs and died (no renewals, never completes).
    for i in range(1, 3):
        await queue.enqueue(i, {"update_id": i})
    await queue.claim("died", 2, 1.0)
    for i in range(3, 41):
        await queue.enqueue(i, {"update_id": i})
    workers = [UpdateWorkers(queue, handle, slots=4, lease_s=3, poll_s=0.1) for _ in range(2)]
    for w in workers:
        w.start()
    try:
        await eventually(lambda: sorted(handled) == list(range(1, 41)), within_s=15)
        await queue.enqueue(41, {"update_id": 41})  # NOTIFY wakes an idle worker
        await eventually(lambda: 41 in handled, within_s=5)
    finally:
        for w in workers:
            await w.stop()
    assert sorted(handled) == list(range(1, 42))  # each exactly once
