"""Owner-only commands (BOT_OWNER_IDS): /stats, /block, /unblock."""

from __future__ import annotations

import html

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.i18n import ENGLISH, Texts
from bot.service import Stats


def is_owner(context: BotContext, update: Update) -> bool:
    """True when the sender is one of BOT_OWNER_IDS."""
    user = update.effective_user
    return user is not None and user.id in context.deps.settings.bot_owner_ids


def format_stats(stats: Stats, tx: Texts = ENGLISH) -> str:
    """The /stats message (HTML)."""
    error_text = ", ".join(
        f"{name} {tx.number(count)}" for name, count in stats.errors.items()
    ) or tx(texts.STATS_NO_ERRORS)
    return tx(
        texts.STATS,
        chats=tx.number(stats.chats),
        served=tx.number(stats.served),
        hits=tx.number(stats.cache_hits),
        errors=html.escape(error_text),
    )


async def on_stats(update: Update, context: BotContext) -> None:
    """/stats for owners."""
    message = update.effective_message
    if message is None:
        return
    tx = await context.texts(update)
    if not is_owner(context, update):
        await message.reply_html(tx(texts.OWNER_ONLY))
        return
    stats = await context.deps.service.stats()
    await message.reply_html(
        format_stats(stats, tx) if stats is not None else html.escape(tx(texts.SOMETHING_WRONG))
    )


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
    tx = await context.texts(update)
    if not is_owner(context, update):
        await message.reply_html(tx(texts.OWNER_ONLY))
        return
    command = message.text.split()[0].lstrip("/").split("@")[0].lower()
    subject = _subject(list(context.args or []))
    if subject is None:
        await message.reply_html(tx(texts.BLOCK_USAGE, command=command))
        return
    service = context.deps.service
    if command == "block":
        done: bool | None = await service.block(subject)
        reply = texts.BLOCKED_OK
    else:
        done = await service.unblock(subject)
        reply = texts.UNBLOCKED_OK if done else texts.NOT_BLOCKED
    if done is None or (command == "block" and not done):
        await message.reply_html(html.escape(tx(texts.SOMETHING_WRONG)))
        return
    await message.reply_html(tx(reply, id=subject))
