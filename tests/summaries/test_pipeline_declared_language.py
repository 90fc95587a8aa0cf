"""A page's declared language is taken without the detector only when the text bears it out."""

from __future__ import annotations

import pytest

import summaries.pipeline as pipeline
from summaries.models import Article, ArticleMeta
from summaries.pipeline import summarize_article

_ENGLISH = (
    "The city council voted on Tuesday to expand the tram network to the northern suburbs. "
    "The plan, which has been debated for a decade, will add twelve stops by 2030. "
    "Supporters said that the line would cut car traffic in the centre of the city. "
    "Opponents warned that the cost of the project could rise well above the budget. "
    "Construction is expected to begin next spring, the council said in a statement."
)
_SPANISH = (
    "El ayuntamiento aprobó el martes la ampliación de la red de tranvía hacia el norte. "
    "El plan, que se ha debatido durante una década, añadirá doce paradas hasta 2030. "
    "Los partidarios dijeron que la línea reducirá el tráfico en el centro de la ciudad. "
    "Los críticos advirtieron de que el coste del proyecto podría superar el presupuesto. "
    "Se espera que las obras comiencen la próxima primavera, según un comunicado."
)
_JAPANESE = (
    "市議会は火曜日、路面電車の路線を北部の郊外まで延長する計画を承認した。"
    "この計画は十年にわたって議論されてきたもので、二〇三〇年までに十二の停留所が加わる。"
    "賛成派は、新しい路線が市の中心部の車の交通量を減らすと述べた。"
)
_MENU = "Sign in to your account to read all of the news from the city and the world in one place"


def _article(text: str, hint: str | None) -> Article:
    return Article(text=text, meta=ArticleMeta(language_hint=hint))


@pytest.fixture
def detector_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    detect = pipeline.detect_language

    def counting(text: str, config: object) -> str | None:
        calls.append(text)
        return detect(text, config)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "detect_language", counting)
    return calls


def test_borne_out_hint_skips_the_detector(detector_calls: list[str]) -> None:
    summary = summarize_article(_article(_ENGLISH, "en"))
    assert summary.language == "en"
    assert detector_calls == []


def test_wrong_hint_is_not_taken(detector_calls: list[str]) -> None:
    summary = summarize_article(_article(_SPANISH, "en"))
    assert summary.language == "es"
    assert len(detector_calls) == 1


def test_other_scripts_go_to_the_detector(detector_calls: list[str]) -> None:
    # half of the English words are function words, but the article is the Japanese (a run of
    # kanji and kana counts as one "word"): the share says nothing here
    text = "\n\n".join([_MENU, _JAPANESE, _MENU])
    summary = summarize_article(_article(text, "en"))
    assert summary.language == "ja"
    assert len(detector_calls) == 1


def test_no_hint_goes_to_the_detector(detector_calls: list[str]) -> None:
    assert summarize_article(_article(_ENGLISH, None)).language == "en"
    assert len(detector_calls) == 1
