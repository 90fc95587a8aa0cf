"""Language identification for article text: ISO 639-1 code, or None when unsure.

How a text is decided:
1. URLs, e-mail addresses, @handles, #tags and numbers are removed; they carry no language.
2. A bounded sample is taken from the longest lines: article prose sits in long lines and
   paragraphs, while menus, buttons, cookie banners and captions are short lines, often English.
3. The writing system decides where it can: kana means Japanese, hangul Korean, Han alone
   Chinese; Urdu, Persian and Arabic differ in letters; Devanagari is taken as Hindi unless
   fastText is sure of Marathi or Nepali; scripts used by one language only (Greek, Hebrew,
   Thai, ...) name it, and so do Yoruba's dotted letters (ẹ ọ ṣ) in Latin text. Letters
   that only Russian or Ukrainian use count only when fastText is not sure of another
   Cyrillic language (Bulgarian, Kazakh, ...).
4. Latin and Cyrillic text goes to two character-n-gram models: langdetect (seeded, limited to
   the languages we have tools for) and fastText's lite lid.176 model. Their probabilities are
   mixed, fastText weighing more on short text, where langdetect is weakest. fastText knows 176
   languages, so a text it is sure is in a language we do not support (Swedish, Czech, ...) is
   answered with that code rather than squeezed into the nearest supported one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from summaries.text._detectors import fasttext_scores, langdetect_scores, preload
from summaries.text._scripts import (
    CJK_SCRIPTS,
    SCRIPT_WEIGHTS,
    SHARED_SCRIPTS,
    SINGLE_LANGUAGE_SCRIPTS,
    arabic_script_candidates,
    cjk_language,
    count_scripts,
    cyrillic_hint,
    is_yoruba,
    letter_weight,
)
from summaries.text._segment import preload as preload_segmenters

#: Languages written in Latin or Cyrillic script that the statistical step chooses between.
LATIN_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "id", "vi")
CYRILLIC_LANGUAGES = ("ru", "uk")


@dataclass(frozen=True, slots=True)
class DetectionConfig:
    """Thresholds of language identification."""

    #: Fewer letters than this (after cleaning) is too little to tell a language.
    min_letters: int = 4
    #: Han, kana and hangul carry a syllable or a word each: fewer are needed.
    min_cjk_letters: int = 2
    #: Only the first this many characters of a text are looked at (a long article's language
    #: shows long before that).
    scan_chars: int = 6_000
    #: The sample fed to the models is at most this many characters, from the longest lines
    #: (600 names the same language as 800 on every langid dev bucket and dev page, 10 % sooner).
    sample_chars: int = 600
    #: Scripts are counted on the first this many characters of the sample.
    script_chars: int = 800
    #: langdetect reads only the first this many characters of the sample (fastText all of it).
    langdetect_chars: int = 500
    #: From this many words on, fastText decides alone: on paragraphs and articles it was as
    #: accurate as the pair (100 % on the langid dev buckets) at a third of the cost; langdetect
    #: earns its time only on short text.
    fasttext_alone_words: int = 60
    #: Lines shorter than this share of the longest line (in letters) are left out of the sample.
    line_share: float = 0.3
    #: A non-Latin script with this share of the (weighted) letters decides over Latin.
    foreign_script_share: float = 0.3
    #: Up to this many words, fastText's vote weighs `short_fasttext_weight`, else `long_...`.
    short_words: int = 25
    short_fasttext_weight: float = 0.65
    long_fasttext_weight: float = 0.3
    #: Added to every probability before pooling the two models' logs.
    probability_floor: float = 0.01
    #: fastText must be this sure, on at least `open_set_min_words` words, to name a language
    #: outside our set.
    open_set_min_prob: float = 0.8
    open_set_min_words: int = 5


DEFAULT_DETECTION = DetectionConfig()

_NOISE = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|[@#]\w+"  # handles and hashtags
    r"|\d[\d.,:/%-]*",  # numbers, dates, times
)
#: `_NOISE` without its e-mail branch, for text without an "@" (where that branch cannot match):
#: the branch is tried from every letter of every word and costs most of the scan.
_NOISE_NO_AT = re.compile(r"(?:https?://|www\.)\S+|[@#]\w+|\d[\d.,:/%-]*")
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, config: DetectionConfig = DEFAULT_DETECTION) -> str | None:
    """Name the language of a text.

    Args:
        text: article body, pasted page or any snippet; may contain boilerplate lines.
        config: thresholds.

    Returns:
        An ISO 639-1 code (possibly one without tools, e.g. "sv"), or None when the text has too
        few letters to tell, so that the caller falls back to a configured language.
    """
    head = text[: config.scan_chars]
    sample = _sample((_NOISE if "@" in head else _NOISE_NO_AT).sub(" ", head), config)
    counts = count_scripts(sample[: config.script_chars])
    letters = sum(counts.values())
    if not letters:
        return None
    script = _main_script(counts, config)
    if script == "cjk":
        cjk = sum(counts[s] for s in CJK_SCRIPTS)
        return cjk_language(counts) if cjk >= config.min_cjk_letters else None
    if letters < config.min_letters:
        return None
    if script == "arabic":
        candidates = arabic_script_candidates(sample)
        if len(candidates) == 1:
            return _open_set(sample, candidates, config) or candidates[0]
        return _statistical(sample, candidates, config)
    if script in SHARED_SCRIPTS:
        # Devanagari also writes Marathi and Nepali: fastText may name them when it is sure
        main = SINGLE_LANGUAGE_SCRIPTS[script]
        return _open_set(sample, (main,), config) or main
    if script in SINGLE_LANGUAGE_SCRIPTS:
        return SINGLE_LANGUAGE_SCRIPTS[script]
    if script == "cyrillic":
        hint = cyrillic_hint(sample)
        if hint is None:
            return _statistical(sample, CYRILLIC_LANGUAGES, config)
        # Bulgarian has "ъ", Kazakh "і": letters alone do not settle other Cyrillic languages
        return _open_set(sample, CYRILLIC_LANGUAGES, config) or hint
    if script == "latin":
        if is_yoruba(sample, letters):
            return "yo"
        return _statistical(sample, LATIN_LANGUAGES, config)
    return None


def preload_models() -> None:
    """Load the detectors' models and the word segmenters now (call it at start-up).

    A missing package then fails early, and the first request does not pay for the loading.
    """
    preload()
    preload_segmenters()


def _main_script(counts: Counter[str], config: DetectionConfig) -> str:
    """The script that decides: the heaviest one, Han, kana and hangul counted together as "cjk".

    A non-Latin script with at least `config.foreign_script_share` of the weight beats Latin:
    the Latin part of such a text is usually English boilerplate (bylines, share buttons,
    headers) around the article, while a name in another script is a few letters at most.
    """
    weights: Counter[str] = Counter()
    for script, n in counts.items():
        weights["cjk" if script in CJK_SCRIPTS else script] += n * SCRIPT_WEIGHTS.get(script, 1)
    ranked = weights.most_common()
    script = ranked[0][0]
    if script == "latin" and len(ranked) > 1:
        other, weight = ranked[1]
        if other != "other" and weight >= weights.total() * config.foreign_script_share:
            return other
    return script


def _sample(text: str, config: DetectionConfig) -> str:
    """The longest lines, in text order, up to `config.sample_chars` characters."""
    lines = [ln.strip() for ln in text.splitlines()]
    weights = [letter_weight(ln) for ln in lines]
    if not any(weights):
        return ""
    floor = max(weights) * config.line_share
    by_length = sorted(range(len(lines)), key=lambda i: -weights[i])
    picked: list[int] = []
    size = 0
    for i in by_length:
        if weights[i] < floor or size >= config.sample_chars:
            break
        picked.append(i)
        size += len(lines[i]) + 1
    return "\n".join(lines[i] for i in sorted(picked))[: config.sample_chars]


def _open_set(
    sample: str,
    languages: tuple[str, ...],
    config: DetectionConfig,
    fasttext: dict[str, float] | None = None,
    words: int | None = None,
) -> str | None:
    """A language outside `languages` that fastText is sure of, else None."""
    if (len(_WORD.findall(sample)) if words is None else words) < config.open_set_min_words:
        return None
    scores = fasttext_scores(sample) if fasttext is None else fasttext
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    if (
        best not in languages
        and len(best) == 2  # lid.176 also has 3-letter codes; we answer in ISO 639-1
        and scores[best] >= config.open_set_min_prob
    ):
        return best
    return None


def _statistical(sample: str, languages: tuple[str, ...], config: DetectionConfig) -> str | None:
    """Mix langdetect's and fastText's probabilities over `languages`."""
    words = len(_WORD.findall(sample))
    fasttext = fasttext_scores(sample)
    outside = _open_set(sample, languages, config, fasttext, words)
    if outside is not None:
        return outside
    inside = {c: p for c, p in fasttext.items() if c in languages}
    total = sum(inside.values())
    fasttext_share = {c: p / total for c, p in inside.items()} if total else {}
    if fasttext_share and words >= config.fasttext_alone_words:
        return max(fasttext_share, key=fasttext_share.__getitem__)
    # langdetect's cost grows with the text and its answer settles after a few hundred letters.
    langdetect = langdetect_scores(sample[: config.langdetect_chars], languages)
    weight = (
        config.short_fasttext_weight
        if words <= config.short_words
        else config.long_fasttext_weight
    )
    if not fasttext_share:
        weight = 0.0
    if not langdetect:
        weight = 1.0
    if not langdetect and not fasttext_share:
        return None
    # Log-linear pooling: a language both models find plausible beats one that only one likes;
    # the floor keeps a model's zero from vetoing outright (langdetect is overconfident).
    floor = config.probability_floor

    def pooled(code: str) -> float:
        return (1 - weight) * math.log(langdetect.get(code, 0.0) + floor) + weight * math.log(
            fasttext_share.get(code, 0.0) + floor
        )

    return max(languages, key=pooled)
