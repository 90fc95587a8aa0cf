"""What a message asks to summarise: links or article text (plain functions, no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from telegram import Document, Message, MessageEntity
from telegram.ext.filters import MessageFilter

#: A pasted text that also holds links is read as an article when it has this many words
#: outside the links; shorter texts are "here is a link, look".
ARTICLE_MIN_WORDS = 80
#: Bare http(s) links in text without entities (forwarded or exported text).
_URL_RE = re.compile(r"https?://[^\s<>\"'«»“”]+", re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?)]}'\"»”’"
#: Non-web schemes people paste to probe the server (file:, gopher:, …). They are kept as links
#: so the bot refuses them clearly instead of reading them as a too-short text.
REFUSED_SCHEMES: tuple[str, ...] = (
    "file",
    "ftp",
    "ftps",
    "sftp",
    "gopher",
    "data",
    "javascript",
    "vbscript",
    "ws",
    "wss",
    "dict",
    "ldap",
    "ldaps",
    "smb",
    "tftp",
    "jar",
    "netdoc",
    "telnet",
    "ssh",
)
_REFUSED_RE = re.compile(
    rf"(?<![\w/.+-])(?:{'|'.join(REFUSED_SCHEMES)}):[^\s<>\"']+", re.IGNORECASE
)


#: Files read as articles: extension → how ("text", "html" or "pdf").
DOCUMENT_KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
PDF_MIME_TYPES = frozenset({"application/pdf", "application/x-pdf"})


def document_kind(document: Document) -> str | None:
    """How to read a sent file ("text", "html", "pdf"), or None for files the bot cannot read.

    The extension decides; a PDF without one is recognised by its MIME type.
    """
    kind = DOCUMENT_KINDS.get(PurePosixPath(document.file_name or "").suffix.lower())
    if kind is None and (document.mime_type or "").lower() in PDF_MIME_TYPES:
        return "pdf"
    return kind


def replied_document(message: Message) -> Document | None:
    """The file of the message this one replies to, when it is one the bot can read."""
    reply = message.reply_to_message
    document = reply.document if reply is not None else None
    return document if document is not None and document_kind(document) else None


@dataclass(frozen=True, slots=True)
class SummaryRequest:
    """Either links to fetch or pasted text (never both)."""

    urls: tuple[str, ...] = ()
    text: str | None = None

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to summarise."""
        return not self.urls and not (self.text and self.text.strip())


def _normalise_url(raw: str) -> str:
    url = raw.strip().rstrip(_TRAILING_PUNCT)
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "https://" + url
    return url


def message_text(message: Message) -> str:
    """The message's text or caption ("" when it has neither)."""
    return message.text or message.caption or ""


def find_links(message: Message, *, refused: bool = True) -> list[str]:
    """Links in a message, in order and without duplicates (text and caption entities).

    Falls back to a regex over the text when Telegram sent no URL entities. With `refused`,
    non-web links (`file:`, `gopher:`, …) are included too, so that the bot can refuse them
    clearly; without, only web links count (what makes a group message "have a link").
    """
    found: list[str] = []
    parsed = {**message.parse_entities(), **message.parse_caption_entities()}
    for entity, value in sorted(parsed.items(), key=lambda kv: kv[0].offset):
        if entity.type == MessageEntity.URL:
            found.append(_normalise_url(value))
        elif entity.type == MessageEntity.TEXT_LINK and entity.url:
            found.append(_normalise_url(entity.url))
    if not found:
        found = [_normalise_url(m.group(0)) for m in _URL_RE.finditer(message_text(message))]
    if refused:
        found += [
            m.group(0).rstrip(_TRAILING_PUNCT) for m in _REFUSED_RE.finditer(message_text(message))
        ]
    return list(dict.fromkeys(found))


def has_link(message: Message) -> bool:
    """True when the message (text or caption) holds a web link."""
    return bool(find_links(message, refused=False))


class _HasLink(MessageFilter):
    """PTB filter form of `has_link`, so handlers and the guard agree on what a link is."""

    def filter(self, message: Message) -> bool:
        return has_link(message)


HAS_LINK = _HasLink(name="HAS_LINK")


def _words_without_urls(text: str) -> int:
    return len(_URL_RE.sub(" ", text).split())


def parse_message(message: Message) -> SummaryRequest:
    """What a plain message (pasted, forwarded or replied-to) asks to summarise."""
    text = message_text(message)
    urls = find_links(message)
    if urls and _words_without_urls(text) < ARTICLE_MIN_WORDS:
        return SummaryRequest(urls=tuple(urls))
    if text.strip():
        return SummaryRequest(text=text)
    return SummaryRequest()


def parse_command(message: Message, args: list[str]) -> SummaryRequest:
    """What `/summary [url | text]`, possibly as a reply, asks to summarise.

    Links or text after the command win; otherwise the replied-to message is read.
    """
    argument_text = " ".join(args).strip()
    if argument_text:
        urls = find_links(message)
        if urls and _words_without_urls(argument_text) < ARTICLE_MIN_WORDS:
            return SummaryRequest(urls=tuple(urls))
        return SummaryRequest(text=argument_text)
    if message.reply_to_message is not None:
        return parse_message(message.reply_to_message)
    return SummaryRequest()
