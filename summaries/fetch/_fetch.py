"""Download one web page safely: SSRF-checked hops, capped time and size, decoded text.

Every failure raises a `FetchError` subclass (see `summaries.errors`); no httpx exception
escapes. Redirects are followed here, not by httpx, so that every hop is checked.
"""

from __future__ import annotations

import asyncio
from http.cookiejar import CookieJar, DefaultCookiePolicy
from http.cookies import CookieError, SimpleCookie

import httpx

from summaries.errors import (
    BadStatus,
    ConnectionFailed,
    FetchTimeout,
    InvalidURL,
    PageNotFound,
    PageTooLarge,
    TooManyRedirects,
    UnsupportedContentType,
)
from summaries.fetch import _content
from summaries.fetch._decompress import ACCEPT_ENCODING, decoder_for
from summaries.fetch._guard import AddressPolicy, GuardedTransport, check_url, parse_url
from summaries.fetch._limits import FetchLimits
from summaries.models import FetchedPage

__all__ = ["AddressPolicy", "build_client", "fetch_page", "request_headers"]

#: Statuses that mean "follow the Location header".
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Statuses reported as "page not found" rather than a generic error.
NOT_FOUND_STATUSES = frozenset({404, 410})

#: What a browser asking for a page would send (text/plain and PDFs are welcome too).
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.8,*/*;q=0.5"
ACCEPT_LANGUAGE = "en-US,en;q=0.9,*;q=0.8"


def request_headers(limits: FetchLimits) -> dict[str, str]:
    """Headers sent with every hop; Accept-Encoding lists only what we can decode ourselves."""
    return {
        "User-Agent": limits.user_agent,
        "Accept": ACCEPT,
        "Accept-Language": ACCEPT_LANGUAGE,
        "Accept-Encoding": ACCEPT_ENCODING,
    }


def build_client(limits: FetchLimits, *, policy: AddressPolicy | None = None) -> httpx.AsyncClient:
    """Build the shared HTTP client the bot creates once at start-up.

    The client never follows redirects itself (`fetch_page` does, checking every hop), always
    verifies TLS, ignores proxy environment variables and keeps no cookies between fetches.
    Its transport resolves each host once, checks every address against the policy and
    connects to the checked address, which closes the DNS-rebinding gap between the check in
    `fetch_page` and the connection.

    Args:
        limits: the caps; `timeout_s` bounds each phase, `fetch_page` bounds the total.
        policy: address policy for connections; by default the one `limits` describes.
    """
    policy = policy or AddressPolicy.from_limits(limits)
    connect = min(limits.timeout_s, 10.0)
    return httpx.AsyncClient(
        transport=GuardedTransport(policy),
        follow_redirects=False,
        timeout=httpx.Timeout(limits.timeout_s, connect=connect),
        headers=request_headers(limits),
        trust_env=False,
        # A jar that accepts no domain: one user's fetch must not carry cookies into another's.
        cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
    )


async def fetch_page(
    url: str,
    client: httpx.AsyncClient,
    limits: FetchLimits,
    *,
    policy: AddressPolicy | None = None,
) -> FetchedPage:
    """Fetch `url` and return its decoded text.

    Follows up to `limits.max_redirects` redirects, checking every hop's scheme, port and
    resolved addresses; `limits.timeout_s` is a deadline for the whole fetch, body included.

    Args:
        url: what the user sent.
        client: the shared client (see `build_client`); its own redirect setting is overridden.
        limits: size, time, redirect and address caps.
        policy: overrides the address policy `limits` implies (tests use it to exempt
            127.0.0.1 while keeping every other private address blocked).

    Raises:
        InvalidURL, BlockedAddress, BadStatus, PageNotFound, FetchTimeout, PageTooLarge,
        TooManyRedirects, UnsupportedContentType, ConnectionFailed: see `summaries.errors`.
    """
    policy = policy or AddressPolicy.from_limits(limits)
    try:
        async with asyncio.timeout(limits.timeout_s):
            return await _follow(url, client, limits, policy)
    except TimeoutError as exc:
        raise FetchTimeout(limits.timeout_s) from exc


async def _follow(
    url: str, client: httpx.AsyncClient, limits: FetchLimits, policy: AddressPolicy
) -> FetchedPage:
    current = parse_url(url, policy)
    cookies = _HopCookies()
    for _ in range(limits.max_redirects + 1):
        # Checked before any byte is sent. A client from `build_client` checks again at connect
        # time and connects to the address it checked; any other client resolves the name once
        # more itself, and a rebinding DNS server could answer differently then.
        await check_url(current, policy)
        headers = request_headers(limits) | cookies.header_for(current)
        try:
            async with client.stream(
                "GET", current, headers=headers, follow_redirects=False
            ) as response:
                cookies.remember(current, response)
                location = _redirect_target(response)
                if location is None:
                    return await _read_page(response, limits)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(
                limits.timeout_s, f"timed out talking to {current.host}: {exc!r}"
            ) from exc
        except httpx.InvalidURL as exc:
            raise InvalidURL(str(exc)) from exc
        except (httpx.HTTPError, httpx.StreamError) as exc:
            raise ConnectionFailed(f"{current.host}: {exc!r}") from exc
        except OSError as exc:  # raised by a custom transport, never by httpx's own
            raise ConnectionFailed(f"{current.host}: {exc!r}") from exc
        current = _join(current, location, policy)
    raise TooManyRedirects(f"more than {limits.max_redirects} redirects")


def _redirect_target(response: httpx.Response) -> str | None:
    """The Location to follow, None for a final answer; raises for error statuses."""
    status = response.status_code
    if 300 <= status < 400:
        location = str(response.headers.get("location", "")).strip()
        if status not in REDIRECT_STATUSES or not location:
            raise BadStatus(status, f"HTTP status {status} without a usable Location")
        return location
    if status in NOT_FOUND_STATUSES:
        raise PageNotFound(status)
    if status >= 400 or status < 200:
        raise BadStatus(status)
    return None


def _join(base: httpx.URL, location: str, policy: AddressPolicy) -> httpx.URL:
    """Resolve a Location header against the URL it came from and validate the result."""
    try:
        target = base.join(location)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise InvalidURL(f"bad redirect target {location!r}") from exc
    return parse_url(str(target), policy)


async def _read_page(response: httpx.Response, limits: FetchLimits) -> FetchedPage:
    """Check the headers, read the capped body and decode it."""
    declared = _content.ContentType.parse(response.headers.get("content-type"))
    media = declared.media_type
    readable = _content.ACCEPTED_TYPES | _content.PDF_TYPES | _content.UNKNOWN_TYPES
    if media and media not in readable:
        raise UnsupportedContentType(media)  # before reading a byte of the body
    length = response.headers.get("content-length")
    if length is not None and length.strip().isdigit() and int(length) > limits.max_bytes:
        raise PageTooLarge(limits.max_bytes, f"Content-Length {int(length)} is over the cap")
    body = await _read_body(response, limits.max_bytes, media or "unknown")
    media = _content.resolve_media_type(media, body)
    if media == _content.PDF_TYPE:
        return FetchedPage(
            url=str(response.url),
            status=response.status_code,
            content_type=media,
            text="",
            encoding="binary",
            body=body,
        )
    codec = _content.declared_charset(declared.charset, media, body)
    if codec is None:
        codec = await asyncio.to_thread(_content.guess_charset, body)
    return FetchedPage(
        url=str(response.url),
        status=response.status_code,
        content_type=media,
        text=_content.decode(body, codec),
        encoding=codec,
    )


async def _read_body(response: httpx.Response, cap: int, media: str) -> bytes:
    """Read the raw stream, undoing Content-Encoding ourselves, at most `cap` bytes either side.

    httpx would inflate each gzip chunk whole, so a small bomb could grow to hundreds of MB
    before any cap applied; reading raw bytes keeps both sizes bounded.
    """
    decoder = decoder_for(response.headers.get("content-encoding", ""), cap, media)
    raw = 0
    body = bytearray()
    async for chunk in response.aiter_raw():
        raw += len(chunk)
        if raw > cap:
            raise PageTooLarge(cap)
        body += decoder.feed(chunk)
        if len(body) > cap:
            raise PageTooLarge(cap)
    body += decoder.flush()
    if len(body) > cap:
        raise PageTooLarge(cap)
    return bytes(body)


class _HopCookies:
    """Cookies set during one fetch, sent back only to the host that set them.

    Sites often set a cookie and redirect to themselves (consent, A/B buckets); without it they
    loop until the redirect cap. The shared client keeps none, so nothing leaks across fetches.
    """

    def __init__(self) -> None:
        self._by_host: dict[str, dict[str, str]] = {}

    def remember(self, url: httpx.URL, response: httpx.Response) -> None:
        """Keep name=value of every Set-Cookie header for the response's host."""
        jar = self._by_host.setdefault(url.host, {})
        for header in response.headers.get_list("set-cookie"):
            parsed = SimpleCookie()
            try:
                parsed.load(header)
            except CookieError:
                continue
            for name, morsel in parsed.items():
                jar[name] = morsel.value

    def header_for(self, url: httpx.URL) -> dict[str, str]:
        """A Cookie header for `url`'s host, if it set any cookies."""
        jar = self._by_host.get(url.host)
        if not jar:
            return {}
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
