"""Direct quotes with their speakers, and the few that are worth showing in a summary.

Each quote carries two notions of its speaker. `speaker` is the mention as the text gives it
at the quote: a name, a nominal ("the spokesman", "officials") or a pronoun ("he"); outlet
back-references are written out ("the Times" → "The New York Times"). `speaker_name` is that
speaker as a name when the evidence supports one: the mention itself when it names someone, a
pronoun's last named speaker, a role noun's name given earlier ("Peter Quill, a spokesman"), or
None when unsure. Readers are shown `Quote.display_speaker`.

Speakers come from evidence only, in this order: a speech verb right next to a closing mark
(`," X said` / `," said X` / `— X` / `, according to X`), a credit ending the quote's sentence
(`“…” for tax cuts, she said`), the reporting sentence before the opening mark (`X said: “…` /
`X warned of “…”` / `X attacked the plan, saying “…”` / `X scolded him: “…`), a transcript
label (`PENCE: …`), then the context: the previous quote of the same paragraph or of a
multi-paragraph quote, the sentence before, or a paragraph that introduced the speaker
(`X continued:`). Quoted text with no speaker is kept only when it reads like speech (a long
full sentence); titles, show names and scare quotes are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass

from summaries.attribution import canonical_outlet
from summaries.models import Quote
from summaries.quotes._caseless import (
    CaselessRules,
    caseless_evidence,
    caseless_rules,
    caseless_subjects,
)
from summaries.quotes._marks import Span, find_spans, paragraph_bounds
from summaries.quotes._patterns import (
    INTRO_WORDS,
    SpeakerPatterns,
    patterns_for,
    subject_verbs,
)
from summaries.quotes._speakers import (
    Evidence,
    clean_mention,
    find_evidence,
    nominal_head,
    transcript_speaker,
)
from summaries.quotes._speech_words import STOP_HEADS, is_bare_mention
from summaries.text import count_words

__all__ = ["QuoteRules", "display_speaker", "find_quotes", "key_quotes"]


@dataclass(frozen=True, slots=True)
class QuoteRules:
    """Thresholds for keeping a quoted span.

    `min_words_unattributed`: quoted text without any speaker evidence is kept (speaker None)
    only from this many words on; shorter ones are scare quotes or titles. `max_title_words`:
    a Title-Cased span up to this length is a title unless a speech verb sits right next to it.
    """

    min_words_unattributed: int = 8
    max_title_words: int = 6
    #: Each context rule can be switched off, so that cross-validation can measure it
    #: (`benchmarks/heldout_cv.py`): a multi-paragraph quote keeps one speaker...
    inherit_chain: bool = True
    #: ...an evidence-less quote takes the speaker of the previous quote in its paragraph...
    inherit_same_paragraph: bool = True
    #: ...or of a paragraph ending with a colon that names one (`X continued:`)...
    inherit_intro: bool = True
    #: ...or, opening a paragraph, of the previous paragraph's quote...
    inherit_previous_paragraph: bool = True
    #: ...or, inside a paragraph, of the reporting sentence before it.
    inherit_sentence_before: bool = True
    #: A single-marked quote in a short first line (a headline) repeats the body: dropped.
    drop_headline_quotes: bool = True


DEFAULT_QUOTE_RULES = QuoteRules()
_WORD = re.compile(r"\w+")
#: A Title-Cased span right after these is a title even next to a speech verb.
_TITLE_BEFORE = re.compile(r"(?:['’]s|\b(?:on|in|of|from|at))\s*$")
_SINGLE_MARKS = frozenset("‘‚‹'")
_FIRST_WORD = re.compile(r"\w+")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’»]?[ \t]+|\n)[ \t]*")
#: Capitalised sentence openers that are no antecedent for a pronoun.
_NOT_SUBJECTS = frozenset(
    {
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "My",
        "Our",
        "Their",
        "Its",
        "Your",
        "To",
        "All",
        "Each",
        "Every",
        "No",
        "There",
        "Le",
        "La",
        "Les",
        "Der",
        "Die",
        "Das",
        "El",
        "Il",
    }
)
_MINOR = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "de",
        "la",
        "le",
        "der",
        "die",
        "das",
        "von",
    }
)


@dataclass(slots=True)
class _Found:
    span: Span
    speaker: str | None
    kind: str
    name: str | None = None


class _Roles:
    """Role → name ties ("Jesse Lehrich, a Clinton spokesman"), scanned only when needed."""

    def __init__(self, text: str, pats: SpeakerPatterns) -> None:
        self._text = text
        self._pats = pats
        self._ties: list[tuple[int, str, str]] | None = None

    def name_for(self, role: str, before: int) -> str | None:
        if self._ties is None:
            self._ties = []
            for m in self._pats.role_apposition.finditer(self._text):
                role_, name = (
                    (m.group("role"), m.group("name"))
                    if m.group("name")
                    else (m.group("role2"), m.group("name2"))
                )
                self._ties.append((m.start(), role_.lower(), clean_mention(name)))
        tied = [name for pos, r, name in self._ties if pos < before and r == role]
        return tied[-1] if tied else None


class _Names:
    """Named speakers by position: the antecedents of pronouns.

    The names named anywhere in the text (`_seed_names`) are listed on the first lookup only:
    most texts resolve no pronoun, and the scan reads the whole text. Names added before then
    are kept aside and inserted after the seeds, so the order is the one seeding first gives.
    """

    def __init__(self, seed: Callable[[], list[tuple[int, str]]]) -> None:
        self._seed: Callable[[], list[tuple[int, str]]] | None = seed
        self._waiting: list[tuple[int, str]] = []
        self._pos: list[int] = []
        self._names: list[str] = []

    def add(self, pos: int, name: str) -> None:
        if self._seed is not None:
            self._waiting.append((pos, name))
        else:
            self._insert(pos, name)

    def _insert(self, pos: int, name: str) -> None:
        i = bisect.bisect_right(self._pos, pos)
        self._pos.insert(i, pos)
        self._names.insert(i, name)

    def last_before(self, pos: int) -> str | None:
        if self._seed is not None:
            seed, self._seed = self._seed, None
            for at, name in (*seed(), *self._waiting):
                self._insert(at, name)
            self._waiting = []
        i = bisect.bisect_left(self._pos, pos)
        return self._names[i - 1] if i else None


def _is_named(mention: str, pats: SpeakerPatterns) -> bool:
    return bool(mention) and mention[0].isupper() and mention.lower() not in pats.pronouns


_MID_SENTENCE_WORD = re.compile(r"(?<=[\w,;])\s+(\w+)")


class _MidWords:
    """The words of a text that follow a word or a comma, listed on the first lookup only.

    Most texts never ask (no one-word sentence subject), and the scan reads the whole text.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(_MID_SENTENCE_WORD.findall(self._text))
        return word in self._words


def _proper(spk: str, text: str, mid_words: Container[str]) -> bool:
    """A sentence-initial capitalised phrase that is a proper name, not "His" or "During".

    A one-word name must also be written capitalised inside a sentence somewhere (`mid_words`:
    the words of `text` that follow a word or a comma); a phrase opened by an article needs two
    more capitalised words ("The New York Times").
    """
    words = spk.split()
    if words[0] in STOP_HEADS or words[0] in _NOT_SUBJECTS or is_bare_mention(spk):
        return False
    if words[0] in ("The", "A", "An"):
        return len(words) >= 3 and all(w[:1].isupper() for w in words[1:3])
    if len(words) > 1:
        return True
    if spk.isalnum():
        return spk in mid_words
    return re.search(rf"[\w,;]\s+{re.escape(spk)}\b", text) is not None


def _seed_names(
    text: str, pats: SpeakerPatterns, caseless: CaselessRules | None
) -> list[tuple[int, str]]:
    """Named subjects of speech verbs anywhere in the text: the antecedents of pronouns."""
    names: list[tuple[int, str]] = []
    if caseless is not None:
        names.extend(caseless_subjects(text, caseless))
    mid_words = _MidWords(text)
    for b in _SENTENCE_START.finditer(text):
        # the full clause-subject pattern only behind an introductory word ("During …, X")
        first = _FIRST_WORD.match(text, b.end())
        intro = first is not None and first.group() in INTRO_WORDS
        m = (pats.clause_subject if intro else pats.sentence_subject).match(text, b.end())
        if m is None:
            continue
        spk = clean_mention(m.group("spk"))
        if _is_named(spk, pats) and _proper(spk, text, mid_words):
            names.append((m.start("spk"), spk))
    for sv in subject_verbs(pats, text):
        spk = clean_mention(sv.spk)
        if _is_named(spk, pats) and spk.split()[0] not in STOP_HEADS:
            names.append((sv.spk_start, canonical_outlet(spk, text, sv.spk_start) or spk))
    return names


def _resolve(
    ev: Evidence, text: str, pats: SpeakerPatterns, names: _Names, roles: _Roles
) -> tuple[str | None, str | None]:
    """(mention as written, the name it stands for) for one piece of evidence.

    Outlet mentions are written out in full ("the Times" → "The New York Times"): that is the
    same name, not a resolution. A subject-less verb (`a-t-il dit`, `と述べた`) has no mention;
    its speaker is then the resolved name.
    """
    mention = clean_mention(ev.mention)
    if ev.kind == "pronoun" or mention.lower() in pats.pronouns:
        name = names.last_before(ev.pos)
        return (mention or name), name
    outlet = canonical_outlet(mention, text, ev.pos)
    if outlet:
        return outlet, outlet
    if not mention:
        return None, None
    if is_bare_mention(mention):
        head = nominal_head(mention)
        return mention, (roles.name_for(head, ev.pos) if head is not None else None)
    return mention, mention


def _looks_like_title(quote: str, rules: QuoteRules, before_title: bool) -> bool:
    words = quote.split()
    if not words or len(words) > rules.max_title_words or quote.rstrip()[-1:] in "!?":
        return False
    if quote.rstrip()[-1:] in ".," and not before_title:
        return False
    content = [w for w in words if w.lower() not in _MINOR]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


def _clean_quote(text: str, span: Span) -> tuple[str, int, int]:
    """Drop punctuation that belongs to the host sentence (`…ballot,”` / `…sympathisers.”`)."""
    s, e = span.start, span.end
    q = text[s:e]
    while e > s and text[e - 1] in ",;:":
        e -= 1
    q = text[s:e]
    if q.endswith(".") and not q.endswith("..") and q[:1].islower():
        e -= 1  # a fragment: the period ends the reporting sentence, not the quote
    while e > s and text[e - 1].isspace():
        e -= 1
    return text[s:e], s, e


def _intro_speaker(
    text: str, lines: list[tuple[int, int]], para: int, pats: SpeakerPatterns
) -> tuple[str, int] | None:
    """The speaker named by a paragraph that ends with a colon (`Caddell continued:`)."""
    if para == 0:
        return None
    lo, hi = lines[para - 1]
    prev = text[lo:hi].rstrip()
    if not prev.endswith(":"):
        return None
    found = [sv for sv in subject_verbs(pats, text, lo, hi) if sv.spk]
    if found:
        return found[-1].spk, found[-1].spk_start
    m = pats.verb_first.match(prev)
    return (m.group("spk"), lo + m.start("spk")) if m else None


def display_speaker(speaker: str | None, name: str | None) -> str | None:
    """What a reader is shown for a quote: the resolved name, else a mention that names someone."""
    if name:
        return name
    if speaker and not is_bare_mention(speaker):
        return speaker
    return None


def find_quotes(
    text: str, language: str = "en", rules: QuoteRules = DEFAULT_QUOTE_RULES
) -> list[Quote]:
    """Every attributed direct quote of `text`, in order.

    Args:
        text: the article text (paragraphs separated by line breaks).
        language: ISO 639-1 code; selects the speech-verb tables (English is always included).
        rules: thresholds for keeping unattributed and title-like spans.

    Returns:
        Quotes with the text inside the marks, the speaker when the text supports one (else
        None) and character offsets into `text`. Titles and scare quotes without speech
        evidence are left out.
    """
    spans = find_spans(text)
    if not spans:
        return []
    pats = patterns_for(language)
    caseless = caseless_rules(language)
    lines = paragraph_bounds(text)
    names = _Names(lambda: _seed_names(text, pats, caseless))
    roles = _Roles(text, pats)
    found: list[_Found] = []
    for span in spans:
        quote = text[span.start : span.end]
        label = transcript_speaker(quote)
        if label:
            found.append(_Found(span, label, "adjacent", label))
            continue
        ev = None
        if caseless is not None:
            # names without capitals: the subject next to a speech verb of the language
            ev = caseless_evidence(text, span, caseless, lines[span.paragraph])
        if ev is None:
            ev = find_evidence(text, span, pats, lines[span.paragraph])
        speaker, name = _resolve(ev, text, pats, names, roles) if ev else (None, None)
        if name and ev is not None:
            names.add(ev.pos, name)
        found.append(_Found(span, speaker, ev.kind if ev else "none", name))
    _inherit(found, text, lines, pats, names, roles, rules)
    return _keep(found, text, lines, rules)


def _inherit(
    found: list[_Found],
    text: str,
    lines: list[tuple[int, int]],
    pats: SpeakerPatterns,
    names: _Names,
    roles: _Roles,
    rules: QuoteRules,
) -> None:
    """Give evidence-less quotes the speaker their context implies."""
    # a multi-paragraph quote has one speaker: spread it over the chain in both directions
    chain: list[_Found] = []
    for f in [*found, None]:
        if f is not None and rules.inherit_chain and (not chain or chain[-1].span.continues):
            chain.append(f)
            continue
        # forward first (a transcript chain changes speakers at each label), then the head
        # of the chain takes the first speaker named in it
        last = next((c for c in chain if c.speaker), None)
        for c in chain:
            if c.speaker is not None:
                last = c
            elif last is not None:
                c.speaker, c.name, c.kind = last.speaker, last.name, "context"
        chain = [f] if f is not None else []
    for i, f in enumerate(found):
        if f.speaker is not None:
            continue
        prev = found[i - 1] if i else None
        starts_para = not text[lines[f.span.paragraph][0] : f.span.open_at].strip()
        if prev and prev.speaker and prev.span.paragraph == f.span.paragraph:
            if rules.inherit_same_paragraph:
                f.speaker, f.name, f.kind = prev.speaker, prev.name, "context"
        elif starts_para:
            para = f.span.paragraph
            intro = _intro_speaker(text, lines, para, pats) if rules.inherit_intro else None
            if intro:
                ev = Evidence(intro[0], "sentence", intro[1])
                f.speaker, f.name = _resolve(ev, text, pats, names, roles)
                f.kind = "context"
            elif (
                rules.inherit_previous_paragraph
                and prev
                and prev.speaker
                and prev.span.paragraph == f.span.paragraph - 1
            ):
                f.speaker, f.name, f.kind = prev.speaker, prev.name, "context"
        elif rules.inherit_sentence_before:
            # `Schiff said the plan would fail. “The other factor is …”`: the speaker of the
            # sentence before, in the same paragraph
            lo = lines[f.span.paragraph][0]
            if prev and prev.span.paragraph == f.span.paragraph:
                lo = max(lo, prev.span.close_at + 1)
            said = [sv for sv in subject_verbs(pats, text, lo, f.span.open_at) if sv.spk]
            if said:
                ev = Evidence(said[-1].spk, "sentence", said[-1].spk_start)
                f.speaker, f.name = _resolve(ev, text, pats, names, roles)
                f.kind = "context"


def _is_headline(text: str, lines: list[tuple[int, int]]) -> bool:
    lo, hi = lines[0]
    return len(lines) > 1 and len(text[lo:hi].split()) <= 25


def _keep(
    found: list[_Found], text: str, lines: list[tuple[int, int]], rules: QuoteRules
) -> list[Quote]:
    out: list[Quote] = []
    for f in found:
        quote, s, e = _clean_quote(text, f.span)
        if not _WORD.search(quote):
            continue
        before_title = bool(
            _TITLE_BEFORE.search(text, max(0, f.span.open_at - 12), f.span.open_at)
        )
        if _looks_like_title(quote, rules, before_title) and (
            f.kind != "adjacent" or before_title
        ):
            continue  # `on CBS’s “Face the Nation,” Ryan said`: a show, not his words
        if (
            rules.drop_headline_quotes
            and f.span.mark in _SINGLE_MARKS
            and f.span.paragraph == 0
            and _is_headline(text, lines)
        ):
            continue  # a headline's ‘…’ repeats words the body quotes properly
        if (
            f.speaker is None
            and f.kind in ("none", "pronoun", "verb")
            and count_words(quote) < rules.min_words_unattributed
        ):
            continue
        out.append(Quote(quote, f.speaker, s, e, f.name, display_speaker(f.speaker, f.name)))
    return out


def _informative(q: Quote) -> float:
    words = count_words(q.text)
    score = min(words, 40) / 40
    if q.speaker:
        score += 1.0
    first = q.text[:1]
    if first.isupper() or (first.isalpha() and not first.islower()):
        score += 0.3  # a full sentence rather than a fragment inside a paraphrase
    if words < 3:
        score -= 1.0
    return score


def key_quotes(quotes: Sequence[Quote], limit: int) -> list[Quote]:
    """The few most informative quotes, in article order.

    Full quotes with a known speaker and real content win over 1–2 word fragments; the same
    words quoted twice count once.

    Args:
        quotes: quotes in article order (from `find_quotes`).
        limit: how many to return at most.

    Returns:
        Up to `limit` quotes, in their original order.
    """
    if limit <= 0:
        return []
    seen: set[tuple[str, ...]] = set()
    unique: list[tuple[int, Quote]] = []
    for i, q in enumerate(quotes):
        key = tuple(_WORD.findall(q.text.lower()))
        if not key or key in seen:
            continue
        seen.add(key)
        unique.append((i, q))
    best = sorted(unique, key=lambda iq: (-_informative(iq[1]), iq[0]))[:limit]
    return [q for _, q in sorted(best, key=lambda iq: iq[0])]
