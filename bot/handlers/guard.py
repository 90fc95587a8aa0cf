"""Handler group -1: drop updates from blocked chats and users; enforce request quotas.

Inline queries pass the blocklist here but are charged by the inline handler (`charge`) once
the user stops typing: Telegram sends one query per keystroke, and only the last costs work.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Chat, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.context import BotContext
from bot.inputs import has_link
from bot.quota import Verdict
from bot.storage.base import StoreError

_LOG = logging.getLogger(__name__)


def costs_work(update: Update) -> bool:
    """True for updates that may make the bot fetch, summarise or reply.

    Group chatter without commands or links is free, so auto-summary chats are not throttled
    by ordinary conversation. Inline queries are charged later, by `charge`.
    """
    if update.callback_query is not None:
        return True
    message, chat = update.message, update.effective_chat
    if message is None or chat is None:
        return False
    if chat.type == Chat.PRIVATE:
        return True
    text = message.text or message.caption or ""
    return text.startswith("/") or has_link(message)


async def charge(context: BotContext, user_id: int | None, chat_id: int | None) -> Verdict:
    """Spend one request from the user's and the chat's quota (the bot's owners are exempt).

    A failing store lets the request through: quotas are best-effort, answers are not.
    """
    deps = context.deps
    if user_id is not None and user_id in deps.settings.bot_owner_ids:
        return Verdict.ALLOW
    try:
        return await deps.quota.check(user_id, chat_id)
    except StoreError as exc:
        _LOG.error("storage failure while checking a quota: %s", exc)
        return Verdict.ALLOW


async def guard(update: object, context: BotContext) -> None:
    """Stop blocked or over-limit updates before any other handler sees them."""
    if not isinstance(update, Update):
        return
    deps = context.deps
    user, chat = update.effective_user, update.effective_chat
    ids = [i for i in (user.id if user else None, chat.id if chat else None) if i is not None]
    exempt = any(i in deps.settings.bot_owner_ids for i in ids)
    if ids and not exempt and await deps.service.is_blocked(*ids):
        raise ApplicationHandlerStop
    if not costs_work(update):
        return
    verdict = await charge(context, user.id if user else None, chat.id if chat else None)
    if verdict is Verdict.ALLOW:
        return
    if verdict is Verdict.NOTIFY:
        tx = await context.texts(update)
        with contextlib.suppress(TelegramError):
            if update.callback_query is not None:
                await update.callback_query.answer(tx(texts.SLOW_DOWN))
            elif update.effective_message is not None:
                await update.effective_message.reply_html(tx(texts.SLOW_DOWN))
    raise ApplicationHandlerStop
