"""Bot latency: fake Bot API + real bot over HTTP; time from update queued to the reply.

Usage: .venv/bin/python benchmarks/bot_latency.py [--n 30] [--mode burst|sequential]

Each update is a pasted article from a different private chat (pasted text is never cached,
so every update runs the real pipeline). The reply time is when the fake server receives the
summary: the sendMessage that carries it (ready within STATUS_GRACE_S), or the editMessageText
that turns "Reading…" into it.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.articles import article_text  # noqa: E402
from tests.support.bot_env import (  # noqa: E402
    TOKEN,
    make_settings,
    running_bot,  # noqa: E402
)
from tests.support.fake_bot_api import FakeBotAPIServer, FakeTelegram  # noqa: E402

FIRST_CHAT = 10_000


def reply_times(api: FakeTelegram, chat_ids: list[int]) -> dict[int, float]:
    """When each chat's summary arrived (first edit/send that is not the status text)."""
    arrived: dict[int, float] = {}
    for call in api.calls:
        if call.method not in ("editMessageText", "sendMessage"):
            continue
        chat = int(call.params["chat_id"])
        if (
            chat in chat_ids
            and chat not in arrived
            and not str(call.params.get("text", "")).startswith("Reading")
        ):
            arrived[chat] = call.at
    return arrived


async def run(n: int, mode: str) -> dict[str, float]:
    api = FakeTelegram(TOKEN)
    server = FakeBotAPIServer(api)
    await server.start()
    text = article_text()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = make_settings(
                telegram_api_base_url=server.base_url,
                database_url=f"sqlite:///{tmp}/bench.sqlite3",
                rate_chat_burst=1000,
                rate_user_burst=1000,
            )
            async with running_bot(settings):
                # Warm-up: the first summary loads language profiles and tokenizers.
                api.queue(
                    message=api.make_message(text, chat_id=FIRST_CHAT - 1, user_id=FIRST_CHAT - 1)
                )
                await api.wait_for(
                    lambda a: FIRST_CHAT - 1 in reply_times(a, [FIRST_CHAT - 1]), 60
                )
                chats = [FIRST_CHAT + i for i in range(n)]
                queued: dict[int, float] = {}
                start = time.perf_counter()
                for chat in chats:
                    api.queue(message=api.make_message(text, chat_id=chat, user_id=chat))
                    queued[chat] = time.perf_counter()
                    if mode == "sequential":
                        await api.wait_for(lambda a, c=chat: c in reply_times(a, [c]), 60)
                await api.wait_for(lambda a: len(reply_times(a, chats)) == n, 300)
                wall = time.perf_counter() - start
                arrived = reply_times(api, chats)
    finally:
        await server.stop()
    latencies = sorted(arrived[c] - queued[c] for c in chats)
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    return {
        "n": n,
        "median_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * p95,
        "max_ms": 1000 * latencies[-1],
        "wall_s": wall,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--mode", choices=("burst", "sequential"), default="burst")
    args = parser.parse_args()
    result = asyncio.run(run(args.n, args.mode))
    print(
        f"mode={args.mode} n={result['n']:.0f} median={result['median_ms']:.0f} ms "
        f"p95={result['p95_ms']:.0f} ms max={result['max_ms']:.0f} ms "
        f"wall={result['wall_s']:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
