"""The durable update queue in PostgreSQL: webhook intake commits each update before Telegram
gets its 200, and workers in every replica claim updates with `FOR UPDATE SKIP LOCKED`.

A claimed update carries a lease that its worker renews while it runs; when a replica dies the
lease runs out and another replica's worker claims the update again. What a job already sent is
in `update_replies` (see `bot.journal`), so the retry does not post twice. Telegram redelivering
an update it already handed over is ignored (the update id is the key).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import psycopg

from bot.journal import Earlier
from bot.storage.base import StoreError
from bot.storage.postgres import Conn, PostgresStore
from bot.storage.shared import KEEP_FINISHED_S  # Telegram redelivers within hours at most

_LOG = logging.getLogger(__name__)

#: NOTIFY channel that wakes idle workers when an update is committed.
CHANNEL = "newsbrief_updates"
#: An update whose handling was started this many times is given up (a poison update).
MAX_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class ClaimedUpdate:
    """One update a worker now owns until it finishes or its lease runs out."""

    update_id: int
    payload: dict[str, Any]
    attempts: int


def worker_name() -> str:
    """`host:pid`, recorded with each claimed job."""
    return f"{socket.gethostname()}:{os.getpid()}"


class UpdateQueue:
    """Queue operations on the store's database (the tables come from migration 0002)."""

    def __init__(self, store: PostgresStore) -> None:
        self.store = store

    async def enqueue(self, update_id: int, payload: dict[str, Any]) -> bool:
        """Commit an update; True when it is new, False for a redelivery.

        Raises:
            StoreError: not committed (the webhook then answers 503 and Telegram retries).
        """

        async def put(conn: Conn) -> bool:
            cur = await conn.execute(
                "INSERT INTO update_jobs (update_id, payload) VALUES (%s, %s) "
                "ON CONFLICT (update_id) DO NOTHING",
                (update_id, json.dumps(payload, ensure_ascii=False)),
            )
            new = cur.rowcount == 1
            if new:
                await conn.execute(f"NOTIFY {CHANNEL}")
            return new

        return await self.store.run(put, express=True)

    async def claim(self, worker: str, limit: int, lease_s: float) -> list[ClaimedUpdate]:
        """Take up to `limit` queued updates (or ones whose lease ran out), oldest first."""

        async def take(conn: Conn) -> list[ClaimedUpdate]:
            cur = await conn.execute(
                "UPDATE update_jobs SET state = 'running', attempts = attempts + 1, worker = %s,"
                " lease_until = clock_timestamp() + make_interval(secs => %s),"
                " started_at = clock_timestamp() "
                "WHERE update_id IN (SELECT update_id FROM update_jobs"
                "  WHERE state = 'queued'"
                "   OR (state = 'running' AND lease_until < clock_timestamp())"
                "  ORDER BY seq LIMIT %s FOR UPDATE SKIP LOCKED) "
                "RETURNING update_id, payload, attempts",
                (worker, lease_s, limit),
            )
            rows = await cur.fetchall()
            claimed = [ClaimedUpdate(int(r[0]), json.loads(r[1]), int(r[2])) for r in rows]
            poisoned = [c.update_id for c in claimed if c.attempts > MAX_ATTEMPTS]
            if poisoned:
                await conn.execute(
                    "UPDATE update_jobs SET state = 'failed', worker = NULL,"
                    " finished_at = clock_timestamp() WHERE update_id = ANY(%s)",
                    (poisoned,),
                )
            return sorted(
                (c for c in claimed if c.attempts <= MAX_ATTEMPTS), key=lambda c: c.update_id
            )

        return await self.store.run(take)

    async def renew(self, worker: str, update_ids: list[int], lease_s: float) -> None:
        """Extend the leases of the jobs this worker is running."""
        if not update_ids:
            return

        async def extend(conn: Conn) -> None:
            await conn.execute(
                "UPDATE update_jobs"
                " SET lease_until = clock_timestamp() + make_interval(secs => %s)"
                " WHERE worker = %s AND state = 'running' AND update_id = ANY(%s)",
                (lease_s, worker, update_ids),
            )

        await self.store.run(extend)

    async def complete(self, worker: str, update_id: int) -> None:
        """Mark a job done (only while this worker still owns it).

        The update's text (a pasted article, say) is dropped here: the row stays only to turn
        away a redelivery by its id, so nobody's message outlives its answer."""

        async def finish(conn: Conn) -> None:
            await conn.execute(
                "UPDATE update_jobs SET state = 'done', finished_at = clock_timestamp(),"
                " lease_until = NULL, payload = '{}'"
                " WHERE update_id = %s AND worker = %s AND state = 'running'",
                (update_id, worker),
            )

        await self.store.run(finish)

    async def release(self, worker: str, update_ids: list[int]) -> None:
        """Give unfinished jobs back at shutdown, so another replica takes them at once."""
        if not update_ids:
            return

        async def give_back(conn: Conn) -> None:
            await conn.execute(
                "UPDATE update_jobs SET state = 'queued', worker = NULL, lease_until = NULL "
                "WHERE worker = %s AND state = 'running' AND update_id = ANY(%s)",
                (worker, update_ids),
            )

        await self.store.run(give_back)

    async def purge_finished(self, older_than_s: float = KEEP_FINISHED_S) -> int:
        """Delete finished jobs (and their replies) older than `older_than_s`."""

        async def purge(conn: Conn) -> int:
            cur = await conn.execute(
                "DELETE FROM update_jobs WHERE state IN ('done', 'failed')"
                " AND finished_at < clock_timestamp() - make_interval(secs => %s)",
                (older_than_s,),
            )
            return cur.rowcount

        return await self.store.run(purge)

    # -- the reply journal (bot.journal.ReplyLog) -------------------------------------------

    async def begin(
        self, update_id: int, call_key: str, method: str, chat_id: int | None
    ) -> Earlier:
        """Commit the intent to make a call and read what an earlier attempt left for it
        (one round trip: `xmax <> 0` tells an existing row from the one just inserted)."""

        async def intend(conn: Conn) -> Earlier:
            cur = await conn.execute(
                "INSERT INTO update_replies (update_id, call_key, method, chat_id)"
                " VALUES (%s, %s, %s, %s) ON CONFLICT (update_id, call_key)"
                " DO UPDATE SET intents = update_replies.intents + 1,"
                " unknown_fate = update_replies.unknown_fate OR update_replies.result IS NULL"
                " RETURNING result, xmax <> 0",
                (update_id, call_key, method, chat_id),
            )
            row = await cur.fetchone()
            if row is None or not row[1]:
                return Earlier(intended=False, result=None)
            return Earlier(intended=True, result=None if row[0] is None else json.loads(row[0]))

        # express: between the pacer's grant and the send, its slot already counting
        return await self.store.run(intend, express=True)

    async def record(
        self, update_id: int, call_key: str, method: str, chat_id: int | None, result: Any
    ) -> None:
        """Record the result of a job's call, with the message id it produced."""
        message_id = result.get("message_id") if isinstance(result, dict) else None

        async def put(conn: Conn) -> None:
            await conn.execute(
                "INSERT INTO update_replies"
                " (update_id, call_key, method, chat_id, message_id, result, sent_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, clock_timestamp())"
                " ON CONFLICT (update_id, call_key)"
                " DO UPDATE SET message_id = excluded.message_id, result = excluded.result,"
                " sent_at = clock_timestamp()",
                (update_id, call_key, method, chat_id, message_id, json.dumps(result)),
            )

        await self.store.run(put)

    async def leftover_messages(
        self, update_id: int, used_keys: set[str]
    ) -> list[tuple[int, int]]:
        """(chat, message) ids an earlier attempt sent that the latest one did not repeat."""

        async def look(conn: Conn) -> list[tuple[int, int]]:
            cur = await conn.execute(
                "SELECT chat_id, message_id, call_key FROM update_replies WHERE update_id = %s"
                " AND method = 'sendMessage' AND chat_id IS NOT NULL AND message_id IS NOT NULL",
                (update_id,),
            )
            rows = await cur.fetchall()
            return [(int(c), int(m)) for c, m, key in rows if key not in used_keys]

        return await self.store.run(look)


Handler = Callable[[ClaimedUpdate], Awaitable[None]]


class UpdateWorkers:
    """Claims queued updates and runs up to `slots` of them at once in this replica.

    Idle workers wake on NOTIFY from `enqueue` (and poll every `poll_s` in case a notification
    was missed); every `lease_s / 3` the leases of running jobs are renewed. A database outage
    pauses claiming (with backoff) and nothing else: running jobs go on.
    """

    def __init__(
        self,
        queue: UpdateQueue,
        handle: Handler,
        *,
        slots: int = 12,
        lease_s: float = 30.0,
        poll_s: float = 0.5,
        worker: str | None = None,
    ) -> None:
        self.queue = queue
        self.handle = handle
        self.slots = slots
        self.lease_s = lease_s
        self.poll_s = poll_s
        self.worker = worker or worker_name()
        self._running: dict[int, asyncio.Task[None]] = {}
        self._wake = asyncio.Event()
        self._stopping = False
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        """Start claiming, renewing and listening."""
        self._tasks = [
            asyncio.create_task(self._claim_loop(), name="update-claims"),
            asyncio.create_task(self._renew_loop(), name="update-leases"),
            asyncio.create_task(self._listen_loop(), name="update-notify"),
        ]

    async def stop(self, grace_s: float = 20.0) -> None:
        """Stop claiming; let running jobs finish within `grace_s`, give the rest back."""
        self._stopping = True
        self._wake.set()
        for task in self._tasks[:1] + self._tasks[2:]:
            task.cancel()
        running = list(self._running.values())
        if running:
            await asyncio.wait(running, timeout=grace_s)
        unfinished = [uid for uid, t in self._running.items() if not t.done()]
        for uid in unfinished:
            self._running[uid].cancel()
        self._tasks[1].cancel()
        await asyncio.gather(*self._tasks, *self._running.values(), return_exceptions=True)
        with contextlib.suppress(StoreError):
            await self.queue.release(self.worker, unfinished)

    @property
    def busy(self) -> int:
        """Jobs running now in this replica."""
        return len(self._running)

    async def _claim_loop(self) -> None:
        backoff = 0.1
        while not self._stopping:
            free = self.slots - len(self._running)
            claimed: list[ClaimedUpdate] = []
            if free > 0:
                try:
                    claimed = await self.queue.claim(self.worker, free, self.lease_s)
                    backoff = 0.1
                except StoreError as exc:
                    _LOG.warning("cannot claim updates (%s); retrying in %.1f s", exc, backoff)
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, 5.0)
                    continue
            for job in claimed:
                task = asyncio.create_task(self._run(job), name=f"update-{job.update_id}")
                self._running[job.update_id] = task
            if claimed and len(claimed) == free:
                continue  # maybe more are waiting; claim again once a slot frees up
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_s)

    async def _run(self, job: ClaimedUpdate) -> None:
        try:
            await self.handle(job)
            await self._complete(job.update_id)
        except Exception:
            _LOG.exception("update %s failed in the worker", job.update_id)
            await self._complete(job.update_id)
        finally:
            self._running.pop(job.update_id, None)
            self._wake.set()

    async def _complete(self, update_id: int) -> None:
        """Mark done, retrying through a database outage (the reply has been sent)."""
        delay = 0.2
        while True:
            try:
                await self.queue.complete(self.worker, update_id)
                return
            except StoreError as exc:
                _LOG.warning("cannot mark update %s done (%s); retrying", update_id, exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _renew_loop(self) -> None:
        while True:
            await asyncio.sleep(self.lease_s / 3)
            try:
                await self.queue.renew(self.worker, list(self._running), self.lease_s)
            except StoreError as exc:
                _LOG.warning("cannot renew leases: %s", exc)

    async def _listen_loop(self) -> None:
        """Wake the claim loop on each NOTIFY; reconnect after a lost connection."""
        while not self._stopping:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.queue.store.url, autocommit=True, connect_timeout=3
                ) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    self._wake.set()  # catch up on anything enqueued while not listening
                    async for _ in conn.notifies():
                        self._wake.set()
            except psycopg.Error as exc:
                _LOG.debug("LISTEN connection lost: %s", exc)
            await asyncio.sleep(1.0)
