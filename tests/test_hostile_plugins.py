"""Plugins that end the process: `sys.exit`, `os._exit`, a segfault, a `KeyboardInterrupt`.

Each must cost only the file it fails on: an `internal-error` finding naming the plugin there,
the other files' findings as usual, and a non-zero exit — never exit 0 with nothing printed.
The plugin is installed the way users install one: a `*.dist-info` folder on PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

POSTING = "# Engineer\n\nWe need a rockstar to build our payments platform.\n"
TRIGGER = "# Engineer\n\nWe need a rockstar. CRASHME\n"

MODULE = """
from jdlint import Severity
from jdlint.model.finding import Hit
from jdlint.hookspecs import hookimpl
from jdlint.model.rule import Rule

RULE = Rule(id="acme-fault", category="bias", severity=Severity.WARNING, summary="A test rule.")


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting):
    if "CRASHME" in posting.text:
{body}
    return ()
"""

BODIES = {
    "sys-exit": "        import sys; sys.exit(0)",
    "os-exit": "        import os; os._exit(0)",
    "segfault": "        import ctypes; ctypes.string_at(0)",
    "keyboard-interrupt": "        raise KeyboardInterrupt",
    "sleeps": "        import time; time.sleep(600)",
}


def install(site: Path, kind: str) -> dict[str, str]:
    """A distribution declaring the plugin `acme-<kind>`; returns the environment that sees it."""
    site.mkdir(exist_ok=True)
    module = f"acme_{kind.replace('-', '_')}"
    (site / f"{module}.py").write_text(MODULE.format(body=BODIES[kind]), encoding="utf-8")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[jdlint]\nacme-{kind} = {module}\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]), "NO_COLOR": "1"}


def cli(*args: str, env: dict[str, str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jdlint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
        timeout=timeout,
    )


def postings(folder: Path) -> None:
    folder.mkdir()
    for name in ("a.md", "c.md"):
        (folder / name).write_text(POSTING, encoding="utf-8")
    (folder / "b.md").write_text(TRIGGER, encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("kind", ["sys-exit", "os-exit", "segfault", "keyboard-interrupt"])
def test_a_plugin_that_ends_the_process_costs_one_file(tmp_path, kind, jobs):
    env = install(tmp_path / "site", kind)
    postings(tmp_path / "jobs")
    proc = cli("check", "--no-cache", "--format", "json", "--jobs", jobs, "jobs", env=env, cwd=tmp_path)
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    findings = json.loads(proc.stdout)["findings"]
    crashed = [f for f in findings if f["rule"] == "internal-error"]
    assert [f["path"] for f in crashed] == [os.path.join("jobs", "b.md")]
    assert f"acme-{kind}" in crashed[0]["message"]
    for name in ("a.md", "c.md"):  # the other files are linted as usual
        assert {"exclusionary-jargon"} <= {f["rule"] for f in findings if f["path"].endswith(name)}


def test_keyboard_interrupt_from_a_plugin_through_the_api_is_its_finding(tmp_path):
    """In-process (no signal handler installed, as for any library user) a plugin's interrupt is re-raised."""
    env = install(tmp_path / "site", "sys-exit")
    code = (
        "import jdlint; r = jdlint.lint_text(" + repr(TRIGGER) + ");"
        "print([f.message for f in r.findings if f.rule == 'internal-error'])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env})
    assert proc.returncode == 0, proc.stderr
    assert "plugin 'acme-sys-exit' failed on this file: SystemExit: 0" in proc.stdout
