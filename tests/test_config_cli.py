"""Configuration files, CLI options and exit codes, through the real command."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

STATEMENTS = (
    "\n## Equal opportunity\n\nWe are an equal opportunity employer. Candidates must be authorized to work "
    "in the United States; we do not sponsor visas.\n"
)
BAD = "# Engineer\n\nWe need a rockstar.\n\n## Requirements\n\n- TBD\n" + STATEMENTS
CLEAN = "# Engineer\n\nWe need an experienced engineer.\n" + STATEMENTS


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "postings" / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "postings" / "notes.rst").write_text("rockstar", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def rules_of(proc) -> list[str]:
    return sorted(f["rule"] for f in json.loads(proc.stdout)["findings"])


def test_directory_discovery_skips_hidden_and_other_suffixes(repo):
    proc = run_cli("check", "--format", "json", ".", cwd=repo)
    data = json.loads(proc.stdout)
    assert sorted(f["path"] for f in data["files"]) == ["postings/bad.md", "postings/clean.md"]
    assert proc.returncode == 1


def test_clean_file_exits_zero_and_says_so(repo):
    proc = run_cli("check", "postings/clean.md", cwd=repo)
    assert proc.returncode == 0
    assert "no problems" in proc.stdout


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("error", 1), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on(repo, fail_on, code):
    assert run_cli("check", "--fail-on", fail_on, "postings/bad.md", cwd=repo).returncode == code


def test_fail_on_error_with_only_warnings_is_zero(repo):
    proc = run_cli("check", "--fail-on", "error", "--select", "bias", "postings/bad.md", cwd=repo)
    assert proc.returncode == 0


def test_yaml_config_is_found_upward_and_applied(repo):
    (repo / ".jdlint.yaml").write_text("ignore: [exclusionary-jargon]\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "bad.md", cwd=repo / "postings")
    assert rules_of(proc) == ["placeholder-section"]


def test_pyproject_config(repo):
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.jdlint]\nselect = ["bias"]\n', encoding="utf-8"
    )
    proc = run_cli("check", "--format", "json", "postings/bad.md", cwd=repo)
    assert rules_of(proc) == ["exclusionary-jargon"]


def test_per_path_ignores_relative_to_config(repo):
    (repo / ".jdlint.yaml").write_text('per-path-ignores:\n  "postings/bad.md": [structure]\n', encoding="utf-8")
    proc = run_cli("check", "--format", "json", "postings/bad.md", cwd=repo)
    assert rules_of(proc) == ["exclusionary-jargon"]


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ("colour: red\n", [".jdlint.yaml", "unknown key 'colour'"]),
        ("select: 3\n", [".jdlint.yaml", "select", "list of strings"]),
        ("severity:\n  placeholder-section: loud\n", ["severity.placeholder-section", "error, warning, info, off"]),
        ("fail-on: sometimes\n", ["fail-on", "error, warning, info, never"]),
        ("employer:\n  uses_aedt: maybe\n", ["employer.uses_aedt", "true or false"]),
        ("ignore: [no-such-rule]\n", ["unknown rule or category 'no-such-rule'"]),
        ("select: [bias\n", [".jdlint.yaml", "not valid YAML"]),
        ("rule-packs: [missing-pack.yaml]\n", ["missing-pack.yaml", "cannot read rule pack"]),
    ],
)
def test_config_errors_exit_2_naming_file_and_key(repo, content, needles):
    (repo / ".jdlint.yaml").write_text(content, encoding="utf-8")
    proc = run_cli("check", "postings/bad.md", cwd=repo)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    for needle in needles:
        assert needle in proc.stderr


def test_bad_rule_pack_names_file_and_key(repo):
    (repo / "pack.yaml").write_text(
        "rules:\n  - id: acme-x\n    summary: x\n    terms:\n      - pattern: [{REGEX: '.*'}]\n", encoding="utf-8"
    )
    (repo / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    proc = run_cli("check", "postings/bad.md", cwd=repo)
    assert proc.returncode == 2
    assert "pack.yaml: rule acme-x.terms[0].pattern[0].REGEX" in proc.stderr


def test_user_rule_pack_adds_a_rule(repo):
    (repo / "pack.yaml").write_text(
        "rules:\n  - id: acme-codename\n    category: bias\n    summary: Internal code names.\n"
        "    terms:\n      - phrases: [project bluebird]\n        suggest: [the payments team]\n",
        encoding="utf-8",
    )
    (repo / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    (repo / "postings" / "x.md").write_text("You will lead Project-Bluebird.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--select", "acme-codename", "postings/x.md", cwd=repo)
    finding = json.loads(proc.stdout)["findings"][0]
    assert (finding["rule"], finding["match"], finding["suggestions"]) == (
        "acme-codename",
        "Project-Bluebird",
        ["the payments team"],
    )


def test_missing_path_is_exit_2_with_one_line(repo):
    proc = run_cli("check", "nope.md", cwd=repo)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "jdlint: error: nope.md: no such file or directory"


def test_bad_option_is_exit_2(repo):
    proc = run_cli("check", "--format", "xml", "postings", cwd=repo)
    assert proc.returncode == 2
    assert "invalid choice: 'xml'" in proc.stderr


def test_stdin_filename_is_reported_and_matched(repo):
    (repo / ".jdlint.yaml").write_text('per-path-ignores:\n  "drafts/*": [bias]\n', encoding="utf-8")
    proc = run_cli("check", "--format", "concise", "--stdin-filename", "jobs/x.md", "-", input=BAD, cwd=repo)
    assert proc.stdout.splitlines()[0].startswith("jobs/x.md:3:11: warning exclusionary-jargon")
    proc = run_cli("check", "--format", "json", "--stdin-filename", "drafts/x.md", "-", input=BAD, cwd=repo)
    assert rules_of(proc) == ["placeholder-section"]


def test_text_output_has_frame_suggestion_and_summary_without_colour(repo):
    proc = run_cli("check", "postings/bad.md", cwd=repo)
    out = proc.stdout
    assert "postings/bad.md:3:11: warning exclusionary-jargon" in out
    assert "We need a rockstar." in out and "^^^^^^^^" in out
    assert "suggestion: expert" in out
    assert "Found 2 problems in 1 of 1 file" in out
    assert "\x1b[" not in out


def test_statistics_and_quiet(repo):
    out = run_cli("check", "--statistics", "postings", cwd=repo).stdout
    assert "1  exclusionary-jargon" in out and "^^^" not in out  # counts instead of findings
    quiet = run_cli("check", "--quiet", "postings", cwd=repo).stdout
    assert "^^^" not in quiet and "postings/bad.md:3:11" in quiet and "Found" not in quiet


def test_init_writes_a_config_that_loads(repo):
    proc = run_cli("init", cwd=repo)
    assert proc.returncode == 0 and (repo / ".jdlint.yaml").is_file()
    assert run_cli("init", cwd=repo).returncode == 2  # never overwrites silently
    assert run_cli("check", "postings/clean.md", cwd=repo).returncode == 0


def test_bare_path_means_check(repo):
    proc = run_cli("postings/bad.md", "--format", "concise", cwd=repo)
    assert proc.returncode == 1 and "exclusionary-jargon" in proc.stdout
