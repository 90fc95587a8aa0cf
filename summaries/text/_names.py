"""English names of the languages the pipeline knows, for replies and the CLI."""

from __future__ import annotations

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "pl": "Polish",
    "tr": "Turkish",
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "hi": "Hindi",
    "id": "Indonesian",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "vi": "Vietnamese",
    "cs": "Czech",
    "da": "Danish",
    "sv": "Swedish",
    "no": "Norwegian",
    "fi": "Finnish",
    "el": "Greek",
    "et": "Estonian",
    "sl": "Slovene",
    "ro": "Romanian",
    "hu": "Hungarian",
}


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code, or the code itself when unknown."""
    return LANGUAGE_NAMES.get(code, code)
