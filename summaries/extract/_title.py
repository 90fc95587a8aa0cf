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

#: Between a headline and a site name in <title>: "Headline | Site", "Headline – Site".
_SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|::|»|/)\s+")
_MAX_TITLE_CHARS = 300
#: Source priority on ties (lower wins).
_PRIORITY = {"json-ld": 0, "social": 1, "title": 2, "h1": 3}


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


def _document_forms(title: str, rules: TitleRules) -> list[str]:
    """<title> read with and without its site part, the likeliest reading first."""
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


def _names_site(rest: str, kept: str, sources: TitleSources, rules: TitleRules) -> bool:
    """Whether the part after a separator is the site's name rather than half the headline."""
    if rules.strip_declared_site and text_key(rest) in {text_key(s) for s in sources.site_names}:
        return True
    # the page's own domain spelled in a part shorter than the headline before it
    return rules.strip_domain_site and len(rest) < len(kept) and names_domain(rest, sources.domain)


def _without_site(text: str, sources: TitleSources, rules: TitleRules) -> str | None:
    """The text before a separator that ends it with the site's name, if it does."""
    for match in _SITE_SEPARATOR.finditer(text):
        if _names_site(text[match.end() :], text[: match.start()], sources, rules):
            return text[: match.start()]
    return None


def _declared_forms(
    text: str, source: str, rank: int, sources: TitleSources, rules: TitleRules
) -> list[_Form]:
    forms = [_Form(text, source, 2 * rank)]
    if stripped := _without_site(text, sources, rules):
        forms.append(_Form(stripped, source, 2 * rank + 1))
    return forms


def _forms(sources: TitleSources, rules: TitleRules) -> list[_Form]:
    forms: list[_Form] = []
    sites = {text_key(site) for site in sources.site_names}
    if sources.json_ld:
        forms += _declared_forms(sources.json_ld, "json-ld", 0, sources, rules)
    for rank, text in enumerate(sources.social):
        forms += _declared_forms(text, "social", rank, sources, rules)
    if sources.document:
        forms += [
            _Form(t, "title", r) for r, t in enumerate(_document_forms(sources.document, rules))
        ]
    headings = sources.headings[: rules.max_headings]
    forms += [_Form(text, "h1", rank) for rank, text in enumerate(headings)]
    return [
        form
        for form in forms
        if text_key(form.text)
        and text_key(form.text) not in sites
        and len(form.text) <= _MAX_TITLE_CHARS
    ]


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
    voters: dict[str, set[str]] = {}
    for form in forms:
        voters.setdefault(text_key(form.text), set()).add(form.source)
    best = min(
        forms,
        key=lambda f: (-len(voters[text_key(f.text)]), _PRIORITY[f.source], f.rank),
    )
    return best.text
