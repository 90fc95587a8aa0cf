"""A small dict with per-entry expiry and an injected clock (admin status, for example)."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class TTLCache(Generic[V]):
    """Entries expire `ttl_s` seconds after they were set."""

    def __init__(
        self, ttl_s: float, clock: Callable[[], float] = time.monotonic, max_size: int = 10_000
    ) -> None:
        self._ttl_s = ttl_s
        self._clock = clock
        self._max_size = max_size
        self._data: dict[Hashable, tuple[float, V]] = {}

    def get(self, key: Hashable) -> V | None:
        """The live value, or None."""
        hit = self._data.get(key)
        if hit is None:
            return None
        if hit[0] <= self._clock():
            del self._data[key]
            return None
        return hit[1]

    def set(self, key: Hashable, value: V) -> None:
        """Store a value; the oldest half is dropped when the cache is full."""
        if len(self._data) >= self._max_size:
            now = self._clock()
            self._data = {k: v for k, v in self._data.items() if v[0] > now}
            if len(self._data) >= self._max_size:
                keep = sorted(self._data.items(), key=lambda kv: kv[1][0])[self._max_size // 2 :]
                self._data = dict(keep)
        self._data[key] = (self._clock() + self._ttl_s, value)
