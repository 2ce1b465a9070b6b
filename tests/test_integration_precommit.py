"""The pre-commit hook, run by the real `pre-commit try-repo` in a throwaway git repository.

pre-commit clones this repository and installs it into an environment of its
own with pip (from the same package index the test environment uses). The
clone is a snapshot of the working tree, committed in a temporary repository,
so uncommitted edits are tested too; PRE_COMMIT_HOME is shared by the tests of
this module, so the environment is built once per run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

GIT_ENV = {
    "GIT_AUTHOR_NAME": "jdlint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "jdlint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This repository's working tree (tracked and new files, not ignored ones) as a fresh commit."""
    if not (ROOT / ".git").exists():
        pytest.fail("the pre-commit test needs the jdlint source as a git checkout")
    snap = tmp_path_factory.mktemp("hook-repo")
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (snap / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, snap / rel)
    git("init", "-q", cwd=snap)
    git("add", "-A", cwd=snap)
    git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=snap)
    return snap


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def work(tmp_path) -> Path:
    git("init", "-q", cwd=tmp_path)
    return tmp_path


def try_repo(work: Path, hook_repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    git("add", "-A", cwd=work)
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "jdlint", "--files", *files],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def test_bad_posting_fails_and_prints_the_finding(work, hook_repo, pre_commit_home):
    (work / "bad.md").write_text("# Account Executive\n\nWe need a rockstar closer.\n", encoding="utf-8")
    proc = try_repo(work, hook_repo, pre_commit_home, "bad.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "jdlint" in proc.stdout and "Failed" in proc.stdout
    assert "bad.md:3:11: warning exclusionary-jargon “rockstar” is hype jargon" in proc.stdout


def test_clean_posting_passes(work, hook_repo, pre_commit_home):
    (work / "good.txt").write_text(
        "Account Executive\n\nWe need an experienced closer who enjoys meeting clients.\n\n"
        "We are an equal opportunity employer. You must be authorized to work in the US; we do not sponsor visas.\n",
        encoding="utf-8",
    )
    proc = try_repo(work, hook_repo, pre_commit_home, "good.txt")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_non_posting_files_are_skipped(work, hook_repo, pre_commit_home):
    (work / "notes.yaml").write_text("title: we need a rockstar\n", encoding="utf-8")
    proc = try_repo(work, hook_repo, pre_commit_home, "notes.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no files to check" in proc.stdout
