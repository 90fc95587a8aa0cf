"""Tests for summaries.rank: contract (verbatim, order, count, distinct) and ranker behaviour."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
import stopwordsiso

from summaries.config import ALGORITHMS
from summaries.models import Sentence
from summaries.rank._expected import expected_f1, rouge_tokens
from summaries.rank._news import (
    NewsRankConfig,
    brevity,
    lone_min_words,
    name_credits,
    quoted_share,
)
from summaries.rank._pick import pick_sentences
from summaries.rank._sumy import sumy_scores
from summaries.rank._vectors import content_terms, graph_centrality
from summaries.text._tools import LanguageTools, stop_words_for, tools_for

# ---------------------------------------------------------------- builders


def build_article(*sentences: str) -> list[str]:
    """An article as the pipeline hands it to the ranker: a list of sentence strings."""
    return list(sentences)


def neutral_article(count: int) -> list[str]:
    """Sentences that are equally central: each mentions the shared topic once plus filler."""
    fillers = [
        "gardens",
        "bridges",
        "tunnels",
        "harbours",
        "orchards",
        "libraries",
        "stadiums",
        "markets",
        "museums",
        "railways",
        "airports",
        "theatres",
        "castles",
        "factories",
    ]
    return [
        f"The council discussed the {fillers[i % len(fillers)]} plan number {i} on Monday."
        for i in range(count)
    ]


_HAN = re.compile(r"[\u4e00-\u9fff]+|\w+")


def chinese_tools() -> LanguageTools:
    """Chinese tools of our own: the baseline lexicon has none (sentences end with 。)."""

    def split(text: str) -> list[str]:
        return [s for s in re.findall(r"[^。！？]+[。！？]?", text) if s.strip()]

    return LanguageTools(
        "zh", split, lambda t: _HAN.findall(t.lower()), lambda w: w, frozenset({"的", "了", "是"})
    )


ENGLISH = build_article(
    "The city council approved a new budget for public transport on Tuesday.",
    "The budget adds twenty new bus lines and extends the tram network to the airport.",
    "Opponents said the plan was too expensive for a city of its size.",
    "What will happen to fares?",
    '"We will not raise fares this year," the mayor said.',
    "By Jane Doe",
    "The transport plan will be reviewed again in the spring after a public consultation.",
    "Construction of the tram extension should start next year.",
)

GERMAN = build_article(
    "Der Stadtrat hat am Dienstag einen neuen Haushalt für den Nahverkehr beschlossen.",
    "Der Haushalt sieht zwanzig neue Buslinien und eine Straßenbahn zum Flughafen vor.",
    "Kritiker nannten den Plan für eine Stadt dieser Größe zu teuer.",
    "Die Bauarbeiten an der Straßenbahn sollen im nächsten Jahr beginnen.",
    "Der Plan wird im Frühjahr nach einer Bürgerbefragung erneut geprüft.",
)

RUSSIAN = build_article(
    "Городской совет во вторник утвердил новый бюджет общественного транспорта.",
    "Бюджет предусматривает двадцать новых автобусных маршрутов и трамвай до аэропорта.",
    "Критики заявили, что план слишком дорог для такого города.",
    "Строительство трамвайной линии должно начаться в следующем году.",
    "План будет снова рассмотрен весной после общественных слушаний.",
)

POLISH = build_article(
    "Rada miasta zatwierdziła we wtorek nowy budżet transportu publicznego.",
    "Budżet przewiduje dwadzieścia nowych linii autobusowych i tramwaj na lotnisko.",
    "Krytycy uznali, że plan jest zbyt drogi dla miasta tej wielkości.",
    "Budowa linii tramwajowej ma się rozpocząć w przyszłym roku.",
    "Plan zostanie ponownie oceniony wiosną po konsultacjach społecznych.",
)

CHINESE = build_article(
    "市议会周二批准了新的公共交通预算。",
    "预算包括二十条新公交线路和通往机场的有轨电车。",
    "批评者认为这个计划对这样规模的城市来说太贵了。",
    "有轨电车线路的建设将于明年开始。",
    "该计划将在春季公众咨询后再次审查。",
)

FIXTURES = {
    "en": (ENGLISH, tools_for("en")),
    "de": (GERMAN, tools_for("de")),
    "ru": (RUSSIAN, tools_for("ru")),
    "pl": (POLISH, tools_for("pl")),
    "zh": (CHINESE, chinese_tools()),
}


def assert_contract(picked: list[Sentence], sentences: list[str], n: int) -> None:
    assert len(picked) == min(n, len(sentences))
    indices = [s.index for s in picked]
    assert indices == sorted(indices)
    assert len(set(indices)) == len(indices)
    for s in picked:
        assert s.text is sentences[s.index] or s.text == sentences[s.index]
        assert isinstance(s.score, float)


# ---------------------------------------------------------------- contract


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("language", sorted(FIXTURES))
def test_every_algorithm_runs_on_every_fixture(algorithm: str, language: str) -> None:
    sentences, tools = FIXTURES[language]
    picked = pick_sentences(sentences, 3, tools, title=sentences[0], algorithm=algorithm)
    assert_contract(picked, sentences, 3)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_n_larger_than_article_returns_every_sentence(algorithm: str) -> None:
    picked = pick_sentences(ENGLISH, 50, tools_for("en"), algorithm=algorithm)
    assert [s.index for s in picked] == list(range(len(ENGLISH)))
    assert [s.text for s in picked] == ENGLISH


@pytest.mark.parametrize("n", [0, -1])
def test_non_positive_n_picks_nothing(n: int) -> None:
    assert pick_sentences(ENGLISH, n, tools_for("en")) == []


def test_empty_article_picks_nothing() -> None:
    assert pick_sentences([], 3, tools_for("en")) == []


def test_unknown_algorithm_raises_value_error() -> None:
    with pytest.raises(ValueError, match="unknown algorithm"):
        pick_sentences(ENGLISH, 3, tools_for("en"), algorithm="magic")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_failing_or_empty_stemmer_never_raises(algorithm: str) -> None:
    def broken(word: str) -> str:
        if word.startswith("t"):
            raise KeyError(word)
        return ""

    tools = dataclasses.replace(tools_for("en"), stem=broken)
    picked = pick_sentences(ENGLISH, 3, tools, algorithm=algorithm)
    assert_contract(picked, ENGLISH, 3)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_sentences_without_words_do_not_break_ranking(algorithm: str) -> None:
    sentences = build_article("***", *ENGLISH[:4], "", "— — —")
    picked = pick_sentences(sentences, 4, tools_for("en"), algorithm=algorithm)
    assert_contract(picked, sentences, 4)
    assert all(s.text.strip() for s in picked)


def test_lead_picks_the_first_n() -> None:
    picked = pick_sentences(ENGLISH, 3, tools_for("en"), algorithm="lead")
    assert [s.index for s in picked] == [0, 1, 2]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_large_synthetic_article_completes(algorithm: str) -> None:
    topics = ["budget", "transport", "housing", "schools", "taxes", "energy", "water", "parks"]
    sentences = [
        f"Officials said the {topics[i % 8]} review number {i} would cover "
        f"{topics[(i * 3) % 8]} and {topics[(i * 5) % 8]} spending."
        for i in range(300)
    ]
    picked = pick_sentences(sentences, 10, tools_for("en"), algorithm=algorithm)
    assert_contract(picked, sentences, 10)
    ratio = pick_sentences(sentences, 120, tools_for("en"), algorithm=algorithm)
    assert_contract(ratio, sentences, 120)


# ---------------------------------------------------------------- news ranker behaviour


def test_sentence_similar_to_title_ranks_high() -> None:
    sentences = build_article(
        "Scientists have watched the island's volcano closely since the spring.",
        "The volcano had been quiet for almost forty years before the tremors began.",
        "Local fishermen reported warm water near the island's northern coast.",
        "Geologists flew to the island to install new sensors on the slopes.",
        "Tourism is the main source of income on the island.",
        "Ash clouds closed the island's airport on Sunday morning.",
        "The eruption forced thousands of islanders to evacuate their homes overnight.",
        "Ferries carried families to the mainland through the night.",
        "Officials said schools on the island would stay closed this week.",
        # A longer article keeps 3 sentences a short summary, where the title counts fully.
        "Shops in the island's main town opened for a few hours on Monday.",
        "The island's only hospital moved patients to a clinic on the coast.",
        "Farmers on the island worried about ash on their fields.",
        "A second ferry company offered extra crossings to the mainland.",
        "Scientists on the island said the tremors had become weaker.",
        "Hotels on the island cancelled bookings for the rest of the month.",
        "The island's radio station broadcast updates every hour.",
        "Volunteers on the island handed out masks and bottled water.",
        "Officials on the island asked residents to stay calm.",
        "The island's mayor thanked the rescue teams.",
        "Bus services on the island ran a reduced timetable.",
    )
    title = "Eruption forces thousands of islanders to evacuate"
    with_title = pick_sentences(sentences, 3, tools_for("en"), title=title)
    assert 6 in [s.index for s in with_title]
    without_title = pick_sentences(sentences, 3, tools_for("en"))
    assert 6 not in [s.index for s in without_title]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_duplicated_sentences_are_not_both_picked(algorithm: str) -> None:
    sentences = build_article(
        ENGLISH[0], ENGLISH[1], ENGLISH[0], "  " + ENGLISH[1].upper(), *ENGLISH[2:]
    )
    picked = pick_sentences(sentences, 4, tools_for("en"), algorithm=algorithm)
    keys = [" ".join(s.text.split()).casefold() for s in picked]
    assert len(keys) == len(set(keys))


def test_near_duplicate_is_not_picked_with_its_twin() -> None:
    twin = ENGLISH[1].replace("twenty", "twenty-one")
    sentences = build_article(ENGLISH[0], ENGLISH[1], twin, *ENGLISH[2:])
    picked = pick_sentences(sentences, 3, tools_for("en"))
    assert not {1, 2} <= {s.index for s in picked}


def test_duplicates_fill_only_when_the_count_demands_it() -> None:
    sentences = build_article(ENGLISH[0], ENGLISH[0], ENGLISH[1])
    picked = pick_sentences(sentences, 3, tools_for("en"))
    assert [s.index for s in picked] == [0, 1, 2]


def test_position_prior_favours_the_lead_on_a_neutral_text() -> None:
    sentences = neutral_article(14)
    picked = pick_sentences(sentences, 3, tools_for("en"))
    assert [s.index for s in picked] == [0, 1, 2]


def test_questions_headings_and_bylines_lose_to_statements() -> None:
    sentences = build_article(
        "Budget vote",
        "Will the council approve the transport budget?",
        "By Jane Doe",
        "The council approved the transport budget after a long debate.",
        "The transport budget funds new bus lines across the city.",
        "Critics of the transport budget said it favours the city centre.",
    )
    picked = pick_sentences(sentences, 3, tools_for("en"))
    assert [s.index for s in picked] == [3, 4, 5]


def test_scores_are_comparable_within_a_call() -> None:
    sentences = neutral_article(14)
    picked = pick_sentences(sentences, 3, tools_for("en"))
    assert picked[0].score > picked[1].score > picked[2].score


# ---------------------------------------------------------------- centrality, brevity, stop words


TOPICAL = build_article(
    "The weather in the valley was mild for the season.",
    "The council approved the tram budget after a long debate.",
    "The tram budget adds new tram lines to the airport.",
    "Critics of the tram budget said the tram lines cost too much.",
    "A choir sang in the old church on Sunday evening.",
    "The tram budget will be reviewed when the tram lines open.",
)


def test_graph_centrality_favours_sentences_that_share_words() -> None:
    terms = [content_terms(s, tools_for("en"), lambda w: w) for s in TOPICAL]
    scores = graph_centrality(terms, exponent=0.5, damping=0.85, max_sentences=100)
    assert len(scores) == len(TOPICAL)
    assert min(scores[1], scores[2], scores[3], scores[5]) > max(scores[0], scores[4])


def test_weighted_degree_above_the_cap_ranks_like_the_graph() -> None:
    terms = [content_terms(s, tools_for("en"), lambda w: w) for s in TOPICAL]
    graph = graph_centrality(terms, exponent=0.5, damping=0.85, max_sentences=100)
    degree = graph_centrality(terms, exponent=0.5, damping=0.85, max_sentences=2)
    assert graph != degree
    assert {i for i in range(6) if degree[i] == 0.0} == {0, 4}
    assert min(degree[1], degree[2], degree[3], degree[5]) > 0.0
    assert graph_centrality([], 0.5, 0.85, 100) == []
    assert graph_centrality([[], []], 0.5, 0.85, 100) == pytest.approx([0.075, 0.075])


def _power_iteration(terms: list[list[str]], damping: float) -> list[float]:
    """PageRank by the textbook iteration, the reference the direct solution must match."""
    vocabulary = sorted({t for ts in terms for t in ts})
    counts = [[ts.count(v) / max(1, len(ts)) ** 0.5 for v in vocabulary] for ts in terms]
    n = len(terms)

    def dot(i: int, j: int) -> float:
        return sum(a * b for a, b in zip(counts[i], counts[j], strict=True))

    weights = [[0.0 if i == j else dot(i, j) for j in range(n)] for i in range(n)]
    out = [sum(row) for row in weights]
    rank = [1.0 / n] * n
    for _ in range(500):
        rank = [
            (1 - damping) / n
            + damping * sum(weights[j][i] / out[j] * rank[j] for j in range(n) if out[j])
            for i in range(n)
        ]
    return rank


def test_graph_centrality_is_the_pagerank_fixed_point() -> None:
    terms = [content_terms(s, tools_for("en"), lambda w: w) for s in TOPICAL]
    scores = graph_centrality(terms, exponent=0.5, damping=0.85, max_sentences=100)
    assert scores == pytest.approx(_power_iteration(terms, 0.85), abs=1e-12)


def test_long_summaries_follow_centrality_not_position() -> None:
    picked = pick_sentences(TOPICAL, 3, tools_for("en"))
    assert 0 not in {s.index for s in picked}
    assert {s.index for s in picked} <= {1, 2, 3, 5}


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([30, 10, 25, 40, 28], 28), ([5, 9, 12], 16), ([], 16), ([20, 22], 22)],
)
def test_a_lone_sentence_is_short_below_the_article_median(
    counts: list[int], expected: int
) -> None:
    config = NewsRankConfig(lone_min_words=16, lone_median_share=1.0)
    assert lone_min_words(counts, config) == expected


def _long_sentence(i: int) -> str:
    # 30 words, each sentence names the shared topic (the transport budget) once
    filler = " ".join(f"detail{i}x{k}" for k in range(24))
    return f"The transport budget covers {filler} this year."


def test_a_lone_pick_skips_a_lead_that_is_short_for_its_article() -> None:
    # the lead has 18 words: long enough by the fixed floor (16), short next to its
    # article's 30-word sentences, which the second sentence matches
    lead = (
        "The transport budget was approved on Monday by the council"
        " after a debate of nine long hours."
    )
    sentences = [lead, *(_long_sentence(i) for i in range(8))]
    tools = tools_for("en")
    fixed_floor = NewsRankConfig(lone_median_share=0.0)
    assert [s.index for s in pick_sentences(sentences, 1, tools, news_config=fixed_floor)] == [0]
    assert [s.index for s in pick_sentences(sentences, 1, tools)] == [1]
    # longer summaries keep the fixed floor
    assert [s.index for s in pick_sentences(sentences, 2, tools)] == [
        s.index for s in pick_sentences(sentences, 2, tools, news_config=fixed_floor)
    ]


def test_rouge_tokens_count_unspaced_characters_and_drop_punctuation() -> None:
    assert rouge_tokens("The vote, on Monday!") == ["the", "vote", "on", "monday"]
    assert rouge_tokens("北京下雪。Xi 说") == ["北", "京", "下", "雪", "xi", "说"]


def test_expected_f1_favours_the_article_s_recurring_words() -> None:
    tokens = [
        ["budget", "vote", "council"],
        ["budget", "council", "buses"],
        ["snow", "roads", "closed"],
        ["council", "budget", "trains"],
    ]
    scores = expected_f1(tokens, 1.0)
    # a sentence whose words appear nowhere else in the article expects no overlap
    assert scores[2] == 0.0
    assert min(scores[0], scores[1], scores[3]) > 0.0
    # its own words do not count: the same words alone in an article score nothing
    assert expected_f1([["budget", "vote"], ["snow", "roads"]], 1.0) == [0.0, 0.0]
    assert expected_f1([], 1.0) == []
    assert expected_f1([[], ["a"]], 1.0) == [0.0, 0.0]


def test_expected_f1_prices_length_like_the_f1() -> None:
    # both sentences hold the two recurring words; the longer one pads them with words of its own
    tokens = [["budget", "council"], ["budget", "council"] + [f"w{i}" for i in range(20)]]
    tokens += [["budget", "council", "vote"]] * 3
    short, long, *_ = expected_f1(tokens, 1.0)
    assert short > long


def test_a_lone_pick_adds_expected_rouge_and_longer_summaries_do_not() -> None:
    tools = tools_for("en")
    expected_only = NewsRankConfig(
        position_weight=0.0, title_weight=0.0, lone_centrality_weight=0.0, lone_min_words=1,
        lone_median_share=0.0, ideal_min_words=1, ideal_max_words=100, lone_names_weight=0.0,
    )  # fmt: skip
    scores = expected_f1([rouge_tokens(s) for s in TOPICAL], 3.0)
    best = max(range(len(TOPICAL)), key=lambda i: (scores[i], -i))
    assert [s.index for s in pick_sentences(TOPICAL, 1, tools, news_config=expected_only)] == [
        best
    ]
    without = NewsRankConfig(lone_expected_weight=0.0)
    assert [s.index for s in pick_sentences(TOPICAL, 3, tools)] == [
        s.index for s in pick_sentences(TOPICAL, 3, tools, news_config=without)
    ]


def test_name_credits_count_the_other_sentences_with_each_name() -> None:
    sentences = [
        "The Mayor said Maria Lopez will lead the Harbour Board.",
        "Lopez ran the board of Harbour Works for a decade.",
        "Critics say Lopez has no plan.",
        "It rained.",
    ]
    # A word that opens its sentence ("The", "Lopez ran") is no name there, and "the" is a
    # stop word: Lopez is named in sentences 0 and 2, Harbour in 0 and 1.
    assert name_credits(sentences, stop_words_for("en")) == [2.0, 1.0, 1.0, 0.0]
    ukrainian = ["Він сказав, що Київ готовий.", "Уряд повернувся у Київ."]
    assert name_credits(ukrainian, frozenset()) == [1.0, 1.0]
    arabic = ["قال الوزير إن الخطة جاهزة.", "الخطة جاهزة."]
    assert name_credits(arabic, frozenset()) == [0.0, 0.0]  # no capitals, no credit


def test_a_lone_pick_favours_the_sentence_with_the_story_s_names() -> None:
    tools = tools_for("en")
    sentences = [
        "Officials said on Monday that the new plan for the port and its piers would be ready "
        "within weeks.",
        "It will be presented by port director Anna Berg and by the engineer Tomas Weil next "
        "month.",
        "Berg has led the port authority since 2019 and hired Weil last spring.",
        "Weil designed the new cranes that the port bought in the spring of this year.",
        "The plan for the port was drawn up after storms damaged the old piers in March.",
    ]
    picked = pick_sentences(sentences, 1, tools)
    without = pick_sentences(sentences, 1, tools, news_config=NewsRankConfig(lone_names_weight=0))
    assert [s.index for s in without] == [0]
    assert [s.index for s in picked] == [1]
    assert [s.index for s in pick_sentences(sentences, 3, tools)] == [
        s.index
        for s in pick_sentences(
            sentences, 3, tools, news_config=NewsRankConfig(lone_names_weight=0)
        )
    ]


@pytest.mark.parametrize(
    ("n", "total", "expected"),
    [(1, 20, 1.0), (3, 20, 1.0), (5, 20, 0.5), (7, 20, 0.0), (10, 20, 0.0), (1, 0, 0.0)],
)
def test_lead_signals_fade_with_the_summary_share(n: int, total: int, expected: float) -> None:
    config = NewsRankConfig(lead_full_share=0.15, share_saturation=0.35)
    assert brevity(n, total, config) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No quotes here.", 0.0),
        ('"All of it is quoted."', 1.0),
        ("“Half quote” plain text", 0.5),
        ("It’s an apostrophe, not a quote.", 0.0),
        ("«Ab» cd", 0.5),
    ],
)
def test_quoted_share(text: str, expected: float) -> None:
    assert quoted_share(text) == pytest.approx(expected)


def test_english_stop_words_are_function_words_only() -> None:
    stop = stop_words_for("en")
    assert {"the", "of", "and", "it's", "it’s", "they"} <= stop
    # Content words that news keeps repeating must stay countable.
    assert not {"year", "said", "new", "states", "research", "government"} & stop
    assert tools_for("en").stop_words == stop


def test_other_languages_take_the_shorter_packaged_list() -> None:
    german = stop_words_for("de")
    assert {"und", "der", "die"} <= german
    assert len(german) < len(stopwordsiso.stopwords("de"))
    assert "и" in stop_words_for("ru")  # no sumy list: stopwordsiso's
    assert stop_words_for("xx") == frozenset()


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_headings_and_one_word_lines_are_left_out_when_sentences_suffice(algorithm: str) -> None:
    sentences = [
        "Keyboard",
        "Kate Henshaw",
        *neutral_article(6),
    ]
    picked = pick_sentences(sentences, 3, tools_for("en"), algorithm=algorithm)
    assert len(picked) == 3
    assert all(len(s.text.split()) >= 3 for s in picked)


def test_short_lines_still_fill_a_summary_when_nothing_else_is_left() -> None:
    sentences = ["Keyboard", "Mouse", "The minister resigned on Monday after the vote."]
    picked = pick_sentences(sentences, 3, tools_for("en"), algorithm="lead")
    assert [s.index for s in picked] == [0, 1, 2]


def test_lsa_scores_the_same_when_lapacks_svd_does_not_converge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = sumy_scores(ENGLISH, tools_for("en"), "lsa")

    def no_convergence(*args: object, **kwargs: object) -> None:
        raise np.linalg.LinAlgError("SVD did not converge")

    monkeypatch.setattr(np.linalg, "svd", no_convergence)
    # the same scores by the Gram matrix's eigenvectors (ties may then break otherwise)
    assert sumy_scores(ENGLISH, tools_for("en"), "lsa") == pytest.approx(expected, rel=1e-9)
