"""Every user-facing string the bot sends (HTML parse mode; callers escape the placeholders).

The strings are English msgids marked with `N_` (or `Plural` when a number decides the
form); a reply translates them with the chat's `Texts` (`bot.i18n`):
`tx(texts.START)`, `tx(texts.BLOCKED_OK, id=42)`, `tx.plural(texts.READING_LINKS, 3)`.
Catalogs: `bot/locales/<lang>/LC_MESSAGES/newsbrief.po` (see the README, "Languages").
"""

from __future__ import annotations

from bot.i18n import ENGLISH, N_, Plural, Texts
from summaries import errors as E  # noqa: N812 — short alias keeps the table readable
from summaries.text import language_name as english_language_name

READING = N_("Reading…")
READING_LINKS = Plural("Reading {n} link…", "Reading {n} links…")
SOMETHING_WRONG = N_("Something went wrong — please try again.")
SLOW_DOWN = N_("You're sending requests too fast — please wait a minute.")
USAGE_SUMMARY = N_(
    "Reply <code>/summary</code> to a message with a link or an article, "
    "or send <code>/summary https://…</code>."
)
NOTHING_IN_PRIVATE = N_("Send me a link to a news article, or paste its text.")
TOO_MANY_LINKS = Plural(
    "I'll summarise the first {n} link.", "I'll summarise the first {n} links."
)
DOCUMENT_TOO_LARGE = N_("That file is too large (over {limit}).")
DOCUMENT_UNSUPPORTED = N_("I can read .txt, .html and .pdf files.")
DOCUMENT_UNREADABLE = N_("I couldn't read that file as text.")
TEXT_CUT = Plural(
    "That's a very long text — I read the first {n} character.",
    "That's a very long text — I read the first {n} characters.",
)
PAGES_CUT = N_("That's a long PDF — I read its first {read} of {total} pages.")
NOT_TEXT = N_("That doesn't look like readable text — paste the article itself or send a link.")
ONLY_ADMINS = N_("Only admins of this chat can change its settings.")
OWNER_ONLY = N_("That command is for the bot's owner.")
BLOCKED_OK = N_("Blocked {id}.")
UNBLOCKED_OK = N_("Unblocked {id}.")
NOT_BLOCKED = N_("{id} was not blocked.")
BLOCK_USAGE = N_("Usage: <code>/{command} &lt;chat or user id&gt;</code>")
SETTINGS_SAVED = N_("Saved.")
SETTINGS_NOT_SAVED = N_("Couldn't save that — please try again.")
SETTINGS_STALE = N_("That button is out of date — send /settings again.")

START = N_(
    "Hi! Send me a link to a news article (or paste its text) and I'll reply with a short "
    "summary: sentences taken from the article, the key quotes with who said them, and where "
    "the story comes from.\n\nSee /help for groups and settings."
)
HELP = N_(
    "<b>Private chat</b>: send a link (up to {max_links} per message; PDF links too), paste "
    "an article, or send a .txt/.html/.pdf file.\n"
    "<b>Groups</b>: reply <code>/summary</code> (or <code>/tldr</code>) to a message with a "
    "link, article text or a PDF, or send <code>/summary https://…</code>.\n"
    "<b>Any chat</b>: type <code>@{username} https://…</code> and pick the summary to post it "
    "there (inline mode; the bot's owner turns it on with /setinline in @BotFather).\n"
    "<b>/settings</b>: summary length, quotes, language, method, the language I answer in "
    "and, in groups, automatic summaries of links. In groups only admins can change them.\n"
    "Automatic summaries in groups only work when the bot can see every message: turn its "
    "privacy mode off in @BotFather or make it an admin.\n"
    "<b>/privacy</b>: what I store."
)
PRIVACY = N_(
    "<b>What I store</b>\n"
    "• Each chat's settings, until you change them.\n"
    "• Summaries of links, keyed by the link, for {ttl} so the same link is fetched once; "
    "never the article text and never who asked.\n"
    "• Counters (number of summaries, cache hits, errors by kind) without chat content, the "
    "ids of the chats that use me, and the ids the bot's owner blocked.\n"
    "• For rate limits and group settings: user and chat ids with recent request counts and "
    "admin status, for a day after their last use at most.\n"
    "{messages}"
)
#: The last line of PRIVACY with one process (SQLite or memory): updates never leave memory.
PRIVACY_MESSAGES_IN_MEMORY = N_(
    "Pasted text and files are summarised in memory and not kept; the parts of a long paste "
    "that the Telegram app split stay in memory for {paste_keep}."
)
#: The last line of PRIVACY when polling with PostgreSQL: updates in memory, paste parts not.
PRIVACY_PASTE_PARTS_IN_DATABASE = N_(
    "Pasted text and files are summarised in memory and not kept; the parts of a long paste "
    "that the Telegram app split wait in my database and are deleted after {paste_keep}."
)
#: The last line of PRIVACY for webhook replicas: the update queue and paste parts.
PRIVACY_MESSAGES_IN_DATABASE = N_(
    "Your messages wait in my database until they are answered and are then deleted (one "
    "that cannot be answered, after {job_keep}); the parts of a long paste that the Telegram "
    "app split are deleted after {paste_keep}. Files are read in memory and not kept."
)

SETTINGS_TITLE = N_("<b>Settings for this chat</b>")
SETTINGS_LINES = N_(
    "Length: {length}\nQuotes: {quotes}\nArticle language: {language}\nMethod: {algorithm}"
)
SETTINGS_INTERFACE_LINE = N_("\nInterface language: {interface}")
SETTINGS_AUTO_LINE = N_("\nAuto-summary of links: {auto}")
ON, OFF = N_("on"), N_("off")
#: "auto": detect the article's language / answer in the user's Telegram language.
AUTO = N_("auto")
#: The lengths the settings keyboard offers: a sentence count or a share of the article.
LENGTHS = ("3", "5", "7", "20%")
LENGTH_SENTENCES = Plural("{n} sentence", "{n} sentences")
#: The languages a chat may fix instead of detection ("auto").
ARTICLE_LANGUAGES = ("auto", "en", "de", "fr", "es", "ru")
ALGORITHM_LABELS = {
    "news": N_("default"),
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA",
    "luhn": "Luhn",
    "kl": "KL-Sum",
    "sumbasic": "SumBasic",
    "reduction": "Reduction",
    "lead": "Lead",
}
BUTTON_QUOTES = N_("Quotes: {state}")
BUTTON_AUTO = N_("Auto-summary: {state}")

#: Command menus per scope (name, description), registered in every interface language.
PRIVATE_COMMANDS = (
    ("summary", N_("Summarise a link or text")),
    ("settings", N_("Summary length, quotes, languages")),
    ("help", N_("How to use the bot")),
    ("privacy", N_("What is stored")),
)
GROUP_COMMANDS = (
    ("summary", N_("Reply to a message with a link to summarise it")),
    ("tldr", N_("Same as /summary")),
    ("help", N_("How to use the bot")),
)
ADMIN_COMMANDS = (*GROUP_COMMANDS, ("settings", N_("Chat settings (admins)")))

STATS = N_(
    "<b>Stats</b>\nChats: {chats}\nSummaries served: {served}\nCache hits: {hits}\n"
    "Errors: {errors}"
)
STATS_NO_ERRORS = N_("none")

FOOTER_SENTENCES = Plural("{picked} of {n} sentence", "{picked} of {n} sentences")
FOOTER_SHORTER = N_("{percent} shorter")
SOURCE_VIA = N_("via {outlets}")
UNTITLED_LINK = N_("Source")

#: One reply per SummaryError subclass; the most specific class in the MRO wins.
ERRORS: dict[type[E.SummaryError], str] = {
    E.SummaryError: N_("I couldn't summarise that."),
    E.FetchError: N_("I couldn't download that page — please try again later."),
    E.InvalidURL: N_("That doesn't look like a web link."),
    E.BlockedAddress: N_("That address isn't allowed."),
    E.BadStatus: N_("That page returned {status} — check the link."),
    E.PageNotFound: N_("That page returned {status} — check the link."),
    E.FetchTimeout: N_("The site didn't answer within {timeout} s."),
    E.PageTooLarge: N_("The page is too large (over {limit})."),
    E.TooManyRedirects: N_("That link redirects too many times."),
    E.UnsupportedContentType: N_("That link is {kind}; I can only read web articles and PDFs."),
    E.ConnectionFailed: N_(
        "I couldn't reach that site, or it broke off the download — check the link or try "
        "again later."
    ),
    E.NoArticleFound: N_(
        "I couldn't find an article on that page (it may be behind a paywall or need JavaScript)."
    ),
    E.TextTooShort: N_("That's too short to summarise — paste the whole article or send a link."),
    E.NotText: NOT_TEXT,
    E.NotProse: N_("That doesn't read like an article — paste the article itself or send a link."),
    E.UnsupportedLanguage: N_("I can't summarise {language} text yet."),
    E.PdfError: N_("I couldn't read that PDF."),
    E.PdfEncrypted: N_("That PDF is password-protected, so I can't read it."),
    E.PdfNoText: N_(
        "That PDF has no text I can read — it looks like a scan (pictures of pages, no text "
        "layer)."
    ),
    E.PdfBroken: N_("That PDF is damaged or incomplete — I couldn't open it."),
    E.PdfTooComplex: N_("That PDF is too large or too complex for me to read."),
}
#: UnsupportedLanguage without a language name.
UNSUPPORTED_UNKNOWN_LANGUAGE = N_("I can't summarise text in that language yet.")

#: Inline mode (`@bot <link>` in any chat): the titles and texts of the one result shown.
INLINE_USAGE_TITLE = N_("Summarise a news link")
INLINE_USAGE_DESCRIPTION = N_("Type or paste a full link, e.g. https://example.com/news/story")
INLINE_USAGE_MESSAGE = N_(
    "To summarise an article here, type <code>@{username} https://…</code> with the "
    "article's link and pick the summary."
)
INLINE_READING_TITLE = N_("Still reading that page…")
INLINE_READING_DESCRIPTION = N_("Try again in a few seconds: the summary will be ready.")
INLINE_READING_MESSAGE = N_("I'm still reading {link} — ask me again in a few seconds.")
INLINE_ERROR_TITLE = N_("Can't summarise that link")
INLINE_SLOW_DOWN_TITLE = N_("Too many requests")
INLINE_UNTITLED = N_("Summary")

#: How a content type reads in a sentence ("That link is a PDF").
CONTENT_KINDS = {
    "application/pdf": N_("a PDF"),
    "image/": N_("an image"),
    "video/": N_("a video"),
    "audio/": N_("an audio file"),
    "application/json": N_("JSON data"),
    "application/zip": N_("an archive"),
}
CONTENT_KIND_OTHER = N_("not a web page ({type})")
CONTENT_KIND_UNKNOWN = N_("not a web page")

#: Byte units, largest first (the number is formatted for the locale).
BYTE_UNITS = (
    (N_("{size} GB"), 1 << 30),
    (N_("{size} MB"), 1 << 20),
    (N_("{size} KB"), 1 << 10),
)
BYTES = Plural("{n} byte", "{n} bytes")


def human_bytes(n: int, tx: Texts = ENGLISH) -> str:
    """5242880 → "5 MB"; 1536 → "1.5 KB" (in the interface's number format)."""
    for unit, size in BYTE_UNITS:
        if n >= size:
            return tx(unit, size=tx.number(round(n / size, 1)))
    return tx.plural(BYTES, n)


def human_duration(seconds: float, tx: Texts = ENGLISH) -> str:
    """21600 → "6 hours"."""
    return tx.duration(seconds)


def content_kind(content_type: str, tx: Texts = ENGLISH) -> str:
    """A readable name for a media type."""
    ctype = content_type.split(";")[0].strip().lower()
    for prefix, name in CONTENT_KINDS.items():
        if ctype.startswith(prefix):
            return tx(name)
    return tx(CONTENT_KIND_OTHER, type=tx.isolate(ctype)) if ctype else tx(CONTENT_KIND_UNKNOWN)


def language_label(code: str, tx: Texts = ENGLISH, capitalize: bool = False) -> str:
    """A language's name in the interface language ("Englisch"); the English name or the
    code when Babel has none."""
    name = tx.language_name(code) or english_language_name(code)
    return name[:1].upper() + name[1:] if capitalize else name


def length_label(length: str, tx: Texts = ENGLISH) -> str:
    """ "3" → "3 sentences"; "20%" → "20%"."""
    if length.endswith("%"):
        return tx.percent(int(length[:-1]))
    return tx.plural(LENGTH_SENTENCES, int(length))


def error_text(exc: E.SummaryError, tx: Texts = ENGLISH) -> str:
    """The reply for a pipeline error (plain text: the caller escapes it).

    Each error carries what its reply names (status, timeout, byte limit, media type,
    language).
    """
    template = next(
        (ERRORS[cls] for cls in type(exc).__mro__ if cls in ERRORS), ERRORS[E.SummaryError]
    )
    code = getattr(exc, "language", "")
    language = language_label(code, tx) if code else ""
    if template == ERRORS[E.UnsupportedLanguage] and language in ("", code):
        template = UNSUPPORTED_UNKNOWN_LANGUAGE  # no name for it in this language
    return tx(
        template,
        status=getattr(exc, "status", ""),
        timeout=tx.number(getattr(exc, "timeout_s", 0)),
        limit=human_bytes(getattr(exc, "limit_bytes", 0), tx),
        kind=content_kind(getattr(exc, "content_type", ""), tx),
        language=language,
    )
