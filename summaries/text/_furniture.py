"""Furniture of web pages in any language, as data: lines and marks that are never article text.

Shared by the HTML extractor and the paste cleaner, so a page's newsletter pitch or tag line goes
whichever way the page arrives. The patterns are built on first use (both stages get the same
compiled object) and come from the regex cache when it holds them.
"""

from __future__ import annotations

import functools
import re

from summaries.text._page_words import (
    AD_LABELS,
    CONTENTS_HEADINGS,
    PHOTO_CREDIT_LABELS,
    SEE_ALSO,
    phrase_pattern,
)
from summaries.text._regex import first_char_lookahead
from summaries.text._regex_cache import compile_cached

_SEE_ALSO = phrase_pattern(SEE_ALSO)
_PHOTO_LABELS = phrase_pattern(PHOTO_CREDIT_LABELS)
_AD_LABELS = phrase_pattern(AD_LABELS)
_CONTENTS = phrase_pattern(CONTENTS_HEADINGS)

#: Furniture lines of the multilingual pages, by kind, each matched at the start of a stripped
#: paragraph. Named so that `benchmarks/cross_validation.py` can weigh each kind on every set.
FURNITURE_LINES: tuple[tuple[str, str], ...] = (
    ("contents headings", rf"(?:{_CONTENTS})\W*$"),
    ("ad labels", rf"\*?\[?(?:{_AD_LABELS})\s*(?:[.:|\]]|$)"),
    (
        "figure captions",
        r"(?:figure|fig\.|abbildung|abb\.|grafik|figura|tabelle|table)\ ?\d+\s*[:.]",
    ),
    ("source credits", r"(?:quelle|fuente|источник)\s*:"),
)


@functools.cache
def boilerplate_line(furniture: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """Lines that are boilerplate wherever they occur: teaser prefixes, share/follow/subscribe
    calls, credits and copyright lines, tag lists, plus `furniture`. Matched case-insensitively
    on the stripped paragraph."""
    extra = "".join(f"\n      | {pattern}" for _, pattern in furniture)
    return compile_cached(
        rf"""^(?:
        (?:read|see|watch|listen)\ (?:more|also|next)\b\s*[:.\-–—]?
      | related(?:\ (?:articles?|stories|posts?|content|coverage|reading|links?))?\s*[:.\-–—]
      | (?:more|also)\ (?:on|from|in)\ [^.!?]{{0,60}}:
      | don'?t\ miss\b
      | recommended(?:\ for\ you)?\s*[:.\-–—]?$
      | advertisement$ | sponsored(?:\ content)?$ | ad$
      | share\ (?:this|on)\b | click\ here\ to\b
      | (?:follow|like)\ (?:us|me|him|her|them|[\w.@ ]{{1,60}}?)\ on\ (?:facebook|twitter|instagram
          |x|linkedin|youtube|tiktok|threads|bluesky|mastodon)\b
      | (?:sign\ up|subscribe|register)\b.{{0,80}}\b(?:newsletter|inbox|updates|alerts)\b
      | (?:get|have)\ .{{0,60}}\bdelivered\b.{{0,40}}\b(?:inbox|letterbox|door|mailbox)\b
      | (?:reporting|writing|editing|additional\ reporting|compiled)\ by\ .{{0,200}}$
      | (?:copyright|©|\(c\)|ⓒ)\s
      | all\ rights\ reserved
      | (?:tags?|filed\ under|categories|category|topics?)\s*[:|]
      | tags?$ | comments?$ | \d+\ comments?$ | leave\ a\ (?:comment|reply)\b
      | tell\ us\ what\ you\ think\b
      | (?:{_PHOTO_LABELS}|video)s?\s*(?:credit)?\s*[:©]
      | \((?:photo|image|picture)\ (?:credit|courtesy|by)\b[^)]*\)$
      | {_SEE_ALSO}(?!\w)
      | m[áa]s\ informaci[óo]n\s*: | 责任编辑\s*[:：] | 原标题\s*[:：]{extra}
    )""",
        re.IGNORECASE | re.VERBOSE,
    )


#: Marks of furniture anywhere in a short paragraph, by kind: pitches for newsletters,
#: subscriptions, apps and channels, affiliate disclosures, download links with their file size.
#: Articles say "subscribers" and "sign up" too: only the pitch's own phrases count.
FURNITURE_MARKS: tuple[tuple[str, str], ...] = (
    (
        "newsletter",
        r"\b(?:sign\ up|subscribe|register)\b.{0,120}\b(?:newsletters?|inbox|e-?mail\ updates)\b"
        r"|newsletter",
    ),
    (
        "subscription",
        r"\b(?:please\ subscribe|subscribe\ now|already\ a\ subscriber|first-time\ subscribers)\b"
        r"|\bsubscribe\b.{0,60}\bfull\ story\b|\babonnieren\b|\bsuscr[íi]b(?:ete|ase)\b",
    ),
    (
        "apps and channels",
        r"\bdownload\ (?:the|our)\ .{0,40}\bapps?\b"
        r"|\b(?:canal|kanal|channel)\ (?:de\ |on\ )?(?:youtube|telegram|whatsapp)\b"
        r"|\b(?:youtube|telegram|whatsapp)[-\ ]?(?:channel|kanal)\b",
    ),
    ("feedback calls", r"\b(?:want\ to\ hear|let\ us\ know)\ what\ you\ think\b"),
    (
        "affiliate disclosures",
        r"\baffiliate[-\ ]links?\b|\bcontains\ references\ to\ products\b"
        r"|\benthält\ (?:werbung|affiliate)",
    ),
    (
        "file sizes",
        r"(?<![^\W\d_])(?:pdf|docx?|xlsx?|pptx?|zip|mp3)\b\W{0,3}\d+(?:[.,]\d+)?\s?[kmg]i?b\b",
    ),
)


@functools.cache
def furniture_mark(marks: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern searching for any of `marks` (none: a pattern that never matches).

    Each mark, and the whole, is led by a lookahead on the letters its matches start with:
    the search then tests the marks only where a match may begin (same matches, about half
    the time on the dev pages' short paragraphs).
    """
    if not marks:
        return re.compile(r"(?!)")
    flags = re.IGNORECASE | re.VERBOSE
    body = "|".join(f"{first_char_lookahead(pattern, flags)}(?:{pattern})" for _, pattern in marks)
    return compile_cached(f"{first_char_lookahead(body, flags)}(?:{body})", flags)
