"""The one global error handler: log first, then tell the user if possible; never raises."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import CallbackContext

from bot import texts
from bot.context import BotContext, texts_for_update
from bot.i18n import Texts
from bot.inline import notice_result

_LOG = logging.getLogger(__name__)


async def _texts(update: Update, context: CallbackContext) -> Texts:  # type: ignore[type-arg]
    """The chat's interface language; without its settings when reading them fails too."""
    try:
        if isinstance(context, BotContext):
            return await context.texts(update)
    except Exception:  # noqa: BLE001 — whatever broke, the user still gets an answer
        _LOG.warning("could not read the chat's interface language")
    return texts_for_update(update, None)


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
            tx = await _texts(update, context)
            if update.callback_query is not None:
                await update.callback_query.answer(tx(texts.SOMETHING_WRONG))
            elif update.inline_query is not None:
                query = update.inline_query
                result = notice_result(
                    "failed", query.query, tx(texts.INLINE_ERROR_TITLE), tx(texts.SOMETHING_WRONG)
                )
                await query.answer([result], cache_time=0)
            elif update.effective_message is not None:
                await update.effective_message.reply_html(tx(texts.SOMETHING_WRONG))
    except Exception as exc:  # noqa: BLE001 — the error handler must never fail
        _LOG.warning("could not tell the user about the error: %s", exc)
