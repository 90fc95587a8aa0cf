"""Any text or HTML yields a Summary or one of our errors, never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
