"""A real HTTP server on 127.0.0.1 for tests: register pages or behaviours by path, get URLs.

Usage::

    with PageServer() as server:
        server.route("/a", html_page("<html><body><p>Hi</p></body></html>"))
        server.route("/old", redirect("/a"))
        server.route("/slow", Page(body=b"late", delay_s=2.0))
        server.route("/echo", lambda request: text_page(request.headers.get("user-agent", "")))
        server.route("/story", file_page("tests/fixtures/html/article_en.html"))
        url = server.url("/a")

In pytest, wrap it in a fixture::

    @pytest.fixture
    def server() -> Iterator[PageServer]:
        with PageServer() as running:
            yield running

A route is a `Page` (status, headers, body and how to misbehave while sending it) or a
callable that gets the `Request` and returns a `Page`. Every request is recorded in
`server.requests`. Unknown paths answer 404. `stop()` interrupts every delay and stream, so
misbehaving routes cannot outlive the test.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import ssl
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

__all__ = [
    "Page",
    "PageServer",
    "Request",
    "file_page",
    "gzip_page",
    "html_page",
    "redirect",
    "text_page",
]


@dataclass(frozen=True, slots=True)
class Request:
    """What the server saw: method, path with query, and lower-cased headers."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class Page:
    """One canned answer and how to deliver it.

    Attributes:
        status: HTTP status code.
        body: bytes sent after the headers.
        headers: extra headers, in order (Content-Type goes here too).
        content_length: True sends the real length (or, with `stream`, none), an int sends that
            (lying) value, False sends none; without a length the body ends when the server
            closes the connection.
        delay_s: wait this long before sending anything (a slow first byte).
        stream: called per request; its chunks are sent after `body`, `chunk_delay_s` apart
            (an endless slow body is a long generator: the server stops it on shutdown).
        chunk_delay_s: pause before each streamed chunk.
        drop_after: close the connection after this many body bytes (a reset mid-body).
    """

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    content_length: bool | int = True
    delay_s: float = 0.0
    stream: Callable[[], Iterable[bytes]] | None = None
    chunk_delay_s: float = 0.0
    drop_after: int | None = None


Route = Page | Callable[[Request], Page]


def html_page(
    html: str,
    charset: str | None = "utf-8",
    status: int = 200,
    headers: tuple[tuple[str, str], ...] = (),
) -> Page:
    """An HTML page encoded in `charset`; None sends `text/html` without a charset (as UTF-8)."""
    ctype = f"text/html; charset={charset}" if charset else "text/html"
    return Page(
        status=status,
        body=html.encode(charset or "utf-8"),
        headers=(("Content-Type", ctype), *headers),
    )


def text_page(text: str, charset: str = "utf-8", status: int = 200) -> Page:
    """A text/plain page."""
    return Page(
        status=status,
        body=text.encode(charset),
        headers=(("Content-Type", f"text/plain; charset={charset}"),),
    )


def gzip_page(body: bytes, content_type: str = "text/html; charset=utf-8") -> Page:
    """A page sent with Content-Encoding: gzip."""
    return Page(
        body=gzip.compress(body),
        headers=(("Content-Type", content_type), ("Content-Encoding", "gzip")),
    )


#: Content types `file_page` infers from a file's suffix.
SUFFIX_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".json": "application/json",
}


def file_page(path: str | Path, content_type: str | None = None) -> Page:
    """A page with a file's bytes (for fixtures under tests/); the type comes from the suffix."""
    file = Path(path)
    ctype = content_type or SUFFIX_TYPES.get(file.suffix.lower(), "application/octet-stream")
    return Page(body=file.read_bytes(), headers=(("Content-Type", ctype),))


def redirect(location: str, status: int = 302) -> Page:
    """A redirect to `location` (absolute, or relative to the server)."""
    return Page(status=status, headers=(("Location", location),))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Keep test output quiet."""

    def _answer(self, send_body: bool) -> None:
        request = Request(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
        )
        owner = self.server.owner
        owner._record(request)
        page = owner._page_for(request)
        stop = owner._stopping
        try:
            if page.delay_s and stop.wait(page.delay_s):
                return
            self._send_head(page)
            if send_body:
                self._send_body(page, stop)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True  # the client went away: fine for a test server

    def _send_head(self, page: Page) -> None:
        self.send_response(page.status)
        for name, value in page.headers:
            self.send_header(name, value)
        if page.content_length is True and page.stream is None:
            self.send_header("Content-Length", str(len(page.body)))
        elif page.content_length is not True and page.content_length is not False:
            self.send_header("Content-Length", str(page.content_length))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()

    def _send_body(self, page: Page, stop: threading.Event) -> None:
        sent = 0
        for chunk in self._chunks(page):
            if page.drop_after is not None and sent + len(chunk) >= page.drop_after:
                self.wfile.write(chunk[: page.drop_after - sent])
                self.wfile.flush()
                self._drop()
                return
            if stop.is_set():
                self._drop()
                return
            self.wfile.write(chunk)
            self.wfile.flush()
            sent += len(chunk)

    def _chunks(self, page: Page) -> Iterator[bytes]:
        if page.body:
            yield page.body
        if page.stream is not None:
            stop = self.server.owner._stopping
            for chunk in page.stream():
                if page.chunk_delay_s and stop.wait(page.chunk_delay_s):
                    return
                yield chunk

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck in a slow write must not block shutdown
    owner: PageServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients resetting idle keep-alive connections is normal; report anything else."""
        if isinstance(sys.exc_info()[1], ConnectionError | ssl.SSLError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class PageServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 with routes you register at run time."""

    host: str = "127.0.0.1"
    tls: ssl.SSLContext | None = None  # a server-side context: serve https instead of http
    requests: list[Request] = field(default_factory=list)
    _routes: dict[str, Route] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopping: threading.Event = field(default_factory=threading.Event)
    _server: _Server | None = None
    _thread: threading.Thread | None = None

    def start(self) -> PageServer:
        """Bind a free port and serve in a background thread."""
        server = _Server((self.host, 0), _Handler)
        if self.tls is not None:
            # The handshake then runs in the handler thread, not in the accepting one.
            server.socket = self.tls.wrap_socket(
                server.socket, server_side=True, do_handshake_on_connect=False
            )
        server.owner = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="page-server"
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, interrupt every delay and stream, and close the socket."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> PageServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._server is None:
            raise RuntimeError("server not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT` (or https with `tls`; no trailing slash)."""
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of `path` on this server."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def route(self, path: str, answer: Route) -> str:
        """Serve `answer` at `path` (query strings may be part of it); returns the URL."""
        with self._lock:
            self._routes[path] = answer
        return self.url(path)

    def paths_requested(self) -> list[str]:
        """The paths requested so far, in order."""
        with self._lock:
            return [r.path for r in self.requests]

    def _record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def _page_for(self, request: Request) -> Page:
        with self._lock:
            bare_path = urlsplit(request.path).path
            answer = self._routes.get(request.path) or self._routes.get(bare_path)
        if answer is None:
            return html_page("<html><body><h1>Not found</h1></body></html>", status=404)
        return answer(request) if callable(answer) else answer
