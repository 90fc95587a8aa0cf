"""Summaries with a shared cache: one fetch per link across chats, counters, storage failures
logged and survived (plain, no Telegram)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from bot.pipeline import Pipeline
from bot.storage.base import ChatSettings, Store, StoreError
from bot.storage.urls import canonical_url
from summaries.config import PipelineConfig, SummaryOptions
from summaries.errors import SummaryError
from summaries.models import Summary

_LOG = logging.getLogger(__name__)

COUNTER_SERVED = "summaries_served"
COUNTER_CACHE_HITS = "cache_hits"
COUNTER_ERROR_PREFIX = "error:"


def cache_key(url: str, options: SummaryOptions) -> str:
    """Canonical URL plus the options that change the result."""
    length = f"r{options.ratio:g}" if options.ratio is not None else f"n{options.sentences}"
    fingerprint = (
        f"{length}|{options.algorithm}|{options.language or 'auto'}|{int(options.quotes)}"
    )
    return f"{canonical_url(url)}#{fingerprint}"


@dataclass(frozen=True, slots=True)
class Outcome:
    """A summary and whether it came from the cache."""

    summary: Summary
    cached: bool


class SummaryService:
    """Runs the pipeline for the bot; every storage call is best-effort."""

    def __init__(
        self,
        pipeline: Pipeline,
        store: Store,
        config: PipelineConfig,
        cache_ttl_s: float,
        client_factory: Callable[[], httpx.AsyncClient],
    ) -> None:
        self.pipeline = pipeline
        self.store = store
        self.config = config
        self.cache_ttl_s = cache_ttl_s
        self._client_factory = client_factory
        self._in_flight: dict[str, asyncio.Future[Summary]] = {}

    async def _safe(self, what: str, call: Awaitable[object]) -> object:
        try:
            return await call
        except (StoreError, OSError) as exc:
            _LOG.error("storage failure while %s: %s", what, exc)
            return None

    async def chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings; the defaults when the store fails."""
        result = await self._safe("reading chat settings", self.store.get_chat_settings(chat_id))
        return result if isinstance(result, ChatSettings) else ChatSettings()

    async def record_error(self, exc: SummaryError) -> None:
        """Count an error by its class name."""
        counter = COUNTER_ERROR_PREFIX + type(exc).__name__
        await self._safe("counting an error", self.store.incr(counter))

    async def record_served(self, chat_id: int) -> None:
        """Count one summary sent to a chat."""
        await self._safe("counting a summary", self.store.incr(COUNTER_SERVED))
        await self._safe("remembering a chat", self.store.touch_chat(chat_id))

    async def for_text(self, text: str, options: SummaryOptions) -> Summary:
        """Summarise pasted text in a worker thread (never cached)."""
        return await asyncio.to_thread(self.pipeline.summarize_text, text, options, self.config)

    async def for_html(self, html: str, options: SummaryOptions) -> Summary:
        """Summarise an HTML document in a worker thread (never cached)."""
        return await asyncio.to_thread(
            self.pipeline.summarize_html, html, None, options, self.config
        )

    async def for_url(self, url: str, options: SummaryOptions) -> Outcome:
        """A summary of `url`: from the cache, from a fetch already running, or fetched now.

        Raises:
            SummaryError: the pipeline's reason the link cannot be summarised (BlockedAddress
                for a link whose scheme or literal address is refused before any fetch).
        """
        key = cache_key(url, options)
        cached = await self._safe("reading the cache", self.store.get_summary(key))
        if isinstance(cached, Summary):
            await self._safe("counting a cache hit", self.store.incr(COUNTER_CACHE_HITS))
            return Outcome(cached, cached=True)
        running = self._in_flight.get(key)
        if running is not None:
            # Shield: one waiter being cancelled must not cancel the shared fetch.
            return Outcome(await asyncio.shield(running), cached=True)
        task = asyncio.ensure_future(self._fetch(url, key, options))
        self._in_flight[key] = task
        task.add_done_callback(lambda t: self._finished(key, t))
        return Outcome(await asyncio.shield(task), cached=False)

    def _finished(self, key: str, task: asyncio.Future[Summary]) -> None:
        self._in_flight.pop(key, None)
        if not task.cancelled():
            task.exception()  # mark it retrieved even when every waiter went away

    async def _fetch(self, url: str, key: str, options: SummaryOptions) -> Summary:
        client = self._client_factory()
        summary = await self.pipeline.summarize_url(url, client, options, self.config)
        if self.cache_ttl_s > 0:
            await self._safe(
                "writing the cache", self.store.put_summary(key, summary, self.cache_ttl_s)
            )
        return summary
