"""seniority-mismatch through the public API: a title's level against the years asked."""

from __future__ import annotations

import pytest
from conftest import assert_explained_examples, fixture_text, lint

RULE = "seniority-mismatch"


def rule_spans(text: str) -> list[str]:
    return [f.match for f in lint(text, select=[RULE])]


SENIORITY_BAD = [
    ("# Junior Data Analyst\n## Requirements\n- 5+ years of SQL\n", "5+ years"),
    ("# Junior Backend Engineer\n## Requirements\n- 7 years of professional experience\n", "7 years"),
    ("# Entry-Level Analyst\n## Requirements\n- At least 5 years of experience\n", "At least 5 years"),
    ("# Intern, Data Engineering\n## Requirements\n- 6+ years with Python\n", "6+ years"),
    ("# Graduate Software Engineer\n## Requirements\n- 5-7 years of experience\n", "5-7 years"),
    ("# Associate Product Manager\n## Requirements\n- 8+ years of product experience\n", "8+ years"),
    ("---\ntitle: Jr. Designer\n---\n## Requirements\n- 5 years of Figma\n", "5 years"),
    ("# Senior Backend Engineer\n## Requirements\n- 1+ year of professional experience\n", "1+ year"),
    ("# Staff Engineer\n## Requirements\n- 1 year of experience\n", "1 year"),
    ("# Principal Data Scientist\n## Requirements\n- Minimum of 1 year of experience\n", "Minimum of 1 year"),
    ("# Lead Designer\n## Requirements\n- 1+ years of experience\n", "1+ years"),
    ("# Sr. Data Engineer\n## Requirements\n- 1 year of experience\n", "1 year"),
    ("Junior Accountant\n\nRequirements:\n- 5+ years of accounting experience\n", "5+ years"),
    ("Senior Election Specialist\n\nQualifications:\n- One (1) year of experience\n", "One (1) year"),
    ("# Trainee Technician\n## Requirements\n- Ten years of experience\n", "Ten years"),
]

SENIORITY_GOOD = [
    "# Junior Data Analyst\n## Requirements\n- 1+ year of SQL\n",
    "# Associate Director of Data\n## Requirements\n- 8+ years of experience\n",
    "# Senior Backend Engineer\n## Requirements\n- 5+ years of experience\n",
    "# Senior Backend Engineer\n## Requirements\n- 1+ year of Rust\n- 6+ years of backend experience\n",
    "# Staff Accountant\n## Requirements\n- 1 year of experience\n",
    "# Chief of Staff\n## Requirements\n- 1 year of experience\n",
    "# Data Engineer\n## Requirements\n- 10+ years of experience\n",
    "# Junior Data Analyst\n## Requirements\n- Experience with SQL\n",
    "# Senior Associate, Finance\n## Requirements\n- 6 years of experience\n",
    "# Lead Generation Specialist\n## Requirements\n- 1 year of experience\n",
    "# Junior Engineer\n## Nice to have\n- 5+ years of Go\n",
    "# Graduate Recruiter\n## Requirements\n- 5+ years of recruiting experience\n",
    "# Intern\n## Requirements\n- 5 years of experience, or a degree in progress; or\n- Currently enrolled\n",
    "Senior Analyst\n\nRequirements:\n- 3+ years of experience\n",
    "# Senior Engineer\n## Requirements\n- Go, Python and SQL\n",
]


@pytest.mark.parametrize(("text", "span"), SENIORITY_BAD)
def test_seniority_mismatch_flags(text, span):
    assert rule_spans(text) == [span]


@pytest.mark.parametrize("text", SENIORITY_GOOD)
def test_seniority_mismatch_passes(text):
    assert rule_spans(text) == []


# -- a job-family page (seed 004 layout) --------------------------------------


def test_job_family_page():
    # the title names no level
    found = lint(fixture_text("postings/job-family.md"), select=[RULE])
    assert [f.line for f in found] == []


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
