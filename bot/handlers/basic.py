"""/start, /help, /privacy."""

from __future__ import annotations

from typing import Literal

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
        shared_in_database = not isinstance(context.deps.service.shared, MemorySharedState)
        keeping = message_keeping(
            shared_in_database=shared_in_database,
            webhook=context.deps.settings.webhook_url is not None,
        )
        await update.effective_message.reply_html(
            privacy_text(tx, context.deps.settings.cache_ttl_s, keeping)
        )


#: Where users' messages wait: only in memory (one process); paste parts in PostgreSQL
#: (polling with PostgreSQL); also every update in the queue until answered (webhook replicas).
MessageKeeping = Literal["memory", "paste_parts_in_database", "queue_in_database"]


def message_keeping(*, shared_in_database: bool, webhook: bool) -> MessageKeeping:
    """The deployment's case: the queue exists only for webhook replicas on PostgreSQL."""
    if not shared_in_database:
        return "memory"
    return "queue_in_database" if webhook else "paste_parts_in_database"


def privacy_text(tx: Texts, cache_ttl_s: float, keeping: MessageKeeping) -> str:
    """PRIVACY with the last line and keeping times of this deployment."""
    paste_keep = texts.human_duration(KEEP_PASTE_PARTS_S, tx)
    if keeping == "queue_in_database":
        messages = tx(
            texts.PRIVACY_MESSAGES_IN_DATABASE,
            job_keep=texts.human_duration(KEEP_FINISHED_S, tx),
            paste_keep=paste_keep,
        )
    elif keeping == "paste_parts_in_database":
        messages = tx(texts.PRIVACY_PASTE_PARTS_IN_DATABASE, paste_keep=paste_keep)
    else:
        messages = tx(texts.PRIVACY_MESSAGES_IN_MEMORY, paste_keep=paste_keep)
    return tx(texts.PRIVACY, ttl=texts.human_duration(cache_ttl_s, tx), messages=messages)
