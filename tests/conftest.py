"""Shared helpers: run the real CLI, lint through the public API, find the seeds; reproducible hypothesis runs."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

import jdlint

# Property tests draw the same examples on every run and every machine, so a failure seen in CI can be
# replayed here. Only derandomize is set: each test keeps its own max_examples and other settings.
settings.register_profile("reproducible", derandomize=True)
settings.load_profile("reproducible")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"  # the project's five seed postings, copied whole: the tests need nothing beside the clone
SHARED = ROOT.parent / "shared"  # beside the clone in CI only: a test that reads it skips on a fresh clone
CORPUS = SHARED / "corpus"
# What a test may need from outside the clone: `corpus` tests skip without ../shared/corpus and `tools`
# tests without the tool, each saying why, unless JDLINT_REQUIRE names it (comma-separated): .ci/run sets
# JDLINT_REQUIRE=corpus,actionlint so that a missing corpus or tool fails there instead of skipping.
REQUIRED = {name.strip() for name in os.environ.get("JDLINT_REQUIRE", "").split(",") if name.strip()}


def needs(what: str, reason: str) -> None:
    """Skip the running test because `what` is absent, or fail when JDLINT_REQUIRE says it must be there."""
    if what in REQUIRED:
        pytest.fail(f"{reason}, and JDLINT_REQUIRE names {what!r}")
    pytest.skip(reason)


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


def fixture_text(name: str) -> str:
    """A posting kept under tests/fixtures/."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def spans(findings, rule: str) -> list[str]:
    return [f.match for f in findings if f.rule == rule]


def explained_examples(rule: str) -> tuple[list[str], list[str]]:
    """The ✗ and ✓ examples that `jdlint explain RULE` shows, each whole (an example may span lines)."""
    proc = run_cli("explain", rule)
    assert proc.returncode == 0, proc.stderr
    examples: dict[str, list[list[str]]] = {"✗": [], "✓": []}
    current: list[str] | None = None
    for line in proc.stdout.splitlines():
        if line in ("Flagged:", "Not flagged:"):
            current = None
        elif line[:4] in ("  ✗ ", "  ✓ "):
            current = [line[4:]]
            examples[line[2]].append(current)
        elif current is not None:
            current.append(line)
    bad, good = (["\n".join(lines).rstrip("\n") for lines in examples[mark]] for mark in "✗✓")
    return bad, good


def assert_explained_examples(rule: str, as_of: dt.date = dt.date(2026, 3, 1)) -> None:
    """Every ✗ example that `jdlint explain` shows is flagged by its rule, and no ✓ example is."""
    bad, good = explained_examples(rule)
    assert bad, f"{rule} shows no flagged example"
    for text in bad:
        assert lint(text, select=[rule], as_of=as_of), text
    for text in good:
        assert not lint(text, select=[rule], as_of=as_of), text


def seed_rules(seeds: Path, select: str) -> dict[str, set[str]]:
    """The rules `jdlint check --select SELECT` reports on each seed, keyed by the seed's number ("000")."""
    _, data = run_json("--select", select, str(seeds))
    by_seed: dict[str, set[str]] = {}
    for f in data["findings"]:
        by_seed.setdefault(f["path"].rsplit("/", 1)[-1][:3], set()).add(f["rule"])
    return by_seed


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a property test whose own settings turn derandomize back off, and a corpus test not marked so."""
    for item in items:
        if "corpus_dir" in getattr(item, "fixturenames", ()) and item.get_closest_marker("corpus") is None:
            raise pytest.UsageError(f"{item.nodeid}: it reads the corpus, so mark it @pytest.mark.corpus")
        chosen = getattr(getattr(item, "obj", None), "_hypothesis_internal_use_settings", None)
        if chosen is not None and not chosen.derandomize:
            raise pytest.UsageError(f"{item.nodeid}: its hypothesis settings set derandomize=False")


@pytest.fixture(autouse=True, scope="session")
def _no_step_summary():
    """Tests run inside GitHub Actions must not append `--format github`'s summaries to the run's page."""
    old = os.environ.pop("GITHUB_STEP_SUMMARY", None)
    yield
    if old is not None:
        os.environ["GITHUB_STEP_SUMMARY"] = old


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


@pytest.fixture(autouse=True, scope="session")
def _private_server_folder(tmp_path_factory):
    """No CLI a test runs talks to the user's own `jdlint server`: sockets live in a throw-away folder."""
    old = os.environ.get("JDLINT_SERVER_DIR")
    os.environ["JDLINT_SERVER_DIR"] = str(tmp_path_factory.mktemp("srv"))
    yield
    if old is None:
        os.environ.pop("JDLINT_SERVER_DIR", None)
    else:
        os.environ["JDLINT_SERVER_DIR"] = old


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def corpus_dir() -> Path:
    """../shared/corpus (the ~1,280 real postings beside the clone in CI); tests that use it are marked `corpus`."""
    if not CORPUS.is_dir():
        needs("corpus", f"no corpus at {CORPUS}: only CI has ../shared beside the clone")
    return CORPUS


# A fixed identity for the git repositories the end-to-end tests build (no user config needed).
GIT_ENV = {
    "GIT_AUTHOR_NAME": "jdlint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "jdlint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path) -> str:
    """Run git in `cwd` with the tests' identity; its output, stripped (a failure fails the test)."""
    proc = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def write_distribution(site: Path, dist: str, modules: dict[str, str], entry_points: dict[str, str]) -> None:
    """Install a plugin the way pip leaves one: `modules` (name -> source) and a `<dist>-1.0.dist-info`
    folder declaring `entry_points` (plugin name -> module) in the `jdlint` group."""
    site.mkdir(parents=True, exist_ok=True)
    for module, source in modules.items():
        (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    lines = ["[jdlint]", *(f"{name} = {target}" for name, target in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
