"""The `Store` contract, run against every backend: SQLite file, memory, real PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.storage.base import ChatSettings
from bot.storage.memory import MemoryStore
from bot.storage.postgres import PostgresStore
from bot.storage.sqlite import SQLiteStore
from tests.support.bot_env import make_summary
from tests.support.storage import Clock, summary


@pytest.fixture(params=["sqlite", "memory", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Any]:
    clock = Clock()
    s: Any
    if request.param == "sqlite":
        s = SQLiteStore(tmp_path / "sub" / "db.sqlite3", clock=clock, max_cache_rows=50)
    elif request.param == "memory":
        s = MemoryStore(clock=clock, max_cache_entries=50)
    else:
        s = PostgresStore(request.getfixturevalue("pg_url"), clock=clock, max_cache_rows=50)
    await s.open()
    s.clock = clock
    yield s
    await s.close()


async def test_settings_default_and_roundtrip(store: Any) -> None:
    assert await store.get_chat_settings(-1) == ChatSettings()
    chosen = ChatSettings(
        length="20%",
        quotes=False,
        language="fr",
        algorithm="lsa",
        auto_summary=True,
        interface="ar",
    )
    await store.set_chat_settings(-1, chosen)
    await store.set_chat_settings(-1, chosen)
    assert await store.get_chat_settings(-1) == chosen
    assert await store.get_chat_settings(-2) == ChatSettings()


async def test_summary_cache_roundtrip_and_ttl(store: Any) -> None:
    s = summary()
    await store.put_summary("k", s, ttl_s=60)
    assert await store.get_summary("k") == s
    got = await store.get_summary("k")
    assert got.attribution.published == dt.date(2023, 1, 31)
    store.clock.now += 61
    assert await store.get_summary("k") is None
    await store.put_summary("k2", s, ttl_s=10)
    store.clock.now += 11
    assert await store.purge_expired() >= 1


async def test_counters_chats_blocklist(store: Any) -> None:
    await store.ping()
    await store.incr("served")
    await store.incr("served", 2)
    await store.incr("error:PageNotFound")
    assert await store.counters() == {"served": 3, "error:PageNotFound": 1}
    for chat in (1, 2, 1):
        await store.touch_chat(chat)
    assert await store.count_chats() == 2
    await store.block(42)
    await store.block(42)
    assert await store.is_blocked(7, 42)
    assert not await store.is_blocked(7)
    assert not await store.is_blocked()
    assert await store.unblock(42) is True
    assert await store.unblock(42) is False
    assert not await store.is_blocked(42)


async def test_concurrent_writers(store: Any) -> None:
    await asyncio.gather(
        *(store.incr("served") for _ in range(50)),
        *(store.touch_chat(i) for i in range(50)),
        *(store.set_chat_settings(i, ChatSettings(length="5")) for i in range(20)),
    )
    assert (await store.counters())["served"] == 50
    assert await store.count_chats() == 50
    assert (await store.get_chat_settings(19)).length == "5"


async def test_cache_is_bounded_newest_survive(store: Any) -> None:
    made = make_summary()
    for i in range(300):
        store.clock.now += 1
        await store.put_summary(f"k{i}", made, 3600)
        assert await store.cache_size() <= 50 + 64  # bound + one trim interval
    assert await store.get_summary("k299") is not None
    assert await store.get_summary("k0") is None
