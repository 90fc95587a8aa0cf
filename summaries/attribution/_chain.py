"""The chain of attribution: publication, wire agency, outlets the article cites, dateline.

Signals, strongest first (all from the text; nothing is guessed from the publication):

* wire credits: a dateline credit (`LONDON (Reuters) -`, `BERLIN, 5. März (dpa) -`), a credit
  line (`— Reuters/file`, `AFP/Reuters`, `Photo: AP`), an agency sign-off at the end of a line
  (`… said. — AP`), the Reuters sign-off `(Reporting by …; Editing by …)`, and an agency as the
  interviewer (`told Reuters`). Caption lines are often removed by the cleaner before the
  pipeline sees the article, so `find_attribution` also takes `hints`: extra lines (captions,
  bylines) the caller kept aside, read with the same credit rules.
* cited outlets: an outlet from the table next to a reporting word (`the New York Times
  reported`, `told the BBC`, `according to The Washington Post`, `in an interview with CNN`);
  back-references such as `the newspaper said` or `the Times said` add nothing new, they resolve
  to the outlet named before. Wire agencies cited the same way are wires, not outlets.
* dateline: an upper-case place at the start of the first paragraph followed by `:`, `—` or an
  agency credit, or a Title-case place followed by a date and an agency credit.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from summaries.attribution._citations import (
    CITE_AFTER,
    CITE_BEFORE,
    OUTLET_DETERMINERS,
    OUTLET_KINDS,
)
from summaries.attribution._outlets import (
    OUTLETS,
    WIRES,
    Source,
    canonical_outlet,
    outlet_spans,
    wire_mentions,
)
from summaries.models import Article, Attribution
from summaries.text import (
    PHOTO_CREDIT_LABELS,
    UPPER,
    alternation,
    compile_cached,
    first_char_lookahead,
    longest_first,
    phrase_pattern,
)

__all__ = ["find_attribution"]

#: Letters a place name may start with: capitals, or any letter of a caseless script.
_PLACE_START = rf"[{UPPER}\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
#: Combining marks inside Arabic and Devanagari place names (`عمّان`, `दिल्ली`).
_PLACE_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0900-\u097f"
_CJK = compile_cached(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _phrases(items: tuple[str, ...] | list[str]) -> str:
    """Fragments longest first; plain phrases are escaped, their spaces match any blank."""

    def frag(p: str) -> str:
        if any(ch in p for ch in "\\[("):
            return p  # already a regex fragment
        return r"\s+".join(re.escape(w) for w in p.split())

    return "|".join(frag(p) for p in longest_first(set(items)))


_BEFORE_ALL = [p for group in CITE_BEFORE.values() for p in group]
_BEFORE_GLUED = [p for p in _BEFORE_ALL if _CJK.match(p)]
_BEFORE_WORDS = [p for p in _BEFORE_ALL if not _CJK.match(p)]
#: A reporting phrase, an optional kind word and determiner or mark, then the name.
_CITE_BEFORE_RX = compile_cached(
    rf"(?:(?<!\w)(?:{_phrases(_BEFORE_WORDS)})|(?:{_phrases(_BEFORE_GLUED)}))"
    rf"(?:\s*(?:{_phrases(OUTLET_KINDS)}))?"
    rf"\s*(?:(?:{_phrases(OUTLET_DETERMINERS)})\s+|l['’])?[„“\"«《【「]?\s*$",
    re.IGNORECASE,
)
_AFTER_GLUED = [p for p in CITE_AFTER if _CJK.search(p) or p.startswith(("[", "\\s*", "("))]
_AFTER_WORDS = [p for p in CITE_AFTER if p not in _AFTER_GLUED]
#: After the name: an optional closing mark, `'s report`, an apposition, then the phrase.
_CITE_AFTER_RX = compile_cached(
    rf"^[“”\"»》】」]?(?:['’]s\s+\w+\s+)?\s*(?:,[^,\n]{{1,60}},\s*)?"
    rf"(?:(?:{_phrases(_AFTER_WORDS)})\b|(?:{_phrases(_AFTER_GLUED)}))"
)
_CITE_AFTER_EN = (
    r"reported|reports|said|says|wrote|writes|has learned|learned|first reported|revealed|"
    r"published|quoted|cited|noted|added|obtained|broke the news|berichtete|berichtet|meldete|"
    r"schreibt|schrieb|a rapporté|rapporte|écrit|informó|publicó|informa|ha riferito|"
    r"riporta|noticiou|informou|сообщает|сообщил|пишет|podał|podaje|napisał"
)
_LINE_MAX = 60
_DATELINE_LINES = 6
#: Upper-case labels that look like a dateline but are not places.
_NOT_PLACES = frozenset(
    {
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "WATCH",
        "LIVE",
        "ANALYSIS",
        "OPINION",
        "EDITORIAL",
        "VIDEO",
        "PHOTOS",
        "PHOTO",
        "READ",
        "MORE",
        "NOTE",
        "EDITOR'S",
        "EDITOR’S",
        "CORRECTION",
        "FULL",
        "TRANSCRIPT",
        "PARTIAL",
        "Q",
        "A",
        "FILE",
        "ADVERTISEMENT",
        "WARNING",
    }
)

_WIRE_LOOKUP: dict[str, Source] = {}
for _src in WIRES:
    for _alias in (_src.name, *_src.aliases, *_src.strict):
        _WIRE_LOOKUP.setdefault(_alias, _src)
        _WIRE_LOOKUP.setdefault(_alias.lower(), _src)
_WIRE_ALT = "|".join(
    re.escape(a)
    for a in longest_first({a for s in WIRES for a in (s.name, *s.aliases, *s.strict)})
)
_WIRE_FULL_ALT = "|".join(
    re.escape(a) for a in longest_first({a for s in WIRES for a in (s.name, *s.aliases)})
)
_WIRE = rf"(?:{_WIRE_ALT})"
_WIRE_LIST = rf"{_WIRE}(?:\s*(?:/|,|and|&)\s*{_WIRE})*"
#: `LONDON (Reuters) -` / `Washington, Sept 5 (AP) —` / `BERLIN, 5. März (dpa) -`
_DATELINE_CREDIT = compile_cached(
    rf"^\s*(?P<place>{_PLACE_START}[\w.'’ {_PLACE_MARKS}-]{{1,40}}?)(?:,\s*[^(（\n]{{1,40}}?)?\s*"
    rf"[(（](?P<wires>{_WIRE_LIST})[)）]\.?\s*[-—–:]"
)
#: `NEW YORK:` / `NEW YORK —` / `PARIS, 3 mars —` at the start of the first paragraph.
_DATELINE_CAPS = compile_cached(
    rf"^\s*(?P<place>[{UPPER}][{UPPER}.'’ -]{{2,40}}?)(?:,\s*[^:\n—–]{{1,30}}?)?\s*(?::|—|–|--)\s"
)
_CREDIT_ANYWHERE = compile_cached(rf"[(（](?P<wires>{_WIRE_LIST})[)）]\.?\s*[-—–]")
_WIRE_FULL = rf"(?:{_WIRE_FULL_ALT})"
#: Credits in a line's first words in other conventions: `МОСКВА, 2 мая. /ТАСС/.`,
#: `(서울=연합뉴스)`, `［東京　３日　ロイター］`, `【ロイター】`, `МОСКВА — РИА Новости.`,
#: `القاهرة - رويترز -`, `新华社北京9月28日电`.
_LEAD_CREDITS = (
    compile_cached(rf"^[^\n/]{{0,40}}?/(?P<wires>{_WIRE_LIST})/"),
    compile_cached(
        rf"^[^\n(（]{{0,40}}?[(（][^()（）\n=]{{1,20}}=\s*(?P<wires>{_WIRE_LIST})[)）]"
    ),
    compile_cached(
        rf"^\s*[\[［【](?:[^\]］】\n]{{0,24}}?[\s　])?(?P<wires>{_WIRE_FULL})\s*[\]］】]"
    ),
    compile_cached(rf"^[^\n—–-]{{1,40}}?\s[—–-]\s*(?P<wires>{_WIRE_FULL})(?=\s*[.:—–-]|\s*$)"),
    compile_cached(rf"^\s*(?P<wires>{_WIRE_FULL})[^\s，。]{{0,16}}?[电電]"),
)
#: A short line that is only a credit: `— Reuters/file`, `AFP/Reuters`, `Photo: AP`.
_CREDIT_LINE = compile_cached(
    rf"^\s*(?:[-—–]\s*|(?:{phrase_pattern(PHOTO_CREDIT_LABELS)}|source|quelle)\s*:\s*)?"
    rf"(?P<wires>{_WIRE_LIST})(?:\s*/\s*(?:file|photo|files|pool|"
    rf"getty images|afp|reuters|ap|epa|dpa)\b)*\s*[.)]?\s*$",
    re.IGNORECASE,
)
#: A sign-off at the end of a paragraph: `… in 2015. — AP` / `(AFP)`.
_SIGN_OFF = compile_cached(rf"(?:[-—–]\s*|\()(?P<wires>{_WIRE_LIST})\)?\s*$")
_REUTERS_SIGNOFF = compile_cached(
    r"\(Reporting by [^)]{1,200}(?:Editing|editing) by [^)]{1,120}\)"
)
_WIRE_INTERVIEW = compile_cached(
    rf"\b(?:told|said to|in an interview with|speaking to)\s+(?:the\s+)?"
    rf"(?P<wires>{_WIRE_FULL_ALT}|AFP|AP)\b"
)
#: Any agency as the case-sensitive patterns above write it (names, aliases, strict forms,
#: without a leading "The"): each of them needs one, so a line without is skipped by them.
_WIRE_FORMS = sorted(
    {
        f
        for s in WIRES
        for a in (s.name, *s.aliases, *s.strict)
        for f in (a, a.removeprefix("The "))
    }
    | {"AFP", "AP"}
)
_WIRE_TRIE = alternation(_WIRE_FORMS, capitalised=False)
_WIRE_WRITTEN = compile_cached(first_char_lookahead(_WIRE_TRIE) + _WIRE_TRIE)
_OUTLET_WORDS = (
    "Times",
    "Post",
    "News",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Daily",
    "Telegraph",
    "Mail",
    "Express",
    "Zeitung",
    "Observer",
    "Chronicle",
    "Independent",
    "Standard",
    "Globe",
    "Review",
    "Magazine",
    "Radio",
    "Television",
    "TV",
    "Record",
    "Courier",
    "Examiner",
    "Dispatch",
    "Sun",
    "Star",
    "Mirror",
    "Inquirer",
    "Register",
    "Bulletin",
    "Monitor",
)
#: An outlet the table does not know: "the Daily Herald reported", "The Dallas Morning News said".
_UNKNOWN_OUTLET = compile_cached(
    rf"\b(?P<name>(?:[Tt]he\s+)?(?:[{UPPER}][\w&’'-]*\s+){{0,4}}(?:{'|'.join(_OUTLET_WORDS)}))"
    rf"\s+(?:{_CITE_AFTER_EN})\b"
)
#: The tail every `_UNKNOWN_OUTLET` match ends with: a cheap scan that rules most texts out
#: (the full pattern tries its name part at every word boundary).
_UNKNOWN_OUTLET_TAIL = compile_cached(rf"(?:{'|'.join(_OUTLET_WORDS)})\s+(?:{_CITE_AFTER_EN})\b")


_WIRE_SEPARATOR = compile_cached(r"\s*(?:/|,|\band\b|&)\s*")


def _wires_in(text: str) -> list[str]:
    out: list[str] = []
    for part in _WIRE_SEPARATOR.split(text):
        src = _WIRE_LOOKUP.get(part.strip()) or _WIRE_LOOKUP.get(part.strip().lower())
        if src is not None:
            out.append(src.name)
    return out


def _find_wires(lines: Sequence[str]) -> list[str]:
    found: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        # most lines name no agency: then only the two patterns that need no name as written
        # (the case-blind credit line, the Reuters sign-off) can match
        named = _WIRE_WRITTEN.search(stripped) is not None
        if named:
            m = _DATELINE_CREDIT.match(stripped) or _CREDIT_ANYWHERE.search(stripped[:200])
            if m:
                found.extend(_wires_in(m.group("wires")))
            for rx in _LEAD_CREDITS:
                m = rx.match(stripped[:80])
                if m:
                    found.extend(_wires_in(m.group("wires")))
        if len(stripped) <= _LINE_MAX:
            m = _CREDIT_LINE.match(stripped)
            if m:
                found.extend(_wires_in(m.group("wires")))
                continue
        m = _SIGN_OFF.search(stripped) if named else None
        if m and len(stripped) > 1:
            found.extend(_wires_in(m.group("wires")))
        if _REUTERS_SIGNOFF.search(stripped) and i >= len(lines) // 2:
            found.append("Reuters")
        for m in _WIRE_INTERVIEW.finditer(stripped) if named else ():
            found.extend(_wires_in(m.group("wires")))
    return list(dict.fromkeys(found))


def _is_cited(text: str, start: int, end: int) -> bool:
    """A reporting phrase right before text[start:end] or right after it."""
    return bool(
        _CITE_BEFORE_RX.search(text, max(0, start - 48), start)
        or _CITE_AFTER_RX.match(text[end : end + 80])
    )


def _cited_wires(text: str) -> list[str]:
    """Agencies cited in the running text: `по данным Интерфакса`, `据路透社报道`."""
    return [src.name for start, end, src in wire_mentions(text) if _is_cited(text, start, end)]


#: Wire names, and every known outlet name or alias lower-cased (built once, not per article).
_WIRE_NAMES = frozenset(s.name for s in WIRES)
_KNOWN_OUTLETS = frozenset(s.name.lower() for s in OUTLETS) | frozenset(
    a.lower() for s in OUTLETS for a in s.aliases
)
_LEADING_THE = compile_cached(r"^[Tt]he\s+")


def _find_cited(text: str, publication: str | None) -> list[str]:
    cited: list[tuple[int, str]] = []
    wire_names = _WIRE_NAMES
    for pos, end, src in outlet_spans(text):
        if _is_cited(text, pos, end):
            cited.append((pos, canonical_outlet(text[pos:end], text, pos) or src.name))
    known = _KNOWN_OUTLETS
    unknown = _UNKNOWN_OUTLET.finditer(text) if _UNKNOWN_OUTLET_TAIL.search(text) else ()
    for m in unknown:
        name = m.group("name")
        core = _LEADING_THE.sub("", name)
        if core.lower() in known or len(core.split()) < 2:
            continue  # a known outlet (handled above) or a short form ("the Times said")
        canon = canonical_outlet(name, text, m.start())
        cited.append((m.start(), canon or ("The " + core if name[:3].lower() == "the" else core)))
    names = [n for _, n in sorted(cited) if n not in wire_names]
    own = canonical_outlet(publication, publication, len(publication)) if publication else None
    own_names = {x.lower() for x in (publication, own) if x}
    return [n for n in dict.fromkeys(names) if n.lower() not in own_names]


def _find_dateline(text: str) -> str | None:
    # the title, a "Published …" line or a caption may come first: look at the first few lines
    lines = (p for p in text.split("\n") if p and not p.isspace())  # the first few only
    for line in itertools.islice(lines, _DATELINE_LINES):
        m = _DATELINE_CREDIT.match(line)
        if m:
            return m.group("place").strip()
        m = _DATELINE_CAPS.match(line)
        if m:
            place = m.group("place").strip(" .-")
            if len(place) >= 2 and place.split()[0] not in _NOT_PLACES:
                return place
    return None


def find_attribution(article: Article, hints: Sequence[str] = ()) -> Attribution:
    """Who published the article, which wire agency wrote it, whom it cites, where it was filed.

    Args:
        article: the extracted article; its metadata gives publication, author, date and URL.
        hints: extra text lines the cleaner removed but that carry credits (photo captions such
            as `— Reuters/file`, bylines); read only for wire credits.

    Returns:
        The attribution chain; fields without evidence stay empty.
    """
    text = article.text
    lines = [*text.split("\n"), *hints]
    wires = list(dict.fromkeys([*_find_wires(lines), *_cited_wires(text)]))
    cited = _find_cited(text, article.meta.publication)
    return Attribution(
        publication=article.meta.publication,
        author=article.meta.author,
        published=article.meta.published,
        wire=tuple(wires),
        cited=tuple(c for c in cited if c not in wires),
        dateline=_find_dateline(text),
        url=article.meta.url,
    )
