"""`python -m bot` / `newsbrief bot`: read settings, then run the bot (polling or webhook)."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application

from bot.config import Settings, ValidationError, describe_error
from bot.logs import REDACTED, configure_logging, quiet_startup_tracebacks
from bot.storage.base import StoreError

EXIT_CONFIG = 2
EXIT_UNREACHABLE = 1
#: uvicorn.config.STARTUP_FAILURE, the code uvicorn exits with when it cannot serve.
UVICORN_STARTUP_FAILURE = 3


def main() -> int:
    """Run the bot until interrupted.

    Returns:
        0 after a clean stop, 2 for missing, invalid or rejected configuration, 1 when the
        Bot API or the database cannot be reached or the webhook port cannot be opened at
        start-up (one line on stderr each).
    """
    try:
        settings = Settings.from_env()
    except ValidationError as exc:
        print(f"newsbrief: {describe_error(exc)}", file=sys.stderr)
        return EXIT_CONFIG
    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret:
        secrets.append(settings.webhook_secret.get_secret_value())
    configure_logging(settings.log_level, secrets)
    quiet_startup_tracebacks()

    from bot.app import build_application  # after logging, so import-time logs are redacted

    try:
        application = build_application(settings)
    except (StoreError, ImportError) as exc:
        print(f"newsbrief: cannot start: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    try:
        _run(application, settings)
    except InvalidToken:
        print(f"newsbrief: {_rejected_token(settings)}", file=sys.stderr)
        return EXIT_CONFIG
    except BadRequest as exc:
        # a subclass of NetworkError, but the API was reached: it refused e.g. WEBHOOK_URL
        print(
            f"newsbrief: the Telegram Bot API refused a start-up call: {_short(exc, settings)}",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    except NetworkError as exc:
        print(
            f"newsbrief: cannot reach the Telegram Bot API: {_short(exc, settings)}",
            file=sys.stderr,
        )
        return EXIT_UNREACHABLE
    except StoreError as exc:
        print(f"newsbrief: cannot start: {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE
    except TelegramError as exc:
        # 403 from a proxy, a 200 page that is not JSON: no Bot API behind the URL
        where = f" at {settings.base_url}" if settings.base_url else ""
        print(
            f"newsbrief: the Telegram Bot API{where} failed at start-up: {_short(exc, settings)}",
            file=sys.stderr,
        )
        return EXIT_UNREACHABLE
    except SystemExit as exc:
        # uvicorn logs why it could not bind (address in use, no permission) and exits 3
        if exc.code != UVICORN_STARTUP_FAILURE:
            raise
        where = f"{settings.webhook_listen}:{settings.webhook_port}"
        print(
            f"newsbrief: cannot start: cannot listen on {where} for webhook updates"
            " (the reason is logged above)",
            file=sys.stderr,
        )
        return EXIT_UNREACHABLE
    return 0


def _short(exc: Exception, settings: Settings, limit: int = 160) -> str:
    """The exception's text without the token, cut short: PTB puts the whole answer in the
    message (a web page, when no Bot API answered)."""
    text = str(exc).replace(settings.telegram_bot_token.get_secret_value(), REDACTED)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rejected_token(settings: Settings) -> str:
    """Telegram's 401/404 means a bad token; behind a custom base URL, maybe no Bot API.
    (PTB's message quotes the token, so it is not repeated here.)"""
    if settings.base_url is None:
        return "Telegram rejected TELEGRAM_BOT_TOKEN"
    return (
        f"the Bot API at {settings.base_url} rejected TELEGRAM_BOT_TOKEN; check the token, "
        "and that TELEGRAM_API_BASE_URL is a Bot API server ending in /bot"
    )


def _run(application: Application[Any, Any, Any, Any, Any, Any], settings: Settings) -> None:
    """Serve updates until stopped: a webhook replica when WEBHOOK_URL is set, else polling."""
    if settings.webhook_url:
        from bot.replica import serve_webhook

        asyncio.run(serve_webhook(application, settings))
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    sys.exit(main())
