"""Paths that cannot be linted: each is a finding or one line on stderr, and every other file is linted."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from conftest import run_cli

import jdlint
from jdlint.run import api

POSTING = (
    "We need a rockstar.\n"
    "\n\nWe are an equal opportunity employer. You must be authorized to work in the US; we do not sponsor visas.\n"
)
# Readable by nobody, root included: procfs checks the mode bits itself for write-only sysctls.
WRITE_ONLY = Path("/proc/sys/vm/drop_caches")


def _json(proc) -> dict:
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


def _findings(data: dict) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for f in data["findings"]:
        out.setdefault(os.path.normpath(f["path"]), []).append((f["rule"], f["message"]))
    return out


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "good.md").write_text(POSTING, encoding="utf-8")
    (tmp_path / "with space.md").write_text(POSTING, encoding="utf-8")
    (tmp_path / "naïve 日本.md").write_text(POSTING, encoding="utf-8")
    os.mkdir(tmp_path / "x.md")  # a directory with a posting's name: walked, not read
    (tmp_path / "x.md" / "inner.md").write_text(POSTING, encoding="utf-8")
    os.symlink("loop-b.md", tmp_path / "loop-a.md")
    os.symlink("loop-a.md", tmp_path / "loop-b.md")
    os.symlink("gone.md", tmp_path / "dangling.md")
    os.symlink(".", tmp_path / "x.md" / "again")  # a directory loop
    os.mkfifo(tmp_path / "fifo.md")
    return tmp_path


def test_a_tree_of_awkward_paths(tree):
    proc = run_cli("check", "--format", "json", ".", cwd=tree)
    found = _findings(_json(proc))
    for name in ("good.md", "with space.md", "naïve 日本.md", "x.md/inner.md"):
        assert [r for r, _ in found[name]] == ["exclusionary-jargon"], name
    assert found["loop-a.md"] == [("unreadable-file", "cannot read the file: Too many levels of symbolic links")]
    assert found["loop-b.md"] == [("unreadable-file", "cannot read the file: Too many levels of symbolic links")]
    assert found["dangling.md"] == [("unreadable-file", "cannot read the file: No such file or directory")]
    assert found["fifo.md"] == [("unreadable-file", "is not a regular file (a FIFO, socket or device)")]
    assert len(found) == 8  # x.md/again/… is not walked twice
    assert proc.returncode == 1


def test_awkward_paths_named_explicitly(tree):
    names = ["x.md", "fifo.md", "loop-a.md", "with space.md", "naïve 日本.md"]
    found = _findings(_json(run_cli("check", "--format", "json", *names, cwd=tree)))
    assert sorted(found) == ["fifo.md", "loop-a.md", "naïve 日本.md", "with space.md", "x.md/inner.md"]
    assert [r for r, _ in found["fifo.md"]] == ["unreadable-file"]


def test_file_name_that_is_not_utf8(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.md"
    with open(raw, "wb") as fh:
        fh.write(POSTING.encode())
    (tmp_path / "good.md").write_text(POSTING, encoding="utf-8")
    # even with a strict UTF-8 stdout the name is printed (escaped), never a UnicodeEncodeError
    for fmt in ("json", "concise", "text"):
        proc = run_cli("check", "--format", fmt, str(tmp_path), env={"PYTHONIOENCODING": "utf-8"})
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode == 1
        assert "caf\\udce9.md" in proc.stdout
    data = json.loads(run_cli("check", "--format", "json", str(tmp_path)).stdout)
    names = sorted(os.fsencode(f["path"]) for f in data["findings"])  # JSON round-trips the original bytes
    assert names == sorted([raw, os.fsencode(tmp_path / "good.md")])


def test_missing_path_is_exit_2_with_one_line_and_the_rest_is_linted(tmp_path):
    (tmp_path / "good.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "nothere.md", "good.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["jdlint: error: nothere.md: no such file or directory"]
    assert [f["path"] for f in _json(proc)["findings"]] == ["good.md"]


def test_only_missing_paths(tmp_path):
    proc = run_cli("check", "nothere.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["jdlint: error: nothere.md: no such file or directory"]
    assert proc.stdout == ""


def test_missing_path_through_the_api_raises_path_error(tmp_path):
    from jdlint.run.discover import PathError

    with pytest.raises(PathError, match=r"nothere\.md: no such file or directory"):
        jdlint.lint_paths([str(tmp_path / "nothere.md")])


def _denied_paths(tmp_path: Path) -> list[Path]:
    """Files this process cannot read, whoever runs the tests.

    `chmod 000` denies only non-root users (root bypasses the mode bits), so as root the
    denial comes from a write-only procfs file, named on the command line (a symlink to it
    inside the tree would lead outside the tree, and is not read at all); as a normal user
    both are used.
    """
    denied = []
    if sys.platform.startswith("linux") and WRITE_ONLY.exists():
        denied.append(WRITE_ONLY)
    locked = tmp_path / "locked.md"
    locked.write_text(POSTING, encoding="utf-8")
    locked.chmod(0)
    if not os.access(locked, os.R_OK):
        denied.append(locked)
    assert denied, "no way to make an unreadable file on this system"
    return denied


def test_permission_denied_is_a_finding_and_the_rest_is_linted(tmp_path):
    denied = _denied_paths(tmp_path)
    (tmp_path / "good.md").write_text(POSTING, encoding="utf-8")
    try:
        named = [str(p) for p in denied if p.parent != tmp_path]
        found = _findings(_json(run_cli("check", "--format", "json", str(tmp_path), *named)))
    finally:
        (tmp_path / "locked.md").chmod(0o644)
    for path in denied:
        assert found[str(path)] == [("unreadable-file", "cannot read the file: Permission denied")]
    assert [r for r, _ in found[str(tmp_path / "good.md")]] == ["exclusionary-jargon"]


def test_file_deleted_between_discovery_and_reading(tmp_path, monkeypatch):
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(POSTING, encoding="utf-8")
    real = api.discover_targets

    def discover_then_delete(paths, config=None):
        found = list(real(paths, config))
        os.remove(tmp_path / "b.md")  # another process removes it after the walk
        return iter(found)

    monkeypatch.setattr(api, "discover_targets", discover_then_delete)
    report = jdlint.lint_paths([str(tmp_path)])
    rules = {Path(fr.path).name: [f.rule for f in fr.findings] for fr in report.files}
    assert rules == {"a.md": ["exclusionary-jargon"], "b.md": ["unreadable-file"], "c.md": ["exclusionary-jargon"]}
    assert "No such file or directory" in report.files[1].findings[0].message


def test_devices_named_explicitly(tmp_path):
    (tmp_path / "good.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "/dev/null", "/dev/zero", str(tmp_path / "good.md"))
    found = _findings(_json(proc))
    assert found["/dev/zero"] == [("unreadable-file", "is not a regular file (a FIFO, socket or device)")]
    assert found["/dev/null"] == [("unreadable-file", "is not a regular file (a FIFO, socket or device)")]
    assert [r for r, _ in found[str(tmp_path / "good.md")]] == ["exclusionary-jargon"]
