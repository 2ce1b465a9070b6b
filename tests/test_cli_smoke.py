"""The issue's acceptance lines, through the real CLI."""

import json

from conftest import run_cli, run_json


def test_stdin_rockstar_at_1_11():
    proc = run_cli("check", "--format", "concise", "-", input="We need a rockstar\n")
    assert proc.returncode == 1
    # document-level findings (missing statements) also sit on line 1, at column 1
    assert any(line.startswith("-:1:11: warning exclusionary-jargon ") for line in proc.stdout.splitlines())


def test_seeds_json_shape_and_placeholder(seeds_dir):
    code, data = run_json(str(seeds_dir))
    assert code == 1
    assert data["version"] == 1
    assert set(data) == {"version", "findings", "files", "summary"}
    assert data["summary"]["files"] == 5
    hits = [
        f
        for f in data["findings"]
        if f["rule"] == "placeholder-section" and f["path"].endswith("004_d898ba1d5901057f.txt")
    ]
    assert hits and hits[0]["line"] == 65 and hits[0]["match"] == "TBD"
    for f in data["findings"]:
        assert set(f) == {
            "path",
            "rule",
            "category",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "match",
            "suggestions",
        }


def test_json_report_puts_each_finding_and_file_on_a_line_of_its_own(seeds_dir):
    proc = run_cli("check", "--format", "json", "--no-cache", "--fail-on", "never", str(seeds_dir))
    report = json.loads(proc.stdout)
    lines = proc.stdout.splitlines()
    entries = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("    {")]
    assert entries == report["findings"] + report["files"]
    assert lines[0] == "{" and lines[-1] == "}" and len(report["findings"]) > 10
