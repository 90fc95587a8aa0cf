"""Real PostgreSQL for tests: a throwaway database per test on the local server, or skip (fail
under CI) when there is no server; and a private cluster that a test may stop and restart."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.support.ports import unused_port

#: The server tests create their databases on (trust auth on this machine kind).
ADMIN_URL = os.environ.get(
    "NEWSBRIEF_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)
HOW_TO_RUN = (
    "start PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres (e.g. `docker run -d "
    "-p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16`), or point "
    "NEWSBRIEF_TEST_POSTGRES at a server where that user may create databases"
)


def skip_or_fail(reason: str) -> None:
    """Skip the test, except under CI, where a skipped PostgreSQL test is a failure."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI must run the PostgreSQL tests)")
    pytest.skip(reason)


def _with_db(url: str, name: str) -> str:
    head, _, _ = url.rpartition("/")
    return f"{head}/{name}"


def _admin() -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        skip_or_fail(f"no PostgreSQL at {ADMIN_URL} ({str(exc).strip()}): {HOW_TO_RUN}")
        raise  # not reached: skip/fail raise


@contextlib.contextmanager
def scratch_database() -> Iterator[str]:
    """A new, empty database with a unique name; dropped (connections and all) afterwards."""
    name = f"newsbrief_test_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"'.encode())
    try:
        yield _with_db(ADMIN_URL, name)
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())


def terminate_connections(url: str) -> int:
    """Kill every server connection to `url`'s database (what a restart does to clients)."""
    name = url.rsplit("/", 1)[1]
    with _admin() as admin:
        cur = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        row = cur.fetchone()
    return int(row[0]) if row else 0


def _pg_bin() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


@dataclass
class PrivateCluster:
    """A PostgreSQL cluster of this test's own (another port), so it may be stopped freely."""

    bindir: Path
    datadir: Path
    port: int
    user: str | None  # run the server as this OS user (postgres refuses to run as root)

    @property
    def url(self) -> str:
        """DATABASE_URL of its `postgres` database."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)  # noqa: S603

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.datadir}"
        log = str(self.datadir / "server.log")
        self._run("pg_ctl", "-D", str(self.datadir), "-o", opts, "-l", log, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`fast` disconnects clients, as a restart does)."""
        self._run("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop")


@contextlib.contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    """initdb + start a cluster on a free port; stopped and removed afterwards.

    Skips (fails under CI) when the PostgreSQL server binaries are not installed.
    """
    bindir = _pg_bin()
    if bindir is None:
        skip_or_fail(
            "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (install the "
            "`postgresql` package) for the restart test, which needs a cluster of its own"
        )
        raise AssertionError("not reached")
    user = "postgres" if os.geteuid() == 0 else None
    if user is not None and shutil.which("runuser") is None:
        skip_or_fail("running as root without `runuser`: cannot start a private PostgreSQL")
    # not under pytest's tmp_path: root's 0700 folders there would keep the postgres user out
    datadir = Path(tempfile.mkdtemp(prefix="newsbrief-pg-"))
    try:
        if user is not None:
            shutil.chown(datadir, user)
        cluster = PrivateCluster(bindir, datadir, unused_port(), user)
        cluster._run("initdb", "-D", str(datadir), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        cluster.start()
        try:
            yield cluster
        finally:
            with contextlib.suppress(subprocess.SubprocessError):
                cluster.stop("immediate")
    finally:
        shutil.rmtree(datadir, ignore_errors=True)
