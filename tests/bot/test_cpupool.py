"""The process pool runs the real pipeline off the event loop and survives a killed worker."""

from __future__ import annotations

import os
import signal

import pytest

from bot.cpupool import CpuPool
from summaries import pipeline
from summaries.config import PipelineConfig, SummaryOptions
from tests.support.articles import article_text


async def test_pipeline_in_worker_processes_and_a_killed_worker() -> None:
    pool = CpuPool(2)
    await pool.start()
    try:
        summary = await pool.run(
            pipeline.summarize_text, article_text(), SummaryOptions(sentences=3), PipelineConfig()
        )
        assert len(summary.sentences) == 3
        assert summary.language == "en"
        pids = {await pool.run(os.getpid) for _ in range(6)}
        assert os.getpid() not in pids
        os.kill(next(iter(pids)), signal.SIGKILL)
        # the broken pool is replaced and the call made again
        again = await pool.run(
            pipeline.summarize_text, article_text(), SummaryOptions(sentences=2), PipelineConfig()
        )
        assert len(again.sentences) == 2
    finally:
        await pool.close()


def test_pool_needs_a_worker() -> None:
    with pytest.raises(ValueError, match="at least one"):
        CpuPool(0)
