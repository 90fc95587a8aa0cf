"""The webhook ASGI app over real HTTP (uvicorn on 127.0.0.1): secret, size and JSON checks,
the intake's answer, and /healthz."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from bot.storage.base import StoreError
from bot.storage.sqlite import SQLiteStore
from bot.web import MAX_BODY_BYTES, SECRET_HEADER, build_web_app, parse_update
from tests.support.ports import unused_port
from tests.support.waiting import eventually

SECRET = "s3cret-for-tests"  # noqa: S105 - a test value


class Intake:
    def __init__(self) -> None:
        self.got: list[dict[str, Any]] = []
        self.fail = False

    async def __call__(self, update: dict[str, Any]) -> None:
        if self.fail:
            raise StoreError("database is down")
        self.got.append(update)


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[tuple[str, Intake, SQLiteStore]]:
    store = SQLiteStore(tmp_path / "db.sqlite3")
    await store.open()
    intake = Intake()
    app = build_web_app(secret=SECRET, intake=intake, store=store)
    port = unused_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    await eventually(lambda: server.started)
    try:
        yield f"http://127.0.0.1:{port}", intake, store
    finally:
        server.should_exit = True
        await task
        await store.close()


def _update(update_id: int = 1) -> bytes:
    return json.dumps({"update_id": update_id, "message": {"message_id": 1}}).encode()


async def test_good_update_is_taken_then_200(served: Any) -> None:
    base, intake, _ = served
    async with httpx.AsyncClient() as client:
        r = await client.post(
            f"{base}/telegram", content=_update(7), headers={SECRET_HEADER: SECRET}
        )
    assert r.status_code == 200
    assert intake.got == [{"update_id": 7, "message": {"message_id": 1}}]


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x", SECRET[:-1]])
async def test_wrong_or_missing_secret_is_403_and_nothing_happens(
    served: Any, secret: str | None
) -> None:
    base, intake, _ = served
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{base}/telegram", content=_update(), headers=headers)
    assert r.status_code == 403
    assert intake.got == []


async def test_oversized_body_is_413_declared_or_streamed(served: Any) -> None:
    base, intake, _ = served
    big = b'{"update_id": 1, "x": "' + b"a" * MAX_BODY_BYTES + b'"}'

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: chunked transfer
        for i in range(0, len(big), 65536):
            yield big[i : i + 65536]

    async with httpx.AsyncClient() as client:
        declared = await client.post(
            f"{base}/telegram", content=big, headers={SECRET_HEADER: SECRET}
        )
        streamed = await client.post(
            f"{base}/telegram", content=chunks(), headers={SECRET_HEADER: SECRET}
        )
        after = await client.post(
            f"{base}/telegram", content=_update(2), headers={SECRET_HEADER: SECRET}
        )
    assert declared.status_code == 413
    assert streamed.status_code == 413
    assert after.status_code == 200  # the server is fine afterwards
    assert [u["update_id"] for u in intake.got] == [2]


@pytest.mark.parametrize(
    "body", [b"{not json", b"[1, 2]", b'"text"', b"{}", b'{"update_id": "7"}', b"\xff\xfe", b""]
)
async def test_malformed_body_is_400(served: Any, body: bytes) -> None:
    base, intake, _ = served
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{base}/telegram", content=body, headers={SECRET_HEADER: SECRET})
    assert r.status_code == 400
    assert intake.got == []


async def test_intake_failure_is_503_so_telegram_retries(served: Any) -> None:
    base, intake, _ = served
    intake.fail = True
    async with httpx.AsyncClient() as client:
        r = await client.post(
            f"{base}/telegram", content=_update(), headers={SECRET_HEADER: SECRET}
        )
    assert r.status_code == 503


async def test_healthz_follows_the_database(served: Any) -> None:
    base, _, store = served
    async with httpx.AsyncClient() as client:
        assert (await client.get(f"{base}/healthz")).status_code == 200
        await store.close()
        down = await client.get(f"{base}/healthz")
        assert down.status_code == 503
        assert (await client.get(f"{base}/telegram")).status_code == 405  # POST only


def test_parse_update_accepts_only_objects_with_int_id() -> None:
    assert parse_update(b'{"update_id": 5}') == {"update_id": 5}
    assert parse_update(b'{"update_id": true}') is None
    assert parse_update(b'{"update_id": 5.0}') is None
