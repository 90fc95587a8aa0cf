"""Flood control and split-paste merging, with their own settings."""

from __future__ import annotations

import asyncio

import pytest

from bot import texts
from tests.support.bot_env import BotEnv, make_settings

USER = 5001
ARTICLE = " ".join(f"Sentence number {i} says something about the council." for i in range(30))


@pytest.fixture
def bot_settings():  # type: ignore[no-untyped-def]
    return make_settings(rate_user_burst=2, rate_user_per_minute=0.001, merge_window_s=0.3)


async def test_flood_gets_one_notice_then_silence(env: BotEnv) -> None:
    for _ in range(6):
        await env.send(message=env.api.make_message(ARTICLE, chat_id=USER, user_id=USER))
    assert len(env.pipeline.calls) == 2
    notices = [p for p in env.api.sent() if p["text"] == texts.SLOW_DOWN]
    assert len(notices) == 1


async def test_cut_paste_is_merged(env: BotEnv) -> None:
    part1 = ("Word " * 790 + "continues")[:3990]
    part2 = "here and the article ends."
    m1 = env.api.make_message(part1, chat_id=USER, user_id=USER)
    m2 = env.api.make_message(part2, chat_id=USER, user_id=USER)
    first = asyncio.create_task(env.send(message=m1))
    await asyncio.sleep(0.05)
    await env.send(message=m2)
    await first
    assert len(env.pipeline.calls) == 1
    assert env.pipeline.calls[0][1] == f"{part1.strip()} {part2}"
