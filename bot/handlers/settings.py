"""/settings: the chat's settings as text plus an inline keyboard; button presses change them."""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Callable

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot import texts
from bot.context import BotContext, texts_for_update
from bot.i18n import ENGLISH, Texts, endonym, interface_languages
from bot.permissions import can_change_settings
from bot.storage.base import ChatSettings
from summaries import ALGORITHMS

_LOG = logging.getLogger(__name__)
CALLBACK_PREFIX = "set"
#: Algorithm buttons per keyboard row.
ALGORITHMS_PER_ROW = 5
#: Interface-language buttons per keyboard row.
INTERFACES_PER_ROW = 5


def _mark(label: str, selected: bool) -> str:
    return f"✓ {label}" if selected else label


def _data(field: str, value: str) -> str:
    return f"{CALLBACK_PREFIX}:{field}:{value}"


def _article_language(code: str, tx: Texts) -> str:
    return tx(texts.AUTO) if code == "auto" else texts.language_label(code, tx, capitalize=True)


def _interface_language(code: str, tx: Texts) -> str:
    """A language in the interface menu: its own name ("Deutsch"), so anyone finds theirs
    (isolated from the labels around it when those read right to left)."""
    return tx(texts.AUTO) if code == "auto" else tx.isolate(endonym(code))


def _algorithm(name: str, tx: Texts) -> str:
    label = texts.ALGORITHM_LABELS.get(name, name)
    return tx(label) if label != name else name


def settings_text(settings: ChatSettings, group: bool, tx: Texts = ENGLISH) -> str:
    """The settings message (HTML)."""
    onoff = {True: tx(texts.ON), False: tx(texts.OFF)}
    body = tx(
        texts.SETTINGS_LINES,
        length=texts.length_label(settings.length, tx),
        quotes=onoff[settings.quotes],
        language=_article_language(settings.language, tx),
        algorithm=_algorithm(settings.algorithm, tx),
    )
    if group:
        body += tx(texts.SETTINGS_AUTO_LINE, auto=onoff[settings.auto_summary])
    body += tx(
        texts.SETTINGS_INTERFACE_LINE,
        interface=_interface_language(settings.interface, tx),
    )
    lines = [tx(texts.SETTINGS_TITLE), *html.escape(body).split("\n")]
    return "\n".join(tx.line(line) for line in lines)


def settings_keyboard(
    settings: ChatSettings, group: bool, tx: Texts = ENGLISH
) -> InlineKeyboardMarkup:
    """Buttons for every choice; the current one is ticked."""
    onoff = {True: tx(texts.ON), False: tx(texts.OFF)}
    rows = [
        [
            InlineKeyboardButton(
                _mark(texts.length_label(v, tx), v == settings.length),
                callback_data=_data("length", v),
            )
            for v in texts.LENGTHS
        ],
        [
            InlineKeyboardButton(
                tx(texts.BUTTON_QUOTES, state=onoff[settings.quotes]),
                callback_data=_data("quotes", "0" if settings.quotes else "1"),
            )
        ],
        [
            InlineKeyboardButton(
                _mark(_article_language(v, tx), v == settings.language),
                callback_data=_data("language", v),
            )
            for v in texts.ARTICLE_LANGUAGES
        ],
    ]
    algos = [
        InlineKeyboardButton(
            _mark(_algorithm(a, tx), a == settings.algorithm),
            callback_data=_data("algorithm", a),
        )
        for a in ALGORITHMS
    ]
    rows += [algos[i : i + ALGORITHMS_PER_ROW] for i in range(0, len(algos), ALGORITHMS_PER_ROW)]
    interfaces = [
        InlineKeyboardButton(
            _mark(_interface_language(code, tx), code == settings.interface),
            callback_data=_data("interface", code),
        )
        for code in ("auto", *interface_languages())
    ]
    rows += [
        interfaces[i : i + INTERFACES_PER_ROW]
        for i in range(0, len(interfaces), INTERFACES_PER_ROW)
    ]
    if group:
        rows[1].append(
            InlineKeyboardButton(
                tx(texts.BUTTON_AUTO, state=onoff[settings.auto_summary]),
                callback_data=_data("auto_summary", "0" if settings.auto_summary else "1"),
            )
        )
    return InlineKeyboardMarkup(rows)


def _flag(value: str) -> bool:
    """A button's on/off value.

    Raises:
        ValueError: for anything but "0" or "1".
    """
    if value not in ("0", "1"):
        raise ValueError(f"not a flag: {value!r}")
    return value == "1"


def _offered(value: str, offered: tuple[str, ...]) -> str:
    """A value the keyboard offers.

    Raises:
        ValueError: for anything else (an old or forged button).
    """
    if value not in offered:
        raise ValueError(f"not offered: {value!r}")
    return value


#: Button field → the settings after pressing it with a value (ValueError for a bad value;
#: ChatSettings itself refuses unknown lengths, languages and algorithms).
_SETTERS: dict[str, Callable[[ChatSettings, str], ChatSettings]] = {
    "length": lambda s, v: dataclasses.replace(s, length=_offered(v, texts.LENGTHS)),
    "language": lambda s, v: dataclasses.replace(s, language=_offered(v, texts.ARTICLE_LANGUAGES)),
    "interface": lambda s, v: dataclasses.replace(
        s, interface=_offered(v, ("auto", *interface_languages()))
    ),
    "algorithm": lambda s, v: dataclasses.replace(s, algorithm=v),
    "quotes": lambda s, v: dataclasses.replace(s, quotes=_flag(v)),
    "auto_summary": lambda s, v: dataclasses.replace(s, auto_summary=_flag(v)),
}


def apply_choice(settings: ChatSettings, data: str) -> ChatSettings | None:
    """The settings after one button press, or None for unknown/out-of-date data."""
    parts = data.split(":")
    if len(parts) != 3 or parts[0] != CALLBACK_PREFIX:
        return None
    _, field, value = parts
    setter = _SETTERS.get(field)
    if setter is None:
        return None
    try:
        return setter(settings, value)
    except ValueError:
        return None


def _is_group(chat: Chat) -> bool:
    """Chats with many members, where auto-summary of links is a choice."""
    return chat.type in (Chat.GROUP, Chat.SUPERGROUP, Chat.CHANNEL)


async def on_settings_command(update: Update, context: BotContext) -> None:
    """/settings: show the chat's settings; only admins get the buttons' effect."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    current = await context.deps.service.chat_settings(chat.id)
    tx = texts_for_update(update, current)
    if not await can_change_settings(context, chat, update.effective_user, message.sender_chat):
        await message.reply_html(tx(texts.ONLY_ADMINS))
        return
    group = _is_group(chat)
    await message.reply_html(
        settings_text(current, group, tx), reply_markup=settings_keyboard(current, group, tx)
    )


async def on_settings_button(update: Update, context: BotContext) -> None:
    """A settings button: admins change the setting, others are refused via the callback answer."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    deps = context.deps
    current = await deps.service.chat_settings(chat.id)
    tx = texts_for_update(update, current)
    if not await can_change_settings(context, chat, query.from_user):
        await query.answer(tx(texts.ONLY_ADMINS), show_alert=True)
        return
    changed = apply_choice(current, query.data or "")
    if changed is None:
        await query.answer(tx(texts.SETTINGS_STALE))
        return
    if changed != current:
        if not await deps.service.save_chat_settings(chat.id, changed):
            await query.answer(tx(texts.SETTINGS_NOT_SAVED), show_alert=True)
            return
        tx = texts_for_update(update, changed)  # a new interface language shows at once
        group = _is_group(chat)
        try:
            await query.edit_message_text(
                settings_text(changed, group, tx),
                reply_markup=settings_keyboard(changed, group, tx),
            )
        except BadRequest as exc:  # e.g. "message is not modified" after a double tap
            _LOG.info("settings message not edited: %s", exc)
    await query.answer(tx(texts.SETTINGS_SAVED))
