"""HTML → Article: metadata, boilerplate removal, pages without an article, hostile input."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.html import fromstring

from summaries.errors import NoArticleFound, SummaryError
from summaries.extract._chunks import continuation
from summaries.extract._clean import clean_paragraphs, is_boilerplate
from summaries.extract._extract import extract_article
from summaries.extract._rules import DEFAULT_EXTRACTION_RULES
from summaries.models import Article

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
PAGE_URL = "https://news.example.net/story?id=7"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text("utf8")


def _extract(name: str, url: str | None = PAGE_URL) -> Article:
    return extract_article(_page(name), url)


# ---------------------------------------------------------------- metadata


def test_opengraph_and_meta_tags_give_the_metadata() -> None:
    article = _extract("article_en.html")
    assert article.title == "Harbour town votes to rebuild its old sea wall"
    assert article.meta.author == "Maria Fenwick"
    assert article.meta.published == dt.date(2023, 3, 14)
    assert article.meta.publication == "The Coastal Ledger"
    assert article.meta.url == "https://ledger.example.org/news/2023/harbour-sea-wall"
    assert article.language_hint == "en"


def test_json_ld_gives_author_date_and_publisher() -> None:
    article = _extract("article_de_jsonld.html")
    assert article.title == "Stadtbibliothek verlängert ihre Öffnungszeiten"
    assert article.meta.author == "Jonas Becker"
    assert article.meta.published == dt.date(2024, 5, 2)
    assert article.meta.publication == "Lindenauer Anzeiger"


def test_og_locale_is_the_language_hint_without_html_lang() -> None:
    assert _extract("article_de_jsonld.html").language_hint == "de"


def test_plain_meta_tags_give_author_and_date() -> None:
    article = _extract("article_es_meta.html")
    assert article.meta.author == "Lucía Romero"
    assert article.meta.published == dt.date(2022, 11, 8)
    assert article.language_hint == "es"


def test_url_is_the_given_one_without_a_canonical_link() -> None:
    assert _extract("article_es_meta.html").meta.url == PAGE_URL


def test_no_url_at_all_is_fine() -> None:
    article = _extract("article_es_meta.html", url=None)
    assert article.meta.url is None
    assert "mercado central" in article.text


# ---------------------------------------------------------------- body


def test_body_is_the_article_paragraphs_separated_by_blank_lines() -> None:
    article = _extract("article_en.html")
    assert article.paragraphs[0].startswith("Councillors in the small harbour town")
    assert article.paragraphs[-1].startswith("Work is expected to start in the autumn")
    assert "\n\n" in article.text
    assert "\n\n\n" not in article.text
    # a heading inside the article stays in the body
    assert "Years of patching" in article.paragraphs


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Weather forecast for the week",  # navigation
        "Ferry timetable changes",  # related teasers
        "Related stories",
        "Photo: Ledger archive",  # image caption
        "crumbling sea wall at low tide",
        "Sign up for our morning newsletter",
        "Follow The Coastal Ledger",
        "All rights reserved",  # footer
        "Privacy policy",
    ],
)
def test_body_excludes_boilerplate(boilerplate: str) -> None:
    assert boilerplate not in _extract("article_en.html").text


def test_title_is_not_repeated_in_the_body() -> None:
    article = _extract("article_en.html")
    assert article.title is not None
    assert article.title not in article.text


_LEAD = (
    "The harbour council voted on Tuesday to rebuild the old sea wall, which storms have "
    "battered for three winters running."
)
_MORE = "Work starts in spring and should end before the autumn storms come back to the coast."


def test_whole_headline_below_the_lead_is_dropped_and_the_lead_kept() -> None:
    title = "Harbour town votes to rebuild its old sea wall"
    body = [_LEAD, title, _MORE]
    kept = clean_paragraphs(body, title, frozenset(), DEFAULT_EXTRACTION_RULES)
    assert kept == [_LEAD, _MORE]


def test_an_h1_other_than_the_chosen_title_is_not_repeated_in_the_body() -> None:
    # og:title and <title> agree on one headline, the page prints another in its <h1>
    paragraphs = "".join(f"<p>{p}</p>" for p in (_LEAD, _MORE, _LEAD.replace("Tuesday", "May")))
    html = (
        "<html><head><title>Sea wall plan approved</title>"
        '<meta property="og:title" content="Sea wall plan approved"></head><body>'
        f"<article><h1>Harbour town votes to rebuild its old sea wall</h1>{paragraphs}"
        "</article></body></html>"
    )
    article = extract_article(html, PAGE_URL)
    assert article.title == "Sea wall plan approved"
    assert article.text.startswith(_LEAD)
    assert "Harbour town votes" not in article.text


def test_part_of_the_headline_below_the_lead_stays() -> None:
    title = "Harbour town votes to rebuild its old sea wall: the council's plan"
    body = [_LEAD, "Harbour town votes to rebuild its old sea wall", _MORE]
    kept = clean_paragraphs(body, title, frozenset(), DEFAULT_EXTRACTION_RULES)
    assert kept == body


@pytest.mark.parametrize(
    ("name", "language", "first_words", "teaser"),
    [
        ("article_de_jsonld.html", "de", "Die Stadtbibliothek in Lindenau", "Neue Radwege"),
        ("article_es_meta.html", "es", "El mercado central", "obras de la plaza"),
        ("article_fr.html", "fr", "Le festival de musique", "travaux du théâtre"),
        ("article_pl.html", "pl", "Rada miasta zatwierdziła", "Remont mostu"),
        ("article_ru.html", "ru", "В центральном парке", "ремонт детских площадок"),
        ("article_zh.html", "zh", "本市中心公园", "地铁新线路"),
    ],
)
def test_non_english_articles(name: str, language: str, first_words: str, teaser: str) -> None:
    article = _extract(name)
    assert article.language_hint == language
    assert article.paragraphs[0].startswith(first_words)
    assert len(article.paragraphs) == 3
    assert teaser not in article.text


def test_article_split_in_chunks_is_whole() -> None:
    article = _extract("article_chunks.html")
    assert article.paragraphs[0].startswith("When the last bus route")
    assert article.paragraphs[-1].startswith('"We only ever wanted')
    assert "Great story" not in article.text


def test_continuation_finds_later_chunks_but_not_comments() -> None:
    tree = fromstring(_page("article_chunks.html"))
    first_chunk = [p.text_content() for p in tree.xpath("//div[@class='story-body__chunk']/p")[:2]]
    added = continuation(tree, first_chunk, DEFAULT_EXTRACTION_RULES)
    assert [p[:20] for p in added] == ["Neighbours now order", '"We only ever wanted']


def test_continuation_needs_an_article_body_class() -> None:
    html = _page("article_chunks.html").replace("story-body__chunk", "widget-box")
    tree = fromstring(html)
    first_chunk = [p.text_content() for p in tree.xpath("//div[@class='widget-box']/p")[:2]]
    assert continuation(tree, first_chunk, DEFAULT_EXTRACTION_RULES) == []


# ---------------------------------------------------------------- no article


@pytest.mark.parametrize("name", ["empty.html", "js_shell.html", "paywall.html", "index.html"])
def test_pages_without_an_article_raise(name: str) -> None:
    with pytest.raises(NoArticleFound):
        _extract(name)


@pytest.mark.parametrize("html", ["", "   \n\t ", "<html></html>", "<!-- only a comment -->"])
def test_blank_input_raises(html: str) -> None:
    with pytest.raises(NoArticleFound):
        extract_article(html, None)


# ---------------------------------------------------------------- hostile input


def _article_or_summary_error(html: str) -> Article | None:
    try:
        return extract_article(html, PAGE_URL)
    except SummaryError:
        return None


def test_malformed_html_still_yields_its_text() -> None:
    article = _article_or_summary_error(_page("malformed.html"))
    assert article is not None
    assert "which browsers forgive" in article.text


def test_deeply_nested_html_does_not_crash() -> None:
    sentence = "This sentence sits at the bottom of a very deep pile of div elements. "
    html = (
        "<html><body>"
        + "<div>" * 5000
        + f"<p>{sentence * 4}</p>" * 3
        + "</div>" * 5000
        + "</body></html>"
    )
    result = _article_or_summary_error(html)
    assert result is None or isinstance(result, Article)


def test_moderately_nested_html_keeps_the_article() -> None:
    sentence = "This sentence sits inside a few dozen nested div elements of a page. "
    html = (
        "<html><body>"
        + "<div>" * 60
        + f"<p>{sentence * 4}</p>" * 3
        + "</div>" * 60
        + "</body></html>"
    )
    assert "a few dozen nested div elements" in extract_article(html, None).text


_HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div class='related'>",
        "</div>",
        "<a href='/x'>",
        "</a>",
        "<script>var a = 1;</script>",
        "<table><tr><td>",
        "<!--",
        "&amp;",
        "&#0;",
        "\x00",
        "<?xml version='1.0' encoding='utf-8'?>",
        "The minister said on Monday that the plan would go ahead as expected. ",
        "Читайте также ",
        "相关阅读：",
    ]
)
_HTML = st.one_of(st.text(max_size=500), st.lists(_HTML_PIECES, max_size=60).map("".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HTML)
def test_any_text_gives_an_article_or_a_summary_error(html: str) -> None:
    result = _article_or_summary_error(html)
    assert result is None or result.text.strip()


def test_malformed_json_ld_falls_back_to_the_other_metadata() -> None:
    html = _page("article_de_jsonld.html").replace('"headline":', '"headline" ,, {')
    article = extract_article(html, PAGE_URL)
    assert article.title == "Stadtbibliothek verlängert ihre Öffnungszeiten"
    assert article.language_hint == "de"
    assert article.paragraphs[0].startswith("Die Stadtbibliothek in Lindenau")


# ---------------------------------------------------------------- standfirst and furniture


def test_standfirst_that_repeats_the_description_opens_the_body() -> None:
    article = _extract("article_de_standfirst.html")
    assert article.paragraphs[0].startswith("Nach drei Wochen Pause fährt die Fähre")
    assert article.paragraphs[1].startswith("Am Montagmorgen legte die erste Fähre")
    assert article.text.count("Nach drei Wochen Pause") == 1


def test_standfirst_can_be_switched_off() -> None:
    rules = replace(DEFAULT_EXTRACTION_RULES, keep_standfirst=False)
    article = extract_article(_page("article_de_standfirst.html"), PAGE_URL, rules)
    assert article.paragraphs[0].startswith("Am Montagmorgen legte die erste Fähre")


def test_a_one_line_dek_is_no_standfirst() -> None:
    article = _extract("article_en_dek.html")
    assert article.paragraphs[0].startswith("The first ferry left on time")
    assert "back on schedule" not in article.text


@pytest.mark.parametrize(
    "furniture",
    [
        "Inhaltsverzeichnis",  # a table of contents heading
        "Auch lesen",  # a teaser prefix
        "Werbung",  # an ad label and disclosure
        "Abbildung 2",  # a figure caption
        "PDF | 38 KB",  # a download link with its size
        "Newsletter",  # a newsletter pitch
        "Quelle: Reederei",  # a source credit
    ],
)
def test_furniture_of_german_pages_is_dropped(furniture: str) -> None:
    article = _extract("article_de_standfirst.html")
    assert furniture not in article.text
    assert article.paragraphs[-1].startswith("Für Fragen zum neuen Fahrplan")


@pytest.mark.parametrize(
    "line",
    [
        "VEA TAMBIÉN: Entre heces y guaricha en Panamá Oeste",
        "Dowiedz się więcej: Kto jak głosował ws. unijnych funduszy?",
        "Subscribe now to our eNATION edition for the full story.",
        "For the latest stories download the Nationnews apps for iOS and Android.",
        "¡Mira lo que tiene nuestro canal de YouTube!",
        "We want to hear what you think about this article. Write to letters@example.com.",
        "This post contains references to products from one or more of our advertisers.",
        "Table of contents",
    ],
)
def test_furniture_lines_in_many_languages(line: str) -> None:
    assert is_boilerplate(line, DEFAULT_EXTRACTION_RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The service gained two million subscribers after it cut its price in March.",
        "Die Anzeige gegen den Fahrer wurde am Montag erstattet, teilte die Polizei mit.",
        "Table 2 of the report lists every school in the county.",
        "Weitere Informationen zu den Tarifen will die Reederei im Mai veröffentlichen.",
    ],
)
def test_article_sentences_are_no_furniture(line: str) -> None:
    assert not is_boilerplate(line, DEFAULT_EXTRACTION_RULES)
