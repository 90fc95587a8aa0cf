"""One fetch per link across replicas: services on one PostgreSQL database (each with its own
connection pool, as replicas have) share a lease per link; the others wait for the cache row,
and fetch themselves when the holder fails or dies."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.service import SummaryService, cache_key
from bot.storage.postgres import PostgresStore
from bot.storage.shared_postgres import PostgresSharedState
from summaries import PipelineConfig, SummaryOptions
from summaries.errors import BadStatus
from tests.support.bot_env import FakePipeline, make_summary

URL = "https://news.example/story"
OPTIONS = SummaryOptions(sentences=3)


@pytest.fixture
def pipeline() -> FakePipeline:
    async def slow(url: str) -> None:
        await asyncio.sleep(0.5)

    return FakePipeline(on_url=slow)


@pytest.fixture
async def services(pg_url: str, pipeline: FakePipeline) -> AsyncIterator[list[SummaryService]]:
    first = PostgresStore(pg_url)
    await first.open()  # migrate once before the others open
    stores = [first, PostgresStore(pg_url), PostgresStore(pg_url)]
    made = []
    async with httpx.AsyncClient() as http:
        for store in stores:
            service = SummaryService(
                store, pipeline, PipelineConfig(), 600, http, shared=PostgresSharedState(store)
            )
            if store is not first:
                await store.open()
            made.append(service)
        try:
            yield made
        finally:
            for store in stores:
                await store.close()


async def test_one_fetch_for_a_link_asked_on_three_replicas(
    services: list[SummaryService], pipeline: FakePipeline
) -> None:
    results = await asyncio.gather(*(s.for_url(URL, OPTIONS) for s in services for _ in range(3)))
    assert all(r == make_summary() for r in results)
    assert [c[0] for c in pipeline.calls] == ["url"]


async def test_waiters_fetch_themselves_when_the_holder_died(
    services: list[SummaryService], pipeline: FakePipeline
) -> None:
    a, b, _ = services
    # a replica took the lease and was killed: nobody releases it, it runs out after 0.6 s
    assert await a.shared.acquire_fetch(cache_key(URL, OPTIONS), "dead", 0.6)
    results = await asyncio.gather(a.for_url(URL, OPTIONS), b.for_url(URL, OPTIONS))
    assert results == [make_summary(), make_summary()]
    assert [c[0] for c in pipeline.calls] == ["url"]  # one of them took over, the other waited


async def test_a_failed_fetch_is_not_waited_on_forever(
    services: list[SummaryService], pipeline: FakePipeline
) -> None:
    pipeline.errors[URL] = BadStatus(503)
    outcomes = await asyncio.gather(
        *(s.for_url(URL, OPTIONS) for s in services), return_exceptions=True
    )
    assert all(isinstance(o, BadStatus) for o in outcomes)
    # the holder failed and cached nothing: each other replica tried once itself, at most
    assert 1 <= len(pipeline.calls) <= 3
