"""The result cache, through the CLI: hits without spaCy, safe writes, corrupt entries rebuilt."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from jdlint.model.finding import Finding, Severity
from jdlint.run.cache import ResultCache

POSTING = """\
# Senior Backend Engineer

We need a rockstar who can hit the ground running.

## Requirements

TBD
"""


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "backend.md"
    path.write_text(POSTING, encoding="utf-8")
    return path


@pytest.fixture
def cache_env(tmp_path: Path) -> dict[str, str]:
    return {"JDLINT_CACHE_DIR": str(tmp_path / "cache")}


def entries(env: dict[str, str]) -> list[Path]:
    """Result entries (the parsed-YAML cache under `yaml/` is another matter, see test_fast_paths)."""
    root = Path(env["JDLINT_CACHE_DIR"])
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and "yaml" not in p.relative_to(root).parts)


def check_json(path: Path, env: dict[str, str], *extra: str) -> dict:
    proc = run_cli("check", "--format", "json", "--fail-on", "never", *extra, str(path), env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_second_run_is_answered_from_the_cache_without_spacy(posting, cache_env):
    first = check_json(posting, cache_env)
    assert "exclusionary-jargon" in {f["rule"] for f in first["findings"]}
    assert len(entries(cache_env)) == 1
    code = (
        "import sys, io, contextlib\n"
        "from jdlint.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    main(['check', '--format', 'json', '--fail-on', 'never', {str(posting)!r}])\n"
        "heavy = sorted(m for m in ('spacy', 'markdown_it', 'pluggy', 'yaml') if m in sys.modules)\n"
        "print(out.getvalue()); print('IMPORTED', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(cache_env))
    assert proc.returncode == 0, proc.stderr
    report, imported = proc.stdout.rsplit("IMPORTED", 1)
    assert imported.strip() == "[]"
    assert json.loads(report) == first


def test_changed_content_or_options_are_not_served_stale(posting, cache_env):
    check_json(posting, cache_env)
    posting.write_text(POSTING.replace("rockstar", "skilled engineer"), encoding="utf-8")
    after_edit = check_json(posting, cache_env)
    assert "exclusionary-jargon" not in {f["rule"] for f in after_edit["findings"]}
    selected = check_json(posting, cache_env, "--select", "exclusionary-jargon")
    assert selected["findings"] == []
    assert len(entries(cache_env)) == 3  # one entry per (content, options)


def test_no_cache_neither_reads_nor_writes_results(posting, cache_env):
    check_json(posting, cache_env, "--no-cache")
    assert entries(cache_env) == []


def test_an_invalid_select_is_still_an_error_when_other_options_were_cached(posting, cache_env):
    check_json(posting, cache_env)
    proc = run_cli("check", "--select", "no-such-rule", str(posting), env=cache_env)
    assert proc.returncode == 2
    assert "no-such-rule" in proc.stderr


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_corrupt_entry_is_ignored_and_rebuilt(posting, cache_env, damage):
    first = check_json(posting, cache_env)
    (entry,) = entries(cache_env)
    good = entry.read_bytes()
    bad = {
        "truncate": good[: len(good) // 2],
        "flip": good[:-5] + bytes([good[-5] ^ 0x20]) + good[-4:],
        "empty": b"",
        "garbage": b"\x00\xff not a cache entry",
    }[damage]
    entry.write_bytes(bad)
    assert check_json(posting, cache_env) == first
    assert entry.read_bytes() == good  # rewritten whole by the run that found it damaged


def _finding(n: int) -> Finding:
    return Finding("job.md", "exclusionary-jargon", "bias", Severity.WARNING, "m" * n, 1, 1, 1, 5, "rock")


def _hammer(root: str, key: str, size: int) -> None:
    cache = ResultCache("run", Path(root))
    for _ in range(200):
        cache.put(key, [_finding(size)], {"n": size})


def test_two_processes_writing_one_entry_never_leave_a_torn_file(tmp_path):
    root = tmp_path / "cache"
    cache = ResultCache("run", root)
    key = cache.key("job.md", b"posting")
    ctx = multiprocessing.get_context("spawn")
    writers = [ctx.Process(target=_hammer, args=(str(root), key, size)) for size in (10, 50_000)]
    for w in writers:
        w.start()
    seen = False
    while any(w.is_alive() for w in writers):
        got = cache.get(key)
        if got is None:
            assert not seen, "the entry became unreadable while another process replaced it"
            continue
        seen = True
        findings, summary = got
        assert len(findings[0].message) == summary["n"]  # one writer's entry, whole
    for w in writers:
        w.join()
        assert w.exitcode == 0
    findings, summary = cache.get(key)
    assert len(findings[0].message) == summary["n"] in (10, 50_000)
    assert [p.name for p in root.rglob("*") if p.is_file()] == [key[2:]]  # no temporary files left


def _env(extra: dict[str, str]) -> dict[str, str]:
    import os

    return {**os.environ, "NO_COLOR": "1", **extra}
