"""SIGTERM: `python -m bot` finishes the summary it is working on, replies, and exits 0."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.support.articles import article_html
from tests.support.bot_env import TOKEN
from tests.support.fake_bot_api import FakeTelegram
from tests.support.page_server import Page, PageServer

ROOT = Path(__file__).resolve().parents[2]
USER = 8401
PAGE_DELAY_S = 2.0
#: In-flight work is bounded by the fetch cap; after it the bot must be gone.
EXIT_BOUND_S = 20.0


async def test_sigterm_mid_request_delivers_the_reply_then_exits_0(
    api: FakeTelegram, tmp_path: Path
) -> None:
    with PageServer() as pages:
        url = pages.route(
            "/slow",
            Page(
                body=article_html().encode(),
                delay_s=PAGE_DELAY_S,
                headers=(("Content-Type", "text/html"),),
            ),
        )
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))},
            "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,  # type: ignore[attr-defined]
            "FETCH_ALLOW_PRIVATE": "1",
            "FETCH_TIMEOUT_S": "8",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
            "LOG_LEVEL": "INFO",
        }
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            await api.wait_for(lambda a: a.sent("setMyCommands"), within_s=30)
            api.queue(message=api.make_message(url, chat_id=USER, user_id=USER))
            await asyncio.wait_for(_until(lambda: pages.requests), 20)
            proc.send_signal(signal.SIGTERM)
            stopped_at = time.perf_counter()
            output, _ = await asyncio.wait_for(proc.communicate(), EXIT_BOUND_S)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    log = output.decode(errors="replace")
    assert proc.returncode == 0, log
    [reply] = api.chat_texts(USER)
    assert "English · " in reply
    assert "Riverton" in reply
    assert time.perf_counter() - stopped_at < EXIT_BOUND_S
    assert TOKEN not in log
    assert "Traceback" not in log


async def _until(predicate: Callable[[], object]) -> None:
    # The page server records requests in its own thread, which cannot set an asyncio.Event
    # of this loop; a short poll is the simple correct wait.
    while not predicate():  # noqa: ASYNC110
        await asyncio.sleep(0.02)
