"""Summary → Telegram HTML messages, each within the 4096-character limit (plain functions)."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot import texts
from bot.i18n import ENGLISH, Texts
from summaries import Attribution, Quote, Summary

MAX_MESSAGE_UNITS = 4096
#: Quotes longer than this go into a collapsed (expandable) blockquote.
LONG_QUOTE_CHARS = 160
SEPARATOR = " · "
_QUOTE_MARKS = "\"“”„«»‘’'"


#: Characters never sent from article text: C0/C1 controls (binary junk; Telegram may reject
#: them) and bidi overrides/isolates, which could flip how our own labels read.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_text(text: str) -> str:
    """Article text made safe for HTML parse mode: unsafe characters dropped, then escaped."""
    return html.escape(_UNSAFE_CHARS.sub("", text))


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of the reply: items joined by newlines inside one wrapping tag pair."""

    items: tuple[str, ...]
    open_tag: str = ""
    close_tag: str = ""

    def render(self) -> str:
        """The block as HTML."""
        return self.open_tag + "\n".join(self.items) + self.close_tag


def format_date(value: dt.date, tx: Texts = ENGLISH) -> str:
    """21 Dec 2014 (in the interface locale's own order and month names)."""
    return tx.date(value)


def source_line(a: Attribution, tx: Texts = ENGLISH) -> str:
    """publication · author · date · wire · via cited outlets (escaped; empty when unknown).

    Names from the article are isolated in right-to-left interfaces, so a Latin-script
    outlet never reorders the date or "via" around it.
    """
    names: list[str] = []
    if a.publication:
        names.append(a.publication)
    if a.author and a.author != a.publication:
        names.append(a.author)
    parts = [tx.isolate(escape_text(n)) for n in names]
    if a.published:
        parts.append(html.escape(format_date(a.published, tx)))
    wire = [w for w in a.wire if w not in names]
    parts.extend(tx.isolate(escape_text(w)) for w in wire)
    cited = [c for c in a.cited if c not in names and c not in wire]
    if cited:
        outlets = tx.isolate(escape_text(", ".join(cited)))
        parts.append(html.escape(tx(texts.SOURCE_VIA)).format(outlets=outlets))
    return tx.line(SEPARATOR.join(parts))


def title_line(title: str | None, url: str | None, tx: Texts = ENGLISH) -> str:
    """Bold title, linked to the article when it came from a URL."""
    if title:
        bold = f"<b>{escape_text(title)}</b>"
    elif url:
        bold = f"<b>{html.escape(tx(texts.UNTITLED_LINK))}</b>"
    else:
        return ""
    if url:
        return f'<a href="{html.escape(url, quote=True)}">{bold}</a>'
    return bold


def quote_line(q: Quote) -> str:
    """“text” — speaker (no dash when the speaker is unknown or only a pronoun)."""
    body = "“" + escape_text(q.text.strip().strip(_QUOTE_MARKS)) + "”"
    speaker = q.display_speaker
    return f"{body} — {escape_text(speaker)}" if speaker else body


def footer_line(summary: Summary, tx: Texts = ENGLISH) -> str:
    """English · 3 of 27 sentences · 85% shorter (all in the interface language)."""
    parts = [texts.language_label(summary.language, tx, capitalize=True)]
    parts.append(
        tx.plural(
            texts.FOOTER_SENTENCES,
            summary.total_sentences,
            picked=tx.number(len(summary.sentences)),
        )
    )
    if summary.percent_shorter > 0:
        parts.append(tx(texts.FOOTER_SHORTER, percent=tx.percent(summary.percent_shorter)))
    return tx.line(html.escape(SEPARATOR.join(parts)))


def summary_blocks(summary: Summary, url: str | None = None, tx: Texts = ENGLISH) -> list[Block]:
    """The reply's paragraphs in display order."""
    link = url or summary.attribution.url
    head = [
        line
        for line in (title_line(summary.title, link, tx), source_line(summary.attribution, tx))
        if line
    ]
    blocks: list[Block] = []
    if head:
        blocks.append(Block(tuple(head)))
    if summary.sentences:
        blocks.append(Block(tuple(f"• {escape_text(s.text.strip())}" for s in summary.sentences)))
    short = [quote_line(q) for q in summary.quotes if len(q.text) <= LONG_QUOTE_CHARS]
    long = [quote_line(q) for q in summary.quotes if len(q.text) > LONG_QUOTE_CHARS]
    if short:
        blocks.append(Block(tuple(short), "<blockquote>", "</blockquote>"))
    if long:
        blocks.append(Block(tuple(long), "<blockquote expandable>", "</blockquote>"))
    blocks.append(Block((footer_line(summary, tx),)))
    return blocks


def _cut_item(item: str, limit: int) -> list[str]:
    """Split one over-long tag-free item at spaces, never inside an HTML entity."""
    pieces: list[str] = []
    rest = item
    while utf16_len(rest) > limit:
        cut = limit
        while utf16_len(rest[:cut]) > limit:
            cut -= 1
        space = rest.rfind(" ", 0, cut)
        amp = rest.rfind("&", 0, cut)
        if amp > space and ";" not in rest[amp:cut]:
            cut = amp  # do not split "&amp;"
        elif space > limit // 2:
            cut = space
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def pack_messages(blocks: Sequence[Block], limit: int = MAX_MESSAGE_UNITS) -> list[str]:
    """Pack blocks into messages of at most `limit` UTF-16 units.

    Messages break between blocks (blank line) when the next block fits a message whole;
    a block longer than a message fills the current one item by item (its tags are closed and
    reopened across messages); an item longer than a message is cut at spaces. Tags are never
    cut.
    """
    messages: list[str] = []
    current = ""

    def join(head: str, tail: str) -> str:
        return f"{head}\n\n{tail}" if head else tail

    for block in blocks:
        rendered = block.render()
        if utf16_len(join(current, rendered)) <= limit:
            current = join(current, rendered)
            continue
        if utf16_len(rendered) <= limit:
            messages.append(current)
            current = rendered
            continue
        wrap = utf16_len(block.open_tag) + utf16_len(block.close_tag)
        items = [piece for item in block.items for piece in _cut_item(item, limit - wrap)]
        part: list[str] = []
        for item in items:
            candidate = Block((*part, item), block.open_tag, block.close_tag).render()
            if utf16_len(join(current, candidate)) <= limit:
                part.append(item)
                continue
            if part:
                messages.append(
                    join(current, Block(tuple(part), block.open_tag, block.close_tag).render())
                )
            elif current:
                messages.append(current)
            current, part = "", [item]
        if part:
            current = join(current, Block(tuple(part), block.open_tag, block.close_tag).render())
    if current:
        messages.append(current)
    return [m for m in messages if m]


def render_summary(
    summary: Summary,
    url: str | None = None,
    limit: int = MAX_MESSAGE_UNITS,
    tx: Texts = ENGLISH,
) -> list[str]:
    """Render a summary as one or more HTML messages.

    Args:
        summary: What the pipeline returned.
        url: The link the user sent (the title links to it).
        limit: Maximum message length in UTF-16 units.
        tx: The interface language of the labels (the article's text is never translated).

    Returns:
        Messages in order; each is valid Telegram HTML within `limit`.
    """
    return pack_messages(summary_blocks(summary, url, tx), limit)


def render_notice(text: str) -> str:
    """An error or notice as a one-line message (escaped)."""
    return html.escape(text)


def render_single(
    summary: Summary,
    url: str | None = None,
    limit: int = MAX_MESSAGE_UNITS,
    tx: Texts = ENGLISH,
) -> str:
    """The summary as one message within `limit` (an inline result has room for one).

    Quotes are dropped from the last first, then sentences (the first always stays); a
    summary still too long is cut at the limit.
    """
    quotes, sentences = list(summary.quotes), list(summary.sentences)
    while True:
        trimmed = replace(summary, quotes=tuple(quotes), sentences=tuple(sentences))
        messages = render_summary(trimmed, url, limit, tx)
        if len(messages) == 1:
            return messages[0]
        if quotes:
            quotes.pop()
        elif len(sentences) > 1:
            sentences.pop()
        else:
            return messages[0]
