"""Compiled speaker patterns per language, built once from the word lists in _quote_lexicon."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from summaries._quote_lexicon import (
    LEXICONS,
    NAME_CONNECTORS,
    NOMINAL_HEADS,
    ROLE_WORDS,
    TITLES,
)

#: Upper-case letters of the Latin, Greek and Cyrillic blocks, as a character-class body.
_UPPER = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and chr(c).isalpha())
UPPER = re.escape(_UPPER)
_PLURAL_HEADS = (
    "officials", "sources", "aides", "critics", "analysts", "experts", "police", "prosecutors",
    "investigators", "authorities", "witnesses", "residents", "organizers", "organisers",
    "advisers", "advisors", "lawmakers", "Republicans", "Democrats", "supporters", "protesters",
    "researchers", "scientists", "doctors", "economists", "diplomats",
)
#: Dashes that introduce a credit line: `” ― Karen B.` (a hyphen is too ambiguous).
_DASHES = "—–―"
_QUOTE_CHARS = "\"“”„«»「」『』‹›"


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """An alternation that prefers longer entries; spaces match any whitespace."""
    uniq = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


@dataclass(frozen=True, slots=True)
class SpeakerPatterns:
    """Regexes for one language (English ones are always merged in).

    Every pattern is applied to a bounded window (a sentence, or a few hundred characters after
    a closing mark), and repetitions are bounded, so matching stays linear in practice.
    """

    after_verb_name: re.Pattern[str]
    after_verb_bare: re.Pattern[str]
    after_name_verb: re.Pattern[str]
    after_dash: re.Pattern[str]
    after_according: re.Pattern[str]
    subj_verb: re.Pattern[str]
    verb_first: re.Pattern[str]
    according_any: re.Pattern[str]
    role_apposition: re.Pattern[str]
    name: re.Pattern[str]
    pronouns: frozenset[str]
    weak_verbs: frozenset[str]


@functools.cache
def patterns_for(language: str) -> SpeakerPatterns:
    """The compiled patterns for an ISO 639-1 code (unknown codes get English only)."""
    langs = [LEXICONS["en"]]
    if language in LEXICONS and language != "en":
        langs.insert(0, LEXICONS[language])
    verbs = _alt([v for lx in langs for v in lx.verbs])
    weak = _alt([v for lx in langs for v in lx.weak_verbs])
    acc = _alt([v for lx in langs for v in lx.according])
    prons = [p for lx in langs for p in lx.pronouns]
    pron = _alt(prons + [p.capitalize() for p in prons])
    dets = _alt([d for lx in langs for d in lx.determiners])
    aux = _alt([a for lx in langs for a in lx.auxiliaries] or ["also"])
    titles = "|".join(TITLES)
    word = rf"(?:(?:{titles})\.|[{UPPER}]\.|[{UPPER}](?:[\w'’\-]*\w)?)"
    conn = _alt(NAME_CONNECTORS)
    roles = _alt(ROLE_WORDS)
    name = (
        rf"{word}(?:(?:\s+(?:{conn})){{0,2}}\s+{word}|\s+(?:{roles})(?=\s+[{UPPER}])){{0,6}}"
        rf"(?:\s*\([^()\n]{{1,40}}\))?"
    )
    heads = _alt(NOMINAL_HEADS)
    plural = _alt(_PLURAL_HEADS)
    nominal = (
        rf"(?i:{dets})\s+(?:[\w\-’'.]+\s+){{0,3}}?(?:{heads})s?\b"
        rf"(?:\s+(?:for|of|at|to|with)\s+(?:the\s+)?{word}(?:\s+{word}){{0,3}})?"
    )
    possessive = rf"{word}(?:\s+{word}){{0,2}}['’]s\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{heads})\b"
    bare_plural = rf"(?:[\w.\-]+\s+){{0,2}}?(?:{plural})\b"
    spk = rf"(?P<spk>{possessive}|{name}|{nominal}|{bare_plural}|\b(?:{pron})\b)"
    appos = rf"(?:,\s+[^,\n{_QUOTE_CHARS}]{{1,90}}?,)?"
    auxs = rf"(?:\s+(?i:{aux})){{0,3}}"
    lead = rf"^[\s,.!?…;:]*(?:[{_DASHES}-]\s*)?"
    flags = re.UNICODE
    return SpeakerPatterns(
        after_verb_name=re.compile(
            rf"{lead}(?i:{verbs})(?:-t-|-|\s+)(?:(?i:{aux})\s+)?{spk}", flags
        ),
        after_verb_bare=re.compile(rf"{lead}(?P<verb>(?i:{verbs}))(?=\s*(?:[.,;:!?]|$))", flags),
        after_name_verb=re.compile(rf"{lead}{spk}{appos}{auxs}\s+(?i:{verbs})\b", flags),
        after_dash=re.compile(rf"^[\s,.!?…]*[{_DASHES}]\s*(?P<spk>{name})", flags),
        after_according=re.compile(rf"{lead}(?i:{acc})\s+{spk}", flags),
        subj_verb=re.compile(
            rf"{spk}{appos}{auxs}\s+(?P<verb>(?i:{verbs})|(?i:{weak}))\b", flags
        ),
        verb_first=re.compile(rf"^\s*(?i:{verbs})\s+{spk}\s*[:,]?\s*$", flags),
        according_any=re.compile(rf"(?i:{acc})\s+{spk}", flags),
        role_apposition=re.compile(
            rf"(?P<name>{name}),\s+(?i:{dets})\s+(?:[\w\-’'.]+\s+){{0,4}}?(?P<role>{heads})\b"
            rf"|\b(?P<role2>{roles})\s+(?P<name2>{name})",
            flags,
        ),
        name=re.compile(rf"^{name}$", flags),
        pronouns=frozenset(p.lower() for p in prons),
        weak_verbs=frozenset(v.lower() for lx in langs for v in lx.weak_verbs),
    )

