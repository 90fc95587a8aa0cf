"""A headless Chromium, offline, driven over the DevTools protocol: what select-all + copy gives.

The page is opened from a local file with JavaScript on (a user copies a page whose scripts
ran: `<noscript>` stays hidden, inline scripts have built what they build). Nothing leaves the
machine: host names resolve nowhere, images are answered with a blank PNG (a picture that failed
to load would be replaced by its alt text, which a user's copy does not hold), every other
request but the page's own file is failed (`Fetch.failRequest`). The text is the real clipboard
after Ctrl+A, Ctrl+C (key events carrying the editor's `selectAll` and `copy` commands), read
back with `navigator.clipboard.readText()`.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

BINARIES = ("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")
INSTALL_HINT = "no Chromium found: apt-get install -y chromium (or chromium-headless-shell)"
#: Time for inline scripts and layout after the load event (no network: nothing else to wait for).
SETTLE_S = 0.5
LOAD_TIMEOUT_S = 20.0
#: A transparent 1×1 PNG (base64), the answer to every image request.
BLANK_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5E"
    "rkJggg=="
)
PNG_HEADERS = [{"name": "Content-Type", "value": "image/png"}]
CLIPBOARD = ["clipboardReadWrite", "clipboardSanitizedWrite"]


def find_chromium() -> str | None:
    return next((path for name in BINARIES if (path := shutil.which(name))), None)


class DevTools:
    """One websocket to one target; calls wait for their answer and handle paused requests."""

    def __init__(self, ws: ClientConnection, allowed_url: list[str]) -> None:
        self._ws = ws
        self._ids = itertools.count(1)
        self.allowed_url = allowed_url  # one mutable slot: the page currently loading
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        msg_id = next(self._ids)
        self._ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self._ws.recv(timeout=LOAD_TIMEOUT_S))
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})  # type: ignore[no-any-return]
            self._on_event(msg)

    def wait_for(self, event: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == event for e in self.events):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(event)
            try:
                self._on_event(json.loads(self._ws.recv(timeout=left)))
            except TimeoutError:
                raise TimeoutError(event) from None

    def _on_event(self, msg: dict[str, Any]) -> None:
        if msg.get("method") != "Fetch.requestPaused":
            self.events.append(msg)
            return
        request = msg["params"]
        msg_id = next(self._ids)
        params: dict[str, Any] = {"requestId": request["requestId"]}
        if request["request"]["url"].split("#")[0] in self.allowed_url:
            method = "Fetch.continueRequest"
        elif request.get("resourceType") == "Image":
            # A loaded picture, as on the user's screen: a failed one would show (and copy)
            # its alt text in its place.
            method = "Fetch.fulfillRequest"
            params |= {"responseCode": 200, "body": BLANK_PNG, "responseHeaders": PNG_HEADERS}
        else:
            method = "Fetch.failRequest"
            params["errorReason"] = "BlockedByClient"
        cmd = {"method": method, "params": params}
        self._ws.send(json.dumps({"id": msg_id, **cmd}))


@contextmanager
def chromium(binary: str, *, javascript: bool = True) -> Iterator[DevTools]:
    """A headless Chromium with one page target, offline; closed on exit."""
    profile = tempfile.mkdtemp(prefix="newsbrief-chromium-")
    proc = subprocess.Popen(
        [
            binary,
            "--headless",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-extensions",
            "--disable-background-networking",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=1366,900",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        browser_url = _devtools_url(proc)
        port = browser_url.split(":")[2].split("/")[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as resp:
            targets = json.load(resp)
        page = next(t for t in targets if t["type"] == "page")
        with connect(page["webSocketDebuggerUrl"], max_size=None) as ws:
            tools = DevTools(ws, [""])
            tools.call("Page.enable")
            tools.call("Fetch.enable", patterns=[{"urlPattern": "*"}])
            if not javascript:
                tools.call("Emulation.setScriptExecutionDisabled", value=True)
            yield tools
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


def _devtools_url(proc: subprocess.Popen[str]) -> str:
    assert proc.stderr is not None
    for line in proc.stderr:
        if "DevTools listening on" in line:
            return line.split(" on ", 1)[1].strip()
    raise RuntimeError("Chromium exited before it opened its DevTools port")


def copy_page(tools: DevTools, html_file: Path) -> str:
    """Open `html_file` and return what select-all + copy puts on the clipboard."""
    url = html_file.resolve().as_uri()
    tools.allowed_url[0] = url
    tools.events.clear()
    tools.call("Page.navigate", url=url)
    # A page still waiting for something blocked is copied as it stands.
    with contextlib.suppress(TimeoutError):
        tools.wait_for("Page.loadEventFired", LOAD_TIMEOUT_S)
    time.sleep(SETTLE_S)
    tools.call("Page.bringToFront")
    # Granted per loaded document: a grant made on about:blank does not reach file:// pages.
    tools.call("Browser.grantPermissions", permissions=CLIPBOARD)
    clear = "navigator.clipboard.writeText('')"
    tools.call("Runtime.evaluate", expression=clear, awaitPromise=True)
    for command, key in (("selectAll", "a"), ("copy", "c")):
        event = {"modifiers": 2, "key": key, "code": f"Key{key.upper()}"}
        event["windowsVirtualKeyCode"] = ord(key.upper())
        tools.call("Input.dispatchKeyEvent", type="keyDown", commands=[command], **event)
        tools.call("Input.dispatchKeyEvent", type="keyUp", **event)
    result = tools.call(
        "Runtime.evaluate",
        expression="navigator.clipboard.readText()",
        awaitPromise=True,
        returnByValue=True,
    )
    value = result.get("result", {}).get("value")
    return value if isinstance(value, str) else ""
