"""One parse of a page for every reader, and the inert elements dropped before extraction."""

# lxml.html's own parser picks each element's class in a Python callback (one call per element
# every time a pass walks or copies the tree); a default-class lookup does the same in C. The
# page is parsed once: metadata and links read the full tree, then script, style and the like
# (which every trafilatura pass deletes anyway) go, so its copies and XPath scans are smaller.

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from summaries.errors import NoArticleFound

if TYPE_CHECKING:
    from lxml.etree import HTMLParser
    from lxml.html import HtmlElement

#: Elements with no text any extractor reads: trafilatura deletes them in every pass and its
#: page-length measure ignores them. JSON-LD scripts stay (forum and article-body checks).
INERT_TAGS = ("script", "style", "svg", "link", "meta")
_JSON_LD = "application/ld+json"
#: Characters libxml2 rejects (as trafilatura's loader removes them).
_INVALID_CHARS = (
    *map(chr, (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))),
    "\ufffe",
    "\uffff",
)


@functools.cache
def _parser() -> HTMLParser:
    """trafilatura's parser settings, with HtmlElement chosen in C for every node."""
    from lxml import etree
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

    parser = etree.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    lookup = etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    parser.set_element_class_lookup(lookup)
    return parser


def _from_bytes(html: str) -> HtmlElement | None:
    from lxml.html import fromstring

    try:
        tree: HtmlElement = fromstring(html.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:  # noqa: BLE001 - any lxml failure here means "not readable HTML"
        return None
    return tree


def _repair(html: str, beginning: str, repair: Callable[[str, str], str]) -> str:
    """`repair` (trafilatura's) on the whole page only when it holds characters to remove.

    Its other repairs touch the first line and a `<html .../>` in the first four lines or
    4096 characters, so otherwise a prefix holding both gives the same page.
    """
    if any(ch in html for ch in _INVALID_CHARS):  # rare: skip the removal pass otherwise
        return repair(html, beginning)
    end = 0
    for _ in range(4):
        newline = html.find("\n", end)
        if newline < 0:
            return repair(html, beginning)
        end = newline + 1
    cut = max(end, 4096)
    head = html[:cut]
    repaired = repair(head, beginning)
    # most pages need no repair: keep the page as it is instead of copying it into a new string
    return html if repaired == head else repaired + html[cut:]


def _load(html: str) -> HtmlElement | None:
    """trafilatura's `load_html` for text input (same repairs and checks), with our parser."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    html = _repair(html, beginning, repair_faulty_html)
    tree: HtmlElement | None = None
    as_bytes = False
    try:
        tree = fromstring(html, parser=_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, as_bytes = _from_bytes(html), True
    except Exception:  # noqa: BLE001 - lxml's parser errors: bytes are tried next
        tree = None
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _from_bytes(html)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def parse_page(html: str) -> HtmlElement:
    """Parse a page's HTML into a tree (trafilatura's repairs, its parser settings).

    Raises:
        NoArticleFound: the page is empty or not readable HTML.
    """
    if not html or html.isspace():
        raise NoArticleFound("the page is empty")
    tree = _load(html)
    if tree is None:
        raise NoArticleFound("the page is not readable HTML")
    return tree


def only_body(tree: HtmlElement) -> HtmlElement | None:
    """The page's <body> when it has exactly one (the parser's usual tree), else None.

    Below it a tag walk in C finds what an XPath "//body//…" would, without a second walk.
    """
    bodies = list(tree.iter("body"))
    return bodies[0] if len(bodies) == 1 else None


def drop_inert(tree: HtmlElement) -> None:
    """Remove `INERT_TAGS` elements (but JSON-LD) from the tree in place, keeping their tails."""
    for element in list(tree.iter(*INERT_TAGS)):
        if element.tag == "script" and (element.get("type") or "").strip() == _JSON_LD:
            continue
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


#: trafilatura's cleaning deletes these (tails kept) before it reads anything else. The ones kept
#: here it treats on its own terms: <form> may wrap the article, a <figure> may hold a table,
#: <math> leaves its formula, <head> and the inert tags are handled above.
_NOT_PRESTRIPPED = frozenset({"form", "figure", "math", "head", *INERT_TAGS})


@contextlib.contextmanager
def stripped_for_first_pass(tree: HtmlElement) -> Iterator[None]:
    """Remove what trafilatura's precision-fast pass deletes unread (nav, aside, footer, buttons,
    iframes...), and put it back afterwards, for the fallback passes and `continuation`.

    The pass then copies and scans a smaller tree (about a fifth fewer elements on the dev
    pages). Before its cleaning the pass reads the raw tree twice, so elements holding what
    those reads look at stay: a JSON-LD script (the forum check) or an <h1> (the
    infinite-scroll prune keeps containers with one).
    """
    from trafilatura.settings import MANUALLY_CLEANED  # what the installed version deletes

    tags = [tag for tag in MANUALLY_CLEANED if tag not in _NOT_PRESTRIPPED]
    # (lxml keeps one proxy per element while it is referenced: the set finds them by identity)
    kept = {above for element in tree.iter("script", "h1") for above in element.iterancestors()}
    undo: list[tuple[HtmlElement, int, HtmlElement, HtmlElement | None, str | None]] = []
    for element in list(tree.iter(*tags)):
        parent = element.getparent()
        if parent is None or element in kept:
            continue
        # where the tail goes (as trafilatura's delete_element does), and what it held before
        holder = element.getprevious() if element.tail else None
        old = (holder.tail if holder is not None else parent.text) if element.tail else None
        undo.append((parent, parent.index(element), element, holder, old))
        if element.tail:
            if holder is not None:
                holder.tail = (old or "") + element.tail
            else:
                parent.text = (old or "") + element.tail
        parent.remove(element)
    try:
        yield
    finally:
        for parent, index, element, holder, old in reversed(undo):
            if element.tail:
                if holder is not None:
                    holder.tail = old
                else:
                    parent.text = old
            parent.insert(index, element)
