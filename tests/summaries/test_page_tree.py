"""The shared page tree: same parse as trafilatura's loader, inert elements dropped safely."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from summaries.errors import NoArticleFound
from summaries.extract._tree import drop_inert, parse_page, stripped_for_first_pass

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>T</title><meta name="author" content="A">
<link rel="stylesheet" href="/s.css"><style>p {color: red}</style>
<script type="application/ld+json">{"@type": "NewsArticle"}</script>
<script>var x = "<p>not text</p>";</script></head>
<body><p>First <script>track()</script>tail stays. <svg><path d="M0"/></svg>after svg</p>
<div><style>.x{}</style>div tail</div></body></html>"""

#: Pages whose repairs trafilatura's loader makes: a self-closing <html/>, a doctype with a
#: slash, control characters; and pages it takes as they are.
_PAGES = [
    _PAGE,
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x/y.dtd">\n<html><body><p>a</p>'
    "</body></html>",
    '<html xmlns="http://www.w3.org/1999/xhtml"/>\n<head></head>\n<body><p>b</p></body>\n</html>',
    "<html><body><p>c\x00d\x0be</p>\n\n\n\n<p>\ufffff</p></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>g</p></body></html>',
    "<p>only a fragment</p>",
    "<html>\n<body>\n<p>h</p>\n</body>\n</html>\n" + "<p>more</p>\n" * 2000,
]


def _same(a: HtmlElement | None, b: HtmlElement | None) -> bool:
    if a is None or b is None:
        return a is b
    return bool(etree.tostring(a) == etree.tostring(b))


@pytest.mark.parametrize("html", _PAGES)
def test_parse_matches_trafilaturas_loader(html: str) -> None:
    expected = load_html(html)
    if expected is None:
        with pytest.raises(NoArticleFound):
            parse_page(html)
    else:
        tree = parse_page(html)
        assert _same(tree, expected)
        assert all(isinstance(e, HtmlElement) for e in tree.iter(tag=etree.Element))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="<>/!\n x\x01\x0chtmlDOCTYPEpbody\ufffe", max_size=80))
def test_parse_matches_the_loader_on_any_text(html: str) -> None:
    try:
        expected = load_html(html)
    except (ValueError, TypeError):
        return
    if not html.strip():
        return
    try:
        tree = parse_page(html)
    except NoArticleFound:
        assert expected is None
        return
    assert _same(tree, expected)


@pytest.mark.parametrize("html", ["", "  \n ", "\x00\x00"])
def test_empty_or_unreadable_pages_raise(html: str) -> None:
    with pytest.raises(NoArticleFound):
        parse_page(html)


def test_drop_inert_keeps_text_tails_and_json_ld() -> None:
    tree = parse_page(_PAGE)
    drop_inert(tree)
    kinds = {e.tag for e in tree.iter(tag=etree.Element)}
    assert not kinds & {"style", "svg", "link", "meta", "path"}
    scripts = tree.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    body = tree.find("body")
    assert body is not None
    assert " ".join(body.text_content().split()) == "First tail stays. after svg div tail"
    assert tree.findtext(".//title") == "T"


_CHROME_PAGE = """<html><body>
<nav><a href="/">Home</a></nav>after nav
<div><p>Body text.</p><button>Share</button>after button<aside>Related</aside></div>
<aside><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script></aside>
<footer><h1>Headline in a footer</h1></footer>
<footer>Copyright</footer>last tail
</body></html>"""


def test_first_pass_strip_removes_chrome_keeping_tails_and_puts_it_back() -> None:
    tree = parse_page(_CHROME_PAGE)
    before = etree.tostring(tree)
    with stripped_for_first_pass(tree):
        body = tree.find("body")
        assert body is not None
        assert " ".join(body.text_content().split()) == (
            "after nav Body text.after button "
            '{"@type": "DiscussionForumPosting"} Headline in a footer last tail'
        )
        # what trafilatura reads before its cleaning stays: a JSON-LD script, an <h1>
        assert [e.tag for e in body] == ["div", "aside", "footer"]
    assert etree.tostring(tree) == before
