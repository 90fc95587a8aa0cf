"""Text measures the HTML extractor decides by: weighted length, prose, comparison keys."""

from __future__ import annotations

import functools
import re

from summaries.extract._rules import DENSE_SCRIPT, SENTENCE_END, ExtractionRules

_NON_WORD = re.compile(r"\W+")


def weighted_length(text: str) -> int:
    """Length in characters, CJK/kana/hangul counted triple (they are denser than letters)."""
    return len(text) + 2 * len(DENSE_SCRIPT.findall(text))


@functools.lru_cache(maxsize=1024)
def text_key(text: str) -> str:
    """Case- and punctuation-insensitive form of a text, for comparing lines with titles/links.

    Cached: cleaning, the article check and the continuation search key the same paragraphs.
    """
    return _NON_WORD.sub(" ", text.casefold()).strip()


def ends_sentence(text: str) -> bool:
    """True when the text's last visible character closes a sentence (any script)."""
    return SENTENCE_END.search(text) is not None


def is_prose(paragraph: str, rules: ExtractionRules) -> bool:
    """True for a paragraph long enough and ending like a sentence."""
    return weighted_length(paragraph) >= rules.prose_min_chars and ends_sentence(paragraph)


def prose_chars(paragraphs: list[str], rules: ExtractionRules) -> int:
    """Characters in prose paragraphs: the measure body candidates are compared by."""
    return sum(weighted_length(p) for p in paragraphs if is_prose(p, rules))
