"""Whether a name is the page's own domain ("The Japan Times" on japantimes.co.jp)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

#: Second-level labels under a country code that are not the owner's name (co.uk, com.au).
_GENERIC_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gov", "or", "ne", "edu"})
#: A web archive's copy of a page names the original URL after a timestamp.
_ARCHIVED = re.compile(r"https?://web\.archive\.org/web/[^/]+/(https?:/)/?(.+)", re.IGNORECASE)
#: A domain label this short ("ap", "rt") is too often a word inside an unrelated name.
_MIN_CONTAINED_CHARS = 4


def domain_label(url: str | None) -> str | None:
    """The owner's label of a URL's host: "japantimes" for https://www.japantimes.co.jp/news.

    A page kept by a web archive is the archived page's ("medialepfade" for
    https://web.archive.org/web/2016/http://www.medialepfade.de/post).
    """
    if archived := _ARCHIVED.match(url or ""):
        url = f"{archived.group(1)}/{archived.group(2)}"  # some readers collapse "//"
    host = (urlsplit(url or "").hostname or "").rstrip(".")
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None
    if len(labels) >= 3 and labels[-2] in _GENERIC_SECOND_LEVEL:
        return _squash(labels[-3])
    return _squash(labels[-2])


#: How German, Danish and Swedish names are spelled in host names ("Jäger" → jaeger).
_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe"}
)


def _squash(text: str) -> str:
    """Letters and digits only, no accents, lower case: "Harper's Magazine" → "harpersmagazine"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in plain if not unicodedata.combining(c)))


#: How host names spell "&" (which they cannot hold): "Fisch & Fang" → fischundfang.de.
_AMPERSAND_WORDS = ("", "and", "und", "et", "y", "e", "en", "n")


def _spellings(name: str) -> set[str]:
    """A name as a host may spell it: accents dropped or transliterated ("jager", "jaeger"),
    "&" left out or spelled as a word."""
    folded = unicodedata.normalize("NFC", name.casefold())
    forms = {folded, folded.translate(_TRANSLITERATION)}
    if "&" in folded:
        forms = {form.replace("&", word) for form in forms for word in _AMPERSAND_WORDS}
    return {_squash(form) for form in forms} - {""}


def names_domain(name: str, label: str | None) -> bool:
    """Whether a name spells the domain's label, whole or as a part of four or more characters.

    "Bergsteigen.com", "The Japan Times", "SMAVA" and "amazed" name bergsteigen.com,
    japantimes.co.jp, smava.de and amazedmag.de; "Firefox Nightly News" does not name
    mozilla.org.
    """
    if not label:
        return False
    return any(
        spelling == label
        or len(label) >= _MIN_CONTAINED_CHARS
        and label in spelling
        or len(spelling) > _MIN_CONTAINED_CHARS
        and spelling in label
        for spelling in _spellings(name)
    )
