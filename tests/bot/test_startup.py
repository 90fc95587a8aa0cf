"""Start-up failures end with one line and an exit code, not PTB's traceback."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support.bot_env import TOKEN
from tests.support.fake_bot_api import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]


async def _run_bot(env: dict[str, str], cwd: Path, timeout_s: float = 60) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env={**clean, "PYTHONPATH": str(ROOT), "TELEGRAM_BOT_TOKEN": TOKEN, **env},
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, err = await asyncio.wait_for(proc.communicate(), timeout_s)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError(f"the bot did not exit within {timeout_s} s") from None
    assert proc.returncode is not None
    return proc.returncode, err.decode()


async def test_unreachable_database_is_one_line_and_exit_1(
    api: FakeTelegram, tmp_path: Path
) -> None:
    for webhook in (False, True):
        env = {
            "TELEGRAM_API_BASE_URL": api.base_url,  # type: ignore[attr-defined]
            "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/newsbrief",
        }
        if webhook:
            env |= {"WEBHOOK_URL": "http://127.0.0.1:1/telegram", "WEBHOOK_SECRET": "x"}
        code, err = await _run_bot(env, tmp_path)
        assert code == 1
        [line] = err.strip().splitlines()
        assert line.startswith(
            "newsbrief: cannot start: cannot open PostgreSQL at 127.0.0.1:1/newsbrief: "
            "not reachable"
        )


async def test_unreachable_bot_api_in_webhook_mode_has_no_traceback(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
        "WEBHOOK_URL": "http://127.0.0.1:1/telegram",
        "WEBHOOK_SECRET": "x",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    code, err = await _run_bot(env, tmp_path)
    assert code == 1
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("newsbrief: cannot reach the Telegram Bot API")


async def test_webhook_url_without_secret_is_a_config_error(tmp_path: Path) -> None:
    code, err = await _run_bot({"WEBHOOK_URL": "https://bot.example.com/telegram"}, tmp_path)
    assert code == 2
    assert "WEBHOOK_SECRET" in err


async def test_unreadable_sqlite_file_is_one_line_and_the_process_exits(
    api: FakeTelegram, tmp_path: Path
) -> None:
    # a file that is not a database (e.g. a wrong backup restored): the line used to be printed
    # and the process then hung on the connection's worker thread
    (tmp_path / "bad.sqlite3").write_text("not a database, just text\n" * 20)
    for webhook in (False, True):
        env = {
            "TELEGRAM_API_BASE_URL": api.base_url,  # type: ignore[attr-defined]
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bad.sqlite3'}",
        }
        if webhook:
            env |= {"WEBHOOK_URL": "http://127.0.0.1:1/telegram", "WEBHOOK_SECRET": "x"}
        code, err = await _run_bot(env, tmp_path, timeout_s=30)
        assert code == 1
        [line] = err.strip().splitlines()
        bad = tmp_path / "bad.sqlite3"
        assert line == f"newsbrief: cannot start: cannot open {bad}: file is not a database"


async def test_webhook_port_in_use_ends_with_one_newsbrief_line_and_exit_1(
    api: FakeTelegram, tmp_path: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {
            "TELEGRAM_API_BASE_URL": api.base_url,  # type: ignore[attr-defined]
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "WEBHOOK_URL": "http://127.0.0.1:1/telegram",
            "WEBHOOK_SECRET": "x",
            "WEBHOOK_PORT": str(port),
        }
        code, err = await _run_bot(env, tmp_path, timeout_s=30)
    assert code == 1
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        f"newsbrief: cannot start: cannot listen on 127.0.0.1:{port} for webhook updates"
        " (the reason is logged above)"
    )


async def test_secret_outside_telegrams_alphabet_is_a_config_error(tmp_path: Path) -> None:
    env = {"WEBHOOK_URL": "https://bot.example.com/telegram", "WEBHOOK_SECRET": "pass word!"}
    code, err = await _run_bot(env, tmp_path)
    assert code == 2
    [line] = err.strip().splitlines()
    assert "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -" in line
    assert "pass word!" not in line


async def test_webhook_refused_by_the_bot_api_is_a_config_error_not_unreachable(
    api: FakeTelegram, tmp_path: Path
) -> None:
    env = {
        "TELEGRAM_API_BASE_URL": api.base_url,  # type: ignore[attr-defined]
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WEBHOOK_URL": "ftp://bot.example.com/telegram",  # the fake refuses it as Telegram does
        "WEBHOOK_SECRET": "x",
    }
    code, err = await _run_bot(env, tmp_path, timeout_s=30)
    assert code == 2
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "newsbrief: the Telegram Bot API refused a start-up call: Bad webhook: invalid url"
    )


@contextlib.contextmanager
def _not_a_bot_api(status: int, body: bytes) -> Iterator[str]:
    """A web server that answers every POST with `status` and `body` (a wrong base URL)."""

    class Answer(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    finally:
        server.shutdown()
        server.server_close()


PAGE = b"<html><body>" + b"<p>Welcome to our web server</p>" * 200 + b"</body></html>"


@pytest.mark.parametrize(
    ("status", "body", "code", "last_line"),
    [
        (404, b"", 2, "newsbrief: the Bot API at {base} rejected TELEGRAM_BOT_TOKEN"),
        (200, PAGE, 1, "newsbrief: the Telegram Bot API at {base} failed at start-up"),
        (403, PAGE, 1, "newsbrief: the Telegram Bot API at {base} failed at start-up"),
    ],
)
async def test_a_base_url_without_a_bot_api_is_named_in_one_line(
    tmp_path: Path, status: int, body: bytes, code: int, last_line: str
) -> None:
    with _not_a_bot_api(status, body) as base:
        env = {"TELEGRAM_API_BASE_URL": base, "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
        exit_code, err = await _run_bot(env, tmp_path, timeout_s=30)
    assert exit_code == code
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(last_line.format(base=base))
    assert len(err.strip().splitlines()) <= 2  # at most PTB's one shortened log line before it
    assert len(err) < 800  # the 6 KB page is not dumped
    assert TOKEN not in err
