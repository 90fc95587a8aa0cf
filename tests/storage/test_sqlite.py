"""SQLiteStore against a real file: WAL, unreadable rows, locking, crash safety, the cache bound
(the contract every backend shares is in test_store_contract.py)."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
import textwrap
from pathlib import Path

import pytest

from bot.storage.base import ChatSettings, StoreError
from bot.storage.factory import store_for_url
from bot.storage.memory import MemoryStore
from bot.storage.postgres import PostgresStore
from bot.storage.sqlite import SQLiteStore
from tests.support.storage import summary

ROOT = Path(__file__).resolve().parents[2]


async def test_settings_survive_reopen_and_use_wal(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = SQLiteStore(path)
    await first.open()
    await first.set_chat_settings(5, ChatSettings(length="7"))
    await first.close()
    second = SQLiteStore(path)
    await second.open()
    assert (await second.get_chat_settings(5)).length == "7"
    await second.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_unreadable_rows_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = SQLiteStore(path)
    await store.open()
    await store.set_chat_settings(1, ChatSettings())
    await store.put_summary("k", summary(), 60)
    with sqlite3.connect(path) as conn:
        conn.execute('UPDATE chat_settings SET data = \'{"length": "99"}\'')
        conn.execute("UPDATE summary_cache SET data = '{\"v\": 999}'")
    assert await store.get_chat_settings(1) == ChatSettings()
    assert await store.get_summary("k") is None
    await store.close()


async def test_rows_from_before_the_interface_setting_still_load(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = SQLiteStore(path)
    await store.open()
    await store.set_chat_settings(1, ChatSettings())
    old_row = '{"length": "7", "quotes": false, "language": "de", "algorithm": "lsa"}'
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE chat_settings SET data = ?", (old_row,))
    assert await store.get_chat_settings(1) == ChatSettings(
        length="7", quotes=False, language="de", algorithm="lsa", interface="auto"
    )
    await store.close()


async def test_locked_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = SQLiteStore(path, busy_timeout_s=0.1)
    await store.open()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError):
            await store.set_chat_settings(1, ChatSettings(length="5"))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    await store.set_chat_settings(1, ChatSettings(length="5"))
    assert (await store.get_chat_settings(1)).length == "5"
    await store.close()


def test_store_for_url() -> None:
    assert isinstance(store_for_url("memory://"), MemoryStore)
    assert isinstance(store_for_url("sqlite:///data/x.sqlite3"), SQLiteStore)
    assert isinstance(store_for_url("/var/lib/newsbrief/x.sqlite3"), SQLiteStore)
    assert isinstance(store_for_url("postgresql://u@db:5432/x"), PostgresStore)
    assert isinstance(store_for_url("postgres://db/x"), PostgresStore)
    with pytest.raises(StoreError):
        store_for_url("mysql://db/x")


_WRITER = textwrap.dedent(
    """
    import asyncio, sys
    from bot.storage.base import ChatSettings
    from bot.storage.sqlite import SQLiteStore

    async def main():
        store = SQLiteStore(sys.argv[1])
        await store.open()
        i = 0
        while True:
            length = ("3", "5", "7", "20%")[i % 4]
            await store.set_chat_settings(i % 50, ChatSettings(length=length))
            i += 1
            if i == 200:
                print("ready", flush=True)

    asyncio.run(main())
    """
)


async def test_kill_9_during_writes_leaves_a_consistent_db(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _WRITER,
        str(path),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), 30)
        assert line.strip() == b"ready"
    finally:
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = SQLiteStore(path)
    await store.open()
    for chat in range(50):
        assert (await store.get_chat_settings(chat)).length in ("3", "5", "7", "20%")
    await store.close()


async def test_cache_is_bounded(tmp_path: Path) -> None:
    from bot.storage.sqlite import TRIM_EVERY
    from tests.support.bot_env import make_summary

    clock = [1000.0]
    store = SQLiteStore(tmp_path / "db.sqlite3", clock=lambda: clock[0], max_cache_rows=50)
    await store.open()
    summary = make_summary()
    for i in range(300):
        clock[0] += 1
        await store.put_summary(f"k{i}", summary, 3600)
        assert await store.cache_size() <= 50 + TRIM_EVERY
    # The newest entries survive; the oldest went first.
    assert await store.get_summary("k299") is not None
    assert await store.get_summary("k0") is None
    await store.close()


async def test_memory_cache_is_bounded() -> None:
    from tests.support.bot_env import make_summary

    store = MemoryStore(max_cache_entries=10)
    for i in range(100):
        await store.put_summary(f"k{i}", make_summary(), 3600 + i)
    assert await store.cache_size() == 10
    assert await store.get_summary("k99") is not None
