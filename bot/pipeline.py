"""The pipeline as the bot sees it: a small Protocol, the real adapter, the HTTP client factory."""

from __future__ import annotations

from typing import Protocol

import httpx

from summaries import pipeline
from summaries.config import FetchLimits, PipelineConfig, SummaryOptions
from summaries.fetch import build_client
from summaries.models import Summary


class Pipeline(Protocol):
    """What handlers need from `summaries`; tests pass fakes with the same methods."""

    def summarize_text(
        self, text: str, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        """Summarise pasted text (CPU-bound; the bot calls it in a thread)."""
        ...

    def summarize_html(
        self, html: str, url: str | None, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        """Summarise an HTML document (CPU-bound; the bot calls it in a thread)."""
        ...

    async def summarize_url(
        self,
        url: str,
        client: httpx.AsyncClient,
        options: SummaryOptions,
        config: PipelineConfig,
    ) -> Summary:
        """Fetch and summarise a URL."""
        ...


class SummariesPipeline:
    """The real pipeline (`summaries.pipeline`)."""

    def __init__(self) -> None:
        self._impl = pipeline

    def summarize_text(
        self, text: str, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        """Summarise pasted text."""
        return self._impl.summarize_text(text, options, config)

    def summarize_html(
        self, html: str, url: str | None, options: SummaryOptions, config: PipelineConfig
    ) -> Summary:
        """Summarise an HTML document."""
        return self._impl.summarize_html(html, url, options, config)

    async def summarize_url(
        self,
        url: str,
        client: httpx.AsyncClient,
        options: SummaryOptions,
        config: PipelineConfig,
    ) -> Summary:
        """Fetch and summarise a URL."""
        return await self._impl.summarize_url(url, client, options, config)


def build_http_client(limits: FetchLimits) -> httpx.AsyncClient:
    """The shared client for article downloads (SSRF-guarded, capped)."""
    return build_client(limits)
