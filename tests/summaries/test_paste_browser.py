"""Pastes as a browser's select-all + copy gives them: alt text where pictures are, links
printed twice (a CSS-hidden twin), blank lines after paragraphs, carousels of teasers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from summaries.paste import DEFAULT_PASTE_RULES, clean_paste
from summaries.paste._lines import is_doubled

BODY = (
    "The regional water board approved a plan on Monday to replace the lead pipes under the "
    "old town within four years, after tests found high levels in three schools.",
    "The work will start in the streets around the market square, where the pipes are the "
    "oldest, and residents will get bottled water while their street is dug up.",
    "“Every family deserves water they can drink without worrying,” the board's chair, Ana "
    "Ribeiro, told reporters after the meeting, adding that the cost would be shared.",
    "Opposition councillors said the timetable was too slow and asked for the schools to be "
    "connected to new pipes before the summer holidays, which the board refused.",
    "A second vote on the budget is expected next month, when the national grant for the "
    "project should be confirmed by the ministry.",
)


def _paste(*lines: str) -> str:
    return "\n".join(lines)


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# A picture inside the article: Chromium copies its alt text, here the file's name, on a line
# of its own, then the caption and the credit.
WITH_PICTURE = _paste(
    "Home",
    "News",
    "Lead pipes to go within four years",
    "By Tom Weller",
    "",
    BODY[0],
    "",
    BODY[1],
    "",
    "lead-pipes-market-square.jpg",
    "Workers lift an old pipe near the market square.",
    "Photo: Tom Weller",
    BODY[2],
    "",
    BODY[3],
    "",
    BODY[4],
    "",
    "Share this article",
    "© 2026 Harbour Post",
)


def test_an_image_file_name_does_not_turn_the_paragraph_above_into_a_caption() -> None:
    assert _paragraphs(clean_paste(WITH_PICTURE).text) == list(BODY)


def test_without_the_rule_the_paragraph_above_the_picture_is_lost() -> None:
    rules = replace(DEFAULT_PASTE_RULES, image_names_open_figures=False)
    assert BODY[1] not in clean_paste(WITH_PICTURE, rules).text


# Teaser links printed twice (a mobile and a desktop twin, one hidden by the site's CSS).
DOUBLED_TEASERS = (
    "New tram line to open two months earlyNew tram line to open two months early",
    "Ferry fares rise for the third time this year as fuel costs climb again"
    "Ferry fares rise for the third time this year as fuel costs climb again",
    "Harbour festival returns with fireworks and a night market on the quay "
    "Harbour festival returns with fireworks and a night market on the quay",
    "City library extends its opening hours on weekends after a petitionCity library "
    "extends its opening hours on weekends after a petition",
)

# Without blank lines (as lxml's text gives it) the blank-line weight cannot tell them apart.
WITH_DOUBLED_TEASERS = _paste(
    "Lead pipes to go within four years",
    *BODY,
    "Most read",
    *DOUBLED_TEASERS,
    "Newsletter",
)


def test_links_printed_twice_are_not_article_text() -> None:
    assert _paragraphs(clean_paste(WITH_DOUBLED_TEASERS).text) == list(BODY)


def test_without_the_rule_the_doubled_links_join_the_article() -> None:
    rules = replace(DEFAULT_PASTE_RULES, doubled_links=False)
    assert "Ferry fares rise" in clean_paste(WITH_DOUBLED_TEASERS, rules).text


@pytest.mark.parametrize(
    ("line", "doubled"),
    [
        ("Best deals of 2019Best deals of 2019", True),
        ("Best deals of 2019 Best deals of 2019", True),
        ("Google PlusGoogle Plus", True),
        ("Experience Experience", False),  # one word twice: a label, left to other rules
        ("It was what it was.", False),
        (BODY[0], False),
        ("", False),
    ],
)
def test_doubled_lines(line: str, doubled: bool) -> None:
    assert is_doubled(line) is doubled


# A browser copies each paragraph with a blank line after it; a block of teaser blurbs above
# the article (links, each a long line) comes without one.
UNSPACED_TEASERS = _paste(
    "Home",
    "Latest",
    "The new tram line between the station and the university will open two months "
    "early, the transport authority said, after the tests went better than expected.",
    "Ferry fares will rise for the third time this year from next month, as the operator "
    "blames fuel costs and the new harbour fees for the increase in ticket prices.",
    "The city library will stay open until eight on Saturdays and Sundays from next "
    "week, after a petition signed by more than two thousand readers reached the council.",
    "Subscribe",
    "Sign in",
    "Search",
    "Menu",
    "Sport",
    "Business",
    "Culture",
    "Weather",
    "Travel",
    "Opinion",
    "Video",
    "Podcasts",
    "Lead pipes to go within four years",
    "",
    *(f"{p}\n" for p in BODY),
)


def test_blurbs_without_blank_lines_do_not_outweigh_spaced_paragraphs() -> None:
    assert _paragraphs(clean_paste(UNSPACED_TEASERS).text) == list(BODY)


def test_without_the_weight_the_unspaced_blurbs_join_the_article() -> None:
    rules = replace(DEFAULT_PASTE_RULES, unspaced_prose_weight=1.0)
    assert "Ferry fares will rise" in clean_paste(UNSPACED_TEASERS, rules).text


def test_an_article_pasted_without_blank_lines_is_kept_whole() -> None:
    assert _paragraphs(clean_paste("\n".join(BODY)).text) == list(BODY)


# A schedule set as a block of short lines (no blank line between them, one after the block):
# a browser copies a list or a table of the article so.
SCHEDULE = (
    "1st race: 10 March in Interlagos",
    "2nd race: 8 April in Curitiba",
    "3rd race: 22 April in Goiânia",
    "4th race: 6 May in Londrina",
    "5th race: 20 May in Santa Cruz",
    "6th race: 5 August in Cascavel",
    "7th race: 19 August, to be announced",
    "8th race: 9 September in Tarumã",
)
WITH_SCHEDULE = _paste(
    "Home",
    "Calendar",
    "Stock car calendar for 2018",
    "",
    "The calendar of the season:",
    "",
    *SCHEDULE,
    "",
    "Share this article",
    "",
    "Most read",
    "",
    "Ferry fares rise",
)


def test_a_block_of_short_list_lines_is_kept_as_one_paragraph() -> None:
    assert clean_paste(WITH_SCHEDULE).text.endswith("\n".join(SCHEDULE))


def test_with_the_older_wrap_length_the_schedule_is_lost() -> None:
    rules = replace(DEFAULT_PASTE_RULES, wrap_min_chars=40)
    assert SCHEDULE[0] not in clean_paste(WITH_SCHEDULE, rules).text


# Teaser headlines of 10-14 words after the article, some ending like sentences.
TAIL_TEASERS = (
    "Could a lost astronaut use gravity to get back to the station?",
    "Paid ads are not the problem. Our habits of reading are",
    "Couriers must unionize, no matter what the app says",
    "Why the harbour festival now needs a night market on the quay?",
)


def test_teaser_headlines_of_ten_to_fourteen_words_do_not_extend_the_article() -> None:
    text = clean_paste(_paste("Lead pipes to go within four years", *BODY, *TAIL_TEASERS)).text
    assert text.startswith(BODY[0])
    assert TAIL_TEASERS[2] not in text
    assert TAIL_TEASERS[3] not in text


def test_with_ten_prose_words_the_teasers_join_the_article() -> None:
    rules = replace(DEFAULT_PASTE_RULES, prose_words=10)
    paste = _paste("Lead pipes to go within four years", *BODY, *TAIL_TEASERS)
    assert TAIL_TEASERS[3] in clean_paste(paste, rules).text
