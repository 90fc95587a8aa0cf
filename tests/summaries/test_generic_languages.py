"""Languages without dedicated tools: the generic path (sentences, words, stop words, stems).

The fixtures in tests/fixtures/generic are short news articles written for these tests in
Czech, Hebrew, Yoruba and Thai (a pasted page: headline line, then paragraphs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries.config import SummaryOptions
from summaries.errors import UnsupportedLanguage
from summaries.pipeline import summarize_html, summarize_text
from summaries.text import KNOWN_LANGUAGES, SUPPORTED_LANGUAGES, detect_language, tools_for

FIXTURES = Path(__file__).parent.parent / "fixtures" / "generic"


def _text(language: str) -> str:
    return (FIXTURES / f"{language}.txt").read_text(encoding="utf-8")


def test_every_detectable_language_has_tools() -> None:
    assert set(SUPPORTED_LANGUAGES) < set(KNOWN_LANGUAGES)
    assert len(KNOWN_LANGUAGES) >= 120
    for language in KNOWN_LANGUAGES:
        tools = tools_for(language)
        assert tools.language == language
        assert tools.split_sentences("One line. Another line.\nThird") != []


@pytest.mark.parametrize("code", ["xx", "", "EN", "zh-cn", "qq"])
def test_codes_that_name_no_language_stay_unsupported(code: str) -> None:
    with pytest.raises(UnsupportedLanguage):
        tools_for(code)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "he",
            'הפרויקט יעלה 400 מיליון שקלים. "זה חשוב לעיר", אמר. האם זה יספיק? כן.',
            ["הפרויקט יעלה 400 מיליון שקלים.", '"זה חשוב לעיר", אמר.', "האם זה יספיק?", "כן."],
        ),
        (
            "cs",
            "Stavba stojí 2,1 mld. Kč. Začne tzv. první etapou, tj. v březnu. Kdo ji zaplatí?",
            [
                "Stavba stojí 2,1 mld. Kč.",
                "Začne tzv. první etapou, tj. v březnu.",
                "Kdo ji zaplatí?",
            ],
        ),
        (
            "am",
            "ከተማዋ አዲስ መንገድ ትሠራለች። ሥራው መቼ ይጀምራል፧ በሚቀጥለው ወር።",
            ["ከተማዋ አዲስ መንገድ ትሠራለች።", "ሥራው መቼ ይጀምራል፧", "በሚቀጥለው ወር።"],
        ),
        (
            "mr",
            "मुंबईत नवीन पूल बांधला जाईल। काम पुढील वर्षी सुरू होईल.",
            ["मुंबईत नवीन पूल बांधला जाईल।", "काम पुढील वर्षी सुरू होईल."],
        ),
    ],
)
def test_generic_sentences(language: str, text: str, expected: list[str]) -> None:
    assert tools_for(language).split_sentences(text) == expected


def test_thai_is_split_by_line_and_at_spaces_between_long_phrases() -> None:
    first = "กรุงเทพมหานครประกาศเมื่อวันพุธว่าจะเปิดให้บริการเรือโดยสารไฟฟ้าสายใหม่"
    second = "เรือทั้งหมดสิบสองลำจะวิ่งระหว่างท่าเรือประตูน้ำกับท่าเรือวัดศรีบุญเรือง"
    short = "ค่าโดยสาร สิบบาท"
    sentences = tools_for("th").split_sentences(f"{first} {second}\n{short}")
    assert sentences == [first, second, short]


def test_generic_words_stop_words_and_stemmers() -> None:
    hebrew = tools_for("he")
    assert hebrew.words("עיריית חיפה אישרה") == ["עיריית", "חיפה", "אישרה"]
    assert {"של", "את"} <= hebrew.stop_words
    assert hebrew.stem("העירייה") == "העירייה"  # no Snowball stemmer: words stay as written
    yoruba = tools_for("yo")
    assert {"ni", "ti"} <= yoruba.stop_words
    assert yoruba.words("Ọja naa yoo ni ṣọọbu") == ["ọja", "naa", "yoo", "ni", "ṣọọbu"]
    czech = tools_for("cs")
    assert czech.stem("tramvajové") == czech.stem("tramvajová")  # Snowball's Czech stemmer
    assert "se" in czech.stop_words
    assert tools_for("km").stop_words == frozenset()  # no list: nothing is dropped


@pytest.mark.parametrize("language", ["cs", "he", "th"])
def test_generic_language_is_detected_and_summarised(language: str) -> None:
    text = _text(language)
    assert detect_language(text) == language
    summary = summarize_text(text, SummaryOptions(sentences=2))
    assert summary.language == language
    assert len(summary.sentences) == 2
    for sentence in summary.sentences:
        assert sentence.text in text
    assert summary.total_sentences >= 5


def test_yoruba_article_is_summarised_when_its_language_is_known() -> None:
    text = _text("yo")
    summary = summarize_text(text, SummaryOptions(sentences=2, language="yo"))
    assert summary.language == "yo"
    assert [s.text in text for s in summary.sentences] == [True, True]


def test_czech_page_gets_a_summary_not_language_not_supported() -> None:
    paragraphs = _text("cs").split("\n\n")
    html = (
        "<html lang='cs'><head><title>{0}</title></head><body><nav><a href='/'>Domů</a>"
        "<a href='/zpravy'>Zprávy</a></nav><article><h1>{0}</h1>{1}</article>"
        "<footer>© 2025 Brněnský deník</footer></body></html>"
    ).format(paragraphs[0], "".join(f"<p>{p}</p>" for p in paragraphs[1:]))
    summary = summarize_html(html, "https://example.cz/brno/tramvaj")
    assert summary.language == "cs"
    assert len(summary.sentences) == 3
    assert all(s.text in html for s in summary.sentences)
