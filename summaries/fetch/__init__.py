"""Fetching one web page safely: address guard, caps on time, size and redirects, decoding."""

from __future__ import annotations

from summaries.fetch._fetch import build_client, fetch_page
from summaries.fetch._guard import AddressPolicy, check_url, parse_url
from summaries.fetch._limits import FetchLimits
from summaries.fetch._urls import canonical_url

__all__ = [
    "AddressPolicy",
    "FetchLimits",
    "build_client",
    "canonical_url",
    "check_url",
    "fetch_page",
    "parse_url",
]
