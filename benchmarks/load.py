"""Load: 200 users within 2 s against a fake Bot API that enforces Telegram's flood limits, as a
new operator would run the bot: one polling process with SQLite, and 3 webhook replicas with
PostgreSQL behind a round-robin proxy.

Usage: .venv/bin/python benchmarks/load.py [--users 200] [--groups 20] [--spread-s 2]
                                           [--mode polling|replicas|both] [--cpu-workers N]

The bot runs as real `python -m bot` processes; the fake Bot API (30 messages in any second,
20 per minute per group, 429 beyond) and a page server with local article pages run here.
40 % of the users write `/summary <link>` in one of the groups, the others send a link or a
paste in private. Latency is from the update being queued at the fake API to the reply reaching
it (sent directly, or as the edit of a "Reading…" status).

The ideal bound is what a bot that needs no time to summarise and sends one message per request
as soon as Telegram allows would reach for the same arrival times and chats: each reply, in
arrival order, takes the earliest moment at which it fits both sliding windows. Peak RSS is
sampled every 0.2 s for each bot's whole process tree (the process and its worker processes,
from /proc).
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.articles import ARTICLE_PARAGRAPHS, article_html, article_text  # noqa: E402
from tests.support.bot_env import TOKEN  # noqa: E402
from tests.support.fake_bot_api import (  # noqa: E402
    Call,
    FakeBotAPIServer,
    FakeTelegram,
    FloodLimits,
)
from tests.support.page_server import PageServer, html_page  # noqa: E402
from tests.support.replicas import bot_process_env, replica_set, start_bot_process  # noqa: E402

FIRST_USER = 20_000
FIRST_GROUP = -1_002_000_000
WARM_USERS = 6
#: Replies that mean something went wrong (the user sent good input).
ERROR_MARKERS = ("Something went wrong", "couldn", "didn't answer", "too fast", "too short")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- the ideal bound ----------------------------------------------------------------------


def _fits(times: list[float], t: float, window: float, limit: int) -> bool:
    """True when one more message at `t` keeps every `window` (half-open) at most `limit`."""
    lo = bisect.bisect_right(times, t - window)
    hi = bisect.bisect_left(times, t + window)
    near = times[lo:hi]
    # a window holding t starts in (t - window, t]; its content only grows until it passes an
    # event, so the fullest ones start just after t - window or at an event up to t
    starts = [t - window + 1e-9] + [e for e in near if e <= t]
    return all(sum(1 for e in near if x <= e < x + window) + 1 <= limit for x in starts if x <= t)


def ideal_send_times(
    arrivals: list[tuple[float, int]], per_second: int = 30, per_group_minute: int = 20
) -> list[float]:
    """When each reply leaves an ideal bot: in arrival order, the earliest moment at or after
    its arrival that fits the 1 s window of all messages and the 60 s window of its group."""
    everyone: list[float] = []
    groups: dict[int, list[float]] = {}
    sent: list[float] = []
    for arrived, chat in arrivals:
        group = groups.setdefault(chat, []) if chat < 0 else None
        candidates = sorted(
            {arrived}
            | {e + 1.0 for e in everyone if e + 1.0 > arrived}
            | ({e + 60.0 for e in group if e + 60.0 > arrived} if group is not None else set())
        )
        for t in candidates:
            if _fits(everyone, t, 1.0, per_second) and (
                group is None or _fits(group, t, 60.0, per_group_minute)
            ):
                break
        bisect.insort(everyone, t)
        if group is not None:
            bisect.insort(group, t)
        sent.append(t)
    return sent


# --- memory of a process tree -------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    """`pid` and every process below it, from each thread's `children` list (a few small
    reads, not a scan of all of /proc: the sampler shares the event loop that plays Telegram,
    the load balancer and the users, so its cost would show up as latency)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                continue
    return found


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by `pid` and the processes below it."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in _descendants(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS of `pid` and all its descendants, from /proc (0 when gone). RSS counts a
    page shared by several processes (libraries) in each; PSS splits it among them."""
    rss_kb = pss_kb = 0
    for p in _descendants(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss_kb += int(line.split()[1])
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss_kb += int(line.split()[1])
        except OSError:
            continue
    return rss_kb / 1024, pss_kb / 1024


@dataclass
class RssPeaks:
    """Peak tree RSS and PSS of each watched process, sampled every 0.2 s."""

    pids: list[int]
    peaks: dict[int, float] = field(default_factory=dict)
    pss_peaks: dict[int, float] = field(default_factory=dict)

    async def run(self) -> None:
        while True:
            for pid in self.pids:
                rss, pss = tree_memory_mb(pid)
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss)
                self.pss_peaks[pid] = max(self.pss_peaks.get(pid, 0.0), pss)
            await asyncio.sleep(0.2)


# --- the traffic --------------------------------------------------------------------------


def paste(i: int) -> str:
    """A distinct paste per user (pastes are never cached anyway)."""
    return article_text().replace("Lark River", f"Lark River (report {i})")


def is_status(params: dict[str, Any]) -> bool:
    """A "Reading…" status message (later edited into the summary)."""
    return str(params.get("text", "")).startswith("Reading")


@dataclass(frozen=True, slots=True)
class Request:
    chat: int
    message_id: int
    update_id: int


def make_request(api: FakeTelegram, pages: PageServer, i: int, groups: int) -> Request:
    user = FIRST_USER + i
    link = pages.url(f"/story{i % len(ARTICLE_PARAGRAPHS)}?reader={i}")
    if i % 5 >= 3:  # 40 % in groups
        chat = FIRST_GROUP - (i % groups)
        msg = api.make_message(
            f"/summary {link}", chat_id=chat, user_id=user, chat_type="supergroup"
        )
    else:
        chat = user
        msg = api.make_message(
            paste(i) if i % 2 else f"look at this {link}", chat_id=chat, user_id=user
        )
    update = api.queue(message=msg)
    return Request(chat, msg["message_id"], update["update_id"])


def reply_call(api: FakeTelegram, request: Request) -> Call | None:
    """The call that put the reply to `request` in its chat (direct, or the edited status)."""
    for (cid, mid), msg in sorted(api.messages.items()):
        params = msg.get("params")
        if cid != request.chat or params is None:
            continue
        reply = params.get("reply_parameters") or {}
        if request.chat < 0 and reply.get("message_id") != request.message_id:
            continue
        for call in api.calls:
            if call.params is params and not is_status(params):
                return call
            if (
                call.method == "editMessageText"
                and int(call.params["chat_id"]) == request.chat
                and int(call.params["message_id"]) == mid
            ):
                return call
        return None
    return None


async def drive(
    api: FakeTelegram,
    pages: PageServer,
    users: int,
    groups: int,
    spread_s: float,
    delivered: dict[int, float] | None = None,
) -> dict[str, Any]:
    """Warm the bot up, then send the users' requests spread over `spread_s` and wait."""
    warm = [FIRST_USER - 1 - k for k in range(WARM_USERS)]
    for k, chat in enumerate(warm):
        api.queue(message=api.make_message(paste(-1 - k), chat_id=chat, user_id=chat))
    await api.wait_for(lambda a: all(a.chat_texts(c) for c in warm), 120)
    await asyncio.sleep(1.5)  # the warm-up's messages leave the 1 s window
    assert api.flood is not None
    refused_before = len(api.flood.refused)
    first_call = len(api.calls)
    requests: list[Request] = []
    cpu_start = time.process_time()
    start = time.perf_counter()
    for i in range(users):
        delay = start + spread_s * i / users - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        requests.append(make_request(api, pages, i, groups))
    expected = Counter(r.chat for r in requests)

    def answered(a: FakeTelegram) -> bool:
        got = Counter(
            cid
            for (cid, _), m in list(a.messages.items())
            if cid in expected and "text_html" in m and not str(m["text_html"]).startswith("Read")
        )
        return all(got[c] >= n for c, n in expected.items())

    while not answered(api):
        await asyncio.sleep(0.25)
        if time.perf_counter() - start > 600:
            break
    wall = time.perf_counter() - start
    driver_cpu = (time.process_time() - cpu_start) / wall
    await asyncio.sleep(0.5)
    calls = api.calls[first_call:]
    queued = [api.update_queued_at[r.update_id] for r in requests]
    replies = [reply_call(api, r) for r in requests]
    latencies = [c.at - q for c, q in zip(replies, queued, strict=True) if c is not None]
    ideal = ideal_send_times([(q - start, r.chat) for q, r in zip(queued, requests, strict=True)])
    ideal_latencies = [t - (q - start) for t, q in zip(ideal, queued, strict=True)]
    texts = [str(c.params.get("text", "")) for c in replies if c is not None]
    # webhook mode: how long an update took to be accepted (committed) by a replica
    intake = [
        delivered[r.update_id] - q
        for r, q in zip(requests, queued, strict=True)
        if delivered is not None and r.update_id in delivered
    ]
    sends = sorted(c.at - start for c in replies if c is not None)
    update_times = [
        (r.update_id, q, None if c is None else c.at)
        for r, q, c in zip(requests, queued, replies, strict=True)
    ]
    return {
        "users": users,
        "answered": len(latencies),
        "error_replies": sum(any(e in t for e in ERROR_MARKERS) for t in texts),
        "refused_429": len(api.flood.refused) - refused_before,
        "p50_s": statistics.median(latencies),
        "p95_s": percentile(latencies, 0.95),
        "max_s": max(latencies),
        "ideal_p50_s": statistics.median(ideal_latencies),
        "ideal_p95_s": percentile(ideal_latencies, 0.95),
        "wall_s": wall,
        "driver_cpu": driver_cpu,
        "intake_p95_s": percentile(intake, 0.95) if intake else None,
        "replies_by_second": Counter(int(t) for t in sends),
        "update_times": update_times,
        "status_msgs": sum(c.method == "sendMessage" and is_status(c.params) for c in calls),
        "typing": sum(c.method == "sendChatAction" for c in calls),
        "message_calls": sum(
            c.method in ("sendMessage", "editMessageText", "sendDocument") for c in calls
        ),
    }


# --- the two set-ups ----------------------------------------------------------------------


def bot_settings(cpu_workers: int | None) -> dict[str, str]:
    settings = {"fetch_allow_private": "1", "fetch_timeout_s": "10"}
    if cpu_workers is not None:
        settings["cpu_workers"] = str(cpu_workers)
    return settings


async def run_polling(args: argparse.Namespace) -> dict[str, Any]:
    async with serving() as (api, pages, server), _tmp() as tmp:
        env = bot_process_env(
            server.base_url, f"sqlite:///{tmp}/load.sqlite3", **bot_settings(args.cpu_workers)
        )
        proc = await start_bot_process(env, tmp / "bot.log")
        rss = RssPeaks([proc.pid])
        sampler = asyncio.create_task(rss.run())
        try:
            cpu = tree_cpu_s(proc.pid)
            result = await drive(api, pages, args.users, args.groups, args.spread_s)
            result.pop("update_times")
            cpu = tree_cpu_s(proc.pid) - cpu
        finally:
            sampler.cancel()
            proc.terminate()
            await proc.wait()
        return {
            **result,
            "bot_cpu_s": cpu,
            "rss_mb": [rss.peaks[proc.pid]],
            "pss_mb": [rss.pss_peaks[proc.pid]],
        }


@dataclass(frozen=True, slots=True)
class UpdateTimes:
    """When one update passed each stage (perf_counter seconds); None: not seen."""

    queued: float
    posted: float | None
    committed: float | None
    acknowledged: float | None
    claimed: float | None
    replied: float | None


#: (name, from, to) of the stages an update goes through in webhook mode.
STAGES = (
    ("pusher", "queued", "posted"),  # fake Telegram starts the POST
    ("webhook", "posted", "committed"),  # proxy, uvicorn, INSERT + NOTIFY
    ("ack", "committed", "acknowledged"),  # the 200 back at fake Telegram
    ("queue", "committed", "claimed"),  # waits for a worker slot in some replica
    ("job", "claimed", "replied"),  # pipeline, pacing, the send
)


def stage_report(times: list[UpdateTimes]) -> dict[str, tuple[float, float]]:
    """p50 and p95 of each stage over the updates that passed both of its ends."""
    out = {}
    for name, start, end in STAGES:
        spans = [
            getattr(t, end) - getattr(t, start)
            for t in times
            if getattr(t, start) is not None and getattr(t, end) is not None
        ]
        if spans:
            out[name] = (statistics.median(spans), percentile(spans, 0.95))
    return out


async def job_times(pg_url: str) -> dict[int, tuple[float, float | None]]:
    """Commit and claim times of every update in the queue, on this process's perf_counter
    (the database's clock is the wall clock of this machine)."""
    import psycopg

    offset = time.time() - time.perf_counter()
    async with await psycopg.AsyncConnection.connect(pg_url) as conn:
        cur = await conn.execute(
            "SELECT update_id, extract(epoch FROM enqueued_at), extract(epoch FROM started_at)"
            " FROM update_jobs"
        )
        rows = await cur.fetchall()
    return {
        int(uid): (float(enq) - offset, None if started is None else float(started) - offset)
        for uid, enq, started in rows
    }


async def slot_holds(pg_url: str) -> list[float]:
    """How long each message's slot in the shared ledger stayed in flight (release to recorded
    answer): a slot counts for one second after that, so this is what the pacer loses."""
    import psycopg

    async with await psycopg.AsyncConnection.connect(pg_url) as conn:
        cur = await conn.execute("SELECT done - started FROM send_slots WHERE done IS NOT NULL")
        return [float(held) for (held,) in await cur.fetchall()]


async def run_replicas(args: argparse.Namespace) -> dict[str, Any]:
    from tests.support.postgres import scratch_database

    with scratch_database() as pg_url:
        async with (
            serving() as (api, pages, server),
            _tmp() as tmp,
            replica_set(
                3,
                server.base_url,
                pg_url,
                tmp,
                **bot_settings(args.cpu_workers),
            ) as replicas,
        ):
            pids = [r.proc.pid for r in replicas.replicas]
            rss = RssPeaks(pids)
            sampler = asyncio.create_task(rss.run())
            try:
                cpu = sum(tree_cpu_s(p) for p in pids)
                result = await drive(
                    api, pages, args.users, args.groups, args.spread_s, server.delivered
                )
                cpu = sum(tree_cpu_s(p) for p in pids) - cpu
                jobs = await job_times(pg_url)
                holds = await slot_holds(pg_url)
            finally:
                sampler.cancel()
        times = [
            UpdateTimes(
                queued,
                server.posted.get(uid),
                jobs.get(uid, (None, None))[0],
                server.delivered.get(uid),
                jobs.get(uid, (None, None))[1],
                replied,
            )
            for uid, queued, replied in result.pop("update_times")
        ]
        return {
            **result,
            "stages": stage_report(times),
            "slot_hold_s": (statistics.median(holds), percentile(holds, 0.95)) if holds else None,
            "webhook_answers": Counter(server.webhook_answers),
            "bot_cpu_s": cpu,
            "rss_mb": [rss.peaks[p] for p in pids],
            "pss_mb": [rss.pss_peaks[p] for p in pids],
        }


class serving:  # noqa: N801 — used as `async with serving()`
    """The flood-limited fake Bot API and the page server, for one run."""

    async def __aenter__(self) -> tuple[FakeTelegram, PageServer, FakeBotAPIServer]:
        self.api = FakeTelegram(TOKEN)
        self.api.flood = FloodLimits()
        self.server = FakeBotAPIServer(self.api)
        await self.server.start()
        self.pages = PageServer().start()
        for k in range(len(ARTICLE_PARAGRAPHS)):
            self.pages.route(f"/story{k}", html_page(article_html(f"Bridge story number {k}")))
        return self.api, self.pages, self.server

    async def __aexit__(self, *exc: object) -> None:
        self.pages.stop()
        await self.server.stop()


class _tmp:  # noqa: N801
    async def __aenter__(self) -> Path:
        self.dir = tempfile.TemporaryDirectory()
        return Path(self.dir.name)

    async def __aexit__(self, *exc: object) -> None:
        self.dir.cleanup()


def report(mode: str, r: dict[str, Any]) -> str:
    rss = " ".join(f"{m:.0f}" for m in r["rss_mb"])
    pss = " ".join(f"{m:.0f}" for m in r["pss_mb"])
    return (
        f"{mode}: users={r['users']} answered={r['answered']} error_replies={r['error_replies']} "
        f"429s={r['refused_429']} p50={r['p50_s']:.2f} s (ideal {r['ideal_p50_s']:.2f} s) "
        f"p95={r['p95_s']:.2f} s (ideal {r['ideal_p95_s']:.2f} s) max={r['max_s']:.2f} s "
        f"wall={r['wall_s']:.1f} s driver_cpu={100 * r['driver_cpu']:.0f}% "
        f"bot_cpu={r['bot_cpu_s']:.1f} s message_calls={r['message_calls']} "
        f"status_msgs={r['status_msgs']} typing={r['typing']} peak_rss_tree_mb=[{rss}] pss=[{pss}]"
        + (f" intake_p95={r['intake_p95_s']:.2f} s" if r["intake_p95_s"] is not None else "")
        + f"\n  replies per second: {sorted(r['replies_by_second'].items())}"
        + (f"\n  webhook answers: {dict(r['webhook_answers'])}" if "webhook_answers" in r else "")
        + (
            "\n  stages p50/p95: "
            + ", ".join(f"{k} {a:.2f}/{b:.2f} s" for k, (a, b) in r["stages"].items())
            if r.get("stages")
            else ""
        )
        + (
            f"; slot in flight p50/p95 {r['slot_hold_s'][0]:.3f}/{r['slot_hold_s'][1]:.3f} s"
            if r.get("slot_hold_s")
            else ""
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--spread-s", type=float, default=2.0, help="arrivals spread over")
    parser.add_argument("--mode", choices=("polling", "replicas", "both"), default="both")
    parser.add_argument("--cpu-workers", type=int, default=None, help="CPU_WORKERS of each bot")
    args = parser.parse_args()
    if args.mode in ("polling", "both"):
        print(report("polling+sqlite", asyncio.run(run_polling(args))), flush=True)
    if args.mode in ("replicas", "both"):
        print(report("3 replicas+postgresql", asyncio.run(run_replicas(args))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
