"""Title rules that use evidence beyond the page's statements: its domain, kickers, a leading
site name, and JSON-LD written with HTML entities."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from summaries.extract import TitleRules, read_page_metadata
from summaries.extract._domain import domain_label, names_domain
from summaries.extract._jsonld import read_json_ld
from summaries.extract._title import TitleSources, _without_domain, choose_title

BODY = (
    "<article><p>" + "The council met on Monday and agreed on the budget. " * 6 + "</p></article>"
)


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.valleytimes.co.uk/news/1", "valleytimes"),
        ("https://blog.nightly.example.org/2020/12/post", "example"),
        ("http://fish-news.ch/de/pike", "fishnews"),
        ("https://web.archive.org/web/2016/http://www.fish-news.ch/de/pike", "fishnews"),
        ("https://web.archive.org/web/20160820205919/http:/fish-news.ch/x", "fishnews"),
        ("https://web.archive.org/web/", "archive"),
        ("http://127.0.0.1:8080/page", None),
        ("http://localhost/page", None),
        (None, None),
    ],
)
def test_domain_label(url: str | None, label: str | None) -> None:
    assert domain_label(url) == label


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("The Valley Times", "valleytimes", True),
        ("Valleytimes.co.uk", "valleytimes", True),
        ("VT", "vt", True),
        ("Schweizer Jäger Online", "schweizerjaeger", True),  # ä spelled "ae" in the host
        ("amazed", "amazedmag", True),  # the name inside a longer host label
        ("FISCH & FANG", "fischundfang", True),  # hosts spell "&" as a word
        ("Firefox Nightly News", "example", False),
        ("news", "foxnews", False),  # four letters inside a host label: too common a word
        ("The Valley Times", None, False),
    ],
)
def test_names_domain(name: str, label: str | None, expected: bool) -> None:
    assert names_domain(name, label) is expected


def test_a_suffix_spelling_the_domain_is_dropped_when_the_h1_agrees() -> None:
    sources = TitleSources(
        social=("Vote delayed after storm | The Valley Times",),
        document="Vote delayed after storm | The Valley Times",
        headings=("Vote delayed after storm",),
        domain="valleytimes",
    )
    assert choose_title(sources) == "Vote delayed after storm"
    # without the domain (or with the rule off) the suffix is kept, as reader views do
    assert choose_title(sources, TitleRules(strip_domain_site=False)).endswith("Valley Times")
    without_domain = TitleSources(
        sources.json_ld, sources.social, sources.document, sources.headings
    )
    assert choose_title(without_domain).endswith("Valley Times")


def test_the_site_part_may_sit_before_a_slogan() -> None:
    sources = TitleSources(
        social=("Pike season opens on the lake | fish-news.ch | Your Swiss fishing magazine",),
        headings=("Pike season opens on the lake",),
        domain="fishnews",
    )
    assert choose_title(sources) == "Pike season opens on the lake"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Storm closes the port | The Valley Times", "Storm closes the port"),
        ("Storm closes the port | Valley Times | Your daily paper", "Storm closes the port"),
        # a part that says more than the site's name is the headline's
        ("Storm closes the port - what it means for readers of the Valley Times", None),
        ("Storm closes the port | Harbour News", None),
    ],
)
def test_the_part_naming_the_domain(title: str, expected: str | None) -> None:
    assert _without_domain(title, "valleytimes") == expected


def test_an_h1_with_a_kicker_votes_for_the_headline_it_ends_with() -> None:
    sources = TitleSources(
        json_ld="How to refill the tank correctly",
        social=("Refill guide: where to buy, prices | Car Weekly",),
        document="Refill guide: where to buy, prices | Car Weekly",
        headings=("Refill guide: where to buy, prices How to refill the tank correctly",),
    )
    assert choose_title(sources) == "How to refill the tank correctly"
    assert choose_title(sources, TitleRules(kicker_heading=False)).startswith("Refill guide")


def test_a_title_led_by_the_site_name_offers_the_rest() -> None:
    sources = TitleSources(
        social=("Press releases",),
        document="BDZV: Artist designs the front page of every newspaper",
        headings=("Artist designs the front page of every newspaper",),
        site_names=("BDZV",),
    )
    assert choose_title(sources) == "Artist designs the front page of every newspaper"
    # the rest of a breadcrumb after the site is read too, its section alone is no headline
    breadcrumb = TitleSources(
        document="Customs online - Notices - New tobacco tax law announced",
        headings=("Customs", "Notices", "New tobacco tax law announced"),
        domain="customs",
    )
    assert choose_title(breadcrumb) == "New tobacco tax law announced"


def test_json_ld_entities_are_text() -> None:
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "&#8222;Never again&#8220;: the band splits"}</script>'
    )
    assert read_json_ld(fromstring(html)).headline == "„Never again“: the band splits"


def test_page_metadata_reads_the_domain_from_the_canonical_link() -> None:
    head = (
        '<link rel="canonical" href="https://www.valleytimes.co.uk/news/vote">'
        '<meta property="og:title" content="Vote delayed after storm | The Valley Times">'
        "<title>Vote delayed after storm | The Valley Times</title>"
    )
    html = f"<html><head>{head}</head><body><h1>Vote delayed after storm</h1>{BODY}</body></html>"
    # the page was fetched from elsewhere (a mirror): its canonical link names the site
    assert (
        read_page_metadata(html, "http://mirror.example.net/x").title == "Vote delayed after storm"
    )
    plain = html.replace(
        '<link rel="canonical" href="https://www.valleytimes.co.uk/news/vote">', ""
    )
    assert read_page_metadata(plain, "https://valleytimes.co.uk/news/vote").title == (
        "Vote delayed after storm"
    )
    assert read_page_metadata(plain, "https://example.net/news/vote").title == (
        "Vote delayed after storm | The Valley Times"
    )


def test_title_cut_where_its_part_spells_the_domain() -> None:
    # a spaced colon cuts only before the domain's name; the slogans after it go too
    sources = TitleSources(
        document="Why the archive matters : Crimeblog | Notes on a genre | Since 2005",
        headings=("Crimeblog",),
        domain="crimeblog",
    )
    assert choose_title(sources) == "Why the archive matters"
    french = TitleSources(document="Retraites : le gouvernement recule", domain="lemonde")
    assert choose_title(french) == "Retraites : le gouvernement recule"


def test_a_relative_og_url_leaves_the_fetched_url_as_the_domain() -> None:
    head = (
        '<meta property="og:url" content="/news/vote">'
        '<meta property="og:title" content="Vote delayed after storm | The Valley Times">'
    )
    html = f"<html><head>{head}</head><body><h1>Vote delayed after storm</h1>{BODY}</body></html>"
    assert read_page_metadata(html, "https://valleytimes.co.uk/news/vote").title == (
        "Vote delayed after storm"
    )


def test_a_relative_canonical_link_is_resolved_against_the_fetched_url() -> None:
    head = '<meta property="og:url" content="/news/vote"><title>Vote delayed after storm</title>'
    html = f"<html><head>{head}</head><body><h1>Vote delayed after storm</h1>{BODY}</body></html>"
    # the reply links the article: a relative og:url must not reach it as it is
    assert read_page_metadata(html, "https://valleytimes.co.uk/x?id=7").url == (
        "https://valleytimes.co.uk/news/vote"
    )
    assert read_page_metadata(html, None).url is None


def test_a_lone_h1_worded_otherwise_wins_over_the_declared_copies() -> None:
    seo = "Company cars: lease or finance? What pays off?"
    sources = TitleSources(
        social=(seo,),
        document=seo,
        headings=("Company cars: leasing or financing?",),
    )
    assert choose_title(sources) == "Company cars: leasing or financing?"
    assert choose_title(sources, TitleRules(lone_heading=False)) == seo
    # a one-word <h1> is a label: the headline is still the only <h1> of three or more words
    labelled = TitleSources(social=(seo,), document=seo, headings=(*sources.headings, "Menu"))
    assert choose_title(labelled) == "Company cars: leasing or financing?"


@pytest.mark.parametrize(
    "headings",
    [
        ("Company cars: leasing or financing?", "Related news articles"),  # not the only <h1>
        ("About This Site",),  # a label: too few words
        ("Hi, I'm Nicolas.",),
        ("Car Weekly, the magazine for drivers",),  # shares only the site's name
        ("Welcome to our pages today",),  # shares no word
        ("Company cars: lease or finance?",),  # the declared title holds it
        ("Guide Company cars: lease or finance? What pays off?",),  # it holds the declared one
    ],
)
def test_a_lone_h1_does_not_win_without_the_evidence(headings: tuple[str, ...]) -> None:
    seo = "Company cars: lease or finance? What pays off?"
    sources = TitleSources(
        social=(seo,),
        document=f"{seo} | Car Weekly",
        headings=headings,
        site_names=("Car Weekly",),
    )
    assert choose_title(sources) == seo


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("Strengths at work: Why you should build on your staff's strengths", "h1"),
        ("Why you should build on your staff's strengths : 06.11.2023, 11.41", "h1"),
        ("Why you should build on your staff's strengths | Jane Roe", "declared"),
        ("Why you should build on your staff's strengths - Work Weekly", "declared"),
        ("Why you should build on your staff's strengths » Read the guide", "h1"),
        # no mark sets a kicker off: one sentence, not a kicker and a headline
        ("Here is why you should build on your staff's strengths", "declared"),
    ],
)
def test_a_lone_h1_within_og_title(declared: str, expected: str) -> None:
    heading = "Why you should build on your staff's strengths"
    sources = TitleSources(social=(declared,), headings=(heading,))
    rules = TitleRules(declared_part_heading=True)
    assert choose_title(sources, rules) == (heading if expected == "h1" else declared)
    assert choose_title(sources, TitleRules(declared_part_heading=False)) == declared
