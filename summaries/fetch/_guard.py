"""SSRF guard for the fetcher: which URLs, hosts, addresses and ports may be fetched."""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import re
import socket
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from summaries.errors import BlockedAddress, ConnectionFailed, InvalidURL
from summaries.fetch._limits import FetchLimits

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: Schemes the fetcher speaks; everything else (file:, ftp:, data:, javascript:, …) is refused.
ALLOWED_SCHEMES = frozenset({"http", "https"})

#: Host names that always mean "this machine or this network" (RFC 6761 and common internal
#: suffixes). They would resolve to private addresses anyway; refusing them by name saves a
#: DNS query and covers resolvers that answer them with something odd.
BLOCKED_HOST_SUFFIXES = (
    "localhost",
    "localdomain",
    "local",
    "internal",
    "intranet",
    "lan",
    "home.arpa",
    "ip6-localhost",
    "ip6-loopback",
)

#: Longest URL we accept; longer ones are abuse, not news links.
MAX_URL_CHARS = 8192

#: What a DNS name may contain once IDNA-encoded (underscores occur in real host names).
_HOST_NAME = re.compile(r"[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\.?")


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which destinations the fetcher may connect to.

    `allow_private` switches every address and port check off (local testing only).
    `exempt_networks` are networks that pass even though they are not public; tests use it to
    let a first hop reach 127.0.0.1 while every other private address stays blocked.
    """

    allow_private: bool = False
    allowed_ports: tuple[int, ...] = (80, 443, 8080, 8443)
    exempt_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_limits(cls, limits: FetchLimits) -> AddressPolicy:
        """The policy the bot's `FetchLimits` ask for."""
        return cls(allow_private=limits.allow_private, allowed_ports=limits.allowed_ports)

    def check_port(self, port: int) -> None:
        """Raise BlockedAddress for a port outside the allowed list."""
        if not self.allow_private and port not in self.allowed_ports:
            raise BlockedAddress(f"port {port} is not allowed")

    def check_ip(self, ip: IPAddress) -> None:
        """Raise BlockedAddress unless `ip` is a public unicast address (or exempt)."""
        if self.allow_private or any(ip in net for net in self.exempt_networks):
            return
        if not is_public(ip):
            raise BlockedAddress(f"address {ip} is not public")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address tunnels to (mapped or 6to4), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip.sixtofour


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address (IPv4-mapped/6to4 judged by their IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return is_public(inner)
        if ip.is_site_local:
            return False
    # `is_global` alone lets multicast through (224.0.0.0/4 is "global" in the stdlib).
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _parse_ipv4_part(part: str) -> int | None:
    """One inet_aton component: decimal, 0-prefixed octal or 0x-prefixed hex."""
    try:
        if part[:2].lower() == "0x":
            digits = part[2:]
            # every character a hex digit: int(..., 16) would also accept another "0x" prefix
            if not all(c in "0123456789abcdefABCDEF" for c in digits):
                return None
            return int(digits, 16) if digits else None
        if len(part) > 1 and part.startswith("0"):
            return int(part[1:], 8)
        return int(part, 10) if part.isdigit() else None
    except ValueError:
        return None


def parse_numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Parse the legacy inet_aton forms resolvers accept (2130706433, 0x7f.1, 017700000001, 127.1).

    Returns None when `host` is not such a form; the resolver would treat it as a name.
    """
    parts = host.rstrip(".").split(".")
    if not 1 <= len(parts) <= 4 or any(not p or not p.isascii() for p in parts):
        return None
    values = [_parse_ipv4_part(p) for p in parts]
    if any(v is None for v in values):
        return None
    nums = [v for v in values if v is not None]
    *head, last = nums
    if any(v > 0xFF for v in head) or last >= 1 << (8 * (4 - len(head))):
        return None
    value = last
    for i, v in enumerate(head):
        value |= v << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def literal_ip(host: str) -> IPAddress | None:
    """The IP address a URL host spells literally (any IPv4 notation or IPv6), else None."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ip = ipaddress.ip_address(bare.split("%", 1)[0])
    except ValueError:
        return parse_numeric_ipv4(bare)
    return ip


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def _refuse_before_parsing(url: str, policy: AddressPolicy) -> None:
    """Refuse what its spelling alone shows must not be fetched, before strict parsing.

    A non-web scheme (file:, gopher:, …) and an internal address in a notation httpx calls
    malformed but resolvers accept (`0177.0.0.1`) get "not allowed" rather than "malformed".
    """
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        raise BlockedAddress(f"scheme {scheme.group(1).lower()!r} is not allowed")
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return
    ip = literal_ip(host)
    if ip is not None:
        policy.check_ip(ip)


def parse_url(url: str, policy: AddressPolicy | None = None) -> httpx.URL:
    """Parse and validate a user-supplied URL.

    Args:
        url: the link (or a redirect target).
        policy: when given, non-web schemes and literal internal addresses in any notation
            raise BlockedAddress first.

    Raises:
        BlockedAddress: (with a policy) a non-web scheme or a literal internal address.
        InvalidURL: not a string, too long, malformed, not http(s), or without a host.
    """
    if not isinstance(url, str) or len(url) > MAX_URL_CHARS:
        raise InvalidURL("not a usable URL")
    if policy is not None:
        _refuse_before_parsing(url.strip(), policy)
    try:
        parsed = httpx.URL(url.strip())
        host = parsed.raw_host.decode("ascii")
        _ = parsed.port  # a bad port raises here, not later
    except (httpx.InvalidURL, ValueError, TypeError) as exc:  # UnicodeError is a ValueError
        raise InvalidURL(f"malformed URL: {exc}") from exc
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise InvalidURL(f"scheme {parsed.scheme or '(none)'!r} is not http or https")
    if not host:
        raise InvalidURL("URL has no host")
    # httpx percent-encodes odd bytes into the host ("exa%20mple.com"); no real name has them.
    # IPv6 literals (the only hosts with ":") were validated by httpx already.
    if ":" not in host and not _HOST_NAME.fullmatch(host):
        raise InvalidURL(f"malformed host {host!r}")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise InvalidURL(f"port {parsed.port} is out of range")
    return parsed


def effective_port(url: httpx.URL) -> int:
    """The TCP port a request to `url` goes to."""
    if url.port is not None:
        return url.port
    return 443 if url.scheme == "https" else 80


def _blocked_name(host: str) -> bool:
    name = host.rstrip(".").lower()
    return any(name == s or name.endswith("." + s) for s in BLOCKED_HOST_SUFFIXES)


async def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the seam tests replace with a fake resolver).

    Raises:
        OSError: resolution failed (socket.gaierror).
    """
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def checked_addresses(host: str, port: int, policy: AddressPolicy) -> list[IPAddress]:
    """Resolve `host` and check every address it resolves to against `policy`.

    Raises:
        BlockedAddress: a blocked port, host name or address (one bad address blocks them all,
            so a resolver cannot mix a public and a private answer).
        ConnectionFailed: the name does not resolve.
        InvalidURL: the name cannot be encoded for DNS.
    """
    policy.check_port(port)
    literal = literal_ip(host)
    if literal is not None:
        policy.check_ip(literal)
        return [literal]
    if not policy.allow_private and _blocked_name(host):
        raise BlockedAddress(f"host {host!r} is internal")
    try:
        answers = await resolve_host(host, port)
    except UnicodeError as exc:
        raise InvalidURL(f"host {host!r} cannot be resolved: {exc}") from exc
    except OSError as exc:
        raise ConnectionFailed(f"could not resolve {host!r}: {exc}") from exc
    addresses: list[IPAddress] = []
    for answer in answers:
        try:
            addresses.append(ipaddress.ip_address(answer.split("%", 1)[0]))
        except ValueError as exc:
            raise ConnectionFailed(f"resolver returned {answer!r} for {host!r}") from exc
    if not addresses:
        raise ConnectionFailed(f"{host!r} has no addresses")
    for ip in addresses:
        policy.check_ip(ip)
    return addresses


async def check_url(url: httpx.URL, policy: AddressPolicy) -> None:
    """Check one hop's destination before any byte is sent to it (see `checked_addresses`)."""
    await checked_addresses(url.raw_host.decode("ascii"), effective_port(url), policy)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """A network backend that resolves, checks and then connects to the checked address.

    This closes the DNS-rebinding gap left by checking before the request: the name is
    resolved once, here, and the socket goes to an address that passed the policy. TLS still
    uses the URL's host name for SNI and certificate checks (httpcore passes it to start_tls).
    """

    def __init__(self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None):
        self._policy = policy
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's backend interface
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Connect to the first checked address of `host` that accepts the connection."""
        if self._policy.allow_private:
            return await self._inner.connect_tcp(
                host, port, timeout, local_address, socket_options
            )
        *others, last = await checked_addresses(host, port, self._policy)
        for ip in others:
            try:
                return await self._inner.connect_tcp(
                    str(ip), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue  # try the next address, in the resolver's order
        return await self._inner.connect_tcp(
            str(last), port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's backend interface
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Unix sockets are never a fetch target."""
        raise BlockedAddress("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        """Delegate to the wrapped backend."""
        await self._inner.sleep(seconds)


@functools.cache
def _verifying_ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for every client (loading the CA bundle takes ~0.1 s)."""
    return httpx.create_ssl_context(verify=True, trust_env=False)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport, with its connection pool built on `GuardedBackend`.

    Only the name `_pool` is borrowed from httpx (its request/response mapping is reused as is);
    the pool itself is built through httpcore's public API. Verification stays on, proxies and
    `trust_env` are not supported: a proxy would resolve names where we cannot check them.
    """

    def __init__(self, policy: AddressPolicy, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        ssl_context = _verifying_ssl_context()
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=GuardedBackend(policy),
        )
