"""The one composition root: `build_deps` makes every object, `build_application` wires the
handlers, `post_init` / `post_shutdown` open and close the resources."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from typing import Any

import httpx
from telegram import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot import texts
from bot.apiretry import RetryingRateLimiter
from bot.config import Settings
from bot.context import DEPS_KEY, BotContext, Deps
from bot.cpupool import CpuPool
from bot.handlers import basic, errors, guard, inline, owner, settings, summarize
from bot.i18n import SOURCE_LANGUAGE, Texts, interface_languages, preload_catalogs, texts_for
from bot.inline import InlineQueries
from bot.inputs import HAS_LINK
from bot.paste_merge import PasteMerger
from bot.polling import TolerantBot
from bot.quota import BucketSpec, RequestQuota
from bot.retention import RetentionSweeper, sweeps_for
from bot.sendpacing import LocalSendLedger, SendLedger, SendPacer
from bot.service import Pipeline, SummaryService
from bot.storage.base import Store
from bot.storage.factory import shared_state_for, store_for_url
from summaries import pipeline as summaries_pipeline
from summaries.text import preload_models

_LOG = logging.getLogger(__name__)

#: Outgoing flood control: retry a 429 this many times.
RATE_LIMIT_RETRIES = 3
#: Concurrent updates in flight; one slow page never holds up other chats.
CONCURRENT_UPDATES = 64
API_POOL_SIZE = 32
#: setMyCommands calls in flight at start-up (3 scopes × every interface language).
COMMAND_CALLS_AT_ONCE = 8
#: bot_data key of the task registering the translated command menus after start-up.
COMMANDS_TASK_KEY = "translated_commands"
#: bot_data key of the sweeper deleting expired paste parts and finished updates.
SWEEPER_KEY = "retention_sweeper"


#: Command menus per scope (Telegram shows each user the one for their app language).
COMMAND_MENUS = (
    (texts.PRIVATE_COMMANDS, BotCommandScopeAllPrivateChats()),
    (texts.GROUP_COMMANDS, BotCommandScopeAllGroupChats()),
    (texts.ADMIN_COMMANDS, BotCommandScopeAllChatAdministrators()),
)


def _commands(pairs: tuple[tuple[str, str], ...], tx: Texts) -> list[BotCommand]:
    return [BotCommand(name, tx(description)) for name, description in pairs]


async def register_commands(
    application: Application[Any, Any, Any, Any, Any, Any], languages: tuple[str, ...]
) -> None:
    """Command menus for every scope in `languages` (English is the default menu)."""
    bot = application.bot
    gate = asyncio.Semaphore(COMMAND_CALLS_AT_ONCE)

    async def register(language: str, pairs: tuple[tuple[str, str], ...], scope: Any) -> None:
        async with gate:
            await bot.set_my_commands(
                _commands(pairs, texts_for(language)),
                scope=scope,
                language_code=None if language == SOURCE_LANGUAGE else language,
            )

    await asyncio.gather(
        *(
            register(language, pairs, scope)
            for language in languages
            for pairs, scope in COMMAND_MENUS
        )
    )


async def _register_translated_commands(
    application: Application[Any, Any, Any, Any, Any, Any],
) -> None:
    """The menus in every other interface language, registered while the bot already runs
    (Telegram keeps them; a failure only leaves the English menu in place until next start)."""
    languages = tuple(lang for lang in interface_languages() if lang != SOURCE_LANGUAGE)
    try:
        await register_commands(application, languages)
    except Exception as exc:  # noqa: BLE001 — a background task must not die unlogged
        _LOG.warning("translated command menus not registered: %s", exc)


async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Load the language models and catalogs, open the store and the HTTP client; register
    command menus."""
    deps: Deps = application.bot_data[DEPS_KEY]
    # at start-up, so a missing model package fails now rather than on the first message
    # (with a process pool, each worker loads them as it starts, in `service.open`)
    if deps.service.cpu is None:
        await asyncio.to_thread(preload_models)
    await asyncio.to_thread(preload_catalogs)
    await deps.service.open()
    sweeper = RetentionSweeper(sweeps_for(deps.service.store, deps.service.shared))
    sweeper.start()
    application.bot_data[SWEEPER_KEY] = sweeper
    await register_commands(application, (SOURCE_LANGUAGE,))
    application.bot_data[COMMANDS_TASK_KEY] = asyncio.create_task(
        _register_translated_commands(application)
    )
    _LOG.info("bot @%s ready", application.bot.username)


async def post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Stop registering command menus and sweeping; close the HTTP client and the store."""
    deps: Deps = application.bot_data[DEPS_KEY]
    sweeper: RetentionSweeper | None = application.bot_data.pop(SWEEPER_KEY, None)
    if sweeper is not None:
        await sweeper.stop()
    task: asyncio.Task[None] | None = application.bot_data.pop(COMMANDS_TASK_KEY, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await deps.service.close()


def build_deps(
    settings: Settings,
    *,
    store: Store | None = None,
    pipeline: Pipeline | None = None,
    http: httpx.AsyncClient | None = None,
) -> Deps:
    """Every object the handlers use, built from the settings.

    Args:
        settings: The validated settings.
        store: The store; by default the one DATABASE_URL names (tests pass a memory store).
        pipeline: The summarising functions; by default `summaries.pipeline` itself, run in
            CPU_WORKERS worker processes (handler tests pass a fake, run in threads).
        http: The client for article downloads; by default an SSRF-guarded one opened in
            `post_init`.
    """
    s = settings
    real = pipeline is None
    store = store if store is not None else store_for_url(s.database_url)
    shared = shared_state_for(store)
    service = SummaryService(
        store,
        summaries_pipeline if pipeline is None else pipeline,
        s.pipeline_config(),
        s.cache_ttl_s,
        http,
        cpu=CpuPool(s.cpu_worker_count) if real and s.cpu_worker_count > 0 else None,
        shared=shared,
    )
    return Deps(
        settings=s,
        service=service,
        quota=RequestQuota(
            BucketSpec(s.rate_user_burst, s.rate_user_per_minute),
            BucketSpec(s.rate_chat_burst, s.rate_chat_per_minute),
            shared,
        ),
        paste_merger=PasteMerger(s.merge_window_s, shared),
        inline_queries=InlineQueries(),
    )


def send_ledger(store: Store) -> SendLedger:
    """Where outgoing messages are counted: with PostgreSQL, for every replica together."""
    # looked up, not imported, so the SQLite default never loads the PostgreSQL driver
    postgres = sys.modules.get("bot.storage.postgres")
    if postgres is not None and isinstance(store, postgres.PostgresStore):
        from bot.sendpacing_pg import PostgresSendLedger

        return PostgresSendLedger(store)
    return LocalSendLedger()


def register_handlers(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Attach every handler; group -1 is the guard, group 0 the features."""
    application.add_handler(TypeHandler(Update, guard.guard), group=-1)
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    links = HAS_LINK
    new = filters.UpdateType.MESSAGE  # editing an old command must not run it again
    application.add_handlers(
        [
            CommandHandler("start", basic.on_start, filters=new),
            CommandHandler("help", basic.on_help, filters=new),
            CommandHandler("privacy", basic.on_privacy, filters=new),
            CommandHandler(["summary", "tldr"], summarize.on_summary_command, filters=new),
            CommandHandler("settings", settings.on_settings_command, filters=new),
            CommandHandler("stats", owner.on_stats, filters=new),
            CommandHandler(["block", "unblock"], owner.on_block, filters=new),
            CallbackQueryHandler(
                settings.on_settings_button, pattern=rf"^{settings.CALLBACK_PREFIX}:"
            ),
            InlineQueryHandler(inline.on_inline_query),
            MessageHandler(
                private & filters.UpdateType.MESSAGE & filters.Document.ALL, summarize.on_document
            ),
            MessageHandler(
                private
                & filters.UpdateType.MESSAGE
                & (filters.TEXT | filters.CAPTION)
                & ~filters.COMMAND,
                summarize.on_private_message,
            ),
            MessageHandler(
                groups & filters.UpdateType.MESSAGE & links & ~filters.COMMAND,
                summarize.on_group_link,
            ),
            # Channels: CommandHandler skips channel posts, so match the commands by text.
            MessageHandler(
                filters.UpdateType.CHANNEL_POST & filters.Regex(r"^/settings(@\w+)?(\s|$)"),
                settings.on_settings_command,
            ),
            MessageHandler(
                filters.UpdateType.CHANNEL_POST & links & ~filters.Regex(r"^/"),
                summarize.on_group_link,
            ),
        ]
    )
    application.add_error_handler(errors.on_error)


def build_application(
    settings: Settings,
    deps: Deps | None = None,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
) -> Application[Any, BotContext, Any, Any, Any, Any]:
    """Build the bot: typed context, tolerant polling bot, flood limiter and every handler.

    Args:
        settings: The validated settings.
        deps: Dependencies to use (tests pass a memory store or a fake pipeline); built from
            `settings` when omitted.
        request: Bot API transport for ordinary calls (tests pass an offline one).
        get_updates_request: Transport for getUpdates.
        rate_limiter: Outgoing flood control; by default messages paced at Telegram's limits
            (counted in PostgreSQL for all replicas when the store is there), 429 and
            transient-failure retries (`RetryingRateLimiter`).

    Returns:
        An Application; resources open in `post_init`, close in `post_shutdown`.
    """
    deps = deps if deps is not None else build_deps(settings)
    bot_kwargs: dict[str, Any] = {}
    if settings.base_url:
        bot_kwargs["base_url"] = settings.base_url
    if settings.base_file_url:
        bot_kwargs["base_file_url"] = settings.base_file_url
    bot = TolerantBot(
        token=settings.telegram_bot_token.get_secret_value(),
        request=request or HTTPXRequest(connection_pool_size=API_POOL_SIZE),
        get_updates_request=get_updates_request or HTTPXRequest(),
        defaults=Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        rate_limiter=rate_limiter
        or RetryingRateLimiter(SendPacer(send_ledger(deps.store)), max_retries=RATE_LIMIT_RETRIES),
        **bot_kwargs,
    )
    application = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(ContextTypes(context=BotContext))
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data[DEPS_KEY] = deps
    register_handlers(application)
    return application
