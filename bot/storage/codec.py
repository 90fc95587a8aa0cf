"""Stored rows ⇄ objects for every backend: Summary ⇄ versioned JSON for the cache (old rows are
ignored), chat settings ⇄ JSON records; an unreadable row is logged and read as "nothing there"."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from bot.storage.base import ChatSettings
from summaries import Attribution, Quote, Sentence, Summary

#: 2: quotes carry the speaker shown; the summary its word count and whether input was cut.
FORMAT_VERSION = 2
_LOG = logging.getLogger(__name__)


def dump_summary(summary: Summary) -> str:
    """Serialise a Summary to a JSON string."""
    a = summary.attribution
    doc: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "title": summary.title,
        "language": summary.language,
        "sentences": [[s.index, s.text, s.score] for s in summary.sentences],
        "quotes": [
            [q.text, q.speaker, q.start, q.end, q.speaker_name, q.display_speaker]
            for q in summary.quotes
        ],
        "attribution": {
            "publication": a.publication,
            "author": a.author,
            "published": a.published.isoformat() if a.published else None,
            "wire": list(a.wire),
            "cited": list(a.cited),
            "dateline": a.dateline,
            "url": a.url,
        },
        "article_words": summary.article_words,
        "total_sentences": summary.total_sentences,
        "summary_words": summary.summary_words,
        "algorithm": summary.algorithm,
        "text_cut": summary.text_cut,
        "image_url": summary.image_url,
        "pages": [summary.pages_read, summary.pages_total],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _quote(row: list[Any]) -> Quote:
    text, speaker, start, end, name, shown = row
    return Quote(str(text), speaker, int(start), int(end), name, shown)


def load_summary(data: str) -> Summary | None:
    """Rebuild a Summary from `dump_summary` output; None for another format version."""
    doc = json.loads(data)
    if not isinstance(doc, dict) or doc.get("v") != FORMAT_VERSION:
        return None
    a = doc["attribution"]
    published = dt.date.fromisoformat(a["published"]) if a.get("published") else None
    return Summary(
        title=doc["title"],
        language=doc["language"],
        sentences=tuple(Sentence(int(i), str(t), float(s)) for i, t, s in doc["sentences"]),
        quotes=tuple(_quote(q) for q in doc["quotes"]),
        attribution=Attribution(
            publication=a.get("publication"),
            author=a.get("author"),
            published=published,
            wire=tuple(a.get("wire", ())),
            cited=tuple(a.get("cited", ())),
            dateline=a.get("dateline"),
            url=a.get("url"),
        ),
        article_words=int(doc["article_words"]),
        total_sentences=int(doc["total_sentences"]),
        summary_words=int(doc["summary_words"]),
        algorithm=str(doc["algorithm"]),
        text_cut=bool(doc["text_cut"]),
        image_url=doc.get("image_url"),
        pages_read=int(doc.get("pages", (0, 0))[0]),
        pages_total=int(doc.get("pages", (0, 0))[1]),
    )


def read_summary_row(data: str) -> Summary | None:
    """A cached summary from its stored JSON; None (logged) for an unreadable or old row."""
    try:
        return load_summary(data)
    except (ValueError, KeyError, TypeError):
        _LOG.warning("unreadable cache row; ignoring it")
        return None


def read_settings_row(data: str, chat_id: int) -> ChatSettings:
    """A chat's settings from its stored JSON record; the defaults (logged) when unreadable."""
    try:
        record = json.loads(data)
    except ValueError:
        _LOG.warning("unreadable settings row for chat %s; using defaults", chat_id)
        return ChatSettings()
    return ChatSettings.from_record(record) if isinstance(record, dict) else ChatSettings()
