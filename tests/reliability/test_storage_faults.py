"""A real SQLite file that is locked or full: a clear log line, and the user still gets replies."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import texts
from bot.storage.base import ChatSettings
from bot.storage.sqlite import SQLiteStore
from tests.support.bot_env import (
    BotEnv,
    FakePipeline,
    make_settings,
    offline_env,
)

USER, GROUP, ADMIN = 8501, -1008501, 8502


@pytest.fixture
async def sqlite_env(tmp_path: Path) -> AsyncIterator[BotEnv]:
    store = SQLiteStore(tmp_path / "bot.sqlite3", busy_timeout_s=0.2)
    async with offline_env(make_settings(), store, FakePipeline()) as built:
        yield built


def _lock(path: Path) -> sqlite3.Connection:
    """Another process's long write transaction: every write of the bot hits SQLITE_BUSY."""
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    return blocker


async def test_locked_database_logs_and_replies(
    sqlite_env: BotEnv, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    env = sqlite_env
    env.api.members[(GROUP, ADMIN)] = "administrator"
    await env.send(
        message=env.api.make_message(
            "/settings", chat_id=GROUP, user_id=ADMIN, chat_type="supergroup"
        )
    )
    settings_msg = env.api.messages[max(k for k in env.api.messages if k[0] == GROUP)]
    blocker = _lock(tmp_path / "bot.sqlite3")
    try:
        with caplog.at_level(logging.ERROR):
            await env.send(
                message=env.api.make_message("https://news.example/a", chat_id=USER, user_id=USER)
            )
            message = {k: v for k, v in settings_msg.items() if k not in ("text_html", "params")}
            await env.send(
                callback_query=env.api.make_callback(
                    "set:length:7", message=message, user_id=ADMIN
                )
            )
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "Council approves" in env.api.chat_texts(USER)[-1]
    assert env.api.sent("answerCallbackQuery")[-1]["text"] == texts.SETTINGS_NOT_SAVED
    lines = [r.getMessage() for r in caplog.records]
    assert any("storage failure while writing the cache: database is locked" in m for m in lines)
    assert any(
        "storage failure while saving chat settings: database is locked" in m for m in lines
    )
    # Once the lock is gone everything works again, and the old value was kept meanwhile.
    assert (await env.store.get_chat_settings(GROUP)) == ChatSettings()
    await env.send(
        callback_query=env.api.make_callback("set:length:7", message=message, user_id=ADMIN)
    )
    assert (await env.store.get_chat_settings(GROUP)).length == "7"


async def test_full_disk_logs_and_replies(
    sqlite_env: BotEnv, caplog: pytest.LogCaptureFixture
) -> None:
    env = sqlite_env
    db = env.store._conn()  # noqa: SLF001 — the only way to cap this connection's file size
    # SQLite answers SQLITE_FULL ("database or disk is full") once the file may not grow:
    # the same error a full disk gives.
    pages = (await (await db.execute("PRAGMA page_count")).fetchone())[0]
    await db.execute(f"PRAGMA max_page_count = {pages}")
    small = env.pipeline.summary
    env.pipeline.summary = dataclasses.replace(small, sentences=small.sentences * 400)
    with caplog.at_level(logging.ERROR):
        await env.send(
            message=env.api.make_message("https://news.example/big", chat_id=USER, user_id=USER)
        )
    assert env.api.chat_texts(USER), "the reply was sent"
    assert any(
        "storage failure while writing the cache: database or disk is full" in r.getMessage()
        for r in caplog.records
    )
