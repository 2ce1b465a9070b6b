"""gender-coded: Gaucher, Friesen & Kay (2011) stems, one info finding each, and the file verdict."""

import pytest
from bias_helpers import assert_flags, assert_passes
from conftest import assert_explained_examples, lint, run_cli, run_json

import jdlint

RULE = "gender-coded"

FLAGGED = [
    ("We offer a competitive salary.", "competitive"),
    ("Thrive in a competition-driven market.", "competition"),
    ("A dominant player in payments.", "dominant"),
    ("You are driven by impact.", "driven"),
    ("Be assertive in design reviews.", "assertive"),
    ("Ambitious goals for 2025.", "Ambitious"),
    ("Strong leadership skills.", "leadership"),
    ("You will lead the data guild.", "lead"),
    ("Self-confident communicator.", "Self-confident"),
    ("Work autonomously across time zones.", "autonomously"),
    ("An analytical mind.", "analytical"),
    ("Decisive when incidents happen.", "Decisive"),
    ("A supportive manager.", "supportive"),
    ("A collaborative culture.", "collaborative"),
    ("Sharing knowledge is expected.", "Sharing"),
    ("We shared our roadmap publicly.", "shared"),
    ("Committed to quality.", "Committed"),
    ("Empathetic towards users.", "Empathetic"),
    ("We are an inclusive team.", "inclusive"),
    ("Build trust with stakeholders.", "trust"),
    ("Understanding of SQL.", "Understanding"),
    ("Co-operative approach to planning.", "Co-operative"),
    ("Honest feedback every week.", "Honest"),
    ("A warm welcome awaits.", "warm"),
]

PASSING = [
    "Sharks in the tank?",
    "Sharks in the tank at the aquarium.",
    "Read the leaflet.",
    "Read the leaflet before the visit.",
    "Ship data models to production.",
    "Data-driven and event-driven architectures.",
    "Analytics engineer for the finance team.",
    "Work as an individual contributor on the platform.",
    "Protect intellectual property.",
    "Any kind of SQL dialect.",
    "Key objectives for the quarter.",
    "Manage package dependencies with uv.",
    "Squash commits before merging.",
    "Remote work from anywhere in Europe.",
    "Python, SQL and dbt.",
    "Weekly demos and monthly retrospectives.",
    "The committee meets monthly.",
    "Kindergarten teachers and parents.",
    "Warnings in the build log.",
    "Sharp pencils and clean tables.",
    "Leads are routed to sales.  Leaflets too.",
    "Write clear documentation.",
    "Nagios alerts go to the pager.",
    "Keep candidate data confidential.",
    "Plans with a monthly cost share of 20%.",
    "Exert up to 20 pounds of force occasionally.",
    "Premiums for dependent coverage are paid by the county.",
    "Manage users in Active Directory.",
]


@pytest.mark.parametrize("text,expected", FLAGGED)
def test_flags(text, expected):
    assert_flags(RULE, text, expected)


@pytest.mark.parametrize("text", PASSING)
def test_passes(text):
    if text.startswith("Leads"):
        # "Leads" is the stem "lead" + "s": coded; "Leaflets" is not
        assert [f.match for f in lint(text, select=[RULE])] == ["Leads"]
        return
    assert_passes(RULE, text)


def test_gender_coded_is_info_and_one_per_occurrence():
    found = lint("Competitive pay. A competitive, competitive market.", select=[RULE])
    assert [f.match for f in found] == ["Competitive", "competitive", "competitive"]
    assert {str(f.severity) for f in found} == {"info"}


def test_summary_counts_and_verdict():
    result = jdlint.lint_text("We are competitive, driven and dominant. We are supportive.", path="job.md")
    assert result.summary["gender_coding"] == {"masculine": 3, "feminine": 1, "verdict": "masculine-coded"}
    result = jdlint.lint_text("Supportive, collaborative and committed. A competitive salary.", path="job.md")
    assert result.summary["gender_coding"] == {"masculine": 1, "feminine": 3, "verdict": "feminine-coded"}
    result = jdlint.lint_text("Competitive and supportive.", path="job.md")
    assert result.summary["gender_coding"]["verdict"] == "neutral"
    result = jdlint.lint_text("Write SQL.", path="job.md")
    assert result.summary["gender_coding"] == {"masculine": 0, "feminine": 0, "verdict": "neutral"}


def test_eeo_statement_and_headings_are_not_counted():
    text = (
        "## Responsibilities\n\n- Write SQL.\n\n"
        "## Equal opportunity\n\nWe are committed to an inclusive, supportive workplace and do not discriminate.\n"
    )
    result = jdlint.lint_text(text, path="job.md")
    assert result.summary["gender_coding"] == {"masculine": 0, "feminine": 0, "verdict": "neutral"}


def test_json_files_entry(tmp_path):
    path = tmp_path / "job.md"
    path.write_text("# Analyst\n\nA competitive, dominant, driven hire.\n", encoding="utf-8")
    _, data = run_json(str(path), "--fail-on", "never")
    (entry,) = data["files"]
    assert entry["gender_coding"] == {"masculine": 3, "feminine": 0, "verdict": "masculine-coded"}


def test_text_summary_prints_verdict(tmp_path):
    path = tmp_path / "job.md"
    path.write_text("# Analyst\n\nA competitive, dominant, driven hire.\n", encoding="utf-8")
    proc = run_cli("check", str(path), "--fail-on", "never")
    assert "masculine-coded (masculine 3, feminine 0)" in proc.stdout


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
