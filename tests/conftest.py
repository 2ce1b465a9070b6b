"""Shared helpers: run the real CLI, lint through the public API, find the seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import jdlint

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


def run_cli(
    *args: str, input: str | bytes | None = None, cwd: str | Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run `python -m jdlint ARGS` as a user would; text output."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "jdlint", *args], input=data, capture_output=True, cwd=cwd, env=full_env, timeout=300
    )
    proc.stdout = proc.stdout.decode("utf-8", "replace")  # type: ignore[assignment]
    proc.stderr = proc.stderr.decode("utf-8", "replace")  # type: ignore[assignment]
    return proc


def run_json(*args: str, **kw) -> tuple[int, dict]:
    proc = run_cli("check", "--format", "json", *args, **kw)
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def lint(text: str, path: str = "posting.md", select: list[str] | None = None, **kw):
    """Findings for `text` through the public API, optionally only some rules."""
    result = jdlint.lint_text(text, path=path, **kw)
    if select:
        return [f for f in result.findings if f.rule in select or f.category in select]
    return result.findings


def spans(findings, rule: str) -> list[str]:
    return [f.match for f in findings if f.rule == rule]


@pytest.fixture(autouse=True, scope="session")
def _private_result_cache(tmp_path_factory):
    """Every test (and every CLI it runs) caches results in a throw-away folder, never the user's cache."""
    old = os.environ.get("JDLINT_CACHE_DIR")
    os.environ["JDLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("jdlint-cache"))
    yield
    if old is None:
        os.environ.pop("JDLINT_CACHE_DIR", None)
    else:
        os.environ["JDLINT_CACHE_DIR"] = old


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the shared seeds are missing at {SEEDS}")
    return SEEDS
