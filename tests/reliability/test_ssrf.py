"""SSRF through the bot: every internal destination gets the clear "not allowed" reply.

The real pipeline and fetcher run with FETCH_ALLOW_PRIVATE off (the default). Names are
resolved by a fake resolver (the fetcher's test seam), so no DNS query leaves the machine.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot import texts
from bot.app import build_application, build_deps, post_init, post_shutdown
from bot.storage.memory import MemoryStore
from summaries.errors import BadStatus, BlockedAddress
from summaries.fetch import _guard
from summaries.fetch._guard import AddressPolicy, literal_ip, parse_url
from tests.support.bot_env import TOKEN, BotEnv, FakePipeline, RecordingRequest, make_settings
from tests.support.fake_bot_api import FakeTelegram

USER = 8301
REFUSED = html.escape(texts.ERRORS[BlockedAddress])
PUBLIC_IP = "93.184.216.34"
RESOLVER = {
    "public.example": [PUBLIC_IP],
    "intranet.example": ["10.0.0.5"],
    "router.example": ["192.168.1.1"],
    "loopback.example": ["127.0.0.1"],
    "metadata.example": ["169.254.169.254"],
    "v6private.example": ["fd00::1"],
    "mixed.example": [PUBLIC_IP, "172.16.0.9"],
}
REDIRECT_TARGETS = [
    "http://127.0.0.1/admin",
    "http://localhost:8080/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://172.20.1.1/",
    "http://192.168.0.10/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://2130706433/",
    "http://[::ffff:127.0.0.1]/",
    "http://loopback.example/",
    "http://public.example:22/",
]
#: Redirects to a non-web scheme: refused by the fetcher's URL parser (InvalidURL), so the
#: reply is "That doesn't look like a web link." rather than "not allowed".
SCHEME_REDIRECTS = ["file:///etc/passwd", "gopher://public.example:70/_"]
SSRF_LINKS = [
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/admin",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://[::1]/",
    "http://[::]/",
    "http://10.0.0.1/",
    "http://10.255.255.254/",
    "http://172.16.0.1/",
    "http://172.31.255.254/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://0/",
    "http://2130706433/",  # decimal
    "http://017700000001/",  # octal, one number
    "http://0177.0.0.1/",  # octal, dotted
    "http://0x7f000001/",  # hex, one number
    "http://0x7f.0x0.0x0.0x1/",  # hex, dotted
    "http://127.1/",
    "http://0xa9fea9fe/",  # 169.254.169.254
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[::ffff:a9fe:a9fe]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://user:pw@127.0.0.1/",
    "http://intranet.example/",  # DNS names resolving to private addresses
    "http://router.example/",
    "http://loopback.example/",
    "http://metadata.example/latest/",
    "http://v6private.example/",
    "http://mixed.example/",
    "file:///etc/passwd",  # non-web schemes
    "ftp://public.example/pub/file.txt",
    "gopher://public.example:70/_GET",
    "data:text/html,<p>hello</p>",
    "http://public.example:22/",  # unusual ports
    "http://public.example:6379/",
    f"https://{PUBLIC_IP}:9200/",
    *[f"http://public.example/hop?to={i}" for i in range(len(REDIRECT_TARGETS))],
]


def _redirecting_site(request: httpx.Request) -> httpx.Response:
    """The public-looking site: every /hop?to=N redirects to REDIRECT_TARGETS[N]."""
    targets = {str(i): t for i, t in enumerate(REDIRECT_TARGETS)}
    targets.update({f"s{i}": t for i, t in enumerate(SCHEME_REDIRECTS)})
    target = targets.get(request.url.params.get("to", ""))
    if request.url.host == "public.example" and target is not None:
        return httpx.Response(302, headers={"Location": target})
    return httpx.Response(500)  # any other request means a check was skipped


@pytest.fixture
async def strict_env(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[BotEnv]:
    async def resolve(host: str, port: int) -> list[str]:
        if host not in RESOLVER:
            raise OSError(f"no such host {host}")
        return RESOLVER[host]

    monkeypatch.setattr(_guard, "resolve_host", resolve)
    settings = make_settings(fetch_timeout_s=2.0)
    assert not settings.fetch_allow_private
    api = FakeTelegram(TOKEN)
    # Only the public-looking host answers (with redirects); nothing else is reachable.
    site = httpx.AsyncClient(transport=httpx.MockTransport(_redirecting_site))
    deps = build_deps(settings, store=MemoryStore(), http=site)
    request = RecordingRequest(api)
    app = build_application(settings, deps, request=request, get_updates_request=request)
    await app.initialize()
    await post_init(app)
    try:
        yield BotEnv(app, api, FakePipeline(), deps.store)
    finally:
        await post_shutdown(app)
        await app.shutdown()


async def _reply(env: BotEnv, text: str, **kw: Any) -> str:
    before = len(env.api.chat_texts(USER))
    await env.send(message=env.api.make_message(text, chat_id=USER, user_id=USER, **kw))
    [reply] = env.api.chat_texts(USER)[before:]
    return reply


@pytest.mark.parametrize("link", SSRF_LINKS)
async def test_internal_destinations_are_refused_in_private(strict_env: BotEnv, link: str) -> None:
    assert await _reply(strict_env, link) == REFUSED


@pytest.mark.parametrize("index", range(len(SCHEME_REDIRECTS)))
async def test_redirect_to_other_scheme_is_refused(strict_env: BotEnv, index: int) -> None:
    reply = await _reply(strict_env, f"http://public.example/hop?to=s{index}")
    assert reply == REFUSED


@pytest.mark.parametrize(
    "link", ["http://169.254.169.254/", "file:///etc/passwd", "http://public.example/hop?to=0"]
)
async def test_internal_destinations_are_refused_by_command(strict_env: BotEnv, link: str) -> None:
    assert await _reply(strict_env, f"/summary {link}") == REFUSED


async def test_public_address_is_still_fetched(strict_env: BotEnv) -> None:
    # The check is not "refuse everything": a public name reaches the (mock) site.
    reply = await _reply(strict_env, "http://public.example/other")
    assert reply == html.escape(texts.ERRORS[BadStatus].format(status=500))


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("0177.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("[::1]", "::1"),
        ("news.example", None),
        ("1.2.3.4.5", None),
    ],
)
def test_literal_address_notations(host: str, expected: str | None) -> None:
    ip = literal_ip(host)
    assert (str(ip) if ip else None) == expected


def test_allow_private_still_refuses_other_schemes() -> None:
    policy = AddressPolicy(allow_private=True)
    assert parse_url("http://127.0.0.1/", policy).host == "127.0.0.1"
    with pytest.raises(BlockedAddress):
        parse_url("file:///etc/passwd", policy)
