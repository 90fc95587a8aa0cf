"""Compiled speaker patterns per language, built once from the word lists in _quote_lexicon."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import stopwordsiso

from summaries.quotes._speech_words import (
    LEXICONS,
    NAME_CONNECTORS,
    NOMINAL_HEADS,
    PLURAL_HEADS,
    ROLE_WORDS,
    STOP_HEADS,
    TITLES,
)
from summaries.quotes._word_classes import PERSON_NOUNS, person_plurals
from summaries.text import LOWER, UPPER, alternation, compile_cached

#: Dashes that introduce a credit line: `” ― Karen B.` (a hyphen is too ambiguous).
_DASHES = "—–―"
_QUOTE_CHARS = '"“”„«»「」『』‹›'


_FUNCTION_WORDS = "|".join(
    (
        "that",
        "who",
        "which",
        "whom",
        "whose",
        "what",
        "and",
        "or",
        "but",
        "for",
        "to",
        "from",
        "with",
        "when",
        "while",
        "as",
        "if",
        "because",
        "where",
        "said",
        "says",
        "than",
        "then",
        "after",
        "before",
        "since",
        "during",
        "about",
        "into",
        "by",
        "on",
        "in",
        "at",
        "is",
        "was",
        "of",
        "it",
        "its",
        "this",
        "these",
        "those",
        "there",
        "he",
        "she",
        "they",
        "we",
        "i",
        "are",
        "were",
        "has",
        "had",
        "have",
        "been",
        "not",
        "Friday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Saturday",
        "Sunday",
        "afternoon",
        "morning",
        "evening",
        "night",
    )
)


#: Words that open an introductory phrase before the main clause ("During the rally, …").
_INTRO_WORDS = frozenset(
    {
        "During",
        "Following",
        "Despite",
        "Amid",
        "Throughout",
        "Under",
        "Over",
        "Without",
        "Within",
        "Through",
        "Across",
        "Against",
        "Unlike",
        "Like",
        "Once",
        "Until",
        "Upon",
    }
)
#: A subject right after one of these is inside a prepositional phrase ("of Republican claims").
PREPOSITIONS = frozenset(
    {
        "of",
        "for",
        "in",
        "on",
        "to",
        "with",
        "about",
        "from",
        "by",
        "at",
        "into",
        "than",
        "over",
        "against",
        "among",
        "between",
        "toward",
        "towards",
        "under",
        "upon",
        "through",
        "across",
        "around",
        "near",
        "behind",
        "during",
        "after",
        "before",
        "without",
        "within",
    }
)
#: Words that may open a sentence before its subject ("But", "During the rally,").
INTRO_WORDS = STOP_HEADS | _INTRO_WORDS
_PARTICIPLE = re.compile(r"[a-z]+ing$")
_HEAD_WORDS = frozenset(
    h.lower() for h in (*NOMINAL_HEADS, *PLURAL_HEADS, *PERSON_NOUNS, *person_plurals())
)
_HEAD_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Oo]ne|[A-Z][\w.’'\-]*)\s+)?(?P<head>[A-Za-z][\w\-]*)\s+$"
)
_TIME_WORDS = frozenset(
    {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Today",
        "Tonight",
        "Yesterday",
    }
)
_PREV_WORD = re.compile(r"(\w+)\s+(?:(?:the|a|an)\s+)?$")


def _role_lead(language: str, dets: str) -> str:
    """Lower-case role words between a speech verb and the name (`zei wethouder Lotte van Dijk`).

    Languages other than English write the speaker's role before the name in lower case
    ("powiedział prezydent miasta Jan Nowak", "сказала пенсионерка Анна Орлова", "erklärte der
    Fraktionschef Max Roth"); English roles are in ROLE_WORDS already. A role word is any
    lower-case word of three letters or more that is no function word of the language, so
    "dijo este martes Pérez" or "sagte am Montag Roth" still do not reach the name.
    """
    if language == "en":
        return ""
    function_words = {w.lower() for w in stopwordsiso.stopwords(language)} | PREPOSITIONS
    stop = alternation(sorted(function_words), capitalised=False)
    role = rf"(?!(?:{stop})(?![\w\-]))[{LOWER}][\w\-]{{2,}}"
    return rf"(?:(?:{dets})\s+)?(?:{role}\s+){{0,3}}"


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
    verb: re.Pattern[str]
    subject_end: re.Pattern[str]
    np_end: re.Pattern[str]
    verb_first: re.Pattern[str]
    according_any: re.Pattern[str]
    role_apposition: re.Pattern[str]
    clause_subject: re.Pattern[str]
    name: re.Pattern[str]
    sentence_subject: re.Pattern[str]
    fronted: re.Pattern[str]
    pronouns: frozenset[str]
    weak_verbs: frozenset[str]
    starters: frozenset[str]


@functools.cache
def patterns_for(language: str) -> SpeakerPatterns:
    """The compiled patterns for an ISO 639-1 code (unknown codes get English only)."""
    langs = [LEXICONS["en"]]
    if language in LEXICONS and language != "en":
        langs.insert(0, LEXICONS[language])
    all_verbs = [v for lx in langs for v in (*lx.verbs, *lx.reporting)]
    verbs = alternation(all_verbs)
    # mid-sentence verbs are lower-case: "the United States", "Republican Claims" hold none
    verbs_lc = alternation(all_verbs, capitalised=False)
    all_weak = [v for lx in langs for v in (*lx.weak_verbs, *lx.reporting_weak)]
    weak = alternation(all_weak, capitalised=False)
    acc = alternation([v for lx in langs for v in lx.according])
    prons = [p for lx in langs for p in lx.pronouns]
    pron = alternation(prons)
    dets = alternation([d for lx in langs for d in lx.determiners])
    aux = alternation([a for lx in langs for a in lx.auxiliaries] or ["also"])
    titles = alternation(TITLES, capitalised=False)
    word = rf"(?:(?:{titles})\.|(?:[{UPPER}]\.){{1,3}}|[{UPPER}](?:[\w'’\-]*\w)?)"
    conn = alternation(NAME_CONNECTORS, capitalised=False)
    # the lists below are extended by the general inventory of person nouns (`_word_classes`)
    roles = alternation((*ROLE_WORDS, *PERSON_NOUNS), capitalised=False)
    # atomic: a name never gives back words, so a failed match costs one pass, not one per
    # shorter prefix (this is what keeps the scan linear)
    name = (
        rf"(?>{word}(?:(?:\s+(?:{conn})){{0,2}}\s+{word}|(?:\s+(?:{roles})){{1,2}}(?=\s+[{UPPER}])){{0,6}}"
        rf"(?:\s*\([^()\n]{{1,40}}\))?)"
    )
    heads = alternation((*NOMINAL_HEADS, *PERSON_NOUNS), capitalised=False)
    plural = alternation((*PLURAL_HEADS, *person_plurals()), capitalised=False)
    nominal = (
        rf"(?:{dets})\s+(?:[\w\-’'.]+\s+){{0,3}}?(?:{heads})s?\b"
        rf"(?:\s+(?:for|of|at|to|with)\s+(?:the\s+)?{word}(?:\s+{word}){{0,3}})?"
    )
    possessive = rf"{word}(?:\s+{word}){{0,2}}['’]s\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{heads})\b"
    # modifier words of a noun phrase: never a function word ("his show and for", "what …")
    mod = rf"(?!(?:{_FUNCTION_WORDS})\b)[\w\-’'.]+"
    bare_plural = rf"(?:{mod}\s+){{0,2}}?(?:{plural})\b"
    # "Only 52 percent of registered voters agreed"
    share = (
        rf"(?:[{UPPER}][a-z]+\s+)?\d[\d.,]*\s*(?:percent|per\s+cent|%)"
        rf"(?:\s+of\s+(?:{mod}\s+){{0,2}}?{mod})?"
    )
    spk = (
        rf"(?<![\w'’.\-])(?P<spk>{possessive}|{name}|{nominal}|{bare_plural}|{share}"
        rf"|\b(?:{pron})\b)"
    )
    # any short noun phrase ("the ad’s narrator"): only where a speech verb follows at once
    np = rf"(?:{dets})\s+(?:{mod}\s+){{0,5}}?{mod}"
    spk_np = (
        rf"(?<![\w'’.\-])(?P<spk>{possessive}|{name}|{nominal}|{bare_plural}|\b(?:{pron})\b"
        rf"|{np})"
    )
    # an apposition is a noun phrase, never a clause ("the day, Trump attacked Clinton, saying")
    clause = rf"(?:[{UPPER}][\w'’\-]*\s+[a-z]+ed\b|(?:{pron}|I|we|We)\s)"
    appos_np = rf"(?!{clause})[^,\n{_QUOTE_CHARS}]{{1,90}}?"
    appos = rf"(?:,\s+(?P<appos>{appos_np})(?:,\s+{appos_np})?,)?"
    # auxiliaries and adverbs between a subject and its verb ("forcefully told")
    auxs = rf"(?:\s+(?:{aux}|[a-z]{{2,}}ly)){{0,3}}"
    lead = rf"^[\s,.!?…;:]*(?:[{_DASHES}-]\s*)?"
    # the language's own determiner or honorific before a name after "according to"
    # (`theo ông Lê Nam`, `laut der Sprecherin Anna Roth`); English keeps its nominal rules
    own = LEXICONS[language].determiners if language in LEXICONS and language != "en" else ()
    own_det = rf"(?:(?:{alternation(own, capitalised=False)})\s+(?=[{UPPER}]))?" if own else ""
    flags = re.UNICODE
    intro = alternation(sorted(INTRO_WORDS), capitalised=False)
    return SpeakerPatterns(
        after_verb_name=compile_cached(
            rf"{lead}(?:{verbs})(?:-t-|-|\s+)(?:(?:{aux})\s+)?{_role_lead(language, dets)}{spk}",
            flags,
        ),
        after_verb_bare=compile_cached(
            rf"{lead}(?P<verb>(?:{verbs}))(?=\s*(?:[.,;:!?]|$))", flags
        ),
        after_name_verb=compile_cached(
            rf"{lead}(?:(?P<pre>(?:[a-z][\w\-]*\s+){{1,2}}?)(?=[{UPPER}]))?{spk_np}{appos}{auxs}"
            rf"\s+(?:{verbs})\b",
            flags,
        ),
        after_dash=compile_cached(rf"^[\s,.!?…]*[{_DASHES}]\s*(?P<spk>{name})", flags),
        after_according=compile_cached(rf"{lead}(?:{acc})\s+{own_det}{spk}", flags),
        verb=compile_cached(rf"(?<![\w-])(?:{verbs_lc}|{weak})(?![\w-])", flags),
        subject_end=compile_cached(rf"{spk}{appos}{auxs}\s+$", flags),
        np_end=compile_cached(rf"(?<![\w'’.\-])(?P<spk>{np}){appos}{auxs}\s+$", flags),
        verb_first=compile_cached(rf"^\s*(?:{verbs})\s+{spk}\s*[:,]?\s*$", flags),
        according_any=compile_cached(rf"(?:{acc})\s+{own_det}{spk}", flags),
        role_apposition=compile_cached(
            rf"(?<![\w'’.\-])(?P<name>{name}),\s+(?:{dets})\s+(?:[\w\-’'.]+\s+){{0,4}}?"
            rf"(?P<role>{heads})\b"
            rf"|\b(?P<role2>{roles})\s+(?P<name2>{name})",
            flags,
        ),
        name=compile_cached(rf"^{name}$", flags),
        clause_subject=compile_cached(
            rf"[\s\"“„«(]*(?:(?:{intro})\b[^,\n]{{0,80}}?,\s+)?"
            rf"(?!(?:{intro})\b)(?P<spk>{possessive}|{name}|{nominal}|{bare_plural}"
            rf"|\b(?:{pron})\b)(?=\s*,|\s+[a-zß-ÿа-я])",
            flags,
        ),
        # "Mayor Ellen Cho defended the plan." — a person-like antecedent for later pronouns
        sentence_subject=compile_cached(rf"(?P<spk>{name})(?=\s+[a-zß-ÿа-я])", flags),
        # `Emekli öğretmen Ayşe Demir, “…” dedi.`: the subject fronted before the quote, whose
        # verb follows it (Turkish and other verb-final languages)
        fronted=compile_cached(
            rf"^[\s\"“„«(]*(?:[\w\-’']+\s+){{0,3}}?(?P<spk>{name})\s*,\s*$", flags
        ),
        pronouns=frozenset(p.lower() for p in prons),
        weak_verbs=frozenset(_norm(v) for v in all_weak),
        starters=frozenset(
            w for lx in langs for x in (*lx.determiners, *lx.pronouns) for w in (x, x.capitalize())
        ),
    )


@dataclass(frozen=True, slots=True)
class SubjectVerb:
    """A speech verb and its subject: `spk` text at `spk_start`, `verb` text at `verb_start`."""

    spk: str
    spk_start: int
    verb: str
    verb_start: int


#: How many words before a verb may belong to its subject (name, apposition, auxiliaries).
_SUBJECT_WORDS = 16
_WORD_START = re.compile(r"(?<![\w'’.\-])\w+")


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


def subject_verbs(
    pats: SpeakerPatterns, text: str, lo: int = 0, hi: int | None = None
) -> list[SubjectVerb]:
    """Every speech verb in text[lo:hi] that has a subject right before it, in order.

    Verbs are found first (one fast trie scan); the subject is then matched only from the few
    word starts before each verb, longest first. Scanning the subject pattern from every
    character would cost ten times more.
    """
    hi = len(text) if hi is None else hi
    out: list[SubjectVerb] = []
    # the word starts are listed only once a verb is found: most windows hold none
    words: list[tuple[int, str]] = []
    offsets: list[int] = []
    listed = False
    for v in pats.verb.finditer(text, lo, hi):
        if _PARTICIPLE.match(v.group()) and text[max(lo, v.start() - 3) : v.start()].rstrip()[
            -1:
        ] in (",", "—", "–"):
            out.append(SubjectVerb("", v.start(), v.group(), v.start()))  # `…, saying`
            continue
        if not listed:
            words = [(m.start(), m.group()) for m in _WORD_START.finditer(text, lo, hi)]
            offsets = [w[0] for w in words]
            listed = True
        i = bisect.bisect_left(offsets, v.start())
        cands = words[max(0, i - _SUBJECT_WORDS) : i]
        m = None
        for k, (st, w) in enumerate(cands):  # longest first: "North Korea has denied"
            near = len(cands) - k <= 3  # bare plurals ("U.S. officials") start anywhere
            if near or w[:1].isupper() or w[:1].isdigit() or w in pats.starters:
                m = pats.subject_end.match(text, st, v.start())
                if m:
                    break
        if m is None and _norm(v.group()) not in pats.weak_verbs:
            for st, w in reversed(cands):  # a plain noun phrase: the closest determiner wins
                if w in pats.starters:
                    m = pats.np_end.match(text, st, v.start())
                    if m:
                        break
        if m:
            prev = _PREV_WORD.search(text, max(lo, m.start("spk") - 24), m.start("spk"))
            spk, at = m.group("spk"), m.start("spk")
            if prev and prev.group(1) in PREPOSITIONS and not _PARTICIPLE.match(v.group()):
                head = _HEAD_BEFORE.search(text, max(lo, prev.start() - 40), prev.start())
                if head is None or head.group("head").lower() not in _HEAD_WORDS:
                    continue  # "of Republican claims": a noun phrase, not a subject
                # "Officials at Homeland Security said": the head noun before the preposition
                at = head.start()
                spk = text[at : m.end("spk")]
            if spk in _TIME_WORDS:
                continue  # "tweets early Friday saying"
            appos = m.group("appos")
            nominal = spk[:1].islower() or spk.split()[0] in ("The", "A", "An")
            if appos and nominal and pats.name.match(appos.strip()):
                # "the minister, Anna Berg, said": the apposition holds the name
                spk, at = appos.strip(), m.start("appos")
            out.append(SubjectVerb(spk, at, v.group(), v.start()))
    return out


def compile_all_speaker_patterns() -> int:
    """Compile the speaker patterns of every lexicon now (filling the regex cache); how many."""
    for language in LEXICONS:
        patterns_for(language)
    return len(LEXICONS)
