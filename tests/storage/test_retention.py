"""Deleting on time what users sent (`bot.retention`): paste parts after 10 minutes and
finished updates after 24 h, on a quiet bot too, in memory and on real PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import psycopg

from bot.app import SWEEPER_KEY
from bot.handlers.basic import message_keeping, privacy_text
from bot.i18n import texts_for
from bot.retention import RetentionSweeper, sweeps_for
from bot.storage.memory import MemoryStore
from bot.storage.postgres import PostgresStore
from bot.storage.shared import (
    KEEP_IDLE_BUCKETS_S,
    KEEP_PASTE_PARTS_S,
    BucketRow,
    MemorySharedState,
)
from bot.storage.shared_postgres import PostgresSharedState
from bot.updatequeue import KEEP_FINISHED_S, UpdateQueue
from tests.support.bot_env import USER, e2e_settings, running_bot
from tests.support.fake_bot_api import FakeTelegram
from tests.support.waiting import eventually


async def test_memory_forgets_old_parts_without_another_write() -> None:
    now = [0.0]
    state = MemorySharedState(clock=lambda: now[0])
    await state.add_paste_part(1, 10, 100, "an old part of a paste")
    await state.set_admin(1, 10, is_admin=True, ttl_s=300)
    await state.update_buckets(["user:10"], lambda rows, t: ({"user:10": BucketRow(5, t)}, None))
    now[0] = 500.0
    await state.add_paste_part(2, 20, 200, "a recent part")
    now[0] = KEEP_PASTE_PARTS_S + 1
    await state.forget_expired()
    assert not await state.in_paste(1, 10, 100)
    assert await state.in_paste(2, 20, 200)
    assert state._pastes == {(2, 20): state._pastes[(2, 20)]}  # noqa: SLF001 - nothing left over
    assert state._admins == {}  # noqa: SLF001
    assert state._buckets  # noqa: SLF001 - a bucket used 10 minutes ago stays
    now[0] = KEEP_IDLE_BUCKETS_S + 1
    await state.forget_expired()
    assert state._buckets == {}  # noqa: SLF001 - idle for a day: forgotten


async def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    async with await psycopg.AsyncConnection.connect(url) as conn:
        cursor = await conn.execute(sql.encode())
        return await cursor.fetchall()


async def _age(url: str) -> None:
    """Move the old rows past their keeping periods, as if time had passed."""
    async with await psycopg.AsyncConnection.connect(url) as conn:
        await conn.execute(
            "UPDATE paste_parts SET arrived = arrived - %s WHERE message_id = 100",
            (KEEP_PASTE_PARTS_S + 1,),
        )
        await conn.execute(
            "UPDATE update_jobs SET finished_at = finished_at - make_interval(secs => %s)"
            " WHERE update_id = 1",
            (KEEP_FINISHED_S + 1,),
        )


async def _fill(store: PostgresStore) -> None:
    shared = PostgresSharedState(store)
    await shared.add_paste_part(1, 10, 100, "an old part of a paste")
    await shared.add_paste_part(2, 20, 200, "a recent part")
    queue = UpdateQueue(store)
    for update_id in (1, 2):
        await queue.enqueue(update_id, {"update_id": update_id})
    await queue.claim("w", 10, 30)
    for update_id in (1, 2):
        await queue.complete("w", update_id)


async def test_postgres_sweep_deletes_only_what_is_past_its_period(pg_url: str) -> None:
    store = PostgresStore(pg_url)
    await store.open()
    try:
        await _fill(store)
        await _age(pg_url)
        sweeper = RetentionSweeper(sweeps_for(store, PostgresSharedState(store)))
        await sweeper.sweep_once()
    finally:
        await store.close()
    assert await _rows(pg_url, "SELECT message_id FROM paste_parts") == [(200,)]
    assert await _rows(pg_url, "SELECT update_id FROM update_jobs") == [(2,)]


def test_sqlite_and_memory_stores_have_no_queue_to_sweep() -> None:
    shared = MemorySharedState()
    assert sweeps_for(MemoryStore(), shared) == (shared.forget_expired,)


async def test_the_running_bot_sweeps_on_its_own(
    api: FakeTelegram, pg_url: str, tmp_path: Path
) -> None:
    store = PostgresStore(pg_url)
    await store.open()
    try:
        await _fill(store)
        await _age(pg_url)
    finally:
        await store.close()
    settings = e2e_settings(api, tmp_path, database_url=pg_url)
    async with running_bot(settings) as app:
        assert isinstance(app.bot_data[SWEEPER_KEY], RetentionSweeper)
        deadline = time.monotonic() + 10
        while await _rows(pg_url, "SELECT update_id FROM update_jobs") != [(2,)]:
            assert time.monotonic() < deadline, "the finished update was not swept"
            await asyncio.sleep(0.05)
        assert await _rows(pg_url, "SELECT message_id FROM paste_parts") == [(200,)]
        # polling with PostgreSQL: /privacy names the paste parts in the database, no queue
        api.queue(message=api.make_message("/privacy", chat_id=USER, user_id=USER))
        await eventually(lambda: api.sent("sendMessage"), within_s=10)
        reply = api.sent("sendMessage")[-1]["text"]
        assert "split wait in my database and are deleted after 10 minutes" in reply
        assert "until they are answered" not in reply


def test_only_webhook_replicas_on_postgresql_queue_messages() -> None:
    assert message_keeping(shared_in_database=False, webhook=False) == "memory"
    assert message_keeping(shared_in_database=False, webhook=True) == "memory"
    assert message_keeping(shared_in_database=True, webhook=False) == "paste_parts_in_database"
    assert message_keeping(shared_in_database=True, webhook=True) == "queue_in_database"
    reply = privacy_text(texts_for("en"), 21600, "queue_in_database")
    assert "wait in my database until they are answered" in reply
    assert "(one that cannot be answered, after 1 day)" in reply
