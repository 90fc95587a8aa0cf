"""Interface languages: every catalog complete and consistent with the English source, every
rendered message valid Telegram HTML within its limit, the language choice, right-to-left
layout, per-language command menus and the "Interface language" setting."""

from __future__ import annotations

import datetime as dt
import re
import string
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from telegram import InlineQueryResultArticle, InputTextMessageContent

from bot import texts
from bot.app import COMMANDS_TASK_KEY
from bot.formatting import MAX_MESSAGE_UNITS, render_notice, render_summary, source_line
from bot.handlers.basic import MessageKeeping, privacy_text
from bot.handlers.owner import format_stats
from bot.handlers.settings import apply_choice, settings_keyboard, settings_text
from bot.i18n import (
    FSI,
    LRM,
    PDI,
    RLM,
    Plural,
    Texts,
    catalog_path,
    choose_language,
    interface_languages,
    normalize_code,
    texts_for,
)
from bot.inline import (
    DESCRIPTION_CHARS,
    notice_result,
    reading_result,
    summary_result,
    usage_result,
)
from bot.service import Stats
from bot.storage.base import ChatSettings
from bot.storage.memory import MemoryStore
from summaries import errors as E  # noqa: N812
from summaries.models import Attribution, Summary
from tests.support.bot_env import FakePipeline, make_settings, make_summary, offline_env
from tests.support.fake_bot_api import (
    BOT_USERNAME,
    TelegramHTMLError,
    parse_telegram_html,
    utf16_len,
)

ROOT = Path(__file__).resolve().parents[2]
#: What the issue asks for at least (English is the source language, without a catalog).
REQUIRED = frozenset(
    {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "fa", "hi"}
    | {"id", "zh", "ja", "ko"}
)
TRANSLATED = [code for code in interface_languages() if code != "en"]
#: Messages that may read the same as in English (unit symbols, "byte"/"bytes").
SAME_AS_ENGLISH = {"{size} GB", "{size} MB", "{size} KB", "{n} byte"}
#: Unicode-name prefixes of the script each non-Latin catalog must be written in.
SCRIPTS = {
    "ru": ("CYRILLIC",),
    "uk": ("CYRILLIC",),
    "ar": ("ARABIC",),
    "fa": ("ARABIC",),
    "hi": ("DEVANAGARI",),
    "zh": ("CJK UNIFIED",),
    "ja": ("HIRAGANA", "KATAKANA", "CJK UNIFIED"),
    "ko": ("HANGUL",),
}
#: Telegram's limits outside messages.
CALLBACK_ANSWER_CHARS = 200
COMMAND_DESCRIPTION_CHARS = 256
CALLBACK_DATA_BYTES = 64
_TAG = re.compile(r"</?[a-z][^>]*>")
_ENTITY = re.compile(r"&(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.IGNORECASE)


def source_messages() -> dict[str, str | tuple[str, str]]:
    """Every message in bot/ as `pybabel extract` (scripts/i18n) sees it, keyed by msgid."""
    found: dict[str, str | tuple[str, str]] = {}
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT / "bot"), keywords={"N_": None, "Plural": (1, 2)}
    ):
        key = message if isinstance(message, str) else message[0]
        found[key] = message if isinstance(message, str) else (message[0], message[1])
    return found


SOURCE = source_messages()


def catalog(language: str) -> Catalog:
    with catalog_path(language).open("rb") as po:
        return read_po(po, locale=language)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def forms(message_string: str | tuple[str, ...] | list[str]) -> list[str]:
    return [message_string] if isinstance(message_string, str) else list(message_string)


def dummy_values(text: str) -> dict[str, str]:
    return {name: "7" for name in placeholders(text)}


def test_every_required_language_has_a_catalog() -> None:
    assert not REQUIRED - set(interface_languages())
    assert interface_languages()[0] == "en"
    assert len(SOURCE) > 60  # the extraction really found the messages


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_is_complete_and_matches_the_source(language: str) -> None:
    cat = catalog(language)
    problems: list[str] = []
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in cat if m.id}
    for key, source in SOURCE.items():
        entry = cat.get(key)
        if entry is None:
            problems.append(f"missing: {key!r}")
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {key!r}")
        strings = forms(entry.string)
        if isinstance(source, tuple) and len(strings) != cat.num_plurals:
            problems.append(f"{len(strings)} plural forms, need {cat.num_plurals}: {key!r}")
        if any(not s.strip() for s in strings):
            problems.append(f"untranslated: {key!r}")
        expected = placeholders(source if isinstance(source, str) else source[1])
        for s in strings:
            if placeholders(s) != expected:
                problems.append(f"placeholders {sorted(placeholders(s))} ≠ {sorted(expected)}")
            if sorted(_TAG.findall(s)) != sorted(_TAG.findall(key)):
                problems.append(f"markup differs: {s!r}")
            english = (key, source[1] if isinstance(source, tuple) else key)
            if s in english and key not in SAME_AS_ENGLISH:
                problems.append(f"English copied: {s!r}")
    problems += [f"not in the source any more: {i!r}" for i in ids - set(SOURCE)]
    problems += [f"obsolete entry: {i!r}" for i in cat.obsolete]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", sorted(SCRIPTS))
def test_non_latin_catalogs_are_written_in_their_script(language: str) -> None:
    prefixes = SCRIPTS[language]
    for entry in catalog(language):
        if not entry.id or entry.id in SAME_AS_ENGLISH:
            continue
        for text in forms(entry.string):
            words = _TAG.sub("", text)
            names = [unicodedata.name(c, "") for c in words if c.isalpha()]
            assert any(n.startswith(prefixes) for n in names), text


def test_a_fuzzy_entry_falls_back_to_english(tmp_path: Path) -> None:
    """The loader skips fuzzy entries, which is why the completeness test refuses them."""
    from babel.messages.mofile import write_mo
    from babel.support import Translations

    cat = catalog("de")
    cat[texts.READING].flags.add("fuzzy")
    with (tmp_path / "x.mo").open("wb") as mo:
        write_mo(mo, cat, use_fuzzy=False)
    with (tmp_path / "x.mo").open("rb") as mo:
        assert Translations(mo).gettext(texts.READING) == texts.READING


def error_instances() -> Iterator[E.SummaryError]:
    yield E.SummaryError("x")
    yield E.FetchError("x")
    yield E.InvalidURL("x")
    yield E.BlockedAddress("x")
    yield E.BadStatus(503)
    yield E.PageNotFound(404)
    yield E.FetchTimeout(7.5)
    yield E.PageTooLarge(5 * 1024 * 1024 + 123)
    yield E.TooManyRedirects("x")
    for kind in ("application/pdf", "image/png", "text/csv", ""):
        yield E.UnsupportedContentType(kind)
    yield E.ConnectionFailed("x")
    yield E.NoArticleFound("x")
    yield E.TextTooShort("x")
    yield E.NotText("x")
    yield E.NotProse("x")
    for code in ("cs", "he", "yo", "xx"):
        yield E.UnsupportedLanguage(code)
    yield E.PdfError("x")
    yield E.PdfEncrypted("x")
    yield E.PdfNoText("x")
    yield E.PdfBroken("x")
    yield E.PdfTooComplex("x")


def long_summary(language: str) -> object:
    body = "Ein sehr langer Satz über die Brücke & den Tunnel <mit> Zeichen, " * 12
    return make_summary(
        sentences=tuple(f"{i}. {body}" for i in range(12)),
        quotes=tuple((body[: 60 + i * 40], "Anna Beispiel") for i in range(6)),
        language=language,
        total=80,
    )


INLINE_URL = "https://example.com/news/2024/05/03/council-approves-bridge?utm_source=x&ref=y"


def inline_notices(tx: Texts) -> Iterator[InlineQueryResultArticle]:
    """The inline results made of our own texts, as `bot.handlers.inline` builds them."""
    yield usage_result(BOT_USERNAME, tx)
    yield reading_result(INLINE_URL, tx)
    yield notice_result("slow", INLINE_URL, tx(texts.INLINE_SLOW_DOWN_TITLE), tx(texts.SLOW_DOWN))
    for exc in error_instances():
        title = tx(texts.INLINE_ERROR_TITLE)
        yield notice_result("error", INLINE_URL, title, texts.error_text(exc, tx))


def inline_summaries(tx: Texts) -> Iterator[tuple[Summary, InlineQueryResultArticle]]:
    """Summaries as inline results (with the summary each shows)."""
    summaries = [make_summary(language=language) for language in ("en", "zh", "ar")]
    summaries += [make_summary(title=None), long_summary("de")]  # type: ignore[list-item]
    for summary in summaries:
        yield summary, summary_result(summary, INLINE_URL, tx)


def inline_message(result: InlineQueryResultArticle) -> str:
    content = result.input_message_content
    assert isinstance(content, InputTextMessageContent)
    assert content.parse_mode == "HTML"
    return content.message_text


def rendered_messages(tx: Texts) -> Iterator[str]:
    """Every HTML message the bot sends from its texts, with realistic values."""
    yield tx(texts.START)
    yield tx(texts.HELP, max_links=tx.number(3), username=BOT_USERNAME)
    for keeping in get_args(MessageKeeping):
        yield privacy_text(tx, 21600, keeping)
    yield tx(texts.USAGE_SUMMARY)
    yield tx(texts.BLOCK_USAGE, command="block")
    for message in (texts.BLOCKED_OK, texts.UNBLOCKED_OK, texts.NOT_BLOCKED):
        yield tx(message, id=-100123)
    for plain in (
        texts.READING,
        texts.NOTHING_IN_PRIVATE,
        texts.ONLY_ADMINS,
        texts.OWNER_ONLY,
        texts.DOCUMENT_UNSUPPORTED,
        texts.DOCUMENT_UNREADABLE,
        texts.SOMETHING_WRONG,
        texts.SLOW_DOWN,
    ):
        yield render_notice(tx(plain))
    yield render_notice(tx(texts.DOCUMENT_TOO_LARGE, limit=texts.human_bytes(5 << 20, tx)))
    for n in (1, 2, 3, 5, 11, 21, 100):
        yield render_notice(tx.plural(texts.READING_LINKS, n))
        yield render_notice(tx.plural(texts.TOO_MANY_LINKS, n))
    yield render_notice(tx.plural(texts.TEXT_CUT, 100_000))
    yield render_notice(tx(texts.PAGES_CUT, read=tx.number(50), total=tx.number(1200)))
    for exc in error_instances():
        yield render_notice(texts.error_text(exc, tx))
    for settings in (
        ChatSettings(),
        ChatSettings(length="20%", quotes=False, language="ru", algorithm="lexrank"),
        ChatSettings(interface="ar", auto_summary=True),
    ):
        for group in (False, True):
            yield settings_text(settings, group, tx)
    yield format_stats(Stats(chats=1200, served=34567, cache_hits=89, errors={"E": 2}), tx)
    yield format_stats(Stats(chats=0, served=0, cache_hits=0, errors={}), tx)
    for language in ("en", "zh", "ar", "xx"):
        yield from render_summary(make_summary(language=language), "https://e.org/a", tx=tx)
        yield from render_summary(make_summary(title=None), "https://e.org/b", tx=tx)
    yield from render_summary(long_summary("de"), "https://e.org/c", tx=tx)  # type: ignore[arg-type]
    yield from (inline_message(result) for result in inline_notices(tx))
    yield from (inline_message(result) for _, result in inline_summaries(tx))


@pytest.mark.parametrize("language", interface_languages())
def test_every_rendered_message_is_valid_telegram_html(language: str) -> None:
    tx = texts_for(language)
    count = 0
    for message in rendered_messages(tx):
        try:
            visible = parse_telegram_html(message)
        except TelegramHTMLError as exc:
            pytest.fail(f"{language}: {exc}: {message!r}")
        assert visible.strip(), message
        assert utf16_len(message) <= MAX_MESSAGE_UNITS, message[:80]
        count += 1
    assert count > 60


@pytest.mark.parametrize("language", interface_languages())
def test_inline_results_have_plain_titles_and_descriptions(language: str) -> None:
    """Telegram shows a result's title and description as plain text: ours carry no markup
    or entities, and the article's own title and first sentence are shown unescaped."""
    tx = texts_for(language)
    notices = list(inline_notices(tx))
    for result in notices:
        for shown in (result.title, result.description or ""):
            assert shown.strip(), result
            assert len(shown) <= DESCRIPTION_CHARS, shown
            assert not _TAG.search(shown), shown
            assert not _ENTITY.search(shown), shown
    usage, reading, slow = notices[:3]
    assert (usage.title, usage.description) == (
        tx(texts.INLINE_USAGE_TITLE),
        tx(texts.INLINE_USAGE_DESCRIPTION),
    )
    assert f"@{BOT_USERNAME} https://" in inline_message(usage)
    assert reading.title == tx(texts.INLINE_READING_TITLE)
    assert slow.title == tx(texts.INLINE_SLOW_DOWN_TITLE)
    if language != "en":
        assert usage.title != texts.INLINE_USAGE_TITLE  # really translated
    for summary, result in inline_summaries(tx):
        assert result.title == (summary.title or tx(texts.INLINE_UNTITLED))[:DESCRIPTION_CHARS]
        assert result.description == summary.sentences[0].text[:DESCRIPTION_CHARS]


@pytest.mark.parametrize("language", interface_languages())
def test_short_texts_fit_their_limits(language: str) -> None:
    tx = texts_for(language)
    for answer in (
        texts.ONLY_ADMINS,
        texts.SETTINGS_SAVED,
        texts.SETTINGS_NOT_SAVED,
        texts.SETTINGS_STALE,
        texts.SLOW_DOWN,
        texts.SOMETHING_WRONG,
    ):
        assert 0 < len(tx(answer)) <= CALLBACK_ANSWER_CHARS
    for _, description in (*texts.PRIVATE_COMMANDS, *texts.ADMIN_COMMANDS):
        assert 0 < len(tx(description)) <= COMMAND_DESCRIPTION_CHARS
    for group in (False, True):
        keyboard = settings_keyboard(ChatSettings(interface=language), group, tx)
        for row in keyboard.inline_keyboard:
            for button in row:
                assert button.text.strip()
                assert len(str(button.callback_data).encode()) <= CALLBACK_DATA_BYTES


@pytest.mark.parametrize("language", interface_languages())
def test_every_plural_form_formats(language: str) -> None:
    tx = texts_for(language)
    plurals = [v for v in vars(texts).values() if isinstance(v, Plural)]
    assert len(plurals) >= 5
    for message in plurals:
        for n in (*range(0, 30), 101, 111, 1000, 100_000):
            out = tx.plural(message, n, picked=tx.number(1))
            assert tx.number(n) in out


def test_numbers_dates_and_names_follow_the_interface_locale() -> None:
    day = dt.date(2024, 5, 3)
    assert texts_for("en").date(day) == "3 May 2024"
    assert texts_for("de").date(day) == "3. Mai 2024"
    assert texts_for("zh").date(day) == "2024年5月3日"
    assert texts_for("de").percent(53) == "53\xa0%"
    assert texts_for("tr").percent(53) == "%53"
    assert texts_for("de").number(100_000) == "100.000"
    assert texts.language_label("en", texts_for("de")) == "Englisch"
    assert texts.language_label("fr", texts_for("fr")) == "français"
    assert texts.language_label("fr", texts_for("fr"), capitalize=True) == "Français"
    assert texts.human_duration(21600, texts_for("ru")) == "6 часов"
    assert texts.human_bytes(1536, texts_for("de")) == "1,5 KB"
    assert texts.human_bytes(5 << 20, texts_for("ru")) == "5 МБ"


def test_summary_labels_follow_the_interface_but_the_article_stays() -> None:
    summary = make_summary(total=6)
    english = render_summary(summary)[0]
    for language in ("de", "ar", "zh"):
        tx = texts_for(language)
        out = render_summary(summary, tx=tx)[0]
        for sentence in ("The city council approved the bridge on Monday.", "Mayor Jane Roe"):
            assert sentence in out  # never translated
        footer = out.rsplit("\n", 1)[1]
        assert tx.plural(texts.FOOTER_SENTENCES, 6, picked=tx.number(2)) in footer
        assert texts.language_label("en", tx, capitalize=True) in footer
        assert tx.date(dt.date(2024, 5, 3)) in out
        assert out != english
    assert "German · 2 of 6 sentences" not in english
    assert english.endswith("English · 2 of 6 sentences · 95% shorter")


def test_error_replies_are_translated_with_their_details() -> None:
    de = texts_for("de")
    assert texts.error_text(E.FetchTimeout(7), de) == (
        "Die Website hat nicht innerhalb von 7 s geantwortet."
    )
    assert texts.error_text(E.UnsupportedLanguage("cs"), de) == (
        "Texte auf Tschechisch kann ich noch nicht zusammenfassen."
    )
    assert texts.error_text(E.UnsupportedLanguage("xx"), de) == de(
        texts.UNSUPPORTED_UNKNOWN_LANGUAGE
    )
    assert texts.error_text(E.UnsupportedLanguage("xx")) == (
        "I can't summarise text in that language yet."
    )
    assert "PDF" in texts.error_text(E.UnsupportedContentType("application/pdf"), texts_for("ja"))


# ----- right to left ---------------------------------------------------------------------


def first_strong_outside_isolates(line: str) -> str | None:
    """The bidi class (L, R, AL) of the first strong character outside FSI…PDI (UAX #9 P2)."""
    depth = 0
    for char in line:
        if char == FSI:
            depth += 1
        elif char == PDI:
            depth = max(0, depth - 1)
        elif depth == 0 and unicodedata.bidirectional(char) in ("L", "R", "AL"):
            return unicodedata.bidirectional(char)
    return None


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_rtl_labels_keep_their_direction_next_to_ltr_article_text(language: str) -> None:
    tx = texts_for(language)
    assert tx.rtl
    attribution = Attribution(
        publication="The Daily Example",
        author="Sam Writer",
        published=dt.date(2024, 5, 3),
        wire=("Reuters",),
        cited=("The New York Times", "BBC"),
    )
    line = parse_telegram_html(source_line(attribution, tx))
    assert line.startswith(RLM)
    assert f"{FSI}The Daily Example{PDI}" in line
    assert f"{FSI}The New York Times, BBC{PDI}" in line
    assert first_strong_outside_isolates(line) in ("R", "AL")
    out = parse_telegram_html(render_summary(make_summary(), tx=tx)[0])
    footer = out.rsplit("\n", 1)[1]
    assert first_strong_outside_isolates(footer) in ("R", "AL")
    shown = parse_telegram_html(settings_text(ChatSettings(interface="de"), True, tx))
    assert f"{FSI}Deutsch{PDI}" in shown
    for line in shown.split("\n"):
        assert first_strong_outside_isolates(line) in ("R", "AL"), line


def test_article_text_cannot_break_our_isolates() -> None:
    tx = texts_for("ar")
    hostile = Attribution(publication="Evil\u2069\u202e Corp", cited=("A\u2066B",))
    line = source_line(hostile, tx)
    assert line.count(FSI) == line.count(PDI) == 2
    assert not {"\u202e", "\u2066"} & set(line)
    assert "Evil Corp" in line


def test_rtl_article_names_are_isolated_in_ltr_interfaces() -> None:
    attribution = Attribution(
        publication="الجزيرة", author="أحمد علي", published=dt.date(2024, 5, 3), cited=("رويترز",)
    )
    line = parse_telegram_html(source_line(attribution))
    assert (
        line == f"{LRM}{FSI}الجزيرة{PDI} · {FSI}أحمد علي{PDI} · 3 May 2024 · via {FSI}رويترز{PDI}"
    )
    assert first_strong_outside_isolates(line) == "L"


def test_ltr_interfaces_add_no_bidi_marks_to_ltr_articles() -> None:
    out = render_summary(make_summary())[0] + settings_text(ChatSettings(), True)
    assert not set(out) & {FSI, PDI, RLM}


# ----- the choice of language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("chosen", "user", "private", "expected"),
    [
        ("auto", "de", True, "de"),
        ("auto", "de-AT", True, "de"),
        ("auto", "pt-br", True, "pt"),
        ("auto", "zh-hans", True, "zh"),
        ("auto", "in", True, "id"),
        ("auto", "sw", True, "en"),  # no catalog yet
        ("auto", None, True, "en"),
        ("auto", "de", False, "en"),  # groups: their setting, else English
        ("fr", "de", False, "fr"),
        ("fr", "de", True, "fr"),  # a fixed choice wins over the app language
        ("zz", "de", True, "de"),  # a stored code whose catalog went away
    ],
)
def test_choose_language(chosen: str, user: str | None, private: bool, expected: str) -> None:
    assert choose_language(chosen, user, private) == expected


def test_normalize_code_refuses_junk() -> None:
    assert normalize_code("") is None
    assert normalize_code("x-klingon-123") is None
    assert normalize_code("EN_us") == "en"


# ----- the bot: command menus and the setting ---------------------------------------------

USER, GROUP, ADMIN = 7101, -1007101, 7102


async def test_command_menus_are_registered_in_every_language() -> None:
    async with offline_env(make_settings(), MemoryStore(), FakePipeline()) as env:
        await env.app.bot_data[COMMANDS_TASK_KEY]
        menus = env.api.commands
    scopes = {"all_private_chats", "all_group_chats", "all_chat_administrators"}
    for language in interface_languages():
        code = "" if language == "en" else language
        for scope in scopes:
            assert (scope, code) in menus, (scope, code)
        private = menus[("all_private_chats", code)]
        assert private["summary"] == texts_for(language)(texts.PRIVATE_COMMANDS[0][1])
    assert menus[("all_private_chats", "de")]["help"] == "So benutzt du den Bot"
    assert menus[("all_private_chats", "")]["help"] == "How to use the bot"


async def test_interface_language_button_switches_the_chat() -> None:
    store = MemoryStore()
    async with offline_env(make_settings(), store, FakePipeline()) as env:
        await env.send(
            message=env.api.make_message(
                "/settings", chat_id=USER, user_id=USER, language_code="de"
            )
        )
        shown = env.replies(USER)[-1]
        assert shown["text"].startswith(texts_for("de")(texts.SETTINGS_TITLE))
        markup = shown["reply_markup"]
        data = [b["callback_data"] for row in markup["inline_keyboard"] for b in row]
        assert {"set:interface:ja", "set:interface:auto"} <= set(data)
        last = max(m for c, m in env.api.messages if c == USER)
        message = {
            k: v
            for k, v in env.api.messages[(USER, last)].items()
            if k not in ("text_html", "params")
        }
        await env.send(
            callback_query=env.api.make_callback(
                "set:interface:ja", message=message, user_id=USER, language_code="de"
            )
        )
        assert (await store.get_chat_settings(USER)).interface == "ja"
        edited = env.api.sent("editMessageText")[-1]
        assert edited["text"].startswith(texts_for("ja")(texts.SETTINGS_TITLE))
        assert env.api.sent("answerCallbackQuery")[-1]["text"] == texts_for("ja")(
            texts.SETTINGS_SAVED
        )
        # A fixed language wins over the user's app language from now on.
        await env.send(
            message=env.api.make_message("/start", chat_id=USER, user_id=USER, language_code="de")
        )
        assert env.replies(USER)[-1]["text"] == texts_for("ja")(texts.START)
        assert apply_choice(ChatSettings(), "set:interface:xx") is None


async def test_groups_answer_in_english_unless_they_chose() -> None:
    store = MemoryStore()
    async with offline_env(make_settings(), store, FakePipeline()) as env:
        env.api.members[(GROUP, ADMIN)] = "administrator"
        ask = env.api.make_message(
            "/start", chat_id=GROUP, user_id=ADMIN, chat_type="supergroup", language_code="de"
        )
        await env.send(message=ask)
        assert env.replies(GROUP)[-1]["text"] == texts.START
        await store.set_chat_settings(GROUP, ChatSettings(interface="uk"))
        again = env.api.make_message(
            "/help", chat_id=GROUP, user_id=ADMIN, chat_type="supergroup", language_code="de"
        )
        await env.send(message=again)
        assert env.replies(GROUP)[-1]["text"].startswith("<b>Особистий чат</b>")
