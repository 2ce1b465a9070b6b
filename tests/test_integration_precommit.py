"""The pre-commit hook, run by the real pre-commit (`try-repo`, `run --all-files`, `git commit`) in throwaway repos.

pre-commit clones this repository and installs it into an environment of its
own with pip (from the same package index the test environment uses, through
pip's own cache). The clone is a snapshot of the working tree, committed in a
temporary repository, so uncommitted edits are tested too; PRE_COMMIT_HOME is
shared by the tests of this module, so the environment is built once per run.
All of it is marked `e2e`: it needs the package index and takes a minute or two.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GIT_ENV, ROOT, SEEDS, git

pytestmark = pytest.mark.e2e


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


def pre_commit(work: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=work, capture_output=True, text=True, env=env, timeout=900
    )


def try_repo(work: Path, hook_repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    """`pre-commit try-repo`, as the README suggests: it builds the hook's environment in a store of its own."""
    git("add", "-A", cwd=work)
    return pre_commit(work, home, "try-repo", str(hook_repo), "jdlint", "--files", *files)


def run_hook(work: Path, hook_repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    """`pre-commit run` with a config naming the hook at the snapshot's commit: the environment is built once."""
    rev = git("rev-parse", "HEAD", cwd=hook_repo).strip()
    config = f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: jdlint\n"
    (work / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git("add", "-A", cwd=work)
    return pre_commit(work, home, "run", "--files", *files)


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
    proc = run_hook(work, hook_repo, pre_commit_home, "good.txt")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_non_posting_files_are_skipped(work, hook_repo, pre_commit_home):
    (work / "notes.yaml").write_text("title: we need a rockstar\n", encoding="utf-8")
    proc = run_hook(work, hook_repo, pre_commit_home, "notes.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no files to check" in proc.stdout


# -- the README's snippet in a recruiting team's repository ----------------------------------------------------------

RECRUITING_README = """# Acme recruiting

This repository holds the job postings Acme publishes on its careers page.
Each posting is a Markdown or text file under `postings/`; new ones start from
`templates/posting-template.md`.

## How to publish a posting

1. Copy the template into `postings/` and fill in every section.
2. Open a pull request; the hiring manager and a recruiter review it.
3. Once it is merged, the careers site picks it up within the hour.

Questions go to the recruiting team in #recruiting.
"""

RECRUITING_CONTRIBUTING = """# Contributing

Thanks for helping us write better job postings.

- Keep each posting in its own file under `postings/`, named after the role.
- Run `pre-commit install` once after cloning; the hooks lint every posting you commit.
- Write the pay range, the location and the benefits in every posting.
- Ask a recruiter before you change the template.
"""

POSTING_TEMPLATE = """# [Job title]

**Location:** [City, State or Remote]
**Pay range:** [$minimum – $maximum per year]

## About the role

[Two or three sentences on what the person will do and why it matters.]

## What you will do

- [Responsibility]
- [Responsibility]

## What you bring

- [Requirement]
- [Requirement]

## Benefits

[Health insurance, retirement plan, paid time off.]

We are an equal opportunity employer.
"""


def readme_snippet(repo: Path, rev: str) -> str:
    """The README's `.pre-commit-config.yaml`, pointed at `repo` and `rev` instead of GitHub and a release."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    snippet = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    assert re.search(r"^\s*- repo: https://github\.com/jdlint/jdlint$", snippet, re.M), snippet
    assert re.search(r"^\s*rev: \S+", snippet, re.M), snippet
    snippet = re.sub(r"^(\s*- repo: ).*$", lambda m: m.group(1) + str(repo), snippet, count=1, flags=re.M)
    return re.sub(r"^(\s*rev: )\S+.*$", lambda m: m.group(1) + rev, snippet, count=1, flags=re.M)


def failing_files(output: str) -> set[str]:
    """The files named by warning and error lines (`path:line:col: severity rule message`)."""
    return set(re.findall(r"^(\S+?):\d+:\d+: (?:error|warning) ", output, re.M))


def test_readme_setup_in_a_recruiting_repository(tmp_path, hook_repo, pre_commit_home):
    """The README's snippet, real `pre-commit run --all-files`: only postings fail; a README edit commits."""
    repo = tmp_path / "recruiting"
    (repo / "templates").mkdir(parents=True)
    (repo / "postings").mkdir()
    (repo / "README.md").write_text(RECRUITING_README, encoding="utf-8")
    (repo / "CONTRIBUTING.md").write_text(RECRUITING_CONTRIBUTING, encoding="utf-8")
    (repo / "templates" / "posting-template.md").write_text(POSTING_TEMPLATE, encoding="utf-8")
    for seed in SEEDS.iterdir():
        shutil.copy(seed, repo / "postings" / seed.name)
    rev = git("rev-parse", "HEAD", cwd=hook_repo).strip()
    (repo / ".pre-commit-config.yaml").write_text(readme_snippet(hook_repo, rev), encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "--no-verify", "-m", "postings as they were", cwd=repo)

    proc = pre_commit(repo, pre_commit_home, "run", "--all-files")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    failing = failing_files(output)
    assert failing, output
    assert all(path.startswith("postings/") for path in failing), failing
    assert not failing & {"README.md", "CONTRIBUTING.md", "templates/posting-template.md"}

    installed = pre_commit(repo, pre_commit_home, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    with (repo / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("Postings are reviewed within two working days.\n")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1"}
    commit = subprocess.run(
        ["git", "commit", "-am", "README: review time"], cwd=repo, capture_output=True, text=True, env=env, timeout=900
    )
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert re.search(r"^jdlint\.+Passed$", commit.stdout + commit.stderr, re.M), commit.stdout + commit.stderr
    assert git("log", "--format=%s", "-1", cwd=repo).strip() == "README: review time"
