"""Webhook replicas end to end: three `python -m bot` processes behind a round-robin proxy, one
PostgreSQL database, the fake Bot API posting webhooks, article pages from a local server. Every
update must be answered exactly once; when a replica is killed with SIGKILL in the middle, every
update is still answered, its updates within lease + 5 s, and exactly once except where the dead
replica had a reply on the wire: a call whose intent the journal committed and whose result it
never saw (`bot.journal`); each of those may show twice, nothing else may."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.support.articles import article_html
from tests.support.fake_bot_api import FakeTelegram, FloodLimits
from tests.support.page_server import PageServer, html_page
from tests.support.postgres import private_cluster
from tests.support.replicas import replica_set
from tests.support.waiting import eventually

pytestmark = pytest.mark.slow

CHATS = 20
USERS_PER_CHAT = 5
MESSAGES_PER_USER = 3
PAGES = 12
LEASE_S = 3
FIRST_CHAT = -100_500_000
FIRST_USER = 70_000


@pytest.fixture
def pages() -> Iterator[PageServer]:
    server = PageServer().start()
    for i in range(PAGES):
        server.route(f"/story-{i}", html_page(article_html(f"Bridge story number {i}")))
    try:
        yield server
    finally:
        server.stop()


def queue_traffic(
    api: FakeTelegram, pages: PageServer, update_ids: dict[int, tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """300 group messages with links from 100 users in 20 chats; returns (chat, message) ids
    and fills `update_ids` (update id → the same pair)."""
    triggers = []
    n = 0
    for _ in range(MESSAGES_PER_USER):
        for c in range(CHATS):
            for u in range(USERS_PER_CHAT):
                chat = FIRST_CHAT - c
                url = pages.url(f"/story-{n % PAGES}")
                n += 1
                message = api.make_message(
                    f"/summary {url}",
                    chat_id=chat,
                    user_id=FIRST_USER + c * USERS_PER_CHAT + u,
                    chat_type="group",
                )
                update = api.queue(message=message)
                triggers.append((chat, message["message_id"]))
                if update_ids is not None:
                    update_ids[update["update_id"]] = triggers[-1]
    return triggers


def answers(api: FakeTelegram) -> Counter[tuple[int, int]]:
    """How many bot messages (accepted by the API) reply to each trigger."""
    count: Counter[tuple[int, int]] = Counter()
    for (chat, _), message in list(api.messages.items()):
        reply = message.get("params", {}).get("reply_parameters")
        if isinstance(reply, dict):
            count[(chat, int(reply["message_id"]))] += 1
    return count


def final_texts(api: FakeTelegram, triggers: list[tuple[int, int]]) -> list[str]:
    by_trigger: dict[tuple[int, int], str] = {}
    for (chat, _), message in list(api.messages.items()):
        reply = message.get("params", {}).get("reply_parameters")
        if isinstance(reply, dict):
            by_trigger[(chat, int(reply["message_id"]))] = str(message.get("text_html"))
    return [by_trigger.get(t, "") for t in triggers]


def replica_settings() -> dict[str, str]:
    return {
        "fetch_allow_private": "1",
        "job_lease_s": str(LEASE_S),
        "rate_user_burst": "50",
        "rate_chat_burst": "100",
        "status_grace_s": "5",
        "cpu_workers": "1",
    }


async def _db_rows(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    async with await psycopg.AsyncConnection.connect(url) as conn:
        cur = await conn.execute(sql.encode(), params)
        return await cur.fetchall()


async def test_three_replicas_answer_every_update_exactly_once(
    api: FakeTelegram, pages: PageServer, pg_url: str, tmp_path: Path
) -> None:
    api.flood = FloodLimits()  # Telegram's limits, for the three replicas together
    async with replica_set(
        3,
        api.base_url,
        pg_url,
        tmp_path,
        **replica_settings(),  # type: ignore[attr-defined]
    ) as replicas:
        triggers = queue_traffic(api, pages)
        started = time.perf_counter()
        await eventually(lambda: len(answers(api)) >= len(triggers), within_s=90, step_s=0.2)
        elapsed = time.perf_counter() - started
        await asyncio.sleep(1.0)  # a late duplicate would show up now
        counts = answers(api)
        assert {t: counts[t] for t in triggers} == dict.fromkeys(triggers, 1)
        texts = final_texts(api, triggers)
        assert all("Bridge story number" in t for t in texts), texts[:3]
        # every replica took webhook traffic, and the database says all jobs are done
        assert all(n > 0 for n in replicas.proxy.connections.values())
        rows = await _db_rows(pg_url, "SELECT state, count(*) FROM update_jobs GROUP BY state")
        assert dict(rows) == {"done": len(triggers)}
        assert api.flood.refused == []  # paced together: not one 429
        print(f"300 updates in {elapsed:.1f} s")


async def test_replica_killed_mid_run_its_updates_are_taken_over(
    api: FakeTelegram, pages: PageServer, pg_url: str, tmp_path: Path
) -> None:
    api.flood = FloodLimits()
    async with replica_set(
        3,
        api.base_url,
        pg_url,
        tmp_path,
        **replica_settings(),  # type: ignore[attr-defined]
    ) as replicas:
        update_ids: dict[int, tuple[int, int]] = {}
        triggers = queue_traffic(api, pages, update_ids)
        await eventually(lambda: len(answers(api)) >= 60, within_s=60, step_s=0.05)
        victim = replicas.replicas[1]
        victim_workers = _children(victim.proc.pid)
        assert victim_workers  # its pipeline worker and the multiprocessing helper
        victim.kill()
        await victim.proc.wait()
        await eventually(lambda: not any(_alive(w) for w in victim_workers), within_s=5)
        [(killed_at,)] = await _db_rows(pg_url, "SELECT clock_timestamp()")
        orphans = await _db_rows(
            pg_url,
            "SELECT update_id FROM update_jobs WHERE state = 'running' AND worker LIKE %s",
            (victim.worker_prefix + "%",),
        )
        await eventually(lambda: len(answers(api)) >= len(triggers), within_s=90, step_s=0.2)
        await eventually(lambda: all_done(pg_url, len(triggers)), within_s=30, step_s=0.2)
        # Sends a retry found begun and never answered (the journal marks them): the only
        # replies that may show twice, and only for updates the dead replica held.
        unknown = await _db_rows(
            pg_url,
            "SELECT DISTINCT update_id FROM update_replies"
            " WHERE unknown_fate AND method = 'sendMessage'",
        )
        ambiguous = {update_ids[uid] for (uid,) in unknown}
        retried = await _db_rows(pg_url, "SELECT update_id FROM update_jobs WHERE attempts > 1")
        assert ambiguous <= {update_ids[uid] for (uid,) in retried}

        def repeats() -> set[tuple[int, int]]:
            counts = answers(api)
            return {t for t in triggers if counts[t] > 1}

        # A "Reading…" the dead attempt left is deleted after the retry answered, but that
        # deletion waits its turn in the group's flood control (20 per minute): give it time.
        with contextlib.suppress(TimeoutError):
            await eventually(lambda: repeats() <= ambiguous, within_s=30, step_s=0.2)
        await asyncio.sleep(1.0)  # a late duplicate would show up now
        counts = answers(api)
        assert all(counts[t] >= 1 for t in triggers)  # nothing lost
        repeated = repeats()
        assert repeated <= ambiguous
        assert all(counts[t] == 2 for t in repeated)
        rows = await _db_rows(
            pg_url,
            "SELECT update_id, extract(epoch FROM finished_at - %s), attempts FROM update_jobs "
            "WHERE update_id = ANY(%s)",
            (killed_at, [o[0] for o in orphans]),
        )
        assert len(rows) == len(orphans)
        late = [(uid, float(secs)) for uid, secs, _ in rows if float(secs) > LEASE_S + 5]
        assert late == []
        # how long a send stays ambiguous: intent committed → result committed (flood control,
        # the HTTP round trip and the commit)
        p50, p95 = await _window(pg_url)
        assert api.flood.refused == []
        print(
            f"killed a replica holding {len(orphans)} jobs, {len(ambiguous)} of them with a reply "
            f"on the wire; all taken over in time; {len(repeated)} replies repeated; "
            f"intent → result p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
        )


def all_done(url: str, jobs: int) -> bool:
    """True when the queue holds `jobs` finished jobs and nothing else (blocking: a check)."""
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT state, count(*) FROM update_jobs GROUP BY state").fetchall()
    return dict(rows) == {"done": jobs}


async def _window(url: str) -> tuple[float, float]:
    """Median and p95 seconds from a send's intent to its result (the ambiguous window)."""
    [(quantiles,)] = await _db_rows(
        url,
        "SELECT percentile_cont(ARRAY[0.5, 0.95]::float8[]) WITHIN GROUP"
        " (ORDER BY extract(epoch FROM sent_at - intent_at)::float8)"
        " FROM update_replies WHERE method = 'sendMessage' AND sent_at IS NOT NULL",
    )
    return float(quantiles[0]), float(quantiles[1])


async def test_postgres_restarted_mid_run_no_update_is_lost(
    api: FakeTelegram, pages: PageServer, tmp_path: Path
) -> None:
    """PostgreSQL stops for a few seconds while replicas take webhooks and answer: intake
    answers 503 (Telegram retries), workers back off, and everything resumes on its own."""
    settings = {**replica_settings(), "job_lease_s": "15"}  # outlives the outage: no takeover
    with private_cluster() as cluster:
        async with replica_set(
            3,
            api.base_url,
            cluster.url,
            tmp_path,
            **settings,  # type: ignore[arg-type]
        ) as replicas:
            triggers = queue_traffic(api, pages)
            await eventually(lambda: len(answers(api)) >= 60, within_s=60, step_s=0.05)
            await asyncio.to_thread(cluster.stop, "fast")
            down_at = len(answers(api))
            await asyncio.sleep(2.0)
            await asyncio.to_thread(cluster.start)
            await eventually(lambda: len(answers(api)) >= len(triggers), within_s=90, step_s=0.2)
            await asyncio.sleep(1.0)
            counts = answers(api)
            assert {t: counts[t] for t in triggers} == dict.fromkeys(triggers, 1)
            assert all(r.proc.returncode is None for r in replicas.replicas)
            rows = await _db_rows(
                cluster.url, "SELECT state, count(*) FROM update_jobs GROUP BY state"
            )
            assert dict(rows) == {"done": len(triggers)}
            print(
                f"PostgreSQL stopped for 2 s at {down_at} of {len(triggers)} answers; "
                "every update answered once"
            )


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (the pipeline's worker processes and their helper)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_sigterm_drains_a_replica_and_leaves_no_worker_process(
    api: FakeTelegram, pg_url: str, tmp_path: Path
) -> None:
    # uvicorn re-raises the stop signal after serving; the replica must survive it to shut
    # down its pipeline worker processes (they were left behind as orphans).
    async with replica_set(1, api.base_url, pg_url, tmp_path, cpu_workers="1") as replicas:  # type: ignore[attr-defined]
        replica = replicas.replicas[0]
        await eventually(lambda: _children(replica.proc.pid), within_s=30)
        workers = _children(replica.proc.pid)
    assert replica.proc.returncode == 0
    await eventually(lambda: not any(_alive(w) for w in workers), within_s=10)
