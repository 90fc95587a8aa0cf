"""The pasted-page cleaner: the seed exactly, our own pastes in four languages, odd input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summaries.models import Article
from summaries.paste._clean import DEFAULT_PASTE_RULES, PasteRules, clean_paste, read_paste

SEED_DIR = Path(__file__).parent.parent / "fixtures" / "seed"


def _lines(*lines: str) -> str:
    return "\n".join(lines)


# --------------------------------------------------------------------------- the seed


def test_seed_comes_back_exactly() -> None:
    gold = json.loads((SEED_DIR / "dawn-2014-12-21-gold.json").read_text("utf-8"))
    pasted = (SEED_DIR / "dawn-2014-12-21-pasted.txt").read_text("utf-8")
    article = clean_paste(pasted)
    assert article.text == "\n\n".join(gold["article_paragraphs"])
    assert article.title == "North Korea proposes joint probe into hacking"
    assert article.meta.publication == "Dawn"
    assert article.meta.published == dt.date(2014, 12, 21)


def test_seed_credits_are_kept_aside_for_attribution() -> None:
    pasted = (SEED_DIR / "dawn-2014-12-21-pasted.txt").read_text("utf-8")
    cleaned = read_paste(pasted)
    assert cleaned.article == clean_paste(pasted)
    assert cleaned.credits == ("— Reuters/file", "— Reuters/file")


# --------------------------------------------------------------------------- our own pastes

EN_BODY = (
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, "
    "ending a decade of arguments about the crumbling structure.",
    "Engineers told the council that the steel supports had lost almost a third of their "
    "strength since the last inspection, and that heavy lorries were the main cause.",
    "“We cannot keep patching a bridge that is older than most of the people using it,” said "
    "the council's transport chief, Maria Lopez, after the vote.",
    "Cyclists and pedestrians will still be allowed to cross, and a shuttle bus will run every "
    "ten minutes between the two banks while a replacement is designed.",
    "It worked.",
    "Shop owners near the bridge said they feared losing customers, but several welcomed the "
    "plan to widen the pavements and add benches along the river.",
)

EN_PASTE = _lines(
    "Skip to content",
    "Home",
    "News",
    "Sport",
    "Business",
    "Culture",
    "SubscribeSign In",
    "We use cookies to improve your experience on our site. By continuing to browse you agree "
    "to our use of cookies.",
    "Accept all",
    "Harbour bridge to close to cars next spring",
    "By Jane Doe",
    "Published March 3, 2023",
    "Share",
    "Tweet",
    "The old harbour bridge at dusk. (Photo: John Smith/Reuters)",
    EN_BODY[0],
    EN_BODY[1],
    "Advertisement",
    EN_BODY[2],
    EN_BODY[3],
    "Read more: Council approves new budget for schools",
    EN_BODY[4],
    EN_BODY[5],
    "Sign up for our newsletter and get the best stories delivered to your inbox every morning.",
    "Related stories",
    "Ferry fares to rise in April",
    "Updated 14 Feb, 2024",
    "Ferry fares to rise in April",
    "The operator says fuel costs have doubled and it has no choice but to pass them on to "
    "passengers from next month.",
    "New cycle lanes for the old town",
    "12 Feb, 2024",
    "New cycle lanes for the old town",
    "Planners want to give bikes more room on the narrow streets, but traders worry about "
    "deliveries and parking...",
    "Museum reopens after two-year refit",
    "Updated 10 Feb, 2024",
    "Museum reopens after two-year refit",
    "Visitors queued around the block on the first day as the building opened its new wing.",
    "© 2024 Harbour Gazette. All rights reserved.",
    "Privacy Policy",
    "Terms of Use",
)


def test_english_page_keeps_only_the_article() -> None:
    article = clean_paste(EN_PASTE)
    assert article.paragraphs == list(EN_BODY)
    assert article.title == "Harbour bridge to close to cars next spring"
    assert article.meta.author == "Jane Doe"
    assert article.meta.published == dt.date(2023, 3, 3)


def test_browser_copy_with_blank_lines_and_tabs() -> None:
    """A real browser copy: blank lines between blocks, table cells joined by tabs."""
    paste = "\n\n".join(
        [
            "Home\tNews\tSport\tWeather",
            "Log inRegister",
            "Harbour bridge to close to cars next spring",
            "harbour-bridge.jpg",
            "By Jane Doe | March 3, 2023",
            *EN_BODY,
            "Share this article",
            "Facebook\tTwitter\tEmail",
            "Most read",
            "1\tFerry fares to rise\t2 hours ago",
        ]
    )
    article = clean_paste(paste)
    assert article.paragraphs == list(EN_BODY)
    assert article.title == "Harbour bridge to close to cars next spring"
    assert article.meta.author == "Jane Doe"
    assert article.meta.published == dt.date(2023, 3, 3)


DE_BODY = (
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab dem nächsten Frühjahr "
    "für Autos zu sperren, nachdem Gutachter schwere Schäden an den Stahlträgern gefunden hatten.",
    "Radfahrer und Fußgänger dürfen die Brücke weiterhin nutzen, außerdem soll ein Pendelbus "
    "alle zehn Minuten zwischen beiden Ufern fahren, bis ein Neubau geplant ist.",
    "„Wir können eine Brücke nicht ewig flicken, die älter ist als die meisten ihrer Nutzer“, "
    "sagte die Verkehrsdezernentin nach der Abstimmung.",
    "Händler in der Nähe der Brücke fürchten um ihre Kundschaft, begrüßen aber die breiteren "
    "Gehwege und die neuen Bänke am Flussufer.",
)

DE_PASTE = _lines(
    "Zum Inhalt springen",
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Anmelden",
    "Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten. Mehr dazu in "
    "unserer Datenschutzerklärung.",
    "Alle akzeptieren",
    "Hafenbrücke wird für Autos gesperrt",
    "Von Max Mustermann",
    "Veröffentlicht am 21. Dezember 2014, 10:31 Uhr",
    "Die Hafenbrücke in der Abenddämmerung. Foto: dpa",
    DE_BODY[0],
    DE_BODY[1],
    "Anzeige",
    DE_BODY[2],
    "Lesen Sie auch: Neue Radwege für die Altstadt",
    DE_BODY[3],
    "Artikel teilen",
    "Mehr zum Thema",
    "Fährpreise steigen im April",
    "vor 2 Stunden",
    "Der Betreiber verweist auf die stark gestiegenen Kosten für Treibstoff und Personal.",
    "Museum öffnet nach Umbau wieder",
    "vor 5 Stunden",
    "Am ersten Tag bildeten sich lange Schlangen vor dem neuen Flügel des Gebäudes.",
    "Impressum",
    "Datenschutz",
)


def test_german_page() -> None:
    article = clean_paste(DE_PASTE)
    assert article.paragraphs == list(DE_BODY)
    assert article.title == "Hafenbrücke wird für Autos gesperrt"
    assert article.meta.author == "Max Mustermann"
    assert article.meta.published == dt.date(2014, 12, 21)


FR_BODY = (
    "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux voitures à partir "
    "du printemps prochain, mettant fin à dix ans de débats sur cet ouvrage fragile.",
    "Les ingénieurs ont expliqué que les piliers en acier avaient perdu près d'un tiers de leur "
    "résistance depuis la dernière inspection, surtout à cause des camions.",
    "« Nous ne pouvons pas rafistoler indéfiniment un pont plus vieux que la plupart de ses "
    "usagers », a déclaré l'adjointe chargée des transports.",
    "Les cyclistes et les piétons pourront toujours traverser, et une navette circulera toutes "
    "les dix minutes entre les deux rives.",
)

FR_PASTE = _lines(
    "Aller au contenu",
    "Accueil",
    "Politique",
    "Économie",
    "Se connecter",
    "S'abonner",
    "Le vieux pont du port fermé aux voitures",
    "Par Jean Dupont",
    "Publié le 21 décembre 2014 à 10h31",
    "Le pont du port au crépuscule. Photo : AFP",
    FR_BODY[0],
    FR_BODY[1],
    "Publicité",
    FR_BODY[2],
    "Lire aussi : Le budget des écoles adopté",
    FR_BODY[3],
    "Partager",
    "Nous utilisons des cookies pour améliorer votre expérience. En savoir plus sur notre "
    "politique de confidentialité.",
    "Les plus lus",
    "Hausse du prix des ferries en avril",
    "il y a 3 heures",
    "L'exploitant invoque la flambée des coûts du carburant et du personnel depuis un an.",
    "Le musée rouvre après deux ans de travaux",
    "il y a 5 heures",
    "Les visiteurs ont fait la queue dès l'ouverture de la nouvelle aile du bâtiment.",
    "Mentions légales",
    "Tous droits réservés",
)


def test_french_page() -> None:
    article = clean_paste(FR_PASTE)
    assert article.paragraphs == list(FR_BODY)
    assert article.title == "Le vieux pont du port fermé aux voitures"
    assert article.meta.author == "Jean Dupont"
    assert article.meta.published == dt.date(2014, 12, 21)


ES_BODY = (
    "El ayuntamiento aprobó el martes cerrar al tráfico el viejo puente del puerto a partir de "
    "la próxima primavera, tras años de discusiones sobre su deterioro.",
    "Los ingenieros explicaron que los pilares de acero han perdido casi un tercio de su "
    "resistencia desde la última inspección, sobre todo por culpa de los camiones.",
    "«No podemos seguir parcheando un puente más viejo que la mayoría de sus usuarios», dijo la "
    "concejala de Movilidad tras la votación.",
    "Los ciclistas y peatones podrán seguir cruzando, y un autobús lanzadera circulará cada diez "
    "minutos entre ambas orillas mientras se diseña el nuevo puente.",
)

ES_PASTE = _lines(
    "Ir al contenido",
    "Inicio",
    "Política",
    "Economía",
    "Iniciar sesión",
    "Suscríbete",
    "El viejo puente del puerto se cierra a los coches",
    "Por Juan Pérez",
    "Publicado el 21 de diciembre de 2014",
    "El puente del puerto al atardecer. (Foto: EFE)",
    ES_BODY[0],
    ES_BODY[1],
    "Publicidad",
    ES_BODY[2],
    "Lee también: El pleno aprueba el presupuesto escolar",
    ES_BODY[3],
    "Compartir",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Consulte nuestra "
    "política de cookies.",
    "Lo más leído",
    "Los ferris subirán sus precios en abril",
    "hace 3 horas",
    "La naviera alega que el combustible y el personal cuestan el doble que hace un año.",
    "El museo reabre tras dos años de obras",
    "hace 5 horas",
    "Los visitantes hicieron cola desde primera hora para ver la nueva ala del edificio.",
    "Aviso legal",
    "Todos los derechos reservados",
)


def test_spanish_page() -> None:
    article = clean_paste(ES_PASTE)
    assert article.paragraphs == list(ES_BODY)
    assert article.title == "El viejo puente del puerto se cierra a los coches"
    assert article.meta.author == "Juan Pérez"
    assert article.meta.published == dt.date(2014, 12, 21)


def test_publication_footer_is_metadata_not_text() -> None:
    paste = _lines(
        "Harbour bridge to close to cars next spring",
        *EN_BODY,
        "Published in The Harbour Gazette, March 3rd, 2023",
        "Opinion",
        "Ferry fares to rise in April",
        "Updated 14 Feb, 2024",
        "Ferry fares to rise in April",
        "The operator says fuel costs have doubled and it has no choice but to pass them on.",
    )
    article = clean_paste(paste)
    assert article.paragraphs == list(EN_BODY)
    assert article.meta.publication == "The Harbour Gazette"
    assert article.meta.published == dt.date(2023, 3, 3)


def test_teaser_dates_never_become_the_article_date() -> None:
    paste = _lines(
        "Harbour bridge to close to cars next spring",
        *EN_BODY,
        "Ferry fares to rise in April",
        "Updated 14 Feb, 2024",
        "Ferry fares to rise in April",
        "The operator says fuel costs have doubled and it has no choice but to pass them on.",
        "Museum reopens after two-year refit",
        "Updated 10 Feb, 2024",
        "Museum reopens after two-year refit",
        "Visitors queued around the block on the first day as the building opened its new wing.",
    )
    article = clean_paste(paste)
    assert article.meta.published is None
    assert article.paragraphs == list(EN_BODY)


def test_a_long_comment_thread_does_not_win_over_the_article() -> None:
    comment = (
        "I have been driving over that bridge every day for twenty years and I think the "
        "council is right, although the shuttle bus will need to run much more often."
    )
    thread: list[str] = ["Comments", "Top rated"]
    for n in range(12):
        thread += [
            f"reader{n}",
            f"{n + 2} hours ago",
            comment.replace("twenty", str(n + 20)),
            comment.replace("every day", f"every day ({n})"),
            f"Rating: {n} votes",
        ]
    paste = _lines(
        "Harbour bridge to close to cars next spring", "Published March 3, 2023", *EN_BODY, *thread
    )
    article = clean_paste(paste)
    assert article.paragraphs == list(EN_BODY)
    assert article.meta.published == dt.date(2023, 3, 3)


def test_list_items_inside_an_article_are_kept() -> None:
    items = (
        "1) Preheat the oven to 200 degrees",
        "2) Slice the onions thinly",
        "3) Roast everything for forty minutes",
    )
    paste = _lines("Menu", "Recipes", EN_BODY[0], EN_BODY[1], *items, "Comments", "Log in")
    assert clean_paste(paste).paragraphs == [EN_BODY[0], EN_BODY[1], *items]


def test_subheadings_inside_the_article_are_kept() -> None:
    paste = _lines(
        "Menu",
        "Harbour bridge to close to cars next spring",
        EN_BODY[0],
        EN_BODY[1],
        "Why the steel gave way",
        EN_BODY[2],
        EN_BODY[3],
        "Privacy Policy",
        "Terms of Use",
    )
    assert clean_paste(paste).paragraphs == [
        EN_BODY[0],
        EN_BODY[1],
        "Why the steel gave way",
        EN_BODY[2],
        EN_BODY[3],
    ]


def test_links_after_a_related_header_and_shouted_teasers_are_not_subheadings() -> None:
    paste = _lines(
        "Harbour bridge to close to cars next spring",
        EN_BODY[0],
        EN_BODY[1],
        "Related stories",
        "Ferry fares to rise in April as fuel costs double",
        "Museum reopens after two-year refit",
        EN_BODY[2],
        "MAYOR SAYS THE NEW FERRY TERMINAL WILL OPEN NEXT SUMMER AFTER ALL",
        EN_BODY[3],
    )
    assert clean_paste(paste).paragraphs == list(EN_BODY[:4])


def test_a_long_copyright_line_ends_the_article() -> None:
    legal = (
        "Results vary with every reader and nothing on this page is advice of any kind; "
        "please read our terms before you rely on any of it for anything important."
    )
    paste = _lines(
        *EN_BODY,
        "Facebook",
        "Twitter",
        "© 2023 Harbour Gazette Ltd. All rights reserved. " + legal * 3,
        legal,
        legal.replace("every", "each"),
        legal.replace("page", "site"),
    )
    assert clean_paste(paste).paragraphs == list(EN_BODY)


def test_a_credit_before_its_caption_leaves_the_paragraph_above_alone() -> None:
    """BBC-style: the credit comes first, the caption after it."""
    paste = _lines(
        EN_BODY[0],
        EN_BODY[1],
        "Image copyright Getty Images",
        "Image caption The old bridge at dusk",
        EN_BODY[2],
        EN_BODY[3],
    )
    assert clean_paste(paste).paragraphs == list(EN_BODY[:4])


def test_the_line_above_a_bare_credit_is_a_caption() -> None:
    caption = "Cyclists crossing the old harbour bridge on a wet morning in March."
    paste = _lines(
        EN_BODY[0], EN_BODY[1], caption, "Photo: John Smith/Reuters", EN_BODY[2], EN_BODY[3]
    )
    cleaned = read_paste(paste)
    assert cleaned.article.paragraphs == list(EN_BODY[:4])
    assert "Photo: John Smith/Reuters" in cleaned.credits


def test_a_navigation_bar_pasted_as_one_line_is_not_prose() -> None:
    nav = (
        "Latest News Business Markets Technology Cloud Security Data Centers Networking "
        "Storage Mobility Software Events Awards Jobs Newsletters Podcasts Videos"
    )
    paste = _lines(nav, nav.replace("Latest", "All"), *EN_BODY)
    assert clean_paste(paste).paragraphs == list(EN_BODY)


def _stand_first_page(standfirst: str) -> str:
    """A page printing headline, stand-first, byline and date above the article."""
    return _lines(
        "Home",
        "Harbour bridge to close to cars next spring",
        standfirst,
        "By Jane Doe",
        "March 3, 2023",
        *EN_BODY,
        "Privacy Policy",
    )


def test_a_stand_first_above_the_byline_is_not_article_text() -> None:
    standfirst = (
        "Engineers say the steel has lost a third of its strength, and lorries are to blame."
    )
    article = clean_paste(_stand_first_page(standfirst))
    assert article.paragraphs == list(EN_BODY)
    assert article.meta.author == "Jane Doe"
    assert article.meta.published == dt.date(2023, 3, 3)


def test_a_long_stand_first_above_the_byline_is_the_first_paragraph() -> None:
    standfirst = (
        "Engineers say the steel of the harbour bridge has lost a third of its strength since "
        "it opened, and that heavy lorries are to blame; the council will close it to cars."
    )
    assert len(standfirst) >= DEFAULT_PASTE_RULES.standfirst_keep_chars
    paste = _stand_first_page(standfirst)
    article = clean_paste(paste)
    assert article.paragraphs == [standfirst, *EN_BODY]
    assert article.meta.author == "Jane Doe"
    short = PasteRules(standfirst_keep_chars=len(standfirst) + 1)
    assert clean_paste(paste, short).paragraphs == list(EN_BODY)


#: A short blurb of a sidebar below the article (a comment form, a related-stories box).
SIDEBAR_BLURB = (
    "Wenn Sie unsere Arbeit unterstützen möchten, freuen wir uns sehr über eine Spende."
)


@pytest.mark.parametrize(
    "heading",
    ["Schreibe einen Kommentar", "Laisser un commentaire", "Deja una respuesta", "Leave a Reply"],
)
def test_a_comment_form_heading_keeps_what_follows_out(heading: str) -> None:
    # after a plain heading the sidebar blurb would join the article
    assert clean_paste(_lines(*EN_BODY, heading, SIDEBAR_BLURB)).paragraphs == list(EN_BODY)
    plain = clean_paste(_lines(*EN_BODY, "Kommentarbereich", SIDEBAR_BLURB)).paragraphs
    assert plain == [*EN_BODY, "Kommentarbereich", SIDEBAR_BLURB]


@pytest.mark.parametrize(
    ("body", "heading"),
    [
        (DE_BODY, "Ähnliche Beiträge"),
        (DE_BODY, "Empfohlen für Sie"),
        (FR_BODY, "Dans la même rubrique"),
        (ES_BODY, "Artículos relacionados"),
    ],
    ids=["de-related", "de-recommended", "fr-same-section", "es-related"],
)
def test_a_related_stories_heading_in_the_page_language_keeps_what_follows_out(
    body: tuple[str, ...], heading: str
) -> None:
    assert clean_paste(_lines(*body, heading, SIDEBAR_BLURB)).paragraphs == list(body)


@pytest.mark.parametrize(
    "furniture",
    [
        "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate "
        "Links, für Käufe darüber erhalten wir eine Provision.",
        "Abbildung 2: Die Brücke im Jahr 1950 und heute im Vergleich mit der neuen",
        "Download the PDF (2.4 MB) of the full council report on the harbour bridge.",
    ],
    ids=["affiliate-mark", "figure-caption", "file-size"],
)
def test_the_html_extractor_s_furniture_is_furniture_in_a_paste_too(furniture: str) -> None:
    paste = _lines(*EN_BODY[:3], furniture, *EN_BODY[3:])
    assert clean_paste(paste).paragraphs == list(EN_BODY)
    without = PasteRules(shared_furniture=False)
    assert furniture in clean_paste(paste, without).paragraphs


def test_the_spam_filter_notice_under_a_comment_form_is_not_article_text() -> None:
    notice = "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber."
    assert clean_paste(_lines(*EN_BODY, notice)).paragraphs == list(EN_BODY)


def test_an_author_box_ends_the_article() -> None:
    bio = (
        "Jane Doe (@janedoe) is a staff writer at the Harbour Gazette, covering transport "
        "and the waterfront since 2015."
    )
    teasers = [
        "The ferry operator says fuel costs have doubled and fares will rise from next month, "
        "though season tickets will be spared for another year at least.",
        "Planners want to give bikes more room on the narrow streets of the old town, but "
        "traders worry about deliveries, parking and the loss of passing trade.",
    ]
    paste = _lines(*EN_BODY, bio, "Want more stories like this?", *teasers)
    assert clean_paste(paste).paragraphs == list(EN_BODY)


def test_an_article_paragraph_about_a_journalist_stays() -> None:
    about = (
        "Maria Lopez is a former reporter who covered the harbour for the city paper for "
        "twenty years before she joined the council."
    )
    paste = _lines(EN_BODY[0], EN_BODY[1], about, EN_BODY[2], EN_BODY[3])
    assert clean_paste(paste).paragraphs == [EN_BODY[0], EN_BODY[1], about, EN_BODY[2], EN_BODY[3]]


# --------------------------------------------------------------------------- no boilerplate


def test_a_clean_paste_comes_back_whole() -> None:
    text = "\n\n".join(EN_BODY)
    assert clean_paste(text).text == text


def test_hard_wrapped_paragraphs_stay_together() -> None:
    wrapped = (
        "The city council voted on Tuesday to close the old harbour bridge\n"
        "to cars from next spring, ending a decade of arguments about the\n"
        "crumbling structure and its future."
    )
    second = (
        "Engineers said the steel supports had lost almost a third of their\n"
        "strength since the last inspection, mostly because of heavy lorries."
    )
    article = clean_paste(f"{wrapped}\n\n{second}\n")
    assert article.paragraphs == [wrapped, second]


# --------------------------------------------------------------------------- odd input


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\t \r\n"])
def test_empty_input(text: str) -> None:
    assert clean_paste(text) == Article(text="")


def test_gibberish_does_not_raise_and_stays_verbatim() -> None:
    text = "qwpoe ;;; 123 ..... \x00\x01 ₿ ﺎَﻣ\n\n\n)))((( zzz"
    article = clean_paste(text)
    for paragraph in article.paragraphs:
        assert paragraph in text


def test_only_menus_gives_no_article_text() -> None:
    assert clean_paste(_lines("Home", "News", "Sign in", "Subscribe", "Advertisement")).text == ""


def test_rules_are_frozen_and_injectable() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_PASTE_RULES.prose_words = 3  # type: ignore[misc]
    strict = PasteRules(prose_words=40, long_words=60, short_sentence_words=50)
    assert clean_paste("\n".join(EN_BODY), strict).text != "\n\n".join(EN_BODY)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000))
def test_fuzz_never_raises_and_keeps_verbatim_lines(text: str) -> None:
    article = clean_paste(text)
    assert isinstance(article, Article)
    for paragraph in article.paragraphs:
        for line in paragraph.split("\n"):
            assert line.strip() in text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *EN_BODY,
                "Home",
                "Share",
                "Updated 14 Feb, 2024",
                "— Reuters/file",
                "By Jane Doe",
                "",
                "Read more",
                "1) Item",
                "Published in Dawn, December 21st, 2014",
            ]
        ),
        max_size=40,
    )
)
def test_fuzz_page_shapes(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = clean_paste(text)
    for paragraph in article.paragraphs:
        assert paragraph in text
