"""Replies paced at Telegram's limits end to end: the bot polling the flood-limited fake Bot API
over HTTP, and the PostgreSQL ledger that several replicas share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.apiretry import RetryingRateLimiter
from bot.app import build_deps
from bot.sendpacing import SendLimits
from bot.sendpacing_pg import PostgresSendLedger
from bot.storage.memory import MemoryStore
from bot.storage.postgres import Conn, PostgresStore
from tests.support.bot_env import FakePipeline, e2e_settings, running_bot, status_texts
from tests.support.fake_bot_api import FakeTelegram, FloodLimits

FIRST_USER = 30_000
GROUPS = (-100_900_001, -100_900_002)


def queue_burst(api: FakeTelegram, private: int, per_group: int) -> dict[int, int]:
    """Link messages at once: `private` private chats, `per_group` in each group; returns the
    number of requests per chat."""
    asked: dict[int, int] = {}
    for i in range(private):
        user = FIRST_USER + i
        api.queue(
            message=api.make_message(f"https://news.example/{i}", chat_id=user, user_id=user)
        )
        asked[user] = 1
    for g, group in enumerate(GROUPS):
        for i in range(per_group):
            user = FIRST_USER + 1000 * (g + 1) + i
            text = f"/summary https://news.example/g{g}-{i}"
            api.queue(
                message=api.make_message(text, chat_id=group, user_id=user, chat_type="supergroup")
            )
            asked[group] = asked.get(group, 0) + 1
    return asked


def all_answered(asked: dict[int, int]) -> object:
    def check(api: FakeTelegram) -> bool:
        return all(len(api.chat_texts(chat)) >= n for chat, n in asked.items())

    return check


@pytest.fixture
def slow_pipeline() -> FakePipeline:
    """Each page takes 0.8 s, past the status grace (0.7 s): alone, a request gets "Reading…"."""
    pipeline = FakePipeline()

    async def slow(url: str) -> None:
        await asyncio.sleep(0.8)

    pipeline.on_url = slow
    return pipeline


async def test_a_burst_in_one_process_is_paced_without_429_one_message_per_request(
    api: FakeTelegram, tmp_path: Path, slow_pipeline: FakePipeline
) -> None:
    api.flood = FloodLimits()
    settings = e2e_settings(api, tmp_path, rate_chat_burst=100)
    deps = build_deps(settings, store=MemoryStore(), pipeline=slow_pipeline)
    async with running_bot(settings, deps):
        asked = queue_burst(api, private=100, per_group=20)
        await api.wait_for(all_answered(asked), within_s=60)
        await asyncio.sleep(0.3)  # a late extra message would show now
    assert api.flood.refused == []
    for chat, n in asked.items():
        assert len(api.chat_texts(chat)) == n
    # the replies would only have waited in the send queue: no "Reading…", no typing
    statuses = status_texts()
    assert not [p for p in api.sent("sendMessage") if p["text"] in statuses]
    assert api.sent("sendChatAction") == []
    assert api.sent("editMessageText") == []
    assert len(api.flood.accepted) == sum(asked.values())


async def test_the_same_burst_without_pacing_is_refused(api: FakeTelegram, tmp_path: Path) -> None:
    # The referee works: unpaced, the burst runs into Telegram's 429.
    api.flood = FloodLimits()
    settings = e2e_settings(api, tmp_path, rate_chat_burst=100)
    deps = build_deps(settings, store=MemoryStore(), pipeline=FakePipeline())
    unpaced = RetryingRateLimiter(limits=SendLimits(per_second=0, per_group_minute=0))
    async with running_bot(settings, deps, rate_limiter=unpaced):
        asked = queue_burst(api, private=60, per_group=0)
        await api.wait_for(all_answered(asked), within_s=60)
    assert api.flood.refused


@pytest.fixture
async def two_replicas(pg_url: str) -> AsyncIterator[tuple[PostgresStore, PostgresStore]]:
    first, second = PostgresStore(pg_url), PostgresStore(pg_url)
    await first.open()
    await second.open()
    try:
        yield first, second
    finally:
        await first.close()
        await second.close()


async def test_replicas_share_one_window_in_postgresql(
    two_replicas: tuple[PostgresStore, PostgresStore],
) -> None:
    one, two = (PostgresSendLedger(store) for store in two_replicas)
    grant = await one.grant(list(range(1, 26)))
    assert len(grant.tickets) == 25
    # the other replica gets what is left of the second, and its group's minute counts too
    grant = await two.grant([*range(101, 111)])
    assert sorted(grant.tickets) == [0, 1, 2, 3, 4]
    assert grant.retry_in is not None
    assert 0.9 < grant.retry_in <= 1.0
    assert len(set(grant.tickets.values())) == 5
    for ticket in grant.tickets.values():
        await two.release(ticket)
    assert (await one.grant([7])).tickets == {}  # answered, but within the second


async def test_a_group_minute_is_shared_and_other_chats_pass(
    two_replicas: tuple[PostgresStore, PostgresStore],
) -> None:
    limits = SendLimits(per_second=100)
    one, two = (PostgresSendLedger(store, limits) for store in two_replicas)
    group = GROUPS[0]
    assert len((await one.grant([group] * 20)).tickets) == 20
    grant = await two.grant([group, 5, GROUPS[1]])
    assert sorted(grant.tickets) == [1, 2]  # the full group is skipped, the others go
    assert grant.retry_in is not None
    assert grant.retry_in > 59


async def test_a_slot_counts_from_its_answer_not_from_when_the_database_hears_of_it(
    pg_url: str,
) -> None:
    """A release that waits for a pooled connection does not keep its slot busy longer: the
    answer time is read when the answer arrives (mapped to the database's clock)."""
    busy, other = PostgresStore(pg_url, express_pool_size=1), PostgresStore(pg_url)
    await busy.open()
    await other.open()
    try:
        ledger = PostgresSendLedger(busy)
        grant = await ledger.grant(list(range(1, 31)))

        async def hold(conn: Conn) -> None:
            await asyncio.sleep(0.3)

        # the ledger's one connection is taken for 0.3 s just as the answers arrive
        blocker = asyncio.create_task(busy.run(hold, express=True))
        await asyncio.sleep(0.02)
        releases = [asyncio.create_task(ledger.release(t)) for t in grant.tickets.values()]
        await asyncio.gather(blocker, *releases)

        async def held(conn: Conn) -> tuple[int, float, float]:
            cur = await conn.execute(
                "SELECT count(done), min(done - started), max(done - started) FROM send_slots"
            )
            row = await cur.fetchone()
            assert row is not None
            return int(row[0]), float(row[1]), float(row[2])

        count, shortest, longest = await other.run(held)
        assert count == 30
        # a slot held by the wait would read >= 0.32 s (0.02 + the 0.3 s hold); under a loaded
        # full run the answer itself took up to 0.204 s, so the bound sits just below the hold
        assert 0 <= shortest <= longest < 0.3
    finally:
        await busy.close()
        await other.close()
