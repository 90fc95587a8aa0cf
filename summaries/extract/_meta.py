"""Page metadata (title, author, date, site, canonical URL, language) from a parsed HTML tree."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from urllib.parse import urljoin

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.json_metadata import extract_json, normalize_authors
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, set_date_params

from summaries.extract._rules import BYLINE_NOISE
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
#: Elements that may be bylines; one native XPath with plain contains() (trafilatura's author
#: search runs regex XPaths on a pruned deep copy and costs more than the body extraction).
#: Every test needs "uthor" or "yline" in some attribute, so the path starts from the few
#: attributes holding either and tests only their elements (same nodes, in page order, at
#: about half the cost of testing every element).
_BYLINE_CANDIDATES = XPath(
    "//body//*/@*[contains(., 'uthor') or contains(., 'yline')]/parent::*"
    "[@rel='author' or contains(@itemprop, 'uthor') or contains(@class, 'uthor')"
    " or contains(@class, 'yline') or contains(@id, 'uthor')"
    " or contains(@data-component, 'yline')]"
)
#: Byline markers in an element's rel/itemprop/class/id/data-component, most specific first.
_BYLINE_MARKERS = (
    re.compile(r"\b(?:rel|itemprop)=author\b|author-?name|authorname|byline", re.IGNORECASE),
    re.compile(r"author", re.IGNORECASE),
)
_MARKER_ATTRIBUTES = ("rel", "itemprop", "class", "id", "data-component")
#: Bylines inside these are someone else's (commenters, quoted posts, related teasers).
_FOREIGN_BYLINE = XPath(
    "ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')"
    " or contains(@class, 'sidebar') or contains(@class, 'related') or self::aside"
    " or self::footer or self::figure or self::blockquote]"
)
#: Only JSON-LD: trafilatura also reads "settings+json" blobs (often huge, never metadata) and
#: minifies and unescapes the whole text character by character before parsing it.
_JSON_LD = XPath("//script[@type='application/ld+json']/text()")
_BYLINE_TEXT = XPath(".//text()[not(ancestor::time) and not(ancestor::script)]")
_BYLINE_MAX_CHARS = 100
_LANG_CODE = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
_HOST_NAME = re.compile(r"^https?://(?:www\d?\.)?([^/:?#]+)", re.IGNORECASE)


def language_hint(tree: HtmlElement) -> str | None:
    """Return the ISO 639-1 code the page declares (<html lang>, og:locale, meta tags), if any."""
    for xpath in _LANG_XPATHS:
        for value in tree.xpath(xpath):
            match = _LANG_CODE.match(str(value))
            if match:
                return match.group(1).lower()
    return None


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


def byline_author(tree: HtmlElement) -> str | None:
    """Return the author named in the page's first usable byline element, if any."""
    for element in _bylines(tree):
        if _FOREIGN_BYLINE(element):
            continue
        text = " ".join(" ".join(_BYLINE_TEXT(element)).split())
        if 2 < len(text) <= _BYLINE_MAX_CHARS:
            author = _clean_author(normalize_authors(None, text))
            if author:
                return author
    return None


def _clean_author(author: str | None) -> str | None:
    """Drop the dates and roles a byline carries, and names that are not two to four words."""
    if not author:
        return None
    names: list[str] = []
    for name in author.split("; "):
        name = BYLINE_NOISE.sub("", f" {name}").strip()
        if 2 <= len(name.split()) <= 4:
            names.append(name)
    return "; ".join(names) or None


def _read_json_ld(tree: HtmlElement, meta: Document) -> Document:
    """Overlay JSON-LD metadata; malformed blocks go through trafilatura's tolerant reader."""
    for text in _JSON_LD(tree):
        try:
            meta = extract_json(json.loads(text, strict=False), meta)
        except json.JSONDecodeError:
            return extract_meta_json(tree, meta)
        except (AttributeError, TypeError, ValueError) as err:
            _LOG.debug("JSON-LD metadata unusable: %s", err)
    return meta


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


def read_metadata(tree: HtmlElement, url: str | None) -> ArticleMeta:
    """Read title, author, date, site name, canonical URL and language hint from a tree.

    Uses trafilatura's meta-tag, OpenGraph and JSON-LD readers plus htmldate, but skips the
    parts the bot never shows (categories, tags, licence), which cost as much as the rest.

    Args:
        tree: the parsed page; it is not modified.
        url: the URL the page was fetched from, used when the page declares no canonical URL.

    Returns:
        The metadata; fields the page does not declare are None.
    """
    meta = examine_meta(tree)
    try:
        meta = _read_json_ld(tree, meta)
    except Exception as err:  # noqa: BLE001 - malformed JSON-LD must not cost the article
        _LOG.debug("JSON-LD metadata unreadable: %s", err)
    if meta.author and " " not in meta.author:
        meta.author = None  # single tokens are usually handles or site names
    title = meta.title or extract_title(tree)
    author = meta.author or byline_author(tree)
    canonical = meta.url or extract_url(tree, None)
    date_params = set_date_params(extensive=False)
    date_params["url"] = canonical or url
    published = _parse_date(find_date(tree, **date_params))
    site = meta.sitename or extract_sitename(tree) or _site_from_url(canonical or url)
    if site:
        site = site.lstrip("@")
    return ArticleMeta(
        title=_clean(title),
        author=_clean(author),
        published=published,
        publication=_clean(site),
        url=canonical or url,
        language_hint=language_hint(tree),
        image_url=_image_url(meta.image, canonical or url),
    )


def _image_url(image: str | None, base: str | None) -> str | None:
    """The declared preview picture as an absolute http(s) URL, or None."""
    if not image:
        return None
    absolute = urljoin(base or "", image.strip())
    return absolute if re.match(r"^https?://[^\s]+$", absolute, re.IGNORECASE) else None
