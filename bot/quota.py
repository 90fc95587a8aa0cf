"""Request quotas: a token bucket per user and per chat (plain, no Telegram).

The buckets live in `SharedState`, so that with PostgreSQL every replica spends from the same
ones; the arithmetic is here and runs while the store holds the buckets locked.

Not to be confused with outgoing flood control (`bot.apiretry`), which paces the bot's own Bot
API calls.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace

from bot.storage.shared import BucketRow, SharedState


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


def refill(row: BucketRow | None, spec: BucketSpec, now: float) -> BucketRow:
    """The bucket at `now`: a new one is full; a full one forgets its notice, so the next
    flood earns a new "slow down" (refilled single tokens do not: a steady flood hears it once).
    """
    if row is None:
        return BucketRow(float(spec.burst), now)
    tokens = min(float(spec.burst), row.tokens + (now - row.updated) * spec.per_minute / 60)
    return BucketRow(tokens, now, row.notified and tokens < spec.burst)


def spend(
    rows: Mapping[str, BucketRow | None], specs: Mapping[str, BucketSpec], now: float
) -> tuple[dict[str, BucketRow], Verdict]:
    """Take a token from every bucket when all have one; else refuse on the first empty one
    (in `specs` order), noticing it once per flood."""
    buckets = {key: refill(rows.get(key), spec, now) for key, spec in specs.items()}
    for key, bucket in buckets.items():
        if bucket.tokens < 1:
            if bucket.notified:
                return {key: bucket}, Verdict.DROP
            return {key: replace(bucket, notified=True)}, Verdict.NOTIFY
    return {key: replace(b, tokens=b.tokens - 1) for key, b in buckets.items()}, Verdict.ALLOW


class RequestQuota:
    """A request passes when both its user's and its chat's bucket have a token."""

    def __init__(self, user: BucketSpec, chat: BucketSpec, state: SharedState) -> None:
        self.user = user
        self.chat = chat
        self.state = state

    async def check(self, user_id: int | None, chat_id: int | None) -> Verdict:
        """Spend a token from each bucket involved, only when all of them have one.

        Raises:
            StoreError: the shared state failed.
        """
        specs: dict[str, BucketSpec] = {}
        if user_id is not None:
            specs[f"user:{user_id}"] = self.user
        if chat_id is not None and chat_id != user_id:
            specs[f"chat:{chat_id}"] = self.chat
        if not specs:
            return Verdict.ALLOW
        return await self.state.update_buckets(
            list(specs), lambda rows, now: spend(rows, specs, now)
        )
