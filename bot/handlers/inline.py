"""Inline mode: `@bot <link>` in any chat answers with one result, the link's summary.

Every query is answered once (unless a newer query from the same user replaced it, whose
answer is the one Telegram shows): a usage hint until the query holds a complete link, else
the summary, a "still reading" result when it is not ready by the deadline, the error's
text, or "slow down" over the user's quota. Summaries come from the shared URL cache
(`SummaryService.for_url`), so a link is fetched once however many people ask.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineQuery, InlineQueryResultArticle, Update

from bot import texts
from bot.context import BotContext
from bot.handlers.guard import charge
from bot.i18n import Texts
from bot.inline import inline_url, notice_result, reading_result, summary_result, usage_result
from bot.quota import Verdict
from summaries import SummaryError, SummaryOptions

_LOG = logging.getLogger(__name__)
#: Seconds Telegram clients may cache an answer: hints for long, summaries briefly (they are
#: cached on our side), "still reading" never.
USAGE_CACHE_S = 300
SUMMARY_CACHE_S = 60


async def on_inline_query(update: Update, context: BotContext) -> None:
    """Answer an inline query; a newer query from the same user cancels this one's work."""
    query = update.inline_query
    if query is None:
        return
    deps = context.deps
    tx = await context.texts(update)
    work = asyncio.create_task(_answer(query, context, tx))
    deps.inline_queries.start(query.from_user.id, work)
    try:
        await asyncio.wait({work})
    finally:
        deps.inline_queries.finish(query.from_user.id, work)
    if not work.cancelled():
        work.result()  # a bug goes to the error handler, which still answers the query


async def _answer(query: InlineQuery, context: BotContext, tx: Texts) -> None:
    deps = context.deps
    url = inline_url(query.query)
    if url is None:
        await query.answer([usage_result(context.bot.username, tx)], cache_time=USAGE_CACHE_S)
        return
    # Wait for the user to stop typing; a newer query cancels this one here, before any fetch.
    await asyncio.sleep(deps.settings.inline_settle_s)
    if await charge(context, query.from_user.id, None) is not Verdict.ALLOW:
        slow = notice_result("slow", url, tx(texts.INLINE_SLOW_DOWN_TITLE), tx(texts.SLOW_DOWN))
        await query.answer([slow], cache_time=0, is_personal=True)
        return
    # The user's own settings (their private chat with the bot) apply in any chat.
    options = (await deps.service.chat_settings(query.from_user.id)).to_options()
    result, cache_time = await _result(context, url, options, tx)
    await query.answer([result], cache_time=cache_time, is_personal=True)


async def _result(
    context: BotContext, url: str, options: SummaryOptions, tx: Texts
) -> tuple[InlineQueryResultArticle, int]:
    """The one result for `url` and how long clients may cache it."""
    service = context.deps.service
    deadline = context.deps.settings.inline_deadline_s
    try:
        # The service shields the shared fetch: on timeout it goes on and lands in the cache.
        summary = await asyncio.wait_for(service.for_url(url, options), deadline)
    except TimeoutError:
        _LOG.info("inline summary not ready within %g s: %s", deadline, url)
        return reading_result(url, tx), 0
    except SummaryError as exc:
        _LOG.info("inline summary failed: %s: %s", type(exc).__name__, exc)
        await service.record_error(exc)
        text = texts.error_text(exc, tx)
        return notice_result("error", url, tx(texts.INLINE_ERROR_TITLE), text), 0
    await service.record_served(None)
    return summary_result(summary, url, tx), SUMMARY_CACHE_S
