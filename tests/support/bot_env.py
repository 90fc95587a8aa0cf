"""Building the real bot for tests and benchmarks: settings, a recording request over the
in-process fake Bot API, a fake pipeline, hand-built summaries, and the bot polling the fake
Bot API server over HTTP."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from telegram import Update
from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

from bot import texts
from bot.app import build_application, build_deps, post_init, post_shutdown
from bot.config import Settings
from bot.i18n import interface_languages, texts_for
from summaries.config import PipelineConfig, SummaryOptions
from summaries.errors import SummaryError
from summaries.models import Attribution, Quote, Sentence, Summary
from tests.support.fake_bot_api import ApiError, ConnectionReset, FakeTelegram

#: The default private chat of `ask` (e2e tests use the same id for their user).
USER = 6001
TOKEN = "123456789:AAFakeTokenForTestsOnly_xyz0123456789"  # noqa: S105 - fake, for tests


class RecordingRequest(BaseRequest):
    """A BaseRequest that answers from an in-process FakeTelegram and records every call."""

    def __init__(self, api: FakeTelegram) -> None:
        self.api = api

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        import json

        if method == "GET":
            data = self.api.file_bytes(url.rsplit("/", 2)[-2] + "/" + url.rsplit("/", 1)[-1])
            return (200, data) if data is not None else (404, b"{}")
        params = dict(request_data.parameters) if request_data else {}
        try:
            result = await self.api.handle(url.rsplit("/", 1)[-1], params)
        except ConnectionReset as exc:
            raise NetworkError(f"connection reset during {exc}") from exc
        except ApiError as exc:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": exc.status,
                "description": exc.description,
            }
            if exc.parameters:
                body["parameters"] = exc.parameters
            return exc.status, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()


def make_summary(
    title: str | None = "Council approves <new> bridge & tunnel",
    sentences: tuple[str, ...] = (
        "The city council approved the bridge on Monday.",
        "Work starts in spring & ends in 2027.",
    ),
    quotes: tuple[tuple[str, str | None], ...] = (("We waited long enough", "Mayor Jane Roe"),),
    url: str | None = None,
    language: str = "en",
    total: int = 12,
    words: int = 300,
) -> Summary:
    """A hand-built Summary with text that needs escaping."""
    return Summary(
        title=title,
        language=language,
        sentences=tuple(Sentence(i * 2, s, 1.0 - i / 10) for i, s in enumerate(sentences)),
        quotes=tuple(Quote(t, sp, display_speaker=sp) for t, sp in quotes),
        attribution=Attribution(
            publication="The Daily <Example>",
            author="Sam Writer",
            published=dt.date(2024, 5, 3),
            wire=("Reuters",),
            cited=("The New York Times",),
            url=url,
        ),
        article_words=words,
        total_sentences=total,
        summary_words=sum(len(s.split()) for s in sentences),
    )


@dataclass
class FakePipeline:
    """Answers with hand-built summaries or raises chosen errors; records every call."""

    summary: Summary = field(default_factory=make_summary)
    errors: dict[str, SummaryError] = field(default_factory=dict)
    text_error: SummaryError | None = None
    calls: list[tuple[str, Any, SummaryOptions]] = field(default_factory=list)
    on_url: Callable[[str], Any] | None = None

    def summarize_text(
        self, text: str, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        self.calls.append(("text", text, options))
        if self.text_error is not None:
            raise self.text_error
        return self.summary

    def summarize_html(
        self, html: str, url: str | None, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        self.calls.append(("html", html, options))
        return self.summary

    def summarize_pdf(
        self, data: bytes, url: str | None, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        self.calls.append(("pdf", data, options))
        return self.summary

    async def summarize_url(
        self,
        url: str,
        client: httpx.AsyncClient,
        options: SummaryOptions,
        config: PipelineConfig,
        offload: Any = None,
    ) -> Summary:
        self.calls.append(("url", url, options))
        if self.on_url is not None:
            await self.on_url(url)
        if url in self.errors:
            raise self.errors[url]
        return self.summary


def make_settings(**overrides: Any) -> Settings:
    """Settings for tests: never read the developer's .env."""
    values: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "database_url": "memory://",
        "merge_window_s": 0,
        "bot_owner_ids": (9001,),
        "cpu_workers": 0,  # threads: tests start many bots; the process pool has its own tests
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@dataclass
class BotEnv:
    """A built, initialised Application plus the fakes behind it."""

    app: Any
    api: FakeTelegram
    pipeline: FakePipeline
    store: Any

    async def send(self, **update: Any) -> None:
        """Queue an update in the fake API and process it through the Application."""
        raw = self.api.queue(**update)
        self.api.updates.clear()
        await self.app.process_update(Update.de_json(raw, self.app.bot))

    def replies(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """sendMessage/editMessageText payloads, optionally for one chat."""
        return [p for p in self.api.sent() if chat_id is None or int(p["chat_id"]) == chat_id]


@asynccontextmanager
async def offline_env(
    settings: Settings, store: Any, pipeline: FakePipeline
) -> AsyncIterator[BotEnv]:
    """The real Application over a recording request, initialised as run_polling would."""
    api = FakeTelegram(TOKEN)
    deps = build_deps(settings, store=store, pipeline=pipeline)
    request = RecordingRequest(api)
    app = build_application(settings, deps, request=request, get_updates_request=request)
    await app.initialize()
    await post_init(app)
    try:
        yield BotEnv(app, api, pipeline, store)
    finally:
        await post_shutdown(app)
        await app.shutdown()


@contextlib.asynccontextmanager
async def running_bot(settings: Settings, deps: Any = None, **build: Any) -> AsyncIterator[Any]:
    """Build the Application, open resources, start polling; stop everything on exit.

    `build` goes to `build_application` (e.g. a `rate_limiter` with a faster retry policy).
    """
    app = build_application(settings, deps, **build)
    await app.initialize()
    try:
        await post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=2, poll_interval=0.0)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            await post_shutdown(app)
    finally:
        await app.shutdown()


def e2e_settings(api: FakeTelegram, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_api_base_url": api.base_url,  # type: ignore[attr-defined]
        "database_url": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "fetch_allow_private": True,
        "fetch_max_bytes": 200_000,
        "fetch_timeout_s": 1.0,
    }
    values.update(overrides)
    return make_settings(**values)


def status_texts() -> frozenset[str]:
    """Every "Reading…" status the bot may show, in every interface language."""
    found: set[str] = set()
    for language in interface_languages():
        tx = texts_for(language)
        found.add(tx(texts.READING))
        found.update(tx.plural(texts.READING_LINKS, n) for n in range(2, 11))
    return frozenset(found)


def done(chat_id: int, count: int = 1) -> Any:
    """Predicate: the chat has `count` bot messages and none is still a "Reading…" status."""
    statuses = status_texts()

    def check(api: FakeTelegram) -> list[str] | None:
        out = api.chat_texts(chat_id)
        if len(out) >= count and not any(t in statuses for t in out):
            return out
        return None

    return check


async def ask(
    api: FakeTelegram, text: str, chat_id: int = USER, count: int = 1, **kw: Any
) -> list[str]:
    kw.setdefault("user_id", chat_id if chat_id > 0 else USER)
    before = len(api.chat_texts(chat_id))
    api.queue(message=api.make_message(text, chat_id=chat_id, **kw))
    out = await api.wait_for(done(chat_id, before + count), within_s=20)
    return out[before:]
