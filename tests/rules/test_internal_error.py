"""internal-error through the CLI: a rule that crashes on a file costs one finding naming it, and the run goes on.

The plugin below is installed the way users install one (a distribution's entry point, found on
PYTHONPATH) and has a realistic bug: it reads every `Salary:` line as one plain dollar figure.
Every way a plugin can misbehave is tested in tests/test_plugin_faults.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_json

RULE = "internal-error"
PLUGIN = "acme-salary-floor"

PLUGIN_SOURCE = """
from jdlint import Hit, Rule, Severity, hookimpl

RULE = Rule(id="acme-salary-floor", category="compliance", severity=Severity.WARNING, summary="Pay below the floor.")


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting):
    start = 0
    for line in posting.text.splitlines(keepends=True):
        if line.startswith("Salary: "):
            amount = int(line.removeprefix("Salary: $").strip().replace(",", ""))
            if amount < 50_000:
                yield Hit(RULE.id, start, start + len(line.rstrip()), "Below ACME's salary floor.")
        start += len(line)
"""

# ✗ the plugin crashes on these postings
FLAGGED = [
    "# Data Engineer\n\nSalary: $90,000 – $120,000\n",
    "# Data Engineer\n\nSalary: DOE\n",
    "# Data Engineer\n\nSalary: competitive, with equity\n",
    "# Data Engineer\n\nSalary: $85k\n",
]

# ✓ it does not (on the last one it reports its own finding)
PASSING = [
    "# Data Engineer\n\nWe need a rockstar developer.\n",
    "# Data Engineer\n\nCompensation: $90,000 – $120,000\n",
    "# Data Engineer\n\nSalary: $95,000\n",
    "# Data Engineer\n\nSalary: $45,000\n",
]


def _install(site: Path) -> None:
    """A `*.dist-info` declaring the module as a `jdlint` entry point: what an installed distribution is."""
    info = site / "acme_salary_floor-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "acme_salary_floor.py").write_text(PLUGIN_SOURCE, encoding="utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-salary-floor\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[jdlint]\n{PLUGIN} = acme_salary_floor\n")


@pytest.fixture(scope="module")
def findings_by_text(tmp_path_factory) -> dict[str, list[dict]]:
    """One CLI run with the plugin over every table row; each row's findings."""
    root = tmp_path_factory.mktemp("internal-error")
    _install(root / "site")
    postings = root / "postings"
    postings.mkdir()
    names = {}
    for n, text in enumerate(FLAGGED + PASSING):
        names[f"{n:02}.md"] = text
        (postings / f"{n:02}.md").write_text(text, encoding="utf-8")
    path = os.pathsep.join([str(root / "site"), str(ROOT), os.environ.get("PYTHONPATH", "")])
    proc = run_cli("check", "--no-cache", "--format", "json", str(postings), env={"PYTHONPATH": path})
    assert proc.stdout, proc.stderr
    by_text: dict[str, list[dict]] = {text: [] for text in names.values()}
    for f in json.loads(proc.stdout)["findings"]:
        by_text[names[Path(f["path"]).name]].append(f)
    return by_text


@pytest.mark.parametrize("text", FLAGGED)
def test_flags(findings_by_text, text):
    found = findings_by_text[text]
    (error,) = [f for f in found if f["rule"] == RULE]
    assert error["message"].startswith(f"plugin '{PLUGIN}' failed on this file: ValueError")
    assert (error["line"], error["column"], error["severity"]) == (1, 1, "error")
    assert any(f["rule"] == "eeo-statement" for f in found), "the built-in rules still run"


@pytest.mark.parametrize("text", PASSING)
def test_passes(findings_by_text, text):
    assert [f for f in findings_by_text[text] if f["rule"] == RULE] == []


def test_the_plugin_reports_when_it_does_not_crash(findings_by_text):
    assert [f["rule"] for f in findings_by_text[PASSING[-1]] if f["rule"].startswith("acme")] == [PLUGIN]


def test_built_in_rules_never_fail_on_the_seeds(seeds_dir):
    _, data = run_json(str(seeds_dir), "--fail-on", "never")
    assert [f for f in data["findings"] if f["rule"] == RULE] == []


def test_the_plugin_is_absent_without_its_distribution():
    assert PLUGIN not in run_cli("rules").stdout
