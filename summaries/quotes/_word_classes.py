"""General English person nouns a speaker mention is built from, written from common usage.

Like `_reporting_verbs`, the list is written without looking at any evaluation article: the
ordinary nouns for people by role or occupation that news copy puts before a name ("Clinton
strategist Joel Benenson") or uses as a speaker ("the lawyer said", "protesters said").
"""

from __future__ import annotations

#: Nouns for a person by role or occupation, singular.
PERSON_NOUNS = (
    "activist", "adviser", "advisor", "advocate", "aide", "ambassador", "analyst", "anchor",
    "attorney", "author", "banker", "bishop", "businessman", "businesswoman", "candidate",
    "chair", "chairman", "chairwoman", "chancellor", "chief", "coach", "columnist",
    "commander", "commentator", "commissioner", "congressman", "congresswoman", "consultant",
    "correspondent", "counsel", "critic", "delegate", "deputy", "detective", "diplomat",
    "director", "doctor", "donor", "economist", "editor", "engineer", "envoy", "executive",
    "expert", "farmer", "founder", "general", "governor", "historian", "host", "investigator",
    "journalist", "judge", "justice", "lawmaker", "lawyer", "leader", "legislator", "lobbyist",
    "manager", "mayor", "member", "minister", "negotiator", "nominee", "nurse", "officer",
    "official", "operative", "organizer", "organiser", "owner", "partner", "pastor",
    "physician", "pollster", "president", "priest", "professor", "prosecutor", "protester",
    "publisher", "rabbi", "reporter", "representative", "researcher", "resident", "scholar",
    "scientist", "secretary", "senator", "sheriff", "soldier", "speaker", "spokesman",
    "spokesperson", "spokeswoman", "staffer", "strategist", "student", "supporter",
    "surrogate", "teacher", "treasurer", "veteran", "volunteer", "voter", "witness", "worker",
    "writer",
)


def plural(noun: str) -> str:
    """The regular plural of a person noun ("attorney" → "attorneys", "spokesman" → "-men")."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def person_plurals() -> tuple[str, ...]:
    """The plural of every person noun."""
    return tuple(plural(n) for n in PERSON_NOUNS)
