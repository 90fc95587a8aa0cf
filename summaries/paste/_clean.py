"""Clean a pasted web page: keep the article's paragraphs, read headline, byline and date.

How: the paste is cut into lines (`_paste_lines`), each labelled from its own text (prose,
heading, menu, caption, date, byline, footer, banner). Repeated lines and runs of teasers
(headline + date line + blurb, again and again) are flagged from context. Every line gets a
score (prose: its words; furniture: a penalty; a footer ends the article) and the article is the
maximum-sum run of lines, found in one linear pass. Inside that run only prose-like lines are
kept, verbatim. Thresholds live in `PasteRules`, patterns in `_paste_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass

from summaries.models import Article
from summaries.paste._dates import date_shape, find_date
from summaries.paste._lines import Kind, Unit, label_units, normalise, split_units
from summaries.paste._meta import find_meta
from summaries.paste._rules import (
    AUTHOR_BIO_CHARS,
    AUTHOR_BIO_RE,
    CAPTION_TAIL_RE,
    CREDIT_FIRST_RE,
    DEFAULT_PASTE_RULES,
    FURNITURE_LINE,
    FURNITURE_MARK,
    IMAGE_FILE_RE,
    WORD_RE,
    PasteRules,
)
from summaries.text import CONTINUE_READING

__all__ = ["DEFAULT_PASTE_RULES", "CleanedPaste", "PasteRules", "clean_paste", "read_paste"]

#: Lines that say "the blurb above was a teaser" when they follow it.
_READ_MORE = frozenset({*CONTINUE_READING, "more", "mehr"})
_KEEP = (Kind.PROSE, Kind.SHORT)
_BODY = (Kind.PROSE, Kind.SHORT, Kind.ITEM)


def _mark_teasers(units: list[Unit], rules: PasteRules) -> None:
    """Flag runs of teasers: date lines close together with at most one blurb between them."""
    dates = [i for i, u in enumerate(units) if u.kind is Kind.DATE]
    _mark_feeds(units, dates, rules)
    for a, b in zip(dates, dates[1:], strict=False):
        if not 2 <= b - a <= rules.teaser_gap:
            continue
        prose = sum(1 for u in units[a + 1 : b] if u.kind is Kind.PROSE)
        if prose > 1:
            continue
        for u in units[_head_start(units, a) : b + 1]:
            u.teaser = True
        if prose:
            _mark_last_blurb(units, b)
    for i, u in enumerate(units):
        # "Read more" *after* a blurb closes a teaser; "More:" *introduces* a list of links.
        if i == 0 or u.kind not in (Kind.MENU, Kind.LEAD) or u.words > 3:
            continue
        if not u.text.rstrip().endswith(":") and normalise(u.text) in _READ_MORE:
            prev = units[i - 1]
            if prev.kind in _KEEP:
                prev.teaser = True
                if i > 1 and units[i - 2].kind is Kind.HEADING:
                    units[i - 2].teaser = True


def _mark_last_blurb(units: list[Unit], date: int) -> None:
    """The last teaser's blurb follows its date line (maybe after a repeated headline)."""
    for u in units[date + 1 : date + 4]:
        if u.kind is Kind.FOOTER or u.kind is Kind.DATE:
            break
        u.teaser = True
        if u.kind in _KEEP:
            break


def _is_bare_credit(units: list[Unit], i: int, rules: PasteRules) -> bool:
    """Is units[i] a photo credit alone ("Getty", "Photo: Name/AFP") that closes a caption?

    Not when it carries caption text itself ("The plague (Image: Getty)"), when the caption
    comes below it, or when it names a source or a graphic rather than a photographer.
    """
    credit = units[i]
    if credit.kind is not Kind.CAPTION or credit.words > 8:
        return False
    if CREDIT_FIRST_RE.match(credit.text):
        return False
    # A browser copies a picture's alt text where the picture is, often its file name: that
    # opens a figure, the line above is the text before it.
    if rules.image_names_open_figures and IMAGE_FILE_RE.match(credit.text):
        return False
    after = units[i + 1] if i + 1 < len(units) else None
    if after is not None and after.kind is Kind.CAPTION and after.text != credit.text:
        return False
    tail = CAPTION_TAIL_RE.search(credit.text)
    if tail is None:
        return True
    # Names and agencies before the tail are capitalised; caption text has lower-case words.
    lower = [w for w in WORD_RE.findall(credit.text[: tail.start()]) if w[0].islower()]
    return len(lower) < 2


def _mark_captions(units: list[Unit], rules: PasteRules) -> None:
    """A prose line right above a bare photo credit ("Getty", "Name | Agency") is its caption."""
    for i in range(1, len(units)):
        if units[i - 1].kind in _KEEP and _is_bare_credit(units, i, rules):
            units[i - 1].kind = Kind.CAPTION
            # Galleries print a caption twice (thumbnail and full view).
            if i > 1 and units[i - 2].text == units[i - 1].text:
                units[i - 2].kind = Kind.CAPTION


def _is_author_box(unit: Unit) -> bool:
    text = unit.text
    return (
        len(text) <= AUTHOR_BIO_CHARS
        and text[:1].isupper()
        and (AUTHOR_BIO_RE.match(text) is not None)
    )


def _mark_author_boxes(units: list[Unit]) -> None:
    """An author box ("Jane Doe is a staff writer at …") ends the article, unless paragraphs
    go on right after it (then it is an article paragraph about a journalist)."""
    for i, unit in enumerate(units):
        if unit.kind in (Kind.PROSE, Kind.SHORT, Kind.HEADING) and _is_author_box(unit):
            after = units[i + 1 : i + 3]
            if len(after) < 2 or any(u.kind is not Kind.PROSE for u in after):
                unit.kind = Kind.FOOTER


def _head_start(units: list[Unit], date: int) -> int:
    """Where the teaser that owns the date line at `date` starts: up to two headline lines."""
    start = date
    while start > max(0, date - 2) and units[start - 1].kind not in _KEEP + (Kind.FOOTER,):
        start -= 1
    return start


def _feed_link(units: list[Unit], a: int, b: int, rules: PasteRules) -> bool:
    """Do the date lines at a < b belong to one feed? Close, and either alike (a comment
    thread's stamps) or with at most one blurb between them (a story list)."""
    if b >= len(units) or b - a > rules.feed_gap:
        return False
    if date_shape(units[a].text) == date_shape(units[b].text):
        return True
    return sum(1 for u in units[a + 1 : b] if u.kind is Kind.PROSE) <= 1


def _mark_feeds(units: list[Unit], dates: list[int], rules: PasteRules) -> None:
    """Flag feeds: three or more date lines close together (comment threads, story lists)."""
    chain: list[int] = []
    for i in [*dates, len(units) + rules.feed_gap + 1]:
        if chain and _feed_link(units, chain[-1], i, rules):
            chain.append(i)
            continue
        if len(chain) >= 3:
            for u in units[_head_start(units, chain[0]) : chain[-1] + 1]:
                if u.kind is not Kind.FOOTER:
                    u.teaser = True
            if any(u.kind is Kind.PROSE for u in units[chain[0] : chain[-1]]):
                _mark_last_blurb(units, chain[-1])
        chain = [i]


def _score(unit: Unit, rules: PasteRules) -> float | None:
    """A unit's contribution to the article run; None ends any run (a footer)."""
    kind = unit.kind
    if kind is Kind.FOOTER:
        return None
    if unit.teaser:
        return -rules.teaser_penalty - (unit.words if kind in _KEEP else 0.0)
    if kind is Kind.PROSE:
        return unit.words - rules.prose_offset if not unit.repeated else -rules.repeated_penalty
    if kind is Kind.SHORT:
        if unit.repeated:
            return -rules.repeated_penalty
        return unit.words * rules.short_sentence_weight
    if kind is Kind.HEADING:
        return -rules.heading_penalty - (rules.repeated_penalty if unit.repeated else 0.0)
    if kind is Kind.CAPTION:
        return -rules.caption_penalty
    if kind is Kind.DATE:
        return -rules.date_penalty
    if kind is Kind.BANNER:
        return -max(rules.menu_penalty, unit.words)
    if kind is Kind.BYLINE:
        return -rules.heading_penalty
    if kind is Kind.ITEM:
        return 0.0
    if kind is Kind.SECTION:
        return -rules.section_penalty
    return -rules.menu_penalty


def _is_unspaced_paragraph(units: list[Unit], i: int) -> bool:
    """A prose line with no blank line before or after it.

    Browsers copy a paragraph (`<p>`) with a blank line after it, and links, teasers, alt text
    and table cells without one: in a paste that has blank lines, a long line glued to its
    neighbours is rarely an article paragraph.
    """
    if units[i].kind is not Kind.PROSE or units[i].blank_before:
        return False
    return i + 1 < len(units) and not units[i + 1].blank_before


def _best_run(units: list[Unit], rules: PasteRules) -> tuple[int, int] | None:
    """The article run: a maximum-sum run of unit scores (Kadane), a footer resetting it.

    Every reset starts a new candidate run; the earliest candidate that scores at least
    `rules.first_run_share` of the best one wins, because comments and story lists come after
    the article and can outweigh it.
    """
    candidates: list[tuple[float, int, int]] = []
    current: tuple[float, int, int] | None = None
    run_sum = 0.0
    run_start = 0
    spaced = sum(u.blank_before for u in units) >= rules.spaced_min_blanks
    for i, unit in enumerate(units):
        score = _score(unit, rules)
        if spaced and score is not None and score > 0 and _is_unspaced_paragraph(units, i):
            score *= rules.unspaced_prose_weight
        if score is None or run_sum + (score or 0.0) <= 0.0:
            if current is not None:
                candidates.append(current)
                current = None
            run_sum, run_start = 0.0, i + 1
            continue
        run_sum += score
        if current is None or run_sum > current[0]:
            current = (run_sum, run_start, i)
    if current is not None:
        candidates.append(current)
    if not candidates:
        return None
    best = max(c[0] for c in candidates)
    first = next(c for c in candidates if c[0] >= rules.first_run_share * best)
    return first[1], first[2]


def _drop_furniture(units: list[Unit], start: int, end: int, rules: PasteRules) -> bool:
    """Relabel the run's lines that the HTML extractor drops as furniture; True if any were.

    Checked in the run only, not on every line of the paste: the marks are searched anywhere in
    a line, and on a megabyte of pasted menus that costs more than the whole cleaning.
    """
    dropped = False
    for unit in units[start : end + 1]:
        if unit.kind not in (Kind.PROSE, Kind.SHORT, Kind.HEADING):
            continue
        text = unit.text.strip()
        if len(text) <= rules.pitch_max_chars and FURNITURE_MARK.search(text):
            unit.kind, dropped = Kind.BANNER, True
        elif FURNITURE_LINE.match(text):
            unit.kind, dropped = Kind.MENU, True
    return dropped


#: Times the run is sought again after furniture turned up in it (bounds the work on a paste
#: built to move the run every time; on the 466 dev pastes of the three sets the run needed
#: one re-run on 39 and none on the rest).
_FURNITURE_PASSES = 3


def _article_run(units: list[Unit], rules: PasteRules) -> tuple[int, int] | None:
    """The best run, sought again while furniture turns up in it."""
    run = _best_run(units, rules)
    for _ in range(_FURNITURE_PASSES if rules.shared_furniture else 0):
        if run is None or not _drop_furniture(units, *run, rules):
            break
        run = _best_run(units, rules)
    return run


def _grow_lists(units: list[Unit], start: int, end: int) -> tuple[int, int]:
    """Extend the run over a list that continues right after it (items, maybe one line apart)."""
    i = end + 1
    while i < len(units):
        if units[i].kind is Kind.ITEM and not units[i].teaser:
            end, i = i, i + 1
        elif (
            i + 1 < len(units)
            and units[i + 1].kind is Kind.ITEM
            and units[i].kind in (Kind.HEADING, Kind.PROSE, Kind.SHORT)
            and not units[i].teaser
        ):
            end, i = i + 1, i + 2
        else:
            break
    return start, end


def _is_shouted(unit: Unit, rules: PasteRules) -> bool:
    """A long line in capitals is a teaser link or a kicker, not a subheading."""
    return unit.words >= rules.shouted_words and unit.text.isupper()


def _is_meta_line(unit: Unit) -> bool:
    """A byline or date line (also one with more on it: "Updated on: May 2, 2019 / CBS")."""
    if unit.kind in (Kind.DATE, Kind.BYLINE):
        return True
    return unit.kind is Kind.HEADING and unit.words <= 25 and find_date(unit.text) is not None


def _skip_standfirst(units: list[Unit], start: int, end: int, rules: PasteRules) -> int:
    """Start the body after the byline or date line that follows a short stand-first.

    Pages print a headline, a one- or two-line summary, then byline and date, then the
    article: a one-line summary is a second headline, not article text; a longer one is the
    article's first paragraph (`rules.standfirst_keep_chars`).
    """
    kept = 0
    new_start = start
    for i in range(start, end + 1):
        unit = units[i]
        if unit.kind in _BODY and not unit.teaser:
            kept += 1
            if kept > rules.standfirst_lines:
                break
        elif kept and _is_meta_line(unit):
            new_start = i + 1
    skipped = sum(len(u.text) for u in units[start:new_start] if u.kind in _BODY and not u.teaser)
    return start if skipped >= rules.standfirst_keep_chars else new_start


def _body(units: list[Unit], start: int, end: int, rules: PasteRules) -> list[Unit]:
    """The kept lines of the run: prose and items, plus subheadings between kept lines.

    A section header ("Related", "Read more:") inside the run opens a block of links: the
    headings after it are skipped until the prose resumes.
    """
    run = units[start : end + 1]
    keep = [u.kind in _BODY and not u.teaser for u in run]
    last = max((i for i, k in enumerate(keep) if k), default=-1)
    seen = links = False
    out: list[Unit] = []
    for i, unit in enumerate(run):
        if keep[i]:
            seen, links = True, False
            out.append(unit)
        elif unit.kind in (Kind.SECTION, Kind.LEAD):
            links = True
        elif (
            seen
            and not links
            and i < last
            and unit.kind is Kind.HEADING
            and not unit.teaser
            and not unit.repeated
            and not _is_shouted(unit, rules)
        ):
            out.append(unit)
    return out


@dataclass(frozen=True, slots=True)
class CleanedPaste:
    """The article, plus the caption and byline lines removed around it.

    `credits` feeds `find_attribution(article, hints=credits)`: photo credits such as
    "— Reuters/file" name the wire agency although they are not article text.
    """

    article: Article
    credits: tuple[str, ...] = ()


def read_paste(text: str, rules: PasteRules = DEFAULT_PASTE_RULES) -> CleanedPaste:
    """Strip a pasted web page down to its article and keep the credits found around it.

    Args:
        text: Everything a person copied from a page (menus, captions, teasers included).
        rules: Thresholds of the cleaner.

    Returns:
        The article (see `clean_paste`) and the caption/byline lines next to it, in order.
        Never raises.
    """
    if not text or not text.strip():
        return CleanedPaste(Article(text=""))
    units = split_units(text, rules)
    label_units(units, rules)
    _mark_captions(units, rules)
    _mark_author_boxes(units)
    _mark_teasers(units, rules)
    run = _article_run(units, rules)
    if run is None:
        return CleanedPaste(Article(text=""))
    start, end = _grow_lists(units, *run)
    start = _skip_standfirst(units, start, end, rules)
    body = _body(units, start, end, rules)
    # Begin the body at its first kept line so the headline search starts right above it.
    first = next(i for i in range(start, end + 1) if units[i] is body[0]) if body else start
    meta = find_meta(units, first, end, rules)
    lo = max(0, first - rules.meta_window_above)
    hi = min(len(units), end + 1 + rules.meta_window_below)
    credits = tuple(
        u.text for u in units[lo:hi] if u.kind in (Kind.CAPTION, Kind.BYLINE) and not u.teaser
    )
    article = Article("\n\n".join(u.text for u in body), meta)
    return CleanedPaste(article, credits)


def clean_paste(text: str, rules: PasteRules = DEFAULT_PASTE_RULES) -> Article:
    """Strip a pasted web page down to its article.

    Args:
        text: Everything a person copied from a page (menus, captions, teasers included).
        rules: Thresholds of the cleaner.

    Returns:
        The article: `text` holds the body's paragraphs, verbatim, separated by blank lines;
        `title`, `author`, `published` and `publication` are filled when the paste shows them.
        Never raises; an empty or unreadable paste gives `Article(text="")`.
    """
    return read_paste(text, rules).article
