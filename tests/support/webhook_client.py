"""The fake Telegram's side of webhook delivery: POSTs over up to `max_connections` persistent
HTTP/1.1 connections, as Telegram keeps them open to a bot's webhook.

A small client of its own rather than httpx: the fake Bot API, the users and (in the load
benchmark) this client share one event loop, and httpx's connection pool spent more of that loop
per request (pool bookkeeping, a readability check of every pooled socket) than the replicas
spent taking the update in, so the benchmark measured its own client. Here a post is one write
and one read of the answer on an idle connection.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(eq=False)
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()


class WebhookError(Exception):
    """The post got no HTTP answer (refused, reset, timed out, not HTTP)."""


@dataclass
class WebhookClient:
    """Posts JSON bodies to one `http://host:port/path` URL at a time (the current webhook)."""

    max_connections: int = 100
    timeout_s: float = 30.0
    _idle: list[_Connection] = field(default_factory=list)
    _open: int = 0
    _slot_freed: asyncio.Event = field(default_factory=asyncio.Event)
    _target: tuple[str, int] | None = None

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> int:
        """POST `body` to `url`; returns the HTTP status.

        Raises:
            WebhookError: no answer (the caller retries, as Telegram does).
        """
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.hostname is None:
            raise WebhookError(f"only http:// webhooks are delivered here: {url}")
        target = (parts.hostname, parts.port or 80)
        if target != self._target:  # a new webhook: connections to the old one are useless
            self.close()
            self._target = target
        conn = await self._connection(target)
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        request = (
            f"POST {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\n{head}"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode("latin-1") + body
        try:
            status, keep = await asyncio.wait_for(self._exchange(conn, request), self.timeout_s)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self._discard(conn)
            raise WebhookError(repr(exc)) from exc
        if keep and self._target == target:
            self._idle.append(conn)
            self._slot_freed.set()
        else:
            self._discard(conn)
        return status

    async def _connection(self, target: tuple[str, int]) -> _Connection:
        while not self._idle and self._open >= self.max_connections:
            self._slot_freed.clear()
            await self._slot_freed.wait()
        if self._idle:
            return self._idle.pop()
        self._open += 1
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(*target), self.timeout_s
            )
        except (OSError, TimeoutError) as exc:
            self._open -= 1
            self._slot_freed.set()
            raise WebhookError(repr(exc)) from exc
        return _Connection(reader, writer)

    @staticmethod
    async def _exchange(conn: _Connection, request: bytes) -> tuple[int, bool]:
        """Send one request, read its answer; returns the status and whether the connection
        may carry another request."""
        conn.writer.write(request)
        await conn.writer.drain()
        status_line = await conn.reader.readuntil(b"\r\n")
        status = int(status_line.split()[1])
        length, keep = 0, not status_line.startswith(b"HTTP/1.0")
        while (line := await conn.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "connection":
                keep = value != "close"
            elif name == "transfer-encoding":
                raise ValueError("chunked answers are not expected from a webhook")
        await conn.reader.readexactly(length)
        return status, keep

    def _discard(self, conn: _Connection) -> None:
        conn.close()
        self._open -= 1
        self._slot_freed.set()

    def close(self) -> None:
        """Close every idle connection (busy ones close when their post ends)."""
        for conn in self._idle:
            conn.close()
        self._open -= len(self._idle)
        self._idle.clear()
        self._slot_freed.set()
