"""English reporting verbs in every form news copy writes them, from base forms kept as data.

The list is the ordinary inventory of English reporting verbs (the verbs grammars and style
guides list for reported speech: say, tell, add, admit, argue, … and the attribution verbs of news
copy such as "tweet" or "quip"), written without looking at any evaluation article. Only base
forms are listed; the 3rd-person, past and -ing forms are made by regular English morphology,
so a verb counts in every tense (a lexicon that held only the tenses the dev articles showed
fell on held-out articles; `benchmarks/heldout_cv.py`).
"""

from __future__ import annotations

import re

#: Regular verbs all of whose forms are verbs in news copy. A trailing "+" doubles the final
#: consonant before -ed/-ing ("admit+" → "admitted"); a particle follows the verb ("point out").
REGULAR = (
    "acknowledge", "add", "admit+", "affirm", "agree", "allege", "announce", "argue", "ask",
    "assert", "assure", "beg+", "boast", "brag+", "caution", "chant", "chide", "chime in",
    "clarify", "complain", "concede", "conclude", "concur+", "confess", "confide", "confirm",
    "contend", "continue", "counter", "declare", "deny", "disclose", "elaborate", "emphasise",
    "emphasize", "exclaim", "explain", "fume", "gloat", "grumble", "gush", "implore", "inquire",
    "insist", "interject", "joke", "lament", "marvel+", "mumble", "murmur", "muse", "mutter",
    "observe", "opine", "plead", "pledge", "point out", "posit", "predict", "proclaim", "quip+",
    "reaffirm", "reassure", "recall", "reiterate", "remind", "reply", "respond", "retort",
    "reveal", "scoff", "scream", "shout", "shrug+", "sigh", "snap+", "sneer", "speculate",
    "stress", "suggest", "surmise", "testify", "theorise", "theorize", "threaten", "tweet",
    "underscore", "urge", "vow", "warn", "whisper", "wonder", "yell",
)
#: Verbs whose base, 3rd-person or -ing forms are common nouns ("comments", "reports", "a
#: posting"): only the past form is unambiguous enough for the middle of a sentence.
PAST_ONLY = (
    "answer", "charge", "claim", "comment", "cry", "demand", "hint", "mention", "note", "object",
    "post", "promise", "protest", "query", "question", "recount", "remark", "report", "state",
    "taunt", "venture", "volunteer",
)
#: Irregular verbs, every form written out.
IRREGULAR = (
    "fire back", "fired back", "fires back", "go on", "goes on", "going on", "hit back",
    "hits back", "read", "reads", "said", "say", "saying", "says", "shoot back", "shoots back",
    "shot back", "spoke up", "swearing", "swears", "swore", "telling", "tells", "told", "went on",
    "writes", "writing", "wrote",
)

#: Verbs that name or judge what someone said (`X called it “…”`, `X dismissed the “…”`): weak
#: evidence, for the speaker of a reporting sentence only. Base forms; "+" and particles as above.
CHARACTERISING = (
    "accuse", "applaud", "assail", "belittle", "berate", "brand", "call", "castigate",
    "characterise", "characterize", "chastise", "commend", "condemn", "criticise", "criticize",
    "decry", "deem", "denounce", "depict", "deride", "describe", "disparage", "dismiss", "dub+",
    "excoriate", "hail", "lambast", "laud", "liken", "mock", "portray", "rebuke", "refer+ to",
    "reject", "ridicule", "scold", "slam+", "tout",
)
#: The same, whose base or 3rd-person forms are common nouns ("attacks", "praise").
CHARACTERISING_PAST_ONLY = (
    "attack", "blame", "blast", "cite", "label", "praise", "question", "rate", "term", "thank",
)

_SIBILANT = re.compile(r"(?:s|sh|ch|x|z)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")


def _forms(entry: str, past_only: bool = False) -> tuple[str, ...]:
    """The 3rd-person, past and -ing forms of one base form (particles kept after the verb)."""
    base, _, particle = entry.partition(" ")
    double = base.endswith("+")
    base = base.rstrip("+")
    stem = base + base[-1] if double else base
    if _CONSONANT_Y.search(base):
        third, past = base[:-1] + "ies", base[:-1] + "ied"
    else:
        third = base + ("es" if _SIBILANT.search(base) else "s")
        past = base + "d" if base.endswith("e") else stem + "ed"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ing = base[:-1] + "ing"
    else:
        ing = stem + "ing"
    words = (past,) if past_only else (third, past, ing)
    return tuple(f"{w} {particle}" if particle else w for w in words)


def _all_forms(
    regular: tuple[str, ...], past_only: tuple[str, ...], irregular: tuple[str, ...] = ()
) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for entry in regular:
        out.update(dict.fromkeys(_forms(entry)))
    for entry in past_only:
        out.update(dict.fromkeys(_forms(entry, past_only=True)))
    out.update(dict.fromkeys(irregular))
    return tuple(out)


def reporting_verbs() -> tuple[str, ...]:
    """Every form of the reporting verbs above, in list order, without repeats."""
    return _all_forms(REGULAR, PAST_ONLY, IRREGULAR)


def characterising_verbs() -> tuple[str, ...]:
    """Every form of the characterising verbs above (weak speech evidence)."""
    return _all_forms(CHARACTERISING, CHARACTERISING_PAST_ONLY)
