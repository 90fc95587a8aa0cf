"""Load: 200 users at once (private and group chats, pastes and links) through the real bot.

Usage: .venv/bin/python benchmarks/load.py [--users 200] [--groups 20] [--no-pacing]

Everything runs over real HTTP on 127.0.0.1: the fake Bot API server, the bot polling it, and a
page server with local article pages (each link is a distinct URL, so every one is fetched and
summarised). Latency is from the update being queued to the summary reaching the chat: sent
directly when it was ready within STATUS_GRACE_S, else as the edit of the "Reading…" status.
Event-loop lag is the overshoot of a 20 ms sleep in the bot's loop. Peak RSS covers the whole
process (bot, fake API and page server together, so it over-states the bot alone).

By default the bot paces its outgoing calls as PTB's AIORateLimiter does for Telegram
(30 messages/s overall, 20/min per group); `--no-pacing` measures the bot without that cap.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.apiretry import RetryingRateLimiter  # noqa: E402
from tests.support.articles import ARTICLE_PARAGRAPHS, article_html, article_text  # noqa: E402
from tests.support.bot_env import (  # noqa: E402
    TOKEN,
    make_settings,
    running_bot,  # noqa: E402
)
from tests.support.fake_bot_api import Call, FakeBotAPIServer, FakeTelegram  # noqa: E402
from tests.support.page_server import PageServer, html_page  # noqa: E402

FIRST_USER = 20_000
FIRST_GROUP = -1_002_000_000
LAG_TICK_S = 0.02
#: Replies that mean something went wrong (the user sent good input).
ERROR_MARKERS = ("Something went wrong", "couldn", "didn't answer", "too fast", "too short")


@dataclass
class LoopLag:
    """Samples of how late a short sleep wakes up: the event loop's responsiveness."""

    samples: list[float] = field(default_factory=list)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            start = loop.time()
            await asyncio.sleep(LAG_TICK_S)
            self.samples.append(loop.time() - start - LAG_TICK_S)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def paste(i: int) -> str:
    """A distinct paste per user (pastes are never cached anyway)."""
    return article_text().replace("Lark River", f"Lark River (report {i})")


def is_status(params: dict[str, Any]) -> bool:
    """A "Reading…" status message (later edited into the summary)."""
    return str(params.get("text", "")).startswith("Reading")


def is_final(call: Call) -> bool:
    """A call that puts a summary (or an error reply) in a chat."""
    return call.method == "editMessageText" or (
        call.method == "sendMessage" and not is_status(call.params)
    )


def reply_time(api: FakeTelegram, chat_id: int, request_id: int) -> tuple[float, str] | None:
    """When the reply to one request arrived, and its text (direct, or the edited status)."""
    for (cid, mid), msg in sorted(api.messages.items()):
        params = msg.get("params")
        if cid != chat_id or params is None:
            continue
        reply = params.get("reply_parameters") or {}
        # Private replies do not quote (one request per chat here); group replies do.
        if chat_id < 0 and reply.get("message_id") != request_id:
            continue
        for call in api.calls:
            sent = call.params is params and not is_status(params)
            edited = (
                call.method == "editMessageText"
                and int(call.params["chat_id"]) == chat_id
                and int(call.params["message_id"]) == mid
            )
            if sent or edited:
                return call.at, str(call.params.get("text", ""))
        return None
    return None


async def run(users: int, groups: int, pacing: bool) -> dict[str, float]:
    api = FakeTelegram(TOKEN)
    server = FakeBotAPIServer(api)
    await server.start()
    pages = PageServer().start()
    for k in range(len(ARTICLE_PARAGRAPHS)):
        pages.route(f"/story{k}", html_page(article_html(f"Bridge story number {k}")))
    lag = LoopLag()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = make_settings(
                telegram_api_base_url=server.base_url,
                database_url=f"sqlite:///{tmp}/load.sqlite3",
                fetch_allow_private=True,
                fetch_timeout_s=10,
            )
            limiter = (
                RetryingRateLimiter(max_retries=3)
                if pacing
                else RetryingRateLimiter(max_retries=3, overall_max_rate=0, group_max_rate=0)
            )
            async with running_bot(settings, rate_limiter=limiter):
                warm = FIRST_USER - 1
                api.queue(message=api.make_message(paste(-1), chat_id=warm, user_id=warm))
                await api.wait_for(lambda a: any("English" in t for t in a.chat_texts(warm)), 60)
                lag_task = asyncio.create_task(lag.run())
                requests: list[tuple[int, int, float]] = []
                start = time.perf_counter()
                for i in range(users):
                    user = FIRST_USER + i
                    in_group = i % 5 >= 3  # 40 % in groups
                    link = pages.url(f"/story{i % len(ARTICLE_PARAGRAPHS)}?reader={i}")
                    if in_group:
                        chat = FIRST_GROUP - (i % groups)
                        msg = api.make_message(
                            f"/summary {link}", chat_id=chat, user_id=user, chat_type="supergroup"
                        )
                    else:
                        chat = user
                        text = paste(i) if i % 2 else f"look at this {link}"
                        msg = api.make_message(text, chat_id=chat, user_id=user)
                    api.queue(message=msg)
                    requests.append((chat, msg["message_id"], time.perf_counter()))

                first_call = len(api.calls)
                scanned, finished = [first_call], [0]

                def all_answered(a: FakeTelegram) -> bool:
                    # Incremental on purpose: it runs on every API call, in the bot's loop.
                    fresh = a.calls[scanned[0] :]
                    scanned[0] += len(fresh)
                    finished[0] += sum(is_final(c) for c in fresh)
                    return finished[0] >= users

                await api.wait_for(all_answered, 600)
                wall = time.perf_counter() - start
                lag_task.cancel()
                calls = api.calls[first_call:]
    finally:
        pages.stop()
        await server.stop()
    answers = [(reply_time(api, c, m), t0) for c, m, t0 in requests]
    latencies = [r[0] - t0 for r, t0 in answers if r is not None]
    errors = [r[1] for r, _ in answers if r is not None and any(e in r[1] for e in ERROR_MARKERS)]
    return {
        "users": users,
        "answered": len(latencies),
        "error_replies": len(errors),
        "throughput_per_s": users / wall,
        "median_s": statistics.median(latencies),
        "p95_s": percentile(latencies, 0.95),
        "max_s": max(latencies),
        "lag_p50_ms": 1000 * percentile(lag.samples, 0.5),
        "lag_p99_ms": 1000 * percentile(lag.samples, 0.99),
        "lag_max_ms": 1000 * max(lag.samples),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "wall_s": wall,
        "status_msgs": sum(c.method == "sendMessage" and is_status(c.params) for c in calls),
        "chat_calls": sum("chat_id" in c.params for c in calls),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument(
        "--no-pacing",
        action="store_true",
        help="switch off Telegram's outgoing pacing (30/s, 20/min per group)",
    )
    args = parser.parse_args()
    r = asyncio.run(run(args.users, args.groups, not args.no_pacing))
    print(
        f"pacing={'off' if args.no_pacing else 'telegram'} users={r['users']:.0f} "
        f"answered={r['answered']:.0f} error_replies={r['error_replies']:.0f} "
        f"throughput={r['throughput_per_s']:.1f}/s median={r['median_s']:.2f} s "
        f"p95={r['p95_s']:.2f} s max={r['max_s']:.2f} s loop_lag p50={r['lag_p50_ms']:.1f} ms "
        f"p99={r['lag_p99_ms']:.1f} ms max={r['lag_max_ms']:.1f} ms "
        f"peak_rss={r['peak_rss_mb']:.0f} MB wall={r['wall_s']:.1f} s "
        f"status_msgs={r['status_msgs']:.0f} chat_calls={r['chat_calls']:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
