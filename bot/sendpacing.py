"""Outgoing messages paced at Telegram's limits: at most 30 in any 1-second window for the whole
bot and 20 in any minute per group, first come, first served across chats.

Telegram's limits are about messages, so only calls that put or change a message in a chat are
paced (`PACED_METHODS`: the send*, copy/forward and editMessage* methods; an edit is counted
because Telegram answers floods of edits with 429 too). Typing actions, deletions, callback and
inline answers, lookups and start-up calls are not messages and go straight out.

A message holds its slot in a window from the moment it is released until one window length
after its answer arrived. Telegram receives it somewhere in between, so however long the
request travels, no 31 messages can reach Telegram within one second (nor 21 within a minute in
one group): the window is strict, not a leaky bucket that lets a burst through. It costs one
round trip per window (about 28 instead of 30 messages per second at 30 ms).

`SendPacer` keeps this process's waiting messages in arrival order and releases the first ones
that fit; a message whose group has used its minute is skipped, not waited for, so it never
holds up other chats behind it. Where the slots are counted is a `SendLedger`: in this process
(`LocalSendLedger`, polling with SQLite), or in PostgreSQL for every replica together
(`bot.sendpacing_pg`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

_LOG = logging.getLogger(__name__)

#: Bot API methods that put or change a message in a chat: the calls Telegram's limits count.
PACED_METHODS = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "sendVideo",
        "sendAnimation",
        "sendAudio",
        "sendVoice",
        "sendSticker",
        "sendMediaGroup",
        "sendPoll",
        "sendLocation",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
    }
)
#: A message still without an answer after this long is counted as answered then (its
#: replica died, or its request timed out long ago): it must not hold a slot for ever.
STALE_AFTER_S = 15.0


@dataclass(frozen=True, slots=True)
class SendLimits:
    """Telegram's published limits for one bot (0 switches a limit off, e.g. in tests)."""

    per_second: int = 30
    per_group_minute: int = 20
    second_s: float = 1.0
    minute_s: float = 60.0


@dataclass(slots=True)
class SendSlot:
    """One released message: its chat, when it left, when its answer came (None: in flight)."""

    chat_id: int
    started: float
    done: float | None = None

    def holds_until(self, now: float, window_s: float) -> float:
        """When this message stops counting in a window of `window_s` (in flight: at least
        one window from now, since its answer is still to come)."""
        answered = self.done if self.done is not None else max(now, self.started)
        answered = min(answered, self.started + STALE_AFTER_S)
        return answered + window_s


@dataclass(frozen=True, slots=True)
class Decision:
    """Which candidates may go now (their positions) and when to ask again for the rest."""

    granted: tuple[int, ...]
    retry_at: float | None


def is_group(chat_id: int) -> bool:
    """Groups, supergroups and channels have negative ids; only they have a per-minute limit."""
    return chat_id < 0


def _free_at(holds: list[float], limit: int) -> float:
    """When fewer than `limit` of `holds` (end times) are still counting."""
    ordered = sorted(holds)
    return ordered[len(ordered) - limit]


def decide(
    now: float, taken: Sequence[SendSlot], candidates: Sequence[int], limits: SendLimits
) -> Decision:
    """Release the first candidates (chat ids, in arrival order) that fit both windows.

    `taken` are the messages released before (older ones are ignored). A candidate whose group
    used its minute is skipped, so the ones behind it still go; once the 1-second window is
    full, everything left waits.
    """
    second: list[float] = []
    groups: dict[int, list[float]] = {}
    for slot in taken:
        held = slot.holds_until(now, limits.second_s)
        if held > now:
            second.append(held)
        if limits.per_group_minute and is_group(slot.chat_id):
            held = slot.holds_until(now, limits.minute_s)
            if held > now:
                groups.setdefault(slot.chat_id, []).append(held)
    granted: list[int] = []
    retry_at: float | None = None
    for position, chat_id in enumerate(candidates):
        if limits.per_second and len(second) >= limits.per_second:
            free = _free_at(second, limits.per_second)
            retry_at = free if retry_at is None else min(retry_at, free)
            break
        if limits.per_group_minute and is_group(chat_id):
            group = groups.setdefault(chat_id, [])
            if len(group) >= limits.per_group_minute:
                free = _free_at(group, limits.per_group_minute)
                retry_at = free if retry_at is None else min(retry_at, free)
                continue
            group.append(now + limits.minute_s)
        second.append(now + limits.second_s)
        granted.append(position)
    return Decision(tuple(granted), retry_at)


@dataclass(frozen=True, slots=True)
class Grant:
    """What a ledger released: a ticket per granted candidate position, and when to retry
    (seconds from now) for the rest."""

    tickets: dict[int, int]
    retry_in: float | None


class SendLedger(Protocol):
    """Where released messages are counted (this process, or the database of all replicas)."""

    async def grant(self, candidates: Sequence[int]) -> Grant:
        """Release the first candidates that fit and count them as in flight."""

    async def release(self, ticket: int) -> None:
        """The message of `ticket` got its answer (or was never sent)."""


@dataclass
class LocalSendLedger:
    """Slots counted in this process (one polling bot)."""

    limits: SendLimits = field(default_factory=SendLimits)
    clock: Callable[[], float] = time.monotonic
    _slots: dict[int, SendSlot] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def grant(self, candidates: Sequence[int]) -> Grant:
        """Release what fits now (see `decide`)."""
        return self.grant_now(candidates)

    def grant_now(self, candidates: Sequence[int]) -> Grant:
        """`grant` without awaiting (for callers that already hold the clock)."""
        now = self.clock()
        self._forget(now)
        decision = decide(now, list(self._slots.values()), candidates, self.limits)
        tickets = {}
        for position in decision.granted:
            ticket = next(self._ids)
            self._slots[ticket] = SendSlot(candidates[position], now)
            tickets[position] = ticket
        retry_in = None if decision.retry_at is None else max(0.0, decision.retry_at - now)
        return Grant(tickets, retry_in)

    async def release(self, ticket: int) -> None:
        """Mark the message answered now."""
        slot = self._slots.get(ticket)
        if slot is not None and slot.done is None:
            slot.done = self.clock()

    def _forget(self, now: float) -> None:
        """Drop slots that no longer count in any window."""
        longest = max(self.limits.second_s, self.limits.minute_s)
        old = [t for t, s in self._slots.items() if s.holds_until(now, longest) <= now]
        for ticket in old:
            del self._slots[ticket]


@dataclass(eq=False)
class _Waiter:
    chat_id: int
    future: asyncio.Future[int]


class SendPacer:
    """Releases this process's messages in arrival order as the ledger's windows allow.

    `acquire` waits for a slot and returns a ticket; `release` returns it once the answer came.
    A waiting `acquire` can be cancelled (a "Reading…" that is no longer needed) and then costs
    nothing. `pause` holds every release after a 429, for its `retry_after`.
    """

    def __init__(self, ledger: SendLedger | None = None, limits: SendLimits | None = None):
        self.limits = limits or SendLimits()
        self.ledger: SendLedger = ledger or LocalSendLedger(self.limits)
        self._waiting: deque[_Waiter] = deque()
        self._wake = asyncio.Event()
        self._paused_until = 0.0
        self._task: asyncio.Task[None] | None = None
        self._retry_in: float | None = None
        self._expected = 0

    @property
    def waiting(self) -> int:
        """Messages of this process waiting for a slot."""
        return len(self._waiting)

    @contextlib.contextmanager
    def expecting_reply(self) -> Iterator[None]:
        """Count a request whose reply is still being made: its message will join the queue."""
        self._expected += 1
        try:
            yield
        finally:
            self._expected -= 1

    def estimated_wait_s(self, chat_id: int) -> float:
        """Roughly how long one more message for `chat_id` would wait for its slot now.

        The messages waiting and the replies still being made (other than the asking
        request's own) at Telegram's rate, plus a running 429 pause, or the known wait of this
        chat's own minute window when a message for it is already held back by it. Only this
        process's queue is known: with replicas it under-states the wait.
        """
        rate = self.limits.per_second
        ahead = len(self._waiting) + max(0, self._expected - 1)
        queue = ahead / rate if rate else 0.0
        pause = max(0.0, self._paused_until - time.monotonic())
        held = is_group(chat_id) and any(w.chat_id == chat_id for w in self._waiting)
        own = (self._retry_in or 0.0) if held else 0.0
        return pause + max(queue, own)

    async def acquire(self, chat_id: int) -> int:
        """Wait for a slot for one message to `chat_id`; returns its ticket for `release`."""
        waiter = _Waiter(chat_id, asyncio.get_running_loop().create_future())
        self._waiting.append(waiter)
        self._start()
        self._wake.set()
        try:
            return await waiter.future
        except asyncio.CancelledError:
            if waiter.future.done() and not waiter.future.cancelled():
                await self.release(waiter.future.result())  # granted just as it was cancelled
            else:
                with contextlib.suppress(ValueError):
                    self._waiting.remove(waiter)
            raise

    async def release(self, ticket: int) -> None:
        """The message of `ticket` got its answer: its window starts counting down now."""
        await self.ledger.release(ticket)
        self._wake.set()

    def pause(self, seconds: float) -> None:
        """Release nothing for `seconds` (Telegram answered 429 with this `retry_after`)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)
        self._wake.set()

    async def unpaused(self) -> None:
        """Return once no 429 pause is running."""
        # a sleep, not an event: another 429 may extend the pause meanwhile
        while (left := self._paused_until - time.monotonic()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(left)

    async def close(self) -> None:
        """Stop releasing; callers still waiting are cancelled."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for waiter in self._waiting:
            waiter.future.cancel()
        self._waiting.clear()

    def _start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._dispatch(), name="send-pacer")

    async def _dispatch(self) -> None:
        while True:
            self._wake.clear()
            await self.unpaused()
            while self._waiting and self._waiting[0].future.done():
                self._waiting.popleft()
            pending = [w for w in self._waiting if not w.future.done()]
            if not pending:
                await self._wake.wait()
                continue
            try:
                grant = await self.ledger.grant([w.chat_id for w in pending])
            except Exception:  # a bug in a ledger must not stop every reply: log, go on
                _LOG.exception("send pacing failed; retrying")
                grant = Grant({}, 0.5)
            for position, ticket in grant.tickets.items():
                waiter = pending[position]
                with contextlib.suppress(ValueError):
                    self._waiting.remove(waiter)
                if waiter.future.done():  # cancelled while the ledger decided
                    await self.ledger.release(ticket)
                else:
                    waiter.future.set_result(ticket)
            self._retry_in = grant.retry_in
            # Wait for the window to free up, a new message (it may fit where the held-back
            # ones do not) or an answer (its slot then counts down).
            timeout = None if grant.retry_in is None else max(0.001, grant.retry_in)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
