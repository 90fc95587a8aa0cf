"""Summaries of pasted text, links, documents (private); /summary and auto-summary in groups."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import Awaitable, Callable
from pathlib import PurePosixPath

from telegram import Message, Update
from telegram.error import TelegramError

from bot import formatting, texts
from bot.apiretry import TRACKED_CALL, TrackedCall
from bot.context import BotContext
from bot.handlers.replies import deliver, typing
from bot.inputs import (
    PASTE_MAX_CHARS,
    SummaryRequest,
    cap_text,
    looks_readable,
    parse_command,
    parse_message,
)
from bot.storage.base import ChatSettings
from summaries.errors import SummaryError
from summaries.models import Summary

_LOG = logging.getLogger(__name__)

#: Document types read as articles: extension → is HTML.
DOCUMENT_KINDS: dict[str, bool] = {".txt": False, ".text": False, ".html": True, ".htm": True}

Job = Callable[[], Awaitable[list[str]]]


async def _guarded(
    context: BotContext, produce: Callable[[], Awaitable[Summary]], url: str | None
) -> list[str]:
    """Run one summary; a SummaryError becomes its user-facing message."""
    deps = context.deps
    try:
        summary = await produce()
    except SummaryError as exc:
        _LOG.info("summary failed: %s: %s", type(exc).__name__, exc)
        await deps.service.record_error(exc)
        return [formatting.render_error(texts.error_text(exc, deps.settings.fetch_limits()))]
    return formatting.render_summary(summary, url)


async def _post_status(message: Message, text: str, tracked: TrackedCall) -> Message | None:
    """Reply with the status text; None when Telegram refuses (results then come as replies).

    Runs as a task of its own, so `tracked` follows this one call through flood control.
    """
    TRACKED_CALL.set(tracked)
    try:
        return await message.reply_html(text)
    except TelegramError as exc:
        _LOG.warning("could not send the status message: %s", exc)
        return None


async def _settle_status(
    posting: asyncio.Task[Message | None] | None, tracked: TrackedCall
) -> Message | None:
    """The status message once the work is done, or None.

    A status still queued for flood control is withdrawn: it would only arrive after the
    result is ready and cost a message of Telegram's 30 per second. One already on its way is
    awaited, so it is edited into the result, never left behind.
    """
    if posting is None:
        return None
    if not posting.done() and tracked.withdrawable:
        posting.cancel()
    await asyncio.wait({posting})
    return None if posting.cancelled() else posting.result()


async def run_jobs(update: Update, context: BotContext, jobs: list[Job], status_text: str) -> None:
    """Run jobs concurrently and post their results, with a status message only for slow work.

    Work done within `status_grace_s` (a paste takes ~50 ms) is sent as a plain reply: one Bot
    API call, which matters under Telegram's 30-messages-per-second cap. Slower work first gets
    `status_text` (and typing from `TYPING_DELAY_S` on), and the status is edited into the first
    result, so a user waiting on a slow site sees at once that the bot is on it. Under a flood
    of requests the status may still be queued when the result is ready; it is then dropped.
    """
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    work = asyncio.ensure_future(asyncio.gather(*(job() for job in jobs)))
    tracked = TrackedCall()
    posting: asyncio.Task[Message | None] | None = None
    try:
        async with typing(message):
            done, _ = await asyncio.wait({work}, timeout=context.deps.settings.status_grace_s)
            if not done:
                posting = asyncio.create_task(_post_status(message, status_text, tracked))
            results = await work
    except Exception:
        # A bug, not a SummaryError: the error handler answers; no "Reading…" left behind.
        status = await _settle_status(posting, tracked)
        if status is not None:
            with contextlib.suppress(TelegramError):
                await status.delete()
        raise
    finally:
        work.cancel()  # only does something when this handler itself was cancelled mid-wait
    status = await _settle_status(posting, tracked)
    for index, chunks in enumerate(results):
        await deliver(message, status if index == 0 else None, chunks)
    await context.deps.service.record_served(chat.id)


async def summarize_request(update: Update, context: BotContext, request: SummaryRequest) -> None:
    """Summarise what a request names, with the chat's settings."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or request.is_empty:
        return
    deps = context.deps
    chat_settings: ChatSettings = await deps.service.chat_settings(chat.id)
    options = chat_settings.to_options()
    if request.urls:
        limit = deps.settings.max_links_per_message
        urls = request.urls[:limit]
        if len(request.urls) > limit:
            await message.reply_html(texts.TOO_MANY_LINKS.format(count=limit))

        def job_for(url: str) -> Job:
            async def produce() -> Summary:
                return (await deps.service.for_url(url, options)).summary

            return lambda: _guarded(context, produce, url)

        status = texts.READING if len(urls) == 1 else texts.READING_LINKS.format(count=len(urls))
        await run_jobs(update, context, [job_for(u) for u in urls], status)
        return
    text = request.text or ""
    if not looks_readable(text):
        await message.reply_html(html.escape(texts.NOT_TEXT))
        return
    text, cut = cap_text(text)
    if cut:
        await message.reply_html(html.escape(texts.TEXT_CUT.format(chars=PASTE_MAX_CHARS)))

    async def produce_text() -> Summary:
        return await deps.service.for_text(text, options)

    await run_jobs(update, context, [lambda: _guarded(context, produce_text, None)], texts.READING)


async def on_private_message(update: Update, context: BotContext) -> None:
    """A private message: links, pasted (possibly split) article text, or a forwarded post."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    request = parse_message(message)
    if request.is_empty:
        await message.reply_html(texts.NOTHING_IN_PRIVATE)
        return
    if request.text is not None:
        key = (message.chat_id, user.id if user else 0)
        merged = await context.deps.splitter.collect(key, request.text)
        if merged is None:
            return  # absorbed into an earlier part's request
        request = SummaryRequest(text=merged)
    await summarize_request(update, context, request)


async def on_summary_command(update: Update, context: BotContext) -> None:
    """/summary (/tldr) [url | text], or as a reply to a message with a link or article."""
    message = update.effective_message
    if message is None:
        return
    request = parse_command(message, list(context.args or []))
    if request.is_empty:
        await message.reply_html(texts.USAGE_SUMMARY)
        return
    await summarize_request(update, context, request)


async def on_group_link(update: Update, context: BotContext) -> None:
    """A link posted in a group or channel: summarised only when the chat has auto-summary on."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    chat_settings = await context.deps.service.chat_settings(chat.id)
    if not chat_settings.auto_summary:
        return
    request = parse_message(message)
    if request.urls:
        await summarize_request(update, context, SummaryRequest(urls=request.urls))


def decode_document(data: bytes) -> str:
    """Decode an uploaded text file: UTF-8, UTF-16 with a BOM, else Windows-1252.

    Raises:
        UnicodeDecodeError: when none fits.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


async def on_document(update: Update, context: BotContext) -> None:
    """A .txt or .html file in a private chat, read as an article (size-capped)."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document, deps = message.document, context.deps
    suffix = PurePosixPath(document.file_name or "").suffix.lower()
    if suffix not in DOCUMENT_KINDS:
        await message.reply_html(texts.DOCUMENT_UNSUPPORTED)
        return
    limit = deps.settings.max_document_bytes
    if document.file_size is not None and document.file_size > limit:
        await message.reply_html(texts.DOCUMENT_TOO_LARGE.format(limit=texts.human_bytes(limit)))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > limit:
        await message.reply_html(texts.DOCUMENT_TOO_LARGE.format(limit=texts.human_bytes(limit)))
        return
    try:
        body = decode_document(data)
    except UnicodeDecodeError:
        await message.reply_html(texts.DOCUMENT_UNREADABLE)
        return
    if not looks_readable(body):
        await message.reply_html(texts.DOCUMENT_UNREADABLE)
        return
    body, cut = cap_text(body)
    if cut:
        await message.reply_html(html.escape(texts.TEXT_CUT.format(chars=PASTE_MAX_CHARS)))
    chat = update.effective_chat
    options = (await deps.service.chat_settings(chat.id if chat else 0)).to_options()

    async def produce() -> Summary:
        if DOCUMENT_KINDS[suffix]:
            return await deps.service.for_html(body, options)
        return await deps.service.for_text(body, options)

    await run_jobs(update, context, [lambda: _guarded(context, produce, None)], texts.READING)
