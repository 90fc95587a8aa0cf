"""Ports for the servers tests start as separate processes (replicas, a private PostgreSQL)."""

from __future__ import annotations

import random
import socket

#: Below Linux's ephemeral range (32768–60999): the kernel hands those to every outgoing
#: connection and every bind to port 0 on the machine, so a port picked there and released
#: can be taken by someone else before our child process binds it.
_RANGE = (20000, 32000)


def unused_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now, outside the ephemeral range."""
    for _ in range(200):
        port = random.randint(*_RANGE)  # noqa: S311 - not a secret
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise OSError(f"no unused port found in {_RANGE[0]}-{_RANGE[1]}")
