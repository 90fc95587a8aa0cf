"""The pipeline's CPU-bound work in a pool of worker processes, so that a replica uses every
core and its event loop never waits on parsing or ranking (threads would share one GIL)."""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from summaries.text import preload_models

_LOG = logging.getLogger(__name__)
T = TypeVar("T")

#: One BLAS thread per worker: numpy's default of one per core makes N workers fight over the
#: cores (measured: 2 workers 0.9x of 1 with it, 1.6x without; benchmarks/cpu_workers.py).
_ONE_THREAD = {
    name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
}


def _ready() -> bool:
    return True


class CpuPool:
    """`workers` processes (spawned, not forked: the bot's loop has threads), each with the
    language models loaded once by `preload_models`."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError("a process pool needs at least one worker")
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawned workers copy this environment; the bot process's numpy is loaded already
        for name, value in _ONE_THREAD.items():
            os.environ.setdefault(name, value)
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=preload_models,
        )

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the models (fails at start-up,
        not on the first message, when a model package is missing)."""
        self._pool = self._new_pool()
        loop = asyncio.get_running_loop()
        await asyncio.gather(
            *(loop.run_in_executor(self._pool, _ready) for _ in range(self.workers))
        )

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` in a worker process (arguments and result are pickled).

        A pool broken by a killed worker is replaced and the call made once more.
        """
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            pool = self._pool
            if pool is None:
                raise RuntimeError("the process pool is not started")
            try:
                return await loop.run_in_executor(pool, functools.partial(fn, *args))
            except BrokenProcessPool:
                if attempt == 2:
                    raise
                _LOG.error("a pipeline worker process died; starting a new pool")
                if self._pool is pool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = self._new_pool()
        raise AssertionError("unreachable")

    async def close(self) -> None:
        """Stop the workers (waits for calls in progress)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await asyncio.to_thread(pool.shutdown, True, cancel_futures=True)
