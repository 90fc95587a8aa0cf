"""Forgetting on time: what users sent is deleted when its keeping period ends.

The stores also trim while they write, but only every so many writes: on a quiet bot a pasted
part or a finished update would outlive the period `/privacy` names by hours. A sweep every
`SWEEP_EVERY_S` bounds that: paste parts (10 minutes), finished updates with their reply
journal (24 h, PostgreSQL), expired admin entries and fetch leases.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence

from bot.storage.base import Store, StoreError
from bot.storage.shared import SharedState

__all__ = ["SWEEP_EVERY_S", "RetentionSweeper", "sweeps_for"]

_LOG = logging.getLogger(__name__)

#: How late past its keeping period anything is deleted at most.
SWEEP_EVERY_S = 60.0

Sweep = Callable[[], Awaitable[object]]


def sweeps_for(store: Store, shared: SharedState) -> tuple[Sweep, ...]:
    """The deletions due for this deployment: the shared state's, plus the update queue's
    when the store is PostgreSQL (SQLite has no queue: polling keeps updates in memory)."""
    sweeps: list[Sweep] = [shared.forget_expired]
    # as in `shared_state_for`: a PostgresStore exists only if its module was imported
    if "bot.storage.postgres" in sys.modules:
        from bot.storage.postgres import PostgresStore

        if isinstance(store, PostgresStore):
            from bot.updatequeue import UpdateQueue

            sweeps.append(UpdateQueue(store).purge_finished)
    return tuple(sweeps)


class RetentionSweeper:
    """Runs each sweep at start and then every `every_s` seconds until stopped."""

    def __init__(self, sweeps: Sequence[Sweep], every_s: float = SWEEP_EVERY_S) -> None:
        self._sweeps = tuple(sweeps)
        self._every_s = every_s
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin sweeping in the background (idempotent)."""
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="retention-sweeps")

    async def stop(self) -> None:
        """Stop sweeping (idempotent)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def sweep_once(self) -> None:
        """Run every sweep once; a database failure is logged and retried next time."""
        for sweep in self._sweeps:
            try:
                await sweep()
            except StoreError as exc:
                _LOG.warning("storage failure while deleting expired data: %s", exc)

    async def _loop(self) -> None:
        while True:
            await self.sweep_once()
            await asyncio.sleep(self._every_s)
