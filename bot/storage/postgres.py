"""PostgreSQL `Store` for several replicas: psycopg 3 async over a connection pool.

Every method is one short transaction on a pooled connection. When a query finds its connection
dead (the server restarted, a proxy dropped it), every idle connection is checked and the dead
ones replaced, and the query runs once more; a query that still meets a dead server fails within
`timeout_s` with `StoreError` instead of hanging, and the pool keeps reconnecting in the
background, so the bot recovers on its own.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import psycopg
from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from bot.storage.base import ChatSettings, EveryNth, StoreError
from bot.storage.codec import dump_summary, read_settings_row, read_summary_row
from bot.storage.migrations import migrate
from summaries.models import Summary

_LOG = logging.getLogger(__name__)
T = TypeVar("T")

#: Same bound and trim cadence as the SQLite store.
MAX_CACHE_ROWS = 10_000
TRIM_EVERY = 64

Conn = AsyncConnection[tuple[Any, ...]]


def _reason(exc: psycopg.Error) -> str:
    """The gist of a libpq error on one line ("not reachable (Connection refused)")."""
    text = " ".join(str(exc).split())
    if isinstance(exc, psycopg.OperationalError) and "connection" in text.lower():
        cause = text.rsplit(":", 1)[-1].strip()
        return f"not reachable ({cause})" if cause else "not reachable"
    return text or type(exc).__name__


def describe_url(url: str) -> str:
    """`host:port/db` of a DATABASE_URL, for messages (never the password)."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    return f"{host}:{parts.port or 5432}{parts.path or '/'}"


class PostgresStore:
    """A `Store` on a PostgreSQL database shared by every replica.

    Args:
        url: `postgresql://user@host:port/db` (libpq syntax; a password may be in it).
        clock: Source of Unix time for cache expiry (tests move it).
        max_cache_rows: Cached summaries kept at most (plus up to TRIM_EVERY between trims).
        pool_size: Connections per replica at most, for everything but the express lane.
        express_pool_size: Connections of the express lane (`run(..., express=True)`): the
            webhook's commit and the send ledger, which must not queue behind the jobs' queries.
        timeout_s: How long a query waits for a working connection before `StoreError`.
    """

    def __init__(
        self,
        url: str,
        clock: Callable[[], float] = time.time,
        max_cache_rows: int = MAX_CACHE_ROWS,
        pool_size: int = 10,
        express_pool_size: int = 3,
        timeout_s: float = 3.0,
    ) -> None:
        self.url = url
        self.max_cache_rows = max_cache_rows
        self._clock = clock
        self._pool_size = pool_size
        self._express_pool_size = express_pool_size
        self._timeout_s = timeout_s
        self._trim = EveryNth(TRIM_EVERY)
        self._pool: AsyncConnectionPool[Conn] | None = None
        self._express: AsyncConnectionPool[Conn] | None = None

    async def open(self) -> None:
        """Connect, then bring the schema up to date (safe when replicas start together).

        Raises:
            StoreError: the server cannot be reached within `timeout_s`, or a migration failed.
        """
        where = describe_url(self.url)
        # One direct connection first: it migrates, and an unreachable server gives one clear
        # error here instead of the pool's background retries logging several lines each.
        try:
            async with await psycopg.AsyncConnection.connect(
                self.url, connect_timeout=max(1, round(self._timeout_s))
            ) as conn:
                applied = await migrate(conn)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open PostgreSQL at {where}: {_reason(exc)}") from exc
        pool = self._new_pool("newsbrief", self._pool_size)
        express = self._new_pool("newsbrief-express", self._express_pool_size)
        try:
            await pool.open(wait=True, timeout=self._timeout_s)
            await express.open(wait=True, timeout=self._timeout_s)
        except PoolTimeout as exc:
            await pool.close()
            await express.close()
            raise StoreError(f"cannot open PostgreSQL at {where}: not reachable") from exc
        if applied:
            _LOG.info("PostgreSQL %s: applied migrations %s", where, applied)
        self._pool, self._express = pool, express

    def _new_pool(self, name: str, size: int) -> AsyncConnectionPool[Conn]:
        return AsyncConnectionPool(
            self.url,
            min_size=1,
            max_size=size,
            open=False,
            timeout=self._timeout_s,
            # connect_timeout is whole seconds in libpq; at least 1
            kwargs={"connect_timeout": max(1, round(self._timeout_s))},
            name=name,
        )

    async def close(self) -> None:
        """Close every connection (idempotent)."""
        for pool in (self._pool, self._express):
            if pool is not None:
                await pool.close()
        self._pool = self._express = None

    @property
    def pool(self) -> AsyncConnectionPool[Conn]:
        """The open pool (for the job queue and shared state, which live in the same database).

        Raises:
            StoreError: the store is not open.
        """
        if self._pool is None:
            raise StoreError("store is not open")
        return self._pool

    async def run(self, work: Callable[[Conn], Awaitable[T]], *, express: bool = False) -> T:
        """Run `work` in one transaction on a pooled connection.

        `express` work (the webhook's commit, the send ledger) has a few connections of its
        own: under load every connection of the main pool is busy and a query waits for one
        (measured: a third of them, 0.1 s on average), which delayed Telegram's 200 and held
        every replica's replies back behind a grant that waited.

        A connection found broken (after a server restart every pooled connection is) makes the
        pool check all its idle connections, and the work is retried once; every other failure,
        and a second one, is a `StoreError`. Only idempotent work may come here, since a
        connection that broke during COMMIT leaves unknown whether the first attempt applied.

        Raises:
            StoreError: the database failed or could not be reached in time.
        """
        pool = self.pool if not express else self._express
        if pool is None:
            raise StoreError("store is not open")
        for attempt in (1, 2):
            conn: Conn | None = None
            try:
                async with pool.connection() as conn:
                    return await work(conn)
            except PoolTimeout as exc:
                raise StoreError(f"PostgreSQL not reachable: {exc}") from exc
            except psycopg.OperationalError as exc:
                if attempt == 2 or conn is None or not conn.broken:
                    raise StoreError(str(exc).strip() or type(exc).__name__) from exc
                _LOG.warning("PostgreSQL connection lost (%s); retrying once", exc)
                # Not pool's check-on-checkout: that backs off 1 s, 2 s, … per dead connection.
                await pool.check()
            except psycopg.Error as exc:
                raise StoreError(str(exc).strip() or type(exc).__name__) from exc
        raise AssertionError("unreachable")

    async def _fetchone(self, sql: str, params: tuple[object, ...]) -> tuple[Any, ...] | None:
        async def q(conn: Conn) -> tuple[Any, ...] | None:
            cur = await conn.execute(sql.encode(), params)
            return await cur.fetchone()

        return await self.run(q)

    async def _execute(self, sql: str, params: tuple[object, ...]) -> int:
        async def q(conn: Conn) -> int:
            cur = await conn.execute(sql.encode(), params)
            return cur.rowcount

        return await self.run(q)

    async def ping(self) -> None:
        """One round trip (the health check).

        Raises:
            StoreError: the database does not answer.
        """
        await self._fetchone("SELECT 1", ())

    async def get_chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings, or the defaults (also for an unreadable row)."""
        row = await self._fetchone("SELECT data FROM chat_settings WHERE chat_id = %s", (chat_id,))
        return ChatSettings() if row is None else read_settings_row(row[0], chat_id)

    async def set_chat_settings(self, chat_id: int, settings: ChatSettings) -> None:
        """Replace the chat's settings in one transaction."""
        await self._execute(
            "INSERT INTO chat_settings (chat_id, data, updated) VALUES (%s, %s, %s) "
            "ON CONFLICT (chat_id) DO UPDATE SET data = excluded.data, updated = excluded.updated",
            (chat_id, json.dumps(settings.to_record()), self._clock()),
        )

    async def get_summary(self, key: str) -> Summary | None:
        """A cached summary that has not expired, or None."""
        row = await self._fetchone(
            "SELECT data FROM summary_cache WHERE key = %s AND expires > %s", (key, self._clock())
        )
        return None if row is None else read_summary_row(row[0])

    async def put_summary(self, key: str, summary: Summary, ttl_s: float) -> None:
        """Cache a summary for `ttl_s` seconds; every TRIM_EVERY writes, trim to the bound."""
        now = self._clock()
        trim = self._trim.due()

        async def put(conn: Conn) -> None:
            await conn.execute(
                "INSERT INTO summary_cache (key, data, expires) VALUES (%s, %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET data = excluded.data, expires = excluded.expires",
                (key, dump_summary(summary), now + ttl_s),
            )
            if trim:
                await conn.execute("DELETE FROM summary_cache WHERE expires <= %s", (now,))
                await conn.execute(
                    "DELETE FROM summary_cache WHERE key IN (SELECT key FROM summary_cache "
                    "ORDER BY expires DESC OFFSET %s)",
                    (self.max_cache_rows,),
                )

        await self.run(put)

    async def cache_size(self) -> int:
        """How many summaries the cache holds (expired ones included until purged)."""
        row = await self._fetchone("SELECT COUNT(*) FROM summary_cache", ())
        return int(row[0]) if row else 0

    async def purge_expired(self) -> int:
        """Delete expired cache rows; returns how many were deleted."""
        return await self._execute(
            "DELETE FROM summary_cache WHERE expires <= %s", (self._clock(),)
        )

    async def incr(self, counter: str, by: int = 1) -> None:
        """Add to a named counter."""
        await self._execute(
            "INSERT INTO counters (name, value) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value",
            (counter, by),
        )

    async def counters(self) -> dict[str, int]:
        """Every counter by name."""

        async def q(conn: Conn) -> dict[str, int]:
            cur = await conn.execute("SELECT name, value FROM counters")
            return {str(name): int(value) for name, value in await cur.fetchall()}

        return await self.run(q)

    async def touch_chat(self, chat_id: int) -> None:
        """Remember that a chat used the bot."""
        await self._execute(
            "INSERT INTO chats (chat_id, last_seen) VALUES (%s, %s) "
            "ON CONFLICT (chat_id) DO UPDATE SET last_seen = excluded.last_seen",
            (chat_id, self._clock()),
        )

    async def count_chats(self) -> int:
        """How many distinct chats used the bot."""
        row = await self._fetchone("SELECT COUNT(*) FROM chats", ())
        return int(row[0]) if row else 0

    async def block(self, subject_id: int) -> None:
        """Block a chat or user id."""
        await self._execute(
            "INSERT INTO blocked (subject_id, since) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (subject_id, self._clock()),
        )

    async def unblock(self, subject_id: int) -> bool:
        """Unblock an id; True when it was blocked."""
        deleted = await self._execute("DELETE FROM blocked WHERE subject_id = %s", (subject_id,))
        return deleted > 0

    async def is_blocked(self, *subject_ids: int) -> bool:
        """True when any of the ids is blocked."""
        if not subject_ids:
            return False
        row = await self._fetchone(
            "SELECT 1 FROM blocked WHERE subject_id = ANY(%s) LIMIT 1", (list(subject_ids),)
        )
        return row is not None
