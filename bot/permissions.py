"""Who may change a chat's settings: chat admins (cached with a TTL) or the private chat's user."""

from __future__ import annotations

import logging

from telegram import Chat, ChatMember, User
from telegram.error import TelegramError

from bot.context import BotContext
from bot.storage.base import StoreError

_LOG = logging.getLogger(__name__)
ADMIN_STATUSES = frozenset({ChatMember.OWNER, ChatMember.ADMINISTRATOR})


async def can_change_settings(
    context: BotContext, chat: Chat, user: User | None, sender_chat: Chat | None = None
) -> bool:
    """True when this user (or anonymous admin) may change the chat's settings.

    Private chats belong to their user. An anonymous admin posts as the chat itself
    (`sender_chat.id == chat.id`). Other users are looked up with getChatMember; the answer is
    cached for `admin_cache_ttl_s` in the shared state (every replica sees it).
    """
    if chat.type == Chat.PRIVATE:
        return True
    if sender_chat is not None and sender_chat.id == chat.id:
        return True
    if user is None:
        return False
    shared = context.deps.shared
    try:
        cached = await shared.get_admin(chat.id, user.id)
    except StoreError as exc:
        _LOG.error("storage failure while reading the admin cache: %s", exc)
        cached = None
    if cached is not None:
        return cached
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        _LOG.warning("getChatMember failed for chat %s: %s", chat.id, exc)
        return False
    allowed = member.status in ADMIN_STATUSES
    try:
        await shared.set_admin(chat.id, user.id, allowed, context.deps.settings.admin_cache_ttl_s)
    except StoreError as exc:
        _LOG.error("storage failure while caching an admin status: %s", exc)
    return allowed
