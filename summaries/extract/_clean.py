"""Paragraph-level cleanup of an extracted body: repeated title, captions, teasers, footers."""

from __future__ import annotations

from summaries.extract._links import is_link_line
from summaries.extract._rules import (
    BOILERPLATE_LINE,
    CAPTION_MARK,
    FURNITURE_MARK,
    TEASER_HEADING,
    ExtractionRules,
)
from summaries.extract._text import ends_sentence, is_prose, text_key, weighted_length

#: How trafilatura marks list items in its text output.
_LIST_BULLET = "- "


def join_wrapped_lines(paragraphs: list[str]) -> list[str]:
    """Re-join a sentence that <br> tags broke over several lines.

    A line that does not end a sentence, followed by one starting in lower case, is the same
    paragraph (scripts without case are left alone).
    """
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph[0].islower() and not joined[-1].endswith((".", ":")):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _is_title_echo(paragraph: str, title: str | None) -> bool:
    """The page title (or its headline part) repeated as the first lines of the body."""
    if not title:
        return False
    para, full = text_key(paragraph), text_key(title)
    return bool(para) and (para == full or (len(para) >= 20 and para in full))


def is_boilerplate(paragraph: str, rules: ExtractionRules) -> bool:
    """True for a share/follow/subscribe line, a credit, a caption or a teaser prefix."""
    if len(paragraph) > rules.caption_max_chars * 2:
        return False
    if BOILERPLATE_LINE.match(paragraph):
        return True
    if len(paragraph) <= rules.pitch_max_chars and FURNITURE_MARK.search(paragraph):
        return True
    return len(paragraph) <= rules.caption_max_chars and CAPTION_MARK.search(paragraph) is not None


def _strip_leading(paragraphs: list[str], title: str | None, rules: ExtractionRules) -> list[str]:
    """Drop the repeated title near the top, with any section label ("Review") before it."""
    for index, paragraph in enumerate(paragraphs[:3]):
        if _is_title_echo(paragraph, title):
            before = paragraphs[:index]
            if all(len(p) <= rules.kicker_max_chars for p in before):
                return _strip_leading(paragraphs[index + 1 :], title, rules)
            if text_key(paragraph) == text_key(title or ""):
                # the whole headline printed below the lead (CNN's <h1> follows the first
                # paragraph): the headline goes, the lead stays; a part of it may be prose
                return before + paragraphs[index + 1 :]
            break
    return paragraphs


def _drop_teasers(
    paragraphs: list[str], links: frozenset[str], rules: ExtractionRules
) -> list[str]:
    """Drop runs of link-only lines, and what follows a "Related"/"Read more" heading."""
    is_link = [is_link_line(p, links) and not is_prose(p, rules) for p in paragraphs]
    kept: list[str] = []
    in_teasers = False
    for i, paragraph in enumerate(paragraphs):
        if TEASER_HEADING.match(paragraph) and len(paragraph) <= rules.caption_max_chars:
            in_teasers = True
            continue
        if in_teasers and not is_prose(paragraph, rules):
            continue
        in_teasers = False
        in_link_run = is_link[i] and (
            (i > 0 and is_link[i - 1]) or (i + 1 < len(paragraphs) and is_link[i + 1])
        )
        if not in_link_run:
            kept.append(paragraph)
    return kept


def _is_tail_junk(paragraph: str, links: frozenset[str], rules: ExtractionRules) -> bool:
    """A closing line that is not article text: a teaser link or a short non-sentence."""
    if is_link_line(paragraph, links):
        return True
    return (
        not ends_sentence(paragraph)
        and not paragraph.startswith(_LIST_BULLET)
        and weighted_length(paragraph) < rules.tail_prose_chars
    )


def _strip_trailing(
    paragraphs: list[str], links: frozenset[str], rules: ExtractionRules
) -> list[str]:
    """Drop the tail after the last sentence: teaser headlines, link lists, bylines."""
    end = len(paragraphs)
    floor = max(0, end - rules.trailing_window)
    while end > floor and _is_tail_junk(paragraphs[end - 1], links, rules):
        end -= 1
    if end == floor:
        return paragraphs  # no sentence near the end: not a tail worth judging
    return paragraphs[:end]


def clean_paragraphs(
    paragraphs: list[str],
    title: str | None,
    links: frozenset[str],
    rules: ExtractionRules,
    headings: tuple[str, ...] = (),
) -> list[str]:
    """Remove boilerplate paragraphs from an extracted body, keeping the article's order.

    Args:
        paragraphs: the body's paragraphs as extracted.
        title: the page title, dropped when the body starts by repeating it.
        links: comparison keys of the page's link texts (see `_html_links.link_keys`).
        rules: thresholds and patterns.
        headings: the page's <h1> texts, dropped like the title: the chosen title may be
            another statement of the headline (og:title) than the one the body prints.

    Returns:
        The remaining paragraphs.
    """
    paragraphs = _strip_leading(join_wrapped_lines(paragraphs), title, rules)
    for heading in headings:
        if heading != title:
            paragraphs = _strip_leading(paragraphs, heading, rules)
    # teaser blocks first: their headings ("Don't miss") are boilerplate lines themselves
    paragraphs = _drop_teasers(paragraphs, links, rules)
    paragraphs = [p for p in paragraphs if not is_boilerplate(p, rules)]
    return _strip_trailing(paragraphs, links, rules)
