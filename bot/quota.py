"""Request quotas: token buckets per user and per chat, injected clock (plain, no Telegram).

Not to be confused with outgoing flood control (`bot.apiretry.RetryingRateLimiter`), which paces
the bot's own Bot API calls.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass


class Verdict(enum.Enum):
    """What to do with one request."""

    ALLOW = "allow"
    NOTIFY = "notify"  # refuse, and say "slow down" (once until the bucket is full again)
    DROP = "drop"  # refuse silently: the notice was already sent in this window


@dataclass(frozen=True, slots=True)
class BucketSpec:
    """`burst` requests at once, refilled at `per_minute`."""

    burst: int
    per_minute: float


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    notified: bool = False


class TokenBuckets:
    """One token bucket per key; memory stays bounded by pruning full buckets."""

    def __init__(
        self, spec: BucketSpec, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000
    ) -> None:
        self._spec = spec
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[Hashable, _Bucket] = {}

    def _refilled(self, key: Hashable, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._max_keys:
                self._prune(now)
            bucket = _Bucket(float(self._spec.burst), now)
            self._buckets[key] = bucket
            return bucket
        rate = self._spec.per_minute / 60
        bucket.tokens = min(self._spec.burst, bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        if bucket.tokens >= self._spec.burst:
            # A full bucket means the sender calmed down: the next flood earns a new notice.
            # Refilled single tokens do not, so a steady flood hears "slow down" once.
            bucket.notified = False
        return bucket

    def _prune(self, now: float) -> None:
        rate = self._spec.per_minute / 60
        full = [
            k
            for k, b in self._buckets.items()
            if b.tokens + (now - b.updated) * rate >= self._spec.burst
        ]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) >= self._max_keys:  # still full: forget the oldest
            oldest = sorted(self._buckets, key=lambda k: self._buckets[k].updated)
            for k in oldest[: len(oldest) // 2]:
                del self._buckets[k]

    def peek(self, key: Hashable) -> bool:
        """True when `key` has a token (does not take it)."""
        return self._refilled(key, self._clock()).tokens >= 1

    def take(self, key: Hashable) -> Verdict:
        """Spend one token for `key`."""
        bucket = self._refilled(key, self._clock())
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return Verdict.ALLOW
        if bucket.notified:
            return Verdict.DROP
        bucket.notified = True
        return Verdict.NOTIFY

    def __len__(self) -> int:
        return len(self._buckets)


class RequestQuota:
    """A request passes when both its user's and its chat's bucket have a token."""

    def __init__(
        self,
        user: BucketSpec,
        chat: BucketSpec,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.users = TokenBuckets(user, clock)
        self.chats = TokenBuckets(chat, clock)

    def check(self, user_id: int | None, chat_id: int | None) -> Verdict:
        """Spend a token from each bucket involved, only when all of them have one."""
        if user_id is not None and not self.users.peek(user_id):
            return self.users.take(user_id)
        if chat_id is not None and chat_id != user_id and not self.chats.peek(chat_id):
            return self.chats.take(chat_id)
        if user_id is not None:
            self.users.take(user_id)
        if chat_id is not None and chat_id != user_id:
            self.chats.take(chat_id)
        return Verdict.ALLOW
