"""Regression gate: the shared scorers on a fixed sample of the dev data, against pinned floors.

The dev data and scorers live in ../shared (beside the checkout, also in CI); they are read in
place, never copied. Floors are in quality_floors.json: raise them as quality improves, never
lower them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSBRIEF_SHARED", ROOT.parent / "shared"))
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())

pytestmark = pytest.mark.skipif(
    not (SHARED / "evals").is_dir(), reason=f"shared scorers not found at {SHARED}"
)


def _score(scorer: str, args: list[str], tmp_path: Path) -> dict | list:
    out = tmp_path / "result.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, str(SHARED / "evals" / scorer), *args, "--json", str(out)],
        cwd=SHARED / "evals" / Path(scorer).parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text())


def test_html_extraction_f1(tmp_path) -> None:
    res = _score(
        "extraction/score.py",
        [
            "--mode",
            "html",
            "--data",
            str(SHARED / "data" / "extraction-dev"),
            "--extractor",
            "summaries.evaluation:extract_article",
            "--limit",
            "25",
            "--quiet",
            "--bootstrap",
            "10",
        ],
        tmp_path,
    )
    ours = res["extractors"]["extract_article"]
    assert ours["f1"] >= FLOORS["extraction_f1"]
    assert ours["empty"] == 0


def test_multilingual_extraction_f1(tmp_path) -> None:
    res = _score(
        "extraction/score_snippets.py",
        [
            "--data",
            str(SHARED / "data" / "extraction-multi-dev"),
            "--extractor",
            "project=summaries.evaluation:extract_article",
            "--limit",
            "100",
            "--quiet",
            "--bootstrap",
            "0",
        ],
        tmp_path,
    )
    ours = res["summary"]["project"]["overall"]
    assert ours["f1"] >= FLOORS["extraction_multi_f1"]
    assert ours["empty"] <= 1


def test_pasted_page_f1(tmp_path) -> None:
    res = _score(
        "extraction/score.py",
        [
            "--mode",
            "pasted",
            "--data",
            str(SHARED / "data" / "pasted-dev"),
            "--extractor",
            "summaries.evaluation:strip_boilerplate",
            "--limit",
            "25",
            "--quiet",
            "--bootstrap",
            "10",
        ],
        tmp_path,
    )
    assert res["extractors"]["strip_boilerplate"]["f1"] >= FLOORS["pasted_f1"]


@pytest.mark.parametrize(
    ("dataset", "mode", "floor"),
    [
        ("cnn", ["--sentences", "3"], "cnn_rouge1"),
        ("bbc", ["--ratio-of-reference"], "bbc_rouge1"),
    ],
)
def test_summary_rouge(tmp_path, dataset, mode, floor) -> None:
    rows = _score(
        "summaries/score.py",
        [
            "--data",
            str(SHARED / "data" / "summaries-dev" / dataset),
            *mode,
            "--summarizer",
            "summaries.evaluation:pick_sentences",
            "--limit",
            "40",
            "--quiet",
        ],
        tmp_path,
    )
    assert rows[0]["rouge1"] >= FLOORS[floor]
    assert rows[0]["verbatim_share"] == 1.0


def test_quotes_end_to_end(tmp_path) -> None:
    res = _score(
        "quotes/score.py",
        [
            "--data",
            str(SHARED / "data" / "quotes-dev"),
            "--extractor",
            "summaries.evaluation:find_quotes",
            "--limit",
            "30",
        ],
        tmp_path,
    )
    assert res["end_to_end_F1"] >= FLOORS["quotes_e2e_f1"]


def test_language_identification(tmp_path) -> None:
    out = tmp_path / "langid.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [
            sys.executable,
            str(SHARED / "evals" / "langid" / "score.py"),
            "--data",
            str(SHARED / "data" / "langid-dev" / "langid-dev.jsonl"),
            "--detector",
            "summaries.evaluation:detect_language",
            "--limit",
            "8",
            "--mixed",
            "--json-out",
            str(out),
        ],
        cwd=SHARED / "evals" / "langid",
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    acc = json.loads(out.read_text())["detectors"]["summaries.evaluation:detect_language"][
        "accuracy"
    ]
    assert acc["sentence"] >= FLOORS["langid_sentence"]
    assert acc["pair"] >= FLOORS["langid_pair"]
    assert acc["mixed-50"] >= FLOORS["langid_mixed50"]
