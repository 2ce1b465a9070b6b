"""Repository text cannot inject into terminals or CI logs: file names, posting lines, plugin messages.

GitHub's runner obeys `::command` at the start of any log line and a legacy `##[command]` anywhere
in a line; a terminal obeys ESC sequences. Every human-facing output (text, concise, stderr) must
keep a file name on its own line and show control characters as escapes.
"""

from __future__ import annotations

import re
import sys

import pytest
from conftest import run_cli

POSTING = "# Engineer\n\nWe need a rockstar.\n\n##[set-output name=x;]y and a rockstar again\n"
NAMES = ["a\n::error file=x::pwned.md", "b\x1b[31mred\x1b]0;title\x07.md", "::warning::c.md", "d\u202eevil.md"]


def _commands(output: str) -> list[str]:
    """Lines a GitHub runner would take for workflow commands."""
    return [ln for ln in output.splitlines() if ln.lstrip().startswith("::") or "##[" in ln]


@pytest.fixture
def hostile_tree(tmp_path):
    folder = tmp_path / "jobs"
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_text(POSTING, encoding="utf-8")
    return tmp_path


@pytest.mark.skipif(sys.platform == "win32", reason="these names are not allowed on Windows")
@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_hostile_file_names_and_lines_are_escaped(hostile_tree, fmt):
    proc = run_cli("check", "--no-cache", "--format", fmt, "jobs", cwd=hostile_tree)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    assert _commands(out) == []
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "a\\n::error file=x::pwned.md" in out  # the name is still shown, on one line
    assert "b\\e[31mred\\e]0;title\\x07.md" in out
    assert "jobs/::warning::c.md" in out
    inside = run_cli("check", "--no-cache", "--format", fmt, "::warning::c.md", cwd=hostile_tree / "jobs")
    assert _commands(inside.stdout) == [] and "./::warning::c.md:1:3: " in inside.stdout
    if fmt == "text":  # the code frame quotes the line, defused
        assert "#\u2060#[set-output name=x;]y" in out


def test_github_format_stays_safe(hostile_tree):
    proc = run_cli("check", "--no-cache", "--format", "github", "jobs", cwd=hostile_tree)
    lines = proc.stdout.splitlines()
    commands = [ln for ln in lines if re.match(r"::(error|warning|notice) file=", ln)]
    assert commands
    for ln in lines:  # every other line is jdlint's own note (the info summary), defused
        assert ln in commands or (ln.startswith("jdlint: ") and "##[" not in ln and "\x1b" not in ln), ln
    assert "a%0A%3A%3Aerror file=x%3A%3Apwned.md" in proc.stdout


def test_stderr_escapes_file_names(tmp_path):
    proc = run_cli("check", "missing\n::error::pwned\x1b[2J.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert _commands(proc.stderr) == [] and "\x1b" not in proc.stderr
    assert proc.stderr.splitlines() == ["jdlint: error: missing\\n::error::pwned\\e[2J.md: no such file or directory"]
