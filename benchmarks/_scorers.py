"""Run one of the shared scorers (../shared/evals, never copied here) with this project on
PYTHONPATH, and read the JSON it wrote; or load one of their modules in this process."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_scorer(evals: Path, scorer: str, args: list[str], out: Path, *, echo: bool) -> Any:
    """Run `evals/scorer` with `args` in its own folder; `echo` copies its report to stderr.

    The caller's `args` name `out` as the JSON file (each scorer spells that flag its own way);
    a scorer that wrote none gives `{}`. A failing scorer ends the benchmark with its output.
    """
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    cmd = [sys.executable, str(evals / scorer), *args]
    print("$", " ".join(cmd), file=sys.stderr, flush=True)
    proc = subprocess.run(
        cmd, cwd=evals / Path(scorer).parent, env=env, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        print(proc.stdout[-2000:], proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"{scorer} failed")
    if echo:
        print(proc.stdout, file=sys.stderr)
    return json.loads(out.read_text()) if out.exists() else {}


def load_module(path: Path, name: str) -> ModuleType:
    """Import the shared file `path` as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
