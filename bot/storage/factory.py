"""Pick a `Store` implementation from a DATABASE_URL."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.storage.base import Store, StoreError
from bot.storage.memory import MemoryStore
from bot.storage.shared import MemorySharedState, SharedState
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


def shared_state_for(store: Store) -> SharedState:
    """Where replicas share quotas, admin cache, fetch leases and paste parts: the PostgreSQL
    database when the store is one (several replicas may run), else this process's memory
    (SQLite means one process)."""
    # A store built from a postgresql:// URL imported the driver module; without it loaded the
    # store cannot be a PostgresStore, and the SQLite default does not load the driver here.
    if "bot.storage.postgres" in sys.modules:
        from bot.storage.postgres import PostgresStore
        from bot.storage.shared_postgres import PostgresSharedState

        if isinstance(store, PostgresStore):
            return PostgresSharedState(store)
    return MemorySharedState()
