"""Link keys and byline candidates: the batched/pre-filtered forms match the plain definitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import fromstring

from summaries.extract._links import link_keys
from summaries.extract._meta import _BYLINE_CANDIDATES, byline_author
from summaries.extract._text import text_key

_PAGE = """<html><head><title>t</title></head><body class="author-page">
<nav><a href="/a">Home</a><a href="/b">World news today\nand more</a></nav>
<p>Intro <a href="/c">STRASSE Ärger — über Σίσυφος</a> text.</p>
<div class="post"><span rel="author">Wrong Candidate Tier</span>
<div class="byline" data-component="x"><a href="/d">Anna Maria Berg</a></div></div>
<aside><p itemprop="author">Sidebar Person</p></aside>
<footer id="authorbox"><a href="/e">Footer   Link\tText!</a></footer>
</body></html>"""


def _plain_keys(html: str) -> frozenset[str]:
    tree = fromstring(html)
    keys = (text_key(a.text_content()) for a in tree.iter("a"))
    return frozenset(k for k in keys if len(k) >= 8)


def test_link_keys_are_the_text_keys_of_each_link() -> None:
    tree = fromstring(_PAGE)
    assert link_keys(tree) == _plain_keys(_PAGE)
    assert "world news today and more" in link_keys(tree)
    assert "home" not in link_keys(tree)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="aZß İΣσς’'-_\n\t .,1日カ", max_size=20), max_size=6))
def test_link_keys_never_merge_or_split_links(texts: list[str]) -> None:
    anchors = "".join(f"<a href='/x'>{t.replace('<', '').replace('&', '')}</a>" for t in texts)
    html = f"<html><body><p>x</p>{anchors}</body></html>"
    assert link_keys(fromstring(html)) == _plain_keys(html)


def test_byline_candidates_are_marked_descendants_of_body_in_page_order() -> None:
    tree = fromstring(_PAGE)
    got = [
        el.get("class") or el.get("rel") or el.get("itemprop") or el.get("id")
        for el in _BYLINE_CANDIDATES(tree)
    ]
    # the body itself carries "author" but is not a candidate
    assert got == ["author", "byline", "author", "authorbox"]


def test_byline_author_skips_foreign_bylines() -> None:
    # the first usable one in page order of the most specific tier; the aside's is foreign
    assert byline_author(fromstring(_PAGE)) == "Wrong Candidate Tier"
