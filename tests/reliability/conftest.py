"""Fixtures for fault, abuse and shutdown tests: the fake Bot API over HTTP, local pages, logs."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logs import configure_logging
from tests.support.articles import article_html
from tests.support.bot_env import TOKEN
from tests.support.page_server import PageServer, html_page


@pytest.fixture
def pages() -> Iterator[PageServer]:
    """A local page server with one good article at /article."""
    with PageServer() as server:
        server.route("/article", html_page(article_html()))
        yield server


@pytest.fixture
def logs() -> Iterator[io.StringIO]:
    """Every log line at DEBUG, through the bot's redacting handler; the token must never show."""
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = configure_logging("DEBUG", [TOKEN], stream)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    out = stream.getvalue()
    assert TOKEN not in out
    assert TOKEN.split(":", 1)[1] not in out
