"""Data tables and thresholds for cleaning pasted web pages (no logic lives here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summaries.text import (
    CONTINUE_READING,
    FURNITURE_LINES,
    FURNITURE_MARKS,
    PHOTO_CREDIT_LABELS,
    SEE_ALSO,
    boilerplate_line,
    furniture_mark,
    phrase_pattern,
)

_PHOTO_LABELS = phrase_pattern(PHOTO_CREDIT_LABELS)

# Menu/section/call-to-action phrases in several languages. A *short* line that contains one of
# them as whole words is page furniture, not article text. Kept lower-case, without punctuation.
# "See also" and "continue reading" phrases are furniture too; they live in `summaries.text`
# (shared with the HTML extractor) and join this table in `MENUS`.
MENU_PHRASES: tuple[str, ...] = (
    # English
    "advertisement", "advert", "sponsored", "sponsored content", "skip to content",
    "skip to main content", "skip to navigation", "site index", "home page", "homepage", "home",
    "menu", "search", "log in", "login", "log out", "sign in", "sign up", "sign out", "register",
    "subscribe", "subscribers", "subscription", "newsletter", "newsletters", "share", "share this",
    "share on", "tweet", "email", "print", "facebook", "twitter", "instagram", "linkedin",
    "whatsapp", "pinterest", "reddit", "youtube", "telegram", "rss",
    "more from", "more stories", "more news", "related", "related articles", "related stories",
    "related content", "recommended", "recommended for you", "you may also like",
    "you might also like", "most read", "most popular", "most viewed", "trending", "top stories",
    "latest news", "latest", "comments", "comment", "leave a comment", "show comments",
    "view comments", "reply", "report", "continue reading below",
    "click here", "watch", "video", "photos", "gallery", "caption", "close",
    "next", "previous", "back to top", "load more", "see more", "see all", "view all", "show more",
    "privacy policy", "privacy", "cookie policy", "cookies", "cookie settings", "terms of use",
    "terms of service", "terms and conditions", "contact us", "about us", "careers", "sitemap",
    "site map", "accessibility", "all rights reserved", "copyright", "follow us",
    "download the app",
    "get the app", "listen", "listen to this article", "accept", "accept all", "reject all",
    "manage preferences", "opinion", "editorial", "advertise", "toggle navigation", "topics",
    "tags", "filed under", "explore further", "story timeline", "thanks for watching",
    # German
    "anzeige", "werbung", "mehr lesen", "mehr dazu", "teilen",
    "artikel teilen", "abonnieren", "abo", "anmelden", "abmelden", "registrieren", "suche",
    "startseite", "kommentare", "kommentieren", "datenschutz", "datenschutzerklärung", "impressum",
    "alle rechte vorbehalten", "zum inhalt springen",
    "meistgelesen", "empfehlungen", "themen", "drucken", "zurück", "weiter", "schließen",
    "akzeptieren", "alle akzeptieren", "cookie einstellungen", "folgen sie uns", "jetzt lesen",
    "verwandte artikel",
    # French
    "publicité", "partager",
    "s abonner", "abonnez vous", "se connecter", "connexion", "inscription", "déconnexion",
    "recherche", "accueil", "commentaires", "commenter", "mentions légales",
    "politique de confidentialité", "tous droits réservés", "les plus lus",
    "à voir aussi", "en savoir plus", "fermer", "suivant", "précédent", "accepter",
    "tout accepter", "suivez nous", "newsletter gratuite", "articles liés", "vous aimerez aussi",
    # Spanish
    "publicidad",
    "compartir", "suscríbete", "suscribirse", "iniciar sesión", "regístrate", "buscar", "inicio",
    "comentarios", "comentar", "aviso legal", "política de privacidad", "política de cookies",
    "todos los derechos reservados", "lo más leído", "más leídas", "relacionado",
    "ver más", "cerrar", "siguiente", "anterior", "aceptar",
    "aceptar todo", "síguenos",
    # Italian / Portuguese / Dutch / Russian (common ones)
    "pubblicità", "condividi", "abbonati", "accedi", "iscriviti", "commenti",
    "tutti i diritti riservati", "publicidade", "compartilhe",
    "assine", "entrar", "comentários", "todos os direitos reservados", "advertentie",
    "delen", "abonneren", "inloggen", "reacties", "реклама",
    "поделиться", "подписаться", "войти", "комментарии",
    "все права защищены",
)

# Phrases that mark a line as boilerplate at any length: cookie banners, newsletter boxes,
# affiliate notes, "subscribe to …" pitches. Matched on the lower-cased line as whole words.
BANNER_PHRASES: tuple[str, ...] = (
    "we use cookies", "this site uses cookies", "this website uses cookies", "use of cookies",
    "cookie policy", "privacy policy", "accept cookies", "by continuing to browse",
    "by continuing to use", "sign up for our newsletter", "subscribe to our newsletter",
    "sign up for the", "subscribe to our", "subscribe to the", "sign up to receive",
    "get our newsletter", "delivered to your inbox", "in your inbox", "all rights reserved",
    "we may earn a commission", "we may receive a commission", "affiliate commission",
    "if you click on one and make a purchase", "this article contains affiliate links",
    "click here to", "download our app", "get the app", "enable javascript",
    "your browser does not support", "follow us on", "share this article", "share on facebook",
    "share on twitter", "to continue reading", "already a subscriber", "create a free account",
    "thanks for reading", "letters to the editor", "this document is subject to copyright",
    "this article is subject to copyright",
    "wir verwenden cookies", "diese website verwendet cookies", "verwendung von cookies",
    "datenschutzerklärung", "newsletter abonnieren", "melden sie sich", "jetzt abonnieren",
    "alle rechte vorbehalten", "folgen sie uns",
    "nous utilisons des cookies", "ce site utilise des cookies", "utilisation des cookies",
    "politique de confidentialité", "abonnez vous à notre", "inscrivez vous à notre",
    "tous droits réservés", "suivez nous sur",
    "utilizamos cookies", "este sitio web utiliza cookies", "uso de cookies",
    "política de privacidad", "política de cookies", "suscríbete a nuestro",
    "todos los derechos reservados", "síguenos en",
    "utilizziamo i cookie", "questo sito utilizza cookie", "utilizamos cookies",
    "tutti i diritti riservati", "todos os direitos reservados",
    # WordPress's spam-filter notice under a comment form, in its shipped translations
    "this site uses akismet to reduce spam",
    "diese website verwendet akismet um spam zu reduzieren",
    "ce site utilise akismet pour réduire les indésirables",
    "este sitio usa akismet para reducir el spam", "questo sito usa akismet per ridurre lo spam",
    "este site utiliza o akismet para reduzir spam",
    "deze site gebruikt akismet om spam te verminderen",
)

# Section headers that open what follows an article: comments, related stories, most read.
# A short line containing one costs more than a plain menu item, so the article run stops there.
SECTION_PHRASES: tuple[str, ...] = (
    "comments", "comment", "leave a comment", "leave a reply", "top rated comments",
    "show comments", "view comments", "related", "related articles", "related stories",
    "related content", "related posts", "more from", "more stories", "more news",
    "read these next", "read next", "recommended", "recommended for you", "you may also like",
    "you might also like", "most read", "most popular", "most viewed", "trending", "trending now",
    "top stories", "latest news", "latest stories", "popular", "editor s picks", "don t miss",
    "kommentare", "leserkommentare", "das könnte sie auch interessieren", "meistgelesen",
    "mehr zum thema", "verwandte artikel", "empfehlungen", "commentaires", "les plus lus",
    "sur le même sujet", "à lire aussi", "vous aimerez aussi", "articles liés", "comentarios",
    "lo más leído", "más leídas", "noticias relacionadas", "te puede interesar", "commenti",
    "lascia un commento", "articoli correlati", "i più letti", "comentários", "mais lidas",
    "reacties", "meest gelezen", "комментарии", "читайте также", "отзывы", "добавить отзыв",
    "добавить комментарий", "похожие статьи", "похожие новости", "самые популярные",
    # the English entries above in German, French and Spanish, where missing
    "kommentare anzeigen", "ähnliche artikel", "ähnliche beiträge", "verwandte beiträge",
    "mehr aus", "mehr artikel", "mehr nachrichten", "weitere artikel", "weitere nachrichten",
    "als nächstes lesen", "empfohlen", "empfohlen für sie", "empfohlen für dich",
    "das könnte dich auch interessieren", "meistgesehen", "am meisten gelesen",
    "beliebte beiträge", "beliebteste artikel", "top themen", "neueste nachrichten",
    "neueste beiträge", "nicht verpassen", "afficher les commentaires", "dans la même rubrique",
    "articles similaires", "à lire également", "lire aussi", "plus d articles",
    "recommandé pour vous", "les plus populaires", "les plus vus", "dernières actualités",
    "à ne pas manquer", "ver comentarios", "artículos relacionados", "entradas relacionadas",
    "también te puede interesar", "lee también", "más noticias", "recomendado para ti",
    "lo más visto", "más populares", "últimas noticias", "no te pierdas",
    # comment-form headings of WordPress and the like, in their shipped translations
    "cancel reply", "post a comment", "schreibe einen kommentar", "hinterlasse einen kommentar",
    "schreiben sie einen kommentar", "kommentar verfassen", "kommentar schreiben",
    "antworten abbrechen", "laisser un commentaire", "laisser une réponse", "annuler la réponse",
    "deja una respuesta", "deja un comentario", "dejar un comentario", "cancelar la respuesta",
    "lascia una risposta", "annulla risposta", "deixe um comentário", "deixe uma resposta",
    "cancelar resposta", "geef een reactie", "laat een reactie achter", "reactie annuleren",
)

# The HTML extractor's furniture (`summaries.text`): a line opening with a furniture line
# pattern (tag lists, "Reporting by", photo credits, see-also labels, ...), or a short one with a
# pitch mark anywhere (newsletter, subscription, app, affiliate links, file sizes).
FURNITURE_LINE = boilerplate_line(FURNITURE_LINES)
FURNITURE_MARK = furniture_mark(FURNITURE_MARKS)

# Lines that start with one of these are teaser/link furniture whatever their length.
LEAD_MARKER_RE = re.compile(
    r"^\W{0,3}(?:related|also|more|recommended|watch|listen|click here|"
    r"get [a-z ]{0,20}(?:app|newsletter)|subscribe|sign up|follow (?:us|the|@|on)|"
    rf"{phrase_pattern(SEE_ALSO + CONTINUE_READING)})"
    r"\s*(?::|\||»|›|>|\.{3}|…|-{1,2}|–|—)",
    re.IGNORECASE,
)

# A numbered or bulleted list item ("1) Lego …", "2. Preheat …", "• Step").
LIST_ITEM_RE = re.compile(r"^(?:\d{1,3}[.)]\s|\(\d{1,3}\)\s|[•▪◦●■*·–-]\s)\s*\S")

# A teaser blurb cut off mid-sentence: "… and wounded two ...", "… at least 10pc of its…".
TRUNCATED_RE = re.compile(r"[\w,;]\s?(?:\.{3}|…)\s*$")

# Photo captions and credits: whole-line credits ("— Reuters/file", "Photo: AFP", "Getty"),
# and caption lines carrying a credit marker anywhere ("…rabbitCredit: Getty").
CAPTION_HEAD_RE = re.compile(
    rf"\W{{0,3}}(?:(?:{_PHOTO_LABELS}|source|quelle|illustration|graphic|video)"
    r"\s*(?::|\||by\b|\.{3}|…|©)|"
    r"image (?:copyright|caption|source)\b|"
    r"(?:©|\(c\))\s*\S|"
    r"\S.{0,60}/(?:file|files|archive|archivo|archives)\s*$)",
    re.IGNORECASE,
)
# Credits at the end of a caption; searched in the last CAPTION_TAIL_CHARS characters only.
CAPTION_TAIL_RE = re.compile(
    rf"(?:{_PHOTO_LABELS})\s*(?::|\.{{2,}}|…)\s*"
    r"\S[^.!?]{0,80}$|"
    r"\((?:image|photo|foto|picture|credit|bild|pictured|file|ap|afp|reuters|getty(?: images)?|"
    r"epa|dpa|efe|ansa|xinhua|ap photo[^)]{0,60}|[^()]{0,40}/(?:ap|afp|reuters|getty images|"
    r"epa|dpa))\b[^()]{0,60}\)\s*\.?$|"
    r"\b(?:submitted photo|stock photo|getty images|shutterstock|istock|istockphoto)\s*$|"
    r"\bvia (?:ap|afp|reuters|getty images|epa|dpa)\s*$",
    re.IGNORECASE,
)
CAPTION_TAIL_CHARS = 140
#: Every CAPTION_TAIL_RE match contains one of these (searched in the lower-cased tail, since a
#: case-insensitive alternation is slow in `re`); lines without any skip the full pattern.
CAPTION_TAIL_KEY_RE = re.compile(
    r"\(|credit|crédit|photo|foto|bild|image|picture|getty|shutterstock|istock|via\s"
)
# Credits that do not close a caption above them: the caption follows ("Image copyright X",
# then "Image caption …"), or the line cites a source or links a graphic, not a photo.
CREDIT_FIRST_RE = re.compile(
    r"\W{0,3}(?:image copyright|copyright|source|sources|quelle|fuente|graphic|video)\b",
    re.IGNORECASE,
)
#: Caption words that may sit anywhere in the caption.
CAPTION_INFIXES = ("(pictured)", "(im bild)", "(en la foto)", "(sur la photo)")

# An image file name or a bare URL left over from a copy ("harbour-bridge.jpg").
IMAGE_FILE_RE = re.compile(
    r"^\S{1,200}\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?)(?:\?\S*)?$", re.IGNORECASE
)

# Wire/photo agencies: a short line that is only an agency (or "Name/Agency") is a credit.
AGENCY_WORDS: frozenset[str] = frozenset({
    "reuters", "afp", "ap", "getty", "getty images", "epa", "dpa", "efe", "ansa", "xinhua",
    "shutterstock", "istock", "alamy", "bloomberg", "pa", "pa wire", "pa images", "anp", "tass",
    "file", "files", "handout", "ap photo", "afp photo", "reuters/file",
})

# Footer/attribution lines: the article ends here ("Published in Dawn, December 21st, 2014").
FOOTER_RE = re.compile(
    r"\W{0,3}(?:(?:published|first published|originally published|appeared|erschienen|"
    r"veröffentlicht|publié|paru|publicado|pubblicato)\s+(?:in|on|im|in der|dans|en|sur|su)\s+"
    r"(?P<pub>[^,;|\n]{2,60}?)\s*(?:,|on\b|am\b|le\b|el\b|il\b|\||-|–|—)\s*(?P<rest>.{0,80})$|"
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|[a-z]))",
    re.IGNORECASE,
)
# A copyright notice with a year ends the article at any length ("© 2019 Example, LLC. All …").
COPYRIGHT_RE = re.compile(
    r"\W{0,3}(?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{4}\b", re.IGNORECASE
)
# An author box ends the article: "Jane Doe (@jdoe) is a staff writer at …".
AUTHOR_BIO_RE = re.compile(
    r"(?!(?:The|This|That|These|Those|It|He|She|They|We|There|Our|His|Her|Its)\s)"
    r"(?:[A-Z][\w.'’-]+\s){1,4}(?:\([^)]{1,40}\)\s)?(?:is|was|has been)\s(?:a|an|the)\s"
    r"[^.]{0,120}?\b(?:writer|reporter|editor|contributor|journalist|correspondent|columnist|"
    r"author|blogger|producer|freelancer?)\b"
)
#: Author boxes are short; longer lines are not checked.
AUTHOR_BIO_CHARS = 600
# Rights notices end the article too (matched as phrases, see PhraseTable).
RIGHTS_PHRASES: tuple[str, ...] = (
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
    "todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados",
    "alle rechten voorbehouden", "все права защищены",
)

# Date-context keywords ("Published December 21, 2014", "Updated 18 Dec, 2024").
DATE_KEYWORD_RE = re.compile(
    r"^\W{0,3}(?:published|posted|updated|last updated|modified|first published|date|"
    r"veröffentlicht|aktualisiert|stand|erstellt|publié|mis à jour|modifié|publicado|"
    r"actualizado|pubblicato|aggiornato|atualizado|gepubliceerd|bijgewerkt|"
    r"опубликовано|обновлено)\b\s*(?:on|am|le|el|il|em|op)?\s*:?\s*",
    re.IGNORECASE,
)

# Bylines: "By Jane Doe", "Von Max Muster", "Par Jean Dupont", "Por Juan Pérez".
BYLINE_RE = re.compile(
    r"^\W{0,3}(?:by|von|par|por|di|door|written by|reported by|autor|auteur|author|автор)"
    r"\s*:?\s+(?P<name>[^\W\d_][^|•·\n]{1,80}?)\s*(?:[|•·,]\s*(?P<rest>.{0,80}))?$",
    re.IGNORECASE,
)

# "3 hours ago", "vor 2 Stunden", "il y a 3 heures", "hace 2 horas", "5 min read".
TIME_AGO_RE = re.compile(
    r"\b\d{1,3}\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|weeks?|"
    r"months?|years?)\s+(?:ago|read)\b|"
    r"\bvor\s+\d{1,3}\s+(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)\b|"
    r"\bil y a\s+\d{1,3}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)\b|"
    r"\bhace\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses|años?)\b|"
    r"\b(?:yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy)\b",
    re.IGNORECASE,
)

# Every date or "time ago" stamp has a digit or one of these day words (a cheap pre-check;
# case-insensitive alternations cost far more in `re` than a digit search plus `in`).
DIGIT_RE = re.compile(r"\d")
DAY_WORDS: tuple[str, ...] = (
    "yesterday", "today", "gestern", "heute", "hier", "aujourd", "ayer", "hoy",
)

# Month names (lower-case, no trailing dot) in the languages we read, to month numbers.
MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1)},
    "sept": 9,
    **{m: i for i, m in enumerate(
        ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
         "oktober", "november", "dezember"), start=1)},
    "jänner": 1, "mär": 3, "okt": 10, "dez": 12,
    **{m: i for i, m in enumerate(
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
         "octobre", "novembre", "décembre"), start=1)},
    "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
    **{m: i for i, m in enumerate(
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"), start=1)},
    "setiembre": 9, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    **{m: i for i, m in enumerate(
        ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
         "settembre", "ottobre", "novembre", "dicembre"), start=1)},
    **{m: i for i, m in enumerate(
        ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
         "outubro", "novembro", "dezembro"), start=1)},
}

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

# Dates: "December 21, 2014", "December 21st, 2014", "21 Dec, 2014", "21. Dezember 2014",
# "21 de diciembre de 2014", "2014-12-21", "21.12.2014". Named groups feed the parser.
DATE_RE = re.compile(
    rf"(?<!\w)(?:(?P<mdy_m>{_MONTH_ALT})\.?\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"(?P<mdy_y>\d{{4}})|"
    rf"(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(?P<dmy_m>{_MONTH_ALT})\.?,?\s+"
    rf"(?:de\s+|del\s+)?(?P<dmy_y>\d{{4}})|"
    r"(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})|"
    r"(?P<dot_d>\d{1,2})\.(?P<dot_m>\d{1,2})\.(?P<dot_y>\d{4}))(?!\w)",
    re.IGNORECASE,
)

# Whatever may surround a date on a pure date line: times, weekdays, separators, "Updated".
DATE_LINE_FILLER_RE = re.compile(
    r"\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?|\b(?:am|pm|gmt|utc|cet|cest|est|"
    r"edt|pst|pdt|ist|pkt|bst|ct|et|pt|uhr|a\.m\.|p\.m\.|at|um|à|a las|alle|on|am|le|el|the|de|"
    r"del|du|den|der|ngày)\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|segunda|terça|quarta|quinta|sexta|feira|às|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
    r"miércoles|jueves|viernes|sábado|domingo)\b",
    re.IGNORECASE,
)

WORD_RE = re.compile(r"\w+")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: Thai, Lao, Tibetan, Myanmar and Khmer: no spaces between words (about four letters a word).
UNSPACED_RE = re.compile(r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")
# Joined inline links ("SubscribeSign In"): split lower→Upper boundaries before matching menus.
CAMEL_JOIN_RE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
CAMEL_PAIR_RE = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")  # finds a join without look-arounds (faster)
# The first letter of each word that starts with a letter.
WORD_INITIAL_RE = re.compile(r"\b[^\W\d_]")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
TERMINAL_RE = re.compile(r"[.!?…。！？؟।](?:[\"'”’»)\]]{0,3})$")
SENTENCE_PUNCT_RE = re.compile(r"[.,;:!?…。，、！？؟،](?=\s|$)")
# Prose may also end by introducing a list or a quote.
INTRO_END_RE = re.compile(r"[:;,]$")


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Phrases as normalised word sequences, indexed by first word: checking a line costs one
    dict lookup per word (a big regex alternation costs far more)."""

    #: first word → the lengths (in words) of phrases starting with it, longest first
    lengths: dict[str, tuple[int, ...]]
    phrases: frozenset[str]
    #: one-word phrases, and first words of longer ones (set operations run in C)
    singles: frozenset[str] = frozenset()
    firsts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, phrases: tuple[str, ...]) -> PhraseTable:
        """Build a table from raw phrases (normalised like lines: lower-case, words only)."""
        norm = frozenset(" ".join(re.sub(r"[\W_]+", " ", p).lower().split()) for p in phrases)
        by_first: dict[str, set[int]] = {}
        for phrase in norm:
            words = phrase.split()
            by_first.setdefault(words[0], set()).add(len(words))
        lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in by_first.items()}
        singles = frozenset(p for p in norm if " " not in p)
        firsts = frozenset(p.split()[0] for p in norm if " " in p)
        return cls(lengths, norm, singles, firsts)

    def found_in(self, words: list[str]) -> bool:
        """True when some run of consecutive `words` is one of the phrases."""
        if not self.singles.isdisjoint(words):
            return True
        hits = self.firsts.intersection(words)
        if not hits:
            return False
        for i, word in enumerate(words):
            if word in hits:
                for n in self.lengths[word]:
                    if n > 1 and " ".join(words[i:i + n]) in self.phrases:
                        return True
        return False


MENUS = PhraseTable.of(MENU_PHRASES + SEE_ALSO + CONTINUE_READING)
SECTIONS = PhraseTable.of(SECTION_PHRASES)
BANNERS = PhraseTable.of(BANNER_PHRASES)
RIGHTS = PhraseTable.of(RIGHTS_PHRASES)


@dataclass(frozen=True, slots=True)
class PasteRules:
    """Thresholds of the pasted-page cleaner; the patterns above are module-level tables.

    Scores feed a maximum-sum run search: prose lines add their word weight, furniture lines
    subtract, a footer resets the run. The article is the best-scoring run of lines.
    """

    #: A line with at least this many words and sentence punctuation is prose; shorter ones
    #: weigh as short lines. Teaser headlines run 10-14 words ("Could an astronaut lost in
    #: space use gravity to get around?"). 10 → 15: 3 pages better on either rendering of the
    #: dev pages, none worse; 12-20 all do as well; 5-fold CV chose 15 on 4 folds, 12 on one.
    prose_words: int = 15
    #: A line this long counts as prose even without punctuation.
    long_words: int = 18
    #: A shorter line that ends like a sentence (≥ this many words) is a short paragraph.
    short_sentence_words: int = 2
    #: A "menu phrase" only disqualifies lines up to this many words.
    menu_max_words: int = 6
    #: Lines longer than this are never checked for menu phrases or dates (speed, safety).
    short_line_chars: int = 200
    #: Per-line scores for the run search. Menu, section, repeated-line and first-run values
    #: were chosen together on three sets (browser copy, pasted-dev, extraction-multi-dev
    #: pasted; 5-fold CV by the mean of the three, `benchmarks/paste_cv.py`):
    #: menu 6 -> 18, repeated 4 -> 0, first-run share 0.5 -> 0.375 lift all three (dev F1
    #: 0.9538/0.9510/0.8702 -> 0.9585/0.9551/0.8817; the choice held out 0.9573/0.9558/0.8808;
    #: menu 15-36 score alike). A section header still costs more than a menu item (22.5).
    heading_penalty: float = 3.0
    menu_penalty: float = 18.0
    section_penalty: float = 22.5
    #: The earliest candidate run scoring this share of the best run is the article.
    first_run_share: float = 0.375
    #: Subtracted from every prose line's words, so short isolated blurbs barely count.
    prose_offset: float = 0.0
    #: A comma-separated list of at least this many short items without a verb-ish ending is a
    #: tag list ("stock car 2018, stock car brasil, …").
    tag_list_items: int = 4
    caption_penalty: float = 2.0
    date_penalty: float = 8.0
    teaser_penalty: float = 10.0
    #: A line printed again elsewhere on the page (teaser headline, gallery caption) scores
    #: -repeated_penalty instead of its words when prose, that much below a heading when one:
    #: at 0 a repeated paragraph neither adds to a run nor breaks it.
    repeated_penalty: float = 0.0
    #: Short sentence-like lines weigh this share of their words.
    short_sentence_weight: float = 0.5
    #: A date line and the next one this close, with at most one prose line between, is a teaser.
    teaser_gap: int = 6
    #: Three or more date lines this close to each other form a feed (comments, teaser lists).
    feed_gap: int = 15
    #: Headline search: how many lines above the article to look, and headline word bounds.
    title_window: int = 20
    title_min_words: int = 2
    title_max_words: int = 30
    #: Metadata search window (lines) above the article and below it.
    meta_window_above: int = 25
    meta_window_below: int = 4
    #: A heading in capitals with at least this many words is a teaser link, not a subheading.
    shouted_words: int = 8
    #: Up to this many body lines above a byline or date line at the top are a stand-first...
    standfirst_lines: int = 2
    #: ...and they stay in the article when they hold at least this many characters: a one-line
    #: dek is a second headline, a longer stand-first is the article's first paragraph (German
    #: pages print 120-740 characters there; `ExtractionRules.standfirst_min_chars` agrees).
    standfirst_keep_chars: int = 160
    #: A date line has at most this many words ("Updated 18 Dec, 2024, 10:31 AM").
    date_max_words: int = 14
    #: Hard-wrapped text: lines of a block at least this long and mostly without end punctuation.
    #: The same test finds a list or table of the article in a browser's copy (a block of short
    #: lines, a blank line after it): a schedule, an info box. 40 → 20: browser copy 4 pages
    #: better, 1 worse (an image file name joins a list); chosen on 5 of 5 folds; pasted-dev
    #: (no blank lines) unchanged.
    wrap_min_chars: int = 20
    #: In a paste with at least `spaced_min_blanks` blank lines (a browser's copy: a blank line
    #: after each paragraph), a prose line with no blank line on either side adds this share
    #: of its words (5-fold CV in benchmarks/browser_paste.py chose 0.1 on 4 folds of 5).
    unspaced_prose_weight: float = 0.1
    spaced_min_blanks: int = 3
    #: A line printing one text twice is a link with a CSS-hidden twin, not prose.
    doubled_links: bool = True
    #: A picture's file name (a browser copies alt text) opens a figure: the line above it is
    #: not that picture's caption.
    image_names_open_figures: bool = True
    #: Lines of the article run that the HTML extractor drops as furniture (`FURNITURE_LINE`,
    #: `FURNITURE_MARK` in a line of at most `pitch_max_chars`) are furniture in a paste too:
    #: extraction-multi-dev pasted 0.863 -> 0.870, browser copy +0.0005, pasted-dev +0.0006.
    shared_furniture: bool = True
    pitch_max_chars: int = 300


DEFAULT_PASTE_RULES = PasteRules()
