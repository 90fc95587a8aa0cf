"""Webhook mode: one replica is uvicorn serving `bot.web`, the Application handling updates
and, with PostgreSQL, the workers of the durable update queue.

With PostgreSQL every replica both receives updates (committing them to the queue) and works
the queue, so any replica may receive any update and a dead replica's updates are taken over.
With SQLite there is one process and no queue: an accepted update goes straight to the
Application (PTB's custom-webhook pattern).
"""

from __future__ import annotations

import contextlib
import logging
import signal
from collections.abc import Iterator
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

import uvicorn
from telegram import Update
from telegram.error import TelegramError

from bot.apiretry import RetryingRateLimiter
from bot.app import post_init, post_shutdown
from bot.config import Settings
from bot.context import DEPS_KEY, BotApp, Deps
from bot.journal import CURRENT_JOB, JobReplies
from bot.storage.base import StoreError
from bot.storage.postgres import PostgresStore
from bot.updatequeue import ClaimedUpdate, UpdateQueue, UpdateWorkers
from bot.web import Intake, build_web_app

_LOG = logging.getLogger(__name__)

#: Telegram opens at most this many connections to one webhook at once.
WEBHOOK_MAX_CONNECTIONS = 100


def webhook_path(settings: Settings) -> str:
    """The path Telegram posts to: WEBHOOK_URL's, or `/telegram`."""
    path = urlsplit(settings.webhook_url or "").path
    return path if path and path != "/" else "/telegram"


def job_handler(application: BotApp, queue: UpdateQueue) -> Any:
    """Process one claimed update with its reply journal active (see `bot.journal`)."""
    # our rate limiter runs the journal's gate when the pacer releases a call
    gated = isinstance(application.bot.rate_limiter, RetryingRateLimiter)

    async def handle(job: ClaimedUpdate) -> None:
        try:
            update = Update.de_json(job.payload, application.bot)
        except Exception as exc:  # noqa: BLE001 — an unparsable update is skipped, not retried
            _LOG.error("skipping update %s that could not be parsed: %r", job.update_id, exc)
            return
        replies = JobReplies(job.update_id, queue, intent_on_release=gated)
        token = CURRENT_JOB.set(replies)
        try:
            await application.process_update(update)
        finally:
            CURRENT_JOB.reset(token)
        if job.attempts > 1:
            await _delete_leftovers(application, queue, replies)

    return handle


async def _delete_leftovers(application: BotApp, queue: UpdateQueue, replies: JobReplies) -> None:
    """After a retry: delete what the dead attempt posted and this one did not repeat (such as
    a "Reading…" this attempt did not need), so the chat shows one answer."""
    try:
        leftovers = await queue.leftover_messages(replies.update_id, replies.used_keys)
    except StoreError as exc:
        _LOG.error("storage failure while looking for leftover replies: %s", exc)
        return
    for chat_id, message_id in leftovers:
        with contextlib.suppress(TelegramError):
            await application.bot.delete_message(chat_id, message_id)


@contextlib.contextmanager
def _stop_signals_survived() -> Iterator[None]:
    """Let the replica drain after SIGTERM / SIGINT instead of dying the moment uvicorn stops.

    uvicorn re-raises the stop signal once it stopped serving, under the handlers it found; with
    Python's defaults that ends the process right there, before the workers finish their jobs
    and the pipeline's worker processes are shut down (they were left running, orphaned). A
    handler that only notes the signal makes `serve()` return instead.
    """

    def noted(sig: int, frame: FrameType | None) -> None:
        _LOG.info("stopping on %s", signal.Signals(sig).name)

    stops = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.signal(sig, noted) for sig in stops}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def build_intake(application: BotApp, queue: UpdateQueue | None) -> Intake:
    """Durable intake (commit, then 200) with a queue; else the Application's own queue."""
    if queue is not None:
        durable = queue

        async def commit(update: dict[str, Any]) -> None:
            await durable.enqueue(int(update["update_id"]), update)

        return commit

    async def hand_over(update: dict[str, Any]) -> None:
        try:
            parsed = Update.de_json(update, application.bot)
        except Exception as exc:  # noqa: BLE001 — same policy as polling: skip it
            _LOG.error("skipping update %s that could not be parsed: %r", update["update_id"], exc)
            return
        await application.update_queue.put(parsed)

    return hand_over


async def serve_webhook(application: BotApp, settings: Settings) -> None:
    """Run one replica until SIGTERM/SIGINT, then drain and close.

    Raises:
        StoreError: the database cannot be opened at start-up.
        telegram.error.TelegramError: the Bot API refused or could not be reached at start-up.
    """
    if settings.webhook_url is None or settings.webhook_secret is None:
        raise ValueError("webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET")
    deps: Deps = application.bot_data[DEPS_KEY]
    secret = settings.webhook_secret.get_secret_value()
    await application.initialize()
    try:
        await post_init(application)
        try:
            store = deps.store
            queue = UpdateQueue(store) if isinstance(store, PostgresStore) else None
            await application.bot.set_webhook(
                settings.webhook_url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
                max_connections=WEBHOOK_MAX_CONNECTIONS,
            )
            web = build_web_app(
                secret=secret,
                intake=build_intake(application, queue),
                store=store,
                path=webhook_path(settings),
            )
            server = uvicorn.Server(
                uvicorn.Config(
                    web,
                    host=settings.webhook_listen,
                    port=settings.webhook_port,
                    log_level="warning",
                    lifespan="off",
                    access_log=False,
                )
            )
            workers = (
                UpdateWorkers(
                    queue,
                    job_handler(application, queue),
                    slots=settings.worker_slots,
                    lease_s=settings.job_lease_s,
                )
                if queue is not None
                else None
            )
            await application.start()
            if workers is not None:
                workers.start()
            _LOG.info(
                "webhook replica on %s:%s%s (%s)",
                settings.webhook_listen,
                settings.webhook_port,
                webhook_path(settings),
                "PostgreSQL update queue" if workers else "in-process",
            )
            try:
                with _stop_signals_survived():
                    await server.serve()  # returns on SIGTERM / SIGINT
            finally:
                if workers is not None:
                    await workers.stop()
                await application.stop()
        finally:
            await post_shutdown(application)
    finally:
        await application.shutdown()
