"""Run the real bot against the fake Bot API server over HTTP (for e2e tests and benchmarks)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from bot.app import build_application, post_init, post_shutdown
from bot.config import Settings


@contextlib.asynccontextmanager
async def running_bot(settings: Settings, deps: Any = None, **build: Any) -> AsyncIterator[Any]:
    """Build the Application, open resources, start polling; stop everything on exit.

    `build` goes to `build_application` (e.g. a `rate_limiter` with a faster retry policy).
    """
    app = build_application(settings, deps, **build)
    await app.initialize()
    try:
        await post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=2, poll_interval=0.0)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            await post_shutdown(app)
    finally:
        await app.shutdown()
