"""PostgresStore against a real server: migrations (twice, concurrently, from several
processes), unreachable server, lost connections, and a real server restart."""

from __future__ import annotations

import asyncio
import os
import sys
import textwrap
import time
from pathlib import Path

import psycopg
import pytest

from bot.storage.base import ChatSettings, StoreError
from bot.storage.migrations import load_migrations, migrate
from bot.storage.postgres import PostgresStore, describe_url
from tests.support.postgres import private_cluster, terminate_connections

ROOT = Path(__file__).resolve().parents[2]


def test_migrations_are_numbered_files() -> None:
    found = load_migrations()
    assert [m.version for m in found] == sorted({m.version for m in found})
    assert found[0].version == 1
    assert "CREATE TABLE chat_settings" in found[0].sql


async def _applied(url: str) -> list[int]:
    async with await psycopg.AsyncConnection.connect(url) as conn:
        cur = await conn.execute("SELECT version FROM schema_migrations ORDER BY version")
        return [row[0] for row in await cur.fetchall()]


async def test_migrations_run_twice_apply_once(pg_url: str) -> None:
    async with await psycopg.AsyncConnection.connect(pg_url) as conn:
        first = await migrate(conn)
        second = await migrate(conn)
    assert first == [m.version for m in load_migrations()]
    assert second == []
    assert await _applied(pg_url) == first


async def test_migrations_concurrently_in_one_process(pg_url: str) -> None:
    stores = [PostgresStore(pg_url) for _ in range(6)]
    await asyncio.gather(*(s.open() for s in stores))
    try:
        await asyncio.gather(*(s.incr("n") for s in stores))
        assert (await stores[0].counters())["n"] == 6
    finally:
        await asyncio.gather(*(s.close() for s in stores))
    assert await _applied(pg_url) == [m.version for m in load_migrations()]


_REPLICA = textwrap.dedent(
    """
    import asyncio, sys
    from bot.storage.postgres import PostgresStore

    async def main():
        store = PostgresStore(sys.argv[1])
        await store.open()
        await store.incr("started")
        await store.close()

    asyncio.run(main())
    """
)


async def test_migrations_when_replicas_start_together(pg_url: str) -> None:
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            _REPLICA,
            pg_url,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(4)
    ]
    for proc in procs:
        _, err = await asyncio.wait_for(proc.communicate(), 60)
        assert proc.returncode == 0, err.decode()
    store = PostgresStore(pg_url)
    await store.open()
    assert (await store.counters())["started"] == 4
    await store.close()
    assert await _applied(pg_url) == [m.version for m in load_migrations()]


async def test_unreachable_server_fails_fast_with_one_line() -> None:
    store = PostgresStore("postgresql://postgres@127.0.0.1:1/nothing", timeout_s=1)
    started = time.perf_counter()
    with pytest.raises(StoreError) as caught:
        await store.open()
    assert time.perf_counter() - started < 5
    assert str(caught.value).startswith(
        "cannot open PostgreSQL at 127.0.0.1:1/nothing: not reachable"
    )
    assert "\n" not in str(caught.value)


def test_describe_url_hides_the_password() -> None:
    assert describe_url("postgresql://u:secret@db:6543/news") == "db:6543/news"
    assert describe_url("postgresql://u@db/news") == "db:5432/news"


async def test_lost_connections_are_replaced(pg_url: str) -> None:
    store = PostgresStore(pg_url, pool_size=4)
    await store.open()
    try:
        await asyncio.gather(*(store.touch_chat(i) for i in range(8)))  # fill the pool
        assert terminate_connections(pg_url) >= 1
        # Every connection the pool held is dead; the next calls still succeed.
        await store.set_chat_settings(1, ChatSettings(length="7"))
        assert (await store.get_chat_settings(1)).length == "7"
        assert await store.count_chats() == 8
    finally:
        await store.close()


@pytest.mark.slow
async def test_server_restart_fails_fast_then_recovers() -> None:
    with private_cluster() as cluster:
        store = PostgresStore(cluster.url, timeout_s=1)
        await store.open()
        try:
            await store.incr("n")
            await asyncio.to_thread(cluster.stop)
            started = time.perf_counter()
            with pytest.raises(StoreError):
                await store.incr("n")
            assert time.perf_counter() - started < 3  # fails fast, does not hang
            await asyncio.to_thread(cluster.start)
            deadline = time.monotonic() + 15
            while True:  # what the bot's callers do: retry until it answers
                try:
                    await store.incr("n")
                    break
                except StoreError:
                    assert time.monotonic() < deadline, "store did not recover"
                    await asyncio.sleep(0.2)
            assert (await store.counters())["n"] == 2
        finally:
            await store.close()
