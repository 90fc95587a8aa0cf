"""Thresholds and boilerplate patterns the HTML extractor works with, kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summaries.extract._title_rules import TitleRules
from summaries.text import (
    FURNITURE_LINES,
    FURNITURE_MARKS,
    PHOTO_CREDIT_LABELS,
    SEE_ALSO,
    boilerplate_line,
    first_char_lookahead,
    furniture_mark,
    phrase_pattern,
)

_SEE_ALSO = phrase_pattern(SEE_ALSO)
_PHOTO_LABELS = phrase_pattern(PHOTO_CREDIT_LABELS)

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

#: Furniture lines and marks (`summaries.text`): a paragraph matching a line pattern at its
#: start, or a short one with a mark anywhere, is dropped (`ExtractionRules.pitch_max_chars`).
BOILERPLATE_LINE = boilerplate_line(FURNITURE_LINES)
FURNITURE_MARK = furniture_mark(FURNITURE_MARKS)

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
