"""compile_cached: a stored program runs as `re.compile`'s; a bad cache never breaks a run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from summaries.quotes import find_quotes
from summaries.quotes._patterns import patterns_for
from summaries.text import compile_cached
from summaries.text._regex_cache import CACHE_DIR_VARIABLE, cache_dir

SPEAKERS = re.compile(r"(?P<name>[A-Z]\w+(?:\s+[A-Z]\w+)*)\s+(?P<verb>said|told)\b", re.I)
SAMPLES = ["Mayor Ann Cho said no.", "the minister TOLD them", "nothing here", "Bo said", ""]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path))
    return tmp_path / "regex"


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    def facts(p: re.Pattern[str]) -> tuple[object, ...]:
        return p.pattern, p.flags, p.groups, p.groupindex

    assert facts(a) == facts(b)
    for text in SAMPLES:
        ma, mb = a.search(text), b.search(text)
        assert (ma and (ma.span(), ma.groupdict())) == (mb and (mb.span(), mb.groupdict()))


def test_first_call_stores_the_program_and_the_next_reads_it(folder: Path) -> None:
    first = compile_cached(SPEAKERS.pattern, re.I)
    files = list(folder.iterdir())
    assert len(files) == 1
    _same(first, SPEAKERS)
    _same(compile_cached(SPEAKERS.pattern, re.I), SPEAKERS)


def test_stored_files_are_readable_by_other_users(folder: Path) -> None:
    # an image fills the cache as root at build and runs as nobody
    compile_cached(SPEAKERS.pattern, re.I)
    (stored,) = folder.iterdir()
    assert stored.stat().st_mode & 0o777 == 0o644


def test_the_stored_program_is_what_runs(folder: Path) -> None:
    compile_cached("abc")
    (stored,) = folder.iterdir()
    # the program of another pattern under this one's name: only a loaded file explains a match
    other = compile_cached("xyz")
    other_file = next(p for p in folder.iterdir() if p != stored)
    program = json.loads(other_file.read_text()) | {"pattern": "abc"}
    stored.write_text(json.dumps(program))
    assert compile_cached("abc").match("xyz")
    assert other.match("xyz")


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"[1, 2, 3]", b'{"pattern": 1}'])
def test_a_damaged_file_compiles_the_usual_way_and_is_rewritten(
    folder: Path, damage: bytes
) -> None:
    compile_cached(SPEAKERS.pattern, re.I)
    (stored,) = folder.iterdir()
    stored.write_bytes(damage)
    _same(compile_cached(SPEAKERS.pattern, re.I), SPEAKERS)
    assert stored.read_bytes() != damage


def test_a_program_the_engine_refuses_is_not_run(folder: Path) -> None:
    compile_cached("abc")
    (stored,) = folder.iterdir()
    program = json.loads(stored.read_text()) | {"code": [99999, 1, 2]}
    stored.write_text(json.dumps(program))
    assert compile_cached("abc").match("abc")


def test_off_or_unwritable_folder_still_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, "")
    assert cache_dir() is None
    _same(compile_cached(SPEAKERS.pattern, re.I), SPEAKERS)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker))
    _same(compile_cached(SPEAKERS.pattern, re.I), SPEAKERS)
    assert not list(tmp_path.glob("**/*.json"))


def test_default_folder_is_the_users_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache_dir() == Path("/somewhere/newsbrief/regex")


TEXT = (
    '"We will rebuild the bridge by spring," Mayor Ellen Cho said on Monday. '
    'The council\'s finance chief, Raj Patel, told reporters: "The money is there." '
    '"It is too late," said the opposition leader.'
)


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_speaker_patterns_from_the_cache_find_the_same_quotes(folder: Path, language: str) -> None:
    patterns_for.cache_clear()
    cold = find_quotes(TEXT, language)
    assert any(f.suffix == ".json" for f in folder.iterdir())
    patterns_for.cache_clear()
    warm = find_quotes(TEXT, language)
    patterns_for.cache_clear()
    assert cold == warm
    assert [q.speaker for q in cold] == ["Mayor Ellen Cho", "Raj Patel", "the opposition leader"]


def test_every_process_builds_the_same_pattern_texts(tmp_path: Path) -> None:
    """Word sets iterate in a per-process order; a pattern built from one in that order would
    get a new cache key, and a new file, in every run."""
    code = "import summaries.attribution; from summaries.quotes._patterns import patterns_for; "
    code += "patterns_for('en'); patterns_for('de')"
    stored = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "NEWSBRIEF_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        stored.append(sorted(path.name for path in (tmp_path / "regex").iterdir()))
    assert stored[0]
    assert stored[0] == stored[1] == stored[2]
