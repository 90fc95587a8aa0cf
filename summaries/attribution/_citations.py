"""Reporting phrases that cite an outlet or agency, per language, as regex fragments.

An outlet name counts as cited only right after one of `CITE_BEFORE` (optionally followed by a
kind word such as "newspaper" and a determiner or an opening mark: `berichtete die
„Süddeutsche Zeitung“`, `وفقا لصحيفة الأهرام`, `по данным РБК`) or right before one of
`CITE_AFTER` (after an optional closing mark: `wie die „SZ“ berichtete`, `Hürriyet'in
haberine göre`, `연합뉴스에 따르면`, `朝日新聞によると`). A bare mention may be a topic.
"""

from __future__ import annotations

#: Phrases before the outlet, by language (regex fragments, matched case-insensitively).
CITE_BEFORE: dict[str, tuple[str, ...]] = {
    "en": (
        "according to", "told", "in an interview with", "interview with", "speaking to",
        "speaking with", "said to", "quoted by", "cited by", "reported by", "as reported by",
        "first reported by", "a report by", "a report in", "report in", "report from", "per",
        "told the",
    ),
    "de": (
        "laut", "nach Angaben", "berichtete", "berichtet", "berichten", "meldete", "meldet",
        "schreibt", "schrieb", "sagte", "sagt", "erfuhr", "zitiert", "zitierte",
        r"(?:laut|nach)\s+(?:einem\s+)?Bericht(?:en)?\s+(?:der|des|von)",
        r"gegenüber\s+(?:der|dem|den)",
    ),
    "fr": (
        "selon", "d'après", "d’après", "rapporte", "a rapporté", "rapportait", "écrit",
        "a écrit", "indique", "a indiqué", "révèle", "a révélé", "a confié à", "confie à",
        "a déclaré à", "interrogé par", "interrogée par", "cité par", "citée par",
    ),
    "es": (
        "según", "de acuerdo con", "informó", "informa", "publicó", "publica", "reveló",
        "revela", "declaró a", "dijo a", "en declaraciones a", "citado por", "citada por",
    ),
    "it": (
        "secondo", "riporta", "ha riportato", "scrive", "ha scritto", "riferisce",
        "ha riferito", "rivela", "ha rivelato", "ha detto a", "intervistato da",
        "intervistata da",
    ),
    "pt": (
        "segundo", "de acordo com", "conforme", "informou", "noticiou", "revelou", "publicou",
        "disse ao", "disse à", "em entrevista ao", "em entrevista à",
    ),
    "nl": (
        "volgens", "meldt", "meldde", "schrijft", "schreef", "bericht", "berichtte", "zei tegen",
    ),
    "pl": (
        "według", "podał", "podała", "podaje", "napisał", "napisała", "pisze", "informuje",
        "poinformował", "poinformowała", "jak podaje", "jak informuje", "powiedział",
    ),
    "ru": (
        "по данным", "по информации", "по сведениям", "по словам", "сообщает", "сообщил",
        "сообщила", "сообщили", "сообщают", "пишет", "пишут", "передает", "передаёт",
        "информирует", "со ссылкой на", "рассказал", "рассказала", "заявил", "заявила",
    ),
    "uk": (
        "за даними", "за інформацією", "повідомляє", "повідомило", "повідомила", "пише",
        "пишуть", "передає", "з посиланням на",
    ),
    "tr": ("göre",),
    "ar": (
        "ذكرت", "أفادت", "نقلت", "قالت", "كشفت", "أوردت", "بحسب", "حسب", r"وفقا\s+ل",
        r"وفقاً\s+ل", r"نقلا\s+عن", r"نقلاً\s+عن", "لـ",
    ),
    "fa": ("به گزارش", "به نوشته", "به نقل از", "گزارش داد"),
    "hi": (),
    "ur": (),
    "vi": ("theo", "báo", "hãng tin", "trả lời phỏng vấn", "nói với"),
    "id": ("menurut", "dilansir", "seperti dilansir", "dikutip dari", "melansir", "kepada"),
    "zh": ("据", "根据", "援引", "接受", "告诉"),
}

#: Kind words between the reporting phrase and the name ("the newspaper", `صحيفة`, `газета`).
OUTLET_KINDS: tuple[str, ...] = (
    "the newspaper", "the broadcaster", "the magazine", "news agency", "die Zeitung",
    "das Magazin", "der Sender", "le quotidien", "le journal", "l'hebdomadaire", "el diario",
    "el periódico", "il quotidiano", "o jornal", "a revista", "de krant", "dziennik", "portal",
    "газета", "газеты", "газете", "издание", "издания", "агентство", "агентства", "телеканал",
    "телеканала", "газета", "صحيفة", "الصحيفة", "جريدة", "قناة", "موقع", "وكالة", "شبكة",
    "خبرگزاری", "روزنامه", "báo", "hãng tin", "harian", "kantor berita",
)

#: Determiners and opening marks between the phrase and the name.
OUTLET_DETERMINERS: tuple[str, ...] = (
    "the", "die", "der", "dem", "den", "des", "das", "le", "la", "les", "l'", "el", "del", "al",
    "il", "lo", "o", "a", "ao", "à", "do", "da", "de", "het",
)

#: Phrases after the outlet (regex fragments; some glue onto the name with no space).
CITE_AFTER: tuple[str, ...] = (
    # English and European languages
    "reported", "reports", "said", "says", "wrote", "writes", "has learned", "learned",
    "first reported", "revealed", "published", "quoted", "cited", "noted", "added", "obtained",
    "broke the news", "berichtete", "berichtet", "berichten", "meldete", "meldet", "schreibt",
    "schrieb", "zufolge", "a rapporté", "rapporte", "écrit", "a révélé", "révèle", "informó",
    "publicó", "informa", "publica", "reveló", "ha riferito", "riporta", "scrive",
    "ha scritto", "noticiou", "informou", "revelou", "meldt", "meldde", "schrijft", "schreef",
    "podał", "podaje", "napisał", "pisze", "сообщает", "сообщил", "сообщило", "пишет",
    "пишут", "сообщили", "повідомляє", "пише", "bildirdi", "yazdı", "melaporkan",
    "memberitakan",
    # suffixes and postpositions glued to the name
    r"['’](?:n?[ıiuü]n|[ıiuü]n)\s+haberine\s+göre", r"['’](?:n?[ıiuü]n|[ıiuü]n)\s+göre",
    r"\s*के\s+अनुसार", r"\s*की\s+रिपोर्ट\s+के\s+अनुसार", r"\s*के\s+मुताबिक", r"\s*کے\s+مطابق",
    r"\s*کی\s+رپورٹ\s+کے\s+مطابق", r"(?:의\s+보도|\s*보도)?에\s*따르면",
    r"[은는이가]\s[^.\n]{0,80}?보도했다",
    "によると", "によれば", "が報じた", "は報じた", "报道", "報道", "消息", "援引", "称",
)
