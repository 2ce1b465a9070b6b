"""What people read: info findings summarised per file, --statistics, --quiet, --format github's
limits and step summary, options before the path. Through the real command.

JSON and SARIF keep every finding, and the exit code counts every finding, whatever is listed.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_cli

# An honest draft: two errors and a warning that matter, and the gender-coded words that used to bury them.
DRAFT = """\
# Senior Account Executive at [COMPANY NAME]

[COMPANY NAME] is a competitive, ambitious and supportive team.
We need a rockstar closer who is assertive, decisive and collaborative.

## Requirements

- Five years of sales experience with [COMPANY NAME] products
- A strong, independent leader
"""

# Twelve offices, each line an unfilled placeholder (error) and a hype title (warning): more than GitHub shows.
OFFICES = "# Regional Sales Openings\n\n" + "".join(
    f"- Office {n}: [CITY] needs a rockstar account manager, a decisive leader.\n" for n in range(1, 13)
)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _json(repo, *args):
    proc = run_cli("check", "--format", "json", *args, "postings", cwd=repo)
    return json.loads(proc.stdout)


def test_info_is_one_line_per_file_in_text_and_concise_and_json_keeps_it(repo):
    findings = _json(repo)["findings"]
    infos = [f for f in findings if f["severity"] == "info"]
    assert len(infos) >= 8 and {f["rule"] for f in infos} >= {"gender-coded"}

    concise = run_cli("--format", "concise", "postings", cwd=repo)  # options before the path: shorthand
    assert concise.returncode == 1
    lines = concise.stdout.splitlines()
    assert not any(re.search(r":\d+:\d+: info ", line) for line in lines)
    assert [line for line in lines if "placeholder-text" in line] == [
        line for line in lines if line.startswith("postings/draft.md:") and " error placeholder-text " in line
    ]
    (note,) = [line for line in lines if "not listed" in line]
    gender = sum(1 for f in infos if f["rule"] == "gender-coded")
    assert note.startswith(f"postings/draft.md: {len(infos)} info findings not listed (gender-coded ×{gender}: ")
    assert "masculine-coded (masculine 6, feminine 2)" in note and note.endswith("— --show-info lists them")
    assert len(lines) == len(findings) - len(infos) + 1

    text = run_cli("-q", "postings/draft.md", cwd=repo)  # -q before the path: shorthand too
    assert text.returncode == 1
    assert "gender-coded" not in text.stdout and "Found" not in text.stdout and "not listed" not in text.stdout
    assert "postings/draft.md:4:11: warning exclusionary-jargon" in text.stdout

    full = run_cli("check", "postings", cwd=repo).stdout
    assert "not listed (gender-coded" in full
    assert f"{len(infos)} not listed, --show-info lists them" in full.splitlines()[-1]
    assert "4:34: info gender-coded" not in full


def test_show_info_option_and_config_list_them(repo):
    listed = run_cli("check", "--format", "concise", "--show-info", "postings", cwd=repo).stdout
    assert "postings/draft.md:4:34: info gender-coded “assertive”" in listed and "not listed" not in listed
    (repo / ".jdlint.yaml").write_text("show-info: true\n", encoding="utf-8")
    configured = run_cli("check", "--format", "concise", "postings", cwd=repo).stdout
    assert configured == listed
    (repo / ".jdlint.yaml").write_text("show-info: yes please\n", encoding="utf-8")
    bad = run_cli("check", "postings", cwd=repo)
    assert bad.returncode == 2 and "show-info" in bad.stderr


def test_exit_code_counts_hidden_info(tmp_path):
    (tmp_path / "team.md").write_text(
        "# About the team\n\nA supportive, collaborative and competitive group of engineers.\n", encoding="utf-8"
    )
    proc = run_cli("check", "--select", "gender-coded", "--fail-on", "info", "team.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert "info gender-coded" not in proc.stdout and "3 info findings not listed" in proc.stdout


def test_statistics_in_every_format(repo):
    data = _json(repo)
    expected: dict[tuple[str, str], int] = {}
    for f in data["findings"]:
        expected[(f["rule"], f["severity"])] = expected.get((f["rule"], f["severity"]), 0) + 1

    stats = _json(repo, "--statistics")
    assert set(stats) == {"version", "statistics", "summary"} and stats["summary"] == data["summary"]
    assert {(r["rule"], r["severity"]): r["count"] for r in stats["statistics"]} == expected
    assert [r["count"] for r in stats["statistics"]] == sorted(expected.values(), reverse=True)
    row = next(r for r in stats["statistics"] if r["rule"] == "placeholder-text")
    assert row == {
        "rule": "placeholder-text",
        "category": "structure",
        "severity": "error",
        "count": 3,
        "fixable": 0,
        "files": 1,
    }

    for fmt in ("concise", "github"):
        out = run_cli("check", "--statistics", "--format", fmt, "postings", cwd=repo).stdout.splitlines()
        assert len(out) == len(expected), fmt
        assert [line.split()[:3] for line in out] == [
            [str(r["count"]), r["rule"], r["severity"]] for r in stats["statistics"]
        ]
    text = run_cli("check", "--statistics", "postings", cwd=repo).stdout.splitlines()
    assert text[: len(expected)] == out and text[-1].startswith("Found ")
    assert run_cli("check", "--statistics", "--quiet", "postings", cwd=repo).stdout.splitlines() == out

    sarif = run_cli("check", "--statistics", "--format", "sarif", "postings", cwd=repo)
    assert sarif.returncode == 2 and sarif.stdout == ""
    assert "--statistics" in sarif.stderr and "SARIF" in sarif.stderr


def test_github_shows_the_worst_first_and_counts_the_rest(tmp_path):
    (tmp_path / "offices.md").write_text(OFFICES, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    summary = tmp_path / "step-summary.md"
    summary.write_text("## Earlier step\n\n", encoding="utf-8")
    proc = run_cli(
        "check", "--format", "github", "draft.md", "offices.md", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert proc.returncode == 1
    data = json.loads(run_cli("check", "--format", "json", "draft.md", "offices.md", cwd=tmp_path).stdout)
    counts = data["summary"]
    assert counts["errors"] > 10 and counts["warnings"] > 10  # more of each than GitHub shows

    lines = proc.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    kinds = [line[2 : line.index(" ")] for line in commands]
    assert kinds == ["error"] * 10 + ["warning"] * 10  # errors first; info is summarised, not annotated
    assert commands[0].startswith("::error file=draft.md,line=1,")
    more = lines[-1]
    hidden_errors, hidden_warnings = counts["errors"] - 10, counts["warnings"] - 10
    assert more.startswith(f"jdlint: {hidden_errors + hidden_warnings} more findings not annotated (")
    assert f"{hidden_errors} errors, {hidden_warnings} warnings" in more
    assert sum(1 for line in lines if line.startswith("jdlint: ") and "info finding" in line) == 2

    md = summary.read_text(encoding="utf-8")
    assert md.startswith("## Earlier step\n\n### jdlint\n")  # appended, as GitHub expects
    assert f"{counts['findings']} problems in 2 of 2 files: {counts['errors']} errors" in md
    assert "20 of them are shown as annotations" in md
    files = [row for row in md.splitlines() if row.startswith("| offices.md") or row.startswith("| draft.md")]
    assert files[0].startswith("| offices.md | 12 |") and files[1].startswith("| draft.md | 3 |")
    rules = [row.split(" | ")[0][2:] for row in md.split("| rule |")[1].splitlines()[2:] if row.startswith("|")]
    assert rules[:2] == ["placeholder-text", "exclusionary-jargon"] and "gender-coded" in rules


def test_github_step_summary_escapes_the_file_name(tmp_path):
    name = "a|b <i>`x`.md"
    (tmp_path / name).write_text("# Sales\n\nWe need a rockstar closer.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    run_cli(
        "check", "--format", "github", "--select", "exclusionary-jargon", name,
        cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    row = next(line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| a"))
    assert row == "| a&#124;b &lt;i&gt;&#96;x&#96;.md | 0 | 1 | 0 |"


def test_version_and_help_are_not_taken_for_paths():
    assert run_cli("--version").stdout.startswith("jdlint ")
    assert run_cli("-h").stdout.startswith("usage: jdlint")
