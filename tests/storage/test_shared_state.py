"""The `SharedState` contract on both implementations (this process's memory and real
PostgreSQL), and what the bot builds on it: quotas, the admin cache, fetch leases and paste
merging, including races between several "replicas" (separate stores on one database)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from bot.paste_merge import PasteMerger
from bot.quota import BucketSpec, RequestQuota, Verdict
from bot.storage.postgres import PostgresStore
from bot.storage.shared import MemorySharedState, SharedState
from bot.storage.shared_postgres import PostgresSharedState

LONG = "x" * 3900


@dataclass
class Backend:
    """`replica()` gives another view of the same shared state (another replica)."""

    name: str
    replica: Callable[[], SharedState]


@pytest.fixture(params=["memory", "postgres"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    if request.param == "memory":
        one = MemorySharedState()
        yield Backend("memory", lambda: one)
        return
    url = request.getfixturevalue("pg_url")
    stores: list[PostgresStore] = []

    def replica() -> SharedState:
        store = PostgresStore(url)
        stores.append(store)
        return PostgresSharedState(store)

    opened = PostgresStore(url)
    await opened.open()  # migrates once, before the replicas open concurrently
    await opened.close()
    first = replica()
    await stores[0].open()
    try:
        yield Backend("postgres", lambda: first)
    finally:
        for s in stores:
            await s.close()


@pytest.fixture
async def replicas(backend: Backend) -> AsyncIterator[list[SharedState]]:
    """Three views of the shared state (three replicas' connection pools on PostgreSQL)."""
    if backend.name == "memory":
        yield [backend.replica()] * 3
        return
    first = backend.replica()
    assert isinstance(first, PostgresSharedState)
    url = first.store.url
    others = [PostgresStore(url) for _ in range(2)]
    for s in others:
        await s.open()
    try:
        yield [first, *(PostgresSharedState(s) for s in others)]
    finally:
        for s in others:
            await s.close()


async def test_quota_spends_notifies_once_and_refills(backend: Backend) -> None:
    # 600 per minute: one token back every 0.1 s
    quota = RequestQuota(BucketSpec(2, 600), BucketSpec(100, 600), backend.replica())
    verdicts = [await quota.check(7, None) for _ in range(4)]
    assert verdicts == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP]
    await asyncio.sleep(0.35)  # full again: a new flood earns a new notice
    verdicts = [await quota.check(7, None) for _ in range(4)]
    assert verdicts == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP]
    assert await quota.check(8, None) is Verdict.ALLOW  # another user has their own bucket


async def test_quota_checks_user_and_chat_without_double_spending(backend: Backend) -> None:
    quota = RequestQuota(BucketSpec(5, 0.001), BucketSpec(2, 0.001), backend.replica())
    assert await quota.check(1, -9) is Verdict.ALLOW
    assert await quota.check(2, -9) is Verdict.ALLOW
    assert await quota.check(3, -9) is Verdict.NOTIFY  # chat bucket empty
    assert await quota.check(3, 3) is Verdict.ALLOW  # user 3 did not pay for the refusal


async def test_quota_is_one_bucket_across_replicas(replicas: list[SharedState]) -> None:
    """60 requests at once through three replicas: exactly the burst passes."""
    quotas = [RequestQuota(BucketSpec(10, 0.001), BucketSpec(10, 0.001), s) for s in replicas]
    verdicts = await asyncio.gather(*(quotas[i % 3].check(42, -42) for i in range(60)))
    assert verdicts.count(Verdict.ALLOW) == 10
    assert verdicts.count(Verdict.NOTIFY) == 1


async def test_admin_cache_expires(backend: Backend) -> None:
    state = backend.replica()
    assert await state.get_admin(-1, 5) is None
    await state.set_admin(-1, 5, True, ttl_s=0.3)
    await state.set_admin(-1, 6, False, ttl_s=30)
    assert await state.get_admin(-1, 5) is True
    assert await state.get_admin(-1, 6) is False
    await asyncio.sleep(0.4)
    assert await state.get_admin(-1, 5) is None
    assert await state.get_admin(-1, 6) is False


async def test_fetch_lease_has_one_holder_until_released_or_expired(
    replicas: list[SharedState],
) -> None:
    a, b, c = replicas
    taken = await asyncio.gather(
        *(s.acquire_fetch("k", f"h{i}", 30) for i, s in enumerate([a, b, c]))
    )
    assert sorted(taken) == [False, False, True]
    holder = f"h{taken.index(True)}"
    assert await b.fetch_in_progress("k")
    await a.release_fetch("k", "someone-else")  # only the holder may release
    assert await c.fetch_in_progress("k")
    await a.release_fetch("k", holder)
    assert not await b.fetch_in_progress("k")
    assert await b.acquire_fetch("k", "dies", 0.2)
    assert not await c.acquire_fetch("k", "waits", 30)
    await asyncio.sleep(0.3)  # "dies" never released: its lease runs out
    assert not await a.fetch_in_progress("k")
    assert await c.acquire_fetch("k", "takes-over", 30)


async def test_paste_parts_on_different_replicas_make_one_summary(
    replicas: list[SharedState],
) -> None:
    mergers = [PasteMerger(0.3, s) for s in replicas]
    first = asyncio.create_task(mergers[0].collect(-1, 9, 100, LONG))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(mergers[1].collect(-1, 9, 101, "second part"))
    await asyncio.sleep(0.05)
    third = asyncio.create_task(mergers[2].collect(-1, 9, 102, "third part."))
    results = await asyncio.gather(first, second, third)
    merged = [r for r in results if r is not None]
    assert merged == [f"{LONG} second part third part."]
    # a short message afterwards is a request of its own
    assert await mergers[0].collect(-1, 9, 103, "hello") == "hello"


async def test_paste_retry_redoes_its_own_merge_and_skips_a_taken_part(
    backend: Backend,
) -> None:
    state = backend.replica()
    merger = PasteMerger(0.2, state)
    a = asyncio.create_task(merger.collect(-2, 9, 200, LONG))
    await asyncio.sleep(0.05)
    b = asyncio.create_task(merger.collect(-2, 9, 201, "tail"))
    results = await asyncio.gather(a, b)
    taker = 200 if results[0] is not None else 201
    other = 201 if taker == 200 else 200
    text = {200: LONG, 201: "tail"}
    # the job of each part runs again (its replica died after taking or absorbing)
    assert await merger.collect(-2, 9, taker, text[taker]) == f"{LONG} tail"
    assert await merger.collect(-2, 9, other, text[other]) is None


async def test_paste_of_many_parts_is_taken_at_max_parts(backend: Backend) -> None:
    merger = PasteMerger(30, backend.replica(), max_parts=3)
    tasks = [asyncio.create_task(merger.collect(-3, 9, 300, LONG))]
    for i in (1, 2):
        await asyncio.sleep(0.05)
        tasks.append(asyncio.create_task(merger.collect(-3, 9, 300 + i, f"p{i}")))
    results = await asyncio.wait_for(asyncio.gather(*tasks), 5)  # not after 30 s
    assert [r for r in results if r is not None] == [f"{LONG} p1 p2"]


async def test_memory_state_stays_bounded() -> None:
    state = MemorySharedState(max_rows=100)
    quota = RequestQuota(BucketSpec(1, 60), BucketSpec(1, 60), state)
    for i in range(1000):
        await quota.check(i, None)
        await state.set_admin(-1, i, True, 60)
    sizes: Any = (len(state._buckets), len(state._admins))  # noqa: SLF001
    assert max(sizes) <= 100
