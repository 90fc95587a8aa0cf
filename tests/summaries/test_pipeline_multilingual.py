"""Non-English news through the public pipeline: language, summary sentences, quotes, speakers.

The fixtures in tests/fixtures/multilingual are articles written for these tests: `<lang>.txt`
is a pasted page (headline line, dateline, quotes in the language's own marks), `<lang>.html`
the same article as a small page with navigation, a related-link box and a footer.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from summaries.config import ALGORITHMS, SummaryOptions
from summaries.models import Summary
from summaries.pipeline import summarize_html, summarize_text
from summaries.text._tools import tools_for

FIXTURES = Path(__file__).parent.parent / "fixtures" / "multilingual"
TEXT_LANGUAGES = (
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "uk",
    "tr",
    "ar",
    "hi",
    "id",
    "zh",
    "ja",
)
HTML_LANGUAGES = ("de", "fr", "es", "pl", "ru")
#: Languages written without spaces: a sentence's length is its characters / 2.
CJK = frozenset({"zh", "ja"})
MIN_WORDS, MAX_WORDS = 3, 80
SOURCES = [(lang, "txt") for lang in TEXT_LANGUAGES] + [(lang, "html") for lang in HTML_LANGUAGES]

#: (language, how the quote starts, a name its display speaker must contain).
EXPECTED_QUOTES = (
    ("de", "Wir holen nach", "Katrin Oehme"),
    ("de", "Die Händler in der", "Thomas Brenner"),
    ("fr", "Nos enfants passent", "Julien Marchetti"),
    ("fr", "Nous voulons être", "Claire Dumas"),
    ("es", "Es la mayor inversión", "Elena Robles"),
    ("es", "Llega tarde", "Ortega"),
    ("pl", "Powietrze w Krakowie", "Marek Zieliński"),
    ("pl", "To uderzy", "Anna Kowalczyk"),
    ("ru", "Это самый крупный", "Илья Сафин"),
    ("ru", "Раньше дорога", "Галина Петрова"),
    ("uk", "Ми нарешті", "Остап Мельник"),
    ("uk", "Без трамвая", "Ганна Бойко"),
    ("it", "Le biblioteche sono", "Giulia Ferri"),
    ("it", "Si spendono milioni", "Marco Pellegrini"),
    ("pt", "Queremos que cada", "Sofia Almeida"),
    ("pt", "Plantar árvores", "João Pires"),
    ("nl", "We zien elk jaar", "Lotte van Dijk"),
    ("nl", "Als je vijf minuten", "Pieter Bakker"),
    ("tr", "Bu hat tamamlandığında", "Selin Aydın"),
    ("tr", "Yıllardır bu metroyu", "Ayşe Demir"),
    ("id", "Sampah adalah tanggung jawab", "Rina Kusuma"),
    ("id", "Warga kami sudah", "Budi"),
    ("ja", "安全な運行", "佐藤健一"),
)


def _text(lang: str) -> str:
    return (FIXTURES / f"{lang}.txt").read_text("utf-8")


def _headline(lang: str) -> str:
    return _text(lang).split("\n", 1)[0].strip()


def _length(lang: str, sentence: str) -> float:
    return len(sentence) / 2 if lang in CJK else len(sentence.split())


@functools.cache
def _summary(lang: str, kind: str, algorithm: str = "news") -> Summary:
    options = SummaryOptions(sentences=3, algorithm=algorithm, max_quotes=10)
    if kind == "html":
        page = (FIXTURES / f"{lang}.html").read_text("utf-8")
        return summarize_html(page, f"https://news.example/{lang}/article", options)
    return summarize_text(_text(lang), options)


def _assert_good_sentences(lang: str, summary: Summary) -> None:
    """Exactly 3 distinct sentences, verbatim from the article, in order, 3–80 words."""
    article = _text(lang)
    texts = [s.text for s in summary.sentences]
    assert len(texts) == 3, texts
    assert len(set(texts)) == 3, texts
    positions = []
    for text in texts:
        assert text in article, f"not verbatim: {text!r}"
        assert MIN_WORDS <= _length(lang, text) <= MAX_WORDS, text
        positions.append(article.index(text))
    assert positions == sorted(positions), texts
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(indices)


@pytest.mark.parametrize(("lang", "kind"), SOURCES)
def test_language_is_identified(lang: str, kind: str) -> None:
    assert _summary(lang, kind).language == lang


@pytest.mark.parametrize(("lang", "kind"), SOURCES)
def test_three_verbatim_sentences_in_order(lang: str, kind: str) -> None:
    _assert_good_sentences(lang, _summary(lang, kind))


@pytest.mark.parametrize(("lang", "kind"), SOURCES)
def test_headline_is_the_title_and_never_glued(lang: str, kind: str) -> None:
    summary = _summary(lang, kind)
    headline = _headline(lang)
    assert summary.title == headline
    for sentence in summary.sentences:
        assert headline not in sentence.text, sentence.text


@pytest.mark.parametrize("lang", TEXT_LANGUAGES)
def test_headline_without_blank_line_stays_apart(lang: str) -> None:
    """A paste that puts the dateline right under the headline still splits them."""
    headline, body = _text(lang).split("\n", 1)
    tight = headline + "\n" + body.lstrip("\n")
    summary = summarize_text(tight, SummaryOptions(sentences=3))
    assert summary.language == lang
    for sentence in summary.sentences:
        assert not (headline in sentence.text and sentence.text != headline), sentence.text
        assert MIN_WORDS <= _length(lang, sentence.text) <= MAX_WORDS, sentence.text


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("lang", TEXT_LANGUAGES)
def test_every_algorithm_runs(lang: str, algorithm: str) -> None:
    summary = _summary(lang, "txt", algorithm)
    assert summary.algorithm == algorithm
    _assert_good_sentences(lang, summary)


@pytest.mark.parametrize("lang", HTML_LANGUAGES)
def test_page_furniture_stays_out(lang: str) -> None:
    page = (FIXTURES / f"{lang}.html").read_text("utf-8")
    furniture = page.split("<article>")[0] + page.split("</article>")[1]
    summary = _summary(lang, "html")
    for sentence in summary.sentences:
        assert sentence.text not in furniture
        assert "©" not in sentence.text


@pytest.mark.parametrize(
    ("lang", "opening", "speaker"),
    EXPECTED_QUOTES,
    ids=[f"{lang}-{speaker}" for lang, _, speaker in EXPECTED_QUOTES],
)
def test_quote_and_speaker(lang: str, opening: str, speaker: str) -> None:
    quotes = [q for q in _summary(lang, "txt").quotes if q.text.startswith(opening)]
    assert len(quotes) == 1, _summary(lang, "txt").quotes
    assert quotes[0].display_speaker is not None
    assert speaker in quotes[0].display_speaker
    assert quotes[0].text in _text(lang)


@pytest.mark.parametrize("lang", HTML_LANGUAGES)
def test_html_quotes_match_pasted_quotes(lang: str) -> None:
    pasted = {(q.text, q.display_speaker) for q in _summary(lang, "txt").quotes}
    page = {(q.text, q.display_speaker) for q in _summary(lang, "html").quotes}
    assert page == pasted


def test_quote_marks_are_not_part_of_quotes() -> None:
    for lang in ("de", "fr", "es", "pl", "ru", "ja"):
        for quote in _summary(lang, "txt").quotes:
            assert not set(quote.text[:1] + quote.text[-1:]) & set('«»„“”「」"')


#: (language, text, sentences expected): abbreviations that must not cut a sentence, and the
#: year abbreviation that ends one before a function word.
SPLITS = (
    ("es", "El Sr. García viajó a EE. UU. la semana pasada. Volverá el lunes a Madrid.", 2),
    ("nl", "Dhr. Jansen en mevr. De Vries openden de school. Die kost ca. 3 mln. euro.", 2),
    ("tr", "Kitap, dergi vb. yayınlar ücretsiz dağıtıldı. Etkinlik akşam sona erdi.", 2),
    ("ar", "وقال د. محمد علي إن المشروع سينتهي قريباً. وأضاف أن التكلفة بلغت 3.5 مليون دولار.", 2),
    ("hi", "डॉ. अनिल मेहता ने कहा कि योजना सफल रही। उन्होंने 3.5 करोड़ रुपये मांगे।", 2),
    ("pl", "Spotkanie odbyło się w 2023 r. W przyszłym roku zaplanowano kolejne.", 2),
    ("pl", "W 2023 r. Polska wydała na ten cel 3 mld zł.", 1),
    ("ru", "Его назначили директором в 2020 г. В то время завод переживал кризис.", 2),
    ("ru", "В 2020 г. Россия приняла новый закон о транспорте.", 1),
    ("uk", "Це сталося у 2023 р. Це був важкий рік для міста.", 2),
)


@pytest.mark.parametrize(("lang", "text", "count"), SPLITS)
def test_sentence_boundaries_around_abbreviations(lang: str, text: str, count: int) -> None:
    sentences = tools_for(lang).split_sentences(text)
    assert len(sentences) == count, sentences
    assert all(s in text for s in sentences)
