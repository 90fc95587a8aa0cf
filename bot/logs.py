"""Logging setup: quiet HTTP client loggers and a filter that redacts secrets in every record."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import TextIO

REDACTED = "[REDACTED]"
#: Loggers that print full request URLs at INFO; Bot API URLs contain the token.
NOISY_LOGGERS: tuple[str, ...] = ("httpx", "httpcore")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces each secret in a record's message, arguments and traceback text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # Longest first so a secret that contains another is replaced whole.
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """`text` with every secret replaced."""
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the record
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure_logging(
    level: str, secrets: Iterable[str], stream: TextIO | None = None
) -> logging.Handler:
    """Install one redacting stream handler on the root logger.

    Args:
        level: Root log level name.
        secrets: Strings that must never reach a log line (the bot token, webhook secret).
        stream: Where to write (stderr by default).

    Returns:
        The installed handler (tests remove it again).
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    redactor = RedactingFilter(secrets)
    handler.addFilter(redactor)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler


class _DropStartupFailures(logging.Filter):
    """Drops PTB's report of a failed start-up step (a 60-line traceback): the exception is
    raised on to `bot.__main__`, which prints one line naming the cause."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the record
            return True
        return not (message.startswith("Network Retry Loop (Bootstrap") and "Aborting" in message)


class _ShortenInvalidJson(logging.Filter):
    """PTB logs an answer that is not JSON (a web server or proxy at TELEGRAM_API_BASE_URL,
    not a Bot API) with the whole body and a traceback; the exception it raises next says the
    same, so one short line is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == _PTB_INVALID_JSON and isinstance(record.args, tuple) and record.args:
            body = str(record.args[0])
            record.msg = "the Bot API server answered with something that is not JSON: %r"
            record.args = (body[:80] + ("…" if len(body) > 80 else ""),)
            record.exc_info = None
            record.exc_text = None
        return True


#: The message `telegram.request.BaseRequest.parse_json_payload` logs (PTB 22).
_PTB_INVALID_JSON = 'Can not load invalid JSON data: "%s"'


def quiet_startup_tracebacks() -> None:
    """Keep start-up failures to the one line `bot.__main__` prints."""
    logging.getLogger("telegram.ext").addFilter(_DropStartupFailures())
    # a logger's filters do not apply to its children: PTB's request logger by its own name
    logging.getLogger("telegram.request.BaseRequest").addFilter(_ShortenInvalidJson())
