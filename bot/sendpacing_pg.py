"""The send ledger of webhook replicas: every replica's messages counted in one PostgreSQL table
(`send_slots`, migration 0004), so Telegram's limits hold for all replicas together.

A grant is one short transaction under an advisory lock (replicas take turns): read the slots
that still count, run the same `decide` as a single process, insert the released ones. All
times come from the database clock (`now_s()`, migration 0003), so replicas need no synchronised
clocks. While the database cannot be reached, a replica counts its own messages only (a reply
late beats none) and says so in the log.

A message's answer time is taken when the answer arrives, not when the database is told: the
update that records it waits for a pooled connection behind the replica's other queries, and
under load that wait (measured up to 0.3 s) kept every slot busy that much longer than one
second, so replicas sent 20-27 messages a second instead of 30. The replica's clock is mapped
to the database's by the offset seen at its last grant, which errs late (safe: a slot counts a
little longer, never shorter).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from bot.sendpacing import (
    STALE_AFTER_S,
    Grant,
    LocalSendLedger,
    SendLimits,
    SendSlot,
    decide,
    is_group,
)
from bot.storage.base import EveryNth, StoreError
from bot.storage.postgres import Conn, PostgresStore

_LOG = logging.getLogger(__name__)

#: Key of the transaction-level advisory lock that serialises grants across replicas.
PACING_LOCK_KEY = 0x73656E64  # "send"
#: Delete rows that no longer count once every this many grants.
PURGE_EVERY = 64


class PostgresSendLedger:
    """Slots of every replica in PostgreSQL; tickets are row ids (negative: counted locally
    while the database was out of reach)."""

    def __init__(self, store: PostgresStore, limits: SendLimits | None = None) -> None:
        self.store = store
        self.limits = limits or SendLimits()
        self._fallback = LocalSendLedger(self.limits)
        self._purge = EveryNth(PURGE_EVERY)
        self._degraded = False
        #: Database clock minus this process's monotonic clock, at most (see `_grant`).
        self._clock_offset: float | None = None

    async def grant(self, candidates: Sequence[int]) -> Grant:
        """Release the first candidates that fit the shared windows (see `decide`)."""
        purge = self._purge.due()
        try:
            grant = await self.store.run(
                lambda conn: self._grant(conn, candidates, purge), express=True
            )
        except StoreError as exc:
            if not self._degraded:
                _LOG.warning("send pacing counts this replica only (database: %s)", exc)
                self._degraded = True
            local = self._fallback.grant_now(candidates)
            return Grant({p: -t for p, t in local.tickets.items()}, local.retry_in)
        if self._degraded:
            _LOG.warning("send pacing shared by all replicas again")
            self._degraded = False
        return grant

    async def _grant(self, conn: Conn, candidates: Sequence[int], purge: bool) -> Grant:
        limits = self.limits
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (PACING_LOCK_KEY,))
        asked = time.monotonic()
        cur = await conn.execute("SELECT now_s()")
        now = float(_first(await cur.fetchone()))
        # the database read its clock after `asked`: this offset is the true one or later
        self._clock_offset = now - asked
        if purge:
            horizon = now - max(limits.second_s, limits.minute_s) - STALE_AFTER_S
            await conn.execute("DELETE FROM send_slots WHERE started < %s", (horizon,))
        groups = sorted({c for c in candidates if is_group(c)}) if limits.per_group_minute else []
        cur = await conn.execute(
            "SELECT chat_id, started, done FROM send_slots WHERE started > %s"
            " OR (chat_id = ANY(%s) AND started > %s)",
            (
                now - limits.second_s - STALE_AFTER_S,
                groups,
                now - limits.minute_s - STALE_AFTER_S,
            ),
        )
        taken = [
            SendSlot(int(c), float(s), None if d is None else float(d))
            for c, s, d in await cur.fetchall()
        ]
        decision = decide(now, taken, candidates, limits)
        retry_in = None if decision.retry_at is None else max(0.0, decision.retry_at - now)
        if not decision.granted:
            return Grant({}, retry_in)
        chats = [candidates[p] for p in decision.granted]
        cur = await conn.execute(
            "INSERT INTO send_slots (chat_id, started) SELECT unnest(%s::bigint[]), %s"
            " RETURNING id, chat_id",
            (chats, now),
        )
        ids: dict[int, list[int]] = {}
        for row_id, chat_id in await cur.fetchall():
            ids.setdefault(int(chat_id), []).append(int(row_id))
        # rows of one chat are interchangeable: hand them out per chat
        tickets = {p: ids[candidates[p]].pop() for p in decision.granted}
        return Grant(tickets, retry_in)

    async def release(self, ticket: int) -> None:
        """Record the answer's time (now, on the database's clock; no later than the update
        that records it); a failure only leaves the slot counted until it goes stale."""
        if ticket < 0:
            await self._fallback.release(-ticket)
            return
        offset = self._clock_offset
        answered = None if offset is None else time.monotonic() + offset

        async def done(conn: Conn) -> None:
            await conn.execute(
                "UPDATE send_slots"
                " SET done = LEAST(now_s(), GREATEST(started, COALESCE(%s::float8, now_s())))"
                " WHERE id = %s AND done IS NULL",
                (answered, ticket),
            )

        try:
            await self.store.run(done, express=True)
        except StoreError as exc:
            _LOG.debug("could not record a sent message: %s", exc)


def _first(row: tuple[Any, ...] | None) -> Any:
    if row is None:
        raise StoreError("the database returned no row")
    return row[0]
