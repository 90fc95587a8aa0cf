"""The `newsbrief` CLI: JSON shape, readable output, one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summaries.cli import main

SEED_TEXT = Path(__file__).parent.parent / "fixtures" / "seed" / "dawn-2014-12-21-pasted.txt"


def test_json_output_has_the_documented_shape(capsys) -> None:
    assert main(["summarize", str(SEED_TEXT), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"title", "url", "language", "source", "sentences", "quotes", "stats"}
    assert set(out["source"]) == {"publication", "author", "published", "wire", "cited"}
    assert set(out["stats"]) == {"article_words", "summary_words"}
    assert all(set(q) == {"quote", "speaker"} for q in out["quotes"])
    assert out["source"]["publication"] == "Dawn"
    assert out["stats"]["summary_words"] < out["stats"]["article_words"]


def test_readable_output(capsys) -> None:
    assert main(["summarize", str(SEED_TEXT), "-n", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("North Korea proposes joint probe into hacking\n")
    assert out.count("\n• ") == 2
    assert "English · 2 of" in out


@pytest.mark.parametrize(
    ("make_input", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: _write(p / "bin.dat", b"\x00\x01\x02binary"), "binary"),
        (lambda p: _write(p / "empty.txt", b"   \n"), "TextTooShort"),
        (lambda p: _write(p / "short.txt", b"Just a line."), "TextTooShort"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, capsys, make_input, message) -> None:
    assert main(["summarize", make_input(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


def test_unreachable_url_is_an_error_not_a_traceback(capsys) -> None:
    assert main(["summarize", "http://127.0.0.1:9/x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsbrief: BlockedAddress")


def test_stdin_via_console_entry(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "summaries.cli", "summarize", "-", "--json"],
        input=SEED_TEXT.read_bytes(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "North Korea proposes joint probe into hacking"


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_warm_cache_fills_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path))
    assert main(["warm-cache"]) == 0
    stored = sorted((tmp_path / "regex").iterdir())
    assert str(len(stored)) in capsys.readouterr().out
    assert len(stored) > 100


def test_warm_cache_with_the_cache_off_says_so(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", "")
    assert main(["warm-cache"]) == 1
    assert "cache is off" in capsys.readouterr().err
