"""Per-language text tools: sentences (verbatim, per line), words, stems, stop words, sumy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.lex_rank import LexRankSummarizer

from summaries.errors import UnsupportedLanguage
from summaries.text._tools import (
    SUPPORTED_LANGUAGES,
    LanguageTools,
    SumyTokenizer,
    sentence_spans,
    tools_for,
)

REQUIRED = [
    *("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl"),
    *("tr", "ar", "fa", "hi", "id", "zh", "ja", "ko", "vi", "ur"),
]

# Our own fixtures: text and the sentences it must split into.
SPLITS = {
    "en": (
        'Mr. Smith met Dr. Jones in the U.S. capital on Monday. "We agreed." He said it twice. '
        "The talks ended at 5 p.m. and both left.",
        [
            "Mr. Smith met Dr. Jones in the U.S. capital on Monday.",
            '"We agreed."',
            "He said it twice.",
            "The talks ended at 5 p.m. and both left.",
        ],
    ),
    "de": (
        "Die Stadt plant z. B. neue Radwege. Dr. Müller sagte: „Das reicht nicht.“ "
        "Am 3. Oktober beginnt der Bau. Ca. 200 Menschen kamen.",
        [
            "Die Stadt plant z. B. neue Radwege.",
            "Dr. Müller sagte: „Das reicht nicht.“",
            "Am 3. Oktober beginnt der Bau.",
            "Ca. 200 Menschen kamen.",
        ],
    ),
    "fr": (
        "M. Dupont a rencontré Mme Martin à Paris. « Nous sommes d’accord. » "
        "Le projet coûte env. 3 millions d’euros.",
        [
            "M. Dupont a rencontré Mme Martin à Paris.",
            "« Nous sommes d’accord. »",
            "Le projet coûte env. 3 millions d’euros.",
        ],
    ),
    "es": (
        "El Sr. García llegó a Madrid el lunes. «Estamos de acuerdo», dijo. "
        "La obra costará aprox. 3 millones. ¿Quién pagará? Nadie lo sabe.",
        [
            "El Sr. García llegó a Madrid el lunes.",
            "«Estamos de acuerdo», dijo.",
            "La obra costará aprox. 3 millones.",
            "¿Quién pagará?",
            "Nadie lo sabe.",
        ],
    ),
    "pl": (
        "Prof. Kowalski przyjechał do Warszawy. Powiedział: „To dobry plan.” "
        "Budowa kosztuje ok. 3 mln zł. Ruszy np. w maju.",
        [
            "Prof. Kowalski przyjechał do Warszawy.",
            "Powiedział: „To dobry plan.”",
            "Budowa kosztuje ok. 3 mln zł.",
            "Ruszy np. w maju.",
        ],
    ),
    "ru": (
        "Г. Иванов приехал в Москву в понедельник. «Мы согласны», — сказал он. "
        "Стройка стоит ок. 3 млн руб., т. е. немало.",
        [
            "Г. Иванов приехал в Москву в понедельник.",
            "«Мы согласны», — сказал он.",
            "Стройка стоит ок. 3 млн руб., т. е. немало.",
        ],
    ),
    "uk": (
        "Депутати приїхали до м. Києва у понеділок. «Ми згодні», — сказав проф. Шевченко. "
        "Роботи почнуться навесні.",
        [
            "Депутати приїхали до м. Києва у понеділок.",
            "«Ми згодні», — сказав проф. Шевченко.",
            "Роботи почнуться навесні.",
        ],
    ),
    "zh": (
        "市议会周二批准了新预算。市长说：“这是好消息。”反对派表示不满！新学校何时开放？明年。",
        [
            "市议会周二批准了新预算。",
            "市长说：“这是好消息。”",
            "反对派表示不满！",
            "新学校何时开放？",
            "明年。",
        ],
    ),
    "ja": (
        "市議会は新しい予算を承認した。市長は「良い知らせだ。」と述べた。野党は反発した！開校はいつか？来年だ。",
        [
            "市議会は新しい予算を承認した。",
            "市長は「良い知らせだ。」と述べた。",
            "野党は反発した！",
            "開校はいつか？",
            "来年だ。",
        ],
    ),
    "ar": (
        "وافق مجلس المدينة على الميزانية الجديدة. هل سيتم بناء مدارس جديدة؟ نعم، قال الوزير!",
        [
            "وافق مجلس المدينة على الميزانية الجديدة.",
            "هل سيتم بناء مدارس جديدة؟",
            "نعم، قال الوزير!",
        ],
    ),
    "fa": (
        "شورای شهر بودجه جدید را تصویب کرد. آیا مدرسه‌های جدید ساخته می‌شوند؟ بله.",
        ["شورای شهر بودجه جدید را تصویب کرد.", "آیا مدرسه‌های جدید ساخته می‌شوند؟", "بله."],
    ),
    "ur": (
        "سٹی کونسل نے نیا بجٹ منظور کر لیا۔ کیا نئے اسکول بنیں گے؟ ہاں، وزیر نے کہا۔",
        ["سٹی کونسل نے نیا بجٹ منظور کر لیا۔", "کیا نئے اسکول بنیں گے؟", "ہاں، وزیر نے کہا۔"],
    ),
    "hi": (
        "नगर परिषद ने नया बजट पारित किया। क्या नए स्कूल बनेंगे? हाँ, मंत्री ने कहा।",
        ["नगर परिषद ने नया बजट पारित किया।", "क्या नए स्कूल बनेंगे?", "हाँ, मंत्री ने कहा।"],
    ),
    "tr": (
        "Belediye meclisi yeni bütçeyi onayladı. Dr. Ayşe Kaya konuştu. "
        "Okullar ne zaman açılacak?",
        [
            "Belediye meclisi yeni bütçeyi onayladı.",
            "Dr. Ayşe Kaya konuştu.",
            "Okullar ne zaman açılacak?",
        ],
    ),
    "id": (
        "Dewan kota menyetujui anggaran baru. Menurut Dr. Budi, sekolah baru akan dibuka. Kapan?",
        [
            "Dewan kota menyetujui anggaran baru.",
            "Menurut Dr. Budi, sekolah baru akan dibuka.",
            "Kapan?",
        ],
    ),
}


def test_required_languages_are_supported() -> None:
    assert set(REQUIRED) <= set(SUPPORTED_LANGUAGES)
    for language in REQUIRED:
        assert isinstance(tools_for(language), LanguageTools)


@pytest.mark.parametrize("code", ["xx", "", "EN", "zh-cn", "qq"])
def test_unknown_language_raises(code: str) -> None:
    with pytest.raises(UnsupportedLanguage) as info:
        tools_for(code)
    assert info.value.language == code
    with pytest.raises(UnsupportedLanguage):
        sentence_spans("Some text.", code)


def test_tools_are_cached() -> None:
    assert tools_for("de") is tools_for("de")


@pytest.mark.parametrize(("language", "case"), SPLITS.items())
def test_sentences(language: str, case: tuple[str, list[str]]) -> None:
    text, expected = case
    assert tools_for(language).split_sentences(text) == expected


@pytest.mark.parametrize("language", REQUIRED)
def test_heading_line_stays_its_own_sentence(language: str) -> None:
    body = SPLITS.get(language, SPLITS["en"])[0]
    text = f"Budget 2025\n{body}\n\nSecond part\nA closing line without a stop"
    sentences = tools_for(language).split_sentences(text)
    assert sentences[0] == "Budget 2025"
    assert "Second part" in sentences
    assert sentences[-1] == "A closing line without a stop"
    assert all("\n" not in s for s in sentences)


def test_spans_point_into_the_text() -> None:
    text = "  Erster Satz.  Zweiter Satz!\n\tDritter Satz?  "
    spans = sentence_spans(text, "de")
    assert [text[a:b] for a, b in spans] == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]


def test_quote_then_lower_case_continues_the_sentence() -> None:
    text = "She turned to him, 'This is great.' she said. Then she left."
    assert tools_for("en").split_sentences(text) == [
        "She turned to him, 'This is great.' she said.",
        "Then she left.",
    ]


def test_list_markers_stay_with_their_item() -> None:
    text = "1. The first item. 2. The second item."
    assert tools_for("en").split_sentences(text) == ["1. The first item.", "2. The second item."]


def test_empty_and_blank_text() -> None:
    assert tools_for("en").split_sentences("") == []
    assert tools_for("zh").split_sentences(" \n \n") == []


_ALPHABET = "abc XYZ .!?\n«»„“\"'()。！？؟۔।-1"


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=120), language=st.sampled_from(REQUIRED))
def test_sentences_are_verbatim_in_order_and_single_line(text: str, language: str) -> None:
    sentences = tools_for(language).split_sentences(text)
    pos = 0
    for sentence in sentences:
        assert sentence
        assert sentence == sentence.strip()
        assert "\n" not in sentence
        at = text.find(sentence, pos)
        assert at >= 0
        pos = at + len(sentence)


def test_words_are_lower_case_tokens() -> None:
    assert tools_for("en").words("The U.S. Senate's vote, 52-48!") == [
        "the", "u", "s", "senate's", "vote", "52-48",
    ]  # fmt: skip
    assert tools_for("de").words("Über Straßen") == ["über", "straßen"]


def test_words_keep_combining_marks_and_joiners() -> None:
    assert tools_for("hi").words("हिंदी भाषा में") == ["हिंदी", "भाषा", "में"]
    assert tools_for("fa").words("می‌شود") == ["می\u200cشود"]
    assert tools_for("ar").words("قالَ الوزيرُ") == ["قالَ", "الوزيرُ"]


def test_chinese_and_japanese_words_come_from_segmenters() -> None:
    assert tools_for("zh").words("政府批准了新的预算 AI。") == [
        "政府", "批准", "了", "新", "的", "预算", "ai",
    ]  # fmt: skip
    assert tools_for("ja").words("東京都は新しい予算を承認した。") == [
        "東京都", "は", "新しい", "予算", "を", "承認", "し", "た",
    ]  # fmt: skip
    assert tools_for("zh").segmented
    assert tools_for("ja").segmented
    assert not tools_for("th").segmented
    assert tools_for("ko").words("새 예산을 승인했다") == ["새", "예산을", "승인했다"]


def test_stemmers() -> None:
    assert tools_for("en").stem("running") == "run"
    assert tools_for("de").stem("häusern") == tools_for("de").stem("häuser")
    assert tools_for("ru").stem("бюджета") == tools_for("ru").stem("бюджет")
    assert tools_for("pl").stem("budżetu") == tools_for("pl").stem("budżetem")
    assert tools_for("uk").stem("бюджету") == "бюджету"  # no Snowball stemmer: identity
    assert tools_for("zh").stem("预算") == "预算"


def test_stop_words() -> None:
    assert "the" in tools_for("en").stop_words
    assert "und" in tools_for("de").stop_words
    assert "的" in tools_for("zh").stop_words
    assert "और" in tools_for("hi").stop_words
    assert all(w == w.lower() for w in tools_for("tr").stop_words)


def test_sumy_summarizer_runs_on_our_tokenizer() -> None:
    tokenizer = SumyTokenizer(tools_for("de"))
    assert tokenizer.language == "de"
    text = (
        "Der Stadtrat hat den Haushalt beschlossen. Der Haushalt sieht neue Schulen vor. "
        "Die Opposition kritisierte den Haushalt. Das Wetter war schön."
    )
    sentences = [Sentence(s, tokenizer) for s in tokenizer.to_sentences(text)]
    document = ObjectDocumentModel([Paragraph(sentences)])
    summarizer = LexRankSummarizer(tools_for("de").stem)
    summarizer.stop_words = tools_for("de").stop_words
    picked = [str(s) for s in summarizer(document, 2)]
    assert len(picked) == 2
    assert all(p in text for p in picked)
    assert tokenizer.to_words("Die Schulen, neue!") == ("die", "schulen", "neue")
