"""Split a paste into line units and label each one (prose, heading, menu, caption, date, …)."""

from __future__ import annotations

import enum
import re
from collections import Counter
from dataclasses import dataclass

from summaries.paste._dates import is_date_line
from summaries.paste._rules import (
    AGENCY_WORDS,
    BANNERS,
    BYLINE_RE,
    CAMEL_JOIN_RE,
    CAMEL_PAIR_RE,
    CAPTION_HEAD_RE,
    CAPTION_INFIXES,
    CAPTION_TAIL_CHARS,
    CAPTION_TAIL_KEY_RE,
    CAPTION_TAIL_RE,
    CJK_RE,
    COPYRIGHT_RE,
    FOOTER_RE,
    IMAGE_FILE_RE,
    INTRO_END_RE,
    LEAD_MARKER_RE,
    LIST_ITEM_RE,
    MENUS,
    RIGHTS,
    SECTIONS,
    TERMINAL_RE,
    TRUNCATED_RE,
    UNSPACED_RE,
    WORD_INITIAL_RE,
    WORD_RE,
    PasteRules,
)

_LINE_SPLIT_RE = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")


class Kind(enum.Enum):
    """What a line is, as far as one line can tell."""

    PROSE = "prose"
    SHORT = "short"  # a short line that ends like a sentence
    HEADING = "heading"  # short, no sentence end: headline, menu item, subheading
    MENU = "menu"  # navigation / call-to-action / ad marker
    BANNER = "banner"  # cookie banner, newsletter box, affiliate note (any length)
    SECTION = "section"  # "Comments", "Related stories", "Most read": what follows an article
    ITEM = "item"  # a numbered or bulleted list item
    LEAD = "lead"  # "Read more: …", "Related: …" teaser links
    CAPTION = "caption"  # photo caption or credit
    DATE = "date"  # date or "time ago" stamp
    BYLINE = "byline"  # "By Jane Doe"
    FOOTER = "footer"  # "Published in Dawn, …", copyright


@dataclass(slots=True)
class Unit:
    """One line of the paste (or one hard-wrapped paragraph made of several lines)."""

    text: str
    words: float
    kind: Kind
    repeated: bool = False
    teaser: bool = False
    blank_before: bool = False


def word_weight(text: str) -> float:
    """Approximate word count; CJK text counts one word per two characters, Thai-like scripts
    one per four."""
    words = len(WORD_RE.findall(text))
    if text.isascii():
        return float(words)
    cjk = len(CJK_RE.findall(text))
    if cjk > len(text) / 3:
        return max(float(words), cjk / 2.0)
    unspaced = len(UNSPACED_RE.findall(text))
    if unspaced > len(text) / 3:
        return max(float(words), unspaced / 4.0)
    return float(words)


def normalised_words(text: str) -> list[str]:
    """Lower-case words, joined links split apart ("SubscribeSign In" → subscribe, sign, in)."""
    words = WORD_RE.findall(text)
    if CAMEL_PAIR_RE.search(text) is None:
        return [word.lower() for word in words]
    out: list[str] = []
    for word in words:
        if word.islower() or word.isupper() or word.istitle() or not word.isalpha():
            out.append(word.lower())
        else:
            out.extend(CAMEL_JOIN_RE.sub(" ", word).lower().split())
    return out


def normalise(text: str) -> str:
    """Lower-case, split joined links ("SubscribeSign In"), punctuation to single spaces."""
    return " ".join(normalised_words(text))


def _raw_lines(text: str) -> list[str]:
    return [line.strip() for line in _LINE_SPLIT_RE.split(text)]


def _is_wrapped_block(block: list[str], rules: PasteRules) -> bool:
    """A block of hard-wrapped prose: long lines that mostly do not end a sentence."""
    if len(block) < 2:
        return False
    head = block[:-1]
    longest = max(len(line) for line in block)
    if any(len(line) < rules.wrap_min_chars or len(line) < 0.6 * longest for line in head):
        return False
    if any("\t" in line for line in block):
        return False
    ends = sum(1 for line in head if TERMINAL_RE.search(line))
    return ends * 2 < len(head)


def split_units(text: str, rules: PasteRules) -> list[Unit]:
    """Cut the paste into units: one per non-empty line, or one per hard-wrapped paragraph."""
    units: list[Unit] = []
    block: list[str] = []
    blank = False

    def flush() -> None:
        nonlocal blank
        if not block:
            return
        parts = ["\n".join(block)] if _is_wrapped_block(block, rules) else list(block)
        for i, part in enumerate(parts):
            first = blank and i == 0
            units.append(Unit(part, word_weight(part), Kind.HEADING, blank_before=first))
        block.clear()
        blank = False

    for line in _raw_lines(text):
        if line:
            block.append(line)
        else:
            flush()
            blank = True
    flush()
    return units


def is_twin_link(text: str, rules: PasteRules) -> bool:
    """A link-sized line printing one text twice ("Best deals of 2019Best deals of 2019").

    Pages print a link twice (a mobile and a desktop twin) and let their CSS hide one; a copy
    made without the CSS, or lxml's text, glues the twins together. No sentence repeats itself,
    and a long run of one repeated word is no link (nor prose).
    """
    return rules.doubled_links and len(text) <= 2 * rules.short_line_chars and is_doubled(text)


def is_doubled(text: str) -> bool:
    """One text printed twice on a line (see `is_twin_link`)."""
    half = len(text) // 2
    first, second = text[:half], text[half:].lstrip()
    return len(WORD_RE.findall(first)) >= 2 and first.rstrip() == second


def classify(unit: Unit, rules: PasteRules, norm_words: list[str] | None = None) -> Kind:
    """Label one unit from its own text (context-free); `norm_words` saves re-normalising."""
    text = unit.text
    words = unit.words
    short = len(text) <= rules.short_line_chars
    if norm_words is None:
        norm_words = normalised_words(text) if words <= 60 else []
    norm = " ".join(norm_words) if words <= 8 else ""
    terminal = TERMINAL_RE.search(text) is not None
    if short and (FOOTER_RE.match(text) or RIGHTS.found_in(norm_words)):
        return Kind.FOOTER
    if not short and COPYRIGHT_RE.match(text):
        return Kind.FOOTER
    if short and words <= rules.date_max_words and is_date_line(text):
        return Kind.DATE
    if short and is_caption(text):
        return Kind.CAPTION
    if words <= 60 and BANNERS.found_in(norm_words):
        return Kind.BANNER
    if short and LEAD_MARKER_RE.match(text):
        return Kind.LEAD
    if short and words <= 12 and not terminal and BYLINE_RE.match(text):
        return Kind.BYLINE
    if short and "/" in text and words <= 8 and not terminal:
        tail = normalise(text.rsplit("/", 1)[1])
        if tail in AGENCY_WORDS or norm in AGENCY_WORDS:
            return Kind.CAPTION
    if norm in AGENCY_WORDS:
        return Kind.CAPTION
    if words <= rules.menu_max_words and not terminal:
        if SECTIONS.found_in(norm_words):
            return Kind.SECTION
        if MENUS.found_in(norm_words):
            return Kind.MENU
    if "\t" in text and _cells_are_short(text):
        return Kind.MENU
    if not terminal and _is_tag_list(text, rules):
        return Kind.MENU
    if short and LIST_ITEM_RE.match(text):
        return Kind.ITEM
    if is_twin_link(text, rules):
        return Kind.HEADING
    ends = terminal or INTRO_END_RE.search(text) is not None
    if words >= rules.prose_words and ends:
        return Kind.PROSE
    # A long line without an ending is prose unless it is in Title Case: a headline or a
    # navigation bar pasted as one line.
    if words >= rules.long_words and _has_lower_words(text):
        return Kind.PROSE
    if terminal and words >= rules.short_sentence_words and _has_lower_words(text):
        return Kind.SHORT
    return Kind.HEADING


def is_caption(text: str) -> bool:
    """A photo caption or credit: "— Reuters/file", "Photo: AFP", "… (Image: Getty)"."""
    if CAPTION_HEAD_RE.match(text) or IMAGE_FILE_RE.match(text):
        return True
    tail = text[-CAPTION_TAIL_CHARS:]
    # The tail pattern is costly: run it only when one of its words is there at all.
    if CAPTION_TAIL_KEY_RE.search(tail.lower()) and CAPTION_TAIL_RE.search(tail):
        return True
    return "(" in text and any(infix in text.lower() for infix in CAPTION_INFIXES)


def _cells_are_short(text: str) -> bool:
    cells = [c for c in text.split("\t") if c.strip()]
    return len(cells) >= 2 and all(len(WORD_RE.findall(c)) <= 4 for c in cells)


def _is_tag_list(text: str, rules: PasteRules) -> bool:
    items = text.split(",")
    if len(items) < rules.tag_list_items:
        return False
    return all(len(WORD_RE.findall(item)) <= 4 for item in items)


def _has_lower_words(text: str) -> bool:
    """Sentences have lower-case words; headlines in Title Case or CAPS mostly don't.

    Thai-like scripts have neither case nor sentence marks: a long line of them counts as
    having lower-case words (other caseless scripts end sentences with marks, and a long line
    of them without one measured as headline or menu text more often than not).
    """
    initials = WORD_INITIAL_RE.findall(text)
    if not initials:
        return False
    cased = [c for c in initials if c.isupper() or c.islower()]
    if not cased:
        return bool(UNSPACED_RE.search(text))
    return sum(map(str.islower, cased)) * 3 >= len(cased)


def label_units(units: list[Unit], rules: PasteRules) -> None:
    """Classify every unit and flag repeated short lines (teaser headlines, captions, menus)."""
    counts: Counter[str] = Counter()
    keys: list[str] = []
    # Pages repeat lines a lot; a label and a key depend on the text only.
    seen: dict[str, tuple[Kind, str]] = {}
    for unit in units:
        known = seen.get(unit.text)
        if known is None:
            short = len(unit.text) <= rules.short_line_chars
            norm_words = normalised_words(unit.text) if short or unit.words <= 60 else []
            key = " ".join(norm_words) if short else ""
            known = seen[unit.text] = (classify(unit, rules, norm_words), key)
        unit.kind, key = known
        keys.append(key)
        if key:
            counts[key] += 1
    for unit, key in zip(units, keys, strict=True):
        unit.repeated = bool(key) and counts[key] > 1
        if unit.kind is Kind.HEADING and is_twin_link(unit.text, rules):
            unit.repeated = True
        # A blurb cut off mid-sentence is a teaser of another page.
        tail = unit.text[-8:]
        if unit.kind in (Kind.PROSE, Kind.SHORT, Kind.HEADING) and TRUNCATED_RE.search(tail):
            unit.teaser = True
