"""Fixtures for every test package: the fake Bot API over HTTP, a fake pipeline, the bot
built offline over a recording request."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator

import pytest

from bot.config import Settings
from bot.storage.memory import MemoryStore
from tests.support.bot_env import TOKEN, BotEnv, FakePipeline, make_settings, offline_env
from tests.support.fake_bot_api import FakeBotAPIServer, FakeTelegram

# compiled regexes go to a folder of the test run's own, not to the user's cache
if "NEWSBRIEF_CACHE_DIR" not in os.environ:
    os.environ["NEWSBRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="newsbrief-tests-")
    atexit.register(shutil.rmtree, os.environ["NEWSBRIEF_CACHE_DIR"], True)


@pytest.fixture
def pipeline() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def bot_settings() -> Settings:
    return make_settings()


@pytest.fixture
async def env(pipeline: FakePipeline, bot_settings: Settings) -> AsyncIterator[BotEnv]:
    async with offline_env(bot_settings, MemoryStore(), pipeline) as built:
        yield built


@pytest.fixture
async def api() -> AsyncIterator[FakeTelegram]:
    """A FakeTelegram served over HTTP on 127.0.0.1 (`api.base_url` is set)."""
    fake = FakeTelegram(TOKEN)
    server = FakeBotAPIServer(fake)
    await server.start()
    fake.base_url = server.base_url  # type: ignore[attr-defined]
    try:
        yield fake
    finally:
        await server.stop()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """DATABASE_URL of a fresh PostgreSQL database (dropped afterwards); skips without a
    server, fails under CI."""
    from tests.support.postgres import scratch_database

    with scratch_database() as url:
        yield url
