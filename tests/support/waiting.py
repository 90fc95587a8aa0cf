"""Polling a condition that another process or task makes true, with a deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def eventually(
    check: Callable[[], object], within_s: float = 10.0, step_s: float = 0.02
) -> None:
    """Return once `check()` is truthy.

    Raises:
        TimeoutError: still falsy after `within_s` seconds.
    """
    deadline = time.monotonic() + within_s
    while True:
        if check():
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {within_s} s")
        await asyncio.sleep(step_s)
