"""Putting results in the chat: a status message only for slow work, typing, withdrawal of a
status nobody needs any more, and the messages of a reply (already split at 4096 by
`formatting`) sent in order."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence

from telegram import Message
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError

from bot.apiretry import TRACKED_CALL, RetryingRateLimiter, TrackedCall
from bot.sendpacing import SendPacer

_LOG = logging.getLogger(__name__)
#: Telegram shows "typing…" for about 5 s; refresh a little sooner.
TYPING_REFRESH_S = 4.5
#: Quick answers need no typing indicator (fast ones come at once, slower ones get "Reading…"
#: first); waiting saves one API call per request under Telegram's 30-messages-per-second cap.
TYPING_DELAY_S = 1.0

#: Under a backlog a status or typing action would only wait in the send queue (and take a
#: slot from someone's summary): neither is sent while the next message would wait this long.
BACKLOG_S = 1.0

#: One piece of work whose result is the messages to send (errors already rendered).
Job = Callable[[], Awaitable[list[str]]]


def _pacer(message: Message) -> SendPacer | None:
    limiter = getattr(message.get_bot(), "rate_limiter", None)
    return limiter.pacer if isinstance(limiter, RetryingRateLimiter) else None


def backlogged(message: Message) -> bool:
    """True while one more message to this chat would only wait in the send queue."""
    pacer = _pacer(message)
    return pacer is not None and pacer.estimated_wait_s(message.chat_id) > BACKLOG_S


@contextlib.contextmanager
def expecting_reply(message: Message) -> Iterator[None]:
    """Tell the pacer a reply to this message is on its way (it counts toward the backlog)."""
    pacer = _pacer(message)
    if pacer is None:
        yield
        return
    with pacer.expecting_reply():
        yield


@contextlib.asynccontextmanager
async def typing(message: Message) -> AsyncIterator[None]:
    """Keep the chat's "typing…" indicator on while the body runs (from `TYPING_DELAY_S`),
    except while replies are backlogged."""

    async def keep_typing() -> None:
        await asyncio.sleep(TYPING_DELAY_S)
        while True:
            if not backlogged(message):
                with contextlib.suppress(TelegramError):
                    await message.get_bot().send_chat_action(
                        message.chat_id,
                        ChatAction.TYPING,
                        message_thread_id=message.message_thread_id
                        if message.is_topic_message
                        else None,
                    )
            await asyncio.sleep(TYPING_REFRESH_S)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _post_status(message: Message, text: str, tracked: TrackedCall) -> Message | None:
    """Reply with the status text; None when Telegram refuses (results then come as replies).

    Runs as a task of its own, so `tracked` follows this one call through flood control.
    """
    TRACKED_CALL.set(tracked)
    try:
        return await message.reply_html(text)
    except TelegramError as exc:
        _LOG.warning("could not send the status message: %s", exc)
        return None


async def _settle_status(
    posting: asyncio.Task[Message | None] | None, tracked: TrackedCall
) -> Message | None:
    """The status message once the work is done, or None.

    A status still queued for flood control is withdrawn: it would only arrive after the
    result is ready and cost a message of Telegram's 30 per second. One already on its way is
    awaited, so it is edited into the result, never left behind.
    """
    if posting is None:
        return None
    if not posting.done() and tracked.withdrawable:
        posting.cancel()
    await asyncio.wait({posting})
    return None if posting.cancelled() else posting.result()


async def send_messages(trigger: Message, status: Message | None, messages: Sequence[str]) -> None:
    """Put `messages` in the chat: the first replaces the status message, the rest follow it.

    Falls back to fresh replies when the status message cannot be edited.
    """
    pending = list(messages)
    if status is not None and pending:
        try:
            await status.edit_text(pending[0])
            pending.pop(0)
        except BadRequest as exc:
            _LOG.warning("could not edit the status message: %s", exc)
            with contextlib.suppress(TelegramError):
                await status.delete()
    for text in pending:
        await trigger.reply_html(text)


async def run_and_deliver(
    message: Message, jobs: Sequence[Job], status_text: str, grace_s: float
) -> None:
    """Run jobs concurrently and send their results, with a status message only for slow work.

    Work done within `grace_s` (a paste takes ~50 ms) is sent as a plain reply: one Bot API
    call, which matters under Telegram's 30-messages-per-second cap. Slower work first gets
    `status_text` (and typing from `TYPING_DELAY_S` on), and the status is edited into the
    first result, so a user waiting on a slow site sees at once that the bot is on it. Under a
    backlog of replies (`backlogged`) there is neither status nor typing: one message per
    request. A status still queued when the result is ready is dropped.
    """
    work = asyncio.ensure_future(asyncio.gather(*(job() for job in jobs)))
    tracked = TrackedCall()
    posting: asyncio.Task[Message | None] | None = None
    try:
        with expecting_reply(message):
            async with typing(message):
                done, _ = await asyncio.wait({work}, timeout=grace_s)
                if not done and not backlogged(message):
                    posting = asyncio.create_task(_post_status(message, status_text, tracked))
                results = await work
    except Exception:
        # A bug, not a SummaryError: the error handler answers; no "Reading…" left behind.
        status = await _settle_status(posting, tracked)
        if status is not None:
            with contextlib.suppress(TelegramError):
                await status.delete()
        raise
    finally:
        work.cancel()  # only does something when this handler itself was cancelled mid-wait
    status = await _settle_status(posting, tracked)
    for index, messages in enumerate(results):
        await send_messages(message, status if index == 0 else None, messages)
