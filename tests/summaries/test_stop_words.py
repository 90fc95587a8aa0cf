"""Stop words are function words: the content words a news article repeats stay visible."""

from __future__ import annotations

import pytest

from summaries.text._tools import SUPPORTED_LANGUAGES, stop_words_for

#: (language, function words that must be stop words, content words that must not be).
CASES = (
    ("ru", ("и", "в", "не", "что", "это", "который"), ("россия", "миллионов", "говорить", "год")),
    ("uk", ("і", "в", "не", "що"), ("україна", "рік")),
    ("id", ("yang", "dan", "di", "tidak", "bahwa"), ("tahun", "baru", "besar", "mengatakan")),
    ("vi", ("và", "của", "là", "không"), ("năm", "người", "nói", "mới")),
    ("fa", ("و", "در", "به", "از", "که"), ("گفت", "روز", "جدید", "بزرگ")),
    ("ar", ("في", "من", "على", "إلى"), ("قال", "سنة", "مليون", "يوم")),
    ("it", ("il", "di", "che", "non"), ("anno", "giorno", "detto")),
    ("hi", ("का", "के", "में", "है"), ("कहा", "सरकार")),
    ("pl", ("i", "w", "nie", "że"), ("roku", "rok", "polska")),
    ("de", ("und", "der", "nicht"), ("jahr", "regierung")),
    ("fr", ("et", "le", "la", "les"), ("année", "gouvernement")),
    ("es", ("el", "la", "en", "los"), ("año", "gobierno")),
    ("pt", ("e", "o", "de"), ("ano", "governo")),
    # our closed-class list, each word also without tone marks
    ("yo", ("tó", "to", "nínú", "ninu", "lórí", "lori", "yóò", "yoo", "èyí", "eyi"),
     ("ọjọ́", "ọjọ", "padà", "bẹ̀rẹ̀", "nǹkan")),
)  # fmt: skip


@pytest.mark.parametrize(("language", "function", "content"), CASES, ids=[c[0] for c in CASES])
def test_function_words_in_content_words_out(
    language: str, function: tuple[str, ...], content: tuple[str, ...]
) -> None:
    stop = stop_words_for(language)
    assert set(function) <= stop
    assert not set(content) & stop


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_has_a_modest_lower_case_list(language: str) -> None:
    stop = stop_words_for(language)
    assert 50 <= len(stop) <= 600
    assert all(w == w.lower() for w in stop)


def test_yoruba_stop_words_match_with_and_without_tone_marks() -> None:
    stop = stop_words_for("yo")
    # náà / naa, pẹ̀lú / pẹlu, àwọn / awọn: the dot below stays (ẹ, ọ are letters of their own)
    assert {"náà", "naa", "pẹ̀lú", "pẹlu", "àwọn", "awọn"} <= stop
    assert "awon" not in stop
    assert "naa" not in stop_words_for("he")  # other languages keep their lists as they are
