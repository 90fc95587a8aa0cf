"""Start-up failures end with one line and an exit code, not PTB's traceback."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.support.bot_env import TOKEN
from tests.support.fake_bot_api import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]


async def _run_bot(env: dict[str, str], cwd: Path) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env={**clean, "PYTHONPATH": str(ROOT), "TELEGRAM_BOT_TOKEN": TOKEN, **env},
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(proc.communicate(), 60)
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
