"""Any text or HTML yields a Summary or one of our errors, never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summaries.config import SummaryOptions
from summaries.errors import SummaryError
from summaries.models import Summary
from summaries.pipeline import summarize_html, summarize_text

_PROSE = st.lists(
    st.sampled_from(
        [
            "The minister said on Monday that the plan would go ahead.",
            "“We will not give up,” she told Reuters.",
            "Prices rose 3% in May, according to the agency.",
            "Read more",
            "Subscribe",
            "Published in Dawn, May 2nd, 2021",
            "Der Minister sagte am Montag, der Plan werde umgesetzt.",
            "Путин заявил, что переговоры продолжатся.",
            "«Nous continuerons», a déclaré le ministre.",
            "日本政府は月曜日に新しい計画を発表した。",
            "\u200b\u202e\ufeff",
            "<b>&amp;</b> </blockquote>",
            "",
        ]
    ),
    max_size=40,
).map("\n".join)

_TEXT = st.one_of(st.text(max_size=3000), _PROSE)


def _check(call, *args) -> None:
    try:
        result = call(*args)
    except SummaryError:
        return
    assert isinstance(result, Summary)
    assert result.sentences


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_is_a_summary_or_our_error(text: str) -> None:
    _check(summarize_text, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _TEXT,
    st.sampled_from(
        [
            "<html><body><article><p>{}</p></article></body></html>",
            "{}",
            "<div>" * 300 + "{}",
            "<script>{}</script>",
        ]
    ),
)
def test_any_html_is_a_summary_or_our_error(text: str, shape: str) -> None:
    _check(summarize_html, shape.format(text), "https://example.com/news/1")


#: News-like sentences of our own: any article made of enough of them must be summarised.
_NEWS_SENTENCES = [
    "The city council voted on Tuesday to rebuild the old harbour wall before the winter storms.",
    "Engineers warned last year that the wall could fail during a strong spring tide.",
    "The project will cost about 12 million euros and take two years to finish.",
    "Residents of the lower town have been asking for repairs since the flood of 2019.",
    "“We cannot wait for another flood to destroy our homes,” said Mayor Ellen Cho.",
    "Opposition members argued that the money should go to the school instead.",
    "The regional government has promised to pay for half of the work.",
    "Fishermen fear that the building site will block the harbour for months.",
    "A public meeting about the timetable is planned for next week at the town hall.",
    "The contract is expected to be signed before the end of the year.",
    "Several shops on the seafront said they would stay open during the works.",
    "Local historians want the original stones of the wall to be reused.",
]

_ARTICLES = st.lists(
    st.sampled_from(_NEWS_SENTENCES), min_size=6, max_size=12, unique=True
).flatmap(
    lambda sentences: st.integers(min_value=1, max_value=4).map(
        lambda per_paragraph: "\n\n".join(
            " ".join(sentences[i : i + per_paragraph])
            for i in range(0, len(sentences), per_paragraph)
        )
    )
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARTICLES, st.integers(min_value=1, max_value=5))
def test_an_article_always_gets_a_verbatim_summary(article: str, n: int) -> None:
    summary = summarize_text(article, SummaryOptions(sentences=n))
    assert summary.language == "en"
    assert len(summary.sentences) == n
    for sentence in summary.sentences:
        assert sentence.text in article
    assert [s.index for s in summary.sentences] == sorted(s.index for s in summary.sentences)
    assert 0 < summary.summary_words <= summary.article_words


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARTICLES)
def test_an_article_page_always_gets_a_summary(article: str) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n"))
    page = (
        "<html><head><title>Harbour wall to be rebuilt</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Harbour wall to be rebuilt</h1>{paragraphs}</article>"
        "<footer>© 2024 The Harbour Herald</footer></body></html>"
    )
    summary = summarize_html(page, "https://example.com/news/harbour-wall")
    assert summary.sentences
    assert all(s.text in article for s in summary.sentences)
