"""Text with words but no language (keyboard mash, codes) is refused, not summarised."""

from __future__ import annotations

import random

import pytest

from summaries.errors import NotProse
from summaries.pipeline import summarize_text


def _mash(seed: int, words: int) -> str:
    rng = random.Random(seed)
    tokens = [
        "".join(rng.choice("qwrtzpsdfghjklxcvbnm") for _ in range(rng.randint(3, 9)))
        for _ in range(words)
    ]
    half = words // 2
    return " ".join(tokens[:half]) + ". " + " ".join(tokens[half:]) + "."


@pytest.mark.parametrize("seed", range(5))
def test_keyboard_mash_is_not_prose(seed: int) -> None:
    with pytest.raises(NotProse):
        summarize_text(_mash(seed, 120))


def test_product_codes_are_not_prose() -> None:
    codes = " ".join(f"XK{n}-B{n * 7 % 97}" for n in range(80))
    with pytest.raises(NotProse):
        summarize_text(f"{codes[:300]}. {codes[300:]}.")


def test_plain_prose_passes() -> None:
    text = (
        "The city council voted on Tuesday to expand the tram network to the northern suburbs. "
        "The plan, which has been debated for a decade, will add twelve stops by 2030. "
        "Supporters said the line would cut car traffic in the centre of the city. "
        "Opponents warned that the cost of the project could rise well above the budget. "
        "Construction is expected to begin next spring, the council said in a statement."
    )
    assert len(summarize_text(text).sentences) == 3
