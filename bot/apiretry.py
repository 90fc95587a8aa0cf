"""Outgoing Bot API calls: Telegram's flood control plus a bounded retry of transient failures.

PTB's `AIORateLimiter` already paces requests and retries a 429 after its `retry_after`. This
subclass adds the one other retry the bot needs, in the one place every outgoing call passes
through (the rate limiter's public `process_request` hook): a 5xx answer or a dropped
connection is retried a few times with exponential backoff. A timeout is retried only for
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
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter

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


def _marking_sent(callback: Callback, tracked: TrackedCall) -> Callback:
    async def send(*args: Any, **kwargs: Any) -> bool | JSONDict | list[JSONDict]:
        tracked.sent = True
        return await callback(*args, **kwargs)

    return send


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


class RetryingRateLimiter(AIORateLimiter):
    """`AIORateLimiter` (pacing, 429 retries) plus bounded retries of 5xx and network errors."""

    def __init__(self, *, retry: RetryPolicy | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.retry = retry or RetryPolicy()

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Run one Bot API call through the limiter, retrying transient failures.

        Marks the task's `TRACKED_CALL`, if any, queued now and sent when the limiter lets
        the request go.
        """
        tracked = TRACKED_CALL.get()
        if tracked is not None:
            tracked.queued = True
            callback = _marking_sent(callback, tracked)
        attempt = 0
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as exc:
                if attempt >= self.retry.retries or not is_transient(exc, endpoint):
                    raise
                wait = self.retry.delay(attempt)
                attempt += 1
                _LOG.warning(
                    "%s failed (%s); retry %d of %d in %.1f s",
                    endpoint,
                    exc,
                    attempt,
                    self.retry.retries,
                    wait,
                )
                await asyncio.sleep(wait)
