"""The composite GitHub Action (action.yml): its shape, and its lint step run as a runner would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def lint_step(action: dict) -> dict:
    return next(s for s in action["runs"]["steps"] if s.get("id") == "lint")


def test_action_is_a_composite_with_documented_inputs(action):
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"paths", "format", "sarif-file", "fail-on", "args", "python-version"}
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs reach scripts through env, never by interpolation"


def run_step(action: dict, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, str]:
    """Run the lint step's script with bash, its `env` filled from `inputs` as the runner would."""
    step = lint_step(action)
    defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    values = {**defaults, **inputs}
    env = {**os.environ, "NO_COLOR": "1"}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    for name, template in step["env"].items():
        key = template.removeprefix("${{ inputs.").removesuffix(" }}")
        env[name] = values[key]
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env["GITHUB_OUTPUT"] = str(output)
    proc = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    return proc, output.read_text(encoding="utf-8")


@pytest.fixture
def postings(tmp_path: Path) -> Path:
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "ae.md").write_text(
        "# Account Executive\n\nWe need a rockstar closer.\n", encoding="utf-8"
    )
    return tmp_path


def test_github_format_annotates_and_fails(action, postings):
    proc, _ = run_step(action, postings, paths="postings", args="--select exclusionary-jargon")
    assert proc.returncode == 1
    assert proc.stdout.startswith(
        "::warning file=postings/ae.md,line=3,col=11,endLine=3,endColumn=19,title=jdlint exclusionary-jargon::"
    )


def test_sarif_format_writes_the_log_and_names_it(action, postings):
    proc, outputs = run_step(
        action,
        postings,
        paths="postings",
        format="sarif",
        **{"fail-on": "never", "args": "--select exclusionary-jargon"},
    )
    assert proc.returncode == 0, proc.stderr
    assert outputs == "sarif-file=jdlint.sarif\n"
    log = json.loads((postings / "jdlint.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["exclusionary-jargon"]


def test_unknown_format_is_an_error(action, postings):
    proc, _ = run_step(action, postings, format="xml")
    assert proc.returncode == 2
    assert "::error title=jdlint action::format must be github or sarif" in proc.stdout
