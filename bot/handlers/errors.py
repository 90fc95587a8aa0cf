"""The one global error handler: log first, then tell the user if possible; never raises."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import CallbackContext

from bot import texts
from bot.inline import notice_result

_LOG = logging.getLogger(__name__)


async def on_error(update: object, context: CallbackContext) -> None:  # type: ignore[type-arg]
    """Log the exception with the update's ids, then answer "Something went wrong"."""
    try:
        ids = ""
        if isinstance(update, Update):
            chat = update.effective_chat
            ids = f" (update {update.update_id}, chat {chat.id if chat else '-'})"
        _LOG.error("unhandled error%s", ids, exc_info=context.error)
    except Exception:  # noqa: BLE001 — logging must not take the handler down
        _LOG.error("unhandled error (could not describe the update)")
    try:
        if isinstance(update, Update):
            if update.callback_query is not None:
                await update.callback_query.answer(texts.SOMETHING_WRONG)
            elif update.inline_query is not None:
                query = update.inline_query
                result = notice_result(
                    "failed", query.query, texts.INLINE_ERROR_TITLE, texts.SOMETHING_WRONG
                )
                await query.answer([result], cache_time=0)
            elif update.effective_message is not None:
                await update.effective_message.reply_html(texts.SOMETHING_WRONG)
    except Exception as exc:  # noqa: BLE001 — the error handler must never fail
        _LOG.warning("could not tell the user about the error: %s", exc)
