"""News agencies and outlets as data, with a resolver from a mention to its canonical name."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from summaries.text import alternation, compile_cached, longest_first


@dataclass(frozen=True, slots=True)
class Source:
    """A wire agency or outlet: canonical name, full aliases and short back-references.

    `aliases` are unambiguous on their own ("New York Times"); `short` ones ("the Times") only
    resolve to this source when the article named it in full before, or when no other source
    shares the short form. `strict` aliases (all-caps abbreviations such as "AP") count only in
    credit positions for wires or with outlet context words.
    """

    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    strict: tuple[str, ...] = ()


WIRES: tuple[Source, ...] = (
    Source("Reuters", ("Reuters", "Thomson Reuters", "رويترز", "路透社", "路透", "ロイター",
                       "Рейтер", "Рейтерс", "로이터", "رویترز")),
    Source("AP", ("Associated Press", "أسوشيتد برس", "美联社", "AP通信", "Ассошиэйтед Пресс",
                  "आईएएनएस-एपी"), strict=("AP", "أ ب", "ا ب")),
    Source("AFP", ("Agence France-Presse", "Agence France Presse", "Agence France-Press",
                   "فرانس برس", "法新社", "Франс Пресс", "AFP通信"),
           strict=("AFP", "أ ف ب", "ا ف ب", "АФП")),
    Source("dpa", ("Deutsche Presse-Agentur",), strict=("dpa", "DPA", "د ب أ")),
    Source("EFE", ("Agencia EFE",), strict=("EFE", "إفي")),
    Source("ANSA", ("Agenzia Nazionale Stampa Associata",), strict=("ANSA",)),
    Source("Xinhua", ("Xinhua", "Xinhua News Agency", "新华社", "新華社", "شينخوا", "Синьхуа",
                      "新華社通信")),
    Source("China News Service", ("China News Service", "中新社")),
    Source("TASS", ("TASS", "ITAR-TASS", "ТАСС", "ИТАР-ТАСС")),
    Source("RIA Novosti", ("RIA Novosti", "РИА Новости", "РИА «Новости»"), strict=("RIA",)),
    Source("Interfax", ("Interfax", "Интерфакс")),
    Source("Interfax-Ukraine", ("Interfax-Ukraine", "Інтерфакс-Україна", "Интерфакс-Украина")),
    Source("PTI", ("Press Trust of India", "पीटीआई"), strict=("PTI", "भाषा")),
    Source("IANS", ("Indo-Asian News Service", "आईएएनएस"), strict=("IANS",)),
    Source("ANI", ("Asian News International", "एएनआई"), strict=("ANI",)),
    Source("APP", ("Associated Press of Pakistan",), strict=("APP",)),
    Source("Bloomberg", ("Bloomberg", "Bloomberg News", "بلومبرغ", "彭博社", "Блумберг")),
    Source("Kyodo", ("Kyodo", "Kyodo News", "共同通信", "共同社")),
    Source("Jiji Press", ("Jiji Press", "Jiji", "時事通信")),
    Source("Yonhap", ("Yonhap", "Yonhap News Agency", "연합뉴스", "聯合ニュース", "韩联社")),
    Source("UPI", ("United Press International",), strict=("UPI",)),
    Source("PA Media", ("PA Media", "Press Association"), strict=("PA",)),
    Source("AAP", ("Australian Associated Press",), strict=("AAP",)),
    Source("Canadian Press", ("The Canadian Press", "Canadian Press"), strict=("CP",)),
    Source("Anadolu Agency", ("Anadolu Agency", "Anadolu", "Anadolu Ajansı", "الأناضول",
                              "Анадолу"), strict=("AA",)),
    Source("PAP", ("Polska Agencja Prasowa",), strict=("PAP",)),
    Source("ČTK", ("Česká tisková kancelář",), strict=("ČTK", "CTK")),
    Source("APA", ("Austria Presse Agentur",), strict=("APA",)),
    Source("KNA", ("Katholische Nachrichten-Agentur",), strict=("KNA",)),
    Source("epd", ("Evangelischer Pressedienst",), strict=("epd",)),
    Source("ANP", ("Algemeen Nederlands Persbureau",), strict=("ANP",)),
    Source("Belga", ("Belga",)),
    Source("Lusa", ("Lusa",)),
    Source("Agência Brasil", ("Agência Brasil",)),
    Source("Europa Press", ("Europa Press",)),
    Source("AGI", ("Agenzia Giornalistica Italia", "Adnkronos"), strict=("AGI",)),
    Source("Ukrinform", ("Ukrinform", "Укрінформ", "Укринформ")),
    Source("UNIAN", ("УНІАН", "УНИАН"), strict=("UNIAN",)),
    Source("Bernama", ("Bernama",)),
    Source("Antara", ("Antara",)),
    Source("WAM", ("Emirates News Agency",), strict=("WAM", "وام")),
    Source("SPA", ("Saudi Press Agency",), strict=("SPA", "واس")),
    Source("Petra", ("Jordan News Agency", "Petra News Agency"), strict=("بترا", "Petra")),
    Source("MENA", ("Middle East News Agency", "وكالة أنباء الشرق الأوسط"), strict=("أ ش أ",)),
    Source("SANA", ("Syrian Arab News Agency",), strict=("سانا", "SANA")),
    Source("KUNA", ("Kuwait News Agency",), strict=("كونا", "KUNA")),
    Source("QNA", ("Qatar News Agency",), strict=("قنا", "QNA")),
    Source("IRNA", ("Islamic Republic News Agency", "ایرنا", "إرنا"), strict=("IRNA",)),
    Source("ISNA", ("ایسنا",), strict=("ISNA",)),
    Source("Tasnim", ("Tasnim", "تسنیم")),
    Source("KCNA", ("Korean Central News Agency",), strict=("KCNA",)),
)

OUTLETS: tuple[Source, ...] = (
    Source("The New York Times", ("New York Times", "NY Times", "NYTimes"), ("Times",),
           ("NYT",)),
    Source("The Washington Post", ("Washington Post",), ("Post",), ("WaPo",)),
    Source("The Wall Street Journal", ("Wall Street Journal",), ("Journal",), ("WSJ",)),
    Source("Los Angeles Times", ("Los Angeles Times", "LA Times", "L.A. Times"), ("Times",)),
    Source("Financial Times", ("Financial Times",), ("FT",)),
    Source("The Times (London)", ("The Times of London", "Times of London"), ("Times",)),
    Source("The Times of India", ("Times of India",), ("Times",)),
    Source("New York Post", ("New York Post", "NY Post"), ("Post",)),
    Source("The Boston Globe", ("Boston Globe",), ("Globe",)),
    Source("The Guardian", ("Guardian",)),
    Source("The Telegraph", ("Daily Telegraph", "Telegraph")),
    Source("The Independent", ("Independent",)),
    Source("The Economist", ("Economist",)),
    Source("Daily Mail", ("Daily Mail", "Mail Online", "MailOnline")),
    Source("The Sun", ("The Sun",)),
    Source("The Atlantic", ("The Atlantic",)),
    Source("The New Yorker", ("New Yorker",)),
    Source("USA Today", ("USA Today", "USA TODAY")),
    Source("Politico", ("Politico", "POLITICO")),
    Source("Axios", ("Axios",)),
    Source("The Hill", ("The Hill",)),
    Source("BBC", ("BBC", "BBC News", "British Broadcasting Corporation", "بي بي سي",
                  "بی‌بی‌سی", "बीबीसी")),
    Source("CNN", ("CNN",)),
    Source("Fox News", ("Fox News", "Fox")),
    Source("NBC News", ("NBC News", "NBC")),
    Source("CBS News", ("CBS News", "CBS")),
    Source("ABC News", ("ABC News", "ABC")),
    Source("MSNBC", ("MSNBC",)),
    Source("NPR", ("NPR", "National Public Radio")),
    Source("Yahoo News", ("Yahoo News",)),
    Source("BuzzFeed News", ("BuzzFeed News", "BuzzFeed")),
    Source("Breitbart News", ("Breitbart News", "Breitbart")),
    Source("HuffPost", ("HuffPost", "Huffington Post")),
    Source("Al Jazeera", ("Al Jazeera", "الجزيرة")),
    Source("Dawn", ("Dawn",)),
    Source("The Hindu", ("The Hindu",)),
    Source("Der Spiegel", ("Der Spiegel", "Spiegel")),
    Source("Die Zeit", ("Die Zeit",)),
    Source("Süddeutsche Zeitung", ("Süddeutsche Zeitung", "Süddeutschen Zeitung"), (),
           ("SZ",)),
    Source("Frankfurter Allgemeine Zeitung", ("Frankfurter Allgemeine Zeitung",
                                              "Frankfurter Allgemeinen Zeitung",
                                              "Frankfurter Allgemeinen", "Frankfurter Allgemeine"),
           (), ("FAZ",)),
    Source("Bild", ("Bild-Zeitung", "Bild")),
    Source("Le Monde", ("Le Monde",)),
    Source("Le Figaro", ("Le Figaro",)),
    Source("Libération", ("Libération",)),
    Source("El País", ("El País",)),
    Source("El Mundo", ("El Mundo",)),
    Source("La Repubblica", ("La Repubblica",)),
    Source("Corriere della Sera", ("Corriere della Sera", "Corriere")),
    Source("Gazeta Wyborcza", ("Gazeta Wyborcza", "Gazety Wyborczej", "Wyborcza", "Wyborczej")),
    Source("Kommersant", ("Kommersant", "Коммерсантъ", "Коммерсант", "Коммерсанта",
                        "Коммерсанту")),
    Source("Vedomosti", ("Vedomosti", "Ведомости", "Ведомостей", "Ведомостям")),
    Source("Asahi Shimbun", ("Asahi Shimbun", "朝日新聞")),
    Source("South China Morning Post", ("South China Morning Post", "南华早报", "南華早報"),
           ("Post",), ("SCMP",)),
    Source("Haaretz", ("Haaretz",)),
    # German (with the dative/genitive forms that follow "laut", "berichtete der")
    Source("Die Welt", ("Die Welt", "Welt am Sonntag")),
    Source("Handelsblatt", ("Handelsblatt", "Handelsblatts")),
    Source("Tagesspiegel", ("Tagesspiegel", "Tagesspiegels")),
    Source("Redaktionsnetzwerk Deutschland", ("Redaktionsnetzwerk Deutschland",), (), ("RND",)),
    Source("ARD", ("ARD", "tagesschau")),
    Source("ZDF", ("ZDF",)),
    # French, Spanish, Italian, Portuguese, Dutch, Polish, Turkish
    Source("Le Parisien", ("Le Parisien",)),
    Source("Les Echos", ("Les Echos",)),
    Source("franceinfo", ("franceinfo", "France Info", "France Télévisions")),
    Source("BFMTV", ("BFMTV",)),
    Source("RFI", ("Radio France Internationale",), (), ("RFI",)),
    Source("France 24", ("France 24",)),
    Source("La Vanguardia", ("La Vanguardia",)),
    Source("El Confidencial", ("El Confidencial",)),
    Source("Clarín", ("Clarín",)),
    Source("La Nación", ("La Nación",)),
    Source("El Universal", ("El Universal",)),
    Source("RTVE", ("RTVE",)),
    Source("La Stampa", ("La Stampa",)),
    Source("Il Sole 24 Ore", ("Il Sole 24 Ore", "Sole 24 Ore")),
    Source("Il Fatto Quotidiano", ("Il Fatto Quotidiano", "Fatto Quotidiano")),
    Source("Folha de S.Paulo", ("Folha de S.Paulo", "Folha de São Paulo", "Folha")),
    Source("O Globo", ("O Globo",)),
    Source("Estadão", ("Estadão", "O Estado de S. Paulo")),
    Source("Público", ("Público",)),
    Source("de Volkskrant", ("de Volkskrant", "Volkskrant")),
    Source("NRC", ("NRC Handelsblad", "NRC")),
    Source("De Telegraaf", ("De Telegraaf", "Telegraaf")),
    Source("NOS", ("NOS",)),
    Source("Rzeczpospolita", ("Rzeczpospolita", "Rzeczpospolitej")),
    Source("TVN24", ("TVN24",)),
    Source("Onet", ("Onet",)),
    Source("Hürriyet", ("Hürriyet",)),
    Source("Milliyet", ("Milliyet",)),
    Source("Cumhuriyet", ("Cumhuriyet",)),
    Source("Sözcü", ("Sözcü",)),
    # Russian and Ukrainian (with the inflected forms after "по данным", "пишет")
    Source("RBC", ("РБК", "RBC")),
    Source("Izvestia", ("Известия", "Известий", "Izvestia")),
    Source("Novaya Gazeta", ("Новая газета", "Новой газеты", "Novaya Gazeta")),
    Source("Meduza", ("Meduza", "Медуза", "Медузы")),
    Source("Ukrainska Pravda", ("Українська правда", "Украинская правда", "Ukrainska Pravda")),
    # Arabic, Persian, Hindi, Urdu
    Source("Al Arabiya", ("Al Arabiya", "قناة العربية")),
    Source("Al-Ahram", ("Al-Ahram", "الأهرام")),
    Source("Asharq Al-Awsat", ("Asharq Al-Awsat", "الشرق الأوسط")),
    Source("Al-Quds Al-Arabi", ("القدس العربي",)),
    Source("Hamshahri", ("همشهری",)),
    Source("Kayhan", ("کیهان",)),
    Source("Dainik Bhaskar", ("Dainik Bhaskar", "दैनिक भास्कर")),
    Source("Hindustan Times", ("Hindustan Times", "हिंदुस्तान टाइम्स")),
    Source("NDTV", ("NDTV", "एनडीटीवी")),
    Source("Geo News", ("Geo News", "جیو نیوز")),
    # Chinese, Japanese, Korean
    Source("People's Daily", ("People's Daily", "人民日报", "人民日報")),
    Source("Global Times", ("Global Times", "环球时报")),
    Source("Caixin", ("Caixin", "财新")),
    Source("The Paper", ("澎湃新闻",)),
    Source("CCTV", ("CCTV", "央视", "中央电视台")),
    Source("Yomiuri Shimbun", ("Yomiuri Shimbun", "読売新聞")),
    Source("Mainichi Shimbun", ("Mainichi Shimbun", "毎日新聞")),
    Source("Nikkei", ("Nikkei", "日本経済新聞", "日経新聞")),
    Source("NHK", ("NHK",)),
    Source("Chosun Ilbo", ("Chosun Ilbo", "조선일보")),
    Source("JoongAng Ilbo", ("JoongAng Ilbo", "중앙일보")),
    Source("Dong-A Ilbo", ("Dong-A Ilbo", "동아일보")),
    Source("Hankyoreh", ("Hankyoreh", "한겨레")),
    Source("KBS", ("KBS",)),
)

#: Back-references to the last cited outlet ("the newspaper said").
OUTLET_NOMINALS = (
    "newspaper", "paper", "daily", "broadcaster", "network", "outlet", "magazine", "tabloid",
    "weekly", "channel", "website", "site", "Zeitung", "Blatt", "journal", "quotidien", "diario",
    "periódico", "газета", "издание", "صحيفة", "الصحيفة", "روزنامه", "अख़बार", "अखबार",
)


_DETERMINER = compile_cached(r"^(?:the|die|der|das|le|la|el|il|o|a)\s+", re.IGNORECASE)


#: Scripts whose words run together (Han, kana, Hangul with glued particles): no word edges.
_GLUED = compile_cached(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_ARABIC = compile_cached(r"[\u0600-\u06ff]")


def _alias_patterns(aliases: list[str]) -> tuple[re.Pattern[str], ...]:
    """One pattern per kind of script: spaced words, glued scripts (CJK), Arabic script.

    Case-sensitive on purpose: outlet names are written capitalised, and a case-insensitive
    alternation is an order of magnitude slower. The glued and Arabic patterns only run on
    texts that hold such letters (see `_finditer`).
    """
    def alt(items: list[str]) -> str:
        return alternation(items, capitalised=False)  # a character trie: far faster

    glued = [a for a in aliases if _GLUED.search(a)]
    arabic = [a for a in aliases if _ARABIC.search(a) and a not in glued]
    spaced = [a for a in aliases if a not in glued and a not in arabic]
    # the lookahead on the names' first letters lets the scan skip most positions before it
    # tests the word edge (half the time of the edge test alone; same matches)
    first = re.escape("".join(sorted({a[0] for a in spaced})))
    return (
        compile_cached(rf"(?=[{first}])(?<![\w-])(?:" + alt(spaced) + r")(?![\w-])"),
        # no word edges: `연합뉴스에 따르면`, `据路透社报道`
        compile_cached("(?:" + alt(glued) + ")") if glued else _NEVER,
        # a one-letter clitic may be glued before the name (`لرويترز` "to Reuters")
        compile_cached(
            r"(?:(?<![\w-])|(?<=(?<![\w-])[وفلب]))(?:" + alt(arabic) + r")(?![\w-])"
        ) if arabic else _NEVER,
    )


_NEVER = compile_cached(r"(?!)")


@dataclass(frozen=True, slots=True)
class _Compiled:
    spaced: re.Pattern[str]
    glued: re.Pattern[str]
    arabic: re.Pattern[str]
    lookup: dict[str, Source]

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Every alias match in `text`, in order."""
        found = list(self.spaced.finditer(text))
        if _GLUED.search(text):
            found.extend(self.glued.finditer(text))
        if _ARABIC.search(text):
            found.extend(self.arabic.finditer(text))
        return sorted(found, key=lambda m: m.start())


def _compile(sources: tuple[Source, ...], with_strict: bool) -> _Compiled:
    lookup: dict[str, Source] = {}
    for src in sources:
        for alias in (src.name, *src.aliases, *(src.strict if with_strict else ())):
            lookup.setdefault(alias.lower(), src)
            if alias.lower().startswith("the "):
                lookup.setdefault(alias[4:].lower(), src)
    variants = {v for src in sources for a in (src.name, *src.aliases, *(
        src.strict if with_strict else ())) for v in (a, a[4:] if a.startswith("The ") else a)}
    spaced, glued, arabic = _alias_patterns(longest_first(variants))
    return _Compiled(spaced, glued, arabic, lookup)


_OUTLETS = _compile(OUTLETS, with_strict=True)
_WIRES = _compile(WIRES, with_strict=False)
_SHORT_FORMS = frozenset(short for src in OUTLETS for short in src.short)


def outlet_mentions(text: str) -> list[tuple[int, Source]]:
    """Positions and sources of every full outlet mention in `text`, in order."""
    return [(start, src) for start, _, src in outlet_spans(text)]


def outlet_spans(text: str) -> list[tuple[int, int, Source]]:
    """(start, end, source) of every full outlet mention in `text`, in order."""
    out: list[tuple[int, int, Source]] = []
    for m in _OUTLETS.finditer(text):
        src = _OUTLETS.lookup.get(" ".join(m.group().split()).lower())
        if src is None:
            continue
        alias = m.group()
        if alias.lower() in {s.lower() for s in src.strict} and not alias.isupper():
            continue  # "wsj" in running lower-case text is not the paper
        if len(alias) <= 5 and alias[:1].islower():
            continue
        if alias in _SHORT_FORMS:
            continue  # "the Times": a back-reference, resolved by canonical_outlet
        out.append((m.start(), m.end(), src))
    return out


def wire_mentions(text: str) -> list[tuple[int, int, Source]]:
    """(start, end, source) of every full-name wire agency mention in `text`, in order."""
    out: list[tuple[int, int, Source]] = []
    for m in _WIRES.finditer(text):
        src = _WIRES.lookup.get(" ".join(m.group().split()).lower())
        if src is not None:
            out.append((m.start(), m.end(), src))
    return out


@functools.lru_cache(maxsize=8)
def _mentions_cached(text: str) -> tuple[tuple[int, Source], ...]:
    return tuple(outlet_mentions(text))


def canonical_outlet(mention: str, text: str, before: int) -> str | None:
    """Canonical outlet name for a speaker mention ("the New York Times", "The Times").

    Args:
        mention: the speaker string as written.
        text: the whole article (for back-references).
        before: offset of the mention; only outlets named before it resolve short forms.

    Returns:
        The canonical name, or None when the mention is no known outlet.
    """
    core = _DETERMINER.sub("", mention.strip()).strip()
    if not core:
        return None
    is_nominal = core in OUTLET_NOMINALS or (
        core.lower() in OUTLET_NOMINALS and core[:1].islower()
    )
    if not is_nominal and core not in _SHORT_FORMS and core.lower() not in _OUTLETS.lookup:
        return None  # the common case: a person's name; skip the mention scan
    earlier = [s for pos, s in _mentions_cached(text) if pos < before]
    if is_nominal:
        return earlier[-1].name if earlier else None
    for s in reversed(earlier):  # "the Times" after "the New York Times reported"
        if core in s.short:
            return s.name
    src = _OUTLETS.lookup.get(core.lower())
    if src is not None and (core not in src.strict or core.isupper()):
        return src.name
    return None
