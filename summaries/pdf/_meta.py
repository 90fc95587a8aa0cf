"""A PDF's document information (title, author, creation date) → ArticleMeta, when plausible."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from summaries.models import ArticleMeta

#: Titles that tools write when the author wrote none.
PLACEHOLDER_TITLES = frozenset(
    {"untitled", "title", "document", "print", "slide 1", "pdf", "unknown", "(anonymous)", "none"}
)
#: Authors that are accounts or software, not people or newsrooms.
PLACEHOLDER_AUTHORS = frozenset(
    {"admin", "administrator", "user", "owner", "unknown", "author", "anonymous", "none"}
)
#: A title that is an office tool's window caption or a file name.
_FILE_LIKE = re.compile(
    r"^(?:microsoft (?:word|powerpoint|excel) - )|\.(?:docx?|pdf|indd|qxd|tex|rtf|odt|pptx?|"
    r"xlsx?|txt|html?)$|[\\/]|^[\w-]+_[\w-]+$",
    re.IGNORECASE,
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
EARLIEST_YEAR = 1993  # PDF 1.0


def plausible_title(value: str | None) -> str | None:
    """The title, unless it is empty, a placeholder, a file name or absurdly long or short."""
    title = " ".join((value or "").split())
    if not 4 <= len(title) <= 250 or not re.search(r"[^\W\d_]", title):
        return None
    if title.lower() in PLACEHOLDER_TITLES or _FILE_LIKE.search(title):
        return None
    return title


def plausible_author(value: str | None) -> str | None:
    """The author, unless it is an account name, software or not a name at all."""
    author = " ".join((value or "").split())
    if not 2 <= len(author) <= 100 or not re.search(r"[^\W\d_]", author):
        return None
    return None if author.lower() in PLACEHOLDER_AUTHORS else author


def pdf_date(value: str | None, today: dt.date | None = None) -> dt.date | None:
    """A PDF date string ("D:20240503093000+00'00'") as a date, if it is a real past date."""
    match = _PDF_DATE.match((value or "").strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    latest = (today or dt.datetime.now(dt.UTC).date()) + dt.timedelta(days=1)
    return date if dt.date(EARLIEST_YEAR, 1, 1) <= date <= latest else None


def pdf_meta(info: Mapping[str, str], url: str | None, headline: str | None) -> ArticleMeta:
    """ArticleMeta from the document information, falling back to the printed headline."""
    return ArticleMeta(
        title=plausible_title(info.get("Title")) or headline,
        author=plausible_author(info.get("Author")),
        published=pdf_date(info.get("CreationDate")),
        url=url,
    )
