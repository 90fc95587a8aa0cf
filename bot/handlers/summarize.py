"""Summaries of pasted text, links, documents (private); /summary and auto-summary in groups.

Documents are .txt, .html and .pdf files: sent in a private chat, or replied to with /summary.

Every path is: parse the message (`bot.inputs`) → ask the service (`bot.service`) → render
(`bot.formatting`) → deliver (`bot.delivery`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from telegram import Document, Message, Update

from bot import formatting, texts
from bot.context import BotContext, texts_for_update
from bot.delivery import Job, run_and_deliver
from bot.i18n import Texts
from bot.inputs import (
    SummaryRequest,
    document_kind,
    parse_command,
    parse_message,
    replied_document,
)
from bot.storage.base import ChatSettings
from summaries import Summary, SummaryError, SummaryOptions
from summaries.errors import NotText
from summaries.text import decode_text

_LOG = logging.getLogger(__name__)


async def _rendered(
    context: BotContext, work: Awaitable[Summary], url: str | None, tx: Texts
) -> list[str]:
    """The messages for one summary; a SummaryError becomes its user-facing message."""
    service = context.deps.service
    try:
        summary = await work
    except SummaryError as exc:
        _LOG.info("summary failed: %s: %s", type(exc).__name__, exc)
        await service.record_error(exc)
        return [formatting.render_notice(texts.error_text(exc, tx))]
    notices = []
    if summary.pages_total > summary.pages_read:
        notices.append(
            formatting.render_notice(
                tx(
                    texts.PAGES_CUT,
                    read=tx.number(summary.pages_read),
                    total=tx.number(summary.pages_total),
                )
            )
        )
    if summary.text_cut:
        notices.append(
            formatting.render_notice(tx.plural(texts.TEXT_CUT, service.config.max_text_chars))
        )
    return notices + formatting.render_summary(summary, url, tx=tx)


async def _deliver(
    context: BotContext, message: Message, jobs: list[Job], status_text: str
) -> None:
    await run_and_deliver(message, jobs, status_text, context.deps.settings.status_grace_s)
    await context.deps.service.record_served(message.chat_id)


async def summarize_request(
    update: Update,
    context: BotContext,
    request: SummaryRequest,
    chat_settings: ChatSettings | None = None,
) -> None:
    """Summarise what a request names, with the chat's settings (read here unless given)."""
    message = update.effective_message
    if message is None or request.is_empty:
        return
    deps = context.deps
    if chat_settings is None:
        chat_settings = await deps.service.chat_settings(message.chat_id)
    options = chat_settings.to_options()
    tx = texts_for_update(update, chat_settings)
    if request.urls:
        limit = deps.settings.max_links_per_message
        urls = request.urls[:limit]
        if len(request.urls) > limit:
            await message.reply_html(tx.plural(texts.TOO_MANY_LINKS, limit))

        def job_for(url: str) -> Job:
            return lambda: _rendered(context, deps.service.for_url(url, options), url, tx)

        status = tx(texts.READING) if len(urls) == 1 else tx.plural(texts.READING_LINKS, len(urls))
        await _deliver(context, message, [job_for(u) for u in urls], status)
        return
    text = request.text or ""
    job: Job = lambda: _rendered(  # noqa: E731
        context, deps.service.for_text(text, options), None, tx
    )
    await _deliver(context, message, [job], tx(texts.READING))


async def on_private_message(update: Update, context: BotContext) -> None:
    """A private message: links, pasted (possibly split) article text, or a forwarded post."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    request = parse_message(message)
    if request.is_empty:
        await message.reply_html((await context.texts(update))(texts.NOTHING_IN_PRIVATE))
        return
    if request.text is not None:
        merged = await context.deps.paste_merger.collect(
            message.chat_id, user.id if user else 0, message.message_id, request.text
        )
        if merged is None:
            return  # absorbed into an earlier part's request
        request = SummaryRequest(text=merged)
    await summarize_request(update, context, request)


async def on_summary_command(update: Update, context: BotContext) -> None:
    """/summary (/tldr) [url | text], or as a reply to a message with a link or article."""
    message = update.effective_message
    if message is None:
        return
    document = None if context.args else replied_document(message)
    if document is not None:
        await summarize_document(update, context, message, document)
        return
    request = parse_command(message, list(context.args or []))
    if request.is_empty:
        await message.reply_html((await context.texts(update))(texts.USAGE_SUMMARY))
        return
    await summarize_request(update, context, request)


async def on_group_link(update: Update, context: BotContext) -> None:
    """A link posted in a group or channel: summarised only when the chat has auto-summary on."""
    message = update.effective_message
    if message is None:
        return
    chat_settings = await context.deps.service.chat_settings(message.chat_id)
    if not chat_settings.auto_summary:
        return
    request = parse_message(message)
    if request.urls:
        await summarize_request(update, context, SummaryRequest(urls=request.urls), chat_settings)


async def on_document(update: Update, context: BotContext) -> None:
    """A .txt, .html or .pdf file in a private chat, read as an article."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    await summarize_document(update, context, message, message.document)


async def summarize_document(
    update: Update, context: BotContext, message: Message, document: Document
) -> None:
    """Download a sent file (size-capped) and summarise it; the reply goes to `message`.

    PDFs may be as large as a fetched page (`FETCH_MAX_BYTES`); text files are capped lower.
    """
    deps = context.deps
    chat_settings = await deps.service.chat_settings(message.chat_id)
    tx = texts_for_update(update, chat_settings)
    kind = document_kind(document)
    if kind is None:
        await message.reply_html(tx(texts.DOCUMENT_UNSUPPORTED))
        return
    limit = deps.settings.fetch_max_bytes if kind == "pdf" else deps.settings.max_document_bytes
    too_large = tx(texts.DOCUMENT_TOO_LARGE, limit=texts.human_bytes(limit, tx))
    if document.file_size is not None and document.file_size > limit:
        await message.reply_html(too_large)
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > limit:
        await message.reply_html(too_large)
        return
    options: SummaryOptions = chat_settings.to_options()
    if kind == "pdf":
        work = deps.service.for_pdf(data, options)
    else:
        try:
            body = decode_text(data)
        except NotText:
            await message.reply_html(tx(texts.DOCUMENT_UNREADABLE))
            return
        work = (
            deps.service.for_html(body, options)
            if kind == "html"
            else deps.service.for_text(body, options)
        )
    await _deliver(
        context, message, [lambda: _rendered(context, work, None, tx)], tx(texts.READING)
    )
