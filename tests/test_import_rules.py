"""The layout's rules, checked on the source: stages import each other only through their public
surface and only forward along the pipeline; `summaries` never imports `bot`; `bot` imports
`summaries` only through public names."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Stage order: a stage may import stages of a lower rank only (and `errors`, `models`).
STAGE_RANK = {
    "text": 0,
    "fetch": 1,
    "extract": 1,
    "paste": 1,
    "pdf": 1,
    "rank": 1,
    "attribution": 1,
    "quotes": 2,
}
#: Top-level modules every stage may use: the error tree and the leaf result types.
SHARED = {"errors", "models"}
MAX_TOP_LEVEL_MODULES = 8


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute dotted name) of every import in a file, `from a import b` as `a.b`."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _problems_in_summaries(path: Path, root: Path = ROOT) -> Iterator[str]:
    parts = path.relative_to(root).with_suffix("").parts  # ("summaries", "rank", "_pick")
    own_stage = parts[1] if len(parts) > 2 else None
    for line, name in _imports(path):
        where = f"{path.relative_to(root)}:{line} imports {name}"
        top = name.split(".")
        if top[0] in ("bot", "telegram"):
            yield f"{where}: the pipeline never imports the bot or Telegram"
        if top[0] != "summaries" or len(top) < 2:
            continue
        target = top[1]
        if target.startswith("_"):
            yield f"{where}: private top-level module"
        if target not in STAGE_RANK:
            if own_stage is not None and target not in SHARED:
                yield f"{where}: a stage may use only errors/models at the top level"
            continue
        if target == own_stage:
            continue
        if any(p.startswith("_") for p in top[2:]):
            yield f"{where}: private module of another stage"
        if own_stage is not None and STAGE_RANK[target] >= STAGE_RANK[own_stage]:
            yield f"{where}: stages import only earlier stages"


def _problems_in_bot(path: Path) -> Iterator[str]:
    for line, name in _imports(path):
        top = name.split(".")
        if top[0] == "summaries" and any(p.startswith("_") for p in top[1:]):
            yield f"{path.relative_to(ROOT)}:{line} imports {name}: bot uses public names only"
        in_storage = "storage" in path.relative_to(ROOT).parts
        if in_storage and top[0] in ("telegram",):
            yield f"{path.relative_to(ROOT)}:{line} imports {name}: storage has no Telegram"


def test_summaries_imports_follow_the_stage_order() -> None:
    problems = [p for path in _modules("summaries") for p in _problems_in_summaries(path)]
    assert problems == []


def test_bot_uses_only_public_pipeline_names() -> None:
    problems = [p for path in _modules("bot") for p in _problems_in_bot(path)]
    assert problems == []


def test_summaries_has_a_small_top_level() -> None:
    top = sorted(p.name for p in (ROOT / "summaries").glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    stages = {p.name for p in (ROOT / "summaries").iterdir() if (p / "__init__.py").exists()}
    assert stages == set(STAGE_RANK)


@pytest.mark.parametrize("stage", sorted(STAGE_RANK))
def test_every_stage_declares_its_public_surface(stage: str) -> None:
    init = ast.parse((ROOT / "summaries" / stage / "__init__.py").read_text("utf-8"))
    names = [
        node
        for node in init.body
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "__all__" for t in node.targets)
    ]
    assert names, f"summaries/{stage}/__init__.py has no __all__"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from summaries.quotes._patterns import UPPER\n", "private module of another stage"),
        ("from summaries.quotes import find_quotes\n", "stages import only earlier stages"),
        ("import bot.app\n", "never imports the bot"),
        ("from summaries import _old\n", "private top-level module"),
        ("from summaries.pipeline import summarize_text\n", "only errors/models"),
    ],
)
def test_the_rule_catches_each_kind_of_violation(
    tmp_path: Path, source: str, expected: str
) -> None:
    probe = tmp_path / "summaries" / "rank" / "_probe.py"  # as if it were a ranking module
    probe.parent.mkdir(parents=True)
    probe.write_text(source)
    problems = list(_problems_in_summaries(probe, tmp_path))
    assert any(expected in p for p in problems), problems
