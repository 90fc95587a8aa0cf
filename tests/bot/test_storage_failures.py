"""A broken store (locked, disk full) is logged, and the user still gets the reply."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.storage.base import StoreError
from bot.storage.memory import MemoryStore
from tests.support.bot_env import (
    BotEnv,
    FakePipeline,
    make_settings,
    offline_env,
)

USER = 7001


class BrokenStore(MemoryStore):
    """Opens fine, then every call fails like a locked or full database."""

    def __getattribute__(self, name: str) -> Any:
        if name in ("open", "close") or name.startswith("_"):
            return super().__getattribute__(name)

        async def fail(*args: object, **kwargs: object) -> None:
            raise StoreError("database is locked")

        return fail


@pytest.fixture
async def broken_env() -> AsyncIterator[BotEnv]:
    async with offline_env(make_settings(), BrokenStore(), FakePipeline()) as built:
        yield built


async def test_summary_is_sent_despite_storage_failures(
    broken_env: BotEnv, caplog: pytest.LogCaptureFixture
) -> None:
    env = broken_env
    with caplog.at_level(logging.ERROR):
        await env.send(
            message=env.api.make_message("https://example.com/s", chat_id=USER, user_id=USER)
        )
    assert "Council approves" in env.api.chat_texts(USER)[-1]
    assert any("storage failure while reading the cache" in r.getMessage() for r in caplog.records)
    assert any("storage failure while writing the cache" in r.getMessage() for r in caplog.records)
