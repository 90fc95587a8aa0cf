"""Small hand-written articles for bot tests (our own text, not from any dataset)."""

from __future__ import annotations

ARTICLE_PARAGRAPHS = (
    "RIVERTON — The Riverton city council voted on Monday to build a new footbridge across the "
    "Lark River, ending a debate that has divided the town for almost a decade.",
    "The bridge will connect the old market district with the new housing estates on the "
    "eastern bank, and council officials said construction could begin next spring.",
    "\u201cWe have waited long enough for this crossing,\u201d said Mayor Helen Okafor after "
    "the vote. \u201cFamilies on the east bank deserve a safe way to reach the schools.\u201d",
    "The project is expected to cost 14 million dollars, most of it from a regional transport "
    "fund, according to the council's budget office.",
    "Opponents argued that the money should go to repairing existing roads first, and several "
    "residents spoke against the plan during a three-hour public hearing.",
    "\u201cThe roads are crumbling and nobody is fixing them,\u201d said Tom Brennan, who runs "
    "a hardware shop near the river.",
    "Engineers from the regional authority presented three designs, and the council chose a "
    "steel arch that leaves room for river barges to pass underneath.",
    "The council also asked the planning department to publish a timetable for the road "
    "repairs by the end of the year, a compromise that won two extra votes.",
    "Construction is scheduled to last eighteen months, and the bridge should open to walkers "
    "and cyclists in the autumn of the following year.",
    "Local businesses in the market district welcomed the decision, saying they expect more "
    "customers from the eastern estates once the crossing opens.",
)

ARTICLE_TITLE = "Riverton council approves footbridge over the Lark"


def article_text() -> str:
    """The article as pasted text (title line, then paragraphs)."""
    return ARTICLE_TITLE + "\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS)


def article_html(title: str = ARTICLE_TITLE) -> str:
    """The article as a news page with a byline, a date and some site chrome."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Riverton Gazette</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Riverton Gazette">
<meta name="author" content="Dana Ellis">
<meta property="article:published_time" content="2024-03-11T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p class="byline">By Dana Ellis</p>
<time datetime="2024-03-11">11 March 2024</time>
{paragraphs}
</article>
<footer>Copyright Riverton Gazette. All rights reserved.</footer>
</body></html>"""


SHORT_HTML = """<!doctype html><html><head><title>Committee postponed</title></head><body>
<article><h1>Committee postponed</h1>
<p>The extraordinary municipal planning committee unexpectedly postponed Wednesday's scheduled
deliberations concerning neighbourhood infrastructure improvements.</p>
<p>Administrators confirmed rescheduling arrangements yesterday afternoon. Residents'
representatives acknowledged the announcement, expressing considerable disappointment regarding
continuing uncertainty.</p>
</article></body></html>"""

NAV_ONLY_HTML = """<!doctype html><html><head><title>Index</title></head><body>
<nav><ul><li><a href="/a">News</a></li><li><a href="/b">Sport</a></li>
<li><a href="/c">Weather</a></li></ul></nav><div id="app"></div>
<script>window.render()</script></body></html>"""
