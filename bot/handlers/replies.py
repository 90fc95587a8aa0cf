"""Sending helpers shared by handlers: typing indicator, status message edited into the result."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence

from telegram import Message
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError

_LOG = logging.getLogger(__name__)
#: Telegram shows "typing…" for about 5 s; refresh a little sooner.
TYPING_REFRESH_S = 4.5
#: Quick answers need no typing indicator (fast ones come at once, slower ones get "Reading…"
#: first); waiting saves one API call per request under Telegram's 30-messages-per-second cap.
TYPING_DELAY_S = 1.0


@contextlib.asynccontextmanager
async def typing(message: Message) -> AsyncIterator[None]:
    """Keep the chat's "typing…" indicator on while the body runs."""

    async def keep_typing() -> None:
        await asyncio.sleep(TYPING_DELAY_S)
        while True:
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


async def deliver(trigger: Message, status: Message | None, chunks: Sequence[str]) -> None:
    """Put `chunks` in the chat: the first replaces the status message, the rest follow it.

    Falls back to fresh replies when the status message cannot be edited.
    """
    pending = list(chunks)
    if status is not None and pending:
        try:
            await status.edit_text(pending[0])
            pending.pop(0)
        except BadRequest as exc:
            _LOG.warning("could not edit the status message: %s", exc)
            with contextlib.suppress(TelegramError):
                await status.delete()
    for chunk in pending:
        await trigger.reply_html(chunk)
