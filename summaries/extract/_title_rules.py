"""How the headline is read from a page's statements of it, kept as data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TitleRules:
    """How the headline is read; `benchmarks/cross_validation.py` checks each on every set.

    Attributes:
        min_stripped_words: <title> without its last part must keep this many words to be the
            likelier reading; shorter, the part held half the headline, not a site name.
        max_headings: how many of the page's first <h1> may vote (0: none).
        breadcrumb_last: a <title> of three or more parts ("Site - Section - Headline") also
            offers its last part as its least likely reading; it wins only when another source
            (the <h1>) agrees.
        strip_declared_site: also read og:title/JSON-LD without a trailing known site name.
            Off: pages' declared titles keep it in reader views (metadata-dev), and the
            cross-set table shows it helps one set and costs the other.
        strip_domain_site: also read og:title/JSON-LD without a trailing part that spells the
            page's domain ("Headline | The Japan Times" on japantimes.co.jp, from the canonical
            link or the fetched URL): a site name by evidence outside the page's statements.
            The full og:title stays the likelier reading: the cut wins only with the <h1>
            (reader views keep og:title whole, and so does metadata-dev's gold). <title> cut
            there (also at " : " and "ǀ") is its likeliest reading.
        corroborated_heading: on a tie, the reading the <h1> shows and og:title or JSON-LD
            states wins. Off: multi gains 2 pages, metadata-dev loses one (its gold prefers
            JSON-LD) and falls under its target together with `strip_domain_site`.
        kicker_heading: an <h1> that ends with another source's reading after more words
            ("Kicker Headline" in one element) also votes for that reading.
        lone_heading: the page's only <h1> of `lone_heading_words` or more (shorter ones are
            labels), worded otherwise than every other reading (no reading holds it, it holds
            none) yet sharing a long word with one, wins: og:title and <title> are often one
            SEO text written twice, the lone <h1> is the headline readers see (the multilingual
            gold follows it; metadata-dev has no such page).
        declared_part_heading: the lone <h1> also wins when og:title or JSON-LD is a kicker and
            it ("Kicker: Headline") or it and a tail set off by a colon or "»" ("Headline :
            06.11.2023"); a tail after "|" or a dash is a site's or an author's name, which
            reader views keep.
        lone_heading_words: an <h1> of fewer words is a label ("Details"), not a headline.
        leading_site: a <title> that starts with the site's name (declared or the domain's)
            and a separator or colon ("BDZV: Headline") offers the rest as its likeliest reading.
    """

    min_stripped_words: int = 5
    breadcrumb_last: bool = True
    max_headings: int = 3
    strip_declared_site: bool = False
    strip_domain_site: bool = True
    corroborated_heading: bool = False
    kicker_heading: bool = True
    leading_site: bool = True
    lone_heading: bool = True
    lone_heading_words: int = 3
    declared_part_heading: bool = True


DEFAULT_TITLE_RULES = TitleRules()
