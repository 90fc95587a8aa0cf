"""Regex building blocks shared by the stages: letter classes and word-list alternations."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

#: Upper-case letters of the Latin, Greek and Cyrillic blocks, as a character-class body.
_UPPER = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and chr(c).isalpha())
UPPER = re.escape(_UPPER)
_LOWER = "".join(chr(c) for c in range(0x61, 0x530) if chr(c).islower() and chr(c).isalpha())
LOWER = re.escape(_LOWER)


def _trie(words: list[str]) -> str:
    """A regex alternation shaped as a character trie: far faster than a flat `a|b|c`."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        end = "" in node
        # Siblings with the same continuation share one branch behind a character class
        # (`[Ss]aid` for "said" and "Said"): they start with different characters, so at most
        # one of them can match at a position and the alternation matches exactly as before,
        # while the pattern (and its compile time) shrinks by the repeated continuations.
        groups: dict[str, list[str]] = {}  # continuation -> first characters, in order
        for ch, child in sorted(node.items()):
            if ch:
                # a blank matches a run of white space: it never shares a branch
                groups.setdefault(" " if ch == " " else emit(child), []).append(ch)
        branches = [
            r"\s+" + emit(node[" "]) if chars == [" "] else _branch_head(chars) + continuation
            for continuation, chars in groups.items()
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(tree) + ")"


def _branch_head(chars: list[str]) -> str:
    """The regex for one of `chars`: the character itself, or a class of them."""
    if len(chars) == 1:
        return re.escape(chars[0])
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def longest_first(items: Iterable[str]) -> list[str]:
    """`items` longest first, equal lengths in text order: a flat alternation built from them
    tries the longest name first, and its text is the same in every run (the regex cache keys
    on it; set order changes between runs)."""
    return sorted(items, key=lambda item: (-len(item), item))


def alternation(words: tuple[str, ...] | list[str], capitalised: bool = True) -> str:
    """An alternation of `words` (also Capitalised when asked), as a trie; spaces match blanks."""
    items = {w for w in words if w}
    if capitalised:
        items |= {w[:1].upper() + w[1:] for w in items}
    return _trie(sorted(items))


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every match of `pattern` starts with, or None when that is not known.

    Known when each way through the pattern begins with a literal character, past zero-width
    tests (word edges, lookarounds) and optional parts; a class, `.` or an empty match makes
    it unknown. A lookahead on these characters lets a search skip most positions cheaply.
    """
    # the regex module's own parser (no second grammar to keep); untyped, hence Any below
    sre: Any = importlib.import_module("re._constants")
    parser: Any = importlib.import_module("re._parser")
    case_flags = sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE | sre.SRE_FLAG_ASCII

    def first(items: Any) -> tuple[set[str], bool] | None:
        """(first characters, whether the items can match empty), or None when unknown."""
        found: set[str] = set()
        for op, av in items:
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero-width: the next item starts the match
            if op is sre.LITERAL:
                return found | {chr(av)}, False
            if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
                return found | {chr(c) for _, c in av}, False  # `a|b` parsed as `[ab]`
            if op is sre.BRANCH:
                parts = [first(alternative) for alternative in av[1]]
                if any(part is None for part in parts):
                    return None
                found.update(c for part in parts if part for c in part[0])
                if not any(part[1] for part in parts if part):
                    return found, False
                continue
            optional = False
            if op is sre.SUBPATTERN:
                if (av[1] | av[2]) & case_flags:
                    return None  # a local case rule: the lookahead would not follow it
                inner = av[3]
            elif op is sre.ATOMIC_GROUP:
                inner = av
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                inner, optional = av[2], av[0] == 0
            else:
                return None  # a class, `.`, a back-reference...: any character may start
            part = first(inner)
            if part is None:
                return None
            found |= part[0]
            if not (part[1] or optional):
                return found, False
        return found, True

    result = first(parser.parse(pattern, flags))
    if result is None or result[1] or not result[0]:
        return None
    return frozenset(result[0])


def first_char_lookahead(pattern: str, flags: int = 0) -> str:
    """`(?=[...])` on `first_chars(pattern)`, or "" when they are not known.

    Put before `pattern` (compiled with the same `flags`), it leaves the matches unchanged.
    """
    chars = first_chars(pattern, flags)
    if chars is None:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"
