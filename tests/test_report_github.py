"""`--format github`: workflow commands GitHub turns into pull-request annotations."""

import pytest
from conftest import run_cli

from jdlint.model.finding import Finding, Severity
from jdlint.report.github import command, escape_data, escape_property


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain words", "plain words", "plain words"),
        ("100% remote", "100%25 remote", "100%25 remote"),
        ("line one\nline two", "line one%0Aline two", "line one%0Aline two"),
        ("windows\r\nending", "windows%0D%0Aending", "windows%0D%0Aending"),
        ("Salary: $90,000", "Salary: $90,000", "Salary%3A $90%2C000"),
        ("%0A is literal", "%250A is literal", "%250A is literal"),
        ("jobs/2024: sales, east.md", "jobs/2024: sales, east.md", "jobs/2024%3A sales%2C east.md"),
        ("“curly” and 😀 pass through", "“curly” and 😀 pass through", "“curly” and 😀 pass through"),
    ],
)
def test_escaping_table(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


@pytest.mark.parametrize(
    ("severity", "level"), [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")]
)
def test_severity_maps_to_command(severity, level):
    f = Finding("p.md", "age-bias", "bias", severity, "msg", 2, 3, 2, 9, "x")
    assert command(f) == f"::{level} file=p.md,line=2,col=3,endLine=2,endColumn=9,title=jdlint age-bias::msg"


def test_cli_annotates_the_exact_span_and_escapes_the_path(tmp_path):
    name = "sales, east: 2024.md"
    (tmp_path / name).write_text("# Account Executive\n\nWe need a rockstar closer.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "github", "--select", "exclusionary-jargon", name, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "::warning file=sales%2C east%3A 2024.md,line=3,col=11,endLine=3,endColumn=19,"
        "title=jdlint exclusionary-jargon::“rockstar” is hype jargon that many qualified applicants read as "
        "“not for me”. Consider: “expert”, “skilled engineer”, “high performer”."
    ]


def test_clean_file_prints_nothing(tmp_path):
    (tmp_path / "ok.md").write_text("# Engineer\n\nWe need an experienced developer.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "github", "--select", "exclusionary-jargon", "ok.md", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == ""
