"""Writing files safely: baselines, --fix's metadata and interruptions, --diff's patches; smaller defects."""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

import jdlint
from jdlint.run import fix
from jdlint.run.parallel import available_cores, plan_workers

POSTING = "# Sales Lead\n\nThe salesman meets every client.\n"
ENV = {"PYTHONPATH": str(ROOT)}


def _cli(*args: str, cwd: Path):
    return run_cli(*args, cwd=cwd, env={**ENV, "JDLINT_CACHE_DIR": str(cwd / ".cache")})


def test_concurrent_baseline_writers_all_succeed_and_a_planted_symlink_is_not_followed(tmp_path):
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "base.json.jdlint-tmp").symlink_to(victim)  # the old, fixed temporary name
    with ThreadPoolExecutor(max_workers=6) as pool:
        procs = list(
            pool.map(lambda _: _cli("check", "--write-baseline", "base.json", "job.md", cwd=tmp_path), range(12))
        )
    assert [p.returncode for p in procs] == [0] * 12, [p.stderr for p in procs if p.returncode]
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert _cli("check", "--baseline", "base.json", "job.md", cwd=tmp_path).returncode == 0
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".jdlint-tmp") and not p.is_symlink()]


def test_fix_keeps_hard_links_and_extended_attributes(tmp_path):
    path = tmp_path / "job.md"
    path.write_text(POSTING, encoding="utf-8")
    other = tmp_path / "same-file.md"
    os.link(path, other)
    solo = tmp_path / "solo.md"
    solo.write_text(POSTING, encoding="utf-8")
    xattrs = hasattr(os, "setxattr")
    if xattrs:
        try:
            os.setxattr(solo, "user.jdlint-test", b"kept")
        except OSError:  # the file system has none
            xattrs = False
    proc = _cli("check", "--fix", "job.md", "solo.md", cwd=tmp_path)
    assert "fixed 2 problems in 2 files" in proc.stderr
    assert other.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")  # still one file
    assert "salesperson" in other.read_text(encoding="utf-8")
    assert os.stat(path).st_ino == os.stat(other).st_ino
    assert "salesperson" in solo.read_text(encoding="utf-8")
    if xattrs:
        assert os.getxattr(solo, "user.jdlint-test") == b"kept"
    assert not list(tmp_path.glob(".*.jdlint-tmp"))


@pytest.mark.parametrize("linked", [False, True])
def test_an_interrupted_fix_leaves_the_file_whole_and_no_temporary_file(tmp_path, monkeypatch, linked):
    path = tmp_path / "job.md"
    path.write_text(POSTING, encoding="utf-8")
    if linked:
        os.link(path, tmp_path / "alias.md")
    report = jdlint.lint_paths([str(path)])
    calls = []

    def interrupted(fd):  # Ctrl-C arrives while the new text is being flushed
        calls.append(fd)
        if len(calls) == (2 if linked else 1):
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix.fix_report(report, write=True)
    assert path.read_text(encoding="utf-8") == POSTING
    assert {p.name for p in tmp_path.iterdir()} == {"job.md", *(["alias.md"] if linked else [])}


@pytest.mark.parametrize(
    "text",
    [
        "# Sales Lead\n\nThe salesman meets every client.",  # no final newline, the fix on the last line
        "# Sales Lead\r\rThe salesman meets every client.\r",  # CR-only line endings (classic Mac)
        "# Sales Lead\n\nThe salesman calls.\nA salesman writes.",
    ],
)
def test_diff_is_a_patch_that_applies(tmp_path, text):
    path = tmp_path / "job.md"
    path.write_bytes(text.encode())
    proc = _cli("check", "--diff", "job.md", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    patch = tmp_path / "fix.patch"
    patch.write_bytes(proc.stdout.encode())
    applied = subprocess.run(["git", "apply", "--unsafe-paths", "fix.patch"], cwd=tmp_path, capture_output=True)
    assert applied.returncode == 0, applied.stderr + patch.read_bytes()
    assert path.read_bytes() == text.replace("salesman", "salesperson").encode()


def test_the_starter_configurations_own_off_works(tmp_path):
    assert _cli("init", cwd=tmp_path).returncode == 0
    config = tmp_path / ".jdlint.yaml"
    text = config.read_text(encoding="utf-8").replace(
        "# severity:\n#   eeo-statement: warning\n#   culture-fit: off",
        "severity:\n  eeo-statement: warning\n  culture-fit: off",
    )
    assert "\n  culture-fit: off" in text
    config.write_text(text, encoding="utf-8")
    (tmp_path / "job.md").write_text("# Engineer\n\nWe look for a great culture fit.\n", encoding="utf-8")
    proc = _cli("check", "--format", "concise", "job.md", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert "culture-fit" not in proc.stdout


def test_jobs_is_capped_at_the_core_count():
    work = [(i, f"f{i}.md", b"x" * 10) for i in range(500)]
    assert plan_workers(256, work) == min(256, available_cores())
    assert plan_workers(None, work) == 1  # small input stays in this process
