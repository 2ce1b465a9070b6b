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
from conftest import write_distribution

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
    "sleeps": "        import os, time; open(os.environ['ACME_MARK'], 'w').close(); time.sleep(600)",
}


def install(site: Path, kind: str) -> dict[str, str]:
    """A distribution declaring the plugin `acme-<kind>`; returns the environment that sees it."""
    module = f"acme_{kind.replace('-', '_')}"
    write_distribution(site, module, {module: MODULE.format(body=BODIES[kind])}, {f"acme-{kind}": module})
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


def test_sys_exit_from_a_plugin_through_the_api_is_its_finding(tmp_path):
    """In-process (the Python API, no worker) a plugin's `sys.exit` is its finding, not the caller's end."""
    env = install(tmp_path / "site", "sys-exit")
    code = (
        "import jdlint; r = jdlint.lint_text(" + repr(TRIGGER) + ");"
        "print([f.message for f in r.findings if f.rule == 'internal-error'])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env})
    assert proc.returncode == 0, proc.stderr
    assert "plugin 'acme-sys-exit' failed on this file: SystemExit: 0" in proc.stdout


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _start_busy(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """jdlint on two workers, one of them stuck in a plugin; returns once that plugin is running."""
    env = install(tmp_path / "site", "sleeps")
    mark = tmp_path / "busy"
    postings(tmp_path / "jobs")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdlint", "check", "--no-cache", "--jobs", "2", "jobs"],
        cwd=tmp_path,
        env={**os.environ, **env, "ACME_MARK": str(mark)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    while not mark.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the plugin never started"
        time.sleep(0.2)
    return proc, mark


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killing_jdlint_leaves_no_workers_behind(tmp_path, sig):
    proc, _ = _start_busy(tmp_path)
    children = _children(proc.pid)
    assert children, "jdlint --jobs 2 started no worker"
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 30  # generous: the kernel or the parent-watch thread ends them
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [c for c in children if _alive(c)]


def test_ctrl_c_while_a_worker_is_busy_ends_promptly_with_one_line(tmp_path):
    proc, _ = _start_busy(tmp_path)
    children = _children(proc.pid) if sys.platform.startswith("linux") else []
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)  # the plugin sleeps 600 s: waiting for it would time out
    assert proc.returncode == 130
    assert err.strip().splitlines() == ["jdlint: interrupted"]
    deadline = time.monotonic() + 30
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [c for c in children if _alive(c)]


@pytest.mark.parametrize("delay", [0.2, 0.8, 1.5, 3.0])
def test_ctrl_c_at_any_moment_of_start_up_is_one_line(tmp_path, delay):
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdlint", "check", "--no-cache", "--jobs", "1", "job.md"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == -signal.SIGINT:  # Python's own handler: the signal came while the interpreter
        # started or imported the package itself (a loaded machine), before any of jdlint's code ran
        assert "jdlint/cli.py" not in err, err
        return
    assert "Traceback" not in err
    if proc.returncode == 130:
        assert err.strip().splitlines() == ["jdlint: interrupted"]
    else:  # finished first
        assert proc.returncode in (0, 1), (proc.returncode, err)
