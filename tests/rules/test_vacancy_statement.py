"""vacancy-statement through the public API and CLI: an Ontario posting says whether it is for an existing vacancy."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import assert_explained_examples, lint, run_json

from jdlint.config import from_mapping

RULE = "vacancy-statement"
TODAY = dt.date(2026, 12, 7)
TORONTO = "Location: Toronto, ON"
TITLE = "Payroll Specialist"


def posting(extra: str = "", location: str = TORONTO, date: str = "") -> str:
    front = f"---\ndate: {date}\n---\n" if date else ""
    return (
        f"{front}# {TITLE}\n\n{location}\n\nSalary: CA$68,000 – CA$80,000 per year.\n\n"
        "## What you'll do\n\n- Run bi-weekly payroll for 400 employees\n- Answer pay questions from staff\n\n"
        f"## Requirements\n\n- 3+ years of payroll experience\n- PCP designation is an asset\n\n{extra}\n"
    )


def hits(text: str, **kw) -> list:
    kw.setdefault("as_of", TODAY)
    return lint(text, select=[RULE], **kw)


# ✓ a posting with any of these says whether it is for an existing vacancy
STATEMENTS = [
    "This posting is for an existing vacancy.",
    "This job posting is for an existing vacancy on our payroll team.",
    "This is not an existing vacancy; we are building a talent pool for future openings.",
    "This posting is not for an existing vacancy.",
    "Please note: this is an evergreen posting; we hire for this role throughout the year.",
    "This role is a backfill for a team member who is retiring.",
    "This position is an existing vacancy.",
    "We are building a talent pool for upcoming projects.",
    "This posting is used to build a candidate pipeline for future opportunities.",
    "Existing vacancy: yes",
    "Is this posting for an existing vacancy? Yes.",
    "This opening is for a current vacancy.",
    "This posting is for a currently vacant position.",
    "This requisition is a pipeline requisition for future needs.",
    "This advertisement is to create a talent pool; no current vacancy exists.",
    "Evergreen requisition: applications are reviewed as positions open.",
    "Ce poste vacant existant est à pourvoir immédiatement.",
    "Cette offre ne vise pas une vacance existante; nous constituons un bassin de candidats.",
    "Ce poste est actuellement vacant.",
    "Cette offre sert à constituer une banque de candidatures.",
    "This posting is for an existing vacancy*",
    "This is a pipeline role: we hire for it throughout the year.",
    "The Clerk's Office has a current vacancy for a Payroll Specialist.",
]

# ✗ a posting whose only extra text is one of these says nothing about it
SILENT = [
    "",
    "We are an equal opportunity employer.",
    "Apply by January 31 with your resume.",
    "Not ready to apply? Stay in touch with our recruiters.",
    "We offer a hybrid schedule and a pension plan.",
    "Accommodations are available on request throughout the hiring process.",
    "This role reports to the Payroll Manager.",
    "We are growing fast and hiring across many teams.",
    "We are hiring two payroll specialists.",
    "Our payroll team supports 400 employees across Ontario.",
    "The successful candidate will start in March.",
    "This is a permanent, full-time position.",
    "This is a 12-month contract position.",
    "Interviews will be held in February.",
    "We thank all applicants; only those selected for an interview will be contacted.",
    "Applications close on February 15, 2027.",
    "We do not use AI to screen, assess or select applicants.",
    "Visit our careers page for more opportunities.",
    "Position type: Full-time",
    "Openings: 1",
    "Your vacation starts at three weeks.",
    # from the corpus: a pipeline that is data engineering, not a talent pipeline
    "This isn't a build-the-perfect-pipeline role, it's a figure-out-what's-going-on role.",
]


@pytest.mark.parametrize("sentence", STATEMENTS)
def test_a_vacancy_statement_is_recognised(sentence):
    assert hits(posting(sentence)) == [], sentence


@pytest.mark.parametrize("sentence", SILENT)
def test_an_ontario_posting_without_the_statement_is_flagged_at_the_title(sentence):
    (hit,) = hits(posting(sentence))
    assert hit.severity.name == "WARNING" and hit.line == 1 and hit.match == TITLE
    assert "existing vacancy" in hit.message and "O. Reg. 476/24" in hit.message


@pytest.mark.parametrize(
    ("location", "flagged"),
    [
        ("Location: Toronto, ON", True),
        ("Location: Ottawa, Ontario", True),
        ("Location: Kitchener, ON (hybrid)", True),
        ("Location: Vancouver, BC", False),
        ("Location: Calgary, AB", False),
        ("Location: Charlottetown, PEI", False),
        ("Location: Austin, TX", False),
        ("Location: Berlin, Germany", False),
        ("", False),  # place unknown: the duty is Ontario's alone
    ],
)
def test_only_ontario_jobs_are_asked(location, flagged):
    assert bool(hits(posting(location=location))) is flagged


def test_the_day_before_the_law_nothing_is_asked():
    assert hits(posting(date="2025-12-31")) == []
    assert hits(posting(date="2026-01-01"))


def test_employer_size_from_the_configuration():
    small = from_mapping({"employer": {"size": 24}}, "test")
    assert hits(posting(), config=small) == []
    big = from_mapping({"employer": {"size": 25}}, "test")
    (hit,) = hits(posting(), config=big)
    assert hit.severity.name == "ERROR" and "employer.size" not in hit.message
    (unknown,) = hits(posting())
    assert unknown.severity.name == "WARNING" and "employer.size" in unknown.message


def test_a_page_that_is_not_a_posting_is_not_asked():
    assert hits("---\njdlint: {kind: not-a-posting}\n---\n" + posting()) == []
    text = "# Payroll Specialist (Toronto, ON)\n\nThis job is no longer available.\n"
    assert hits(text) == []


def test_statement_split_over_lines_is_recognised():
    assert hits(posting("This posting is for an\nexisting vacancy.")) == []


def test_json_output_carries_the_finding(tmp_path):
    path = tmp_path / "posting.md"
    path.write_text(posting(), encoding="utf-8")
    _, report = run_json("--select", RULE, "--as-of", "2026-12-07", str(path))
    (finding,) = report["findings"]
    assert finding["rule"] == RULE and finding["severity"] == "warning" and finding["line"] == 1


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE, as_of=TODAY)
