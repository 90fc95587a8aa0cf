"""Soak: thousands of link summaries through the bot; RSS must stay flat, the cache bounded.

Usage: .venv/bin/python benchmarks/soak.py [--n 5000] [--cache-rows 2000] [--concurrency 20]

The real bot Application (handlers, limiter, service, SQLite store with a cache bound) runs the
real pipeline on local article pages fetched over HTTP; each summary uses a new URL (a few
articles with varied query strings), so every one is fetched, summarised and cached. Bot API
calls are answered in-process to keep the run about the bot. Prints RSS and cache rows every
500 summaries.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402

from bot.app import build_application, build_deps, post_init, post_shutdown  # noqa: E402
from bot.storage.sqlite import SQLiteStore  # noqa: E402
from tests.support.articles import article_html  # noqa: E402
from tests.support.bot_env import TOKEN, RecordingRequest, make_settings  # noqa: E402
from tests.support.fake_bot_api import FakeTelegram  # noqa: E402
from tests.support.page_server import PageServer, html_page  # noqa: E402

ARTICLES = 5
REPORT_EVERY = 500


def rss_mb() -> float:
    """Current resident set size of this process."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


async def run(n: int, cache_rows: int, concurrency: int) -> None:
    pages = PageServer().start()
    for k in range(ARTICLES):
        pages.route(f"/a{k}", html_page(article_html(f"Bridge story number {k}")))
    api = FakeTelegram(TOKEN)
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(
            fetch_allow_private=True,
            fetch_timeout_s=10,
            rate_user_burst=10**9,
            rate_chat_burst=10**9,
        )
        store = SQLiteStore(Path(tmp) / "soak.sqlite3", max_cache_rows=cache_rows)
        deps = build_deps(settings, store=store)
        request = RecordingRequest(api)
        app = build_application(settings, deps, request=request, get_updates_request=request)
        await app.initialize()
        await post_init(app)
        try:
            start = time.perf_counter()
            done = 0
            samples: list[tuple[int, float, int]] = []
            while done < n:
                batch = []
                for i in range(done, min(n, done + concurrency)):
                    chat = 30_000 + i % 1000
                    url = pages.url(f"/a{i % ARTICLES}?edition={i}")
                    raw = api.queue(message=api.make_message(url, chat_id=chat, user_id=chat))
                    batch.append(Update.de_json(raw, app.bot))
                api.updates.clear()
                await asyncio.gather(*(app.process_update(u) for u in batch))
                done += len(batch)
                # The fake API keeps every call and message for tests; forget them here.
                api.calls.clear()
                api.messages.clear()
                pages.requests.clear()
                if done % REPORT_EVERY == 0 or done == n:
                    gc.collect()
                    rows = await store.cache_size()
                    samples.append((done, rss_mb(), rows))
                    print(
                        f"{done:5d} summaries  rss={rss_mb():6.1f} MB  cache_rows={rows}  "
                        f"{done / (time.perf_counter() - start):.1f}/s",
                        flush=True,
                    )
            counters = await store.counters()
        finally:
            await post_shutdown(app)
            await app.shutdown()
            pages.stop()
    first = next((s for s in samples if s[0] >= 1000), samples[0])
    growth = samples[-1][1] - first[1]
    errors = {k: v for k, v in counters.items() if k.startswith("error:")}
    print(
        f"served={counters.get('summaries_served', 0)} errors={errors or 'none'} "
        f"rss_after_1000={first[1]:.1f} MB rss_end={samples[-1][1]:.1f} MB "
        f"growth={growth:+.1f} MB max_cache_rows={max(s[2] for s in samples)} "
        f"(bound {cache_rows} + trim slack) wall={time.perf_counter() - start:.0f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--cache-rows", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(run(args.n, args.cache_rows, args.concurrency))
    return 0


if __name__ == "__main__":
    sys.exit(main())
