"""Outgoing Bot API calls: messages paced at Telegram's limits (`bot.sendpacing`), a 429
recovered from, and a bounded retry of transient failures.

All of it sits in the one place every outgoing call passes through (PTB's rate limiter hook,
`process_request`): a message waits for its slot in the pacer, a 429 pauses releases for its
`retry_after` and the call is made again, and a 5xx answer or a dropped connection is retried a
few times with exponential backoff. A timeout is retried only for
methods that are safe to repeat, because a `sendMessage` that timed out may have been delivered
and repeating it would post the reply twice.

It also tells a caller whether a call is still waiting for flood control (`TrackedCall`): a
"Reading…" status that has not left the queue when the summary is ready can be cancelled
without leaving anything in the chat, which saves a message of Telegram's 30 per second.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from telegram._utils.types import JSONDict
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

from bot.journal import SEND_GATE
from bot.sendpacing import PACED_METHODS, SendLimits, SendPacer

_LOG = logging.getLogger(__name__)

#: Methods whose repetition changes nothing (an edit to the same text, a lookup, an answer).
IDEMPOTENT_METHODS = frozenset(
    {
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
        "getChatMember",
        "getChat",
        "getFile",
        "getMe",
        "sendChatAction",
        "answerCallbackQuery",
        "setMyCommands",
        "deleteWebhook",
    }
)


Callback = Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]]


@dataclass(slots=True)
class TrackedCall:
    """How far one Bot API call got: queued for flood control, then sent.

    Attributes:
        queued: the call reached `RetryingRateLimiter`, so `sent` is kept up to date.
        sent: the HTTP request has begun; from then on the message may reach the chat.
    """

    queued: bool = False
    sent: bool = False

    @property
    def withdrawable(self) -> bool:
        """True while cancelling the call cannot leave a message behind."""
        return self.queued and not self.sent


#: The call the current task is making, when its caller wants to know how far it got (set it in
#: a task of its own: tasks run in a copy of the context, so nothing else is tracked).
TRACKED_CALL: ContextVar[TrackedCall | None] = ContextVar("tracked_call", default=None)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how patiently a transient failure is retried.

    Attributes:
        retries: extra attempts after the first (so `retries + 1` calls at most).
        base_delay_s: wait before the first retry; doubled for each further one.
        max_delay_s: cap on one wait.
        jitter: each wait is scaled by a random factor in [1 - jitter, 1 + jitter], so chats
            that failed together do not retry in lockstep.
    """

    retries: int = 3
    base_delay_s: float = 0.4
    max_delay_s: float = 3.0
    jitter: float = 0.25

    def delay(self, attempt: int, rand: Callable[[], float] = random.random) -> float:
        """Seconds to wait before retry number `attempt` (0-based)."""
        raw = min(self.max_delay_s, self.base_delay_s * 2.0**attempt)
        return raw * (1 - self.jitter + 2 * self.jitter * rand())


def is_transient(exc: BaseException, endpoint: str) -> bool:
    """True when `exc` from calling `endpoint` is worth another attempt.

    `BadRequest` is a `NetworkError` subclass in PTB but means "this request is wrong":
    repeating it cannot help.
    """
    if isinstance(exc, BadRequest) or not isinstance(exc, NetworkError):
        return False
    if isinstance(exc, TimedOut):
        return endpoint in IDEMPOTENT_METHODS
    return True


class RetryingRateLimiter(BaseRateLimiter[int]):
    """Every outgoing call: messages paced by a `SendPacer`, 429 and transient failures retried.

    A 429 is a fault here, not the pacing: the pacer keeps the bot within Telegram's limits, and
    a 429 that still comes (another bot process on the same token, a limit Telegram changed)
    pauses every release for its `retry_after`, then the call is made again, up to
    `max_retries` times.

    Args:
        pacer: Where messages wait for a slot (default: counted in this process).
        max_retries: 429 retries of one call.
        retry: Retries of 5xx answers and dropped connections.
        limits: Limits of the default pacer (tests switch one off).
    """

    def __init__(
        self,
        pacer: SendPacer | None = None,
        *,
        max_retries: int = 3,
        retry: RetryPolicy | None = None,
        limits: SendLimits | None = None,
    ) -> None:
        self.pacer = pacer or SendPacer(limits=limits)
        self.max_retries = max_retries
        self.retry = retry or RetryPolicy()

    async def initialize(self) -> None:
        """Nothing to open: the pacer starts with the first message."""

    async def shutdown(self) -> None:
        """Stop the pacer."""
        await self.pacer.close()

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Make one Bot API call: wait for a message slot, send, retry what is worth it.

        Marks the task's `TRACKED_CALL`, if any, queued now and sent when the pacer lets the
        request go (until then, cancelling the task leaves nothing behind).
        """
        tracked = TRACKED_CALL.get()
        if tracked is not None:
            tracked.queued = True
        chat_id = _chat_id(data)
        paced = endpoint in PACED_METHODS and chat_id is not None
        gate = SEND_GATE.get()  # the reply journal's, run once, when the call may leave
        floods = transient = 0
        while True:
            await self.pacer.unpaused()
            ticket = await self.pacer.acquire(chat_id) if paced and chat_id is not None else None
            try:
                if gate is not None:
                    opened, gate = gate, None
                    earlier = await opened()
                    if earlier.result is not None:
                        return earlier.result  # type: ignore[no-any-return]
                if tracked is not None:
                    tracked.sent = True
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if floods >= (rate_limit_args or self.max_retries):
                    raise
                floods += 1
                # the public `retry_after` warns about its future type; PTB's own limiter
                # reads the timedelta the same way
                seconds = exc._retry_after.total_seconds()  # noqa: SLF001
                _LOG.warning("%s: Telegram answered 429; pausing %.1f s", endpoint, seconds)
                self.pacer.pause(seconds)
            except NetworkError as exc:
                if transient >= self.retry.retries or not is_transient(exc, endpoint):
                    raise
                wait_s = self.retry.delay(transient)
                transient += 1
                _LOG.warning(
                    "%s failed (%s); retry %d of %d in %.1f s",
                    endpoint,
                    exc,
                    transient,
                    self.retry.retries,
                    wait_s,
                )
                await asyncio.sleep(wait_s)
            finally:
                if ticket is not None:
                    await self.pacer.release(ticket)


def _chat_id(data: dict[str, Any]) -> int | None:
    """The numeric chat of a call (`@channel` names and missing ids: None, not paced by chat)."""
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None
