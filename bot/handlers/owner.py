"""Owner-only commands (BOT_OWNER_IDS): /stats, /block, /unblock."""

from __future__ import annotations

import html
import logging

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.service import COUNTER_CACHE_HITS, COUNTER_ERROR_PREFIX, COUNTER_SERVED
from bot.storage.base import StoreError

_LOG = logging.getLogger(__name__)


def is_owner(context: BotContext, update: Update) -> bool:
    """True when the sender is one of BOT_OWNER_IDS."""
    user = update.effective_user
    return user is not None and user.id in context.deps.settings.bot_owner_ids


def format_stats(chats: int, counters: dict[str, int]) -> str:
    """The /stats message (HTML)."""
    errors = {
        k.removeprefix(COUNTER_ERROR_PREFIX): v
        for k, v in sorted(counters.items())
        if k.startswith(COUNTER_ERROR_PREFIX)
    }
    error_text = ", ".join(f"{name} {count}" for name, count in errors.items()) or "none"
    return texts.STATS.format(
        chats=chats,
        served=counters.get(COUNTER_SERVED, 0),
        hits=counters.get(COUNTER_CACHE_HITS, 0),
        errors=html.escape(error_text),
    )


async def on_stats(update: Update, context: BotContext) -> None:
    """/stats for owners."""
    message = update.effective_message
    if message is None:
        return
    if not is_owner(context, update):
        await message.reply_html(texts.OWNER_ONLY)
        return
    store = context.deps.store
    try:
        text = format_stats(await store.count_chats(), await store.counters())
    except StoreError as exc:
        _LOG.error("storage failure while reading stats: %s", exc)
        text = html.escape(texts.SOMETHING_WRONG)
    await message.reply_html(text)


def _subject(args: list[str]) -> int | None:
    if len(args) != 1:
        return None
    try:
        return int(args[0])
    except ValueError:
        return None


async def on_block(update: Update, context: BotContext) -> None:
    """/block <id> and /unblock <id> for owners."""
    message = update.effective_message
    if message is None or not message.text:
        return
    if not is_owner(context, update):
        await message.reply_html(texts.OWNER_ONLY)
        return
    command = message.text.split()[0].lstrip("/").split("@")[0].lower()
    subject = _subject(list(context.args or []))
    if subject is None:
        await message.reply_html(texts.BLOCK_USAGE.format(command=command))
        return
    store = context.deps.store
    if command == "block":
        await store.block(subject)
        await message.reply_html(texts.BLOCKED_OK.format(id=subject))
    elif await store.unblock(subject):
        await message.reply_html(texts.UNBLOCKED_OK.format(id=subject))
    else:
        await message.reply_html(texts.NOT_BLOCKED.format(id=subject))
