"""fetch_page against a real local HTTP server, plus the SSRF guard without any network."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import ipaddress
import shutil
import socket
import ssl
import subprocess
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.provisional import urls as hypothesis_urls

from summaries.config import FetchLimits
from summaries.errors import (
    BadStatus,
    BlockedAddress,
    ConnectionFailed,
    FetchTimeout,
    InvalidURL,
    PageNotFound,
    PageTooLarge,
    SummaryError,
    TooManyRedirects,
    UnsupportedContentType,
)
from summaries.fetch import _guard
from summaries.fetch._decompress import decoder_for
from summaries.fetch._fetch import AddressPolicy, build_client, fetch_page
from tests.support.page_server import (
    Page,
    PageServer,
    gzip_page,
    html_page,
    redirect,
    text_page,
)

#: Served pages live on 127.0.0.1, so these tests switch the address checks off.
LOCAL = FetchLimits(allow_private=True, timeout_s=2.0, max_bytes=1024 * 1024)
#: The bot's defaults for the checks, with a short deadline.
STRICT = FetchLimits(allow_private=False, timeout_s=2.0, max_bytes=1024 * 1024)

ARTICLE = (
    "<!doctype html><html><head><title>Harbour reopens</title></head><body>"
    "<article><p>The harbour reopened on Monday after repairs.</p></article></body></html>"
)
RUSSIAN = "Городской совет утвердил новый бюджет на следующий год. Депутаты обсудили расходы. "


@pytest.fixture
def server() -> Iterator[PageServer]:
    with PageServer() as running:
        yield running


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with build_client(LOCAL) as shared:
        yield shared


Resolver = Callable[[str, int], Awaitable[list[str]]]


def fake_resolver(table: dict[str, list[str]]) -> Resolver:
    """A resolver answering from `table`; unknown names fail like NXDOMAIN."""

    async def resolve(host: str, port: int) -> list[str]:
        if host in table:
            return table[host]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    return resolve


class _Body(httpx.AsyncByteStream):
    """A response body that is really streamed (httpx reads a bytes `content` eagerly)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._data


def mock_page(body: bytes, content_type: str = "text/html") -> httpx.Response:
    """A mock transport's answer, streamed like a real one."""
    return httpx.Response(200, headers={"Content-Type": content_type}, stream=_Body(body))


def unreachable_client() -> httpx.AsyncClient:
    """A client whose transport fails the test if any request gets that far."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"a request reached the network: {request.url}")

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


# --- served pages --------------------------------------------------------------------------


async def test_html_page(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route("/news/1", html_page(ARTICLE))
    page = await fetch_page(url, client, LOCAL)
    assert page.status == 200
    assert page.url == url
    assert page.content_type == "text/html"
    assert page.encoding == "utf-8"
    assert "The harbour reopened on Monday" in page.text


async def test_plain_text_page(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route("/t.txt", text_page("Plain words, no tags.\n"))
    page = await fetch_page(url, client, LOCAL)
    assert page.content_type == "text/plain"
    assert page.text == "Plain words, no tags.\n"


async def test_xhtml_page(server: PageServer, client: httpx.AsyncClient) -> None:
    body = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>x</p></html>'
    url = server.route("/x", Page(body=body, headers=(("Content-Type", "application/xhtml+xml"),)))
    page = await fetch_page(url, client, LOCAL)
    assert page.content_type == "application/xhtml+xml"


async def test_request_headers(server: PageServer, client: httpx.AsyncClient) -> None:
    await fetch_page(server.route("/h", html_page(ARTICLE)), client, LOCAL)
    sent = server.requests[-1].headers
    assert sent["user-agent"] == LOCAL.user_agent
    assert sent["accept"].startswith("text/html")
    # Only codings we decode ourselves: no br without the brotli module, no zstd.
    assert sent["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize(("status", "error"), [(404, PageNotFound), (410, PageNotFound)])
async def test_not_found(
    server: PageServer, client: httpx.AsyncClient, status: int, error: type[BadStatus]
) -> None:
    url = server.route("/gone", html_page("<p>gone</p>", status=status))
    with pytest.raises(error) as caught:
        await fetch_page(url, client, LOCAL)
    assert caught.value.status == status


@pytest.mark.parametrize("status", [400, 403, 429, 500, 503])
async def test_error_status(server: PageServer, client: httpx.AsyncClient, status: int) -> None:
    url = server.route("/err", html_page("<p>error</p>", status=status))
    with pytest.raises(BadStatus) as caught:
        await fetch_page(url, client, LOCAL)
    assert not isinstance(caught.value, PageNotFound)
    assert caught.value.status == status


async def test_slow_first_byte(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route("/slow", Page(body=b"<p>late</p>", delay_s=5.0))
    with pytest.raises(FetchTimeout):
        await fetch_page(url, client, FetchLimits(allow_private=True, timeout_s=0.3))


async def test_endless_slow_body(server: PageServer, client: httpx.AsyncClient) -> None:
    def dribble() -> Iterator[bytes]:
        for _ in range(1000):  # bounded; the server stops it at shutdown anyway
            yield b"<p>more</p>"

    url = server.route(
        "/drip",
        Page(headers=(("Content-Type", "text/html"),), stream=dribble, chunk_delay_s=0.02),
    )
    # Each chunk arrives well within any per-read timeout: only the total deadline stops it.
    with pytest.raises(FetchTimeout):
        await fetch_page(url, client, FetchLimits(allow_private=True, timeout_s=0.4))


async def test_deadline_covers_all_hops(server: PageServer, client: httpx.AsyncClient) -> None:
    for i in range(4):
        server.route(
            f"/hop{i}", Page(status=302, headers=(("Location", f"/hop{i + 1}"),), delay_s=0.15)
        )
    server.route("/hop4", html_page(ARTICLE))
    with pytest.raises(FetchTimeout):
        await fetch_page(
            server.url("/hop0"), client, FetchLimits(allow_private=True, timeout_s=0.4)
        )


def _many_chunks(count: int, size: int = 64 * 1024) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        for _ in range(count):
            yield b"a" * size

    return chunks


async def test_huge_body_without_length(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route(
        "/huge",
        Page(
            headers=(("Content-Type", "text/html"),), stream=_many_chunks(40), content_length=False
        ),
    )
    with pytest.raises(PageTooLarge) as caught:
        await fetch_page(url, client, LOCAL)
    assert caught.value.limit_bytes == LOCAL.max_bytes


async def test_huge_content_length_is_refused_before_the_body(
    server: PageServer, client: httpx.AsyncClient
) -> None:
    # The server announces 50 MB but sends 10 bytes and waits: reading would time out.
    url = server.route(
        "/big",
        Page(
            body=b"<p>start</p>",
            headers=(("Content-Type", "text/html"),),
            content_length=50_000_000,
        ),
    )
    with pytest.raises(PageTooLarge):
        await fetch_page(url, client, LOCAL)


@pytest.mark.parametrize(
    ("content_type", "body", "reported"),
    [
        ("image/png", b"\x89PNG\r\n\x1a\n....", "image/png"),
        ("application/json", b'{"a": 1}', "application/json"),
        ("video/mp4", b"\x00\x00\x00\x18ftypmp42", "video/mp4"),
        ("text/html", b"<html>\x00\x01\x02\x00binary</html>", "application/octet-stream"),
        (None, b"\x00\x01\x02\x03\x04\x05 raw bytes", "application/octet-stream"),
    ],
)
async def test_unsupported_content(
    server: PageServer,
    client: httpx.AsyncClient,
    content_type: str | None,
    body: bytes,
    reported: str,
) -> None:
    headers = (("Content-Type", content_type),) if content_type else ()
    url = server.route("/file", Page(body=body, headers=headers))
    with pytest.raises(UnsupportedContentType) as caught:
        await fetch_page(url, client, LOCAL)
    assert caught.value.content_type == reported


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary body \x00\x01"),
        ("text/html; charset=utf-8", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3"),  # misdeclared
        (None, b"%PDF-1.5 body"),
        ("application/octet-stream", b"%PDF-1.5 body"),
    ],
)
async def test_pdf_comes_back_as_bytes(
    server: PageServer, client: httpx.AsyncClient, content_type: str | None, body: bytes
) -> None:
    headers = (("Content-Type", content_type),) if content_type else ()
    url = server.route("/paper.pdf", Page(body=body, headers=headers))
    page = await fetch_page(url, client, LOCAL)
    assert (page.content_type, page.body, page.text) == ("application/pdf", body, "")


async def test_pdf_over_the_byte_cap_is_refused(
    server: PageServer, client: httpx.AsyncClient
) -> None:
    body = b"%PDF-1.7\n" + b"0" * 300_000
    url = server.route("/big.pdf", Page(body=body, headers=(("Content-Type", "application/pdf"),)))
    with pytest.raises(PageTooLarge):
        await fetch_page(url, client, dataclasses.replace(LOCAL, max_bytes=100_000))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (ARTICLE.encode(), "text/html"),
        (b"\n  <HTML><body><p>shouting tags</p></body></HTML>", "text/html"),
        (b"Just some words.\nAnd a second line.\n", "text/plain"),
    ],
)
async def test_missing_content_type_is_sniffed(
    server: PageServer, client: httpx.AsyncClient, body: bytes, expected: str
) -> None:
    url = server.route("/bare", Page(body=body))
    page = await fetch_page(url, client, LOCAL)
    assert page.content_type == expected


@pytest.mark.parametrize(
    ("text", "charset", "codec"),
    [
        ("<p>Café crème à la française, naïve façade.</p>", "iso-8859-1", "cp1252"),
        ("<p>“Smart quotes” and an em dash — in windows-1252.</p>", "windows-1252", "cp1252"),
        (f"<p>{RUSSIAN}</p>", "windows-1251", "cp1251"),
        (f"<p>{RUSSIAN}</p>", "koi8-r", "koi8-r"),
    ],
)
async def test_charset_from_header(
    server: PageServer, client: httpx.AsyncClient, text: str, charset: str, codec: str
) -> None:
    url = server.route("/cs", html_page(text, charset=charset))
    page = await fetch_page(url, client, LOCAL)
    assert page.encoding == codec
    assert text in page.text


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1251">',
        "<meta charset=cp1251>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
async def test_charset_from_meta(server: PageServer, client: httpx.AsyncClient, meta: str) -> None:
    html = f"<html><head>{meta}<title>Бюджет</title></head><body><p>{RUSSIAN}</p></body></html>"
    url = server.route(
        "/meta", Page(body=html.encode("cp1251"), headers=(("Content-Type", "text/html"),))
    )
    page = await fetch_page(url, client, LOCAL)
    assert page.encoding == "cp1251"
    assert RUSSIAN in page.text


async def test_header_charset_wins_over_meta(
    server: PageServer, client: httpx.AsyncClient
) -> None:
    html = f'<html><head><meta charset="utf-8"></head><body><p>{RUSSIAN}</p></body></html>'
    url = server.route("/both", html_page(html, charset="windows-1251"))
    page = await fetch_page(url, client, LOCAL)
    assert RUSSIAN in page.text


async def test_undeclared_charset_is_guessed(
    server: PageServer, client: httpx.AsyncClient
) -> None:
    html = f"<html><body><p>{RUSSIAN * 6}</p></body></html>"
    url = server.route(
        "/guess", Page(body=html.encode("cp1251"), headers=(("Content-Type", "text/html"),))
    )
    page = await fetch_page(url, client, LOCAL)
    assert RUSSIAN in page.text


@pytest.mark.parametrize("label", ["bogus-charset", "base64", "rot13", "undefined", "utf-8\\x"])
async def test_bad_charset_names_do_not_raise(
    server: PageServer, client: httpx.AsyncClient, label: str
) -> None:
    body = f'<html><head><meta charset="{label}"></head><body><p>Olá, señor</p></body></html>'
    url = server.route(
        "/bad",
        Page(body=body.encode(), headers=(("Content-Type", f"text/html; charset={label}"),)),
    )
    page = await fetch_page(url, client, LOCAL)
    assert "Olá, señor" in page.text
    assert page.encoding == "utf-8"


async def test_redirect_chain_within_cap(server: PageServer, client: httpx.AsyncClient) -> None:
    server.route("/a", redirect("/b", 301))
    server.route("/b", redirect(server.url("/c"), 307))  # absolute
    server.route("/c", redirect("d", 308))  # relative to /c
    server.route("/d", html_page(ARTICLE))
    page = await fetch_page(server.url("/a"), client, LOCAL)
    assert page.url == server.url("/d")
    assert server.paths_requested() == ["/a", "/b", "/c", "/d"]


async def test_too_many_redirects(server: PageServer, client: httpx.AsyncClient) -> None:
    for i in range(5):
        server.route(f"/r{i}", redirect(f"/r{i + 1}"))
    server.route("/r5", html_page(ARTICLE))
    limits = FetchLimits(allow_private=True, timeout_s=2.0, max_redirects=3)
    with pytest.raises(TooManyRedirects):
        await fetch_page(server.url("/r0"), client, limits)
    assert server.paths_requested() == ["/r0", "/r1", "/r2", "/r3"]


async def test_redirect_loop(server: PageServer, client: httpx.AsyncClient) -> None:
    server.route("/loop", redirect("/loop"))
    with pytest.raises(TooManyRedirects):
        await fetch_page(server.url("/loop"), client, LOCAL)


async def test_redirect_without_location(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route("/nowhere", Page(status=302))
    with pytest.raises(BadStatus) as caught:
        await fetch_page(url, client, LOCAL)
    assert caught.value.status == 302


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("file:///etc/passwd", BlockedAddress),
        ("ftp://example.com/x", BlockedAddress),
        ("gopher://x/", BlockedAddress),
        # httpx cannot even build this redirect request, so it is malformed before it is ours
        ("javascript:alert(1)", InvalidURL),
    ],
)
async def test_redirect_to_other_scheme(
    server: PageServer, client: httpx.AsyncClient, target: str, error: type[Exception]
) -> None:
    url = server.route("/jump", redirect(target))
    with pytest.raises(error):
        await fetch_page(url, client, LOCAL)


async def test_cookie_set_during_redirect_is_sent_back(
    server: PageServer, client: httpx.AsyncClient
) -> None:
    server.route(
        "/consent",
        Page(status=302, headers=(("Location", "/article"), ("Set-Cookie", "ok=1; Path=/"))),
    )
    server.route(
        "/article",
        lambda req: (
            html_page(ARTICLE) if req.headers.get("cookie") == "ok=1" else redirect("/consent")
        ),
    )
    page = await fetch_page(server.url("/consent"), client, LOCAL)
    assert page.url == server.url("/article")
    # The shared client keeps nothing for the next fetch.
    assert not client.cookies


async def test_gzip_page(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route("/gz", gzip_page(ARTICLE.encode()))
    page = await fetch_page(url, client, LOCAL)
    assert page.text == ARTICLE


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
async def test_deflate_page(server: PageServer, client: httpx.AsyncClient, wbits: int) -> None:
    packer = zlib.compressobj(wbits=wbits)
    body = packer.compress(ARTICLE.encode()) + packer.flush()
    url = server.route(
        "/deflate",
        Page(body=body, headers=(("Content-Type", "text/html"), ("Content-Encoding", "deflate"))),
    )
    page = await fetch_page(url, client, LOCAL)
    assert page.text == ARTICLE


async def test_gzip_bomb(server: PageServer, client: httpx.AsyncClient) -> None:
    bomb = gzip.compress(b"\0" * (10 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 20 * 1024  # tiny on the wire, 10 MB inflated
    url = server.route(
        "/bomb",
        Page(body=bomb, headers=(("Content-Type", "text/html"), ("Content-Encoding", "gzip"))),
    )
    with pytest.raises(PageTooLarge):
        await fetch_page(url, client, LOCAL)


async def test_unknown_content_encoding(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route(
        "/br",
        Page(
            body=b"\x1b\x00\x00",
            headers=(("Content-Type", "text/html"), ("Content-Encoding", "br")),
        ),
    )
    with pytest.raises(UnsupportedContentType):
        await fetch_page(url, client, LOCAL)


async def test_corrupt_gzip(server: PageServer, client: httpx.AsyncClient) -> None:
    url = server.route(
        "/bad.gz",
        Page(
            body=b"\x1f\x8b\x08\x00garbage-not-deflate",
            headers=(("Content-Type", "text/html"), ("Content-Encoding", "gzip")),
        ),
    )
    with pytest.raises(ConnectionFailed):
        await fetch_page(url, client, LOCAL)


async def test_connection_dropped_mid_body(server: PageServer, client: httpx.AsyncClient) -> None:
    body = ARTICLE.encode() * 50
    url = server.route(
        "/cut", Page(body=body, headers=(("Content-Type", "text/html"),), drop_after=100)
    )
    with pytest.raises(ConnectionFailed):
        await fetch_page(url, client, LOCAL)


async def test_connection_refused(client: httpx.AsyncClient) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ConnectionFailed):
        await fetch_page(f"http://127.0.0.1:{port}/", client, LOCAL)


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[PageServer]:
    """An https server with a self-signed certificate for 127.0.0.1."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with PageServer(tls=context) as running:
        yield running


async def test_tls_is_always_verified(tls_server: PageServer) -> None:
    # Even with the address checks off, an untrusted certificate is a failed connection.
    url = tls_server.route("/secure", html_page(ARTICLE))
    assert url.startswith("https://")
    async with build_client(LOCAL) as client:
        with pytest.raises(ConnectionFailed):
            await fetch_page(url, client, LOCAL)
    assert tls_server.requests == []


async def test_plain_httpx_client_works_too(server: PageServer) -> None:
    # fetch_page must keep its guarantees with any client, even one that follows redirects.
    server.route("/p", redirect("/q"))
    server.route("/q", gzip_page(ARTICLE.encode()))
    async with httpx.AsyncClient(follow_redirects=True) as plain:
        page = await fetch_page(server.url("/p"), plain, LOCAL)
    assert page.text == ARTICLE
    assert server.paths_requested() == ["/p", "/q"]


def _decode_in_pieces(encoding: str, data: bytes, cap: int, piece: int) -> bytes:
    decoder = decoder_for(encoding, cap, "text/html")
    out = b"".join(decoder.feed(data[i : i + piece]) for i in range(0, len(data), piece))
    return out + decoder.flush()


@pytest.mark.parametrize("piece", [1, 7, 4096])
def test_decoder_byte_by_byte_and_multi_member(piece: int) -> None:
    two_members = gzip.compress(b"first ") + gzip.compress(b"second") + b"\0" * 16
    assert _decode_in_pieces("gzip", two_members, 1000, piece) == b"first second"
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    deflated = raw.compress(b"raw deflate") + raw.flush()
    assert _decode_in_pieces("deflate", deflated, 1000, piece) == b"raw deflate"
    layered = gzip.compress(zlib.compress(b"two layers"))  # deflate first, then gzip
    assert _decode_in_pieces("deflate, gzip", layered, 1000, piece) == b"two layers"


def test_decoder_caps_inflated_size_not_compressed_size() -> None:
    bomb = gzip.compress(b"a" * 200_000)
    assert _decode_in_pieces("gzip", bomb, 200_000, 512) == b"a" * 200_000
    with pytest.raises(PageTooLarge):
        _decode_in_pieces("gzip", bomb, 199_999, 512)


def test_truncated_gzip_keeps_what_arrived() -> None:
    text = " ".join(f"word{i}" for i in range(3000)).encode()
    whole = gzip.compress(text)
    partial = _decode_in_pieces("gzip", whole[: len(whole) // 2], 100_000, 64)
    assert len(partial) > 1000
    assert text.startswith(partial)


# --- the address guard -----------------------------------------------------------------------

SSRF_URLS = [
    # non-web schemes, and a notation httpx calls malformed that resolvers read as 127.0.0.1
    "file:///etc/passwd",
    "ftp://example.com/file",
    "gopher://example.com:70/",
    "data:text/html,<p>hi</p>",
    "javascript:alert(1)",
    "ws://example.com/",
    "http://0177.0.0.1/",
    "http://127.0.0.1/",
    "http://127.0.0.2:8080/",
    "http://localhost/",
    "http://LOCALHOST./admin",
    "http://app.localhost/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://0.0.0.0/",
    "http://0/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://127.1/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://[::1]/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:7f00:1]/",
    "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://[ff02::1]/",
    "http://[2002:7f00:1::]/",
    "http://[64:ff9b::7f00:1]/",
    "https://user:pass@127.0.0.1/",
    "http://example.com@127.0.0.1/",
    # Names that resolve to internal addresses (fake resolver below).
    "http://loopback.example/",
    "http://intranet-wiki.example/",
    "http://mixed.example/",
    "http://metadata6.example/",
    # Ports outside the allowed list on a public address.
    "http://public.example:22/",
    "http://93.184.216.34:6379/",
    "https://public.example:9200/",
]

RESOLVER_TABLE = {
    "loopback.example": ["127.0.0.1"],
    "intranet-wiki.example": ["192.168.10.20"],
    "mixed.example": ["93.184.216.34", "10.0.0.7"],  # one private answer blocks them all
    "metadata6.example": ["fd00:ec2::254"],
    "public.example": ["93.184.216.34"],
}


@pytest.mark.parametrize("url", SSRF_URLS)
async def test_blocked_addresses(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_guard, "resolve_host", fake_resolver(RESOLVER_TABLE))
    async with unreachable_client() as client:
        with pytest.raises(BlockedAddress):
            await fetch_page(url, client, STRICT)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "not a url",
        "example.com/news",
        "//example.com/news",
        "http://",
        "http:///path-only",
        "http://exa mple.com/",
        "http://[::1/",
        "http://example.com:99999/",
        "http://example.com:port/",
        "http://999.1.1.1/",
        "http://" + "a" * 9000 + ".com/",
    ],
)
async def test_invalid_urls(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_guard, "resolve_host", fake_resolver(RESOLVER_TABLE))
    async with unreachable_client() as client:
        with pytest.raises(InvalidURL):
            await fetch_page(url, client, STRICT)


async def test_real_resolver_answers_are_checked() -> None:
    # The system resolver (from /etc/hosts, no network): "localhost" is loopback, so blocked
    # even if it were not refused by name first.
    answers = await _guard.resolve_host("localhost", 80)
    assert answers
    for answer in answers:
        with pytest.raises(BlockedAddress):
            AddressPolicy().check_ip(ipaddress.ip_address(answer))


async def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_guard, "resolve_host", fake_resolver({}))
    async with unreachable_client() as client:
        with pytest.raises(ConnectionFailed):
            await fetch_page("https://no-such-host.example/", client, STRICT)


async def test_public_address_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_guard, "resolve_host", fake_resolver(RESOLVER_TABLE))
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return mock_page(ARTICLE.encode())

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        page = await fetch_page("https://public.example:8443/story", client, STRICT)
    assert page.content_type == "text/html"
    assert seen == ["https://public.example:8443/story"]


async def test_redirect_to_metadata_address_is_blocked(server: PageServer) -> None:
    # The first hop may reach 127.0.0.1 only because the policy exempts it; the redirect
    # target is checked with the same policy and 169.254.169.254 is not exempt.
    policy = AddressPolicy(
        allowed_ports=(80, 443, server.port),
        exempt_networks=(ipaddress.ip_network("127.0.0.0/8"),),
    )
    server.route("/out", redirect("http://169.254.169.254/latest/meta-data/iam/"))
    async with build_client(STRICT, policy=policy) as client:
        with pytest.raises(BlockedAddress):
            await fetch_page(server.url("/out"), client, STRICT, policy=policy)
    assert server.paths_requested() == ["/out"]


@pytest.mark.parametrize("target", ["http://10.1.2.3/", "http://[::1]/", "http://localhost/"])
async def test_redirect_to_private_address_is_blocked(server: PageServer, target: str) -> None:
    policy = AddressPolicy(
        allowed_ports=(80, 443, server.port),
        exempt_networks=(ipaddress.ip_network("127.0.0.1/32"),),
    )
    server.route("/out", redirect(target))
    async with build_client(STRICT, policy=policy) as client:
        with pytest.raises(BlockedAddress):
            await fetch_page(server.url("/out"), client, STRICT, policy=policy)


async def test_client_connects_to_the_checked_address(
    server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A public-looking name resolved once by our resolver: the socket goes to that address
    # and the Host header keeps the name.
    monkeypatch.setattr(_guard, "resolve_host", fake_resolver({"news.example": ["127.0.0.1"]}))
    policy = AddressPolicy(
        allowed_ports=(server.port,), exempt_networks=(ipaddress.ip_network("127.0.0.1/32"),)
    )
    server.route("/story", html_page(ARTICLE))
    url = f"http://news.example:{server.port}/story"
    async with build_client(STRICT, policy=policy) as client:
        page = await fetch_page(url, client, STRICT, policy=policy)
    assert page.url == url
    assert server.requests[-1].headers["host"] == f"news.example:{server.port}"


async def test_dns_rebinding_is_caught_at_connect(
    server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # First answer (the pre-check) is public, the second (the connection) is loopback.
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    monkeypatch.setattr(_guard, "resolve_host", rebinding)
    async with build_client(STRICT) as client:
        with pytest.raises(BlockedAddress):
            await fetch_page(
                f"http://rebind.example:{server.port}/",
                client,
                STRICT,
                policy=AddressPolicy(allowed_ports=(server.port,)),
            )
    assert server.requests == []


async def test_allow_private_disables_address_and_port_checks(server: PageServer) -> None:
    url = server.route("/local", html_page(ARTICLE))  # 127.0.0.1 on a random high port
    async with build_client(LOCAL) as client:
        page = await fetch_page(url, client, LOCAL)
    assert page.status == 200
    with pytest.raises(BlockedAddress):
        async with build_client(STRICT) as client:
            await fetch_page(url, client, STRICT)


# --- properties ------------------------------------------------------------------------------

_TRICKY_HOSTS = [
    "localhost",
    "127.0.0.1",
    "0",
    "0x7f.1",
    "2130706433",
    "[::1]",
    "[::ffff:10.0.0.1]",
    "169.254.169.254",
    "example.com",
    "xn--e1afmkfd.xn--p1ai",
    "пример.рф",
    "a..b",
    ".",
    "",
    "[",
    "]",
    "%00",
    "exa mple.com",
    "user@host",
    "host:80:80",
    "[fe80::1%25lo]",
]
_hosts = st.one_of(
    st.sampled_from(_TRICKY_HOSTS),
    st.from_regex(r"[a-z0-9.\-]{1,24}", fullmatch=True),
    st.ip_addresses(v=4).map(str),
    st.ip_addresses(v=6).map(lambda ip: f"[{ip}]"),
    st.text(max_size=16),
)
_schemes = st.sampled_from(
    ["http", "https", "HTTP", "hTTps", "ftp", "file", "data", "javascript", "gopher", "ws", ""]
)
_ports = st.one_of(st.none(), st.integers(-5, 70_000).map(str), st.text(max_size=4))
_built_urls = st.builds(
    lambda scheme, host, port, path: (
        f"{scheme}://{host}{'' if port is None else ':' + port}/" + path
    ),
    _schemes,
    _hosts,
    _ports,
    st.text(max_size=20),
)
_urls = st.one_of(_built_urls, st.text(max_size=60), hypothesis_urls())


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(url=_urls)
def test_any_url_fails_only_with_summary_errors(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Names resolve to a private address or not at all; literal public IPs reach a mock
    # transport. Either way no real DNS query or connection happens.
    async def resolve(host: str, port: int) -> list[str]:
        if len(host) % 2:
            return ["10.9.8.7"]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(_guard, "resolve_host", resolve)

    def handler(request: httpx.Request) -> httpx.Response:
        return mock_page(b"<p>ok</p>")

    async def run() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            try:
                page = await fetch_page(url, client, FetchLimits(timeout_s=1.0))
            except SummaryError:
                return
            assert page.text == "<p>ok</p>"
            literal = _guard.literal_ip(httpx.URL(page.url).host)
            assert literal is not None
            assert _guard.is_public(literal)

    asyncio.run(run())


@settings(max_examples=150, deadline=None)
@given(host=st.from_regex(r"[0-9a-fxX.]{1,20}", fullmatch=True))
def test_numeric_hosts_read_like_the_system_resolver(host: str) -> None:
    # Whatever inet_aton (what getaddrinfo uses for numeric hosts) reads as an address, the
    # guard reads as the same address, so no spelling of 127.0.0.1 passes as a "name".
    try:
        system: ipaddress.IPv4Address | None = ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        system = None
    ours = _guard.parse_numeric_ipv4(host)
    if system is not None:
        assert ours == system
    else:  # the guard may only be stricter: it also reads "127.0.0.1." as an address
        assert ours is None or host.endswith(".")
