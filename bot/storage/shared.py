"""State that several replicas must share: quota buckets, the admin cache, fetch leases and the
parts of a split paste. `SharedState` is the interface; `MemorySharedState` is the one-process
implementation (SQLite or memory store) and `bot.storage.shared_postgres` the PostgreSQL one.

The rules built on these primitives (token-bucket arithmetic, when a paste is complete, who
fetches a link) live with their features in `bot`; this layer only keeps rows and makes each
primitive atomic.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

T = TypeVar("T")

#: Paste parts (pasted text!) are forgotten this long after they arrived: a retried job comes
#: back within minutes (lease × attempts); a part nobody took by then was given up.
KEEP_PASTE_PARTS_S = 600
#: A finished update's row (its id, to turn away a redelivery; the text is gone at once) and
#: its reply journal are kept this long (`bot.updatequeue`); named here beside the other
#: keeping times, which `/privacy` states.
KEEP_FINISHED_S = 24 * 3600
#: Buckets nobody touched for this long are forgotten (memory also keeps at most `max_rows`).
KEEP_IDLE_BUCKETS_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class BucketRow:
    """One token bucket as stored: `tokens` left at time `updated`."""

    tokens: float
    updated: float
    #: "Slow down" was already said during this flood.
    notified: bool = False


#: Gets each key's row (None: never used) and the time now; returns the rows to store and a
#: value for the caller. Runs while every key is locked.
BucketChange = Callable[[Mapping[str, BucketRow | None], float], tuple[Mapping[str, BucketRow], T]]


@dataclass(frozen=True, slots=True)
class PasteState:
    """Where one part of a split paste stands."""

    #: The message id of the part whose handler took this part (None: not taken yet).
    taken_by: int | None
    #: Parts of this chat and user that nobody took yet.
    pending: int
    #: Seconds since the newest of them arrived.
    quiet_for_s: float
    #: The smallest message id among them (the paste's first part), None when none.
    first_pending: int | None = None


class SharedState(Protocol):
    """Atomic primitives over the shared rows; every method may raise `StoreError`."""

    async def update_buckets(self, keys: Sequence[str], change: BucketChange[T]) -> T:
        """Read, change and write the buckets of `keys` as one atomic step."""
        ...

    async def get_admin(self, chat_id: int, user_id: int) -> bool | None:
        """The cached admin status, or None when unknown or expired."""
        ...

    async def set_admin(self, chat_id: int, user_id: int, is_admin: bool, ttl_s: float) -> None:
        """Cache an admin status for `ttl_s` seconds."""
        ...

    async def acquire_fetch(self, key: str, holder: str, ttl_s: float) -> bool:
        """Take the lease on fetching `key` unless another holder's lease is live."""
        ...

    async def fetch_in_progress(self, key: str) -> bool:
        """True while some holder's lease on `key` is live."""
        ...

    async def release_fetch(self, key: str, holder: str) -> None:
        """Give the lease back (only `holder`'s own)."""
        ...

    async def in_paste(self, chat_id: int, user_id: int, message_id: int) -> bool:
        """True when this user has paste parts nobody took yet, or `message_id` is a part."""
        ...

    async def add_paste_part(self, chat_id: int, user_id: int, message_id: int, text: str) -> None:
        """Store one part (again: nothing changes, so a retried job keeps its part's fate)."""
        ...

    async def paste_state(self, chat_id: int, user_id: int, message_id: int) -> PasteState:
        """Where the part `message_id` stands."""
        ...

    async def take_paste(
        self, chat_id: int, user_id: int, message_id: int, quiet_s: float
    ) -> list[str] | None:
        """The texts of every pending part (by message id), now taken by `message_id`.

        Only when the newest part is at least `quiet_s` old; the parts `message_id` took before
        (a retried job) are returned again. None when there is nothing to take.
        """
        ...

    async def forget_expired(self) -> None:
        """Delete paste parts older than KEEP_PASTE_PARTS_S, expired admin entries and leases
        (and idle buckets where kept by age), whether or not anything else is written."""
        ...


@dataclass
class _Part:
    text: str
    arrived: float
    taken_by: int | None = None


def _drop_expired(parts: dict[int, _Part], now: float) -> None:
    """Delete the parts that arrived more than KEEP_PASTE_PARTS_S ago."""
    for mid in [m for m, p in parts.items() if p.arrived < now - KEEP_PASTE_PARTS_S]:
        del parts[mid]


class MemorySharedState:
    """`SharedState` in this process's memory: one process, one event loop, so a method that
    never awaits is atomic. Bounded: at most `max_rows` buckets and admin entries."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, max_rows: int = 10_000
    ) -> None:
        self._clock = clock
        self._max_rows = max_rows
        self._buckets: dict[str, BucketRow] = {}
        self._admins: dict[tuple[int, int], tuple[float, bool]] = {}
        self._leases: dict[str, tuple[str, float]] = {}
        self._pastes: dict[tuple[int, int], dict[int, _Part]] = {}

    async def update_buckets(self, keys: Sequence[str], change: BucketChange[T]) -> T:
        """Read, change and write the buckets (no await in between: atomic)."""
        now = self._clock()
        rows, result = change({k: self._buckets.get(k) for k in keys}, now)
        if len(self._buckets) + len(rows) > self._max_rows:
            self._buckets = _newest_half(self._buckets, lambda row: row.updated)
        self._buckets.update(rows)
        return result

    async def get_admin(self, chat_id: int, user_id: int) -> bool | None:
        """The cached admin status, or None."""
        hit = self._admins.get((chat_id, user_id))
        if hit is None or hit[0] <= self._clock():
            return None
        return hit[1]

    async def set_admin(self, chat_id: int, user_id: int, is_admin: bool, ttl_s: float) -> None:
        """Cache an admin status for `ttl_s` seconds."""
        if len(self._admins) >= self._max_rows:
            self._admins = _newest_half(self._admins, lambda hit: hit[0])
        self._admins[(chat_id, user_id)] = (self._clock() + ttl_s, is_admin)

    async def acquire_fetch(self, key: str, holder: str, ttl_s: float) -> bool:
        """Take the lease unless another holder's is live."""
        now = self._clock()
        current = self._leases.get(key)
        if current is not None and current[1] > now and current[0] != holder:
            return False
        self._leases[key] = (holder, now + ttl_s)
        return True

    async def fetch_in_progress(self, key: str) -> bool:
        """True while a lease on `key` is live."""
        current = self._leases.get(key)
        return current is not None and current[1] > self._clock()

    async def release_fetch(self, key: str, holder: str) -> None:
        """Give `holder`'s lease back."""
        if self._leases.get(key, ("", 0.0))[0] == holder:
            del self._leases[key]

    async def in_paste(self, chat_id: int, user_id: int, message_id: int) -> bool:
        """True when this user has untaken parts, or `message_id` is a part."""
        parts = self._pastes.get((chat_id, user_id), {})
        return message_id in parts or any(p.taken_by is None for p in parts.values())

    async def add_paste_part(self, chat_id: int, user_id: int, message_id: int, text: str) -> None:
        """Store one part (a second time changes nothing)."""
        now = self._clock()
        if len(self._pastes) >= self._max_rows:
            self._forget_old_parts(now)
        parts = self._pastes.setdefault((chat_id, user_id), {})
        _drop_expired(parts, now)
        parts.setdefault(message_id, _Part(text, now))

    def _forget_old_parts(self, now: float) -> None:
        for key, parts in list(self._pastes.items()):
            _drop_expired(parts, now)
            if not parts:
                del self._pastes[key]

    async def forget_expired(self) -> None:
        """Drop every part past its keeping time, idle buckets, expired admin entries and
        leases."""
        now = self._clock()
        self._forget_old_parts(now)
        self._buckets = {
            k: row for k, row in self._buckets.items() if row.updated >= now - KEEP_IDLE_BUCKETS_S
        }
        self._admins = {k: hit for k, hit in self._admins.items() if hit[0] > now}
        self._leases = {k: lease for k, lease in self._leases.items() if lease[1] > now}

    async def paste_state(self, chat_id: int, user_id: int, message_id: int) -> PasteState:
        """Where the part stands."""
        parts = self._pastes.get((chat_id, user_id), {})
        mine = parts.get(message_id)
        pending = [p for p in parts.values() if p.taken_by is None]
        newest = max((p.arrived for p in pending), default=self._clock())
        return PasteState(
            taken_by=mine.taken_by if mine is not None else None,
            pending=len(pending),
            quiet_for_s=self._clock() - newest,
            first_pending=min((m for m, p in parts.items() if p.taken_by is None), default=None),
        )

    async def take_paste(
        self, chat_id: int, user_id: int, message_id: int, quiet_s: float
    ) -> list[str] | None:
        """Take every pending part once the newest is `quiet_s` old."""
        parts = self._pastes.get((chat_id, user_id), {})
        taken = sorted(m for m, p in parts.items() if p.taken_by == message_id)
        if taken:
            return [parts[m].text for m in taken]
        pending = sorted(m for m, p in parts.items() if p.taken_by is None)
        if not pending or max(parts[m].arrived for m in pending) > self._clock() - quiet_s:
            return None
        for m in pending:
            parts[m] = replace(parts[m], taken_by=message_id)
        return [parts[m].text for m in pending]


K = TypeVar("K")
V = TypeVar("V")


def _newest_half(rows: dict[K, V], age: Callable[[V], float]) -> dict[K, V]:
    """Keep the newer half of `rows` (a crude bound that never grows past `max_rows`)."""
    keep = sorted(rows.items(), key=lambda kv: age(kv[1]))[len(rows) // 2 :]
    return dict(keep)
