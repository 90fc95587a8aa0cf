"""What a page's JSON-LD blocks say about its article: headline, authors, date, publisher."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

_JSON_LD = XPath("//script[@type='application/ld+json']/text()")
#: schema.org types that describe the page's article (NewsArticle, BlogPosting, ReportageNews, …).
_ARTICLE_TYPE = re.compile(r"Article|Posting|Report|NewsArticle|Review", re.IGNORECASE)
#: Types whose `name` is the publisher's, not the article's.
_PUBLISHER_TYPE = re.compile(r"Organization|WebSite|NewsMedia|Corporation", re.IGNORECASE)
#: Blocks wrapped in CDATA markers or HTML comments by templating systems.
_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
#: A pathological page may nest objects deeply; deeper levels are never article metadata.
_MAX_DEPTH = 6


@dataclass(frozen=True, slots=True)
class JsonLdMeta:
    """The article object's fields (any may be missing) and the publisher's name."""

    headline: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    publisher: str | None = None
    language: str | None = None


def _objects(value: object, depth: int = 0) -> Iterator[dict[str, object]]:
    """Every JSON object in a block, the block's top-level ones and @graph members first."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _objects(graph, depth + 1)


def _types(obj: dict[str, object]) -> str:
    kind = obj.get("@type")
    if isinstance(kind, list):
        return " ".join(str(k) for k in kind)
    return str(kind or "")


def _text(value: object) -> str | None:
    if isinstance(value, str):
        # CMSs write HTML entities into JSON strings ("&#8222;Zitat&#8220;"); compared with
        # the meta tags (unescaped by the parser), they must be text too
        text = " ".join(html.unescape(value).split())
        return text or None
    return None


def _names(value: object) -> tuple[str, ...]:
    """Author names from a string, an object with `name`, or a list of either."""
    if isinstance(value, list):
        return tuple(name for item in value for name in _names(item))
    if isinstance(value, dict):
        name = _text(value.get("name"))
        return (name,) if name else ()
    name = _text(value)
    return (name,) if name and not name.startswith(("http://", "https://")) else ()


def _load(block: str) -> object:
    try:
        return json.loads(_WRAPPER.sub("", block), strict=False)
    except (json.JSONDecodeError, RecursionError):
        return None


def read_json_ld(tree: HtmlElement) -> JsonLdMeta:
    """Read the first article object of the page's JSON-LD blocks, and a publisher name.

    Malformed blocks are skipped: metadata is a hint, never a reason to lose the article.
    """
    article: dict[str, object] | None = None
    publisher: str | None = None
    for block in _JSON_LD(tree):
        for obj in _objects(_load(block)):
            kind = _types(obj)
            if article is None and _ARTICLE_TYPE.search(kind):
                article = obj
            elif publisher is None and _PUBLISHER_TYPE.search(kind):
                publisher = _text(obj.get("name"))
    if article is None:
        return JsonLdMeta(publisher=publisher)
    own_publisher = article.get("publisher")
    if isinstance(own_publisher, dict) and _text(own_publisher.get("name")):
        publisher = _text(own_publisher.get("name"))
    headline = _text(article.get("headline")) or _text(article.get("name"))
    published = _text(article.get("datePublished")) or _text(article.get("dateCreated"))
    return JsonLdMeta(
        headline=headline if headline != publisher else None,
        authors=_names(article.get("author")) or _names(article.get("creator")),
        published=published,
        publisher=publisher,
        language=_text(article.get("inLanguage")),
    )
