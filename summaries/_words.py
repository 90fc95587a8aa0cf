"""Word tokenization: lower-cased word tokens, character bigrams for Chinese and Japanese."""

from __future__ import annotations

import re
import unicodedata


def _mark_class() -> str:
    """A regex class of the combining marks (Mn, Mc, Me) of the Basic Multilingual Plane.

    Python's `\\w` leaves them out, which would cut Hindi words at every vowel sign and Arabic
    ones at every vowel point.
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(0x0300, 0x10000):
        if unicodedata.category(chr(cp)).startswith("M"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


# Zero-width (non-)joiners sit inside Persian and Indic words ("می‌شود").
_WORD_CHAR = rf"[^\W_]|[{_mark_class()}\u200c\u200d]"
#: A word: letters, digits and marks, with inner apostrophes or hyphens ("l'école", "e-mail").
WORD = re.compile(rf"(?:{_WORD_CHAR})+(?:['’\-](?:{_WORD_CHAR})+)*")
#: Han and kana runs: no spaces between words, so they are cut into overlapping bigrams.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff]+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens of a text written with spaces between words."""
    return [w.lower() for w in WORD.findall(text)]


def cjk_words(text: str) -> list[str]:
    """Word tokens for Chinese and Japanese: overlapping character bigrams of Han/kana runs.

    A run of one character stays a unigram. Latin words and numbers inside the text are
    tokenized as usual. Bigrams need no dictionary and are what n-gram similarity (LexRank,
    TextRank, our own ranker) needs to see shared words.
    """
    out: list[str] = []
    last = 0
    for run in _CJK_RUN.finditer(text):
        out.extend(words(text[last : run.start()]))
        chars = run.group()
        if len(chars) == 1:
            out.append(chars)
        else:
            out.extend(chars[i : i + 2] for i in range(len(chars) - 1))
        last = run.end()
    out.extend(words(text[last:]))
    return out
