"""Speaker evidence for one quoted span: the words around its marks, then the paragraph before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summaries.quotes._marks import Span
from summaries.quotes._patterns import SpeakerPatterns, subject_verbs
from summaries.quotes._speech_words import (
    ABBREVIATIONS,
    JA_AFTER_VERBS,
    JA_SPEAKER_SUFFIXES,
    NOMINAL_HEADS,
    STOP_HEADS,
)
from summaries.text import UPPER

#: How far around a quote the evidence is looked for (characters, same paragraph only).
AFTER_WINDOW = 220
BEFORE_WINDOW = 400

_SENT_END = re.compile(rf"[.!?…][\"”’»]?\s+(?=[\"“„«(]?[{UPPER}])")
_DATELINE = re.compile(
    rf"^\s*[{UPPER}][{UPPER}\s.,'’-]{{1,40}}(?:\([^()\n]{{1,40}}\))?\s*[:—–-]+\s*"
)
#: Kanji, katakana and Latin letters: what a Japanese name or role is written in. Hiragana are
#: left out because they are the particles around the speaker (`記者会見で佐藤局長は`).
_JA_NAME_CHARS = r"[\u3005\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff5aA-Za-z0-9・ー]"
#: `会社員の女性（34）は「…」`: nouns joined by の, a title (`さん`), an optional age or
#: affiliation in brackets, then the subject particle.
_JA_SPEAKER = re.compile(
    rf"((?:{_JA_NAME_CHARS}+の)?{_JA_NAME_CHARS}{{1,20}}(?:{'|'.join(JA_SPEAKER_SUFFIXES)})?"
    r"(?:[（(][^（）()]{1,12}[）)])?)"
    r"(?:は|が)、?[^。「」『』]{0,40}$"
)
_HEADS_LOWER = frozenset(h.lower() for h in NOMINAL_HEADS)
#: The text before an opening mark ends a sentence: the quote starts a new one.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’»)]?\s*$")
#: After a quote that ends its sentence (`…gone.” Smith said.`), a credit is a short clause
#: that ends the sentence too; `.” Russia insisted that …` starts the next report instead.
_SHORT_CREDIT_END = re.compile(r"[^.!?\"“”„«»\n]{0,60}?(?:[.!?]|$)")
_THAT = re.compile(r"\s*,?\s*(?:that|if|whether)\b")
#: Sentence-final credit after a quote inside its sentence (`“…” for tax cuts, she said.`).
_TRAILING_CREDIT_END = re.compile(r"\s*(?:[.!?;]|,\s|$)")
_WHAT = re.compile(r"\bwhat\s+$", re.IGNORECASE)
_NEXT_OPEN = re.compile('["“„«]')


@dataclass(frozen=True, slots=True)
class Evidence:
    """A speaker mention found for a quote and how strong the evidence is.

    `kind` is "adjacent" (right next to a mark: `," X said`), "sentence" (a speech verb in the
    reporting sentence before the quote), "weak" (only a weak verb such as "called"),
    "pronoun" (a subject pronoun or subject-less verb, to be resolved) or "verb" (a speech
    verb whose subject we cannot read: speech, speaker unknown). `pos` is the mention's
    offset in the text.
    """

    mention: str
    kind: str
    pos: int


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


def _last_sentence(text: str) -> tuple[str, int]:
    """The last sentence of `text` and its offset (abbreviations do not end sentences)."""
    start = 0
    for m in _SENT_END.finditer(text):
        head = text[: m.start() + 1]
        word = re.search(r"([\w.]+)\.$", head)
        if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        start = m.end()
    return text[start:], start


def clean_mention(mention: str) -> str:
    """Trim a speaker mention: surrounding punctuation and sentence-initial connectives."""
    words = mention.strip(" ,.;:").split()
    while len(words) > 1 and words[0] in STOP_HEADS:
        words = words[1:]
    out = re.sub(r"['’]s$", "", " ".join(words)) if len(words) == 1 else " ".join(words)
    return out[:-1] if out.endswith(".") and not re.search(r"\b\w\.$", out) else out


def _after(text: str, span: Span, pats: SpeakerPatterns, line_end: int) -> Evidence | None:
    if span.close_at < 0:
        return None
    lo = span.close_at + 1
    window = text[lo : min(line_end, lo + AFTER_WINDOW)]
    ended = text[span.end - 1 : span.end] == "." or window.lstrip()[:1] == "."
    for rx, kind in (
        (pats.after_verb_name, "adjacent"),
        (pats.after_name_verb, "adjacent"),
        (pats.after_according, "adjacent"),
        (pats.after_dash, "adjacent"),
    ):
        m = rx.match(window)
        if m and ended and rx is not pats.after_dash:
            rest = window[m.end() :]
            if _THAT.match(rest) or not _SHORT_CREDIT_END.match(rest):
                continue  # the next sentence reports something else
        if m:
            pre = m.groupdict().get("pre") or ""
            return Evidence(pre + m.group("spk"), kind, lo + m.start("spk") - len(pre))
    m = pats.after_verb_bare.match(window)
    if m:
        verb = m.group("verb").lower()
        inner = [w for w in re.split(r"[-\s]+", verb) if w in pats.pronouns]
        return Evidence(inner[0] if inner else "", "pronoun", lo + m.start("verb"))
    return None


def _trailing(text: str, span: Span, pats: SpeakerPatterns, line_end: int) -> Evidence | None:
    """A credit that ends the quote's own sentence: `“…” to drive up prices, she said.`"""
    if span.close_at < 0:
        return None
    lo = span.close_at + 1
    hi = min(line_end, lo + AFTER_WINDOW)
    nxt = _NEXT_OPEN.search(text, lo, hi)
    hi = nxt.start() if nxt else hi
    end = re.search(r"[.!?](?:\s|$)", text[lo:hi])
    hi = lo + end.start() + 1 if end else hi
    for sv in subject_verbs(pats, text, lo, hi):
        if (
            _norm(sv.verb) not in pats.weak_verbs
            and sv.spk
            and text[: sv.spk_start].rstrip().endswith(",")
            and _TRAILING_CREDIT_END.match(text, sv.verb_start + len(sv.verb))
        ):
            kind = "pronoun" if sv.spk.lower() in pats.pronouns else "adjacent"
            return Evidence(sv.spk, kind, sv.spk_start)
    return None


def _strong_verb_before(text: str, pats: SpeakerPatterns, lo: int, hi: int) -> bool:
    """A non-weak speech verb in text[lo:hi] (`… said he thought …`)."""
    return any(_norm(v.group()) not in pats.weak_verbs for v in pats.verb.finditer(text, lo, hi))


def _clause_subject(sentence: str, pats: SpeakerPatterns) -> tuple[str, int] | None:
    """The subject of the sentence's main clause (`During X, Trump attacked …` → Trump)."""
    m = pats.clause_subject.match(sentence)
    if m is None:
        return None
    return m.group("spk"), m.start("spk")


def _before(text: str, span: Span, pats: SpeakerPatterns, line_start: int) -> Evidence | None:
    lo = max(line_start, span.open_at - BEFORE_WINDOW)
    window = text[lo : span.open_at]
    if _ENDS_SENTENCE.search(window):
        return None  # the quote opens a sentence of its own: no reporting clause before it
    if lo == line_start:
        dl = _DATELINE.match(window)
        if dl:
            lo, window = lo + dl.end(), window[dl.end() :]
    sentence, off = _last_sentence(window)
    base = lo + off
    m = pats.verb_first.match(sentence)
    if m:
        return Evidence(m.group("spk"), "adjacent", base + m.start("spk"))
    found = subject_verbs(pats, text, base, span.open_at)
    strong = [f for f in found if _norm(f.verb) not in pats.weak_verbs]
    best = strong[-1] if strong else (found[-1] if found else None)
    if best is not None and not best.spk:
        # a participle (`…, saying “…”`) shares the subject of its main clause
        earlier = [f for f in found[: found.index(best)] if f.spk]
        main = (earlier[0].spk, earlier[0].spk_start) if earlier else None
        if main is None:
            cs = _clause_subject(sentence, pats)
            main = (cs[0], base + cs[1]) if cs else None
        if main is None:
            return Evidence("", "verb", best.verb_start)  # speech, speaker unknown
        return Evidence(main[0], "sentence", main[1])
    if (
        best is not None
        and best.spk.lower() in pats.pronouns
        and (
            _WHAT.search(text, max(base, best.spk_start - 6), best.spk_start)
            or _strong_verb_before(text, pats, base, best.spk_start)
        )
    ):
        # `X condemned what he called a “…”` / `X bemoaned … and said he thought “…”`: the
        # pronoun after the main clause's verb refers to the main clause's subject
        cs = _clause_subject(sentence, pats)
        if cs and cs[0].lower() not in pats.pronouns:
            return Evidence(cs[0], "sentence", base + cs[1])
    if best is not None:
        kind = "sentence" if strong else "weak"
        if best.spk.lower() in pats.pronouns:
            # prefer a named subject earlier in the same sentence ("North Korea …, though it …")
            named = [
                f
                for f in found[: found.index(best)]
                if f.spk and f.spk.lower() not in pats.pronouns
            ]
            if named:
                return Evidence(named[-1].spk, kind, named[-1].spk_start)
            return Evidence(best.spk, "pronoun", best.spk_start)
        return Evidence(best.spk, kind, best.spk_start)
    if sentence.rstrip().endswith(":"):
        # `Senator Roe scolded him: “…”`: a colon hands the floor to the clause's subject
        cs = _clause_subject(sentence, pats)
        if cs is not None:
            return Evidence(cs[0], "sentence", base + cs[1])
    last = None
    for last in pats.according_any.finditer(sentence):  # noqa: B007 - the last match is wanted
        pass
    if last is not None:
        return Evidence(last.group("spk"), "sentence", base + last.start("spk"))
    for v in pats.verb.finditer(sentence):
        if _norm(v.group()) not in pats.weak_verbs:
            return Evidence("", "verb", base + v.start())  # `63 percent said it was “…”`
    return None


def _fronted(text: str, span: Span, pats: SpeakerPatterns, line_start: int) -> Evidence | None:
    """`Ayşe Demir, “…” dedi.`: a name and a comma alone before the quote, the verb after it."""
    lo = max(line_start, span.open_at - BEFORE_WINDOW)
    sentence, off = _last_sentence(text[lo : span.open_at])
    m = pats.fronted.match(sentence)
    if m is None:
        return None
    return Evidence(m.group("spk"), "adjacent", lo + off + m.start("spk"))


def _japanese(text: str, span: Span, line_start: int, line_end: int) -> Evidence | None:
    if span.close_at < 0 or not text.startswith(JA_AFTER_VERBS, span.close_at + 1):
        return None
    before = text[max(line_start, span.open_at - 80) : span.open_at]
    before = before.rsplit("。", 1)[-1]
    m = _JA_SPEAKER.search(before)
    if m:
        return Evidence(m.group(1), "adjacent", span.open_at - len(before) + m.start(1))
    return Evidence("", "pronoun", span.close_at + 1)


def find_evidence(
    text: str, span: Span, pats: SpeakerPatterns, line: tuple[int, int]
) -> Evidence | None:
    """Speaker evidence for one span: after the closing mark first, then the sentence before.

    Args:
        text: the whole text.
        span: the quoted span.
        pats: compiled patterns for the language.
        line: (start, end) offsets of the span's paragraph.

    Returns:
        The evidence, or None when nothing around the quote names a speaker.
    """
    if span.mark in "「『﹁":
        ev = _japanese(text, span, *line)
        if ev is not None:
            return ev
    after = _after(text, span, pats, line[1]) or _trailing(text, span, pats, line[1])
    if after is not None and after.kind == "pronoun" and not after.mention:
        fronted = _fronted(text, span, pats, line[0])
        if fronted is not None:
            return fronted
    if (
        after is not None
        and after.kind != "pronoun"
        and clean_mention(after.mention).lower() not in pats.pronouns
    ):
        return after
    before = _before(text, span, pats, line[0])
    if after is None:
        return before
    # `X scolded him: “…” she said` / `X said … because “…,” she said`: the named reporting
    # subject of the quote's own sentence is the same speaker, by name
    if (
        before is not None
        and before.kind in ("sentence", "adjacent", "weak")
        and clean_mention(before.mention).lower() not in pats.pronouns
    ):
        return before
    return after


def transcript_speaker(quote: str) -> str | None:
    """`PENCE: Well, …` inside a transcript quote names its speaker."""
    m = re.match(rf"([{UPPER}][{UPPER} .'’-]{{1,30}}):\s", quote)
    return m.group(1).strip() if m else None


def nominal_head(mention: str) -> str | None:
    """The role noun of a lower-case nominal mention ("the mayor" → "mayor"), else None."""
    words = mention.split()
    if not words or not words[0][:1].islower():
        return None
    for w in reversed(words):
        w = w.lower().rstrip("s") if w.lower() not in _HEADS_LOWER else w.lower()
        if w in _HEADS_LOWER:
            return w
    return None
