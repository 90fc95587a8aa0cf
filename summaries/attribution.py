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

import re
from collections.abc import Sequence

from summaries._quote_outlets import OUTLETS, WIRES, Source, canonical_outlet, outlet_mentions
from summaries._quote_patterns import UPPER
from summaries.models import Article, Attribution

__all__ = ["find_attribution"]

#: Outlet names are only "cited" next to one of these (a bare mention may be a topic).
_CITE_AFTER = (
    r"reported|reports|said|says|wrote|writes|has learned|learned|first reported|revealed|"
    r"published|quoted|cited|noted|added|obtained|broke the news|berichtete|berichtet|meldete|"
    r"schreibt|schrieb|a rapporté|rapporte|écrit|informó|publicó|informa|ha riferito|"
    r"riporta|noticiou|informou|сообщает|сообщил|пишет|podał|podaje|napisał"
)
_CITE_BEFORE = (
    r"according to|told|in an interview with|interview with|speaking to|speaking with|"
    r"said to|quoted by|cited by|reported by|a report by|a report in|report in|report from|"
    r"laut|zufolge|selon|d'après|d’après|según|secondo|segundo|по данным|по словам|według|"
    r"sagte der|sagte dem|told the|per"
)
_LINE_MAX = 60
_DATELINE_LINES = 6
#: Upper-case labels that look like a dateline but are not places.
_NOT_PLACES = frozenset({
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION",
    "EDITORIAL", "VIDEO", "PHOTOS", "PHOTO", "READ", "MORE", "NOTE", "EDITOR'S", "EDITOR’S",
    "CORRECTION", "FULL", "TRANSCRIPT", "PARTIAL", "Q", "A", "FILE", "ADVERTISEMENT", "WARNING",
})

_WIRE_LOOKUP: dict[str, Source] = {}
for _src in WIRES:
    for _alias in (_src.name, *_src.aliases, *_src.strict):
        _WIRE_LOOKUP.setdefault(_alias, _src)
        _WIRE_LOOKUP.setdefault(_alias.lower(), _src)
_WIRE_ALT = "|".join(
    re.escape(a) for a in sorted({a for s in WIRES for a in (s.name, *s.aliases, *s.strict)},
                                 key=len, reverse=True)
)
_WIRE_FULL_ALT = "|".join(
    re.escape(a) for a in sorted({a for s in WIRES for a in (s.name, *s.aliases)},
                                 key=len, reverse=True)
)
_WIRE = rf"(?:{_WIRE_ALT})"
_WIRE_LIST = rf"{_WIRE}(?:\s*(?:/|,|and|&)\s*{_WIRE})*"
#: `LONDON (Reuters) -` / `Washington, Sept 5 (AP) —` / `BERLIN, 5. März (dpa) -`
_DATELINE_CREDIT = re.compile(
    rf"^\s*(?P<place>[{UPPER}][\w.'’ -]{{1,40}}?)(?:,\s*[^(\n]{{1,40}}?)?\s*"
    rf"\((?P<wires>{_WIRE_LIST})\)\.?\s*[-—–:]"
)
#: `NEW YORK:` / `NEW YORK —` / `PARIS, 3 mars —` at the start of the first paragraph.
_DATELINE_CAPS = re.compile(
    rf"^\s*(?P<place>[{UPPER}][{UPPER}.'’ -]{{2,40}}?)(?:,\s*[^:\n—–]{{1,30}}?)?\s*(?::|—|–|--)\s"
)
_CREDIT_ANYWHERE = re.compile(rf"\((?P<wires>{_WIRE_LIST})\)\.?\s*[-—–]")
#: A short line that is only a credit: `— Reuters/file`, `AFP/Reuters`, `Photo: AP`.
_CREDIT_LINE = re.compile(
    rf"^\s*(?:[-—–]\s*|(?:photo|foto|image|picture|file photo|credit|source|quelle|"
    rf"bild|source)\s*:\s*)?(?P<wires>{_WIRE_LIST})(?:\s*/\s*(?:file|photo|files|pool|"
    rf"getty images|afp|reuters|ap|epa|dpa)\b)*\s*[.)]?\s*$",
    re.IGNORECASE,
)
#: A sign-off at the end of a paragraph: `… in 2015. — AP` / `(AFP)`.
_SIGN_OFF = re.compile(rf"(?:[-—–]\s*|\()(?P<wires>{_WIRE_LIST})\)?\s*$")
_REUTERS_SIGNOFF = re.compile(r"\(Reporting by [^)]{1,200}(?:Editing|editing) by [^)]{1,120}\)")
_WIRE_INTERVIEW = re.compile(
    rf"\b(?:told|said to|in an interview with|speaking to)\s+(?:the\s+)?"
    rf"(?P<wires>{_WIRE_FULL_ALT}|AFP|AP)\b"
)
_OUTLET_WORDS = (
    "Times", "Post", "News", "Journal", "Herald", "Tribune", "Gazette", "Daily", "Telegraph",
    "Mail", "Express", "Zeitung", "Observer", "Chronicle", "Independent", "Standard", "Globe",
    "Review", "Magazine", "Radio", "Television", "TV", "Record", "Courier", "Examiner",
    "Dispatch", "Sun", "Star", "Mirror", "Inquirer", "Register", "Bulletin", "Monitor",
)
#: An outlet the table does not know: "the Daily Herald reported", "The Dallas Morning News said".
_UNKNOWN_OUTLET = re.compile(
    rf"\b(?P<name>(?:[Tt]he\s+)?(?:[{UPPER}][\w&’'-]*\s+){{0,4}}(?:{'|'.join(_OUTLET_WORDS)}))"
    rf"\s+(?:{_CITE_AFTER})\b"
)


def _wires_in(text: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*(?:/|,|\band\b|&)\s*", text):
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
        m = _DATELINE_CREDIT.match(stripped) or _CREDIT_ANYWHERE.search(stripped[:200])
        if m:
            found.extend(_wires_in(m.group("wires")))
        if len(stripped) <= _LINE_MAX:
            m = _CREDIT_LINE.match(stripped)
            if m:
                found.extend(_wires_in(m.group("wires")))
                continue
        m = _SIGN_OFF.search(stripped)
        if m and len(stripped) > 1:
            found.extend(_wires_in(m.group("wires")))
        if _REUTERS_SIGNOFF.search(stripped) and i >= len(lines) // 2:
            found.append("Reuters")
        for m in _WIRE_INTERVIEW.finditer(stripped):
            found.extend(_wires_in(m.group("wires")))
    return list(dict.fromkeys(found))


def _find_cited(text: str, publication: str | None) -> list[str]:
    cited: list[tuple[int, str]] = []
    before_rx = re.compile(rf"(?:{_CITE_BEFORE})\s+$", re.IGNORECASE)
    after_rx = re.compile(rf"^(?:['’]s\s+\w+\s+)?\s*(?:,[^,\n]{{1,60}},\s*)?(?:{_CITE_AFTER})\b")
    wire_names = {s.name for s in WIRES}
    for pos, src in outlet_mentions(text):
        alias_end = pos + len(_mention_at(text, pos))
        start = pos - 4 if text[max(0, pos - 4) : pos].lower() == "the " else pos
        if before_rx.search(text[max(0, start - 40) : start]) or after_rx.match(
            text[alias_end : alias_end + 80]
        ):
            cited.append((pos, canonical_outlet(_mention_at(text, pos), text, pos) or src.name))
    known = {s.name.lower() for s in OUTLETS} | {
        a.lower() for s in OUTLETS for a in s.aliases
    }
    for m in _UNKNOWN_OUTLET.finditer(text):
        name = m.group("name")
        core = re.sub(r"^[Tt]he\s+", "", name)
        if core.lower() in known or len(core.split()) < 2:
            continue  # a known outlet (handled above) or a short form ("the Times said")
        canon = canonical_outlet(name, text, m.start())
        cited.append((m.start(), canon or ("The " + core if name[:3].lower() == "the" else core)))
    names = [n for _, n in sorted(cited) if n not in wire_names]
    own = canonical_outlet(publication, publication, len(publication)) if publication else None
    own_names = {x.lower() for x in (publication, own) if x}
    return [n for n in dict.fromkeys(names) if n.lower() not in own_names]


def _mention_at(text: str, pos: int) -> str:
    m = re.match(r"[\w.&’'-]+(?:\s+[\w.&’'-]+){0,4}", text[pos:])
    if not m:
        return ""
    for _, src in outlet_mentions(m.group()):
        for alias in sorted((src.name, *src.aliases, *src.strict), key=len, reverse=True):
            for a in (alias, alias[4:] if alias.startswith("The ") else alias):
                if m.group().startswith(a):
                    return a
    return m.group().split()[0]


def _find_dateline(text: str) -> str | None:
    # the title, a "Published …" line or a caption may come first: look at the first few lines
    for line in [p for p in text.split("\n") if p.strip()][:_DATELINE_LINES]:
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
    wires = _find_wires(lines)
    cited = _find_cited(text, article.publication)
    return Attribution(
        publication=article.publication,
        author=article.author,
        published=article.published,
        wire=tuple(wires),
        cited=tuple(c for c in cited if c not in wires),
        dateline=_find_dateline(text),
        url=article.url,
    )
