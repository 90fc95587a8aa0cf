"""The deployment files against the code: compose.yaml, deploy/Caddyfile, the Dockerfile and
.env.example. Docker is not run here; what can drift without it is checked: service wiring,
routes and health checks that name real endpoints, the install the image does, every key."""

from __future__ import annotations

import ast
import fnmatch
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.config import Settings
from bot.replica import webhook_path

ROOT = Path(__file__).resolve().parents[1]
#: Keys compose.yaml reads from .env for itself (interpolation), not the bot.
COMPOSE_ONLY_KEYS = {"BOT_DOMAIN"}


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert isinstance(data, dict)
    return data


def _bots(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The replicas: services built from this repository."""
    return {name: s for name, s in compose["services"].items() if s.get("build") == "."}


def _example_keys() -> set[str]:
    """Every KEY= line of .env.example, commented out or not."""
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))


def _environment_reads() -> set[str]:
    """Names passed as literals to os.environ.get / os.environ[...] / os.getenv in the code."""
    names: set[str] = set()
    for path in [*ROOT.joinpath("bot").rglob("*.py"), *ROOT.joinpath("summaries").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                call = ast.unparse(node.func)
                if call in {"os.environ.get", "os.getenv"} and node.args:
                    arg = node.args[0]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        names.add(arg.value)
            if (
                isinstance(node, ast.Subscript)
                and ast.unparse(node.value) == "os.environ"
                and isinstance(node.slice, ast.Constant)
                and isinstance(node.slice.value, str)
            ):
                names.add(node.slice.value)
    return names


def test_every_key_read_in_code_is_documented_and_every_documented_key_is_read() -> None:
    read = {name.upper() for name in Settings.model_fields} | _environment_reads()
    documented = _example_keys()
    assert read - documented == set(), "read by the code but missing from .env.example"
    assert documented - read - COMPOSE_ONLY_KEYS == set(), ".env.example documents unread keys"


def test_compose_runs_postgresql_two_replicas_and_a_proxy() -> None:
    compose = _compose()
    services = compose["services"]
    bots = _bots(compose)
    assert len(bots) >= 2
    db_env = services["db"]["environment"]
    for name, bot in bots.items():
        env = bot["environment"]
        url = urlsplit(env["DATABASE_URL"])
        assert url.scheme == "postgresql", name
        assert (url.hostname, url.port) == ("db", 5432)
        assert (url.username, url.password) == (
            db_env["POSTGRES_USER"],
            db_env["POSTGRES_PASSWORD"],
        )
        assert url.path == "/" + db_env["POSTGRES_DB"]
        assert env["WEBHOOK_LISTEN"] == "0.0.0.0"  # reachable from the proxy's container
        assert bot["depends_on"]["db"]["condition"] == "service_healthy"
        assert "ports" not in bot  # only the proxy faces the internet
        # every key the compose file sets is one the bot reads
        assert {k.lower() for k in env} <= set(Settings.model_fields), name
    assert set(services["proxy"]["depends_on"]) == set(bots)
    assert services["db"]["healthcheck"]["test"][:2] == ["CMD", "pg_isready"]


def test_the_webhook_path_is_the_one_the_replicas_serve() -> None:
    for bot in _bots(_compose()).values():
        url = bot["environment"]["WEBHOOK_URL"].replace(
            "${BOT_DOMAIN:?set BOT_DOMAIN in .env}", "x"
        )
        assert (
            url == "https://x/telegram"
        )  # Telegram posts webhooks to 443 only among 80/88/443/8443
        settings = Settings(
            telegram_bot_token="1:x",  # noqa: S106 - a fake token
            webhook_url=url,
            webhook_secret="s",  # noqa: S106
        )
        assert webhook_path(settings) == "/telegram"


def _caddy_site() -> str:
    return (ROOT / "deploy" / "Caddyfile").read_text()


def test_caddy_proxies_every_path_to_every_replica_and_checks_healthz() -> None:
    compose = _compose()
    site = _caddy_site()
    assert "{$BOT_DOMAIN} {" in site
    assert compose["services"]["proxy"]["environment"]["BOT_DOMAIN"] == "${BOT_DOMAIN}"
    [upstreams] = re.findall(r"^\s*reverse_proxy\s+([^{\n]+?)\s*\{", site, flags=re.MULTILINE)
    expected = {
        f"{name}:{bot['environment']['WEBHOOK_PORT']}" for name, bot in _bots(compose).items()
    }
    assert set(upstreams.split()) == expected
    # no path matcher on reverse_proxy: /telegram and /healthz both reach the replicas
    assert re.search(r"^\s*health_uri /healthz$", site, flags=re.MULTILINE)
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in compose["services"]["proxy"]["volumes"]


def test_replica_healthchecks_ask_healthz_on_the_webhook_port() -> None:
    for name, bot in _bots(_compose()).items():
        command = " ".join(bot["healthcheck"]["test"])
        port = bot["environment"]["WEBHOOK_PORT"]
        assert f"http://127.0.0.1:{port}/healthz" in command, name
        assert command.startswith("CMD python -c ")  # python:3.*-slim has no curl


def _dockerfile() -> list[str]:
    return [
        line.strip()
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_dockerfile_installs_the_package_as_pyproject_describes_it() -> None:
    lines = _dockerfile()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    python = re.fullmatch(r"FROM python:(\d+)\.(\d+)-slim", lines[0])
    assert python is not None
    minimum = re.fullmatch(r">=(\d+)\.(\d+)", project["project"]["requires-python"])
    assert minimum is not None
    assert tuple(map(int, python.groups())) >= tuple(map(int, minimum.groups()))
    copied = {part for line in lines if line.startswith("COPY") for part in line.split()[1:-1]}
    assert {"pyproject.toml", project["project"]["readme"]} <= copied
    packages = project["tool"]["setuptools"]["packages"]["find"]["include"]
    assert {p.rstrip("*") for p in packages} <= copied
    assert "RUN pip install --no-cache-dir ." in lines
    assert lines[-1] == 'CMD ["newsbrief", "bot"]'
    assert "bot" in project["project"]["entry-points"]["newsbrief.commands"]


def test_the_image_fills_the_pattern_cache_where_its_user_reads_it(tmp_path: Path) -> None:
    lines = _dockerfile()
    warm = lines.index("RUN newsbrief warm-cache")
    folder = next(line for line in lines if line.startswith("ENV NEWSBRIEF_CACHE_DIR="))
    assert lines.index(folder) < warm < lines.index("USER nobody")
    # what that RUN line does, with the folder moved here
    env = {**os.environ, "NEWSBRIEF_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "summaries", "warm-cache"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    stored = list((tmp_path / "regex").glob("*.json"))
    assert len(stored) > 100  # 15 speaker patterns per lexicon, outlets, agencies
    assert all(path.stat().st_mode & 0o004 for path in stored)


def test_every_data_file_of_the_packages_is_installed() -> None:
    """A non-editable install (the image's) ships only files package-data names."""
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]
    missing = []
    for top in ("bot", "summaries"):
        for path in ROOT.joinpath(top).rglob("*"):
            if not path.is_file() or path.suffix in {".py", ".pyc", ".pot"}:
                continue
            relative = path.relative_to(ROOT)
            covered = any(
                fnmatch.fnmatch(str(relative.relative_to(Path(*package.split(".")))), pattern)
                for package, patterns in package_data.items()
                if relative.is_relative_to(Path(*package.split(".")))
                for pattern in patterns
            )
            if not covered:
                missing.append(str(relative))
    assert missing == []
