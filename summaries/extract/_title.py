"""The headline, chosen by agreement among the places a page states it."""

# A page states its headline up to four times: JSON-LD `headline`, the social cards (og:title,
# twitter:title: one source, they are usually copies), `<title>` (with the site's name after a
# separator) and the visible <h1>. Each one alone is wrong on some pages: og:title can be the
# site's slogan, <title> carries the site suffix, the first <h1> is a logo, a promo or a
# greeting. The text most sources agree on wins; ties go to the more deliberate declaration.

from __future__ import annotations

import re
from dataclasses import dataclass

from summaries.extract._domain import names_domain
from summaries.extract._text import text_key
from summaries.extract._title_rules import DEFAULT_TITLE_RULES, TitleRules

_SEPARATORS = r"\||-|–|—|·|::|»|/"
#: Between a headline and a site name in <title>: "Headline | Site", "Headline – Site".
_SITE_SEPARATOR = re.compile(rf"\s+(?:{_SEPARATORS})\s+")
#: Before a part that spells the page's domain, also a spaced colon and the Latin letter "ǀ"
#: some sites use as a bar: with the domain as evidence they cut no headline in two.
_DOMAIN_SEPARATOR = re.compile(rf"\s+(?:{_SEPARATORS}|:|ǀ)\s+")
#: After a site name that leads a <title>: the separators above, or a colon ("Site: Headline").
_LEADING_SEPARATOR = re.compile(rf"\s+(?:{_SEPARATORS})\s+|:\s+")
#: A kicker before a headline in og:title ends like this ("Strengths at work: Headline").
_KICKER_END = re.compile(r"\s*[:|–—»]\s*$")
#: A tail after a headline set off like this is no site name ("Headline : 06.11.2023").
_OTHER_TAIL = re.compile(r"[?!.…\"“”']*\s*[:»]\s")
_MAX_TITLE_CHARS = 300
#: A site's name in a title is a few words ("The Japan Times"), not a sentence about it.
_MAX_SITE_WORDS = 4
#: Source priority on ties (lower wins).
_PRIORITY = {"json-ld": 0, "social": 1, "title": 2, "h1": 3}
#: A word this long shared by the <h1> and a declared title names the story, not a function word.
_MIN_SHARED_WORD_CHARS = 5
_DECLARED = frozenset({"json-ld", "social"})


@dataclass(frozen=True, slots=True)
class TitleSources:
    """Every place a page states its headline (empty where it does not)."""

    json_ld: str | None = None
    social: tuple[str, ...] = ()
    document: str | None = None
    headings: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()
    domain: str | None = None  # the owner's label of the page's host (`_domain.domain_label`)


@dataclass(frozen=True, slots=True)
class _Form:
    text: str
    source: str
    rank: int  # order of preference within the source


def _after_leading_site(title: str, sources: TitleSources, rules: TitleRules) -> str | None:
    """The rest of a <title> that starts with the site's name ("Site: Headline", "Site | H")."""
    if not rules.leading_site:
        return None
    match = _LEADING_SEPARATOR.search(title)
    if match is None:
        return None
    lead, rest = title[: match.start()], title[match.end() :]
    sites = {text_key(site) for site in sources.site_names}
    if len(lead) < len(rest) and (text_key(lead) in sites or names_domain(lead, sources.domain)):
        return rest
    return None


def _document_forms(title: str, sources: TitleSources, rules: TitleRules) -> list[str]:
    """<title> read with and without its site part, the likeliest reading first."""
    readings = _trailing_site_forms(title, rules)
    if rules.strip_domain_site and (cut := _without_domain(title, sources.domain)):
        # <title> is where sites put their name: a part spelling the domain is the likeliest
        # cut (og:title, a deliberate declaration, keeps its whole text first)
        readings = [cut] + [r for r in readings if r != cut]
    if rest := _after_leading_site(title, sources, rules):
        # the rest may still be "Section - Headline": its last part is a reading too (its
        # first part alone would be a section name, never a headline)
        cuts = list(_SITE_SEPARATOR.finditer(rest))
        rest_readings = [rest] + ([rest[cuts[-1].end() :]] if cuts else [])
        return rest_readings + [r for r in readings if r not in rest_readings]
    return readings


def _trailing_site_forms(title: str, rules: TitleRules) -> list[str]:
    """<title> with and without a site part at its end (and breadcrumb parts)."""
    prefixes = [title[: m.start()] for m in _SITE_SEPARATOR.finditer(title)]
    if not prefixes:
        return [title]
    stripped = prefixes[-1]
    forms = (
        [stripped, title]
        if len(stripped.split()) >= rules.min_stripped_words
        else [title, stripped]
    )
    forms += reversed(prefixes[:-1])
    cuts = list(_SITE_SEPARATOR.finditer(title))
    if rules.breadcrumb_last and len(cuts) >= 2:
        forms.append(title[cuts[-1].end() :])
    return forms


def _without_declared_site(text: str, sources: TitleSources) -> str | None:
    """The text before a separator that ends it with a declared site name, if it does."""
    sites = {text_key(site) for site in sources.site_names}
    for match in _SITE_SEPARATOR.finditer(text):
        if text_key(text[match.end() :]) in sites:
            return text[: match.start()]
    return None


def _without_domain(text: str, domain: str | None) -> str | None:
    """The text before the last part that spells the page's domain ("H | Site.com | Slogan")."""
    cuts = list(_DOMAIN_SEPARATOR.finditer(text)) if domain else []
    if not cuts:
        return None
    ends = [cut.start() for cut in cuts[1:]] + [len(text)]
    for cut, end in reversed(list(zip(cuts, ends, strict=True))):
        part = text[cut.end() : end]
        if len(part.split()) <= _MAX_SITE_WORDS and names_domain(part, domain):
            return text[: cut.start()] or None
    return None


def _declared_forms(
    text: str, source: str, rank: int, sources: TitleSources, rules: TitleRules
) -> list[_Form]:
    """A declared title and, when a part of it names the site, the title without that part."""
    full = _Form(text, source, 2 * rank)
    if rules.strip_domain_site and (stripped := _without_domain(text, sources.domain)):
        return [full, _Form(stripped, source, 2 * rank + 1)]
    if rules.strip_declared_site and (stripped := _without_declared_site(text, sources)):
        return [full, _Form(stripped, source, 2 * rank + 1)]
    return [full]


def _forms(sources: TitleSources, rules: TitleRules) -> list[_Form]:
    forms: list[_Form] = []
    sites = {text_key(site) for site in sources.site_names}
    if sources.json_ld:
        forms += _declared_forms(sources.json_ld, "json-ld", 0, sources, rules)
    for rank, text in enumerate(sources.social):
        forms += _declared_forms(text, "social", rank, sources, rules)
    if sources.document:
        forms += [
            _Form(t, "title", r)
            for r, t in enumerate(_document_forms(sources.document, sources, rules))
        ]
    headings = sources.headings[: rules.max_headings]
    stated = [form.text for form in forms]
    for rank, text in enumerate(headings):
        forms.append(_Form(text, "h1", rank))
        if rules.kicker_heading and (reading := _after_kicker(text, stated)):
            forms.append(_Form(reading, "h1", rank))
    return [
        form
        for form in forms
        if text_key(form.text)
        and text_key(form.text) not in sites
        and len(form.text) <= _MAX_TITLE_CHARS
    ]


def _after_kicker(heading: str, stated: list[str]) -> str | None:
    """Another source's reading that an <h1> ends with after a kicker ("Kicker Headline").

    Many pages print the kicker (Dachzeile, surtitre) in the same <h1> as the headline; the
    <h1> then supports the headline the page declares elsewhere.
    """
    key = text_key(heading)
    for text in stated:
        other = text_key(text)
        if other and len(other) < len(key) and key.endswith(" " + other):
            return text
    return None


def _only_long_heading(sources: TitleSources, rules: TitleRules) -> str | None:
    """The page's one <h1> of `lone_heading_words` or more words, if it has exactly one."""
    long = [h for h in sources.headings if len(h.split()) >= rules.lone_heading_words]
    return long[0] if len(long) == 1 and text_key(long[0]) else None


def _lone_heading(sources: TitleSources, forms: list[_Form], rules: TitleRules) -> str | None:
    """The page's only <h1> (shorter ones are labels: "Menu", "Details") when it tells the
    story the other readings tell, worded otherwise.

    Worded otherwise: no reading holds it and it holds none (a site part or a kicker is not
    a rewording). The same story: it shares a long word with a source's likeliest reading
    (a logo, a greeting or a site's slogan shares none; the site's name does not count).
    """
    heading = _only_long_heading(sources, rules)
    if heading is None:
        return None
    key = text_key(heading)
    others = [text_key(f.text) for f in forms if f.source != "h1"]
    if not others or any(key in other or other in key for other in others):
        return None
    likeliest: dict[str, str] = {}
    for form in forms:  # each source's forms come likeliest first
        likeliest.setdefault(form.source, text_key(form.text))
    likeliest.pop("h1", None)
    site_words = {w for site in sources.site_names for w in text_key(site).split()}
    words = {w for w in key.split() if len(w) >= _MIN_SHARED_WORD_CHARS} - site_words
    if not any(words & set(reading.split()) for reading in likeliest.values()):
        return None
    return heading


def _declared_part_heading(sources: TitleSources, rules: TitleRules) -> str | None:
    """The page's only <h1> when og:title or JSON-LD is a kicker and it ("Kicker: Headline")
    or it and a tail set off by a colon or "»" ("Headline : 06.11.2023", "Headline » Offer").
    A tail after "|" or a dash is a site's or an author's name, which reader views keep."""
    heading = _only_long_heading(sources, rules)
    if heading is None:
        return None
    key = text_key(heading)
    for text in (sources.json_ld, *sources.social):
        head, tail = _around(text or "", key)
        if (_KICKER_END.search(head) and not tail) or (_OTHER_TAIL.match(tail) and not head):
            return heading
    return None


def _around(text: str, key: str) -> tuple[str, str]:
    """What precedes and follows the part of `text` whose comparison key is `key`."""
    bounds = [0] + [m.end() for m in re.finditer(r"\W+", text)]
    for start in bounds:
        for end in [m.start() for m in re.finditer(r"\W+", text[start:])] + [len(text) - start]:
            if text_key(text[start : start + end]) == key:
                return text[:start], text[start + end :]
    return "", ""


def choose_title(sources: TitleSources, rules: TitleRules = DEFAULT_TITLE_RULES) -> str | None:
    """The headline most of the page's statements agree on.

    Texts are compared case- and punctuation-insensitively; each source votes once for every
    reading it offers. The most votes win; on a tie the more deliberate source (JSON-LD, then
    the social cards, then <title>, then <h1>) and its likelier reading win. A site name is
    never a headline.

    Args:
        sources: what the page states.
        rules: how <title> and declared titles are read.

    Returns:
        The headline as the winning source writes it, or None when the page states none.
    """
    forms = _forms(sources, rules)
    if not forms:
        return None
    if rules.lone_heading and (heading := _lone_heading(sources, forms, rules)):
        return heading
    if rules.declared_part_heading and (heading := _declared_part_heading(sources, rules)):
        return heading
    voters: dict[str, set[str]] = {}
    for form in forms:
        voters.setdefault(text_key(form.text), set()).add(form.source)

    def corroborated_heading(form: _Form) -> bool:
        # the visible <h1> agreeing with a declared title: not a logo, not a promo
        sources_of = voters[text_key(form.text)]
        return rules.corroborated_heading and "h1" in sources_of and bool(sources_of & _DECLARED)

    best = min(
        forms,
        key=lambda f: (
            -len(voters[text_key(f.text)]),
            not corroborated_heading(f),
            _PRIORITY[f.source],
            f.rank,
        ),
    )
    return best.text
