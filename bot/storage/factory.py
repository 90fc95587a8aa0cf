"""Pick a `Store` implementation from a DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

from bot.storage.base import Store, StoreError
from bot.storage.memory import MemoryStore
from bot.storage.sqlite import SQLiteStore


def store_for_url(url: str) -> Store:
    """Build (not open) the store a URL names.

    Accepted forms: `sqlite:///relative/or/absolute.sqlite3`, a bare file path, `memory://`, or
    `postgresql://user@host:port/db` (also `postgres://`).

    Raises:
        StoreError: for a scheme we have no backend for.
    """
    if url.startswith("memory:"):
        return MemoryStore()
    if url.startswith("sqlite:///"):
        return SQLiteStore(Path(url.removeprefix("sqlite:///")))
    if url.startswith(("postgresql://", "postgres://")):
        # imported here so the SQLite default never loads the PostgreSQL driver
        from bot.storage.postgres import PostgresStore

        return PostgresStore(url)
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(
            f"unsupported DATABASE_URL scheme {scheme!r} (use sqlite:///path or postgresql://…)"
        )
    return SQLiteStore(Path(url))
