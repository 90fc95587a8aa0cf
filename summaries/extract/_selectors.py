"""Python equivalents of trafilatura's regex XPath selectors, used inside our own passes.

trafilatura's prunes and content-area searches test ids and classes with EXSLT `re:test`, which
lxml answers with a Python callback per call: three or four calls for every candidate element
(every element of the page for one of them). These were a quarter of the whole pipeline. A
walk over the same elements with the same compiled patterns selects the same elements, in the
same order, three to four times faster.

Each equivalent is bound to the exact XPath text it was written from (a fingerprint of its
whitespace-normalised `.path`), and takes its regular expressions from that text, so there is
no copy of trafilatura's vocabulary here. When an upgrade changes an expression, its
fingerprint no longer matches and trafilatura's own XPath runs. The equivalents answer only
inside `fast_selectors()` (a context variable, so threads and other callers of trafilatura in
the process see trafilatura unchanged). `benchmarks/selector_equivalence.py` checks every
answer against the XPath on the dev pages.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from lxml.html import HtmlElement

Patterns = tuple[re.Pattern[str], ...]
Test = Callable[["HtmlElement", Patterns], bool]

#: `re:test(ATTRIBUTES, 'PATTERN'[, 'FLAGS'])` in an XPath (its string literals have no escapes).
_RE_TEST = re.compile(r"re:test\(\s*([^,()]+?)\s*,\s*'([^']*)'(?:\s*,\s*'([^']*)')?\s*\)")

_ACTIVE: ContextVar[bool] = ContextVar("summaries_fast_selectors", default=False)
_INSTALL_LOCK = threading.Lock()

_LOWER_CM = str.maketrans("CM", "cm")
_LOWER_CP = str.maketrans("CP", "cp")
_LOWER_T = str.maketrans("T", "t")
_LIST_TAGS = frozenset({"ol", "ul"})


def fingerprint(path: str) -> str:
    """Short hash of an XPath's text with its whitespace runs collapsed."""
    return hashlib.sha256(" ".join(path.split()).encode()).hexdigest()[:16]


def _first(element: HtmlElement, a: str, b: str, va: str | None, vb: str | None) -> str:
    """XPath's string value of `@a|@b`: the attribute written first, "" when neither is."""
    if va is None:
        return vb or ""
    if vb is None:
        return va
    for key in element.keys():  # noqa: SIM118 - attribute order is what counts here
        if key == a:
            return va
        if key == b:
            return vb
    return va  # pragma: no cover - both attributes are among the keys


# Each test below mirrors one predicate; `rx` holds its re:test patterns in the XPath's order.
# None of the patterns matches "" (checked when installing), so an element without the tested
# attributes fails a re:test: the early returns rely on that.


def _raw_tree_prune(el: HtmlElement, rx: Patterns) -> bool:
    """RAW_TREE_PRUNE_XPATH[0]: infinite-scroll containers without the page's <h1>."""
    i, c = el.get("id") or "", el.get("class") or ""
    if not (i or c) or not (rx[0].search(i) or rx[1].search(c)):
        return False
    return (
        next(el.iterdescendants("h1"), None) is None
        or rx[2].search(i) is not None
        or rx[3].search(c) is not None
    )


def _share_buttons(el: HtmlElement, rx: Patterns) -> bool:
    """RAW_TREE_PRUNE_XPATH[1]: Elementor's share buttons."""
    c = el.get("class")
    return c is not None and "elementor-share-buttons" in c


def _comments_and_lists(el: HtmlElement, rx: Patterns) -> bool:
    """REMOVE_COMMENTS_AND_LISTS_XPATH[0]: comment containers, ol/ul comment lists."""
    i, c = el.get("id") or "", el.get("class") or ""
    if not (i or c) or not (rx[0].search(i) or rx[1].search(c)):
        return False
    return el.tag not in _LIST_TAGS or rx[2].search(i) is not None or rx[3].search(c) is not None


def _comments(el: HtmlElement, rx: Patterns) -> bool:
    """REMOVE_COMMENTS_XPATH[0]: comment containers."""
    i, c = el.get("id"), el.get("class")
    return (i is not None and rx[0].search(i) is not None) or (
        c is not None and rx[1].search(c) is not None
    )


def _overall_discard(el: HtmlElement, rx: Patterns) -> bool:
    """OVERALL_DISCARD_XPATH[0]: navigation, sharing, ads, bylines... by id, class and role."""
    get = el.get
    if get("data-lp-replacement-content") is not None:
        return True
    role = get("role")
    if role is not None and "nav" in role.replace("N", "n"):
        return True
    component = get("data-component")
    if component is not None and "MostPopularStories" in component:
        return True
    i, c = get("id"), get("class")
    if i is None and c is None:
        return False
    return (
        rx[0].search(_first(el, "id", "class", i, c)) is not None
        or (i is not None and rx[1].search(i) is not None)
        or (c is not None and rx[2].search(c) is not None)
    )


def _hidden(el: HtmlElement, rx: Patterns) -> bool:
    """OVERALL_DISCARD_XPATH[1]: hidden elements, reply and comment furniture (any element)."""
    get = el.get
    if get("aria-hidden") == "true":
        return True
    i, c, s = get("id"), get("class"), get("style")
    if i is None and c is None and s is None:
        return False
    if c == "comments-title" or _first(el, "id", "class", i, c).startswith("reply-"):
        return True
    if rx[0].search(_first(el, "id", "style", i, s)) is not None:
        return True
    if s is not None and ("display:none" in s or "display: none" in s):
        return True
    return (i is not None and rx[1].search(i) is not None) or (
        c is not None and rx[2].search(c) is not None
    )


def _precision_discard(el: HtmlElement, rx: Patterns) -> bool:
    """PRECISION_DISCARD_XPATH[1]: "bottom" and "link" tokens, bordered boxes."""
    i, c, s = el.get("id"), el.get("class"), el.get("style")
    if s is not None and "border" in s:
        return True
    if i is None and c is None:
        return False
    value = _first(el, "id", "class", i, c)
    return rx[0].search(value) is not None or rx[1].search(value) is not None


def _caption(el: HtmlElement, rx: Patterns) -> bool:
    """DISCARD_IMAGE_ELEMENTS[0]: caption containers."""
    i, c = el.get("id"), el.get("class")
    return (i is not None and "caption" in i) or (c is not None and "caption" in c)


def _teaser(el: HtmlElement, rx: Patterns) -> bool:
    """TEASER_DISCARD_XPATH[0]: teaser blocks (T or t)."""
    i, c = el.get("id"), el.get("class")
    return (i is not None and "teaser" in i.translate(_LOWER_T)) or (
        c is not None and "teaser" in c.translate(_LOWER_T)
    )


def _article_body(el: HtmlElement, rx: Patterns) -> bool:
    """BODY_XPATH[0]: article-body containers."""
    i, c = el.get("id"), el.get("class")
    if c in ("post", "entry") or i == "articleContent" or el.get("itemprop") == "articleBody":
        return True
    return (i is not None and rx[0].search(i) is not None) or (
        c is not None and rx[1].search(c) is not None
    )


def _story_body(el: HtmlElement, rx: Patterns) -> bool:
    """BODY_XPATH[2]: story containers."""
    i, c = el.get("id"), el.get("class")
    if i in ("article", "story") or el.get("role") == "article":
        return True
    if c in ("postarea", "art-postcontent", "text", "cell", "story"):
        return True
    return (i is not None and rx[0].search(i) is not None) or (
        c is not None and (rx[1].search(c) is not None or rx[2].search(c) is not None)
    )


def _main_content(el: HtmlElement, rx: Patterns) -> bool:
    """BODY_XPATH[3]: main-content containers."""
    i, c = el.get("id"), el.get("class")
    if i is not None and (
        i == "content" or rx[0].search(i) is not None or "main-content" in i.translate(_LOWER_CM)
    ):
        return True
    return c is not None and (
        c == "content"
        or rx[1].search(c) is not None
        or "main-content" in c.translate(_LOWER_CM)
        or "page-content" in c.translate(_LOWER_CP)
    )


#: How the XPath's answer is formed from the elements that pass the test, in document order.
Take = Literal["all", "first_per_parent", "first"]

_BLOCKS = ("div", "item", "list", "p", "section", "span")
_CONTENT_AREAS = ("article", "div", "main", "section")


@dataclass(frozen=True, slots=True)
class Equivalent:
    """One XPath of a list in `trafilatura.xpaths`, and its Python equivalent.

    `tags` are the element names of its `self::` test (empty: every element); `take` is
    "all" for `.//*[...]`, "first_per_parent" for `.//*[...][1]` and "first" for
    `(.//*[...])[1]`.
    """

    table: str
    index: int
    fingerprint: str
    tags: tuple[str, ...]
    test: Test
    take: Take = "all"


EQUIVALENTS: tuple[Equivalent, ...] = (
    Equivalent(
        "RAW_TREE_PRUNE_XPATH", 0, "77023cff86242dc8", ("div", "section", "aside"), _raw_tree_prune
    ),
    Equivalent(
        "RAW_TREE_PRUNE_XPATH", 1, "3c7afe92279543d5", ("div", "section", "aside"), _share_buttons
    ),
    Equivalent(
        "REMOVE_COMMENTS_AND_LISTS_XPATH",
        0,
        "ec1083e558ae70c0",
        ("div", "list", "section", "details", "ol", "ul"),
        _comments_and_lists,
    ),
    Equivalent(
        "REMOVE_COMMENTS_XPATH",
        0,
        "853775ab53d61b26",
        ("div", "list", "section", "details"),
        _comments,
    ),
    Equivalent("OVERALL_DISCARD_XPATH", 0, "d9e4b7d7125b4838", _BLOCKS, _overall_discard),
    Equivalent("OVERALL_DISCARD_XPATH", 1, "9abb7217d588fd5a", (), _hidden),
    Equivalent("PRECISION_DISCARD_XPATH", 1, "e73d179956bb857e", _BLOCKS, _precision_discard),
    Equivalent("DISCARD_IMAGE_ELEMENTS", 0, "271b5ef29bbc5bf0", _BLOCKS, _caption),
    Equivalent("TEASER_DISCARD_XPATH", 0, "50f9c0568a62e759", _BLOCKS, _teaser),
    Equivalent(
        "BODY_XPATH", 0, "8cab6e6e5b503a8d", _CONTENT_AREAS, _article_body, "first_per_parent"
    ),
    Equivalent("BODY_XPATH", 2, "3ac5a80dac974e64", _CONTENT_AREAS, _story_body, "first"),
    Equivalent("BODY_XPATH", 3, "a3befe41db4d28b9", _CONTENT_AREAS, _main_content, "first"),
)


def patterns_of(path: str) -> Patterns:
    """The re:test patterns of an XPath, compiled as lxml's EXSLT module compiles them."""
    return tuple(
        re.compile(pattern, re.IGNORECASE if flags and "i" in flags else 0)
        for _, pattern, flags in _RE_TEST.findall(path)
    )


def select(tree: HtmlElement, equivalent: Equivalent, patterns: Patterns) -> list[HtmlElement]:
    """The elements below `tree` that the equivalent's XPath selects, in document order."""
    test = equivalent.test
    # .//* never selects the context element itself; "*" walks elements only
    elements = tree.iterdescendants(*(equivalent.tags or ("*",)))
    if equivalent.take == "first":
        return next(([el] for el in elements if test(el, patterns)), [])
    if equivalent.take == "all":
        return [el for el in elements if test(el, patterns)]
    chosen: list[HtmlElement] = []
    parents: set[HtmlElement] = set()  # (the set keeps each parent's proxy, so identity holds)
    for el in elements:
        if test(el, patterns):
            parent = el.getparent()
            if parent not in parents:
                parents.add(parent)
                chosen.append(el)
    return chosen


class _Switch:
    """Stands in a trafilatura XPath list: the equivalent inside `fast_selectors()`, else the
    XPath itself."""

    __slots__ = ("equivalent", "patterns", "xpath")

    def __init__(self, xpath: Any, equivalent: Equivalent, patterns: Patterns) -> None:
        self.xpath = xpath
        self.equivalent = equivalent
        self.patterns = patterns

    @property
    def path(self) -> str:
        return str(self.xpath.path)

    def __str__(self) -> str:  # trafilatura logs str(expression)
        return str(self.xpath)

    def __call__(self, tree: Any, *args: Any, **kwargs: Any) -> Any:
        if _ACTIVE.get() and not args and not kwargs and hasattr(tree, "iterdescendants"):
            return select(tree, self.equivalent, self.patterns)
        return self.xpath(tree, *args, **kwargs)


def _usable(path: str, equivalent: Equivalent) -> Patterns | None:
    """The XPath's patterns when the equivalent was written from exactly this text."""
    if fingerprint(path) != equivalent.fingerprint:
        return None
    patterns = patterns_of(path)
    if any(p.search("") for p in patterns):  # the tests' early returns would be wrong
        return None
    return patterns


@functools.cache
def install() -> tuple[str, ...]:
    """Put the switches into trafilatura's XPath lists (once); return what was replaced."""
    from trafilatura import xpaths

    installed: list[str] = []
    with _INSTALL_LOCK:
        for equivalent in EQUIVALENTS:
            table = getattr(xpaths, equivalent.table, None)
            if not isinstance(table, list) or equivalent.index >= len(table):
                continue
            xpath = table[equivalent.index]
            if isinstance(xpath, _Switch):
                installed.append(f"{equivalent.table}[{equivalent.index}]")
                continue
            patterns = _usable(str(getattr(xpath, "path", "")), equivalent)
            if patterns is not None:
                table[equivalent.index] = _Switch(xpath, equivalent, patterns)
                installed.append(f"{equivalent.table}[{equivalent.index}]")
    return tuple(installed)


@contextlib.contextmanager
def fast_selectors() -> Iterator[None]:
    """Within the block, trafilatura's replaced selectors run as their Python equivalents."""
    install()
    token = _ACTIVE.set(True)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
