"""Settings validation, the CLI's exit code 2, and token redaction in logs."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings, ValidationError, describe_error
from bot.logs import REDACTED, configure_logging

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "424242:SECRET_token_value"  # noqa: S105 - fake; tests check it never leaks


def _run_main(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, "PYTHONPATH": str(ROOT), **env},
    )


def test_missing_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = _run_main({}, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "TELEGRAM_BOT_TOKEN is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_values_exit_2_without_echoing_token(tmp_path: Path) -> None:
    result = _run_main({"TELEGRAM_BOT_TOKEN": TOKEN, "FETCH_TIMEOUT_S": "soon"}, tmp_path)
    assert result.returncode == 2
    assert "FETCH_TIMEOUT_S" in result.stderr
    assert TOKEN not in result.stderr


def test_unreachable_bot_api_ends_with_one_clear_line_and_exit_1(tmp_path: Path) -> None:
    # port 9 (discard) on loopback: nothing listens, the connection is refused at once
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}
    result = _run_main(env, tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("newsbrief: cannot reach the Telegram Bot API")
    )
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stderr


def test_env_file_and_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith(("TELEGRAM_", "BOT_", "FETCH_")):
            monkeypatch.delenv(key)
    (tmp_path / ".env").write_text(
        f"TELEGRAM_BOT_TOKEN={TOKEN}\nBOT_OWNER_IDS=1, 2 3\n"
        "TELEGRAM_API_BASE_URL=http://127.0.0.1:8081/bot\n"
    )
    s = Settings()
    assert s.bot_owner_ids == (1, 2, 3)
    assert s.base_file_url == "http://127.0.0.1:8081/file/bot"
    assert TOKEN not in repr(s)
    with pytest.raises(ValidationError) as info:
        Settings(telegram_bot_token="no colon")  # noqa: S106 - a malformed fake token
    assert "TELEGRAM_BOT_TOKEN" in describe_error(info.value)


def test_pipeline_workers_default_to_one_per_core_but_one_per_replica(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CPU_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    hook = {"webhook_url": "https://bot.example/telegram", "webhook_secret": "s3cret"}
    pg = {"database_url": "postgresql://u@db:5432/bot"}
    assert Settings(telegram_bot_token=TOKEN).cpu_worker_count == 4
    assert Settings(telegram_bot_token=TOKEN, **pg).cpu_worker_count == 4  # polling: one bot
    assert Settings(telegram_bot_token=TOKEN, **hook).cpu_worker_count == 4  # SQLite: one bot
    replica = Settings(telegram_bot_token=TOKEN, **hook, **pg)
    assert replica.is_replica
    assert replica.cpu_worker_count == 1
    assert Settings(telegram_bot_token=TOKEN, cpu_workers=3, **hook, **pg).cpu_worker_count == 3


def test_env_example_lists_every_setting() -> None:
    example = (ROOT / ".env.example").read_text()
    for name in Settings.model_fields:
        assert f"{name.upper()}=" in example, name


def test_redacting_filter_covers_messages_args_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = configure_logging("DEBUG", [TOKEN], stream)
    log = logging.getLogger("test.redact")
    try:
        log.info("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"failed for /bot{TOKEN}/sendMessage")
        except RuntimeError:
            log.exception("boom")
        logging.getLogger("httpx").info("HTTP Request: POST .../bot%s/x", TOKEN)
    finally:
        logging.getLogger().removeHandler(handler)
    out = stream.getvalue()
    assert TOKEN not in out
    assert out.count(REDACTED) == 2
    assert logging.getLogger("httpx").level == logging.WARNING
