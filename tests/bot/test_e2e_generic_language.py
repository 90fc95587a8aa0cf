"""End to end: a Czech news page (a language without dedicated tools) gets a summary."""

from __future__ import annotations

from pathlib import Path

from tests.support.bot_env import ask, e2e_settings, running_bot
from tests.support.fake_bot_api import FakeTelegram
from tests.support.page_server import PageServer, html_page

USER = 6101
FIXTURE = Path(__file__).parent.parent / "fixtures" / "generic" / "cs.txt"


def _czech_page() -> str:
    headline, *paragraphs = FIXTURE.read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html lang='cs'><head><title>{headline}</title></head><body>"
        "<nav><a href='/'>Domů</a> <a href='/zpravy'>Zprávy</a></nav>"
        f"<article><h1>{headline}</h1>{body}</article>"
        "<footer>© 2025 Brněnský deník</footer></body></html>"
    )


async def test_czech_link_gets_a_summary(api: FakeTelegram, tmp_path: Path) -> None:
    server = PageServer().start()
    server.route("/brno/tramvaj", html_page(_czech_page()))
    try:
        async with running_bot(e2e_settings(api, tmp_path)):
            [reply] = await ask(api, server.url("/brno/tramvaj"), chat_id=USER)
    finally:
        server.stop()
    assert "summarise" not in reply  # no "I can't summarise … text yet."
    assert "Městská rada v Brně ve středu schválila stavbu" in reply
    assert reply.count("• ") >= 2
