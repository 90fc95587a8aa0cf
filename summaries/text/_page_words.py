"""Words of web-page furniture in many languages, as data: one list each, shared by the HTML
extractor, the paste cleaner and the attribution rules (lower-case; spaces match any blanks)."""

from __future__ import annotations

from summaries.text._regex import alternation

#: Phrases that introduce links to other articles ("Read also: …", "Lesen Sie auch").
SEE_ALSO: tuple[str, ...] = (
    # English
    "read more", "read next", "read also", "see also", "also read",
    # German
    "lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant",
    "das könnte sie auch interessieren", "weitere artikel", "auch lesen", "lies auch",
    "siehe auch", "zum weiterlesen",
    # French
    "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "sur le même sujet",
    # Spanish, Portuguese, Italian, Dutch
    "lea también", "lee también", "vea también", "ve también", "te puede interesar",
    "noticias relacionadas", "más noticias",
    "leia também", "leggi anche", "lees ook",
    # Polish
    "czytaj też", "czytaj także", "czytaj więcej", "zobacz też", "zobacz także", "polecamy",
    "dowiedz się więcej",
    # Russian
    "читайте также", "читайте тоже", "смотрите также", "по теме", "похожие статьи",
    "похожие новости",
    # Chinese
    "相关阅读", "相关新闻", "相关文章", "相关推荐", "延伸阅读", "推荐阅读",
)  # fmt: skip

#: Links that close a teaser: the rest of the story is elsewhere ("Read more", "Weiterlesen").
CONTINUE_READING: tuple[str, ...] = (
    "read more", "read full article", "continue reading", "weiterlesen", "lire la suite",
    "lire plus", "leer más", "seguir leyendo", "leia mais", "leggi tutto", "lees meer",
    "читать далее",
)  # fmt: skip

#: Labels of photo captions and credits ("Photo: AFP", "Bild: dpa", "Crédito: EFE").
PHOTO_CREDIT_LABELS: tuple[str, ...] = (
    "photo", "photograph", "file photo", "picture", "image", "images", "foto", "fotos", "bild",
    "credit", "crédit", "crédito", "créditos",
)  # fmt: skip


#: Headings of a table of contents or a box of further topics: the line alone is furniture.
CONTENTS_HEADINGS: tuple[str, ...] = (
    "table of contents", "contents", "in this article", "more topics",
    "inhaltsverzeichnis", "inhalt", "weitere themen", "weitere informationen",
    "sommaire", "dans cet article", "índice", "contenido", "en este artículo", "spis treści",
    "indice", "inhoudsopgave", "содержание",
)  # fmt: skip

#: Labels that mark an advertisement or a sponsored post ("*Werbung", "Anzeige", "Reklama").
AD_LABELS: tuple[str, ...] = (
    "advertisement", "sponsored", "werbung", "anzeige", "publicidad", "publicité", "pubblicità",
    "reklama", "advertentie", "реклама",
)  # fmt: skip


def phrase_pattern(phrases: tuple[str, ...]) -> str:
    """A regex alternation of `phrases` for case-insensitive patterns (spaces match blanks)."""
    return alternation(phrases, capitalised=False)
