"""The attribution chain: wire credits, cited outlets, datelines, metadata pass-through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summaries.attribution import find_attribution
from summaries.models import Article

SEED_DIR = Path(__file__).parent.parent / "fixtures" / "seed"
SEED = (SEED_DIR / "dawn-2014-12-21-pasted.txt").read_text(encoding="utf-8")


def test_seed_paste_gives_reuters_new_york_times_and_dateline() -> None:
    a = find_attribution(Article(text=SEED, publication="Dawn", published=dt.date(2014, 12, 21)))
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
        ("According to The Washington Post, the plan failed. The newspaper said it had emails.",
         ("The Washington Post",)),
        ("The Wall Street Journal reported the merger. The Journal said talks took months.",
         ("The Wall Street Journal",)),
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
    assert find_attribution(Article(text=text, publication="BBC")).cited == ()


def test_agency_cited_in_text_is_a_wire_not_an_outlet() -> None:
    a = find_attribution(Article(text="LONDON (Reuters) - Prices rose, Reuters reported."))
    assert a.cited == ()
    assert a.wire == ("Reuters",)


def test_metadata_passes_through() -> None:
    a = find_attribution(
        Article(text="Plain text without credits.", author="Ann Lee", url="https://x.test/a")
    )
    assert (a.author, a.url, a.wire, a.cited, a.dateline) == (
        "Ann Lee", "https://x.test/a", (), (), None
    )


def test_uppercase_labels_are_not_datelines() -> None:
    assert find_attribution(Article(text="BREAKING: The bridge is closed.")).dateline is None
