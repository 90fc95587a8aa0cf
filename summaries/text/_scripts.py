"""Writing-system rules for language identification: letters counted per script."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

# (first code point, last code point, script). Kept sorted by first code point; only letters of
# these blocks are counted (digits and punctuation are filtered out before, by str.isalpha).
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"),
    (0x1E00, 0x1EFF, "latin"),
    (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"),
    (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0xFF21, 0xFF5A, "latin"),
    (0xFF66, 0xFF9F, "kana"),
)
_STARTS = [r[0] for r in _SCRIPT_RANGES]

#: Scripts that (nearly) only one language writes, so the script alone names the language.
#: Devanagari also writes Marathi and Nepali; Hindi is by far the most common on news pages.
SINGLE_LANGUAGE_SCRIPTS: dict[str, str] = {
    "greek": "el",
    "armenian": "hy",
    "hebrew": "he",
    "devanagari": "hi",
    "bengali": "bn",
    "gurmukhi": "pa",
    "gujarati": "gu",
    "tamil": "ta",
    "telugu": "te",
    "kannada": "kn",
    "malayalam": "ml",
    "sinhala": "si",
    "thai": "th",
    "lao": "lo",
    "myanmar": "my",
    "georgian": "ka",
    "ethiopic": "am",
    "khmer": "km",
}

#: Scripts of SINGLE_LANGUAGE_SCRIPTS that other languages write too: fastText may overrule.
SHARED_SCRIPTS = frozenset({"devanagari"})

CJK_SCRIPTS = frozenset({"han", "kana", "hangul"})


def script_of(char: str) -> str:
    """Name the script of one letter ("other" when it is in none of the known blocks)."""
    cp = ord(char)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _SCRIPT_RANGES[i][1]:
        return _SCRIPT_RANGES[i][2]
    return "other"


#: How many Latin letters one letter of these scripts is worth: a Han character or a hangul
#: syllable carries about as much as a short word, so counting it once would let a few words of
#: English outweigh a Chinese paragraph.
SCRIPT_WEIGHTS: dict[str, int] = {"han": 3, "kana": 2, "hangul": 3}


def count_scripts(text: str) -> Counter[str]:
    """Count the letters of a text per script (each distinct character is looked up once)."""
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():
        if char.isalpha():
            counts[script_of(char)] += n
    return counts


_LETTER = re.compile(r"[^\W\d_]")
#: The exact complement of `_LETTER`, in runs.
_NON_LETTERS = re.compile(r"[\W\d_]+")
_HAN_OR_HANGUL = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
#: Either of the two above.
_DENSE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3040-\u30ff\u31f0-\u31ff]"
)


def letter_weight(text: str) -> int:
    """Letters of a text, CJK ones weighted as in SCRIPT_WEIGHTS (a measure of its length).

    Regex counts rather than `count_scripts`: this runs over every line of a long article.
    """
    # deleting the non-letter runs counts the letters without a list of one-letter matches
    letters = len(_NON_LETTERS.sub("", text))
    if not _DENSE.search(text):  # most lines: one scan instead of one per dense script
        return letters
    extra_han = (SCRIPT_WEIGHTS["han"] - 1) * len(_HAN_OR_HANGUL.findall(text))
    extra_kana = (SCRIPT_WEIGHTS["kana"] - 1) * len(_KANA.findall(text))
    return letters + extra_han + extra_kana


def cjk_language(counts: Counter[str]) -> str:
    """zh, ja or ko from the mix of Han, kana and hangul letters.

    Any real share of kana means Japanese (Japanese prose is rarely under a fifth kana, and
    Chinese never uses kana); hangul means Korean; Han alone is Chinese.
    """
    han, kana, hangul = counts["han"], counts["kana"], counts["hangul"]
    if hangul >= han + kana:
        return "ko"
    if kana * 10 >= han + kana:
        return "ja"
    return "zh"


@dataclass(frozen=True, slots=True)
class ArabicScriptMarkers:
    """Characters that tell the languages written in Arabic script apart."""

    #: Only Urdu uses these: ٹ ڈ ڑ ں ے ۓ ہ ھ (retroflexes, noon ghunna, bari ye, heh goal) and
    #: its full stop ۔.
    urdu: frozenset[str] = frozenset("\u0679\u0688\u0691\u06ba\u06d2\u06d3\u06c1\u06be\u06d4")
    #: Persian (and Urdu) letters for sounds Arabic lacks: پ چ ژ گ.
    persian: frozenset[str] = frozenset("\u067e\u0686\u0698\u06af")
    #: The Persian (and Urdu) shapes of kaf and yeh: ک ی. Older Persian text uses Arabic's.
    persian_forms: frozenset[str] = frozenset("\u06a9\u06cc")
    #: Arabic: ta marbuta, alef maksura and hamza on alef (ة ى أ إ), rare in Persian.
    arabic: frozenset[str] = frozenset("\u0629\u0649\u0623\u0625")
    #: Arabic's kaf and yeh (ك ي), also found in Persian typed on Arabic keyboards.
    arabic_forms: frozenset[str] = frozenset("\u0643\u064a")


ARABIC_MARKERS = ArabicScriptMarkers()


def arabic_script_candidates(
    text: str, markers: ArabicScriptMarkers = ARABIC_MARKERS
) -> tuple[str, ...]:
    """Which of ar, fa and ur a text in Arabic script can be, from the letters it uses.

    One language when the letters settle it; otherwise the ones left for a statistical model.
    """

    def count(chars: frozenset[str]) -> int:
        return sum(c in chars for c in text)

    urdu, persian = count(markers.urdu), count(markers.persian)
    persian_forms, arabic = count(markers.persian_forms), count(markers.arabic)
    arabic_forms = count(markers.arabic_forms)
    # ے and ہ are among Urdu's most frequent letters and Persian never has them.
    if urdu and urdu * 20 >= persian + persian_forms:
        return ("ur",)
    if persian + persian_forms and not arabic + arabic_forms:
        return ("fa", "ur")
    if persian and persian * 10 >= arabic:
        return ("fa", "ur")
    if arabic + arabic_forms and not persian + persian_forms:
        return ("ar", "fa")
    return ("ar", "fa", "ur")


#: Letters only one of Russian and Ukrainian uses.
UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")


def cyrillic_hint(text: str) -> str | None:
    """ru or uk when the text has letters only one of them uses (and none of the other's)."""
    uk = any(c in UKRAINIAN_ONLY for c in text)
    ru = any(c in RUSSIAN_ONLY for c in text)
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    return None


@dataclass(frozen=True, slots=True)
class YorubaMarkers:
    """Letters that tell Yoruba from the other Latin-script languages.

    Yoruba writes ẹ, ọ and ṣ with a dot below, precomposed or with U+0323 after the base
    letter, and its tone marks as combining accents. Of the languages we detect only
    Vietnamese also has ẹ and ọ, and it never goes without letters Yoruba does not use
    (ă â đ ê ô ơ ư, or the other precomposed vowels with tone marks). fastText's lite model
    gives Yoruba news about 0.2 and names Vietnamese or Spanish instead.
    """

    #: ẹ ọ ṣ and their capitals, precomposed.
    dotted: frozenset[str] = frozenset("\u1eb9\u1ecd\u1e63\u1eb8\u1ecc\u1e62")
    #: The base letters that U+0323 (combining dot below) turns into the letters above.
    dotted_bases: frozenset[str] = frozenset("eosEOS")
    #: Vietnamese letters outside Yoruba's alphabet: ă â đ ê ô ơ ư and capitals.
    vietnamese: frozenset[str] = frozenset("ăâđêôơưĂÂĐÊÔƠƯ")
    #: Dotted letters needed, at least this many and this share of the letters (Yoruba news
    #: sentences: 4 % to 20 %, median 10 %; a Yoruba name in English text stays near 1 %).
    min_letters: int = 2
    min_share: float = 0.03


YORUBA_MARKERS = YorubaMarkers()
_DOT_BELOW = "\u0323"


def is_yoruba(text: str, letters: int, markers: YorubaMarkers = YORUBA_MARKERS) -> bool:
    """The Latin-script text writes ẹ, ọ or ṣ often enough and no letter only Vietnamese uses.

    Args:
        text: the sample.
        letters: how many letters it has (the share is taken of them).
        markers: the letters and thresholds.
    """
    if _DOT_BELOW not in text and not any(char in text for char in markers.dotted):
        return False  # most Latin text: six substring scans instead of a loop per character
    dotted = 0
    for i, char in enumerate(text):
        if char in markers.dotted or (
            char == _DOT_BELOW and i and text[i - 1] in markers.dotted_bases
        ):
            dotted += 1
        elif char in markers.vietnamese or (
            "\u1ea0" <= char <= "\u1ef9" and char not in markers.dotted
        ):
            return False
    return dotted >= markers.min_letters and dotted >= markers.min_share * letters
