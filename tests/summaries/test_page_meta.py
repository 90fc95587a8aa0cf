"""Page metadata: the headline by agreement, bylines reduced to names, JSON-LD, site names."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from summaries.extract import TitleRules, read_page_metadata
from summaries.extract._byline import normalise_byline
from summaries.extract._jsonld import read_json_ld
from summaries.extract._title import TitleSources, choose_title

URL = "https://news.example.org/2024/05/story.html"


def _page(head: str = "", body: str = "") -> str:
    filler = "<p>" + "The council met on Monday and agreed on the budget. " * 6 + "</p>"
    return f"<html><head>{head}</head><body>{body}<article>{filler}</article></body></html>"


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        # a promo <h1> loses to <title>, the site part of <title> is dropped
        (
            TitleSources(
                document="Dam plan approved after ten-year fight | Valley Post",
                headings=("Take your next trip with us!",),
            ),
            "Dam plan approved after ten-year fight",
        ),
        # a greeting <h1> on a blog: <title> without its last part
        (
            TitleSources(
                document="Covering frontend code with tests today | Code | Jo Doe",
                headings=("Hi, I'm Jo.",),
            ),
            "Covering frontend code with tests today | Code",
        ),
        # og:title is the site's slogan; <title> and <h1> agree on the article's headline
        (
            TitleSources(
                social=("Valley Post - Latest news and headlines",),
                document="Storm cuts power to 3,000 homes",
                headings=("Storm cuts power to 3,000 homes",),
            ),
            "Storm cuts power to 3,000 homes",
        ),
        # JSON-LD and <title> against og:title and <h1>: a tie goes to JSON-LD
        (
            TitleSources(
                json_ld="How to watch the best films of the year",
                social=("The best films of the year",),
                document="How to watch the best films of the year - Vox",
                headings=("The best films of the year",),
            ),
            "How to watch the best films of the year",
        ),
        # a short <title> keeps its last part: that part was half the headline
        (TitleSources(document="Daring Fireball: Colophon"), "Daring Fireball: Colophon"),
        (
            TitleSources(document="Google - Site Reliability Engineering"),
            "Google - Site Reliability Engineering",
        ),
        # a site name is never the headline, even when JSON-LD calls the article by it
        (
            TitleSources(
                json_ld="Valley Post",
                social=("Dam plan approved | Valley Post", "Dam plan approved"),
                headings=("Dam plan approved",),
                site_names=("Valley Post",),
            ),
            "Dam plan approved",
        ),
        # a breadcrumb <title> ("Site - Section - Headline") and the <h1> agree on its last part
        (
            TitleSources(
                document="Bundespolizei - Aktuelles - Illegale Einreisen im Oktober gestiegen",
                headings=("Illegale Einreisen im Oktober gestiegen",),
            ),
            "Illegale Einreisen im Oktober gestiegen",
        ),
        # ... but alone, the last part of a <title> is no headline
        (
            TitleSources(document="Dam plan approved - Politics - Valley Post"),
            "Dam plan approved - Politics",
        ),
        (TitleSources(), None),
    ],
)
def test_choose_title(sources: TitleSources, expected: str | None) -> None:
    assert choose_title(sources) == expected


def test_declared_site_suffix_is_kept_unless_the_rule_is_on() -> None:
    sources = TitleSources(
        social=("Getting lean with ad UX | IAB",),
        document="Getting lean with ad UX | IAB",
        headings=("Getting lean with ad UX",),
        site_names=("IAB",),
    )
    assert choose_title(sources) == "Getting lean with ad UX | IAB"
    stripping = TitleRules(strip_declared_site=True)
    assert choose_title(sources, stripping) == "Getting lean with ad UX"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Anna Berg and Tom Lee | 3 Jan 2024", "Anna Berg, Tom Lee"),
        ("By\n\t\tScott Cunningham", "Scott Cunningham"),
        ("Written by Rob Ewaschuk\n   Edited by Betsy Beyer", "Rob Ewaschuk"),
        ("Nicolas Perriault —", "Nicolas Perriault"),
        ("Von Max Mustermann und Erika Muster, 12.03.2024", "Max Mustermann, Erika Muster"),
        ("Anna Berg, Tom Lee & Kim Park", "Anna Berg, Tom Lee, Kim Park"),
        ("Updated 3 hours ago", None),
        ("view all posts", None),
        ("", None),
    ],
)
def test_normalise_byline(byline: str, expected: str | None) -> None:
    assert normalise_byline(byline) == expected


def test_declared_authors_may_be_organisations_or_unspaced_names() -> None:
    assert normalise_byline("Contributors to Wikimedia projects", declared=True) == (
        "Contributors to Wikimedia projects"
    )
    assert normalise_byline("肖春芳", declared=True) == "肖春芳"


def test_json_ld_article_graph_and_cdata_wrapper() -> None:
    block = """<![CDATA[{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Valley Post"},
      {"@type": ["NewsArticle"], "headline": "Dam plan approved",
       "author": [{"@type": "Person", "name": "Anna Berg"}, "https://x.example/tom"],
       "datePublished": "2024-05-02T08:00:00Z"}]}]]>"""
    tree = fromstring(_page(f'<script type="application/ld+json">{block}</script>'))
    meta = read_json_ld(tree)
    assert meta.headline == "Dam plan approved"
    assert meta.authors == ("Anna Berg",)
    assert meta.published == "2024-05-02T08:00:00Z"
    assert meta.publisher == "Valley Post"


def test_malformed_json_ld_is_ignored() -> None:
    tree = fromstring(_page('<script type="application/ld+json">{"@type": "NewsArt</script>'))
    assert read_json_ld(tree).headline is None


def test_read_page_metadata_end_to_end() -> None:
    head = (
        "<title>Dam plan approved after ten-year fight - Valley Post</title>"
        '<meta property="og:site_name" content="Valley Post">'
        '<meta name="author" content="Anna Berg (https://valley.example/anna)">'
    )
    body = (
        "<header><h1>Valley Post</h1></header><h1>Dam plan approved after ten-year fight</h1>"
        '<div class="authority-control">Authority control</div>'
    )
    meta = read_page_metadata(_page(head, body), URL)
    assert meta.title == "Dam plan approved after ten-year fight"
    assert meta.author == "Anna Berg"
    assert meta.publication == "Valley Post"


def test_byline_in_article_aside_counts_and_authority_is_no_author() -> None:
    body = (
        '<div class="authority-control">Authority Control Box</div>'
        '<article><aside><span class="article-author">Jo Doe —</span></aside></article>'
    )
    meta = read_page_metadata(_page("<title>A long enough page title here</title>", body), URL)
    assert meta.author == "Jo Doe"


def test_body_sidebar_class_does_not_make_every_byline_foreign() -> None:
    html = (
        '<html><head><title>x</title></head><body class="single sidebar-primary"><article>'
        '<div class="article__author">By Scott Cunningham</div><p>text</p></article></body></html>'
    )
    assert read_page_metadata(html, URL).author == "Scott Cunningham"
