"""Quote speakers in scripts without capital letters: the subject span next to a speech verb.

Names in Arabic, Persian, Urdu, Hindi, Chinese and Korean cannot be told from other words by
their first letter, so the speaker is the span the grammar puts next to a speech verb: after
the verb in Arabic (`قال وزير المياه أحمد الخطيب في …`), before it elsewhere, closed by a
marker where the language has one (Hindi `… ने कहा`, Korean `…은 "…"라고 말했다`). The span
stops at punctuation, a stop word or particle, or a quote mark, drops leading function words
and is bounded in length; a verb with no subject hands the quote to the last named speaker,
and a span too long to be a subject gives no speaker. No verb, no speaker.

Everything here works on bounded windows with plain token loops and trie alternations, so no
pattern can backtrack beyond a window.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from summaries.quotes._caseless_words import CASELESS, CaselessLexicon
from summaries.quotes._marks import Span
from summaries.quotes._speakers import Evidence
from summaries.text import alternation

__all__ = ["CaselessRules", "caseless_evidence", "caseless_rules", "caseless_subjects"]

#: How far around a quote the evidence is looked for (characters, same paragraph only).
AFTER_WINDOW = 160
BEFORE_WINDOW = 300
#: How far before a verb the seeding scan looks for its subject.
SEED_WINDOW = 200
#: Tokens between an ergative marker and its verb (`ने पत्रकारों से बातचीत में कहा`).
MARKER_GAP = 8
#: Tokens between a Korean tail (`"…"라고`) and its verb (`김 장관은 기자들에게 말했다`).
TAIL_GAP = 6

_MARKS = '"“”„«»「」『』‹›'
_CLAUSE_END = ",،，;؛:：!?؟。！？।॥"
_PUNCT = _CLAUSE_END + ".…-–—()（）[]、" + _MARKS
_TERMINATORS = ".!?؟。！？।॥…"
_TOKEN = re.compile(r"\S+")
#: Sentence and clause boundaries before a quote: a period only when a space follows it.
_BOUNDARY = re.compile(r"[!?؟。！？।॥؛\n\"“”„«»「」『』]|\.(?=\s)")
_AFTER_END = re.compile(r"[!?؟。！？।॥؛\n\"“„«「『]|\.(?=\s|$)")
_CLAUSE_SPLIT = re.compile(r"[,،，;؛:：]")
_ONLY_PUNCT = re.compile(rf"[\s{re.escape(_CLAUSE_END)}]*")


@dataclass(frozen=True, slots=True)
class CaselessRules:
    """One language's lexicon with its compiled patterns."""

    lex: CaselessLexicon
    verb: re.Pattern[str]
    according_before: re.Pattern[str] | None
    according_after: re.Pattern[str] | None
    tail: re.Pattern[str] | None
    stop: re.Pattern[str] | None
    verbs: frozenset[str]
    stops: frozenset[str]
    leading: tuple[str, ...]
    pronouns: frozenset[str]
    markers: frozenset[str]
    complementizers: frozenset[str]
    genitives: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Subject:
    """A subject span; empty text means the verb has none (the last speaker goes on)."""

    text: str
    pos: int
    pronoun: bool = False


@functools.cache
def caseless_rules(language: str) -> CaselessRules | None:
    """The compiled rules for a language written without capital letters, else None."""
    lex = CASELESS.get(language)
    if lex is None:
        return None
    verbs = alternation(lex.verbs, capitalised=False)
    prefix = f"(?:{alternation(lex.prefixes, capitalised=False)})?" if lex.prefixes else ""

    def optional(words: tuple[str, ...], rx: str) -> re.Pattern[str] | None:
        return re.compile(rx.format(alternation(words, capitalised=False))) if words else None

    return CaselessRules(
        lex=lex,
        verb=re.compile(f"{prefix}(?P<verb>{verbs})"),
        according_before=optional(lex.according_before, r"(?:{})\s*"),
        according_after=optional(lex.according_after, r"\s*(?:{})"),
        tail=optional(lex.tails, r"\s*(?:{})(?=[\s,.，]|$)"),
        stop=optional(lex.stops, "(?:{})") if not lex.spaced else None,
        verbs=frozenset(lex.verbs),
        stops=frozenset(lex.stops),
        leading=tuple(sorted(lex.leading, key=len, reverse=True)),
        pronouns=frozenset(lex.pronouns),
        markers=frozenset(lex.markers),
        complementizers=frozenset(lex.complementizers),
        genitives=frozenset(g for g in ("का", "की", "کا", "کی") if lex.markers),
    )


def _wordish(ch: str) -> bool:
    """A character that continues a word: letters, digits, combining marks and joiners."""
    return ch.isalnum() or ch in "\u200c\u200d" or unicodedata.category(ch).startswith("M")


def _verbs(rules: CaselessRules, text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Speech verbs in text[lo:hi] that stand as whole words (any match for Chinese)."""
    out = []
    for m in rules.verb.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if rules.lex.spaced and (
            (s > 0 and _wordish(text[s - 1])) or (e < len(text) and _wordish(text[e]))
        ):
            continue
        out.append(m)
    return out


def _abbreviation(word: str) -> bool:
    """`डॉ.` / `د.`: a period after one or two letters ends no sentence or clause."""
    return word.endswith(".") and 0 < sum(ch.isalpha() for ch in word) <= 2


def _ends_clause(word: str) -> bool:
    last = word[-1:]
    return bool(last) and (
        last in _CLAUSE_END or last in _MARKS or (last == "." and not _abbreviation(word))
    )


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Start of the clause that ends at `hi`: after the last sentence end or quote mark."""
    start = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        if m.group() == "." and _abbreviation(_word_before(text, m.end())):
            continue
        start = m.end()
    return start


def _word_before(text: str, end: int) -> str:
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def _mention(text: str, s: int, e: int, rules: CaselessRules) -> _Subject | None:
    """Trim a span to its subject: punctuation off the ends, leading function words dropped."""
    while s < e and (text[s].isspace() or text[s] in _PUNCT):
        s += 1
    while e > s and (text[e - 1].isspace() or (text[e - 1] in _PUNCT and text[e - 1] != ".")):
        e -= 1
    while True:
        for word in rules.leading:
            if text.startswith(word, s) and (
                not rules.lex.spaced or s + len(word) == e or text[s + len(word)].isspace()
            ):
                s += len(word)
                while s < e and (text[s].isspace() or text[s] in _PUNCT):
                    s += 1
                break
        else:
            break
    mention = text[s:e]
    if not mention:
        return None
    return _Subject(mention, s, mention in rules.pronouns)


def _vs_subject(text: str, lo: int, hi: int, rules: CaselessRules) -> _Subject | None:
    """The subject right after a verb (Arabic): words up to a stop word or punctuation.

    Returns an empty subject when the verb has none, None when the span is too long to be one.
    """
    first = last = -1
    for count, t in enumerate(_TOKEN.finditer(text, lo, hi), start=1):
        w = t.group()
        if w[0] in _PUNCT:
            break
        core = w.rstrip(_PUNCT) if not _abbreviation(w) else w
        if (
            core in rules.stops
            or core in rules.complementizers
            or core.startswith(rules.lex.stop_prefixes)
        ):
            break
        if count > rules.lex.max_words:
            return None
        first = t.start() if first < 0 else first
        last = t.start() + len(core)
        if core != w:
            break  # `العلي:` ends the subject
    if first < 0:
        return _Subject("", lo)
    return _mention(text, first, last, rules) or _Subject("", lo)


def _scan_left(text: str, lo: int, hi: int, rules: CaselessRules) -> _Subject | None:
    """The subject ending at `hi` (before a marker): nearest words back to a stop word.

    Subjects there are head-final (`दिल्ली के मुख्यमंत्री अरविंद`), so a long one keeps its last
    `max_words` words.
    """
    first = end = -1
    tokens = list(_TOKEN.finditer(text, lo, hi))[-rules.lex.max_words - 4 :]
    for count, t in enumerate(reversed(tokens), start=1):
        w = t.group()
        core = w.strip(_PUNCT) if not _abbreviation(w) else w
        if not core or core in rules.stops or (end >= 0 and _ends_clause(w)):
            break
        if w[0] in _PUNCT:
            break
        end = t.end() if end < 0 else end
        first = t.start()
        if count >= rules.lex.max_words:
            break
    if first < 0:
        return _Subject("", hi)
    return _mention(text, first, end, rules) or _Subject("", hi)


def _particle_subject(
    text: str, tokens: list[re.Match[str]], rules: CaselessRules
) -> _Subject | None:
    """Korean: the word carrying a topic/subject particle, with up to two words before it."""
    for particles in (("은", "는"), ("이", "가")):
        for i, t in enumerate(tokens):
            core = t.group().strip(_PUNCT)
            if len(core) < 2 or not core.endswith(particles) or core in rules.stops:
                continue
            j = i
            while (
                j > 0
                and i - j < 2
                and not _ends_clause(tokens[j - 1].group())
                and tokens[j - 1].group().strip(_PUNCT) not in rules.stops
            ):
                j -= 1
            s, e = tokens[j].start(), t.start() + t.group().index(core) + len(core) - 1
            return _mention(text, s, e, rules)
    return None


def _cut(text: str, s: int, e: int, rules: CaselessRules) -> tuple[int, int] | None:
    """One comma-free piece cut to its subject: from its start up to the first stop word."""
    while s < e and text[s].isspace():
        s += 1
    if rules.lex.spaced:
        tokens = list(_TOKEN.finditer(text, s, e))
        while tokens and tokens[0].group() in rules.leading:
            tokens.pop(0)
        kept = []
        for t in tokens:
            if t.group().strip(_PUNCT) in rules.stops:
                break
            kept.append(t)
        return (kept[0].start(), kept[-1].end()) if kept else None
    moved = True
    while moved:
        moved = False
        for word in rules.leading:
            if text.startswith(word, s) and s + len(word) < e:
                s, moved = s + len(word), True
                break
    mod_word = rules.lex.modifier
    stop = rules.stop.search(text, s, e) if rules.stop is not None else None
    mod = text.rfind(mod_word, s, e) if mod_word else -1
    if stop is not None and stop.start() - s < 2 and mod > stop.start():
        s = mod + len(mod_word)  # `住在城东的王女士`: the stop is inside a relative clause
        stop = rules.stop.search(text, s, e) if rules.stop is not None else None
    if stop is not None:
        e = stop.start()
    mod = text.rfind(mod_word, s, e) if mod_word else -1
    if mod >= 0:
        s = mod + len(mod_word)  # `家住简阳的李女士`: the head noun follows the last 的
    return (s, e) if e > s else None


def _clause_subject(text: str, lo: int, hi: int, rules: CaselessRules) -> _Subject | None:
    """The subject at the start of the clause before a verb (Persian, Chinese, Korean).

    Pieces between commas that open with a stop word are introductory (`در همین حال،`,
    `对此，`); an apposition between commas stays with its name (`علی اکبری، وزیر نیرو، در …`).
    """
    if rules.lex.particles:
        tokens = list(_TOKEN.finditer(text, lo, hi))
        return _particle_subject(text, tokens, rules) or _Subject("", hi)
    bounds = [lo, *(m.end() for m in _CLAUSE_SPLIT.finditer(text, lo, hi))]
    pieces = list(zip(bounds, [*(b - 1 for b in bounds[1:]), hi], strict=True))
    cuts = [_cut(text, s, e, rules) for s, e in pieces]
    last = max((i for i, c in enumerate(cuts) if c is not None), default=-1)
    if last < 0:
        return _Subject("", hi)
    s, e = cuts[last]  # type: ignore[misc]
    before = cuts[last - 1] if last > 0 else None
    if last < len(cuts) - 1 and before is not None and text[before[1] : s].strip(" ،,，") == "":
        s = before[0]  # an apposition: `علی اکبری، وزیر نیرو`
    size = len(_TOKEN.findall(text, s, e)) if rules.lex.spaced else e - s
    if size > rules.lex.max_words:
        return None
    return _mention(text, s, e, rules) or _Subject("", hi)


def _sv_subject(text: str, lo: int, hi: int, verb: str, rules: CaselessRules) -> _Subject | None:
    """The subject of a verb at `hi` in a subject-first language."""
    if verb.split()[0] in rules.genitives:
        return _scan_left(text, lo, hi, rules)  # `मंत्री का कहना है`
    if rules.markers:
        tokens = list(_TOKEN.finditer(text, lo, hi))[-MARKER_GAP:]
        for j in range(len(tokens) - 1, -1, -1):
            w = tokens[j].group()
            core = w.strip(_PUNCT)
            if core in rules.pronouns and j == len(tokens) - 1:
                return _Subject(core, tokens[j].start(), True)  # `उन्होंने कहा`
            if core in rules.markers and j > 0:
                prev = tokens[j - 1].group().strip(_PUNCT)
                if prev in rules.pronouns:
                    return _Subject(prev, tokens[j - 1].start(), True)  # `انہوں نے کہا`
                return _scan_left(text, lo, tokens[j].start(), rules)
            if core in rules.pronouns and core.endswith(tuple(rules.markers)):
                return _Subject(core, tokens[j].start(), True)
            if j < len(tokens) - 1 and _ends_clause(w):
                break
    return _clause_subject(text, lo, hi, rules)


def _evidence(sub: _Subject | None, kind: str, verb_at: int) -> Evidence:
    if sub is None:
        return Evidence("", "verb", verb_at)  # speech, but no readable subject
    if not sub.text:
        return Evidence("", "pronoun", verb_at)  # a verb without subject: the last speaker
    return Evidence(sub.text, "pronoun" if sub.pronoun else kind, sub.pos)


def _after_end(text: str, lo: int, hi: int) -> int:
    m = _AFTER_END.search(text, lo, hi)
    return m.start() if m else hi


def _korean(text: str, span: Span, rules: CaselessRules, line: tuple[int, int]) -> Evidence | None:
    """`김 장관은 "…"라고 말했다` / `"…"라고 김 장관은 밝혔다` / `"…"며 …`."""
    if rules.tail is None or span.close_at < 0:
        return None
    lo = span.close_at + 1
    m = rules.tail.match(text, lo, min(line[1], lo + 12))
    if m is None:
        return None
    hi = _after_end(text, m.end(), min(line[1], m.end() + AFTER_WINDOW))
    between: list[re.Match[str]] = []
    verb_at = -1
    for t in list(_TOKEN.finditer(text, m.end(), hi))[:TAIL_GAP]:
        if t.group().strip(_PUNCT) in rules.verbs:
            verb_at = t.start()
            break
        between.append(t)
    if verb_at < 0 and not m.group().strip().endswith(("며", "면서")):
        return None
    sub = _particle_subject(text, between, rules) if verb_at >= 0 else None
    if sub is None:
        start = _clause_start(text, max(line[0], span.open_at - BEFORE_WINDOW), span.open_at)
        sub = _particle_subject(text, list(_TOKEN.finditer(text, start, span.open_at)), rules)
    return _evidence(sub or _Subject("", lo), "adjacent", lo)


def _after(text: str, span: Span, rules: CaselessRules, line: tuple[int, int]) -> Evidence | None:
    """A credit right after the closing mark: `«…»، قال الوزير` / `"…", उन्होंने कहा।`."""
    if span.close_at < 0:
        return None
    lo = span.close_at + 1
    hi = _after_end(text, lo, min(line[1], lo + AFTER_WINDOW))
    while lo < hi and (text[lo].isspace() or text[lo] in _CLAUSE_END):
        lo += 1
    if lo >= hi:
        return None
    ended = text[span.end - 1 : span.end] in _TERMINATORS
    lex = rules.lex
    if rules.according_before is not None:
        m = rules.according_before.match(text, lo, hi)
        if m:
            sub = _vs_subject(text, m.end(), hi, rules)
            if sub is not None and sub.text:
                return _evidence(sub, "adjacent", m.start())
    if lex.order == "vs":
        first = _TOKEN.match(text, lo, hi)
        if first is not None and first.group() in rules.leading:
            lo = first.end()  # `«…»، كما قال الوزير`
            while lo < hi and text[lo].isspace():
                lo += 1
        verbs = [v for v in _verbs(rules, text, lo, hi) if v.start() == lo]
        if not verbs:
            return None
        sub = _vs_subject(text, verbs[0].end(), hi, rules)
        rest = text[verbs[0].end() : hi].split()
        if ended and any(w in rules.complementizers for w in rest):
            return None  # `«…». وأضاف أن …`: the next sentence reports something else
        return _evidence(sub, "adjacent", lo)
    for v in _verbs(rules, text, lo, hi):
        if not _ONLY_PUNCT.fullmatch(text, v.end(), hi):
            return None  # the verb does not end the credit: another sentence begins
        size = len(_TOKEN.findall(text, lo, v.start())) if lex.spaced else v.start() - lo
        if size > lex.max_words + MARKER_GAP:
            return None
        return _evidence(_sv_subject(text, lo, v.start(), v.group(), rules), "adjacent", v.start())
    if rules.according_after is not None:
        m = rules.according_after.search(text, lo, hi)
        if m and _ONLY_PUNCT.fullmatch(text, m.end(), hi):
            sub = _scan_left(text, lo, m.start(), rules)
            if sub is not None and sub.text:
                return _evidence(sub, "adjacent", m.start())
    return None


def _all(rx: re.Pattern[str] | None, text: str, lo: int, hi: int) -> list[re.Match[str]]:
    return list(rx.finditer(text, lo, hi)) if rx is not None else []


def _before(text: str, span: Span, rules: CaselessRules, line: tuple[int, int]) -> Evidence | None:
    """The reporting clause before the opening mark: `قال X: «` / `X ने कहा, "` / `X表示：“`."""
    hi = span.open_at
    start = _clause_start(text, max(line[0], hi - BEFORE_WINDOW), hi)
    lex = rules.lex
    verbs = _verbs(rules, text, start, hi)
    if not lex.spaced:
        verbs = [v for v in verbs if _ONLY_PUNCT.fullmatch(text, v.end(), hi)]
    acc_b = _all(rules.according_before, text, start, hi)
    acc_a = _all(rules.according_after, text, start, hi)
    v = verbs[-1] if verbs else None
    a_b = acc_b[-1] if acc_b else None
    a_a = acc_a[-1] if acc_a else None
    if a_b is not None and (v is None or a_b.start() > v.start()):
        sub = _vs_subject(text, a_b.end(), hi, rules)
        if sub is not None and sub.text and not sub.pronoun:
            return _evidence(sub, "sentence", a_b.start())
    if a_a is not None and (v is None or a_a.start() > v.start()):
        sub = _scan_left(text, start, a_a.start(), rules)
        if sub is not None and sub.text:
            return _evidence(sub, "sentence", a_a.start())
    if v is None:
        return None
    if lex.order == "vs":
        sub = _vs_subject(text, v.end(), hi, rules)
        if (
            sub is not None
            and not sub.text
            and not text[v.end() : hi].strip(" :،,")
            and text[start : v.start()].strip(" ،,")
        ):
            # `الحكومة … قالت «…»`: nothing after the verb, its subject came first
            sub = _clause_subject(text, start, v.start(), rules)
    else:
        sub = _sv_subject(text, start, v.start(), v.group("verb"), rules)
    gap_from = v.end() if lex.order != "vs" or sub is None else sub.pos + len(sub.text)
    gap = text[gap_from:hi].split()
    adjacent = all(w.strip(_PUNCT) in rules.complementizers or not w.strip(_PUNCT) for w in gap)
    return _evidence(sub, "adjacent" if adjacent else "sentence", v.start())


def caseless_evidence(
    text: str, span: Span, rules: CaselessRules, line: tuple[int, int]
) -> Evidence | None:
    """Speaker evidence for one quoted span of a caseless-script text.

    Args:
        text: the whole text.
        span: the quoted span.
        rules: the language's rules (`caseless_rules(language)`).
        line: (start, end) offsets of the span's paragraph.

    Returns:
        The evidence (a credit after the closing mark first, then the clause before the
        opening mark), or None when no speech verb or "according to" is next to the quote.
    """
    return (
        _korean(text, span, rules, line)
        or _after(text, span, rules, line)
        or _before(text, span, rules, line)
    )


def caseless_subjects(text: str, rules: CaselessRules) -> list[tuple[int, str]]:
    """(offset, mention) of every named subject of a speech verb or ergative marker.

    These are the antecedents of later pronouns and subject-less verbs (`وأضاف: «…»`,
    `उन्होंने कहा`), so a marker counts with any verb: `डॉ. मेहता ने स्वागत किया। उन्होंने कहा`.
    """
    out: list[tuple[int, str]] = []
    lex = rules.lex
    for v in _verbs(rules, text, 0, len(text)):
        if not lex.spaced and text[v.end() : v.end() + 1] not in (*_CLAUSE_END, *_MARKS):
            continue  # `小说`, `说明`: a Chinese verb counts only before punctuation
        if lex.order == "vs":
            sub = _vs_subject(text, v.end(), min(len(text), v.end() + SEED_WINDOW), rules)
        else:
            start = _clause_start(text, max(0, v.start() - SEED_WINDOW), v.start())
            sub = _sv_subject(text, start, v.start(), v.group("verb"), rules)
        if sub is not None and sub.text and not sub.pronoun:
            out.append((sub.pos, sub.text))
    for marker in sorted(rules.markers - rules.genitives):
        for m in re.finditer(rf"(?<!\S){re.escape(marker)}(?!\S)", text):
            start = _clause_start(text, max(0, m.start() - SEED_WINDOW), m.start())
            sub = _scan_left(text, start, m.start(), rules)
            if sub is not None and sub.text and not sub.pronoun:
                out.append((sub.pos, sub.text))
    return sorted(set(out))
