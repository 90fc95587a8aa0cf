"""The caps the fetcher enforces on every download."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Caps the fetcher enforces on every download."""

    max_bytes: int = 5 * 1024 * 1024
    timeout_s: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False
    allowed_ports: tuple[int, ...] = (80, 443, 8080, 8443)
    user_agent: str = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0 Safari/537.36 NewsBrief/0.1"
    )
