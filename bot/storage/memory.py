"""In-memory `Store` for tests and throwaway runs (nothing survives a restart)."""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.storage.base import ChatSettings
from summaries.models import Summary


class MemoryStore:
    """A dict-backed store with the same semantics as the SQLite one."""

    def __init__(
        self, clock: Callable[[], float] = time.time, max_cache_entries: int = 10_000
    ) -> None:
        self._clock = clock
        self.max_cache_entries = max_cache_entries
        self._settings: dict[int, ChatSettings] = {}
        self._cache: dict[str, tuple[float, Summary]] = {}
        self._counters: dict[str, int] = {}
        self._chats: set[int] = set()
        self._blocked: set[int] = set()

    async def open(self) -> None:
        """Nothing to open."""

    async def close(self) -> None:
        """Nothing to close."""

    async def ping(self) -> None:
        """Always answers."""

    async def get_chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings, or the defaults."""
        return self._settings.get(chat_id, ChatSettings())

    async def set_chat_settings(self, chat_id: int, settings: ChatSettings) -> None:
        """Replace the chat's settings."""
        self._settings[chat_id] = settings

    async def get_summary(self, key: str) -> Summary | None:
        """A cached summary that has not expired, or None."""
        hit = self._cache.get(key)
        if hit is None:
            return None
        expires, summary = hit
        if expires <= self._clock():
            del self._cache[key]
            return None
        return summary

    async def put_summary(self, key: str, summary: Summary, ttl_s: float) -> None:
        """Cache a summary for `ttl_s` seconds."""
        self._cache[key] = (self._clock() + ttl_s, summary)
        if len(self._cache) > self.max_cache_entries:
            await self.purge_expired()
            while len(self._cache) > self.max_cache_entries:
                del self._cache[min(self._cache, key=lambda k: self._cache[k][0])]

    async def cache_size(self) -> int:
        """How many summaries the cache holds."""
        return len(self._cache)

    async def purge_expired(self) -> int:
        """Delete expired entries."""
        now = self._clock()
        dead = [k for k, (exp, _) in self._cache.items() if exp <= now]
        for k in dead:
            del self._cache[k]
        return len(dead)

    async def incr(self, counter: str, by: int = 1) -> None:
        """Add to a named counter."""
        self._counters[counter] = self._counters.get(counter, 0) + by

    async def counters(self) -> dict[str, int]:
        """Every counter by name."""
        return dict(self._counters)

    async def touch_chat(self, chat_id: int) -> None:
        """Remember that a chat used the bot."""
        self._chats.add(chat_id)

    async def count_chats(self) -> int:
        """How many distinct chats used the bot."""
        return len(self._chats)

    async def block(self, subject_id: int) -> None:
        """Block a chat or user id."""
        self._blocked.add(subject_id)

    async def unblock(self, subject_id: int) -> bool:
        """Unblock an id; True when it was blocked."""
        was = subject_id in self._blocked
        self._blocked.discard(subject_id)
        return was

    async def is_blocked(self, *subject_ids: int) -> bool:
        """True when any of the ids is blocked."""
        return any(i in self._blocked for i in subject_ids)
