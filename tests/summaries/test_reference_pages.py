"""Reference and demo pages of formulas or code are refused; articles with code are not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from summaries.errors import NoArticleFound
from summaries.extract._extract import extract_article
from summaries.extract._rules import DEFAULT_EXTRACTION_RULES

URL = "https://docs.example.org/demo.html"
FORMULA = "<math><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>"
INTRO = (
    "<p>These samples show how equations are typeset in a page with inline and display "
    "math, and how the spacing between the lines stays even when the text wraps.</p>"
    "<p>Finally, while display equations look good on a page of samples, mixing math and "
    "text in a paragraph matters too, and it works here as well as anywhere.</p>"
)
LONG_PARAGRAPH = (
    "<p>" + "The council debated the new budget for three hours on Monday. " * 8 + "</p>"
)


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Formula samples</title>{head}</head><body>{body}</body></html>"


def _demo(head: str = "", extra: str = "") -> str:
    rows = "".join(f"<h2>Sample {n}</h2><div>{FORMULA * 3}</div>" for n in range(12))
    return _page(f"<h1>Formula samples</h1>{INTRO}{rows}{extra}", head)


def test_a_demo_page_of_formulas_is_refused() -> None:
    with pytest.raises(NoArticleFound, match="formulas or code"):
        extract_article(_demo(), URL)


def test_the_rule_can_be_switched_off() -> None:
    rules = replace(DEFAULT_EXTRACTION_RULES, refuse_reference_pages=False)
    assert "equations" in extract_article(_demo(), URL, rules).text


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">',
        '<meta name="author" content="Ada Lovelace">',
    ],
)
def test_a_date_or_an_author_makes_it_an_article(head: str) -> None:
    assert "equations" in extract_article(_demo(head), URL).text


def test_a_run_of_long_paragraphs_makes_it_an_article() -> None:
    article = extract_article(_demo(extra=LONG_PARAGRAPH * 2), URL)
    assert "council" in article.text


def test_a_short_article_with_some_code_is_summarised() -> None:
    code = "<pre><code>pip install newsbrief</code></pre>"
    body = f"<h1>Release notes</h1>{INTRO}{code}<p>Upgrade with the command above.</p>"
    assert "equations" in extract_article(_page(body), URL).text
