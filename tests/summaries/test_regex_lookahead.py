"""first_chars / first_char_lookahead: the lookahead must never change what a pattern matches."""

from __future__ import annotations

import re

import pytest

from summaries.extract._rules import FURNITURE_MARKS, furniture_mark
from summaries.text import first_char_lookahead
from summaries.text._regex import first_chars

VERBOSE_CI = re.IGNORECASE | re.VERBOSE


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bab|c", {"a", "c"}),
        (r"(?:x)?y", {"x", "y"}),
        (r"a*b", {"a", "b"}),
        (r"(?<!x)(?:mp3|zip)", {"m", "z"}),
        (r"(?>ab|cd)e", {"a", "c"}),
        (r"(?:a|b)c", {"a", "b"}),
        (r"(?=q)z", {"z"}),
        (r"[ab]c", {"a", "b"}),
    ],
)
def test_first_chars_of_patterns_that_start_with_letters(pattern: str, expected: set[str]) -> None:
    assert first_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern", [r".a", r"[^a]x", r"[a-c]", r"(?i:a)b", r"", r"a|", r"a?", r"\w+"]
)
def test_first_chars_unknown_when_any_character_may_start(pattern: str) -> None:
    assert first_chars(pattern) is None
    assert first_char_lookahead(pattern) == ""


def test_lookahead_follows_ignorecase_like_the_literals() -> None:
    # "ſ" (long s) and "K" (Kelvin sign) match "s" and "k" under IGNORECASE: so must the class
    for word in ("ſubscribe now", "KANAL on youtube", "SIGN UP for our newsletter"):
        pattern = r"\bsubscribe\ now|kanal|sign\ up"
        plain = re.compile(pattern, VERBOSE_CI).search(word)
        led = re.compile(first_char_lookahead(pattern, VERBOSE_CI) + f"(?:{pattern})", VERBOSE_CI)
        assert plain is not None
        assert led.search(word) is not None
        assert led.search(word).span() == plain.span()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our daily newsletter to get the news in your inbox.",
        "Already a subscriber? Log in.",
        "Download the Annual Report (PDF, 2.4 MB)",
        "Folgen Sie unserem WhatsApp-Kanal",
        "This article contains affiliate links.",
        "Let us know what you think in the comments.",
        "The minister said the report would be published next week.",
        "Subscribers to the service can register for updates by e-mail.",
    ],
)
def test_furniture_mark_matches_as_without_lookaheads(line: str) -> None:
    plain = re.compile("|".join(f"(?:{p})" for _, p in FURNITURE_MARKS), VERBOSE_CI)
    led = furniture_mark(FURNITURE_MARKS)
    expected = plain.search(line)
    found = led.search(line)
    assert (found.span() if found else None) == (expected.span() if expected else None)
