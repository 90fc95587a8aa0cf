"""Rendering: escaping, structure, and splitting at 4096 without breaking tags."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formatting import render_summary, source_line, utf16_len
from summaries.models import Attribution, Quote, Sentence, Summary
from tests.support.bot_env import make_summary
from tests.support.fake_bot_api import parse_telegram_html


def test_reply_layout_matches_the_sketch() -> None:
    s = make_summary(url="https://ex.com/a?x=1&y=2")
    [msg] = render_summary(s)
    lines = msg.split("\n")
    assert lines[0] == (
        '<a href="https://ex.com/a?x=1&amp;y=2"><b>Council approves &lt;new&gt; '
        "bridge &amp; tunnel</b></a>"
    )
    assert lines[1] == (
        "The Daily &lt;Example&gt; · Sam Writer · 3 May 2024 · Reuters · via The New York Times"
    )
    assert lines[3] == "• The city council approved the bridge on Monday."
    assert "<blockquote>“We waited long enough” — Mayor Jane Roe</blockquote>" in msg
    assert lines[-1] == "English · 2 of 12 sentences · 95% shorter"
    parse_telegram_html(msg)


def test_unknown_speaker_has_no_dash_and_long_quote_is_expandable() -> None:
    long_quote = "x " * 100
    s = make_summary(quotes=(("short one", None), (long_quote, "Someone")))
    [msg] = render_summary(s)
    assert "<blockquote>“short one”</blockquote>" in msg
    assert "<blockquote expandable>“" in msg
    assert "— Someone</blockquote>" in msg


def test_source_line_skips_unknowns_and_duplicates() -> None:
    a = Attribution(publication="Reuters", wire=("Reuters",), cited=("Reuters", "AP"))
    assert source_line(a) == "Reuters · via AP"
    assert source_line(Attribution()) == ""
    assert source_line(Attribution(published=dt.date(2014, 12, 21))) == "21 Dec 2014"


def test_pasted_text_has_plain_title() -> None:
    [msg] = render_summary(make_summary(title="T"))
    assert msg.startswith("<b>T</b>\n")


def _big_summary(n: int, sentence: str) -> Summary:
    return Summary(
        title="<Big> & long",
        language="en",
        sentences=tuple(Sentence(i, f"{sentence} {i}.") for i in range(n)),
        quotes=tuple(
            Quote(f"{sentence} & quote {i}", "Who <me>", display_speaker="Who <me>")
            for i in range(n // 3)
        ),
        attribution=Attribution(publication="P&Q"),
        article_words=10_000,
        total_sentences=n * 2,
        summary_words=n * 3,
    )


def test_long_summary_is_split_into_valid_messages() -> None:
    msgs = render_summary(_big_summary(120, "An <escaped> & rather long sentence " * 3))
    assert len(msgs) > 1
    for m in msgs:
        assert utf16_len(m) <= 4096
        parse_telegram_html(m)
    assert "• " in msgs[0]
    assert msgs[-1].endswith("shorter")


def test_single_huge_sentence_is_cut_at_spaces() -> None:
    msgs = render_summary(_big_summary(1, "word&amp " * 1500))
    for m in msgs:
        assert utf16_len(m) <= 4096
        parse_telegram_html(m)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(min_size=1, max_size=900), min_size=1, max_size=12),
    st.lists(
        st.tuples(st.text(min_size=1, max_size=400), st.none() | st.text(max_size=30)), max_size=5
    ),
    st.integers(min_value=200, max_value=4096),
)
def test_any_text_renders_valid_html_within_limit(
    sentences: list[str], quotes: list[tuple[str, str | None]], limit: int
) -> None:
    s = Summary(
        title=sentences[0][:80],
        language="xx",
        sentences=tuple(Sentence(i, t) for i, t in enumerate(sentences)),
        quotes=tuple(Quote(t, sp, display_speaker=sp) for t, sp in quotes),
        attribution=Attribution(publication=sentences[-1][:40]),
        article_words=1000,
        total_sentences=len(sentences),
        summary_words=len(sentences) * 5,
    )
    for m in render_summary(s, url='https://e.com/?a=<b>&c="d"', limit=limit):
        assert utf16_len(m) <= limit
        parse_telegram_html(m)


def test_quote_shows_resolved_name_and_hides_bare_pronoun() -> None:
    from bot.formatting import quote_line

    shown = Quote("Yes", "he", speaker_name="Tom Brennan", display_speaker="Tom Brennan")
    assert quote_line(shown) == "“Yes” — Tom Brennan"
    assert quote_line(Quote("No", "she")) == "“No”"
