"""The terminal face: grouped output, a table by rule, colour only for terminals, a progress bar for big runs."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import run_cli

BAD = "# Sales\n\nWe need a rockstar 😀 closer and a ninja.\n"


def run_with_tty(args: list[str], cwd: Path, tty: str, env: dict | None = None) -> tuple[int, str, str]:
    """Run jdlint with stdout or stderr (`tty`) on a pseudo-terminal; return (code, stdout, stderr)."""
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    full_env.update({"TERM": "xterm-256color", "COLUMNS": "100", **(env or {})})
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, tty: slave}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdlint", *args], cwd=cwd, env=full_env, stdin=subprocess.DEVNULL, **streams
    )
    os.close(slave)
    out, err = proc.communicate(timeout=300)
    reader.join(timeout=30)
    os.close(master)
    seen = b"".join(chunks).decode("utf-8", "replace")
    piped = (out if tty == "stderr" else err).decode("utf-8", "replace")
    return (proc.returncode, piped, seen) if tty == "stderr" else (proc.returncode, seen, piped)


@pytest.fixture
def many(tmp_path: Path) -> Path:
    for i in range(45):
        (tmp_path / f"posting-{i:02}.md").write_text(BAD if i == 0 else "# Sales\n\nA calm team.\n", encoding="utf-8")
    return tmp_path


def test_text_output_is_grouped_by_file_with_a_table_by_rule(tmp_path):
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Sales\n\nA calm team of guru engineers.\n", encoding="utf-8")
    proc = run_cli("check", "--select", "exclusionary-jargon", "a.md", "b.md", cwd=tmp_path)
    assert proc.returncode == 1
    out = proc.stdout
    assert out.index("a.md (2 problems)") < out.index("a.md:3:11:") < out.index("b.md (1 problem)")
    assert "Findings by rule" in out and "exclusionary-jargon" in out.split("Findings by rule")[1]
    # the caret line sits under "ninja", which follows a two-cell emoji
    lines = out.splitlines()
    src = next(i for i, line in enumerate(lines) if line.endswith("closer and a ninja.") and "|" in line)
    frames = [i for i, line in enumerate(lines) if "closer and a ninja." in line and "|" in line]
    caret = lines[frames[-1] + 1]
    assert caret.index("^") == lines[src].index("ninja") + 1  # one extra cell for the emoji before it
    assert caret.strip() == "^^^^^"
    assert "\x1b[" not in out  # not a terminal: no colour


def test_progress_bar_on_a_terminal_for_many_files(many):
    code, out, err = run_with_tty(["check", "--format", "concise", "."], many, tty="stderr")
    assert code == 1
    assert "linting" in err and "/45" in err
    assert "posting-00.md:3:11: warning exclusionary-jargon" in out


def test_no_progress_bar_when_stderr_is_not_a_terminal(many):
    proc = run_cli("check", "--format", "concise", ".", cwd=many)
    assert proc.returncode == 1
    assert proc.stderr == ""


def test_no_progress_bar_for_a_few_files(tmp_path):
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    _, _, err = run_with_tty(["check", "a.md"], tmp_path, tty="stderr")
    assert err == ""


@pytest.mark.parametrize(
    ("env", "args", "coloured"),
    [
        ({}, [], True),
        ({"NO_COLOR": "1"}, [], False),
        ({}, ["--no-color"], False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(tmp_path, env, args, coloured):
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    code, out, _ = run_with_tty(["check", *args, "a.md"], tmp_path, tty="stdout", env=env)
    assert code == 1
    assert "a.md:3:11" in out
    assert ("\x1b[" in out) is coloured
