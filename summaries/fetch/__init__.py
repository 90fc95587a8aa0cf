"""Fetching one web page safely: address guard, caps on time, size and redirects, decoding."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summaries.fetch._limits import FetchLimits
from summaries.fetch._urls import canonical_url

if TYPE_CHECKING:
    from summaries.fetch._fetch import build_client, fetch_page
    from summaries.fetch._guard import AddressPolicy, check_url, parse_url

#: Names whose modules import httpx: loaded on first use, so that summarising pasted text or a
#: file never pays for the HTTP stack.
_LAZY = {
    "build_client": "summaries.fetch._fetch",
    "fetch_page": "summaries.fetch._fetch",
    "AddressPolicy": "summaries.fetch._guard",
    "check_url": "summaries.fetch._guard",
    "parse_url": "summaries.fetch._guard",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AddressPolicy",
    "FetchLimits",
    "build_client",
    "canonical_url",
    "check_url",
    "fetch_page",
    "parse_url",
]
