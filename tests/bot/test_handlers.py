"""Handler tests: real Update objects through the real Application, answered in-process."""

from __future__ import annotations

import asyncio
import html

import pytest

from bot import texts
from bot.app import COMMANDS_TASK_KEY
from bot.i18n import ENGLISH, interface_languages
from bot.storage.base import ChatSettings
from summaries import errors as E  # noqa: N812
from tests.support.bot_env import BotEnv, make_settings
from tests.support.fake_bot_api import BOT_USERNAME, Fault

USER = 5001
GROUP = -100777
ARTICLE = " ".join(f"Sentence number {i} says something about the council." for i in range(30))


def final_texts(env: BotEnv, chat_id: int) -> list[str]:
    return env.api.chat_texts(chat_id)


async def test_post_init_registers_commands_per_scope(env: BotEnv) -> None:
    default = [
        c.params["scope"]["type"]
        for c in env.api.calls
        if c.method == "setMyCommands" and not c.params.get("language_code")
    ]
    assert sorted(default) == ["all_chat_administrators", "all_group_chats", "all_private_chats"]
    # and once more per interface language, just after start-up (test_i18n checks the menus)
    await env.app.bot_data[COMMANDS_TASK_KEY]
    calls = [c for c in env.api.calls if c.method == "setMyCommands"]
    assert len(calls) == 3 * len(interface_languages())


async def test_private_paste_is_summarised_and_escaped(env: BotEnv) -> None:
    msg = env.api.make_message(ARTICLE, chat_id=USER, user_id=USER)
    await env.send(message=msg)
    assert env.pipeline.calls[0][0] == "text"
    [reply] = final_texts(env, USER)
    assert "Council approves &lt;new&gt; bridge &amp; tunnel" in reply
    assert "• Work starts in spring &amp; ends in 2027." in reply
    assert "<blockquote>“We waited long enough” — Mayor Jane Roe</blockquote>" in reply
    assert reply.endswith("English · 2 of 12 sentences · 95% shorter")
    [sent] = env.api.sent("sendMessage")  # fast work: the summary itself, no "Reading…"
    assert sent["text"] == reply
    assert sent["link_preview_options"] == {"is_disabled": True}


def chat_calls(env: BotEnv, chat_id: int) -> list[str]:
    """Methods of every Bot API call made for one chat, in order."""
    return [c.method for c in env.api.calls if int(c.params.get("chat_id", 0)) == chat_id]


async def test_fast_work_is_one_reply_without_status(env: BotEnv) -> None:
    await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    await env.send(
        message=env.api.make_message(
            "https://example.com/fast", chat_id=USER + 1, user_id=USER + 1
        )
    )
    for chat in (USER, USER + 1):
        assert chat_calls(env, chat) == ["sendMessage"]
        [reply] = final_texts(env, chat)
        assert "Council approves" in reply


async def test_slow_work_gets_status_then_the_edit(env: BotEnv) -> None:
    gate = asyncio.Event()

    async def slow(url: str) -> None:
        await gate.wait()

    env.pipeline.on_url = slow
    msg = env.api.make_message("https://example.com/slow", chat_id=USER, user_id=USER)
    task = asyncio.create_task(env.send(message=msg))
    # The status appears while the work is still running (the gate is shut).
    status = await env.api.wait_for(lambda a: a.sent("sendMessage"))
    assert [s["text"] for s in status] == [texts.READING]
    assert not task.done()
    gate.set()
    await task
    [edit] = env.api.sent("editMessageText")
    [status_id] = [
        mid for (cid, mid), m in env.api.messages.items() if cid == USER and "params" in m
    ]
    assert int(edit["message_id"]) == status_id
    assert "Council approves" in edit["text"]
    assert chat_calls(env, USER)[0] == "sendMessage"
    assert chat_calls(env, USER)[-1] == "editMessageText"
    assert chat_calls(env, USER).count("sendMessage") == 1
    [reply] = final_texts(env, USER)
    assert "Council approves" in reply


@pytest.mark.parametrize("bot_settings", [make_settings(status_grace_s=0.05)])
async def test_status_still_waiting_for_flood_control_is_withdrawn(env: BotEnv) -> None:
    gate = asyncio.Event()

    async def slow(url: str) -> None:
        await gate.wait()

    env.pipeline.on_url = slow
    other = USER + 7
    # A 429 for another chat makes flood control hold every call for retry_after (1 s).
    env.api.inject("sendMessage", Fault(status=429, retry_after=1, chat_id=other))
    first = asyncio.create_task(
        env.send(message=env.api.make_message(ARTICLE, chat_id=other, user_id=other))
    )
    await env.api.wait_for(lambda a: a.faulted)
    msg = env.api.make_message("https://example.com/held", chat_id=USER, user_id=USER)
    second = asyncio.create_task(env.send(message=msg))
    await asyncio.sleep(0.3)  # past the grace: the status is now queued behind the pause
    gate.set()
    await asyncio.gather(first, second)
    # The status never went out: the summary came as the one and only message.
    assert chat_calls(env, USER) == ["sendMessage"]
    [reply] = final_texts(env, USER)
    assert "Council approves" in reply
    assert "Council approves" in final_texts(env, other)[0]


async def test_slow_failure_edits_the_status_into_the_error(env: BotEnv) -> None:
    gate = asyncio.Event()

    async def slow(url: str) -> None:
        await gate.wait()

    env.pipeline.on_url = slow
    env.pipeline.errors["https://example.com/late"] = E.FetchTimeout(15)
    msg = env.api.make_message("https://example.com/late", chat_id=USER, user_id=USER)
    task = asyncio.create_task(env.send(message=msg))
    await env.api.wait_for(lambda a: a.sent("sendMessage"))
    gate.set()
    await task
    assert chat_calls(env, USER) == ["sendMessage", "editMessageText"]
    assert final_texts(env, USER) == [html.escape("The site didn't answer within 15 s.")]


async def test_slow_work_shows_typing(env: BotEnv) -> None:
    import time

    def slow(text: str, options: object, config: object) -> object:
        time.sleep(1.3)
        return env.pipeline.summary

    env.pipeline.summarize_text = slow  # type: ignore[method-assign]
    await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    actions = env.api.sent("sendChatAction")
    assert actions
    assert actions[0]["action"] == "typing"


async def test_private_link_goes_to_url_pipeline(env: BotEnv) -> None:
    msg = env.api.make_message(
        "look https://example.com/a?utm_source=x", chat_id=USER, user_id=USER
    )
    await env.send(message=msg)
    assert env.pipeline.calls[0][:2] == ("url", "https://example.com/a?utm_source=x")
    [reply] = final_texts(env, USER)
    assert '<a href="https://example.com/a?utm_source=x"><b>' in reply


async def test_several_links_are_capped(env: BotEnv) -> None:
    links = " ".join(f"https://example.com/{i}" for i in range(5))
    await env.send(message=env.api.make_message(links, chat_id=USER, user_id=USER))
    assert [c[1] for c in env.pipeline.calls] == [f"https://example.com/{i}" for i in range(3)]
    out = final_texts(env, USER)
    assert out[0] == ENGLISH.plural(texts.TOO_MANY_LINKS, 3) == "I'll summarise the first 3 links."
    assert sum("Council approves" in t for t in out) == 3


async def test_same_link_is_fetched_once_across_chats(env: BotEnv) -> None:
    for chat in (USER, USER + 1):
        msg = env.api.make_message("https://Example.com/x#top", chat_id=chat, user_id=chat)
        await env.send(message=msg)
    assert len(env.pipeline.calls) == 1
    assert (await env.store.counters())["cache_hits"] == 1


async def test_concurrent_fetches_of_one_link_are_coalesced(env: BotEnv) -> None:
    gate = asyncio.Event()

    async def slow(url: str) -> None:
        await gate.wait()

    env.pipeline.on_url = slow
    sends = [
        env.send(message=env.api.make_message("https://example.com/y", chat_id=c, user_id=c))
        for c in (USER, USER + 1, USER + 2)
    ]
    tasks = [asyncio.create_task(s) for s in sends]
    await asyncio.sleep(0.05)
    gate.set()
    await asyncio.gather(*tasks)
    assert len(env.pipeline.calls) == 1
    assert all("Council approves" in final_texts(env, c)[0] for c in (USER, USER + 1, USER + 2))


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (E.PageNotFound(404), "That page returned 404 — check the link."),
        (
            E.UnsupportedContentType("image/png"),
            "That link is an image; I can only read web articles and PDFs.",
        ),
        (
            E.NoArticleFound(),
            "I couldn't find an article on that page (it may be behind a "
            "paywall or need JavaScript).",
        ),
        (E.BlockedAddress(), "That address isn't allowed."),
        (E.PageTooLarge(5 * 1024 * 1024), "The page is too large (over 5 MB)."),
        (E.FetchTimeout(15.0), "The site didn't answer within 15 s."),
        (
            E.TextTooShort(),
            "That's too short to summarise — paste the whole article or send a link.",
        ),
        (E.ConnectionFailed(), texts.ERRORS[E.ConnectionFailed]),
        (E.NotProse(), texts.ERRORS[E.NotProse]),
        (E.UnsupportedLanguage("sv"), "I can't summarise Swedish text yet."),
    ],
)
async def test_each_error_has_its_own_reply(
    env: BotEnv, error: E.SummaryError, expected: str
) -> None:
    env.pipeline.errors["https://example.com/bad"] = error
    await env.send(
        message=env.api.make_message("https://example.com/bad", chat_id=USER, user_id=USER)
    )
    assert final_texts(env, USER) == [html.escape(expected)]
    counters = await env.store.counters()
    assert counters[f"error:{type(error).__name__}"] == 1


async def test_every_error_class_has_a_text() -> None:
    classes = [
        c for c in vars(E).values() if isinstance(c, type) and issubclass(c, E.SummaryError)
    ]
    assert set(classes) <= set(texts.ERRORS)


async def test_group_summary_command_replies_in_thread(env: BotEnv) -> None:
    target = env.api.make_message(
        "read this https://example.com/g",
        chat_id=GROUP,
        user_id=USER,
        chat_type="supergroup",
        thread_id=7,
    )
    cmd = env.api.make_message(
        f"/summary@{BOT_USERNAME}",
        chat_id=GROUP,
        user_id=USER + 1,
        chat_type="supergroup",
        reply_to=target,
        thread_id=7,
    )
    await env.send(message=cmd)
    assert env.pipeline.calls[0][1] == "https://example.com/g"
    status = env.api.sent("sendMessage")[0]
    assert status["reply_parameters"]["message_id"] == cmd["message_id"]
    assert status["message_thread_id"] == 7


async def test_tldr_with_url_argument(env: BotEnv) -> None:
    cmd = env.api.make_message(
        "/tldr https://example.com/t", chat_id=GROUP, user_id=USER, chat_type="supergroup"
    )
    await env.send(message=cmd)
    assert env.pipeline.calls[0][1] == "https://example.com/t"


async def test_summary_without_anything_gives_usage(env: BotEnv) -> None:
    await env.send(
        message=env.api.make_message(
            "/summary", chat_id=GROUP, user_id=USER, chat_type="supergroup"
        )
    )
    assert env.api.sent()[0]["text"] == texts.USAGE_SUMMARY
    assert env.pipeline.calls == []


async def test_group_links_ignored_unless_auto_summary(env: BotEnv) -> None:
    link = "https://example.com/auto"
    await env.send(
        message=env.api.make_message(link, chat_id=GROUP, user_id=USER, chat_type="supergroup")
    )
    assert env.pipeline.calls == []
    await env.store.set_chat_settings(GROUP, ChatSettings(auto_summary=True))
    await env.send(
        message=env.api.make_message(link, chat_id=GROUP, user_id=USER, chat_type="supergroup")
    )
    assert env.pipeline.calls[0][1] == link


async def test_settings_apply_to_options(env: BotEnv) -> None:
    await env.store.set_chat_settings(
        USER, ChatSettings(length="20%", quotes=False, language="de", algorithm="lexrank")
    )
    await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    options = env.pipeline.calls[0][2]
    assert (options.ratio, options.quotes, options.language, options.algorithm) == (
        0.2,
        False,
        "de",
        "lexrank",
    )


async def test_settings_admin_and_non_admin(env: BotEnv) -> None:
    admin, member = USER, USER + 1
    env.api.members[(GROUP, admin)] = "administrator"
    await env.send(
        message=env.api.make_message(
            "/settings", chat_id=GROUP, user_id=member, chat_type="supergroup"
        )
    )
    assert env.api.sent()[-1]["text"] == texts.ONLY_ADMINS
    await env.send(
        message=env.api.make_message(
            "/settings", chat_id=GROUP, user_id=admin, chat_type="supergroup"
        )
    )
    shown = env.api.sent("sendMessage")[-1]
    assert shown["text"].startswith(texts.SETTINGS_TITLE)
    keyboard = shown["reply_markup"]["inline_keyboard"]
    assert any(b["callback_data"] == "set:auto_summary:1" for row in keyboard for b in row)
    settings_msg = env.api.messages[(GROUP, max(m for c, m in env.api.messages if c == GROUP))]
    bot_message = {k: v for k, v in settings_msg.items() if k not in ("text_html", "params")}
    # A member pressing the admin's button is refused and nothing changes.
    await env.send(
        callback_query=env.api.make_callback("set:length:7", message=bot_message, user_id=member)
    )
    refusal = env.api.sent("answerCallbackQuery")[-1]
    assert refusal["text"] == texts.ONLY_ADMINS
    assert refusal["show_alert"] is True
    assert (await env.store.get_chat_settings(GROUP)).length == "3"
    # The admin's press changes it and edits the message.
    await env.send(
        callback_query=env.api.make_callback("set:length:7", message=bot_message, user_id=admin)
    )
    assert (await env.store.get_chat_settings(GROUP)).length == "7"
    assert "Length: 7 sentences" in env.api.sent("editMessageText")[-1]["text"]
    # getChatMember is cached: one lookup per user.
    lookups = [c for c in env.api.calls if c.method == "getChatMember"]
    assert len(lookups) == 2


async def test_anonymous_admin_counts_as_admin(env: BotEnv) -> None:
    msg = env.api.make_message(
        "/settings", chat_id=GROUP, sender_chat_id=GROUP, chat_type="supergroup"
    )
    await env.send(message=msg)
    assert env.api.sent()[-1]["text"].startswith(texts.SETTINGS_TITLE)
    assert not [c for c in env.api.calls if c.method == "getChatMember"]


async def test_private_user_owns_settings(env: BotEnv) -> None:
    await env.send(message=env.api.make_message("/settings", chat_id=USER, user_id=USER))
    msg = env.api.make_message(None, chat_id=USER)  # placeholder for the bot's message
    msg["text"] = "settings"
    await env.send(callback_query=env.api.make_callback("set:quotes:0", message=msg, user_id=USER))
    assert (await env.store.get_chat_settings(USER)).quotes is False


async def test_owner_commands(env: BotEnv) -> None:
    await env.send(message=env.api.make_message("/stats", chat_id=USER, user_id=USER))
    assert env.api.sent()[-1]["text"] == texts.OWNER_ONLY
    owner = 9001
    await env.send(message=env.api.make_message(f"/block {USER}", chat_id=owner, user_id=owner))
    assert env.api.sent()[-1]["text"] == texts.BLOCKED_OK.format(id=USER)
    calls_before = len(env.api.calls)
    await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    assert len(env.api.calls) == calls_before
    assert env.pipeline.calls == []
    await env.send(message=env.api.make_message(f"/unblock {USER}", chat_id=owner, user_id=owner))
    await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    assert len(env.pipeline.calls) == 1
    await env.send(message=env.api.make_message("/stats", chat_id=owner, user_id=owner))
    stats = env.api.sent()[-1]["text"]
    assert "Summaries served: 1" in stats
    assert "Chats: 1" in stats


async def test_start_help_privacy(env: BotEnv) -> None:
    for command in ("/start", "/help", "/privacy"):
        await env.send(message=env.api.make_message(command, chat_id=USER, user_id=USER))
    sent = [p["text"] for p in env.api.sent()]
    assert sent[0] == texts.START
    assert "privacy mode" in sent[1]
    assert "6 hours" in sent[2]
    # one process: updates and paste parts never leave memory
    assert "stay in memory for 10 minutes" in sent[2]
    assert "database" not in sent[2]


async def test_document_is_read_as_article(env: BotEnv) -> None:
    doc = env.api.make_document("story.txt", ARTICLE.encode())
    await env.send(message=env.api.make_message(None, chat_id=USER, user_id=USER, document=doc))
    assert env.pipeline.calls[0][:2] == ("text", ARTICLE)
    html_doc = env.api.make_document("story.html", b"<html><p>x</p></html>", "text/html")
    await env.send(
        message=env.api.make_message(None, chat_id=USER, user_id=USER, document=html_doc)
    )
    assert env.pipeline.calls[1][0] == "html"


async def test_large_or_odd_document_is_refused(env: BotEnv) -> None:
    big = env.api.make_document("big.txt", b"x" * (1024 * 1024 + 1))
    await env.send(message=env.api.make_message(None, chat_id=USER, user_id=USER, document=big))
    assert env.api.sent()[-1]["text"] == texts.DOCUMENT_TOO_LARGE.format(limit="1 MB")
    sheet = env.api.make_document("table.xlsx", b"PK\x03\x04", "application/vnd.ms-excel")
    await env.send(message=env.api.make_message(None, chat_id=USER, user_id=USER, document=sheet))
    assert env.api.sent()[-1]["text"] == texts.DOCUMENT_UNSUPPORTED
    big_pdf = env.api.make_document("paper.pdf", b"%PDF-1.7\n" + b"0" * 5 * 1024 * 1024)
    await env.send(
        message=env.api.make_message(None, chat_id=USER, user_id=USER, document=big_pdf)
    )
    assert env.api.sent()[-1]["text"] == texts.DOCUMENT_TOO_LARGE.format(limit="5 MB")
    assert env.pipeline.calls == []


async def test_pdf_files_go_to_the_pdf_reader(env: BotEnv) -> None:
    """A .pdf (or a PDF by MIME type without the extension), up to the page byte cap."""
    named = env.api.make_document("paper.pdf", b"%PDF-1.7 small", "application/octet-stream")
    await env.send(message=env.api.make_message(None, chat_id=USER, user_id=USER, document=named))
    bare = env.api.make_document("scan", b"%PDF-1.4 more", "application/pdf")
    await env.send(message=env.api.make_message(None, chat_id=USER, user_id=USER, document=bare))
    assert [(kind, data) for kind, data, _ in env.pipeline.calls] == [
        ("pdf", b"%PDF-1.7 small"),
        ("pdf", b"%PDF-1.4 more"),
    ]


async def test_forwarded_channel_post_with_text_link(env: BotEnv) -> None:
    text = "Breaking: council votes"
    entities = [{"type": "text_link", "offset": 0, "length": 8, "url": "https://news.example/v"}]
    msg = env.api.make_message(
        text, chat_id=USER, user_id=USER, entities=entities, forward_from_channel=-100555
    )
    await env.send(message=msg)
    assert env.pipeline.calls[0][1] == "https://news.example/v"


async def test_unexpected_exception_reaches_error_handler(env: BotEnv) -> None:
    env.pipeline.text_error = None

    def boom(text: str, options: object, config: object) -> object:
        raise RuntimeError("kaboom")

    env.pipeline.summarize_text = boom  # type: ignore[method-assign]
    await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    await asyncio.sleep(0.05)  # the error handler runs as a task
    assert env.api.sent()[-1]["text"] == texts.SOMETHING_WRONG


async def test_channel_posts_settings_and_auto_summary(env: BotEnv) -> None:
    channel = -100999
    post = env.api.make_message(
        "/settings", chat_id=channel, chat_type="channel", sender_chat_id=channel
    )
    post.pop("from")
    await env.send(channel_post=post)
    shown = env.api.sent("sendMessage")[-1]
    assert shown["text"].startswith(texts.SETTINGS_TITLE)
    link = env.api.make_message(
        "https://example.com/c", chat_id=channel, chat_type="channel", sender_chat_id=channel
    )
    link.pop("from")
    await env.send(channel_post=link)
    assert env.pipeline.calls == []
    await env.store.set_chat_settings(channel, ChatSettings(auto_summary=True))
    await env.send(channel_post=link)
    assert env.pipeline.calls[0][1] == "https://example.com/c"


async def test_long_summary_arrives_in_several_valid_messages(env: BotEnv) -> None:
    from tests.support.bot_env import make_summary

    env.pipeline.summary = make_summary(
        sentences=tuple(f"Sentence {i} & <more> " + "words " * 60 for i in range(40))
    )
    await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    out = final_texts(env, USER)
    assert len(out) >= 4  # each checked by the fake API for length and HTML validity
    assert out[0].startswith("<b>Council approves")
    assert "\n\nEnglish · 40 of" in out[-1]
