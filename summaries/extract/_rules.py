"""Thresholds and boilerplate patterns the HTML extractor works with, kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summaries.extract._title_rules import TitleRules
from summaries.text import (
    AD_LABELS,
    CONTENTS_HEADINGS,
    PHOTO_CREDIT_LABELS,
    SEE_ALSO,
    first_char_lookahead,
    phrase_pattern,
)

_SEE_ALSO = phrase_pattern(SEE_ALSO)
_PHOTO_LABELS = phrase_pattern(PHOTO_CREDIT_LABELS)
_AD_LABELS = phrase_pattern(AD_LABELS)
_CONTENTS = phrase_pattern(CONTENTS_HEADINGS)

#: A paragraph "ends like prose" when its last visible character closes a sentence (any script):
#: closing quotes of every language may follow (German „…“, French « … », Japanese 「…」), and
#: so may an editor's or agency's initials in brackets ("… Bahnumschlags. (cm)", "(FR mit dpa)")
#: or emoji.
SENTENCE_END = re.compile(
    r"[.!?。！？…؟।۔][\"'“”‘’«»‹›)\]」』）]*"
    r"(?:\s*\([^()]{1,30}\))?"
    r"[\s\U0001f300-\U0001faff\u2600-\u27bf\ufe0f]*$"
)

#: CJK, kana and hangul: one such character carries about as much as a short word.
DENSE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

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


def boilerplate_line(furniture: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """Lines that are boilerplate wherever they occur: teaser prefixes, share/follow/subscribe
    calls, credits and copyright lines, tag lists, plus `furniture`. Matched case-insensitively
    on the stripped paragraph."""
    extra = "".join(f"\n      | {pattern}" for _, pattern in furniture)
    return re.compile(
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


BOILERPLATE_LINE = boilerplate_line(FURNITURE_LINES)

#: A line that opens a block of teasers: everything after it up to the next prose is dropped.
TEASER_HEADING = re.compile(
    rf"""^(?:related(?:\ \w+)?|read\ (?:more|next|also)|see\ also
      |more\ (?:stories|news|articles|from|on|in)\b
      |recommended|you\ (?:may|might)\ (?:also\ )?like|most\ (?:popular|read|viewed)|trending
      |don'?t\ miss|top\ stories|latest\ (?:news|stories)|further\ reading
      |{_SEE_ALSO}|das\ k[öo]nnte\ sie|热门(?:文章|新闻)
    )(?:\s+[^\s.!?]+){{0,4}}?\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Words that bylines carry next to names: dates, roles, "updated"; cut from an author's end.
BYLINE_NOISE = re.compile(
    r"""(?:\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march
      |april|may|june|july|august|september|october|november|december|published|updated|posted
      |staff|writer|reporter|editor|correspondent|contributor|shares?|com|and))+$""",
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
    return re.compile(f"{first_char_lookahead(body, flags)}(?:{body})", flags)


FURNITURE_MARK = furniture_mark(FURNITURE_MARKS)

#: A short line containing one of these marks is an image credit or caption, not prose.
_CAPTION_MARK = rf"©|\((?:{_PHOTO_LABELS})[^)]*\)$|\bcredit:\s"
CAPTION_MARK = re.compile(
    first_char_lookahead(_CAPTION_MARK, re.IGNORECASE) + f"(?:{_CAPTION_MARK})", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ExtractionRules:
    """Thresholds of the extractor; one instance per pipeline.

    Attributes:
        prose_min_chars: a paragraph this long (dense scripts count triple) that ends like a
            sentence counts as prose.
        fallback_below_prose_chars: run the slower recall passes when the fast pass yields
            less prose than this.
        min_article_chars: less body text than this is no article (paywall stub, JS shell).
        caption_max_chars: captions, credits and teaser links are at most this long.
        pitch_max_chars: a paragraph this short with a `FURNITURE_MARK` is dropped.
        kicker_max_chars: a line this short before the repeated title is a section label.
        trailing_window: how many paragraphs at the end are checked for trailing boilerplate.
        tail_prose_chars: a closing paragraph this long is article text even when it ends
            without a full stop (a sentence cut by an editor's note, a list of points). 5-fold
            cross-validation over the multilingual dev pages: better on 2 folds, worse on none
            (F1 +0.002); English pages unchanged (120 was better on 3 folds and worse on 1,
            but cost English F1 0.001).
        max_link_share: a body whose text is more than this share link texts is a link list.
        keep_standfirst: put back the standfirst printed above the body when it repeats the
            page's meta description (`_standfirst`).
        standfirst_min_chars: a shorter standfirst is a dek, a second headline of one line,
            which article-body golds leave out with the headline.
        refuse_reference_pages: a page without date or author, without a run of long
            paragraphs and with more formula or code elements than body words is no article
            (`_reference`).
        title: how the headline is chosen among the page's statements of it.
    """

    prose_min_chars: int = 80
    fallback_below_prose_chars: int = 400
    min_article_chars: int = 250
    max_link_share: float = 0.4
    caption_max_chars: int = 200
    pitch_max_chars: int = 300
    kicker_max_chars: int = 40
    trailing_window: int = 12
    tail_prose_chars: int = 300
    keep_standfirst: bool = True
    standfirst_min_chars: int = 120
    refuse_reference_pages: bool = True
    title: TitleRules = field(default_factory=TitleRules)


DEFAULT_EXTRACTION_RULES = ExtractionRules()
