"""The webhook ASGI app (Starlette): `/telegram` takes updates, `/healthz` reports the database.

`/telegram` checks Telegram's secret header in constant time (403 when wrong or missing), refuses
bodies over `MAX_BODY_BYTES` (413) and anything that is not one JSON update (400), and answers
200 only once the update is safe: committed to PostgreSQL by the durable intake, or handed to
the Application's queue in single-process mode. A 503 makes Telegram deliver it again later.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.storage.base import Store, StoreError

_LOG = logging.getLogger(__name__)

#: Telegram's updates are far smaller; anything bigger is not from Telegram.
MAX_BODY_BYTES = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name

#: Takes one parsed update (a dict with an int `update_id`); raises StoreError when it could not
#: be kept.
Intake = Callable[[dict[str, Any]], Awaitable[None]]


class BodyTooLarge(Exception):
    """The request body passed `MAX_BODY_BYTES`."""


async def _read_capped(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge
    return bytes(body)


def parse_update(body: bytes) -> dict[str, Any] | None:
    """The update in a webhook body, or None when it is not a JSON object with an int id."""
    try:
        update = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(update, dict):
        return None
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return None
    return update


def build_web_app(
    *,
    secret: str,
    intake: Intake,
    store: Store,
    path: str = "/telegram",
    max_body_bytes: int = MAX_BODY_BYTES,
) -> Starlette:
    """The ASGI app one replica serves.

    Args:
        secret: WEBHOOK_SECRET, which Telegram sends in `X-Telegram-Bot-Api-Secret-Token`.
        intake: Keeps an accepted update (durable queue, or the Application's update queue).
        store: Asked by `/healthz` for one round trip.
        path: Where Telegram posts (the path of WEBHOOK_URL).
        max_body_bytes: Larger bodies get 413 without being read to the end.
    """
    expected = secret.encode()

    async def telegram(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return PlainTextResponse("forbidden", status_code=403)
        try:
            body = await _read_capped(request, max_body_bytes)
        except BodyTooLarge:
            return PlainTextResponse("too large", status_code=413)
        update = parse_update(body)
        if update is None:
            return PlainTextResponse("not an update", status_code=400)
        try:
            await intake(update)
        except StoreError as exc:
            _LOG.error("storage failure while queueing update %s: %s", update["update_id"], exc)
            return PlainTextResponse("try again", status_code=503)
        return PlainTextResponse("ok")

    async def healthz(request: Request) -> Response:
        try:
            await store.ping()
        except StoreError as exc:
            return PlainTextResponse(f"database: {exc}", status_code=503)
        return PlainTextResponse("ok")

    return Starlette(
        routes=[
            Route(path, telegram, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )
