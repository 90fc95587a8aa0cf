"""/start, /help, /privacy."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.i18n import Texts
from bot.storage.shared import KEEP_FINISHED_S, KEEP_PASTE_PARTS_S, MemorySharedState


async def on_start(update: Update, context: BotContext) -> None:
    """/start: what the bot does."""
    if update.effective_message:
        tx = await context.texts(update)
        await update.effective_message.reply_html(tx(texts.START))


async def on_help(update: Update, context: BotContext) -> None:
    """/help: how to use it in private chats and groups."""
    if update.effective_message:
        tx = await context.texts(update)
        await update.effective_message.reply_html(
            tx(
                texts.HELP,
                max_links=tx.number(context.deps.settings.max_links_per_message),
                username=context.bot.username,
            )
        )


async def on_privacy(update: Update, context: BotContext) -> None:
    """/privacy: what is stored and for how long."""
    if update.effective_message:
        tx = await context.texts(update)
        in_database = not isinstance(context.deps.service.shared, MemorySharedState)
        await update.effective_message.reply_html(
            privacy_text(tx, context.deps.settings.cache_ttl_s, in_database=in_database)
        )


def privacy_text(tx: Texts, cache_ttl_s: float, *, in_database: bool) -> str:
    """PRIVACY with the keeping times of this deployment: with PostgreSQL (replicas) updates
    and paste parts wait in the database, with one process only in its memory."""
    paste_keep = texts.human_duration(KEEP_PASTE_PARTS_S, tx)
    if in_database:
        messages = tx(
            texts.PRIVACY_MESSAGES_IN_DATABASE,
            job_keep=texts.human_duration(KEEP_FINISHED_S, tx),
            paste_keep=paste_keep,
        )
    else:
        messages = tx(texts.PRIVACY_MESSAGES_IN_MEMORY, paste_keep=paste_keep)
    return tx(texts.PRIVACY, ttl=texts.human_duration(cache_ttl_s, tx), messages=messages)
