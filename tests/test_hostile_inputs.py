"""Repository content that used to crash, hang or exhaust memory: each is now one clear error, exit 2.

Impossible dates, crafted baselines, YAML alias bombs, packs and baselines that are devices, FIFOs
or huge, and file names that are not UTF-8 (SARIF, baselines).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

POSTING = "# Engineer\n\nWe need a rockstar.\n"
ENV = {"PYTHONPATH": str(ROOT)}
PACK = (
    "rules:\n  - id: acme-term\n    category: bias\n    severity: warning\n"
    "    summary: A test rule.\n    message: Avoid it.\n    terms: [bluebird]\n"
)


def check(tmp_path: Path, *args: str, timeout: float = 120):
    """The CLI in `tmp_path`; a generous timeout stands for "does not hang"."""
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    return run_cli("check", "--no-cache", *args, cwd=tmp_path, env={**ENV, "JDLINT_CACHE_DIR": str(tmp_path / "c")})


def one_error(proc, *parts: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("jdlint: error: ")
    for part in parts:
        assert part in line, line


@pytest.mark.parametrize(
    "config, expected",
    [
        ("as-of: 2025-02-29\n", "day is out of range for month"),
        ("as-of: 2026-13-01\n", "month must be in 1..12"),
    ],
)
def test_an_impossible_date_in_the_configuration_is_exit_2(tmp_path, config, expected):
    (tmp_path / ".jdlint.yaml").write_text(config, encoding="utf-8")
    one_error(check(tmp_path, "job.md"), ".jdlint.yaml", expected)


def test_a_date_like_value_in_a_pack_is_exit_2(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK.replace("A test rule.", "2025-02-30"), encoding="utf-8")
    (tmp_path / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    one_error(check(tmp_path, "job.md"), "pack.yaml", "day is out of range for month")


BASELINES = {
    "deep nesting": '{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "4,300-digit count": '{"version": 1, "findings": [{"fingerprint": "ab", "count": ' + "9" * 4400 + "}]}",
    "huge count": '{"version": 1, "findings": [{"fingerprint": "ab", "count": 1' + "0" * 40 + "}]}",
    "negative count": '{"version": 1, "findings": [{"fingerprint": "ab", "count": -5}]}',
}


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_a_crafted_baseline_is_one_error(tmp_path, name):
    (tmp_path / "base.json").write_text(BASELINES[name], encoding="utf-8")
    one_error(check(tmp_path, "--baseline", "base.json", "job.md"), "base.json")


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)


def test_a_yaml_alias_bomb_pack_is_refused_at_once(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK + BOMB, encoding="utf-8")
    (tmp_path / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    one_error(check(tmp_path, "job.md"), "pack.yaml", "aliases expand to more than")


def test_a_yaml_alias_bomb_configuration_is_refused_at_once(tmp_path):
    """A configuration's aliases are shared, never expanded: the schema refuses the value, naming the key."""
    (tmp_path / ".jdlint.yaml").write_text("exclude:\n" + "".join("  - " + ln + "\n" for ln in BOMB.splitlines()))
    one_error(check(tmp_path, "job.md"), ".jdlint.yaml", "exclude")


def test_ordinary_aliases_in_a_pack_still_work(tmp_path):
    pack = PACK.replace("terms: [bluebird]", "terms: &t [bluebird]") + (
        "  - id: acme-other\n    category: bias\n    severity: warning\n"
        "    summary: Another.\n    message: Avoid it too.\n    terms: *t\n"
    )
    (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = check(tmp_path, "--format", "json", "job.md")
    assert proc.returncode == 1, proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero") or sys.platform == "win32", reason="needs /dev/zero and mkfifo")
@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "huge"])
@pytest.mark.parametrize("what", ["pack", "baseline", "config"])
def test_devices_fifos_and_huge_files_are_refused(tmp_path, kind, what):
    name = {"pack": "pack.yaml", "baseline": "base.json", "config": ".jdlint.yaml"}[what]
    target = tmp_path / name
    if kind == "dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        with open(target, "wb") as fh:  # sparse: large on paper, nothing on disk
            fh.truncate(300 * 1024 * 1024)
    args = ["job.md"]
    if what == "pack":
        (tmp_path / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    elif what == "baseline":
        args = ["--baseline", "base.json", "job.md"]
    else:  # discovery passes over what is not a regular file; named with --config it is refused
        args = ["--config", name, "job.md"]
    expected = "not a regular file" if kind != "huge" else "larger than"
    if what == "config" and kind != "huge":
        expected = "configuration file not found"  # --config takes regular files only
    one_error(check(tmp_path, *args), name, expected)


NON_UTF8 = b"caf\xe9-engineer.md"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the file system must accept any bytes in a name")
def test_non_utf8_file_names_with_sarif_and_baselines(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), NON_UTF8), "w", encoding="utf-8") as fh:
        fh.write(POSTING)
    proc = check(tmp_path, "--format", "sarif", ".")
    assert proc.returncode == 1, proc.stderr
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(proc.stdout)["runs"][0]["results"]
    }
    assert "caf%E9-engineer.md" in uris
    wrote = check(tmp_path, "--write-baseline", "base.json", ".")
    assert wrote.returncode == 0, wrote.stderr
    hidden = check(tmp_path, "--baseline", "base.json", "--format", "json", ".")
    assert hidden.returncode == 0, hidden.stderr
    assert json.loads(hidden.stdout)["findings"] == []
