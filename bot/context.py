"""Typed dependencies and the CallbackContext that exposes them as `context.deps`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.inline import InlineQueries
from bot.paste_merge import PasteMerger
from bot.quota import RequestQuota
from bot.service import SummaryService
from bot.storage.base import Store
from bot.ttlcache import TTLCache

DEPS_KEY = "deps"


@dataclass
class Deps:
    """Everything handlers use; built by `bot.app.build_deps`, opened in `post_init`."""

    settings: Settings
    service: SummaryService
    quota: RequestQuota
    admins: TTLCache[bool]
    paste_merger: PasteMerger
    inline_queries: InlineQueries

    @property
    def store(self) -> Store:
        """The store behind the service (opened and closed by the application's hooks)."""
        return self.service.store


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with typed access to the bot's dependencies."""

    @property
    def deps(self) -> Deps:
        """The dependencies stored in `bot_data` by `build_application`."""
        deps = self.bot_data[DEPS_KEY]
        if not isinstance(deps, Deps):
            raise TypeError("bot_data has no Deps")
        return deps


BotApp = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]
