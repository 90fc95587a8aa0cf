"""The Python equivalents of trafilatura's regex XPaths select exactly what the XPaths select."""

from __future__ import annotations

import threading
from copy import deepcopy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement, fromstring
from trafilatura import xpaths
from trafilatura.htmlprocessing import convert_tags
from trafilatura.settings import Extractor

from summaries.extract._selectors import (
    EQUIVALENTS,
    Equivalent,
    _Switch,
    _usable,
    fast_selectors,
    install,
    patterns_of,
    select,
)

_NAMES = [f"{e.table}[{e.index}]" for e in EQUIVALENTS]

#: Words the selectors look for, their near misses, and neutral ones.
_TOKENS = [
    "comment", "Comments", "commentary", "comments-title", "post-comments", "comol",
    "disqus_thread", "reply-box", "a-reply-b", "hidden", "hide-x", "nohide", "akismet",
    "share-bar", "shar", "social", "nav", "Nav", "navbar", "menu", "bottom", "topbottom",
    "link", "links", "border", "caption", "Teaser", "teaser", "article-body", "articleBody",
    "story-body", "story", "content", "main-content", "Main-Content", "page-Content",
    "content-main", "fulltext", "FullText", "post", "entry", "mvp-post-add-box",
    "infinite-scroll", "cookie", "display:none", "display: none", "ad-", "ad", "true", "x",
    "article", "primary", "message", "widget", "MostPopularStories", "elementor-share-buttons",
]  # fmt: skip
_ATTRIBUTES = [
    "id", "class", "style", "role", "aria-hidden", "itemprop", "data-component",
    "data-lp-replacement-content",
]  # fmt: skip
_TAGS = [
    "div", "section", "aside", "span", "p", "ul", "ol", "li", "list", "item", "article",
    "main", "details", "h1", "header", "a", "b",
]  # fmt: skip

_values = st.lists(st.sampled_from(_TOKENS), min_size=0, max_size=3).flatmap(
    lambda words: st.sampled_from([" ", "-", ""]).map(lambda sep: sep.join(words))
)
_attributes = st.lists(
    st.tuples(st.sampled_from(_ATTRIBUTES), _values), max_size=4, unique_by=lambda kv: kv[0]
)


def _element(children: list[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attributes: list[tuple[str, str]], text: str) -> str:
        written = "".join(f' {name}="{value}"' for name, value in attributes)
        return f"<{tag}{written}>{text}{''.join(children)}</{tag}>"

    return st.builds(build, st.sampled_from(_TAGS), _attributes, st.sampled_from(["", "t "]))


_elements = st.recursive(
    _element([]),
    lambda inner: st.lists(inner, min_size=1, max_size=4).flatmap(_element),
    max_leaves=25,
)


def _page(body: list[str]) -> HtmlElement:
    return fromstring(f"<html><body>{''.join(body)}</body></html>")


def _assert_same(tree: HtmlElement) -> None:
    install()
    for equivalent in EQUIVALENTS:
        switch = getattr(xpaths, equivalent.table)[equivalent.index]
        assert isinstance(switch, _Switch)
        expected = switch.xpath(tree)
        got = select(tree, equivalent, switch.patterns)
        assert [id(e) for e in got] == [id(e) for e in expected], equivalent


def test_every_equivalent_matches_the_installed_trafilatura() -> None:
    # a new trafilatura that rewrites a selector shows up here: re-derive that equivalent
    assert install() == tuple(_NAMES)


@settings(max_examples=200, deadline=None)
@given(st.lists(_elements, min_size=1, max_size=4))
def test_same_elements_as_the_xpath_on_any_page(body: list[str]) -> None:
    tree = _page(body)
    _assert_same(tree)
    # as trafilatura's later stages see it: lists, items and headings renamed
    _assert_same(convert_tags(deepcopy(tree), Extractor()))


@pytest.mark.parametrize(
    "html",
    [
        # id and class in either order: XPath's @id|@class is the one written first
        '<div class="reply-x" id="y"></div><div id="reply-x" class="y"></div>'
        '<div id="hidden" style="s"></div><div style="s" id="hidden"></div>',
        # infinite scroll: kept when it holds the page's <h1>, unless it is the mvp box
        '<div class="infinite-scroll"><h1>T</h1></div><div class="infinite-scroll"><p>x</p></div>'
        '<section id="mvp-post-add-wrap"><h1>U</h1></section>',
        # comment lists: ol/ul only by the comment id/class, not by the disqus ids
        '<ul id="disqus_thread"></ul><ol class="comments"></ol><div id="commentary"></div>',
        # the first content area per parent, and the first overall
        '<div><div class="post"></div><div class="entry"></div></div>'
        '<section class="article-body"><div class="FULLTEXT"></div><main id="content"></main>'
        '<div class="Page-Content"></div></section>',
        # attributes present but empty
        '<div id="" class=""><span role="" style="" aria-hidden="">x</span></div>',
    ],
)
def test_same_elements_on_the_edge_cases(html: str) -> None:
    _assert_same(_page([html]))


def _counting(answer: list[str]) -> tuple[_Switch, list[str]]:
    """A switch between a stand-in XPath and an equivalent that say who answered."""
    calls: list[str] = []

    def xpath(tree: HtmlElement) -> list[str]:
        calls.append("xpath")
        return answer

    def test(element: HtmlElement, patterns: object) -> bool:
        calls.append("python")
        return True

    equivalent = Equivalent("T", 0, "", ("p",), test, "first")
    return _Switch(xpath, equivalent, ()), calls


def test_the_equivalent_answers_only_inside_the_block_and_its_thread() -> None:
    tree = _page(["<p>a</p>"])
    switch, calls = _counting([])
    assert switch(tree) == []
    with fast_selectors():
        assert [e.tag for e in switch(tree)] == ["p"]
        other = threading.Thread(target=switch, args=(tree,))
        other.start()
        other.join()
    assert switch(tree) == []
    assert calls == ["xpath", "python", "xpath", "xpath"]


def test_a_changed_xpath_keeps_trafilaturas_own() -> None:
    install()
    equivalent = EQUIVALENTS[0]
    path = getattr(xpaths, equivalent.table)[equivalent.index].path
    assert _usable(path, equivalent) is not None
    assert _usable(path.replace("self::aside", "self::nav"), equivalent) is None
    assert _usable(" \n".join(path.split()), equivalent) is not None  # layout does not count


def test_patterns_are_compiled_as_lxml_does() -> None:
    patterns = patterns_of("re:test(@class, 'a|b') or re:test(@id , 'Full', 'i')")
    assert [p.pattern for p in patterns] == ["a|b", "Full"]
    assert patterns[1].search("FULL")
    assert not patterns[0].search("A")
