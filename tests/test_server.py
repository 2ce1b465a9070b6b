"""`jdlint server`: runs handed to a warm process answer byte for byte what a run of its own answers.

Every server here lives in a throw-away folder (JDLINT_SERVER_DIR) and is stopped, or killed, before the
module ends; `_no_server_survives` checks that no process of theirs is left.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli, write_distribution

from jdlint.run.discover import SUFFIXES

FORMATS = ("text", "concise", "json", "sarif", "github")
_started: list[int] = []  # every server pid a test started: none may outlive the module


def _env(folder: Path, **extra: str) -> dict[str, str]:
    return {"JDLINT_SERVER_DIR": str(folder), **extra}


def status(env: dict) -> dict | None:
    """The server's status line parsed a little: pid and number of runs; None when none runs."""
    proc = run_cli("server", "status", env=env)
    if proc.returncode != 0:
        assert "not running" in proc.stderr
        return None
    words = proc.stderr.replace(",", "").split()
    return {"pid": int(words[words.index("(pid") + 1]), "runs": int(words[words.index("runs") - 1])}


def start(folder: Path, *extra: str, env: dict | None = None) -> dict:
    folder.mkdir(mode=0o700, exist_ok=True)
    env = {**_env(folder), **(env or {})}
    proc = run_cli("server", "start", *extra, env=env)
    assert proc.returncode == 0, proc.stderr
    now = status(env)
    assert now is not None
    _started.append(now["pid"])
    return env


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    return not Path(f"/proc/{pid}/stat").exists() or Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def wait_until(done, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return True
        time.sleep(0.1)
    return done()


@pytest.fixture(scope="module", autouse=True)
def _no_server_survives():
    yield
    for pid in _started:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    assert wait_until(lambda: not any(alive(pid) for pid in _started), 30), "a server outlived the tests"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> dict:
    """One warm server for the module's read-only tests; its environment for `run_cli`."""
    env = start(tmp_path_factory.mktemp("srv-shared"))
    yield env
    assert run_cli("server", "stop", env=env).returncode == 0
    assert status(env) is None


def both(server_env: dict, *args: str, cwd=None, input=None, extra: dict | None = None):
    """The same command through the server and in-process; asserts the server answered the first."""
    before = status(server_env)
    served = run_cli(*args, cwd=cwd, input=input, env={**server_env, **(extra or {})})
    after = status(server_env)
    assert before is not None and after is not None and after["runs"] == before["runs"] + 1
    direct = run_cli(*args, cwd=cwd, input=input, env={**server_env, **(extra or {}), "JDLINT_NO_SERVER": "1"})
    return served, direct


def assert_same(served, direct) -> None:
    assert (served.returncode, served.stdout, served.stderr) == (direct.returncode, direct.stdout, direct.stderr)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seeds_are_answered_byte_for_byte_in_every_format(server, fmt):
    served, direct = both(server, "check", "--format", fmt, "--no-cache", str(SEEDS))
    assert_same(served, direct)
    assert served.returncode == 1 and served.stdout


def test_a_bare_path_colour_and_the_result_cache_go_through_it_too(server, tmp_path):
    cache = {"JDLINT_CACHE_DIR": str(tmp_path / "cache")}
    for args in ((str(SEEDS),), ("--color", "-q", str(SEEDS)), ("--statistics", str(SEEDS))):
        served, direct = both(server, *args, extra=cache)  # the first fills the cache the second reads
        assert_same(served, direct)


def test_standard_input_with_a_file_name(server):
    text = (SEEDS / sorted(os.listdir(SEEDS))[0]).read_bytes()
    served, direct = both(server, "check", "--format", "concise", "-", "--stdin-filename", "job.md", input=text)
    assert_same(served, direct)
    assert "job.md:" in served.stdout


def test_fix_through_the_server_writes_what_a_direct_run_writes(server, tmp_path):
    for name in ("served", "direct"):
        shutil.copytree(SEEDS, tmp_path / name)
        (tmp_path / name / "sales.md").write_text("# Salesman\n\nOur salesman will own the region.\n")
    before = status(server)
    served = run_cli("check", "--fix", ".", cwd=tmp_path / "served", env=server)
    assert status(server)["runs"] == before["runs"] + 1
    direct = run_cli("check", "--fix", ".", cwd=tmp_path / "direct", env={**server, "JDLINT_NO_SERVER": "1"})
    assert_same(served, direct)
    assert "fixed" in served.stderr
    for path in sorted((tmp_path / "direct").iterdir()):
        assert (tmp_path / "served" / path.name).read_bytes() == path.read_bytes(), path.name
    assert "Salesperson" in (tmp_path / "served" / "sales.md").read_text()


def test_errors_and_exit_codes_are_the_direct_runs(server, tmp_path):
    for args in (("check", "nope.md"), ("check", "--format", "sarif", "--statistics", "."), ("check", "--help")):
        served, direct = both(server, *args, cwd=tmp_path)
        assert_same(served, direct)


def _waiting_on_stdin(env: dict) -> subprocess.Popen:
    """`jdlint check -` whose standard input stays open: its run waits there until told otherwise."""
    return subprocess.Popen(
        [sys.executable, "-m", "jdlint", "check", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1", **env},
    )


def test_ctrl_c_stops_a_served_run_as_it_stops_a_direct_one(server):
    """Ctrl-C, then the input's end at once: the run must stop, not finish on the input (`client.settle`)."""
    results = []
    for env in (server, {**server, "JDLINT_NO_SERVER": "1"}):
        before = status(server)["runs"]
        proc = _waiting_on_stdin(env)
        if "JDLINT_NO_SERVER" in env:
            time.sleep(3.0)  # imported and reading its input
        else:
            assert wait_until(lambda before=before: status(server)["runs"] > before, 30)
            time.sleep(1.0)  # the run is reading its input
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        results.append((proc.returncode, out, err))
    assert results[0] == results[1]
    assert results[0][0] == 130 and b"interrupted" in results[0][2]


def test_a_client_killed_mid_run_ends_its_run_but_not_the_server(server):
    before = status(server)["runs"]
    proc = _waiting_on_stdin(server)
    assert wait_until(lambda: status(server)["runs"] == before + 1, 30)
    proc.kill()
    proc.communicate(timeout=30)
    assert wait_until(lambda: "0 running now" in _status_line(server), 30), "the orphaned run did not end"
    served, direct = both(server, "check", "--format", "concise", str(SEEDS))
    assert_same(served, direct)


def _status_line(env: dict) -> str:
    return run_cli("server", "status", env=env).stderr


def test_socket_and_folder_are_private(server):
    folder = Path(server["JDLINT_SERVER_DIR"])
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    sockets = [p for p in folder.iterdir() if stat.S_ISSOCK(p.lstat().st_mode)]
    assert len(sockets) == 1 and stat.S_IMODE(sockets[0].lstat().st_mode) == 0o600


def test_a_changed_rule_pack_or_configuration_is_answered_right(server, tmp_path):
    pack = "rules:\n  - id: acme-codename\n    category: bias\n    summary: Code names.\n    terms:\n"
    (tmp_path / "job.md").write_text("# Engineer\n\nYou will lead Project Bluebird and Project Heron.\n")
    (tmp_path / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n")
    (tmp_path / "pack.yaml").write_text(pack + "      - phrases: [project bluebird]\n")
    args = ("check", "--format", "concise", "--no-cache", "job.md")
    served, direct = both(server, *args, cwd=tmp_path)
    assert_same(served, direct)
    assert "Bluebird" in served.stdout and "Heron" not in served.stdout
    (tmp_path / "pack.yaml").write_text(pack + "      - phrases: [project heron]\n")
    served, direct = both(server, *args, cwd=tmp_path)
    assert_same(served, direct)
    assert "Heron" in served.stdout and "Bluebird" not in served.stdout
    (tmp_path / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\nignore: [acme-codename]\n")
    served, direct = both(server, *args, cwd=tmp_path)
    assert_same(served, direct)
    assert "Heron" not in served.stdout


def test_no_server_and_its_environment_variable_run_in_process(server):
    before = status(server)["runs"]
    assert run_cli("check", "--no-server", str(SEEDS), env=server).returncode == 1
    assert run_cli("check", str(SEEDS), env={**server, "JDLINT_NO_SERVER": "1"}).returncode == 1
    assert status(server)["runs"] == before


def test_a_folder_open_to_others_is_refused(tmp_path):
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    env = _env(folder)
    proc = run_cli("server", "start", env=env)
    assert proc.returncode == 2 and "open to other users" in proc.stderr
    assert not list(folder.iterdir())
    proc = run_cli("check", "--format", "concise", str(SEEDS), env=env)  # the client does not use it either
    assert proc.returncode == 1 and proc.stdout


def test_a_socket_open_to_others_or_not_ours_is_never_connected_to(tmp_path):
    """A listener planted under the client's socket name: world-writable, or someone else's, it is refused."""
    folder = tmp_path / "srv"
    folder.mkdir(mode=0o700)
    env = _env(folder)
    ident = subprocess.run(
        [sys.executable, "-c", "from jdlint.server import paths; print(paths.names()['sock'])"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    ).stdout.strip()
    planted = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    planted.bind(ident)
    planted.listen(1)
    planted.setblocking(False)
    try:
        cases = [0o666]
        if os.getuid() == 0:
            cases.append("nobody")
        for case in cases:
            if case == "nobody":
                os.chmod(ident, 0o600)
                os.chown(ident, 65534, 65534)
            else:
                os.chmod(ident, case)
            proc = run_cli("check", "--format", "concise", str(SEEDS), env=env)
            assert proc.returncode == 1 and proc.stdout
            with pytest.raises(BlockingIOError):
                planted.accept()  # nobody connected
    finally:
        planted.close()


def test_a_killed_server_falls_back_and_server_starts_a_new_one(tmp_path):
    env = start(tmp_path / "srv")
    os.kill(status(env)["pid"], signal.SIGKILL)
    assert wait_until(lambda: status(env) is None)
    direct = run_cli("check", "--format", "json", str(SEEDS), env={**env, "JDLINT_NO_SERVER": "1"})
    fallback = run_cli("check", "--format", "json", "--server", str(SEEDS), env={**env, "CI": ""})
    assert_same(fallback, direct)
    assert wait_until(lambda: status(env) is not None, 120), "--server started no server"
    _started.append(status(env)["pid"])
    served = run_cli("check", "--format", "json", str(SEEDS), env=env)
    assert_same(served, direct)
    assert status(env)["runs"] == 1
    assert run_cli("server", "stop", env=env).returncode == 0


def test_an_installed_plugin_makes_it_stale_and_the_answer_stays_right(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    env = start(tmp_path / "srv", env={"PYTHONPATH": path})
    pid = status(env)["pid"]
    plugin = (
        "from jdlint import Hit, Rule, Severity, hookimpl\n"
        "RULE = Rule(id='acme-ninja', category='bias', severity=Severity.WARNING, summary='Ninjas.')\n"
        "@hookimpl\ndef jdlint_rules():\n    return [RULE]\n"
        "@hookimpl\ndef jdlint_check(posting, context):\n"
        "    i = posting.text.find('ninja')\n    if i >= 0:\n        yield Hit('acme-ninja', i, i + 5, 'A ninja.')\n"
    )
    write_distribution(site, "acme-ninja", {"acme_ninja": plugin}, {"acme": "acme_ninja"})
    job = tmp_path / "job.md"
    job.write_text("# Engineer\n\nA coding ninja.\n")
    proc = run_cli("check", "--format", "concise", "--select", "acme-ninja", str(job), env=env)
    assert proc.returncode == 1 and "A ninja." in proc.stdout, proc.stderr
    assert wait_until(lambda: not alive(pid)), "the stale server did not exit"


def test_an_idle_server_exits(tmp_path):
    env = start(tmp_path / "srv", "--idle-timeout", "5")
    pid = status(env)["pid"]
    assert wait_until(lambda: not alive(pid), 60)
    assert status(env) is None


@pytest.mark.corpus
def test_two_hundred_corpus_postings_are_answered_byte_for_byte(server, corpus_dir):
    every = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))
    postings = every[:: len(every) // 200][:200]  # spread over every collection
    assert len(postings) == 200
    args = ("check", "--format", "json", "--no-cache", "--jobs", "1", "--fail-on", "never", *map(str, postings))
    served, direct = both(server, *args)
    assert_same(served, direct)
    assert served.stdout.count('"path"') >= 200


def test_the_configurations_server_key_is_checked(tmp_path):
    (tmp_path / "job.md").write_text("# Engineer\n\nWe build things.\n")
    (tmp_path / ".jdlint.yaml").write_text("server: {start: true, idle-timeout: 0}\n")
    proc = run_cli("check", "job.md", cwd=tmp_path, env={"JDLINT_NO_SERVER": "1"})
    assert proc.returncode == 2
    assert "server.idle-timeout: expected a positive number of seconds, got 0" in proc.stderr
