"""What a message asks to summarise: links or article text (plain functions, no I/O)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from telegram import Message, MessageEntity

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


#: Longest pasted or uploaded text the bot summarises (about 15,000 words, far beyond any news
#: article). Work grows faster than linearly with length in places (quote speaker seeding), so a
#: 1 MB paste is cut here instead of occupying a worker thread for a minute.
PASTE_MAX_CHARS = 100_000


def cap_text(text: str, limit: int = PASTE_MAX_CHARS) -> tuple[str, bool]:
    """`text` cut to at most `limit` characters at a paragraph or word break; True when cut."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for brk in ("\n\n", "\n", " "):
        cut = head.rfind(brk)
        if cut >= limit // 2:
            return head[:cut], True
    return head, True


@dataclass(frozen=True, slots=True)
class ReadableRule:
    """When pasted text is binary junk rather than writing.

    Attributes:
        max_junk_share: most non-space characters that may be controls, private-use,
            unassigned or U+FFFD (what undecodable bytes become) before the text is refused.
        sample_chars: only this many characters are inspected (the start of a 1 MB paste
            shows whether it is text as well as the whole would).
    """

    max_junk_share: float = 0.05
    sample_chars: int = 20_000


READABLE = ReadableRule()
_JUNK_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})


def looks_readable(text: str, rule: ReadableRule = READABLE) -> bool:
    """False for binary garbage pasted as text (plain; quotes-only text is "readable")."""
    sample = text[: rule.sample_chars]
    visible = [c for c in sample if not c.isspace()]
    if not visible:
        return True  # empty or blank: "too short" explains it better
    junk = sum(c == "\ufffd" or unicodedata.category(c) in _JUNK_CATEGORIES for c in visible)
    return junk <= rule.max_junk_share * len(visible)


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


def extract_urls(message: Message) -> list[str]:
    """Links in a message, in order and without duplicates (text and caption entities).

    Falls back to a regex over the text when Telegram sent no URL entities.
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
    refused = _REFUSED_RE.finditer(message_text(message))
    found += [m.group(0).rstrip(_TRAILING_PUNCT) for m in refused]
    return list(dict.fromkeys(found))


def _words_without_urls(text: str) -> int:
    return len(_URL_RE.sub(" ", text).split())


def parse_message(message: Message) -> SummaryRequest:
    """What a plain message (pasted, forwarded or replied-to) asks to summarise."""
    text = message_text(message)
    urls = extract_urls(message)
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
        urls = extract_urls(message)
        if urls and _words_without_urls(argument_text) < ARTICLE_MIN_WORDS:
            return SummaryRequest(urls=tuple(urls))
        return SummaryRequest(text=argument_text)
    if message.reply_to_message is not None:
        return parse_message(message.reply_to_message)
    return SummaryRequest()
