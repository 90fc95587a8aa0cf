"""Language identification: scripts, statistical models, noise and boilerplate."""

from __future__ import annotations

import pytest

from summaries.text._detect import DetectionConfig, detect_language, preload_models
from summaries.text._scripts import arabic_script_candidates, cjk_language, count_scripts

# Our own short news-like texts, one or two sentences each.
SAMPLES = {
    "en": "The city council approved the new budget on Tuesday after a long debate about schools.",
    "de": "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen.",
    "fr": (
        "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur les écoles."
    ),
    "es": (
        "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate"
        " sobre escuelas."
    ),
    "it": "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito.",
    "pt": "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate.",
    "nl": "De gemeenteraad heeft dinsdag na een lang debat de nieuwe begroting goedgekeurd.",
    "pl": "Rada miasta przyjęła we wtorek nowy budżet po długiej debacie o szkołach i drogach.",
    "tr": (
        "Belediye meclisi salı günü okullar hakkındaki uzun bir tartışmanın"
        " ardından bütçeyi onayladı."
    ),
    "id": (
        "Dewan kota menyetujui anggaran baru pada hari Selasa setelah perdebatan panjang"
        " tentang sekolah."
    ),
    "vi": "Hội đồng thành phố đã thông qua ngân sách mới vào thứ Ba sau một cuộc tranh luận dài.",
    "ru": "Городской совет во вторник утвердил новый бюджет после долгих споров о школах.",
    "uk": "Міська рада у вівторок затвердила новий бюджет після тривалої дискусії про школи.",
    "ar": "وافق مجلس المدينة يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول المدارس.",
    "fa": "شورای شهر روز سه‌شنبه پس از بحثی طولانی درباره مدرسه‌ها بودجه جدید را تصویب کرد.",
    "ur": "سٹی کونسل نے منگل کو اسکولوں کے بارے میں طویل بحث کے بعد نیا بجٹ منظور کر لیا۔",
    "hi": "नगर परिषद ने मंगलवार को स्कूलों पर लंबी बहस के बाद नया बजट पारित कर दिया।",
    "zh": "市议会周二在就学校问题进行长时间辩论后批准了新的预算。",
    "ja": "市議会は火曜日、学校をめぐる長い議論の末に新しい予算を承認した。",
    "ko": "시의회는 화요일 학교 문제에 대한 긴 토론 끝에 새 예산을 승인했다.",
}

BOILERPLATE = [
    "Skip to content",
    "Menu",
    "Sign up for our daily newsletter and never miss a story.",
    "This site uses cookies. By continuing you accept our privacy policy and terms of service.",
    "Share on Facebook",
    "Share via email",
    "Most popular",
    "Copyright 2025 Example Media. All rights reserved.",
]


@pytest.mark.parametrize(("language", "text"), SAMPLES.items())
def test_detects_each_language(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   \n\t ", "12345 67.89", "!!! ??? ...", "42 — 17 %", "ab"])
def test_no_letters_or_too_few_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_single_han_character_is_none() -> None:
    assert detect_language("好") is None


def test_urls_emails_and_numbers_do_not_count() -> None:
    assert detect_language("https://example.com/news/2024/05/12/story-about-things 2024") is None
    assert detect_language("editor@example.com @newsdesk #breaking 15:30 2024-05-12") is None


def test_url_heavy_text_is_detected_by_its_words() -> None:
    text = (
        "Mehr dazu unter https://www.example.com/politik/bundestag-beschliesst-haushalt-2025 "
        "und https://example.org/en/english-words-in-the-path-of-the-link-here "
        "Der Bundestag hat den Haushalt mit knapper Mehrheit beschlossen."
    )
    assert detect_language(text) == "de"


@pytest.mark.parametrize("language", ["de", "fr", "es", "pl", "ru", "uk", "zh", "ja", "ar", "hi"])
def test_article_with_english_boilerplate_half_of_the_words(language: str) -> None:
    body = " ".join([SAMPLES[language]] * 4)
    page = "\n".join([*BOILERPLATE[:4], body, *BOILERPLATE[4:], *BOILERPLATE])
    assert detect_language(page) == language


def test_multi_paragraph_article_with_menu_lines() -> None:
    paragraphs = [SAMPLES["es"], SAMPLES["es"].replace("martes", "miércoles")]
    page = "\n".join(["Inicio", "Home", "World", "Login", *paragraphs, "Read more", "Terms"])
    assert detect_language(page) == "es"


def test_non_latin_article_beats_latin_header_on_the_same_line() -> None:
    text = "Read More Latest News from Lahore in Urdu " + SAMPLES["ur"]
    assert detect_language(text) == "ur"


def test_english_text_with_a_short_foreign_name_stays_english() -> None:
    text = SAMPLES["en"] + " The mayor, 王伟, said the vote was fair."
    assert detect_language(text) == "en"


def test_unsupported_language_is_named_not_squeezed() -> None:
    swedish = (
        "Kommunfullmäktige godkände på tisdagen den nya budgeten efter en lång debatt om skolor."
    )
    assert detect_language(swedish) == "sv"
    assert detect_language("Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό.") == "el"


def test_two_word_texts() -> None:
    assert detect_language("Bundesregierung beschließt") == "de"
    assert detect_language("правительство решило") == "ru"
    assert detect_language("уряд вирішив") == "uk"


def test_repeated_calls_give_the_same_answer() -> None:
    texts = [*SAMPLES.values(), "kitap benim", "aller chercher", "state strip"]
    first = [detect_language(t) for t in texts]
    for _ in range(3):
        assert [detect_language(t) for t in texts] == first


def test_config_changes_the_threshold() -> None:
    assert detect_language("ok yes") is not None
    assert detect_language("ok yes", DetectionConfig(min_letters=10)) is None


def test_cjk_rules() -> None:
    assert cjk_language(count_scripts("東京都は新しい計画を発表した")) == "ja"
    assert cjk_language(count_scripts("东京都政府发布新计划")) == "zh"
    assert cjk_language(count_scripts("서울시는 새 계획을 발표했다")) == "ko"


def test_arabic_script_letters() -> None:
    assert arabic_script_candidates("یہ ایک اچھی خبر ہے") == ("ur",)
    assert arabic_script_candidates("گفت که این کار را کرد") == ("fa", "ur")
    assert arabic_script_candidates("قالت الحكومة إن المدينة") == ("ar", "fa")


def test_long_article_is_read_from_a_bounded_sample() -> None:
    paragraphs = [SAMPLES["pl"]] * 2000  # ~180 000 characters
    assert detect_language("\n\n".join(["Home", *paragraphs])) == "pl"


def test_models_preload() -> None:
    preload_models()
    assert detect_language(SAMPLES["it"]) == "it"


# Our own Yoruba sentences: with tone marks (precomposed dotted letters plus combining accents),
# with the dot below as a combining mark, and without tone marks (as many news sites write).
YORUBA = {
    "toned": "Ìjọba ìpínlẹ̀ Èkó ti ṣe ìpàdé pẹ̀lú àwọn olùkọ́ nípa owó oṣù wọn lánàá.",
    "combining": (
        "Ijo\u0323ba ipinle\u0323 Eko ti s\u0323e ipade pe\u0323lu awo\u0323n oluko\u0323."
    ),
    "untoned": "Ijọba ipinlẹ Eko ti ṣe ipade pẹlu awọn oluko nipa owo oṣu wọn lana.",
}


@pytest.mark.parametrize("text", YORUBA.values(), ids=YORUBA.keys())
def test_yoruba_is_read_from_its_dotted_letters(text: str) -> None:
    assert detect_language(text) == "yo"


def test_vietnamese_with_the_same_dotted_vowels_stays_vietnamese() -> None:
    text = "Mẹ tôi nói họ đã đọc báo về cuộc họp của hội đồng thành phố hôm qua."
    assert detect_language(text) == "vi"


def test_an_english_text_naming_a_yoruba_place_stays_english() -> None:
    text = (
        "The governor of Ọṣun State met teachers on Tuesday to discuss their unpaid salaries,"
        " and promised that the arrears would be cleared before the end of the month."
    )
    assert detect_language(text) == "en"
