"""The founding example end to end: pasted Dawn page → summary, quotes and attribution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summaries.config import SummaryOptions
from summaries.pipeline import summarize_text

SEED = Path(__file__).parent.parent / "fixtures" / "seed"


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((SEED / "dawn-2014-12-21-gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def summary():
    return summarize_text((SEED / "dawn-2014-12-21-pasted.txt").read_text("utf-8"))


def test_sentences_are_article_sentences_only(summary, gold) -> None:
    article = "\n".join(gold["article_paragraphs"])
    boilerplate = set(gold["boilerplate_lines"])
    assert len(summary.sentences) == 3
    for sentence in summary.sentences:
        assert sentence.text in article
        assert not any(sentence.text in line or line in sentence.text for line in boilerplate)
        assert "Published in" not in sentence.text
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(indices)


def test_attribution_chain(summary, gold) -> None:
    source = summary.to_json()["source"]
    assert source["publication"] == gold["publication"]
    assert source["published"] == gold["published"]
    assert gold["wire_agency"] in source["wire"]
    assert source["cited"] == gold["reported_by"]
    assert summary.title == gold["title"]
    assert summary.language == "en"


def test_quotes_with_speakers(gold) -> None:
    text = (SEED / "dawn-2014-12-21-pasted.txt").read_text("utf-8")
    every = summarize_text(text, SummaryOptions(max_quotes=10))
    got = {(q.text.rstrip(".,"), q.speaker) for q in every.quotes}
    want = {(q["quote"].rstrip(".,"), q["speaker"]) for q in gold["quotes"]}
    assert got == want


def test_default_key_quotes_are_gold_quotes_with_their_speakers(summary, gold) -> None:
    got = [(q.text.rstrip(".,"), q.display_speaker) for q in summary.quotes]
    want = [(q["quote"].rstrip(".,"), q["speaker"]) for q in gold["quotes"]]
    assert len(got) == min(SummaryOptions().max_quotes, len(want))
    assert all(pair in want for pair in got)
    assert got == sorted(got, key=want.index)  # article order
