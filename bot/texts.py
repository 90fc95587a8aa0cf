"""Every user-facing string the bot sends (HTML parse mode; callers escape the placeholders)."""

from __future__ import annotations

from summaries import errors as E  # noqa: N812 — short alias keeps the table readable
from summaries.text import LANGUAGE_NAMES

READING = "Reading…"
READING_LINKS = "Reading {count} links…"
SOMETHING_WRONG = "Something went wrong — please try again."
SLOW_DOWN = "You're sending requests too fast — please wait a minute."
USAGE_SUMMARY = (
    "Reply <code>/summary</code> to a message with a link or an article, "
    "or send <code>/summary https://…</code>."
)
NOTHING_IN_PRIVATE = "Send me a link to a news article, or paste its text."
TOO_MANY_LINKS = "I'll summarise the first {count} links."
DOCUMENT_TOO_LARGE = "That file is too large (over {limit})."
DOCUMENT_UNSUPPORTED = "I can read .txt, .html and .pdf files."
DOCUMENT_UNREADABLE = "I couldn't read that file as text."
TEXT_CUT = "That's a very long text — I read the first {chars:,} characters."
PAGES_CUT = "That's a long PDF — I read its first {read} of {total} pages."
NOT_TEXT = "That doesn't look like readable text — paste the article itself or send a link."
ONLY_ADMINS = "Only admins of this chat can change its settings."
OWNER_ONLY = "That command is for the bot's owner."
BLOCKED_OK = "Blocked {id}."
UNBLOCKED_OK = "Unblocked {id}."
NOT_BLOCKED = "{id} was not blocked."
BLOCK_USAGE = "Usage: <code>/{command} &lt;chat or user id&gt;</code>"
SETTINGS_SAVED = "Saved."
SETTINGS_NOT_SAVED = "Couldn't save that — please try again."
SETTINGS_STALE = "That button is out of date — send /settings again."

START = (
    "Hi! Send me a link to a news article (or paste its text) and I'll reply with a short "
    "summary: sentences taken from the article, the key quotes with who said them, and where "
    "the story comes from.\n\nSee /help for groups and settings."
)
HELP = (
    "<b>Private chat</b>: send a link (up to {max_links} per message; PDF links too), paste "
    "an article, or send a .txt/.html/.pdf file.\n"
    "<b>Groups</b>: reply <code>/summary</code> (or <code>/tldr</code>) to a message with a "
    "link, article text or a PDF, or send <code>/summary https://…</code>.\n"
    "<b>Any chat</b>: type <code>@{username} https://…</code> and pick the summary to post it "
    "there (inline mode; the bot's owner turns it on with /setinline in @BotFather).\n"
    "<b>/settings</b>: summary length, quotes, language, method and, in groups, automatic "
    "summaries of links. In groups only admins can change them.\n"
    "Automatic summaries in groups only work when the bot can see every message: turn its "
    "privacy mode off in @BotFather or make it an admin.\n"
    "<b>/privacy</b>: what I store."
)
PRIVACY = (
    "<b>What I store</b>\n"
    "• Each chat's settings, until you change them.\n"
    "• Summaries of links, keyed by the link, for {ttl} so the same link is fetched once; "
    "never the article text and never who asked.\n"
    "• Counters (number of summaries, cache hits, errors by kind) without chat content.\n"
    "Pasted text and files are summarised in memory and not kept."
)

SETTINGS_TITLE = "<b>Settings for this chat</b>"
SETTINGS_LINES = "Length: {length}\nQuotes: {quotes}\nLanguage: {language}\nMethod: {algorithm}"
SETTINGS_AUTO_LINE = "\nAuto-summary of links: {auto}"
ON, OFF = "on", "off"
#: The lengths the settings keyboard offers (a sentence count or a share), with their labels.
LENGTH_LABELS = {"3": "3 sentences", "5": "5 sentences", "7": "7 sentences", "20%": "20%"}
#: The languages a chat may fix instead of detection ("auto"), with their labels.
LANGUAGE_LABELS = {
    "auto": "auto",
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
}
ALGORITHM_LABELS = {
    "news": "default",
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA",
    "luhn": "Luhn",
    "kl": "KL-Sum",
    "sumbasic": "SumBasic",
    "reduction": "Reduction",
    "lead": "Lead",
}
BUTTON_QUOTES = "Quotes: {state}"
BUTTON_AUTO = "Auto-summary: {state}"

#: Command menus per scope (name, description).
PRIVATE_COMMANDS = (
    ("summary", "Summarise a link or text"),
    ("settings", "Summary length, quotes, language"),
    ("help", "How to use the bot"),
    ("privacy", "What is stored"),
)
GROUP_COMMANDS = (
    ("summary", "Reply to a message with a link to summarise it"),
    ("tldr", "Same as /summary"),
    ("help", "How to use the bot"),
)
ADMIN_COMMANDS = (*GROUP_COMMANDS, ("settings", "Chat settings (admins)"))

STATS = (
    "<b>Stats</b>\nChats: {chats}\nSummaries served: {served}\nCache hits: {hits}\n"
    "Errors: {errors}"
)

FOOTER_SENTENCES = "{picked} of {total} sentences"
FOOTER_SHORTER = "{percent}% shorter"
SOURCE_VIA = "via {outlets}"
UNTITLED_LINK = "Source"

#: One reply per SummaryError subclass; the most specific class in the MRO wins.
ERRORS: dict[type[E.SummaryError], str] = {
    E.SummaryError: "I couldn't summarise that.",
    E.FetchError: "I couldn't download that page — please try again later.",
    E.InvalidURL: "That doesn't look like a web link.",
    E.BlockedAddress: "That address isn't allowed.",
    E.BadStatus: "That page returned {status} — check the link.",
    E.PageNotFound: "That page returned {status} — check the link.",
    E.FetchTimeout: "The site didn't answer within {timeout} s.",
    E.PageTooLarge: "The page is too large (over {limit}).",
    E.TooManyRedirects: "That link redirects too many times.",
    E.UnsupportedContentType: "That link is {kind}; I can only read web articles and PDFs.",
    E.ConnectionFailed: (
        "I couldn't reach that site, or it broke off the download — check the link or try "
        "again later."
    ),
    E.NoArticleFound: (
        "I couldn't find an article on that page (it may be behind a paywall or need JavaScript)."
    ),
    E.TextTooShort: "That's too short to summarise — paste the whole article or send a link.",
    E.NotText: NOT_TEXT,
    E.NotProse: "That doesn't read like an article — paste the article itself or send a link.",
    E.UnsupportedLanguage: "I can't summarise {language} text yet.",
    E.PdfError: "I couldn't read that PDF.",
    E.PdfEncrypted: "That PDF is password-protected, so I can't read it.",
    E.PdfNoText: (
        "That PDF has no text I can read — it looks like a scan (pictures of pages, no text "
        "layer)."
    ),
    E.PdfBroken: "That PDF is damaged or incomplete — I couldn't open it.",
    E.PdfTooComplex: "That PDF is too large or too complex for me to read.",
}

#: Inline mode (`@bot <link>` in any chat): the titles and texts of the one result shown.
INLINE_USAGE_TITLE = "Summarise a news link"
INLINE_USAGE_DESCRIPTION = "Type or paste a full link, e.g. https://example.com/news/story"
INLINE_USAGE_MESSAGE = (
    "To summarise an article here, type <code>@{username} https://…</code> with the "
    "article's link and pick the summary."
)
INLINE_READING_TITLE = "Still reading that page…"
INLINE_READING_DESCRIPTION = "Try again in a few seconds: the summary will be ready."
INLINE_READING_MESSAGE = "I'm still reading {link} — ask me again in a few seconds."
INLINE_ERROR_TITLE = "Can't summarise that link"
INLINE_SLOW_DOWN_TITLE = "Too many requests"
INLINE_UNTITLED = "Summary"

#: How a content type reads in a sentence ("That link is a PDF").
CONTENT_KINDS = {
    "application/pdf": "a PDF",
    "image/": "an image",
    "video/": "a video",
    "audio/": "an audio file",
    "application/json": "JSON data",
    "application/zip": "an archive",
}


def human_bytes(n: int) -> str:
    """5242880 → "5 MB"; 1536 → "1.5 KB"."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def human_duration(seconds: float) -> str:
    """21600 → "6 hours"."""
    if seconds >= 3600:
        hours = seconds / 3600
        return f"{hours:g} hour" + ("" if hours == 1 else "s")
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute" + ("" if minutes == 1 else "s")


def content_kind(content_type: str) -> str:
    """A readable name for a media type."""
    ctype = content_type.split(";")[0].strip().lower()
    for prefix, name in CONTENT_KINDS.items():
        if ctype.startswith(prefix):
            return name
    return f"not a web page ({ctype or 'unknown type'})" if ctype else "not a web page"


def error_text(exc: E.SummaryError) -> str:
    """The reply for a pipeline error (plain text: the caller escapes it).

    Each error carries what its reply names (status, timeout, byte limit, media type,
    language).
    """
    template = next(
        (ERRORS[cls] for cls in type(exc).__mro__ if cls in ERRORS), ERRORS[E.SummaryError]
    )
    return template.format(
        status=getattr(exc, "status", "an error"),
        timeout=f"{getattr(exc, 'timeout_s', 0):g}",
        limit=human_bytes(getattr(exc, "limit_bytes", 0)),
        kind=content_kind(getattr(exc, "content_type", "")),
        language=LANGUAGE_NAMES.get(getattr(exc, "language", ""), "that language's"),
    )
