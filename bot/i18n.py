"""Interface languages: gettext catalogs compiled at load, the per-reply `Texts`, and the choice
of language for an update (plain functions; no Telegram in here).

English is the source language: the messages in `bot.texts` are the msgids. Every other
language has `bot/locales/<lang>/LC_MESSAGES/newsbrief.po`, compiled in memory the first time
it is used (no build step, so `pip install -e .` is enough). Numbers, percentages, dates,
durations and language names come from Babel's CLDR data for the interface locale.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton, format_timedelta
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

DOMAIN = "newsbrief"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"
SOURCE_LANGUAGE = "en"
#: The Babel locale that formats numbers and dates for an interface language, where it is not
#: the language itself: our English is British ("summarise", "3 May 2024").
FORMAT_LOCALES = {"en": "en_GB"}
#: Old or alternative codes Telegram clients may send → our catalog's code.
CODE_ALIASES = {"in": "id", "iw": "he", "nb": "no", "nn": "no", "zh-tw": "zh", "zh-hk": "zh"}
#: Unicode isolates (UAX #9): FSI … PDI keep article text from reordering our own labels.
FSI, PDI = "\u2068", "\u2069"
#: Right-to-left / left-to-right marks: start our own lines in the interface's direction even
#: when they begin with (isolated) article text.
RLM = "\u200f"
LRM = "\u200e"
_CODE = re.compile(r"[a-z]{2,3}")


def N_(message: str) -> str:  # noqa: N802 — the gettext convention `pybabel extract` knows
    """Mark a message for extraction; it is translated where it is used (`Texts`)."""
    return message


@dataclass(frozen=True, slots=True)
class Plural:
    """A message with a number in it: singular and plural English forms.

    The number is the `{n}` placeholder; the language's plural rule picks the form.
    """

    singular: str
    plural: str


def catalog_path(language: str) -> Path:
    """Where a language's catalog lives."""
    return LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def interface_languages() -> tuple[str, ...]:
    """English plus every language that has a catalog, as codes (English first)."""
    found = sorted(p.parent.parent.name for p in LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


@functools.cache
def _translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog (fuzzy entries left out, so they fall back to English)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def preload_catalogs() -> None:
    """Compile every catalog now (~0.3 s for all), so a broken one fails at start-up."""
    for language in interface_languages():
        _translations(language)


def normalize_code(code: str | None) -> str | None:
    """A Telegram `language_code` ("pt-br", "zh-hans", "en") → a catalog code, or None."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-")
    code = CODE_ALIASES.get(code, code)
    base = code.split("-")[0]
    base = CODE_ALIASES.get(base, base)
    return base if _CODE.fullmatch(base) else None


def choose_language(chosen: str, user_code: str | None, private: bool) -> str:
    """The interface language for a reply.

    Args:
        chosen: The chat's "Interface language" setting ("auto" or a code).
        user_code: The sender's Telegram `language_code`.
        private: True in a private chat; groups and channels follow their setting, else
            English, so one member's app language does not decide for everyone.

    Returns:
        A code from `interface_languages()`.
    """
    available = interface_languages()
    if chosen in available:
        return chosen
    if private:
        code = normalize_code(user_code)
        if code in available:
            return code
    return SOURCE_LANGUAGE


@dataclass(frozen=True, slots=True)
class Texts:
    """Messages and formatting in one interface language.

    Call it with a message from `bot.texts` (and its placeholders) to get the translation;
    the result is formatted but not escaped, as before: callers escape values that need it.
    """

    language: str

    @property
    def locale(self) -> Locale:
        """The Babel locale that formats numbers, dates and names."""
        return _locale(self.language)

    @property
    def rtl(self) -> bool:
        """True for right-to-left interface languages (Arabic, Persian, …)."""
        return self.locale.character_order == "right-to-left"

    def __call__(self, message: str, /, **values: object) -> str:
        """The translated message, with `values` filled in."""
        text = _translations(self.language).gettext(message)
        return text.format(**values) if values else text

    def plural(self, message: Plural, n: int, /, **values: object) -> str:
        """The form of `message` for the number `n` (shown as `{n}`, locale-formatted)."""
        text = _translations(self.language).ngettext(message.singular, message.plural, n)
        return text.format(n=self.number(n), **values)

    def number(self, value: float) -> str:
        """100000 → "100,000" (en), "100.000" (de), "100 000" (fr)."""
        return format_decimal(value, locale=self.locale)

    def percent(self, percent: float) -> str:
        """53 → "53%" (en), "53 %" (de), "%53" (tr)."""
        return format_percent(percent / 100, locale=self.locale)

    def date(self, value: dt.date) -> str:
        """A day as the locale writes it: "3 May 2024", "3. Mai 2024", "2024年5月3日"."""
        return format_skeleton("yMMMd", value, locale=self.locale)

    def duration(self, seconds: float) -> str:
        """21600 → "6 hours", "6 Stunden", "6小时"."""
        return format_timedelta(dt.timedelta(seconds=seconds), locale=self.locale)

    def language_name(self, code: str) -> str | None:
        """The name of a language in this interface language ("Englisch", "anglais"), or None."""
        return self.locale.languages.get(code)

    def isolate(self, text: str) -> str:
        """Article text placed inside or next to our labels, kept from reordering them.

        Needed where the two directions meet: in right-to-left interfaces, and for
        right-to-left article text in left-to-right ones; elsewhere the text stays as it is.
        """
        if text and (self.rtl or _has_rtl(text)):
            return f"{FSI}{text}{PDI}"
        return text

    def line(self, text: str) -> str:
        """One line of our own text, starting in the interface's direction where that matters
        (RTL interfaces; LTR lines that hold isolated right-to-left article text)."""
        if not text:
            return text
        if self.rtl:
            return f"{RLM}{text}"
        return f"{LRM}{text}" if FSI in text else text


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


@functools.cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(FORMAT_LOCALES.get(language, language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FORMAT_LOCALES[SOURCE_LANGUAGE])


def endonym(code: str) -> str:
    """A language's name in itself, for the language menu ("Deutsch", "العربية", "中文")."""
    name = _locale(code).get_language_name(code) or code
    return name[:1].upper() + name[1:]


@functools.cache
def texts_for(language: str) -> Texts:
    """The `Texts` of an interface language (English for one without a catalog)."""
    return Texts(language if language in interface_languages() else SOURCE_LANGUAGE)


ENGLISH = Texts(SOURCE_LANGUAGE)
