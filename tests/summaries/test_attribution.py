"""The attribution chain: wire credits, cited outlets, datelines, metadata pass-through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summaries.attribution._chain import find_attribution
from summaries.models import Article, ArticleMeta

SEED_DIR = Path(__file__).parent.parent / "fixtures" / "seed"
SEED = (SEED_DIR / "dawn-2014-12-21-pasted.txt").read_text(encoding="utf-8")


def test_seed_paste_gives_reuters_new_york_times_and_dateline() -> None:
    a = find_attribution(
        Article(SEED, ArticleMeta(publication="Dawn", published=dt.date(2014, 12, 21)))
    )
    assert a.publication == "Dawn"
    assert a.published == dt.date(2014, 12, 21)
    assert a.wire == ("Reuters",)
    assert a.cited == ("The New York Times",)
    assert a.dateline == "NEW YORK"


def test_cleaned_seed_needs_the_caption_hint_for_the_wire() -> None:
    body = "\n\n".join(p for p in SEED.split("\n\n") if "Reuters/file" not in p)
    assert "Reuters" not in body
    assert find_attribution(Article(text=body)).wire == ()
    hinted = find_attribution(Article(text=body), hints=["— Reuters/file"])
    assert hinted.wire == ("Reuters",)
    assert hinted.cited == ("The New York Times",)
    assert hinted.dateline == "NEW YORK"


@pytest.mark.parametrize(
    ("text", "wire", "dateline"),
    [
        ("LONDON (Reuters) - The bank raised rates on Thursday.", ("Reuters",), "LONDON"),
        ("NEW YORK (AP) — A fire broke out in a tower.", ("AP",), "NEW YORK"),
        ("BERLIN, 5. März (dpa) - Die Regierung hat das Gesetz beschlossen.", ("dpa",), "BERLIN"),
        ("Washington, Sept 5 (AFP/Reuters) - Talks resumed.", ("AFP", "Reuters"), "Washington"),
        ("MADRID, 3 mar (EFE).- El Gobierno aprobó el plan.", ("EFE",), "MADRID"),
        ("PARIS — Le président a parlé.\n\nIl partira demain. — AFP", ("AFP",), "PARIS"),
        ("Floods hit the coast.\n\nAFP/Reuters", ("AFP", "Reuters"), None),
        ("Floods hit the coast.\n\nPhoto: Xinhua", ("Xinhua",), None),
        ("A witness told Reuters the shots came from the roof.", ("Reuters",), None),
        ("The deal closed.\n\n(Reporting by Jan Ode; Editing by Mia Lu)", ("Reuters",), None),
        ("ROME (ANSA) - Il governo ha approvato.", ("ANSA",), "ROME"),
        ("MOSCOW, May 2 (TASS) - The Kremlin said.", ("TASS",), "MOSCOW"),
        # other scripts and conventions
        ("PRAHA (ČTK) - Vláda schválila návrh zákona.", ("ČTK",), "PRAHA"),
        ("القاهرة (رويترز) - أعلنت الحكومة عن خطة جديدة.", ("Reuters",), "القاهرة"),
        ("عمّان (بترا) – افتتحت الحكومة محطة جديدة.", ("Petra",), "عمّان"),
        ("بيروت (أ ف ب) - عقد البرلمان جلسة طارئة.", ("AFP",), "بيروت"),
        ("नई दिल्ली (भाषा) – सरकार ने नई योजना शुरू की।", ("PTI",), "नई दिल्ली"),
        ("東京（ロイター） - 日経平均は続伸した。", ("Reuters",), "東京"),
        ("【ロイター】東京株式市場は続伸した。", ("Reuters",), None),
        ("［東京　３日　ロイター］ - 日経平均は続伸した。", ("Reuters",), None),
        ("新华社成都9月28日电 成都地铁新线今天开通。", ("Xinhua",), None),
        ("(서울=연합뉴스) 정부가 새 예산안을 발표했다.", ("Yonhap",), None),
        ("МОСКВА, 2 мая. /ТАСС/. Кремль заявил о переговорах.", ("TASS",), None),
        ("МОСКВА, 2 мая — РИА Новости. Кремль заявил о переговорах.", ("RIA Novosti",), "МОСКВА"),
        ("Kyiv, May 2 (Interfax-Ukraine) - The talks resumed.", ("Interfax-Ukraine",), "Kyiv"),
        ("ANKARA (AA) - Hükümet planı onayladı.", ("Anadolu Agency",), "ANKARA"),
    ],
)
def test_wire_credits_and_datelines(
    text: str, wire: tuple[str, ...], dateline: str | None
) -> None:
    a = find_attribution(Article(text=text))
    assert a.wire == wire
    assert a.dateline == dateline


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("The mine will close, the New York Times reported.", ("The New York Times",)),
        ("She told the BBC that she was leaving.", ("BBC",)),
        (
            "According to The Washington Post, the plan failed. The newspaper said it had emails.",
            ("The Washington Post",),
        ),
        (
            "The Wall Street Journal reported the merger. The Journal said talks took months.",
            ("The Wall Street Journal",),
        ),
        ("Laut Spiegel will die Partei klagen.", ("Der Spiegel",)),
        ("Le projet, selon Le Monde, est abandonné.", ("Le Monde",)),
        ("The Dallas Morning News reported the verdict.", ("The Dallas Morning News",)),
        ("The Times said the vote was close.", ()),  # a short form with nothing to refer back to
        ("Readers of the Guardian like crosswords.", ()),  # a mention is not a citation
    ],
)
def test_cited_outlets(text: str, cited: tuple[str, ...]) -> None:
    assert find_attribution(Article(text=text)).cited == cited


def test_own_publication_is_not_cited() -> None:
    text = "The minister told the BBC she would resign."
    assert find_attribution(Article(text, ArticleMeta(publication="BBC"))).cited == ()


def test_agency_cited_in_text_is_a_wire_not_an_outlet() -> None:
    a = find_attribution(Article(text="LONDON (Reuters) - Prices rose, Reuters reported."))
    assert a.cited == ()
    assert a.wire == ("Reuters",)


def test_metadata_passes_through() -> None:
    a = find_attribution(
        Article(
            "Plain text without credits.", ArticleMeta(author="Ann Lee", url="https://x.test/a")
        )
    )
    assert (a.author, a.url, a.wire, a.cited, a.dateline) == (
        "Ann Lee",
        "https://x.test/a",
        (),
        (),
        None,
    )


def test_uppercase_labels_are_not_datelines() -> None:
    assert find_attribution(Article(text="BREAKING: The bridge is closed.")).dateline is None


# --------------------------------------------------------------------------- other languages


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("Об этом сообщает Интерфакс.", ("Interfax",)),
        ("ذكرت وكالة رويترز أن الحكومة أعلنت خطة.", ("Reuters",)),
        ("据路透社报道，谈判已经结束。", ("Reuters",)),
        ("연합뉴스에 따르면 정부는 새 정책을 발표했다.", ("Yonhap",)),
        ("به گزارش ایرنا، دولت طرح جدیدی را تصویب کرد.", ("IRNA",)),
        ("पीटीआई के अनुसार, सरकार ने योजना को मंजूरी दी।", ("PTI",)),
        ("Anadolu Ajansı'nın haberine göre plan onaylandı.", ("Anadolu Agency",)),
        ("Theo hãng tin Reuters, đàm phán đã kết thúc.", ("Reuters",)),
        ("The talks failed, as reported by Bloomberg.", ("Bloomberg",)),
        # a bare mention is a topic, not a credit
        ("Reuters is a news agency founded in 1851.", ()),
        ("Anadolu'da deprem korkusu yaşanıyor.", ()),
    ],
)
def test_agencies_cited_in_running_text_are_wires(text: str, wire: tuple[str, ...]) -> None:
    a = find_attribution(Article(text=text))
    assert a.wire == wire
    assert a.cited == ()


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        (
            "Die Regierung hat beschlossen, berichtete die „Süddeutsche Zeitung“.",
            ("Süddeutsche Zeitung",),
        ),
        (
            "Wie die „Süddeutsche Zeitung“ berichtete, will die Partei klagen.",
            ("Süddeutsche Zeitung",),
        ),
        (
            "Laut einem Bericht der „Frankfurter Allgemeinen Zeitung“ wird geklagt.",
            ("Frankfurter Allgemeine Zeitung",),
        ),
        ("Laut dem „Spiegel“ will die Partei klagen.", ("Der Spiegel",)),
        ("Le projet est abandonné, selon Le Monde.", ("Le Monde",)),
        ("El plan fracasó, según El País.", ("El País",)),
        ("Secondo il Corriere della Sera, il governo cadrà.", ("Corriere della Sera",)),
        ("Segundo a Folha de S.Paulo, o plano fracassou.", ("Folha de S.Paulo",)),
        ("Volgens de Volkskrant is het plan mislukt.", ("de Volkskrant",)),
        ("Według „Gazety Wyborczej” rząd przyjął projekt.", ("Gazeta Wyborcza",)),
        ("По данным РБК, сделка закрыта.", ("RBC",)),
        ("Как сообщает «Коммерсантъ», сделка закрыта.", ("Kommersant",)),
        ("Hürriyet'in haberine göre plan onaylandı.", ("Hürriyet",)),
        ("وفقا لصحيفة الأهرام، ستفتتح المحطة الشهر المقبل.", ("Al-Ahram",)),
        ("وقال الوزير لـ«الجزيرة» إن المفاوضات مستمرة.", ("Al Jazeera",)),
        ("दैनिक भास्कर की रिपोर्ट के अनुसार, योजना जल्द शुरू होगी।", ("Dainik Bhaskar",)),
        ("据《人民日报》报道，新政策将于下月实施。", ("People's Daily",)),
        ("朝日新聞によると、政府は来年度予算を増やす方針だ。", ("Asahi Shimbun",)),
        ("조선일보는 정부가 예산을 늘릴 것이라고 보도했다.", ("Chosun Ilbo",)),
        ("The deal closed, as reported by the Financial Times.", ("Financial Times",)),
        # mentions without a reporting phrase
        ("Selon le ministre, le projet est abandonné.", ()),
        ("Die Welt ist groß und schön.", ()),
        ("Er las die Süddeutsche Zeitung beim Frühstück.", ()),
        ("他喜欢读《人民日报》。", ()),
    ],
)
def test_cited_outlets_in_other_languages(text: str, cited: tuple[str, ...]) -> None:
    a = find_attribution(Article(text=text))
    assert a.cited == cited
    assert a.wire == ()
