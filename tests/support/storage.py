"""Builders shared by the storage tests: a settable clock and a summary that exercises every
field of the cache format."""

from __future__ import annotations

import datetime as dt

from summaries.models import Attribution, Quote, Sentence, Summary


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def summary() -> Summary:
    """Non-ASCII, markup, every attribution field, a resolved and an unresolved quote."""
    return Summary(
        title="Ünïcode “title” & <tags>",
        language="de",
        sentences=(Sentence(0, "Erster Satz.", 0.9), Sentence(4, "Fünfter Satz.", 0.5)),
        quotes=(
            Quote("Wir sind bereit", "sie", 10, 25, "Anna Beispiel", "Anna Beispiel"),
            Quote("Nein", None),
        ),
        attribution=Attribution(
            publication="Zeitung",
            author="A. Autor",
            published=dt.date(2023, 1, 31),
            wire=("dpa",),
            cited=("Spiegel", "FAZ"),
            dateline="BERLIN",
            url="https://z.example/a",
        ),
        article_words=420,
        total_sentences=17,
        summary_words=4,
        text_cut=True,
        algorithm="lexrank",
    )
