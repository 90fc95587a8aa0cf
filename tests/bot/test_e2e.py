"""End to end: the real bot, polling a fake Bot API over HTTP, summarising pages from a local
HTTP server with the real pipeline and a real SQLite file."""

from __future__ import annotations

import html
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot import texts
from bot.app import COMMANDS_TASK_KEY
from bot.i18n import texts_for
from bot.logs import configure_logging
from bot.polling import TolerantBot
from summaries.errors import PageNotFound, TextTooShort
from tests.support.articles import NAV_ONLY_HTML, SHORT_HTML, article_html, article_text
from tests.support.bot_env import TOKEN, ask, done, e2e_settings, running_bot
from tests.support.fake_bot_api import BOT_USERNAME, FakeTelegram
from tests.support.page_server import Page, PageServer, html_page

USER, ADMIN, MEMBER = 6001, 6002, 6003
GROUP = -1009001


@pytest.fixture
def pages() -> Iterator[PageServer]:
    server = PageServer().start()
    server.route("/article", html_page(article_html()))
    server.route("/article-two", html_page(article_html("Second copy of the bridge story")))
    server.route("/article-three", html_page(article_html("Third copy of the bridge story")))
    server.route(
        "/gone",
        Page(
            status=404,
            body=b"<html><body>Not found</body></html>",
            headers=(("Content-Type", "text/html"),),
        ),
    )
    server.route(
        "/paper.pdf", Page(body=b"%PDF-1.4 fake", headers=(("Content-Type", "application/pdf"),))
    )
    server.route("/short", html_page(SHORT_HTML))
    server.route("/nav", html_page(NAV_ONLY_HTML))
    filler = "<p>filler text</p>" * 30_000
    server.route("/huge", html_page(f"<html><body>{filler}</body></html>"))
    server.route(
        "/slow", Page(body=b"<html></html>", delay_s=4.0, headers=(("Content-Type", "text/html"),))
    )
    try:
        yield server
    finally:
        server.stop()


async def test_private_paste_link_and_several_links(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    async with running_bot(e2e_settings(api, tmp_path)):
        [pasted] = await ask(api, article_text())
        assert pasted.count("• ") >= 2
        assert "English · 3 of" in pasted
        assert "Riverton" in pasted

        url = pages.url("/article")
        [linked] = await ask(api, f"Have a look: {url}")
        assert linked.startswith(f'<a href="{html.escape(url)}"><b>')
        assert "Riverton Gazette" in linked.split("\n")[1] or "Dana Ellis" in linked
        assert "<blockquote>" in linked
        assert "Helen Okafor" in linked

        links = " ".join(pages.url(p) for p in ("/article", "/article-two", "/article-three"))
        several = await ask(api, links, count=3)
        assert sum("English · " in t for t in several) == 3
        # The first link was cached from the previous request: fetched once in total.
        assert sum(r.path == "/article" for r in pages.requests) == 1


async def test_group_reply_command_in_topic(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    async with running_bot(e2e_settings(api, tmp_path)):
        target = api.make_message(
            f"news {pages.url('/article')}",
            chat_id=GROUP,
            user_id=MEMBER,
            chat_type="supergroup",
            thread_id=3,
        )
        [reply] = await ask(
            api,
            "/summary",
            chat_id=GROUP,
            user_id=MEMBER,
            chat_type="supergroup",
            reply_to=target,
            thread_id=3,
        )
        assert "English · " in reply
        status = api.sent("sendMessage")[-1]
        assert status["message_thread_id"] == 3
        assert status["reply_parameters"]["message_id"] == target["message_id"] + 1
        [usage] = await ask(api, "/tldr", chat_id=GROUP, user_id=MEMBER, chat_type="supergroup")
        assert usage == texts.USAGE_SUMMARY


async def test_settings_admin_only_and_survive_restart(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    api.members[(GROUP, ADMIN)] = "administrator"
    settings = e2e_settings(api, tmp_path)
    async with running_bot(settings):
        [refused] = await ask(
            api, "/settings", chat_id=GROUP, user_id=MEMBER, chat_type="supergroup"
        )
        assert refused == texts.ONLY_ADMINS
        [shown] = await ask(api, "/settings", chat_id=GROUP, user_id=ADMIN, chat_type="supergroup")
        assert "Length: 3 sentences" in shown
        bot_msg_id = max(m for c, m in api.messages if c == GROUP)
        bot_msg = {
            k: v
            for k, v in api.messages[(GROUP, bot_msg_id)].items()
            if k not in ("text_html", "params")
        }
        api.queue(
            callback_query=api.make_callback("set:length:5", message=bot_msg, user_id=MEMBER)
        )
        refusal = await api.wait_for(lambda a: a.sent("answerCallbackQuery"))
        assert refusal[-1]["text"] == texts.ONLY_ADMINS
        api.queue(callback_query=api.make_callback("set:length:5", message=bot_msg, user_id=ADMIN))
        await api.wait_for(lambda a: len(a.sent("answerCallbackQuery")) >= 2)
        assert "Length: 5 sentences" in api.chat_texts(GROUP)[-1]
    # A new Application on the same database file sees the change.
    async with running_bot(settings):
        [again] = await ask(api, "/settings", chat_id=GROUP, user_id=ADMIN, chat_type="supergroup")
        assert "Length: 5 sentences" in again
        [summary] = await ask(
            api,
            f"/summary {pages.url('/article')}",
            chat_id=GROUP,
            user_id=ADMIN,
            chat_type="supergroup",
        )
        assert "English · 5 of" in summary


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/gone", "That page returned 404 — check the link."),
        (
            "/nav",
            "I couldn't find an article on that page (it may be behind a paywall or need "
            "JavaScript).",
        ),
        ("/short", "That's too short to summarise — paste the whole article or send a link."),
        ("/paper.pdf", "That PDF is damaged or incomplete — I couldn't open it."),
        ("/huge", "The page is too large (over 195.3 KB)."),
        ("/slow", "The site didn't answer within 1 s."),
    ],
)
async def test_error_replies(
    api: FakeTelegram, pages: PageServer, tmp_path: Path, path: str, expected: str
) -> None:
    async with running_bot(e2e_settings(api, tmp_path)):
        [reply] = await ask(api, pages.url(path))
        assert reply == html.escape(expected)


async def test_slow_site_gets_reading_then_the_edit_and_a_paste_one_reply(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    def calls_for(chat: int) -> list[tuple[str, str]]:
        return [
            (c.method, str(c.params.get("text", "")))
            for c in api.calls
            if c.method in ("sendMessage", "editMessageText")
            and int(c.params.get("chat_id", 0)) == chat
        ]

    # The site takes longer than the grace period (it times out after the 1 s fetch cap).
    async with running_bot(e2e_settings(api, tmp_path, status_grace_s=0.2)):
        [reply] = await ask(api, pages.url("/slow"))
        assert calls_for(USER) == [("sendMessage", texts.READING), ("editMessageText", reply)]
    # A long grace: the paste (real pipeline) always finishes inside it, even on a busy machine.
    async with running_bot(e2e_settings(api, tmp_path, status_grace_s=30)):
        [pasted] = await ask(api, article_text(), chat_id=USER + 1)
        assert calls_for(USER + 1) == [("sendMessage", pasted)]


async def test_blocked_address_and_short_paste(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    async with running_bot(e2e_settings(api, tmp_path, fetch_allow_private=False)):
        [reply] = await ask(api, pages.url("/article"))
        assert reply == html.escape("That address isn't allowed.")
        [short] = await ask(api, "Just a few words here.")
        assert short == html.escape(texts.ERRORS[TextTooShort])
    assert not pages.requests


async def test_document_upload(api: FakeTelegram, pages: PageServer, tmp_path: Path) -> None:
    async with running_bot(e2e_settings(api, tmp_path)):
        doc = api.make_document("story.txt", article_text().encode("utf-8"))
        before = len(api.chat_texts(USER))
        api.queue(message=api.make_message(None, chat_id=USER, user_id=USER, document=doc))
        out = await api.wait_for(done(USER, before + 1), within_s=20)
        assert "English · " in out[-1]


async def test_unparsable_update_does_not_stall_polling(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    bad = {"update_id": 5000, "message": {"message_id": "x", "date": 0, "chat": "broken"}}
    # Plain PTB: the whole batch fails to parse, so the Updater would refetch it forever.
    api.queue_raw(bad)
    plain = ExtBot(TOKEN, base_url=api.base_url)  # type: ignore[attr-defined]
    async with plain:
        with pytest.raises(Exception):  # noqa: B017, PT011 — PTB raises whatever parsing raised
            await plain.get_updates(timeout=0)
        tolerant = TolerantBot(TOKEN, base_url=api.base_url)  # type: ignore[attr-defined]
        async with tolerant:
            assert [u.update_id for u in await tolerant.get_updates(timeout=0)] == [5000]
    async with running_bot(e2e_settings(api, tmp_path)):
        [reply] = await ask(api, article_text())
        assert "English · " in reply
        assert not api.updates or api.updates[0]["update_id"] > 5000


async def test_token_never_in_logs(api: FakeTelegram, pages: PageServer, tmp_path: Path) -> None:
    stream = io.StringIO()
    handler = configure_logging("DEBUG", [TOKEN], stream)
    try:
        async with running_bot(e2e_settings(api, tmp_path)):
            await ask(api, pages.url("/article"))
            await ask(api, pages.url("/gone"))
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(logging.WARNING)
    out = stream.getvalue()
    assert "getUpdates" in out  # PTB's debug lines were captured
    assert TOKEN not in out
    assert TOKEN.split(":")[1] not in out


async def test_telegram_error_surface(api: FakeTelegram, tmp_path: Path) -> None:
    """The fake server rejects what Telegram rejects (so the e2e tests mean something)."""
    bot = ExtBot(TOKEN, base_url=api.base_url)  # type: ignore[attr-defined]
    api.make_message("hi", chat_id=USER, user_id=USER)
    async with bot:
        with pytest.raises(TelegramError, match="too long"):
            await bot.send_message(USER, "x" * 4097)
        with pytest.raises(TelegramError, match="parse entities"):
            await bot.send_message(USER, "<b>unclosed", parse_mode="HTML")
        with pytest.raises(TelegramError, match="parse entities"):
            await bot.send_message(USER, "<div>no</div>", parse_mode="HTML")
        ok = await bot.send_message(USER, "<b>fine</b> &amp; <i>ok</i>", parse_mode="HTML")
        assert ok.text == "fine & ok"


@pytest.mark.parametrize("language", ["de", "ar", "zh"])
async def test_users_get_the_bot_in_their_telegram_language(
    api: FakeTelegram, pages: PageServer, tmp_path: Path, language: str
) -> None:
    tx = texts_for(language)
    chat = USER + 100
    settings = e2e_settings(api, tmp_path)
    async with running_bot(settings) as app:
        [start] = await ask(api, "/start", chat_id=chat, language_code=language)
        assert start == tx(texts.START)
        [help_] = await ask(api, "/help", chat_id=chat, language_code=language)
        assert help_ == tx(
            texts.HELP,
            max_links=tx.number(settings.max_links_per_message),
            username=BOT_USERNAME,
        )
        assert f"@{BOT_USERNAME} https://" in help_  # the inline-mode line names this bot
        [shown] = await ask(api, "/settings", chat_id=chat, language_code=language)
        assert shown.startswith(tx.line(tx(texts.SETTINGS_TITLE)))
        assert tx.plural(texts.LENGTH_SENTENCES, 3) in shown
        [linked] = await ask(api, pages.url("/article"), chat_id=chat, language_code=language)
        assert "Helen Okafor" in linked  # the article itself is never translated
        footer = linked.rsplit("\n", 1)[1]
        assert footer.startswith(tx.line(texts.language_label("en", tx, capitalize=True)))
        assert tx.plural(texts.FOOTER_SENTENCES, 3, picked="3").split()[-1] in footer
        [error] = await ask(api, pages.url("/gone"), chat_id=chat, language_code=language)
        assert error == html.escape(tx(texts.ERRORS[PageNotFound], status=404))
        await app.bot_data[COMMANDS_TASK_KEY]
    assert api.commands[("all_private_chats", language)]["help"] == tx(
        texts.PRIVATE_COMMANDS[2][1]
    )
