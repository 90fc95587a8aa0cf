"""/start, /help, /privacy."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.context import BotContext


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
        await update.effective_message.reply_html(
            tx(texts.PRIVACY, ttl=texts.human_duration(context.deps.settings.cache_ttl_s, tx))
        )
