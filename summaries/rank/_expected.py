"""Expected ROUGE-1 of each sentence against a reference written in the article's own words.

A one-sentence summary is judged against an unseen sentence about the whole piece. Model that
sentence as `length` tokens drawn from the rest of the article: a token the sentence uses k
times, which makes up a share p of the rest, is expected min(k, length * p) times in it, and
the expected overlap over (sentence tokens + length) / 2 is the expected unigram F1. It rewards
sentences made of the article's recurring words, stop words included (ROUGE counts them), and
prices length the way the F1 does. Nothing is language-specific: tokens are the lower-cased
words, and runs of an unspaced script (Chinese, Japanese, Thai) count one token per character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from summaries.rank._vectors import is_unspaced
from summaries.text import word_tokens


def rouge_tokens(text: str) -> list[str]:
    """Lower-cased word tokens; unspaced-script runs split into characters.

    The plain word pattern of every language: a segmenter's Chinese or Japanese words would be
    split into characters all the same, at several times the cost.
    """
    out: list[str] = []
    for word in word_tokens(text):
        if not any(ch.isalnum() for ch in word):
            continue
        if word[0] >= "\u0e00" and is_unspaced(word[0]):
            out.extend(word)
        else:
            out.append(word)
    return out


def expected_f1(tokens: Sequence[Sequence[str]], length_share: float) -> list[float]:
    """Expected unigram F1 of each sentence against a reference drawn from the other sentences.

    The reference has `length_share` times the median sentence length in tokens (at least one);
    a sentence's own tokens are left out of the pool it is compared with.
    """
    if not tokens:
        return []
    total = Counter(t for sentence in tokens for t in sentence)
    size = sum(total.values())
    lengths = sorted(len(sentence) for sentence in tokens)
    reference = max(1.0, length_share * lengths[len(lengths) // 2])
    out: list[float] = []
    for sentence in tokens:
        rest = size - len(sentence)
        if not sentence or rest <= 0:
            out.append(0.0)
            continue
        overlap = sum(
            min(k, reference * (total[t] - k) / rest) for t, k in Counter(sentence).items()
        )
        out.append(2.0 * overlap / (len(sentence) + reference))
    return out
