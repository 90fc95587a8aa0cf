"""SQLite `Store` (default): one file, WAL journal, every write in its own transaction."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from bot.storage.base import ChatSettings, EveryNth, StoreError
from bot.storage.codec import dump_summary, read_settings_row, read_summary_row
from summaries.models import Summary

_LOG = logging.getLogger(__name__)

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS chat_settings (
        chat_id INTEGER PRIMARY KEY, data TEXT NOT NULL, updated REAL NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS summary_cache (
        key TEXT PRIMARY KEY, data TEXT NOT NULL, expires REAL NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS summary_cache_expires ON summary_cache (expires)",
    "CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS chats (chat_id INTEGER PRIMARY KEY, last_seen REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS blocked (subject_id INTEGER PRIMARY KEY, since REAL NOT NULL)",
)


#: Cached summaries kept at most (plus up to TRIM_EVERY between trims); the soonest to expire
#: go first. About 3 KB each, so the cache stays near 30 MB however many links are summarised.
MAX_CACHE_ROWS = 10_000
#: Trim the cache after this many writes (counting rows on every write would cost more).
TRIM_EVERY = 64


class SQLiteStore:
    """A `Store` on one SQLite file.

    The connection runs in autocommit mode and every write is an explicit
    `BEGIN IMMEDIATE … COMMIT`, so a crash at any point leaves the previous or the new row,
    never half of one; WAL lets readers proceed during a write.
    """

    def __init__(
        self,
        path: str | Path,
        clock: Callable[[], float] = time.time,
        busy_timeout_s: float = 5,
        max_cache_rows: int = MAX_CACHE_ROWS,
    ) -> None:
        self._path = Path(path)
        self.max_cache_rows = max_cache_rows
        self._trim = EveryNth(TRIM_EVERY)
        self._clock = clock
        self._busy_timeout_s = busy_timeout_s
        self._db: aiosqlite.Connection | None = None
        # One connection is shared by every handler; transactions on it must not interleave.
        self._write_lock = asyncio.Lock()

    async def open(self) -> None:
        """Create the data directory, the file and the tables."""
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            db = await aiosqlite.connect(
                self._path, timeout=self._busy_timeout_s, isolation_level=None
            )
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open {self._path}: {exc}") from exc
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA synchronous=NORMAL")
            for statement in _SCHEMA:
                await db.execute(statement)
        except (sqlite3.Error, OSError) as exc:
            # aiosqlite's worker thread is not a daemon: left open, it keeps the process
            # alive after the start-up error is printed.
            await db.close()
            raise StoreError(f"cannot open {self._path}: {exc}") from exc
        self._db = db

    async def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    def _conn(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("store is not open")
        return self._db

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        db = self._conn()
        async with self._write_lock:
            try:
                await db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                    await db.execute("COMMIT")
                except BaseException:
                    await self._rollback(db)
                    raise
            except (sqlite3.Error, OSError) as exc:
                raise StoreError(str(exc)) from exc

    @staticmethod
    async def _rollback(db: aiosqlite.Connection) -> None:
        """Undo an open transaction without hiding the error that caused it.

        SQLite has already rolled back after SQLITE_FULL or an I/O error, and a second ROLLBACK
        would raise "no transaction is active" in place of "database or disk is full".
        """
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                await db.execute("ROLLBACK")

    async def _fetchone(self, sql: str, params: tuple[object, ...]) -> sqlite3.Row | None:
        try:
            async with self._conn().execute(sql, params) as cur:
                return await cur.fetchone()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(str(exc)) from exc

    async def ping(self) -> None:
        """One cheap query (the health check)."""
        await self._fetchone("SELECT 1", ())

    async def get_chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings, or the defaults (also for an unreadable row)."""
        row = await self._fetchone("SELECT data FROM chat_settings WHERE chat_id = ?", (chat_id,))
        return ChatSettings() if row is None else read_settings_row(row[0], chat_id)

    async def set_chat_settings(self, chat_id: int, settings: ChatSettings) -> None:
        """Replace the chat's settings in one transaction."""
        async with self._write() as db:
            await db.execute(
                "INSERT INTO chat_settings (chat_id, data, updated) VALUES (?, ?, ?) "
                "ON CONFLICT(chat_id) DO UPDATE "
                "SET data = excluded.data, updated = excluded.updated",
                (chat_id, json.dumps(settings.to_record()), self._clock()),
            )

    async def get_summary(self, key: str) -> Summary | None:
        """A cached summary that has not expired, or None."""
        row = await self._fetchone(
            "SELECT data FROM summary_cache WHERE key = ? AND expires > ?", (key, self._clock())
        )
        return None if row is None else read_summary_row(row[0])

    async def put_summary(self, key: str, summary: Summary, ttl_s: float) -> None:
        """Cache a summary for `ttl_s` seconds (and drop expired rows on the way)."""
        now = self._clock()
        async with self._write() as db:
            await db.execute("DELETE FROM summary_cache WHERE expires <= ?", (now,))
            await db.execute(
                "INSERT OR REPLACE INTO summary_cache (key, data, expires) VALUES (?, ?, ?)",
                (key, dump_summary(summary), now + ttl_s),
            )
            if self._trim.due():
                await db.execute(
                    "DELETE FROM summary_cache WHERE key IN (SELECT key FROM summary_cache "
                    "ORDER BY expires DESC LIMIT -1 OFFSET ?)",
                    (self.max_cache_rows,),
                )

    async def cache_size(self) -> int:
        """How many summaries the cache holds (expired ones included until purged)."""
        row = await self._fetchone("SELECT COUNT(*) FROM summary_cache", ())
        return int(row[0]) if row else 0

    async def purge_expired(self) -> int:
        """Delete expired cache rows; returns how many were deleted."""
        async with self._write() as db:
            cur = await db.execute(
                "DELETE FROM summary_cache WHERE expires <= ?", (self._clock(),)
            )
            return cur.rowcount

    async def incr(self, counter: str, by: int = 1) -> None:
        """Add to a named counter."""
        async with self._write() as db:
            await db.execute(
                "INSERT INTO counters (name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
                (counter, by),
            )

    async def counters(self) -> dict[str, int]:
        """Every counter by name."""
        try:
            async with self._conn().execute("SELECT name, value FROM counters") as cur:
                return {str(name): int(value) for name, value in await cur.fetchall()}
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(str(exc)) from exc

    async def touch_chat(self, chat_id: int) -> None:
        """Remember that a chat used the bot."""
        async with self._write() as db:
            await db.execute(
                "INSERT OR REPLACE INTO chats (chat_id, last_seen) VALUES (?, ?)",
                (chat_id, self._clock()),
            )

    async def count_chats(self) -> int:
        """How many distinct chats used the bot."""
        row = await self._fetchone("SELECT COUNT(*) FROM chats", ())
        return int(row[0]) if row else 0

    async def block(self, subject_id: int) -> None:
        """Block a chat or user id."""
        async with self._write() as db:
            await db.execute(
                "INSERT OR IGNORE INTO blocked (subject_id, since) VALUES (?, ?)",
                (subject_id, self._clock()),
            )

    async def unblock(self, subject_id: int) -> bool:
        """Unblock an id; True when it was blocked."""
        async with self._write() as db:
            cur = await db.execute("DELETE FROM blocked WHERE subject_id = ?", (subject_id,))
            return cur.rowcount > 0

    async def is_blocked(self, *subject_ids: int) -> bool:
        """True when any of the ids is blocked."""
        if not subject_ids:
            return False
        marks = ",".join("?" * len(subject_ids))
        row = await self._fetchone(
            f"SELECT 1 FROM blocked WHERE subject_id IN ({marks}) LIMIT 1",  # noqa: S608
            tuple(subject_ids),
        )
        return row is not None
