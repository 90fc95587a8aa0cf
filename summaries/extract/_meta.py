"""Page metadata (title, author, date, site, canonical URL, language) from a parsed HTML tree."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import logging
import re
from urllib.parse import urljoin

from lxml.etree import XPath
from lxml.html import HtmlElement

from summaries.extract._byline import byline_names, normalise_byline
from summaries.extract._domain import domain_label
from summaries.extract._jsonld import JsonLdMeta, read_json_ld
from summaries.extract._title import TitleSources, choose_title
from summaries.extract._title_rules import DEFAULT_TITLE_RULES, TitleRules
from summaries.extract._tree import only_body
from summaries.models import ArticleMeta

_LOG = logging.getLogger(__name__)

#: Where a page declares its language, most specific first.
_LANG_XPATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    "//head/meta[@property='og:locale']/@content",
    "//head/meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
    "='content-language']/@content",
    "//head/meta[@name='language' or @name='lang']/@content",
)
_META_KEYS = ("property", "name", "itemprop")
#: Meta names that carry the author, most specific first.
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
)
_SOCIAL_TITLE_KEYS = ("og:title", "twitter:title")
#: The first few <h1>: one of them is usually the visible headline (others: logo, promo).
_MAX_HEADINGS = 8
_HEADINGS = XPath(f"(//body//h1)[position() <= {_MAX_HEADINGS}]")
#: Elements that may be bylines. Every test needs "uthor" or "yline" in some attribute, so the
#: path starts from the few attributes holding either and tests only their elements.
_BYLINE_CANDIDATES = XPath(
    "//body//*/@*[contains(., 'uthor') or contains(., 'yline')]/parent::*"
    "[@rel='author' or contains(@itemprop, 'uthor') or contains(@class, 'uthor')"
    " or contains(@class, 'yline') or contains(@id, 'uthor')"
    " or contains(@data-component, 'yline')]"
)
#: Byline markers in an element's rel/itemprop/class/id/data-component, most specific first;
#: "author" must be a word of its own ("authority-control" is not a byline).
_BYLINE_MARKERS = (
    re.compile(r"\b(?:rel|itemprop)=author\b|author-?name|authorname|byline", re.IGNORECASE),
    re.compile(r"(?<![a-z])author(?!ity|iz|is)", re.IGNORECASE),
)
_MARKER_ATTRIBUTES = ("rel", "itemprop", "class", "id", "data-component")
#: Bylines inside these are someone else's (commenters, quoted posts, related teasers); only
#: containers below the article's own element count (a page's <body class="sidebar-left">
#: holds everything).
_FOREIGN_CLASS = re.compile(r"comment|sidebar|related", re.IGNORECASE)
_FOREIGN_TAGS = frozenset({"footer", "figure", "blockquote"})
_ARTICLE_TAGS = frozenset({"article", "main", "body"})
#: A URL in an author field ("Bradley M. Kuhn (http://ebb.org/bkuhn/)").
_URL_IN_NAME = re.compile(r"\(?\s*https?://\S+?\s*\)?(?=\s|$)")
#: Text nodes of a byline, lines kept apart (<br> and blocks separate credits).
_BYLINE_TEXT = XPath(".//text()[not(ancestor::time) and not(ancestor::script)]")
_BYLINE_MAX_CHARS = 160
_LANG_CODE = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
_HOST_NAME = re.compile(r"^https?://(?:www\d?\.)?([^/:?#]+)", re.IGNORECASE)
#: A site name with a domain in <title> ("Salon.com"): after the last separator.
_TITLE_SITE = re.compile(r"\s(?:\||-|–|—|·)\s+([^\s|]+\.[a-z]{2,})\s*$", re.IGNORECASE)


def language_hint(tree: HtmlElement) -> str | None:
    """Return the ISO 639-1 code the page declares (<html lang>, og:locale, meta tags), if any."""
    for xpath in _LANG_XPATHS:
        for value in tree.xpath(xpath):
            match = _LANG_CODE.match(str(value))
            if match:
                return match.group(1).lower()
    return None


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """The first non-empty content of every meta name/property, keys lower-cased."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):  # (a tag walk in C: faster than the XPath "//meta")
        content = _clean(element.get("content"))
        if not content:
            continue
        for attribute in _META_KEYS:
            key = element.get(attribute)
            if key:
                tags.setdefault(key.strip().lower(), content)
    return tags


def _markers(element: HtmlElement) -> str:
    values = ((name, element.get(name)) for name in _MARKER_ATTRIBUTES)
    return " ".join(f"{name}={value}" for name, value in values if value)


def _bylines(tree: HtmlElement) -> list[HtmlElement]:
    """Byline candidates, most specific marker first, then in page order."""
    tiers: list[list[HtmlElement]] = [[] for _ in _BYLINE_MARKERS]
    for element in _BYLINE_CANDIDATES(tree):
        markers = _markers(element)
        for tier, pattern in zip(tiers, _BYLINE_MARKERS, strict=True):
            if pattern.search(markers):
                tier.append(element)
                break
    return [element for tier in tiers for element in tier]


def _is_foreign(element: HtmlElement) -> bool:
    """Whether a byline sits in a comment, a related-links block, a caption or a sidebar."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _ARTICLE_TAGS:
            return False
        if (
            ancestor.tag in _FOREIGN_TAGS
            or ancestor.tag == "aside"
            and not any(a.tag == "article" for a in ancestor.iterancestors())
        ):
            return True
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if _FOREIGN_CLASS.search(marks):
            return True
    return False


def byline_author(tree: HtmlElement) -> str | None:
    """Return the names in the page's first usable byline element ("A, B"), if any."""
    for element in _bylines(tree):
        if _is_foreign(element):
            continue
        lines = ("".join(_BYLINE_TEXT(element))).strip()
        if 2 < len(lines) <= _BYLINE_MAX_CHARS:
            names = byline_names(lines)
            if names:
                return ", ".join(names)
    return None


def _declared_author(tags: dict[str, str], json_ld_authors: tuple[str, ...]) -> str | None:
    """The author a meta tag or JSON-LD declares (a URL or a handle is no name)."""
    declared = [_URL_IN_NAME.sub("", name).strip() for name in json_ld_authors]
    if declared:
        names = [n for name in declared for n in byline_names(name, declared=True)]
        if names:
            return ", ".join(dict.fromkeys(names))
    for key in _AUTHOR_KEYS:
        value = _URL_IN_NAME.sub("", tags.get(key) or "").strip()
        if value and not value.startswith("@"):
            author = normalise_byline(value, declared=True)
            if author:
                return author
    return None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(html.unescape(value).split())
    return value or None


def _site_from_url(url: str | None) -> str | None:
    match = _HOST_NAME.match(url or "")
    return match.group(1).lower() if match else None


def _element_text(element: HtmlElement) -> str | None:
    return _clean(element.text_content())


def _headings(tree: HtmlElement) -> list[HtmlElement]:
    """`_HEADINGS`; below the parser's one <body> by a tag walk that stops at the 8th."""
    body = only_body(tree)
    if body is None:
        return list(_HEADINGS(tree))
    return list(itertools.islice(body.iter("h1"), _MAX_HEADINGS))


def heading_texts(tree: HtmlElement) -> tuple[str, ...]:
    """The texts of the page's first <h1> elements (the visible headline is usually one)."""
    return tuple(text for e in _headings(tree) if (text := _element_text(e)))


def _title_sources(
    tree: HtmlElement,
    tags: dict[str, str],
    json_ld: JsonLdMeta,
    urls: tuple[str | None, ...],
    headings: tuple[str, ...] | None = None,
) -> TitleSources:
    """Every statement of the headline, the site's name (first of `site_names`), and its
    domain from the first of `urls` that has one (a canonical link may be relative)."""
    # the first <title> anywhere (the head's, as a rule): a tag walk that stops there
    document = next((_element_text(e) for e in tree.iter("title")), None)
    title_site = _TITLE_SITE.search(document or "")
    site = (
        tags.get("og:site_name")
        or json_ld.publisher
        or (title_site.group(1) if title_site else None)
    )
    return TitleSources(
        json_ld=json_ld.headline,
        social=tuple(dict.fromkeys(v for k in _SOCIAL_TITLE_KEYS if (v := tags.get(k)))),
        document=document,
        headings=heading_texts(tree) if headings is None else headings,
        site_names=tuple(dict.fromkeys(name for name in (site, json_ld.publisher) if name)),
        domain=next((label for u in urls if (label := domain_label(u))), None),
    )


def _canonical_url(tree: HtmlElement, tags: dict[str, str]) -> str | None:
    from trafilatura.metadata import extract_url

    return extract_url(tree, None) or _clean(tags.get("og:url"))


def title_sources(tree: HtmlElement, url: str | None = None) -> TitleSources:
    """What a page states about its headline (for benchmarks that try title rules)."""
    tags = _meta_tags(tree)
    return _title_sources(tree, tags, read_json_ld(tree), (_canonical_url(tree, tags), url))


def read_metadata(
    tree: HtmlElement,
    url: str | None,
    title_rules: TitleRules = DEFAULT_TITLE_RULES,
    headings: tuple[str, ...] | None = None,
) -> ArticleMeta:
    """Read title, author, date, site name, canonical URL and language hint from a tree.

    Meta tags are read in one pass, JSON-LD by our own reader, the date by htmldate; the
    headline is chosen by agreement (`_title.choose_title`), bylines reduced to names.

    Args:
        tree: the parsed page; it is not modified.
        url: the URL the page was fetched from, used when the page declares no canonical URL.
        title_rules: how the headline is chosen.
        headings: `heading_texts(tree)` when the caller has read them already (the <h1>
            walk covers the whole body on most pages).

    Returns:
        The metadata; fields the page does not declare are None.
    """
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    tags = _meta_tags(tree)
    json_ld = read_json_ld(tree)
    canonical = _absolute_http_url(_canonical_url(tree, tags), url)
    sources = _title_sources(tree, tags, json_ld, (canonical, url), headings)
    site = sources.site_names[0] if sources.site_names else None
    title = choose_title(sources, title_rules)
    author = _declared_author(tags, json_ld.authors) or byline_author(tree)
    date_params = set_date_params(extensive=False)
    date_params["url"] = canonical or url
    published = _parse_date(json_ld.published) or _parse_date(find_date(tree, **date_params))
    site = site or _site_from_url(canonical or url)
    return ArticleMeta(
        title=_clean(title),
        author=_clean(author),
        published=published,
        publication=_clean(site.lstrip("@")) if site else None,
        url=canonical or url,
        language_hint=language_hint(tree),
        image_url=_image_url(_declared_image(tags), canonical or url),
    )


#: Meta tags that name the page's preview picture, most common first.
_IMAGE_KEYS = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
)


def _declared_image(tags: dict[str, str]) -> str | None:
    return next((tags[k] for k in _IMAGE_KEYS if tags.get(k)), None)


def _image_url(image: str | None, base: str | None) -> str | None:
    """The declared preview picture as an absolute http(s) URL, or None."""
    return _absolute_http_url(image, base)


def _absolute_http_url(declared: str | None, base: str | None) -> str | None:
    """`declared` resolved against the page's own URL (pages declare relative canonical
    links and og:url too); None unless that gives an absolute http(s) URL the reply can link."""
    if not declared:
        return None
    absolute = urljoin(base or "", declared.strip())
    return absolute if re.match(r"^https?://[^\s]+$", absolute, re.IGNORECASE) else None
