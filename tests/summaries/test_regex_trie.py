"""alternation: sharing a branch between siblings with the same continuation changes no match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summaries.text import alternation


def _plain_trie(words: list[str]) -> str:
    """The trie with one branch per character (the shape before siblings were merged)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(tree) + ")"


def test_capitalised_forms_share_their_branch() -> None:
    assert alternation(["said", "says"]) == "(?:[Ss]a(?:id|ys))"
    assert alternation(["a b", "ab"], capitalised=False) == r"(?:a(?:\s+b|b))"


def test_a_blank_keeps_its_own_branch() -> None:
    pattern = re.compile(alternation(["a b", "a-b"], capitalised=False))
    assert [bool(pattern.fullmatch(t)) for t in ("a b", "a \t b", "a-b", "a.b")] == [
        True,
        True,
        True,
        False,
    ]


LETTERS = st.sampled_from(list("abAB -.é\t"))
WORDS = st.lists(st.text(LETTERS, min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.lists(st.text(LETTERS, max_size=8), min_size=1, max_size=6), st.booleans())
def test_matches_as_one_branch_per_character(
    words: list[str], texts: list[str], capitalised: bool
) -> None:
    items = {w for w in words if w}
    if capitalised:
        items |= {w[:1].upper() + w[1:] for w in items}
    merged = re.compile(alternation(words, capitalised=capitalised))
    plain = re.compile(_plain_trie(sorted(items)))
    # a blank in a word matches any run of white space
    stretched = [w.replace(" ", " \t ") for w in items]
    for text in [*texts, *items, *stretched]:
        for start in range(len(text) + 1):
            a, b = merged.match(text, start), plain.match(text, start)
            assert (a and a.span()) == (b and b.span()), (text, start)
