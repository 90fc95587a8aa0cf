"""Webhook replicas as real processes (`python -m bot`) behind a round-robin proxy, for the
multi-replica end-to-end tests and the load benchmark."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.bot_env import TOKEN
from tests.support.ports import unused_port
from tests.support.rr_proxy import RoundRobinProxy
from tests.support.waiting import eventually

ROOT = Path(__file__).resolve().parents[2]
WEBHOOK_SECRET = "replica-test-secret"  # noqa: S105 - a test value


@dataclass
class Replica:
    """One `python -m bot` process in webhook mode."""

    port: int
    proc: asyncio.subprocess.Process
    log: Path

    @property
    def worker_prefix(self) -> str:
        """The start of the worker name its jobs carry (`host:pid`)."""
        return f"{socket.gethostname()}:{self.proc.pid}"

    def kill(self) -> None:
        """SIGKILL to the replica's whole process group (it and its pipeline workers, as when
        its container dies): no shutdown code runs, its claimed jobs stay claimed until the
        lease ends, and no worker of it lingers."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)


@dataclass
class ReplicaSet:
    """Replicas plus the proxy in front of them."""

    replicas: list[Replica]
    proxy: RoundRobinProxy
    env: dict[str, str] = field(default_factory=dict)

    @property
    def webhook_url(self) -> str:
        """What Telegram is told to post to."""
        return f"http://127.0.0.1:{self.proxy.port}/telegram"


def bot_process_env(api_base_url: str, database_url: str, **settings: str) -> dict[str, str]:
    """Environment of a `python -m bot` process against the fake Bot API (polling unless
    WEBHOOK_* keys are added); `settings` become upper-cased variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return {
        **clean,
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api_base_url,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
        **{k.upper(): v for k, v in settings.items()},
    }


async def start_bot_process(env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """`python -m bot` with `env`, its output in `log` (working directory: the log's), as the
    leader of a process group of its own (which its worker processes join)."""
    out = log.open("wb")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=log.parent,
        env=env,
        stdout=out,
        stderr=out,
        start_new_session=True,
    )
    out.close()
    return proc


async def _start_replica(env: dict[str, str], port: int, log: Path) -> Replica:
    proc = await start_bot_process({**env, "WEBHOOK_PORT": str(port)}, log)
    return Replica(port, proc, log)


async def _healthy(port: int) -> bool:
    try:
        async with httpx.AsyncClient(timeout=1) as client:
            r = await client.get(f"http://127.0.0.1:{port}/healthz")
            return r.status_code == 200
    except httpx.HTTPError:
        return False


async def _until_healthy(r: Replica, env: dict[str, str], proxy: RoundRobinProxy) -> Replica:
    """Wait for `r` to answer /healthz. One that lost its port to another process between our
    pick and its bind (tests run beside other work) starts again on another port."""
    deadline = asyncio.get_running_loop().time() + 60
    for _ in range(3):
        while r.proc.returncode is None:
            if await _healthy(r.port) and r.proc.returncode is None:
                return r
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"replica not healthy: {r.log.read_text()[-2000:]}")
            await asyncio.sleep(0.1)
        log = r.log.read_text()
        if "cannot listen on" not in log:
            raise RuntimeError(f"replica exited: {log[-2000:]}")
        port = unused_port()
        proxy.backends[proxy.backends.index(r.port)] = port
        proxy.connections[port] = 0
        r = await _start_replica(env, port, r.log)
    raise RuntimeError(f"replica found no port to listen on: {r.log.read_text()[-2000:]}")


@contextlib.asynccontextmanager
async def replica_set(
    count: int, api_base_url: str, database_url: str, workdir: Path, **settings: str
) -> AsyncIterator[ReplicaSet]:
    """Start `count` webhook replicas and a round-robin proxy; SIGTERM them all on exit.

    `settings` become environment variables (upper-cased keys) of every replica.
    """
    ports = [unused_port() for _ in range(count)]
    proxy = RoundRobinProxy(ports)
    await proxy.start()
    env = bot_process_env(
        api_base_url,
        database_url,
        webhook_url=f"http://127.0.0.1:{proxy.port}/telegram",
        webhook_secret=WEBHOOK_SECRET,
        webhook_listen="127.0.0.1",
        **settings,
    )
    replicas = [
        await _start_replica(env, port, workdir / f"replica-{i}.log")
        for i, port in enumerate(ports)
    ]
    try:
        for i in range(count):
            replicas[i] = await _until_healthy(replicas[i], env, proxy)
        yield ReplicaSet(replicas, proxy, env)
    finally:
        for r in replicas:
            if r.proc.returncode is None:
                r.proc.send_signal(signal.SIGTERM)
        for r in replicas:
            try:
                await asyncio.wait_for(r.proc.wait(), 30)
            except TimeoutError:
                r.kill()
                await r.proc.wait()
        await proxy.stop()


__all__ = [
    "Replica",
    "ReplicaSet",
    "bot_process_env",
    "eventually",
    "replica_set",
    "start_bot_process",
]
