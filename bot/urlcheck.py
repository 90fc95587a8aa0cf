"""Refuse links whose spelling alone shows they must not be fetched (plain, no Telegram).

The fetcher checks every hop's resolved address; this runs before it so that the user gets the
same clear "not allowed" answer for every internal destination, whatever notation it uses
(`0177.0.0.1` is refused by the URL parser as malformed, yet the system resolver reads it as
127.0.0.1) and for non-web schemes such as `file:` or `gopher:`.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from summaries.errors import BlockedAddress
from summaries.fetch import AddressPolicy

#: Schemes the bot fetches; every other scheme (file:, ftp:, gopher:, data:, …) is refused.
WEB_SCHEMES = frozenset({"http", "https"})


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host spells in any notation the system resolver accepts, else None."""
    bare = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if not bare or not all(c.isalnum() or c == "." for c in bare):
        return None
    try:
        # inet_aton reads the legacy forms: 2130706433, 0x7f.1, 0177.0.0.1, 127.1.
        return ipaddress.IPv4Address(socket.inet_aton(bare))
    except OSError:
        return None


def refuse_obvious(url: str, allow_private: bool) -> None:
    """Raise BlockedAddress for a non-web scheme or a literal non-public address.

    Args:
        url: The link as the bot will fetch it.
        allow_private: FETCH_ALLOW_PRIVATE; turns the address check (not the scheme check) off.

    Raises:
        BlockedAddress: the link must not be fetched.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return  # malformed: the fetcher explains that
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise BlockedAddress(f"scheme {scheme or '(none)'!r} is not allowed")
    if allow_private:
        return
    ip = literal_address(host)
    if ip is not None:
        AddressPolicy().check_ip(ip)
