"""A small fake Telegram Bot API: state + method dispatch, and a real HTTP/1.1 server around it.

`FakeTelegram` keeps chats, messages, queued updates, chat members and files, and answers Bot
API methods like Telegram does, including its 400s for over-long or malformed HTML messages and,
when `flood` is set, its 429s beyond 30 messages in any second or 20 per minute in a group.
Handler tests call it in-process through `RecordingRequest`; end-to-end tests talk to it over
HTTP on 127.0.0.1 through `FakeBotAPIServer`, which also posts queued updates to a webhook once
the bot called setWebhook (as Telegram does: retried until the webhook answers 200).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import math
import re
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.support.webhook_client import WebhookClient, WebhookError

#: Tags Telegram accepts in HTML parse mode, with the attributes each may carry.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "ins": frozenset(),
    "s": frozenset(),
    "strike": frozenset(),
    "del": frozenset(),
    "tg-spoiler": frozenset(),
    "span": frozenset({"class"}),
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "pre": frozenset(),
    "blockquote": frozenset({"expandable"}),
    "tg-emoji": frozenset({"emoji-id"}),
}
_TAG_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=\"[^\"]*\"|='[^']*')?)*)\s*>"
)
_ATTR_RE = re.compile(r"([a-zA-Z-]+)(?:=(?:\"([^\"]*)\"|'([^']*)'))?")
_ENTITY_RE = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")
_URL_RE = re.compile(r"https?://[^\s<>\"]+")
MAX_TEXT_UNITS = 4096
#: Descriptions Telegram sends with scripted error statuses.
_STATUS_TEXT = {
    429: "Too Many Requests: retry after",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}
BOT_ID = 777000111
BOT_USERNAME = "newsbrief_test_bot"
#: Params that are strings even when they look like JSON numbers.
STRING_PARAMS = frozenset(
    {
        "text",
        "parse_mode",
        "callback_query_id",
        "file_id",
        "action",
        "url",
        "secret_token",
        "description",
        "short_description",
        "language_code",
        "emoji",
        "inline_query_id",
        "next_offset",
    }
)
#: Telegram refuses answers to inline queries older than this.
INLINE_ANSWER_WINDOW_S = 10.0


class TelegramHTMLError(ValueError):
    """What Telegram answers with "can't parse entities"."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts."""
    return len(text.encode("utf-16-le")) // 2


def parse_telegram_html(text: str) -> str:
    """Validate Telegram HTML and return the visible text.

    Raises:
        TelegramHTMLError: for an unknown tag or attribute, a stray `<` or `&`, or bad nesting.
    """
    visible: list[str] = []
    stack: list[str] = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "<":
            match = _TAG_RE.match(text, pos)
            if match is None:
                raise TelegramHTMLError(f"Unexpected < at byte offset {pos}")
            closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
            if name not in ALLOWED_TAGS:
                raise TelegramHTMLError(f'Unsupported start tag "{name}" at byte offset {pos}')
            if closing:
                if not stack or stack[-1] != name:
                    raise TelegramHTMLError(f'Unmatched end tag "{name}" at byte offset {pos}')
                stack.pop()
            else:
                for attr in _ATTR_RE.finditer(attrs):
                    if attr.group(1).lower() not in ALLOWED_TAGS[name]:
                        raise TelegramHTMLError(f'Unsupported attribute "{attr.group(1)}"')
                stack.append(name)
            pos = match.end()
        elif char == "&":
            match = _ENTITY_RE.match(text, pos)
            if match is None:
                raise TelegramHTMLError(f"Unsupported HTML entity at byte offset {pos}")
            visible.append(html.unescape(match.group(0)))
            pos = match.end()
        elif char == ">":
            raise TelegramHTMLError(f"Unexpected > at byte offset {pos}")
        else:
            visible.append(char)
            pos += 1
    if stack:
        raise TelegramHTMLError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(visible)


@dataclass
class Call:
    """One Bot API call as received."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.perf_counter)


@dataclass(frozen=True, slots=True)
class Fault:
    """One scripted misbehaviour for one call to a method (see `FakeTelegram.inject`).

    Attributes:
        status: answer with this HTTP error status instead of calling the method (0 = answer).
        retry_after: with status 429, the `parameters.retry_after` Telegram sends.
        reset: close the connection without answering (over HTTP; in-process it raises).
        delay_s: wait this long before answering (a slow Bot API).
        chat_id: only calls for this chat consume the fault (None: any call).
    """

    status: int = 0
    retry_after: int | None = None
    reset: bool = False
    delay_s: float = 0.0
    chat_id: int | None = None

    def matches(self, params: dict[str, Any]) -> bool:
        """True when this fault applies to a call with `params` (its chat, or any chat)."""
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)


#: Methods that put or change a message in a chat, which Telegram's flood limits count (edits
#: too: Telegram answers a flood of edits with 429 as well).
MESSAGE_METHODS = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
    }
)


@dataclass
class FloodLimits:
    """Telegram's published limits for one bot: `per_second` messages in any 1 s window over
    all chats, `per_group_minute` in any 60 s window per group (chat id < 0).

    Sliding windows, not buckets: a message is refused when `per_second` accepted messages
    arrived less than 1 s before it (or `per_group_minute` in its group less than 60 s before).
    A refused message gets 429 with `retry_after` (whole seconds, as Telegram sends) and does
    not count. `refused` lists every call that got one, `accepted` the arrival times.
    """

    per_second: int = 30
    per_group_minute: int = 20
    refused: list[Call] = field(default_factory=list)
    accepted: list[float] = field(default_factory=list)
    _all: deque[float] = field(default_factory=deque)
    _groups: dict[int, deque[float]] = field(default_factory=dict)

    def check(self, call: Call) -> None:
        """Count a message, or raise the 429 Telegram would answer."""
        now = call.at
        window = self._all
        while window and window[0] <= now - 1.0:
            window.popleft()
        chat_id = int(call.params.get("chat_id", 0))
        group = self._groups.setdefault(chat_id, deque()) if chat_id < 0 else None
        if group is not None:
            while group and group[0] <= now - 60.0:
                group.popleft()
        wait = 0.0
        if len(window) >= self.per_second:
            wait = window[0] + 1.0 - now
        if group is not None and len(group) >= self.per_group_minute:
            wait = max(wait, group[0] + 60.0 - now)
        if wait > 0:
            self.refused.append(call)
            raise ApiError(
                429,
                f"Too Many Requests: retry after {math.ceil(wait)}",
                {"retry_after": max(1, math.ceil(wait))},
            )
        window.append(now)
        self.accepted.append(now)
        if group is not None:
            group.append(now)


class ConnectionReset(Exception):
    """Raised by `FakeTelegram.handle` for a `Fault(reset=True)`; the server drops the socket."""


class ApiError(Exception):
    """An error answer (status and description)."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


def _user(
    user_id: int,
    first_name: str = "Ann",
    username: str | None = None,
    language_code: str | None = None,
) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def text_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram would attach: a leading bot command and bare http(s) links."""
    entities: list[dict[str, Any]] = []
    command = re.match(r"/[a-zA-Z0-9_]+(?:@[a-zA-Z0-9_]+)?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for match in _URL_RE.finditer(text):
        entities.append(
            {
                "type": "url",
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities


class FakeTelegram:
    """The fake server's state and its Bot API methods."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.update_queued_at: dict[int, float] = {}
        self.members: dict[tuple[int, int], str] = {}
        self.files: dict[str, bytes] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        #: Command menus by (scope type, language code; "" for the default menu).
        self.commands: dict[tuple[str, str], dict[str, str]] = {}
        self.raw_updates_served = 0
        self.faults: dict[str, list[Fault]] = {}
        self.faulted: list[tuple[Call, Fault]] = []
        self.inline_queries: dict[str, dict[str, Any]] = {}
        self.inline_asked_at: dict[str, float] = {}
        self.inline_answers: dict[str, dict[str, Any]] = {}
        self.flood: FloodLimits | None = None
        self.webhook: dict[str, Any] | None = None
        self._next_update_id = 1000
        self._next_message_id: dict[int, int] = {}
        self._changed: asyncio.Event | None = None
        self._closed = False

    # ----- update factories -------------------------------------------------------------
    def _chat(self, chat_id: int, chat_type: str, title: str | None = None) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Ann"
        else:
            chat["title"] = title or f"Chat {chat_id}"
            if chat_type == "supergroup":
                chat["is_forum"] = True
        self.chats[chat_id] = chat
        return chat

    def _message_id(self, chat_id: int) -> int:
        self._next_message_id[chat_id] = self._next_message_id.get(chat_id, 0) + 1
        return self._next_message_id[chat_id]

    def make_message(
        self,
        text: str | None,
        *,
        chat_id: int,
        user_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
        thread_id: int | None = None,
        sender_chat_id: int | None = None,
        entities: list[dict[str, Any]] | None = None,
        document: dict[str, Any] | None = None,
        forward_from_channel: int | None = None,
        language_code: str | None = None,
    ) -> dict[str, Any]:
        """A message dict as Telegram sends it (stored so replies can refer to it).

        `language_code` is the sender's app language, as Telegram reports it ("de", "pt-br").
        """
        chat = self._chat(chat_id, chat_type)
        message: dict[str, Any] = {
            "message_id": self._message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
        }
        if user_id is not None:
            message["from"] = _user(user_id, language_code=language_code)
        if sender_chat_id is not None:
            message["sender_chat"] = {"id": sender_chat_id, "type": chat_type, "title": "Group"}
            message["from"] = {
                "id": 1087968824,
                "is_bot": True,
                "first_name": "Group",
                "username": "GroupAnonymousBot",
            }
        if text is not None:
            message["text"] = text
            ents = text_entities(text) if entities is None else entities
            if ents:
                message["entities"] = ents
        if document is not None:
            message["document"] = document
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if forward_from_channel is not None:
            message["forward_origin"] = {
                "type": "channel",
                "date": int(time.time()) - 60,
                "chat": {"id": forward_from_channel, "type": "channel", "title": "News"},
                "message_id": 42,
            }
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def make_document(self, name: str, data: bytes, mime: str = "text/plain") -> dict[str, Any]:
        """A document dict whose file the fake server can serve."""
        file_id = f"file{len(self.files) + 1}"
        self.files[file_id] = data
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": name,
            "mime_type": mime,
            "file_size": len(data),
        }

    def make_callback(
        self,
        data: str,
        *,
        message: dict[str, Any],
        user_id: int,
        language_code: str | None = None,
    ) -> dict[str, Any]:
        """A callback query on a bot message."""
        return {
            "id": f"cb{self._next_update_id}",
            "from": _user(user_id, language_code=language_code),
            "chat_instance": "ci",
            "message": message,
            "data": data,
        }

    def make_inline_query(self, text: str, *, user_id: int) -> dict[str, Any]:
        """An inline query as Telegram sends it for `@bot text` typed in some chat."""
        query_id = f"iq{self._next_update_id + 1}-{len(self.inline_queries)}"
        query = {"id": query_id, "from": _user(user_id), "query": text, "offset": ""}
        self.inline_queries[query_id] = query
        self.inline_asked_at[query_id] = time.perf_counter()
        return query

    def queue(self, **update: Any) -> dict[str, Any]:
        """Queue an update (e.g. `message=...`); returns it with its update_id."""
        self._next_update_id += 1
        update = {"update_id": self._next_update_id, **update}
        self.updates.append(update)
        self.update_queued_at[self._next_update_id] = time.perf_counter()
        self._notify()
        return update

    def queue_raw(self, update: dict[str, Any]) -> None:
        """Queue a literal update dict (for malformed-update tests)."""
        self._next_update_id = max(self._next_update_id, int(update.get("update_id", 0)))
        self.updates.append(update)
        self._notify()

    def inject(self, method: str, *faults: Fault) -> None:
        """Script the next calls to `method`: each call consumes one fault, in order."""
        self.faults.setdefault(method, []).extend(faults)

    # ----- waiting ----------------------------------------------------------------------
    def _event(self) -> asyncio.Event:
        if self._changed is None:
            self._changed = asyncio.Event()
        return self._changed

    def _notify(self) -> None:
        if self._changed is not None:
            self._changed.set()

    def close(self) -> None:
        """Wake every long poll so the server can stop."""
        self._closed = True
        self._notify()

    async def wait_for(self, predicate: Any, within_s: float = 10.0) -> Any:
        """Wait until `predicate(self)` is truthy; returns its value.

        Raises:
            TimeoutError: when it is still falsy after `within_s` seconds.
        """

        async def loop() -> Any:
            while True:
                value = predicate(self)
                if value:
                    return value
                event = self._event()
                event.clear()
                await event.wait()

        return await asyncio.wait_for(loop(), within_s)

    def sent(self, *methods: str) -> list[dict[str, Any]]:
        """Params of every call to these methods (default sendMessage and editMessageText)."""
        wanted = methods or ("sendMessage", "editMessageText")
        return [c.params for c in self.calls if c.method in wanted]

    def chat_texts(self, chat_id: int) -> list[str]:
        """Current text of every bot message in a chat (edits applied), in order."""
        return [
            m["text_html"]
            for (cid, _), m in sorted(self.messages.items())
            if cid == chat_id and "text_html" in m
        ]

    # ----- methods ----------------------------------------------------------------------
    async def handle(self, method: str, params: dict[str, Any]) -> Any:
        """Answer one method call; raises ApiError for an error answer."""
        call = Call(method, params)
        self.calls.append(call)
        self._notify()
        pending = self.faults.get(method, [])
        fault = next((f for f in pending if f.matches(params)), None)
        if fault is not None:
            pending.remove(fault)
            self.faulted.append((call, fault))
            if fault.delay_s:
                await asyncio.sleep(fault.delay_s)
            if fault.reset:
                raise ConnectionReset(method)
            if fault.status:
                parameters = (
                    {"retry_after": fault.retry_after} if fault.retry_after is not None else None
                )
                raise ApiError(fault.status, _STATUS_TEXT.get(fault.status, "Error"), parameters)
        if method == "getUpdates":
            return await self._get_updates(params)
        if self.flood is not None and method in MESSAGE_METHODS:
            self.flood.check(call)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(params)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self.updates = [u for u in self.updates if u.get("update_id", 0) >= offset]
        if not self.updates and timeout > 0 and not self._closed:
            event = self._event()
            event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout)
        batch = list(self.updates[:100])
        self.raw_updates_served += len(batch)
        return batch

    def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "NewsBrief",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        return True

    def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        if not url.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: bad webhook: invalid URL")
        self.webhook = {
            "url": url,
            "secret_token": params.get("secret_token"),
            "max_connections": int(params.get("max_connections") or 40),
        }
        self._notify()
        return True

    def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or not commands:
            raise ApiError(400, "Bad Request: commands must be a non-empty list")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        language = str(params.get("language_code") or "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise ApiError(400, "Bad Request: invalid language code specified")
        scope = params.get("scope") or {"type": "default"}
        self.commands[(str(scope.get("type")), language)] = {
            str(c["command"]): str(c["description"]) for c in commands
        }
        return True

    def _m_sendChatAction(self, params: dict[str, Any]) -> bool:
        self._require_chat(params)
        return True

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        if len(str(params.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: text is too long")
        return True

    def _m_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        """Check an answer as Telegram does and keep it (`inline_answers[query_id]`)."""
        query_id = str(params.get("inline_query_id"))
        asked = self.inline_asked_at.get(query_id)
        too_old = asked is None or time.perf_counter() - asked > INLINE_ANSWER_WINDOW_S
        if too_old or query_id in self.inline_answers:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is "
                "invalid",
            )
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_INVALID")
        for result in results:
            if len(str(result.get("id", "")).encode()) > 64 or not result.get("title"):
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            content = result.get("input_message_content") or {}
            self._check_text(
                {"text": content.get("message_text"), "parse_mode": content.get("parse_mode")}
            )
        self.inline_answers[query_id] = {**params, "answered_at": time.perf_counter()}
        return True

    def inline_texts(self, query_id: str) -> list[str]:
        """The message text of each result of an answered query."""
        answer = self.inline_answers.get(query_id) or {}
        return [r["input_message_content"]["message_text"] for r in answer.get("results", [])]

    def _require_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _check_text(self, params: dict[str, Any]) -> str:
        text = str(params.get("text") or "")
        if params.get("parse_mode") == "HTML":
            try:
                visible = parse_telegram_html(text)
            except TelegramHTMLError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from exc
        else:
            visible = text
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(visible) > MAX_TEXT_UNITS:
            raise ApiError(400, "Bad Request: message is too long")
        return visible

    def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._require_chat(params)
        visible = self._check_text(params)
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            key = (chat["id"], int(reply["message_id"]))
            if key not in self.messages and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
        message = {
            "message_id": self._message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "NewsBrief",
                "username": BOT_USERNAME,
            },
            "text": visible,
        }
        if params.get("message_thread_id"):
            message["message_thread_id"] = int(params["message_thread_id"])
        self.messages[(chat["id"], message["message_id"])] = {
            **message,
            "text_html": params.get("text"),
            "params": params,
        }
        return message

    def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._require_chat(params)
        key = (chat["id"], int(params["message_id"]))
        stored = self.messages.get(key)
        if stored is None or "text_html" not in stored:
            raise ApiError(400, "Bad Request: message to edit not found")
        visible = self._check_text(params)
        if params.get("text") == stored["text_html"] and "reply_markup" not in params:
            raise ApiError(400, "Bad Request: message is not modified")
        stored.update(text=visible, text_html=params.get("text"))
        return {k: v for k, v in stored.items() if k not in ("text_html", "params")}

    def _m_deleteMessage(self, params: dict[str, Any]) -> bool:
        chat = self._require_chat(params)
        self.messages.pop((chat["id"], int(params["message_id"])), None)
        return True

    def _m_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = self.members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {"status": status, "user": _user(user_id)}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                {
                    flag: True
                    for flag in (
                        "can_be_edited",
                        "can_manage_chat",
                        "can_delete_messages",
                        "can_manage_video_chats",
                        "can_restrict_members",
                        "can_promote_members",
                        "can_change_info",
                        "can_invite_users",
                        "can_post_stories",
                        "can_edit_stories",
                        "can_delete_stories",
                    )
                },
                is_anonymous=False,
            )
        return member

    def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(self.files[file_id]),
            "file_path": f"documents/{file_id}.bin",
        }

    def file_bytes(self, path: str) -> bytes | None:
        """Content for a file download path (`documents/<file_id>.bin`)."""
        name = path.rsplit("/", 1)[-1].removesuffix(".bin")
        return self.files.get(name)


def decode_form(body: bytes, content_type: str, query: str) -> dict[str, Any]:
    """Bot API parameters from a query string and a form/JSON body (values JSON-decoded)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    if body and content_type.startswith("application/json"):
        return {**dict(pairs), **json.loads(body)}
    if body and content_type.startswith("application/x-www-form-urlencoded"):
        pairs += parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    params: dict[str, Any] = {}
    for key, value in pairs:
        if key in STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


class FakeBotAPIServer:
    """FakeTelegram over real HTTP/1.1 (keep-alive, Content-Length bodies) on 127.0.0.1.

    Once the bot set a webhook, queued updates are posted to it instead of waiting for
    getUpdates: up to `max_connections` at once, each retried until it gets 200 (`posted`,
    `delivered` and `webhook_answers` record what happened).
    """

    def __init__(self, api: FakeTelegram) -> None:
        self.api = api
        self.port = 0
        self.delivered: dict[int, float] = {}
        #: When each update was first posted to the webhook (perf_counter).
        self.posted: dict[int, float] = {}
        self.webhook_answers: list[int] = []
        self._server: asyncio.base_events.Server | None = None
        self._conns: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self._pusher: asyncio.Task[None] | None = None

    @property
    def base_url(self) -> str:
        """Value for TELEGRAM_API_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        """Listen on a free port."""
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        self._pusher = asyncio.create_task(self._push_webhooks())

    async def _push_webhooks(self) -> None:
        """Post queued updates to the webhook, as Telegram does, until stopped."""
        in_flight: dict[int, asyncio.Task[None]] = {}
        client = WebhookClient()
        try:
            while not self.api._closed:
                hook = self.api.webhook
                if hook is not None:
                    for update in list(self.api.updates):
                        uid = update.get("update_id")
                        if uid in in_flight or len(in_flight) >= hook["max_connections"]:
                            continue
                        task = asyncio.create_task(self._post_update(client, hook, update))
                        in_flight[uid] = task
                        task.add_done_callback(lambda _t, u=uid: in_flight.pop(u, None))
                event = self.api._event()
                event.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), 0.2)
            for task in list(in_flight.values()):
                task.cancel()
            await asyncio.gather(*in_flight.values(), return_exceptions=True)
        finally:
            client.close()

    async def _post_update(
        self, client: WebhookClient, hook: dict[str, Any], update: dict[str, Any]
    ) -> None:
        headers = {"Content-Type": "application/json"}
        if hook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(hook["secret_token"])
        self.posted.setdefault(int(update["update_id"]), time.perf_counter())
        client.max_connections = int(hook["max_connections"])
        try:
            status = await client.post(hook["url"], json.dumps(update).encode(), headers)
        except WebhookError:
            status = 0
        self.webhook_answers.append(status)
        if status == 200:
            with contextlib.suppress(ValueError):
                self.api.updates.remove(update)
            self.delivered[int(update["update_id"])] = time.perf_counter()
            self.api._notify()
        else:
            await asyncio.sleep(0.5)  # Telegram backs off before trying again

    async def stop(self) -> None:
        """Stop listening and drop open connections."""
        self.api.close()
        if self._pusher is not None:
            await self._pusher
        if self._server is not None:
            self._server.close()
        # Closing the transports ends each connection loop at its next read; no cancellation.
        for writer in list(self._conns.values()):
            writer.close()
        if self._conns:
            await asyncio.wait(list(self._conns), timeout=5)
        if self._server is not None:
            await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._conns[task] = writer
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                method, target, _ = line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while True:
                    header = await reader.readline()
                    if header in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = header.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0"))
                body = await reader.readexactly(length) if length else b""
                try:
                    status, content_type, payload = await self._route(
                        method, target, headers, body
                    )
                except ConnectionReset:
                    writer.transport.abort()  # RST, no answer: what a dying proxy does
                    break
                head = (
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                    f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n"
                    "Connection: keep-alive\r\n\r\n"
                )
                writer.write(head.encode("latin-1") + payload)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            self._conns.pop(task, None)
            writer.close()

    async def _route(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        path = unquote(parts.path)
        file_prefix = f"/file/bot{self.api.token}/"
        if method == "GET" and path.startswith(file_prefix):
            data = self.api.file_bytes(path.removeprefix(file_prefix))
            if data is None:
                return 404, "text/plain", b"not found"
            return 200, "application/octet-stream", data
        api_prefix = f"/bot{self.api.token}/"
        if not path.startswith(api_prefix):
            return self._error(401, "Unauthorized")
        params = decode_form(body, headers.get("content-type", ""), parts.query)
        try:
            result = await self.api.handle(path.removeprefix(api_prefix), params)
        except ApiError as exc:
            return self._error(exc.status, exc.description, exc.parameters)
        return 200, "application/json", json.dumps({"ok": True, "result": result}).encode()

    @staticmethod
    def _error(
        status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> tuple[int, str, bytes]:
        payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            payload["parameters"] = parameters
        return status, "application/json", json.dumps(payload).encode()
