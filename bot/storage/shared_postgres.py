"""`SharedState` in PostgreSQL (tables of migration 0003), so that every replica sees the same
quotas, admin cache, fetch leases and paste parts. Each primitive is one transaction; times come
from the server's clock (`now_s()`, defined by the migration), so replicas need not agree on
theirs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from bot.storage.base import EveryNth, StoreError
from bot.storage.postgres import Conn, PostgresStore
from bot.storage.shared import (
    KEEP_IDLE_BUCKETS_S,
    KEEP_PASTE_PARTS_S,
    BucketChange,
    BucketRow,
    PasteState,
)

T = TypeVar("T")
#: Forget expired rows after this many bucket updates (deleting on every one would cost more).
PURGE_EVERY = 256


class PostgresSharedState:
    """`SharedState` on the store's database (the same connection pool)."""

    def __init__(self, store: PostgresStore) -> None:
        self.store = store
        self._purge = EveryNth(PURGE_EVERY)

    async def _one(self, sql: str, params: tuple[Any, ...]) -> tuple[Any, ...] | None:
        async def q(conn: Conn) -> tuple[Any, ...] | None:
            cur = await conn.execute(sql.encode(), params)
            return await cur.fetchone() if cur.description else None

        return await self.store.run(q)

    async def update_buckets(self, keys: Sequence[str], change: BucketChange[T]) -> T:
        """Lock the keys' rows (creating missing ones, in key order so that two requests
        cannot deadlock), let `change` decide, write what it returns."""
        ordered = sorted(set(keys))
        purge = self._purge.due()

        async def work(conn: Conn) -> T:
            await conn.execute(
                "INSERT INTO quota_buckets (key, tokens, updated)"
                " SELECT k, NULL, now_s() FROM unnest(%s::text[]) AS k ORDER BY k"
                " ON CONFLICT (key) DO NOTHING",
                (ordered,),
            )
            cur = await conn.execute(
                "SELECT key, tokens, updated, notified, now_s() FROM quota_buckets"
                " WHERE key = ANY(%s) ORDER BY key FOR UPDATE",
                (ordered,),
            )
            rows = await cur.fetchall()
            now = float(rows[0][4])
            current: dict[str, BucketRow | None] = {
                str(k): None if tokens is None else BucketRow(float(tokens), float(up), bool(n))
                for k, tokens, up, n, _ in rows
            }
            changed, result = change(current, now)
            for key, row in changed.items():
                await conn.execute(
                    "UPDATE quota_buckets SET tokens = %s, updated = %s, notified = %s"
                    " WHERE key = %s",
                    (row.tokens, row.updated, row.notified, key),
                )
            if purge:
                await _purge(conn)
            return result

        return await self.store.run(work)

    async def get_admin(self, chat_id: int, user_id: int) -> bool | None:
        """The cached admin status, or None when unknown or expired."""
        row = await self._one(
            "SELECT is_admin FROM admin_cache WHERE chat_id = %s AND user_id = %s"
            " AND expires > now_s()",
            (chat_id, user_id),
        )
        return None if row is None else bool(row[0])

    async def set_admin(self, chat_id: int, user_id: int, is_admin: bool, ttl_s: float) -> None:
        """Cache an admin status for `ttl_s` seconds."""
        await self._one(
            "INSERT INTO admin_cache (chat_id, user_id, is_admin, expires)"
            " VALUES (%s, %s, %s, now_s() + %s) ON CONFLICT (chat_id, user_id)"
            " DO UPDATE SET is_admin = excluded.is_admin, expires = excluded.expires",
            (chat_id, user_id, is_admin, ttl_s),
        )

    async def acquire_fetch(self, key: str, holder: str, ttl_s: float) -> bool:
        """Insert the lease, or take over one that ran out (its holder died)."""
        row = await self._one(
            "INSERT INTO fetch_leases (key, holder, lease_until)"
            " VALUES (%s, %s, now_s() + %s) ON CONFLICT (key) DO UPDATE"
            " SET holder = excluded.holder, lease_until = excluded.lease_until"
            " WHERE fetch_leases.lease_until < "
            "now_s() OR fetch_leases.holder = excluded.holder RETURNING holder",
            (key, holder, ttl_s),
        )
        return row is not None

    async def fetch_in_progress(self, key: str) -> bool:
        """True while some holder's lease on `key` is live."""
        row = await self._one(
            "SELECT 1 FROM fetch_leases WHERE key = %s AND lease_until > now_s()", (key,)
        )
        return row is not None

    async def release_fetch(self, key: str, holder: str) -> None:
        """Give the lease back (only `holder`'s own)."""
        await self._one("DELETE FROM fetch_leases WHERE key = %s AND holder = %s", (key, holder))

    async def in_paste(self, chat_id: int, user_id: int, message_id: int) -> bool:
        """True when this user has paste parts nobody took yet, or `message_id` is a part."""
        row = await self._one(
            "SELECT 1 FROM paste_parts WHERE chat_id = %s AND user_id = %s"
            " AND (message_id = %s OR (taken_by IS NULL AND arrived > now_s() - %s)) LIMIT 1",
            (chat_id, user_id, message_id, KEEP_PASTE_PARTS_S),
        )
        return row is not None

    async def add_paste_part(self, chat_id: int, user_id: int, message_id: int, text: str) -> None:
        """Store one part; a second time changes nothing (the primary key). The user's parts
        older than KEEP_PASTE_PARTS_S go first (pasted text is kept no longer than needed)."""

        async def add(conn: Conn) -> None:
            await conn.execute(
                "DELETE FROM paste_parts WHERE chat_id = %s AND user_id = %s"
                " AND arrived < now_s() - %s",
                (chat_id, user_id, KEEP_PASTE_PARTS_S),
            )
            await conn.execute(
                "INSERT INTO paste_parts (chat_id, user_id, message_id, text, arrived)"
                " VALUES (%s, %s, %s, %s, now_s()) ON CONFLICT DO NOTHING",
                (chat_id, user_id, message_id, text),
            )

        await self.store.run(add)

    async def paste_state(self, chat_id: int, user_id: int, message_id: int) -> PasteState:
        """Where the part `message_id` stands."""
        row = await self._one(
            "SELECT (SELECT taken_by FROM paste_parts WHERE chat_id = %s AND user_id = %s"
            "   AND message_id = %s),"
            " count(*), "
            " now_s() - coalesce(max(arrived), now_s()), min(message_id)"
            " FROM paste_parts WHERE chat_id = %s AND user_id = %s AND taken_by IS NULL"
            " AND arrived > now_s() - %s",
            (chat_id, user_id, message_id, chat_id, user_id, KEEP_PASTE_PARTS_S),
        )
        if row is None:  # an aggregate always returns a row
            raise StoreError("paste_state: no row")
        return PasteState(
            taken_by=None if row[0] is None else int(row[0]),
            pending=int(row[1]),
            quiet_for_s=float(row[2]),
            first_pending=None if row[3] is None else int(row[3]),
        )

    async def take_paste(
        self, chat_id: int, user_id: int, message_id: int, quiet_s: float
    ) -> list[str] | None:
        """Lock the pending parts, and take them all when the newest is `quiet_s` old.

        Two handlers taking at once: the second waits for the first's row locks, then finds
        the rows taken (PostgreSQL re-checks `taken_by IS NULL` on the new row versions).
        """

        async def work(conn: Conn) -> list[str] | None:
            cur = await conn.execute(
                "SELECT text FROM paste_parts WHERE chat_id = %s AND user_id = %s"
                " AND taken_by = %s ORDER BY message_id",
                (chat_id, user_id, message_id),
            )
            again = [str(r[0]) for r in await cur.fetchall()]
            if again:
                return again
            cur = await conn.execute(
                "SELECT message_id, text, now_s() - arrived FROM paste_parts"
                " WHERE chat_id = %s AND user_id = %s AND taken_by IS NULL"
                " AND arrived > now_s() - %s ORDER BY message_id FOR UPDATE",
                (chat_id, user_id, KEEP_PASTE_PARTS_S),
            )
            pending = await cur.fetchall()
            if not pending or min(float(r[2]) for r in pending) < quiet_s:
                return None
            await conn.execute(
                "UPDATE paste_parts SET taken_by = %s"
                " WHERE chat_id = %s AND user_id = %s AND message_id = ANY(%s)",
                (message_id, chat_id, user_id, [int(r[0]) for r in pending]),
            )
            return [str(r[1]) for r in pending]

        return await self.store.run(work)

    async def forget_expired(self) -> None:
        """Delete expired rows now (writes also do it every PURGE_EVERY bucket updates)."""
        await self.store.run(_purge)


async def _purge(conn: Conn) -> None:
    """Forget expired admin entries and leases, idle buckets and old paste parts."""
    await conn.execute("DELETE FROM admin_cache WHERE expires <= now_s()")
    await conn.execute("DELETE FROM fetch_leases WHERE lease_until <= now_s()")
    await conn.execute(
        "DELETE FROM quota_buckets WHERE updated < now_s() - %s", (KEEP_IDLE_BUCKETS_S,)
    )
    await conn.execute(
        "DELETE FROM paste_parts WHERE arrived < now_s() - %s", (KEEP_PASTE_PARTS_S,)
    )
