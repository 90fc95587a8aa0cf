"""Typed dependencies and the CallbackContext that exposes them as `context.deps`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import Chat, Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.i18n import ENGLISH, Texts, choose_language, texts_for
from bot.inline import InlineQueries
from bot.paste_merge import PasteMerger
from bot.quota import RequestQuota
from bot.service import SummaryService
from bot.storage.base import ChatSettings, Store
from bot.storage.shared import SharedState

DEPS_KEY = "deps"


@dataclass
class Deps:
    """Everything handlers use; built by `bot.app.build_deps`, opened in `post_init`."""

    settings: Settings
    service: SummaryService
    quota: RequestQuota
    paste_merger: PasteMerger
    inline_queries: InlineQueries

    @property
    def shared(self) -> SharedState:
        """State every replica shares (quotas, admin cache, fetch leases, paste parts)."""
        return self.service.shared

    @property
    def store(self) -> Store:
        """The store behind the service (opened and closed by the application's hooks)."""
        return self.service.store


def texts_for_update(update: object, settings: ChatSettings | None) -> Texts:
    """The interface language of a reply to `update`, given its chat's settings.

    A chat's fixed "Interface language" wins; otherwise private chats (and updates without
    a chat, such as inline queries) follow the user's Telegram language, groups English.
    """
    if not isinstance(update, Update):
        return ENGLISH
    chat, user = update.effective_chat, update.effective_user
    private = chat is None or chat.type == Chat.PRIVATE
    chosen = settings.interface if settings is not None else "auto"
    return texts_for(choose_language(chosen, user.language_code if user else None, private))


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with typed access to the bot's dependencies."""

    @property
    def deps(self) -> Deps:
        """The dependencies stored in `bot_data` by `build_application`."""
        deps = self.bot_data[DEPS_KEY]
        if not isinstance(deps, Deps):
            raise TypeError("bot_data has no Deps")
        return deps

    async def texts(self, update: object) -> Texts:
        """The interface language for replying to `update` (reads the chat's settings)."""
        chat = update.effective_chat if isinstance(update, Update) else None
        settings = await self.deps.service.chat_settings(chat.id) if chat is not None else None
        return texts_for_update(update, settings)


BotApp = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]
