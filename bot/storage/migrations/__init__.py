"""Versioned SQL migrations for the PostgreSQL store, applied in order under an advisory lock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from psycopg import AsyncConnection

#: Key of the transaction-level advisory lock that serialises migrations across replicas.
MIGRATION_LOCK_KEY = 0x6E657773  # "news"
_NAME = re.compile(r"(\d{4})_([a-z0-9_]+)\.sql")


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered SQL file."""

    version: int
    name: str
    sql: str


def load_migrations() -> tuple[Migration, ...]:
    """Every `NNNN_name.sql` file beside this module, by version.

    Raises:
        ValueError: two files share a version number.
    """
    found: dict[int, Migration] = {}
    for entry in resources.files(__package__).iterdir():
        match = _NAME.fullmatch(entry.name)
        if match is None:
            continue
        version = int(match.group(1))
        if version in found:
            raise ValueError(f"two migrations numbered {version}")
        found[version] = Migration(version, match.group(2), entry.read_text("utf-8"))
    return tuple(found[v] for v in sorted(found))


async def migrate(conn: AsyncConnection[object]) -> list[int]:
    """Apply the migrations this database lacks, in one transaction.

    The transaction first takes an advisory lock, so replicas starting together wait for each
    other: the first applies the migrations, the others then find nothing left to do.

    Returns:
        The versions applied now (empty when the schema was already current).
    """
    applied_now: list[int] = []
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK_KEY,))
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        cur = await conn.execute("SELECT version FROM schema_migrations")
        done = {int(row[0]) for row in await cur.fetchall()}  # type: ignore[index]
        for migration in load_migrations():
            if migration.version in done:
                continue
            await conn.execute(migration.sql.encode())
            await conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                (migration.version, migration.name),
            )
            applied_now.append(migration.version)
    return applied_now
