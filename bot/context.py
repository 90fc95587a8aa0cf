"""Typed dependencies and the CallbackContext that exposes them as `context.deps`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.merge import SplitBuffer
from bot.pipeline import Pipeline
from bot.ratelimit import BucketSpec, RateLimiter
from bot.service import SummaryService
from bot.storage.base import Store
from bot.ttlcache import TTLCache

DEPS_KEY = "deps"


@dataclass
class Deps:
    """Everything handlers use; built by the composition root, opened in post_init."""

    settings: Settings
    store: Store
    pipeline: Pipeline
    limiter: RateLimiter = field(init=False)
    admins: TTLCache[bool] = field(init=False)
    splitter: SplitBuffer = field(init=False)
    service: SummaryService = field(init=False)
    http: httpx.AsyncClient | None = None

    def __post_init__(self) -> None:
        s = self.settings
        self.limiter = RateLimiter(
            BucketSpec(s.rate_user_burst, s.rate_user_per_minute),
            BucketSpec(s.rate_chat_burst, s.rate_chat_per_minute),
        )
        self.admins = TTLCache(s.admin_cache_ttl_s)
        self.splitter = SplitBuffer(s.merge_window_s)
        self.service = SummaryService(
            self.pipeline, self.store, s.pipeline_config(), s.cache_ttl_s, self.client
        )

    def client(self) -> httpx.AsyncClient:
        """The shared article HTTP client (open between post_init and post_shutdown)."""
        if self.http is None:
            raise RuntimeError("HTTP client is not open (post_init has not run)")
        return self.http


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
