"""Words: lower-cased word tokens (character bigrams for Chinese and Japanese), function words."""

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


def count_words(text: str) -> int:
    """Words of a text: whitespace-separated tokens, a Han/kana run counting one per 2 characters.

    Chinese and Japanese put no spaces between words (a paragraph is one "token"), and their
    words average about two characters, so whole articles would otherwise count a few words.
    """
    total = 0
    for token in text.split():
        cjk = sum(len(run) for run in _CJK_RUN.findall(token))
        total += max(1, (cjk + 1) // 2) if cjk else 1
    return total


#: English function words: the closed class of pronouns, determiners, auxiliaries, prepositions,
#: conjunctions and contraction pieces, as in the widely used NLTK/Snowball English list. Kept
#: small on purpose: stopwordsiso's English list (1298 words) and even sumy's (579) also drop
#: words such as "year", "states", "said", "new" or "would" that a news article keeps coming back
#: to, and the ranker measured better on both dev sets with the closed class only.
_ENGLISH_FUNCTION_WORDS_TEXT = """
    a about above after again against ain all am an and any are aren aren't as at be because
    been before being below between both but by can couldn couldn't d did didn didn't do does
    doesn doesn't doing don don't down during each few for from further had hadn hadn't has
    hasn hasn't have haven haven't having he her here hers herself him himself his how i if in
    into is isn isn't it it's its itself just ll m ma me mightn mightn't more most mustn
    mustn't my myself needn needn't no nor not now o of off on once only or other our ours
    ourselves out over own re s same shan shan't she she's should should've shouldn shouldn't
    so some such t than that that'll the their theirs them themselves then there these they
    this those through to too under until up ve very was wasn wasn't we were weren weren't what
    when where which while who whom why will with won won't wouldn wouldn't y you you'd you'll
    you're you've your yours yourself yourselves
"""
_ENGLISH_FUNCTION_WORDS = frozenset(_ENGLISH_FUNCTION_WORDS_TEXT.split())
#: The same with typographic apostrophes, which the tokenizer keeps inside words ("it’s").
ENGLISH_FUNCTION_WORDS = _ENGLISH_FUNCTION_WORDS | {
    w.replace("'", "\u2019") for w in _ENGLISH_FUNCTION_WORDS
}
