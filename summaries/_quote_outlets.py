"""News agencies and outlets as data, with a resolver from a mention to its canonical name."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


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
    Source("Reuters", ("Reuters", "Thomson Reuters")),
    Source("AP", ("Associated Press",), strict=("AP",)),
    Source("AFP", ("Agence France-Presse", "Agence France Presse", "Agence France-Press"),
           strict=("AFP",)),
    Source("dpa", ("Deutsche Presse-Agentur",), strict=("dpa", "DPA")),
    Source("EFE", ("Agencia EFE",), strict=("EFE",)),
    Source("ANSA", ("Agenzia Nazionale Stampa Associata",), strict=("ANSA",)),
    Source("Xinhua", ("Xinhua", "Xinhua News Agency")),
    Source("TASS", ("TASS", "ITAR-TASS")),
    Source("RIA Novosti", ("RIA Novosti",), strict=("RIA",)),
    Source("Interfax", ("Interfax",)),
    Source("PTI", ("Press Trust of India",), strict=("PTI",)),
    Source("IANS", ("Indo-Asian News Service",), strict=("IANS",)),
    Source("ANI", ("Asian News International",), strict=("ANI",)),
    Source("APP", ("Associated Press of Pakistan",), strict=("APP",)),
    Source("Bloomberg", ("Bloomberg", "Bloomberg News")),
    Source("Kyodo", ("Kyodo", "Kyodo News")),
    Source("Jiji Press", ("Jiji Press", "Jiji")),
    Source("Yonhap", ("Yonhap", "Yonhap News Agency")),
    Source("UPI", ("United Press International",), strict=("UPI",)),
    Source("PA Media", ("PA Media", "Press Association"), strict=("PA",)),
    Source("AAP", ("Australian Associated Press",), strict=("AAP",)),
    Source("Canadian Press", ("The Canadian Press", "Canadian Press"), strict=("CP",)),
    Source("Anadolu Agency", ("Anadolu Agency", "Anadolu", "Anadolu Ajansı"), strict=("AA",)),
    Source("PAP", ("Polska Agencja Prasowa",), strict=("PAP",)),
    Source("APA", ("Austria Presse Agentur",), strict=("APA",)),
    Source("KNA", ("Katholische Nachrichten-Agentur",), strict=("KNA",)),
    Source("epd", ("Evangelischer Pressedienst",), strict=("epd",)),
    Source("ANP", ("Algemeen Nederlands Persbureau",), strict=("ANP",)),
    Source("Belga", ("Belga",)),
    Source("Lusa", ("Lusa",)),
    Source("Europa Press", ("Europa Press",)),
    Source("Ukrinform", ("Ukrinform",)),
    Source("Bernama", ("Bernama",)),
    Source("Antara", ("Antara",)),
    Source("WAM", ("Emirates News Agency",), strict=("WAM",)),
    Source("SPA", ("Saudi Press Agency",), strict=("SPA",)),
    Source("IRNA", ("Islamic Republic News Agency",), strict=("IRNA",)),
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
    Source("BBC", ("BBC", "BBC News", "British Broadcasting Corporation")),
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
    Source("Al Jazeera", ("Al Jazeera",)),
    Source("Dawn", ("Dawn",)),
    Source("The Hindu", ("The Hindu",)),
    Source("Der Spiegel", ("Der Spiegel", "Spiegel")),
    Source("Die Zeit", ("Die Zeit",)),
    Source("Süddeutsche Zeitung", ("Süddeutsche Zeitung",), (), ("SZ",)),
    Source("Frankfurter Allgemeine Zeitung", ("Frankfurter Allgemeine Zeitung",), (), ("FAZ",)),
    Source("Bild", ("Bild-Zeitung", "Bild")),
    Source("Le Monde", ("Le Monde",)),
    Source("Le Figaro", ("Le Figaro",)),
    Source("Libération", ("Libération",)),
    Source("El País", ("El País",)),
    Source("El Mundo", ("El Mundo",)),
    Source("La Repubblica", ("La Repubblica",)),
    Source("Corriere della Sera", ("Corriere della Sera",)),
    Source("Gazeta Wyborcza", ("Gazeta Wyborcza",)),
    Source("Kommersant", ("Kommersant", "Коммерсантъ", "Коммерсант")),
    Source("Vedomosti", ("Vedomosti", "Ведомости")),
    Source("Asahi Shimbun", ("Asahi Shimbun",)),
    Source("NHK", ("NHK",)),
    Source("South China Morning Post", ("South China Morning Post",), ("Post",), ("SCMP",)),
    Source("Haaretz", ("Haaretz",)),
)

#: Back-references to the last cited outlet ("the newspaper said").
OUTLET_NOMINALS = (
    "newspaper", "paper", "daily", "broadcaster", "network", "outlet", "magazine", "tabloid",
    "weekly", "channel", "website", "site", "Zeitung", "Blatt", "journal", "quotidien", "diario",
    "periódico", "газета", "издание",
)


_DETERMINER = re.compile(r"^(?:the|die|der|das|le|la|el|il|o|a)\s+", re.IGNORECASE)


def _alias_pattern_all(aliases: list[str]) -> str:
    # case-sensitive on purpose: outlet names are written capitalised, and a case-insensitive
    # alternation is an order of magnitude slower
    return r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])"


@dataclass(frozen=True, slots=True)
class _Compiled:
    full: re.Pattern[str]
    lookup: dict[str, Source]


def _compile(sources: tuple[Source, ...], with_strict: bool) -> _Compiled:
    lookup: dict[str, Source] = {}
    for src in sources:
        for alias in (src.name, *src.aliases, *(src.strict if with_strict else ())):
            lookup.setdefault(alias.lower(), src)
            if alias.lower().startswith("the "):
                lookup.setdefault(alias[4:].lower(), src)
    variants = {v for src in sources for a in (src.name, *src.aliases, *(
        src.strict if with_strict else ())) for v in (a, a[4:] if a.startswith("The ") else a)}
    full = re.compile(_alias_pattern_all(sorted(variants, key=len, reverse=True)))
    return _Compiled(full, lookup)


_OUTLETS = _compile(OUTLETS, with_strict=True)
_SHORT_FORMS = frozenset(short for src in OUTLETS for short in src.short)


def outlet_mentions(text: str) -> list[tuple[int, Source]]:
    """Positions and sources of every full outlet mention in `text`, in order."""
    out: list[tuple[int, Source]] = []
    for m in _OUTLETS.full.finditer(text):
        src = _OUTLETS.lookup.get(m.group().lower())
        if src is None:
            continue
        alias = m.group()
        if alias.lower() in {s.lower() for s in src.strict} and not alias.isupper():
            continue  # "wsj" in running lower-case text is not the paper
        if len(alias) <= 5 and not alias[:1].isupper():
            continue
        if alias in _SHORT_FORMS:
            continue  # "the Times": a back-reference, resolved by canonical_outlet
        out.append((m.start(), src))
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
