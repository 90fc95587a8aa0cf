"""Compiled regular expressions kept on disk between runs, as Python keeps compiled modules.

Python turns a pattern's text into the regex engine's program in Python code (parsing and code
generation, a few microseconds per character of pattern). The quote finder's speaker patterns
are large word-list tries: compiling them was about half of the command line's cold start.
The engine's program is a list of integers that depends only on the pattern, its flags and the
engine, so it is stored in the user's cache folder (one file per pattern, named by a hash of
all three) and given to the engine directly on the next run. The engine checks a program
before it runs it; anything unexpected (another Python, an unreadable or damaged file, a
read-only folder) compiles the usual way. Set `NEWSBRIEF_CACHE_DIR` to move the folder, or to
an empty string to turn the cache off.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

_LOG = logging.getLogger(__name__)

#: The folder's name below the user's cache folder, and the variable that overrides it.
_APP = "newsbrief"
CACHE_DIR_VARIABLE = "NEWSBRIEF_CACHE_DIR"


def _engine() -> tuple[Any, Any, Any] | None:
    """CPython's regex engine, code generator and parser (None on other Pythons)."""
    try:
        # private modules, without type stubs: imported by name
        sre, compiler, parser = (
            importlib.import_module(name) for name in ("_sre", "re._compiler", "re._parser")
        )
    except ImportError:  # pragma: no cover - not CPython
        return None
    if not (hasattr(compiler, "_code") and hasattr(parser, "parse")):
        return None  # pragma: no cover - a Python whose internals moved
    return sre, compiler, parser


_ENGINE = _engine()
#: What a stored program depends on besides the pattern: the engine's and Python's versions.
_ENGINE_TAG = (
    f"{sys.implementation.cache_tag}-{_ENGINE[0].MAGIC}-{_ENGINE[0].CODESIZE}" if _ENGINE else ""
)


def cache_dir() -> Path | None:
    """Where programs are stored (None: the cache is off)."""
    configured = os.environ.get("NEWSBRIEF_CACHE_DIR")  # literal: the deploy test reads it
    if configured is not None:
        return Path(configured) / "regex" if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / _APP / "regex"


def _path(folder: Path, pattern: str, flags: int) -> Path:
    digest = hashlib.sha256(f"{_ENGINE_TAG}\0{int(flags)}\0{pattern}".encode()).hexdigest()
    return folder / f"{digest[:32]}.json"


def _load(engine: Any, path: Path, pattern: str) -> re.Pattern[str] | None:
    """The pattern from its stored program, or None when there is no usable one."""
    try:
        stored = json.loads(path.read_bytes())
        if stored.get("pattern") != pattern:
            return None  # a hash collision or a foreign file
        compiled: re.Pattern[str] = engine.compile(
            pattern,
            stored["flags"],
            stored["code"],
            stored["groups"],
            stored["groupindex"],
            tuple(stored["indexgroup"]),
        )
        return compiled
    except FileNotFoundError:
        return None
    except Exception as err:  # noqa: BLE001 - a damaged file must never stop a run
        _LOG.debug("regex cache: %s unusable (%s)", path.name, err)
        return None


def _compile_and_store(
    engine: tuple[Any, Any, Any], path: Path, pattern: str, flags: int
) -> re.Pattern[str]:
    """Compile as `re.compile` does, keeping the program it hands to the engine."""
    sre, compiler, parser = engine
    parsed = parser.parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = {
        "pattern": pattern,
        "flags": int(flags | parsed.state.flags),
        # the generator's opcodes are named int subclasses: plain ints store the same
        "code": [int(op) for op in compiler._code(parsed, flags)],
        "groups": parsed.state.groups - 1,
        "groupindex": groupindex,
        "indexgroup": indexgroup,
    }
    compiled: re.Pattern[str] = sre.compile(
        pattern,
        program["flags"],
        program["code"],
        program["groups"],
        groupindex,
        tuple(indexgroup),
    )
    _store(path, json.dumps(program, separators=(",", ":")).encode())
    return compiled


def _store(path: Path, data: bytes) -> None:
    """Write `data` aside and rename it into place: a concurrent reader sees all of it or none."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
            try:
                out.write(data)
            except OSError:
                os.unlink(out.name)
                raise
        # readable by all (temporary files are owner-only): a cache filled at an image's build
        # serves its unprivileged runtime user; the programs are public word lists
        os.chmod(out.name, 0o644)
        os.replace(out.name, path)
    except OSError as err:
        _LOG.debug("regex cache: cannot store %s (%s)", path.name, err)


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache folder when it holds the program."""
    folder = cache_dir()
    if _ENGINE is None or folder is None:
        return re.compile(pattern, flags)
    path = _path(folder, pattern, flags)
    cached = _load(_ENGINE[0], path, pattern)
    if cached is not None:
        return cached
    try:
        return _compile_and_store(_ENGINE, path, pattern, flags)
    except Exception as err:  # noqa: BLE001 - the internals changed: compile as usual
        _LOG.debug("regex cache: compiling %s the usual way (%s)", path.name, err)
        return re.compile(pattern, flags)
