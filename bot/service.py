"""The bot's one service over the pipeline and the store (plain, no Telegram).

It owns what every request shares: the summary cache, one fetch per link in flight, the work
off the event loop, the counters behind /stats, and the one storage-failure policy: a failing
store is logged (`storage failure while …`) and the request goes on without it.

One fetch per link: within a process, requests for a link being fetched await the same task;
across replicas, the task first takes a lease on the link in the shared state (`SharedState`);
a replica that finds the lease taken waits for the cache row instead, and fetches itself when
the holder finished without one (the link failed) or died (its lease ran out).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import httpx

from bot.cpupool import CpuPool
from bot.storage.base import ChatSettings, Store, StoreError
from bot.storage.shared import MemorySharedState, SharedState
from summaries import PipelineConfig, Summary, SummaryError, SummaryOptions, build_client
from summaries.fetch import canonical_url

_LOG = logging.getLogger(__name__)
T = TypeVar("T")

COUNTER_SERVED = "summaries_served"
COUNTER_CACHE_HITS = "cache_hits"
COUNTER_ERROR_PREFIX = "error:"
#: A fetch lease lasts this long and is renewed every third of it while the fetch runs, so a
#: replica that dies holding one keeps the others waiting a few seconds at most.
FETCH_LEASE_S = 5.0
#: Waiting for another replica's fetch stops this long after the fetch's own deadlines.
FETCH_WAIT_SLACK_S = 20.0
#: A replica waiting for another's fetch looks for the cache row after this long, then twice
#: as long each time up to FETCH_WAIT_MAX_POLL_S (most fetches take well under a second).
FETCH_WAIT_POLL_S = 0.05
FETCH_WAIT_MAX_POLL_S = 1.0


class Pipeline(Protocol):
    """What the service needs from `summaries.pipeline` (the module itself is the default;
    handler tests pass a fake with the same functions)."""

    def summarize_text(
        self, text: str, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        """Summarise pasted text (CPU-bound)."""
        ...

    def summarize_html(
        self, html: str, url: str | None, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        """Summarise an HTML document (CPU-bound)."""
        ...

    def summarize_pdf(
        self, data: bytes, url: str | None, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        """Summarise a PDF file (blocking)."""
        ...

    async def summarize_url(
        self,
        url: str,
        client: httpx.AsyncClient,
        options: SummaryOptions,
        config: PipelineConfig,
        offload: Callable[..., Awaitable[Any]] | None = None,
    ) -> Summary:
        """Fetch and summarise a URL (the CPU-bound part through `offload` when given)."""
        ...


@dataclass(frozen=True, slots=True)
class Stats:
    """What /stats shows."""

    chats: int
    served: int
    cache_hits: int
    errors: dict[str, int]


def cache_key(url: str, options: SummaryOptions) -> str:
    """Canonical URL plus the options that change the result."""
    length = f"r{options.ratio:g}" if options.ratio is not None else f"n{options.sentences}"
    fingerprint = (
        f"{length}|{options.algorithm}|{options.language or 'auto'}|{int(options.quotes)}"
    )
    return f"{canonical_url(url)}#{fingerprint}"


class SummaryService:
    """Summaries and chat state for handlers; every storage call is best-effort."""

    def __init__(
        self,
        store: Store,
        pipeline: Pipeline,
        config: PipelineConfig,
        cache_ttl_s: float,
        http: httpx.AsyncClient | None = None,
        cpu: CpuPool | None = None,
        shared: SharedState | None = None,
    ) -> None:
        """`http` is the client for article downloads; by default one from `build_client`
        (SSRF-guarded, capped) is made in `open`. `cpu` runs the CPU-bound pipeline in worker
        processes (started in `open`); without it, worker threads do. `shared` is the state
        replicas share (by default this process's memory: one replica)."""
        self.store = store
        self.shared: SharedState = shared if shared is not None else MemorySharedState()
        self.fetch_wait_s = config.fetch.timeout_s + config.pdf.timeout_s + FETCH_WAIT_SLACK_S
        self.pipeline = pipeline
        self.config = config
        self.cache_ttl_s = cache_ttl_s
        self.http = http
        self.cpu = cpu
        self._in_flight: dict[str, asyncio.Future[Summary]] = {}

    async def open(self) -> None:
        """Open the store and the HTTP client (the application's post_init)."""
        await self.store.open()
        if self.cpu is not None:
            await self.cpu.start()
        if self.http is None:
            self.http = build_client(self.config.fetch)

    async def close(self) -> None:
        """Close the HTTP client and the store (the application's post_shutdown)."""
        if self.http is not None:
            client, self.http = self.http, None
            await client.aclose()
        if self.cpu is not None:
            await self.cpu.close()
        await self.store.close()

    async def _safe(self, what: str, call: Awaitable[T], default: T) -> T:
        """The storage-failure policy: log and go on with `default`."""
        try:
            return await call
        except (StoreError, OSError) as exc:
            _LOG.error("storage failure while %s: %s", what, exc)
            return default

    # -- chat state ------------------------------------------------------------------------

    async def chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings; the defaults when the store fails."""
        return await self._safe(
            "reading chat settings", self.store.get_chat_settings(chat_id), ChatSettings()
        )

    async def save_chat_settings(self, chat_id: int, settings: ChatSettings) -> bool:
        """Store the chat's settings; False when the store failed."""

        async def save() -> bool:
            await self.store.set_chat_settings(chat_id, settings)
            return True

        return await self._safe("saving chat settings", save(), False)

    async def is_blocked(self, *subject_ids: int) -> bool:
        """True when any id is blocked; False when the store fails (blocking is best-effort)."""
        return await self._safe(
            "checking the blocklist", self.store.is_blocked(*subject_ids), False
        )

    async def block(self, subject_id: int) -> bool:
        """Block an id; False when the store failed."""

        async def block() -> bool:
            await self.store.block(subject_id)
            return True

        return await self._safe("blocking an id", block(), False)

    async def unblock(self, subject_id: int) -> bool | None:
        """Unblock an id: True when it was blocked, False when not, None when the store failed."""
        return await self._safe("unblocking an id", self.store.unblock(subject_id), None)

    async def stats(self) -> Stats | None:
        """Counters for /stats; None when the store failed."""

        async def read() -> Stats:
            counters = await self.store.counters()
            errors = {
                k.removeprefix(COUNTER_ERROR_PREFIX): v
                for k, v in sorted(counters.items())
                if k.startswith(COUNTER_ERROR_PREFIX)
            }
            return Stats(
                chats=await self.store.count_chats(),
                served=counters.get(COUNTER_SERVED, 0),
                cache_hits=counters.get(COUNTER_CACHE_HITS, 0),
                errors=errors,
            )

        return await self._safe("reading stats", read(), None)

    async def record_error(self, exc: SummaryError) -> None:
        """Count an error by its class name."""
        counter = COUNTER_ERROR_PREFIX + type(exc).__name__
        await self._safe("counting an error", self.store.incr(counter), None)

    async def record_served(self, chat_id: int | None) -> None:
        """Count one summary sent to a chat (None: an inline answer, in no chat of ours)."""
        await self._safe("counting a summary", self.store.incr(COUNTER_SERVED), None)
        if chat_id is not None:
            await self._safe("remembering a chat", self.store.touch_chat(chat_id), None)

    # -- summaries -------------------------------------------------------------------------

    async def for_text(self, text: str, options: SummaryOptions) -> Summary:
        """Summarise pasted text off the event loop (never cached)."""
        return await self._offload(self.pipeline.summarize_text, text, options, self.config)

    async def for_html(self, html: str, options: SummaryOptions) -> Summary:
        """Summarise an uploaded HTML document off the event loop (never cached)."""
        return await self._offload(self.pipeline.summarize_html, html, None, options, self.config)

    async def _offload(self, fn: Callable[..., T], *args: Any) -> T:
        """CPU-bound work in the process pool, or in a worker thread without one."""
        if self.cpu is not None:
            return await self.cpu.run(fn, *args)
        return await asyncio.to_thread(fn, *args)

    async def for_pdf(self, data: bytes, options: SummaryOptions) -> Summary:
        """Summarise an uploaded PDF in a worker thread (never cached): the reader already runs
        in a capped child process of its own, so the thread only waits for it."""
        return await asyncio.to_thread(
            self.pipeline.summarize_pdf, data, None, options, self.config
        )

    async def for_url(self, url: str, options: SummaryOptions) -> Summary:
        """A summary of `url`: from the cache, from a fetch already running, or fetched now.

        Raises:
            SummaryError: the pipeline's reason the link cannot be summarised.
        """
        key = cache_key(url, options)
        cached = await self._safe("reading the cache", self.store.get_summary(key), None)
        if cached is not None:
            await self._safe("counting a cache hit", self.store.incr(COUNTER_CACHE_HITS), None)
            return cached
        running = self._in_flight.get(key)
        if running is None:
            running = asyncio.ensure_future(self._fetch(url, key, options))
            self._in_flight[key] = running
            running.add_done_callback(lambda task: self._finished(key, task))
        # Shield: one waiter being cancelled must not cancel the fetch others share.
        return await asyncio.shield(running)

    def _finished(self, key: str, task: asyncio.Future[Summary]) -> None:
        self._in_flight.pop(key, None)
        if not task.cancelled():
            task.exception()  # mark it retrieved even when every waiter went away

    async def _fetch(self, url: str, key: str, options: SummaryOptions) -> Summary:
        """Fetch under the link's lease; wait for another replica's fetch when it holds it."""
        if self.cache_ttl_s <= 0:
            return await self._fetch_now(url, key, options)  # nothing to wait for
        holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        for _ in range(2):  # wait for at most two other holders, then fetch regardless
            if await self._safe(
                "taking a fetch lease", self.shared.acquire_fetch(key, holder, FETCH_LEASE_S), True
            ):
                renewing = asyncio.create_task(self._renew_fetch_lease(key, holder))
                try:
                    return await self._fetch_now(url, key, options)
                finally:
                    renewing.cancel()
                    await self._safe(
                        "releasing a fetch lease", self.shared.release_fetch(key, holder), None
                    )
            cached = await self._wait_for_other_fetch(key)
            if cached is not None:
                return cached
        return await self._fetch_now(url, key, options)

    async def _renew_fetch_lease(self, key: str, holder: str) -> None:
        while True:
            await asyncio.sleep(FETCH_LEASE_S / 3)
            await self._safe(
                "renewing a fetch lease",
                self.shared.acquire_fetch(key, holder, FETCH_LEASE_S),
                None,
            )

    async def _wait_for_other_fetch(self, key: str) -> Summary | None:
        """The summary another replica is fetching, once cached; None when its lease ends
        without one (the fetch failed, or the replica died) or the wait runs out."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.fetch_wait_s
        poll = FETCH_WAIT_POLL_S
        while loop.time() < deadline:
            await asyncio.sleep(poll)
            poll = min(2 * poll, FETCH_WAIT_MAX_POLL_S)
            cached = await self._safe("reading the cache", self.store.get_summary(key), None)
            if cached is not None:
                return cached
            if not await self._safe(
                "looking for a fetch lease", self.shared.fetch_in_progress(key), False
            ):
                # it may have been cached just before the lease was released
                return await self._safe("reading the cache", self.store.get_summary(key), None)
        return None

    async def _fetch_now(self, url: str, key: str, options: SummaryOptions) -> Summary:
        if self.http is None:
            raise RuntimeError("the HTTP client is not open (post_init has not run)")
        offload = self.cpu.run if self.cpu is not None else None
        summary = await self.pipeline.summarize_url(
            url, self.http, options, self.config, offload=offload
        )
        if self.cache_ttl_s > 0:
            await self._safe(
                "writing the cache", self.store.put_summary(key, summary, self.cache_ttl_s), None
            )
        return summary
