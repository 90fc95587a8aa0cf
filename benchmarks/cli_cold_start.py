"""Cold start of the command line: `newsbrief summarize <paste>` run as a whole process, N times.

usage: python benchmarks/cli_cold_start.py [--input ../shared/data/seed/dawn-2014-12-21-pasted.txt]
                                           [--runs 7] [--anchor-rev REV]

Each run is a fresh interpreter (imports, model and pattern loading, the summary, printing), timed
from spawn to exit. `--anchor-rev` also runs the same command on an older commit of this
repository (exported with `git archive` to a temporary folder and imported from there, same
interpreter and packages), alternating with the current code so that machine noise hits both.
Prints the median, min and max wall seconds of each, and its first run (the untimed warm-up
below), which starts with an empty regex cache: each contender gets a cache folder of its own
(`NEWSBRIEF_CACHE_DIR`) in the temporary folder.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


#: Runs `python -m summaries` from a given folder: an editable install's import hook would
#: otherwise win over PYTHONPATH and both contenders would run the installed code.
_BOOTSTRAP = (
    "import runpy, sys; "
    "sys.meta_path[:] = [f for f in sys.meta_path if '__editable__' not in str(f)]; "
    "sys.path.insert(0, sys.argv.pop(1)); "
    "runpy.run_module('summaries', run_name='__main__', alter_sys=True)"
)


def _run(source: Path, code_root: str, cache: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _BOOTSTRAP, code_root, "summarize", str(source)],
        stdout=subprocess.DEVNULL,
        check=True,
        env={**os.environ, "NEWSBRIEF_CACHE_DIR": cache},
    )
    return time.perf_counter() - start


def _export(rev: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "summaries"],  # noqa: S607 - git on PATH
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _line(name: str, times: list[float]) -> str:
    return (
        f"{name:28s} median {statistics.median(times):.2f} s"
        f" · min {min(times):.2f} · max {max(times):.2f} ({len(times)} runs)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--input", type=Path, default=ROOT.parent / "shared/data/seed/dawn-2014-12-21-pasted.txt"
    )
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--anchor-rev", help="also time this commit (e.g. main) in the same run")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        contenders = {"current": str(ROOT)}
        if a.anchor_rev:
            _export(a.anchor_rev, Path(tmp))
            contenders[f"anchor {a.anchor_rev}"] = tmp
        caches = {name: str(Path(tmp) / f"cache-{i}") for i, name in enumerate(contenders)}
        # warms the file cache, .pyc files (where they are written) and the regex cache
        first = {name: _run(a.input, path, caches[name]) for name, path in contenders.items()}
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for n in range(a.runs):
            names = list(contenders) if n % 2 == 0 else list(reversed(contenders))
            for name in names:
                times[name].append(_run(a.input, contenders[name], caches[name]))
    for name, values in times.items():
        print(f"{_line(name, values)} · first run {first[name]:.2f} s")


if __name__ == "__main__":
    main()
