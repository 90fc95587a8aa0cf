"""Inline mode's plain parts: when a query holds a link, the one result shown for each outcome,
and the newest query per user (a newer one cancels the older one's work)."""

from __future__ import annotations

import asyncio
import hashlib
import html
import ipaddress
import re
from urllib.parse import urlsplit

from telegram import InlineQueryResultArticle, InputTextMessageContent, LinkPreviewOptions
from telegram.constants import ParseMode

from bot import formatting, texts
from bot.i18n import ENGLISH, Texts
from summaries import Summary

#: Telegram shows about this much of a result's description.
DESCRIPTION_CHARS = 200
_URL = re.compile(r"^(?:https?://)?[^\s/?#]+[^\s]*$", re.IGNORECASE)
_TLD = re.compile(r"^[a-z]{2,63}$|^xn--[a-z0-9-]{2,59}$", re.IGNORECASE)


def inline_url(query: str) -> str | None:
    """The link an inline query holds once it is complete enough to fetch, else None.

    Telegram sends a query per keystroke: "https://exa" or "https://example." must not make
    the bot fetch anything. Complete means one http(s) link (the scheme may be left out) whose
    host is an IP address, localhost, or a name ending in a top-level domain of 2+ letters.
    """
    text = query.strip()
    if not text or not _URL.match(text):
        return None
    url = text if re.match(r"^https?://", text, re.IGNORECASE) else f"https://{text}"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 — raises ValueError for a half-typed port
    except ValueError:
        return None
    if not host or host.endswith(".") or parts.netloc.endswith(":"):
        return None
    try:
        ipaddress.ip_address(host)
        return url
    except ValueError:
        pass
    if host == "localhost":
        return url
    labels = host.split(".")
    if len(labels) < 2 or not all(labels) or not _TLD.match(labels[-1]):
        return None
    return url


def _result_id(*parts: str) -> str:
    """A result id (Telegram allows 64 bytes) that differs per outcome and link."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _article(
    kind: str,
    key: str,
    title: str,
    description: str,
    message: str,
    thumbnail_url: str | None = None,
) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=_result_id(kind, key),
        title=title[:DESCRIPTION_CHARS],
        description=description[:DESCRIPTION_CHARS],
        input_message_content=InputTextMessageContent(
            message,
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        thumbnail_url=thumbnail_url,
    )


def summary_result(summary: Summary, url: str, tx: Texts = ENGLISH) -> InlineQueryResultArticle:
    """The summary as the message posted: title, source, sentences and quotes in one message."""
    first = summary.sentences[0].text.strip() if summary.sentences else ""
    return _article(
        "summary",
        url,
        summary.title or tx(texts.INLINE_UNTITLED),
        first,
        formatting.render_single(summary, url, tx=tx),
        summary.image_url,
    )


def usage_result(username: str, tx: Texts = ENGLISH) -> InlineQueryResultArticle:
    """What an empty or link-less query shows: how to use inline mode."""
    return _article(
        "usage",
        username,
        tx(texts.INLINE_USAGE_TITLE),
        tx(texts.INLINE_USAGE_DESCRIPTION),
        tx(texts.INLINE_USAGE_MESSAGE, username=html.escape(username)),
    )


def reading_result(url: str, tx: Texts = ENGLISH) -> InlineQueryResultArticle:
    """The answer when the summary is not ready before Telegram's deadline."""
    link = f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    return _article(
        "reading",
        url,
        tx(texts.INLINE_READING_TITLE),
        tx(texts.INLINE_READING_DESCRIPTION),
        tx(texts.INLINE_READING_MESSAGE, link=link),
    )


def notice_result(kind: str, url: str, title: str, text: str) -> InlineQueryResultArticle:
    """One result saying why there is no summary (the same words as in chats)."""
    return _article(kind, url, title, text, formatting.render_notice(text))


class InlineQueries:
    """The work running for each user's newest inline query."""

    def __init__(self) -> None:
        self._running: dict[int, asyncio.Task[None]] = {}

    def start(self, user_id: int, work: asyncio.Task[None]) -> None:
        """Make `work` the user's current query; the older one's work is cancelled."""
        older = self._running.get(user_id)
        self._running[user_id] = work
        if older is not None and not older.done():
            older.cancel()

    def finish(self, user_id: int, work: asyncio.Task[None]) -> None:
        """Forget `work` once done (unless a newer query replaced it already)."""
        if self._running.get(user_id) is work:
            del self._running[user_id]

    def __len__(self) -> int:
        return len(self._running)
