"""years-conflict through the public API: two different years-of-experience demands for one skill."""

from __future__ import annotations

import pytest
from conftest import SEEDS, assert_explained_examples, fixture_text, lint, run_json

RULE = "years-conflict"


def rule_spans(text: str) -> list[str]:
    return [f.match for f in lint(text, select=[RULE])]


YEARS_BAD = [
    ("## Requirements\n- 5+ years of Go\n- At least 8 years of Go experience\n", "At least 8 years"),
    ("## Requirements\n- 5+ years of Golang\n- 3+ years of Go in production\n", "3+ years"),
    ("## Requirements\n- 3+ years of PostgreSQL\n- 6 years of Postgres experience\n", "6 years"),
    ("## Requirements\n- 2+ years of Kubernetes\n- 4+ years with k8s\n", "4+ years"),
    ("## Requirements\n- five years of experience\n- 7+ years of experience\n", "7+ years"),
    ("## Requirements\n- Minimum of 2 years of experience\n- 3-5 years of experience\n", "3-5 years"),
    ("## Requirements\n- 1+ year of JavaScript\n- 3 years of JS experience\n", "3 years"),
    (
        "We are looking for an engineer with 3+ years of experience.\n\n## Requirements\n- 5+ years of experience\n",
        "5+ years",
    ),
    (
        "## Requirements\n- 4 years of professional experience\n\n## Qualifications\n- 6+ years of experience\n",
        "6+ years",
    ),
    ("## Requirements\n- Python: 3+ years\n- 5+ years of Python\n", "5+ years"),
    ("## Requirements\n- 5+ years of SQL\n- Minimum 2 years of SQL experience\n", "Minimum 2 years"),
    ("Requirements:\n- 5+ years of Go\n- 8+ years of Golang\n", "8+ years"),
    (
        (
            "REQUIREMENTS\n• 2 years of experience in election administration\n"
            "• 4 years of experience in election administration\n"
        ),
        "4 years",
    ),
    ("Qualifications:\nThree (3) years of experience\nFive (5) years of experience\n", "Five (5) years"),
    ("## What you'll need\n- 10+ years of experience\n- 7+ years of relevant experience\n", "7+ years"),
    ("## Requirements\n- Experience with Terraform (3+ years)\n- 5+ years of Terraform\n", "5+ years"),
    # years stated in prose, compared with the lists
    (
        "# Senior Backend Engineer\n\nThe ideal candidate has at least 8 years of professional Go experience "
        "and loves distributed systems.\n\n## Requirements\n\n- 4+ years of experience with Go\n",
        "4+ years",
    ),
    (
        "# Data Engineer\n\nYou bring 6+ years of Python experience to the team.\n\n"
        "## Requirements\n- 3+ years of Python\n",
        "3+ years",
    ),
    (
        "## About the role\n\nWe need someone with 2 years of Kubernetes experience who enjoys on-call.\n\n"
        "## Requirements\n- 5+ years of Kubernetes\n",
        "5+ years",
    ),
    (
        "## Requirements\n\nYou have at least 7 years of SQL experience.\n\n- 3+ years of SQL\n",
        "3+ years",
    ),
    (
        "We're looking for someone with 7+ years of Tableau experience.\n\n## Requirements\n- 2+ years with Tableau\n",
        "2+ years",
    ),
    (
        "# Platform Engineer\n\nYou have 10 years of Kubernetes experience.\n\n## Requirements\n"
        "- 3+ years of Kubernetes\n",
        "3+ years",
    ),
    (
        "# Data Analyst\n\nThe successful candidate brings at least 4 years of SQL experience.\n\n"
        "## What you need\n- 1+ year of SQL\n",
        "1+ year",
    ),
    (
        "## Qualifications\n\nWe expect 6 years of Java experience in production.\n\n- 2 years of Java\n",
        "2 years",
    ),
    (
        "# Backend Developer\n\nIdeal candidates have 5+ years of Ruby experience.\n\n## Requirements\n"
        "- 8+ years of Ruby\n",
        "8+ years",
    ),
    (
        "# Analytics Engineer\n\nYou bring 2 years of dbt experience.\n\n## Requirements\n- 5+ years of dbt\n",
        "5+ years",
    ),
    (
        "## About the role\n\nThis role needs someone with 9 years of Terraform experience.\n\n"
        "## Requirements\n- 4+ years with Terraform\n",
        "4+ years",
    ),
    (
        "# iOS Engineer\n\nYou have at least 6 years of Swift experience.\n\n## Must have\n- 3+ years of Swift\n",
        "3+ years",
    ),
    (
        "# SRE\n\nWe are looking for 7 years of Linux experience.\n\n## Requirements\n- 2+ years of Linux\n",
        "2+ years",
    ),
    (
        "# ML Engineer\n\nThe ideal candidate has 8 years of Python experience.\n\n## Requirements\n"
        "- Python (4+ years)\n",
        "4+ years",
    ),
    (
        "# Frontend Engineer\n\nYou have 1 year of React experience.\n\n## Requirements\n- 4+ years of React\n",
        "4+ years",
    ),
]

YEARS_GOOD = [
    "## Requirements\n- 5+ years of Go\n- 3+ years of PostgreSQL\n",
    "## Requirements\n- 5 years of experience, or 3 years with a master's degree\n",
    "## Requirements\n- Bachelor's degree and 4 years of experience; or\n- 8 years of experience\n",
    "## Requirements\n- 5+ years of Go\n## Nice to have\n- 8+ years of Go\n",
    "## Requirements\n- 5+ years of experience\n- 5+ years of professional experience\n",
    "## Requirements\n- 3+ years of SQL\n- 3-5 years of SQL\n",
    "## Requirements\n- A 4-year degree in computer science\n- 2+ years of experience\n",
    "We have been around for 10 years.\n\n## Requirements\n- 3+ years of experience\n",
    "## Requirements\n- 2+ years of experience managing a team\n- 6+ years of experience in data engineering\n",
    "## Requirements\n- Within 2 years of hire, obtain certification\n- 5+ years of experience\n",
    "## Benefits\n- 25 days off after 2 years\n## Requirements\n- 5+ years of experience\n",
    "## Requirements\n- Must be at least 18 years old\n- 3+ years of experience\n",
    "## Requirements\n- 5+ years of Python\n- 5+ years of Python and SQL\n",
    "Requirements:\n- Two years of college\n- Four years of experience in records management\n",
    "## Requirements\n- 5+ years of experience\n- over the past 3 years you shipped a product\n",
    "## Requirements\n- 3+ years with AWS\n- 6+ years with Azure\n",
    # prose that agrees with the lists, is about something else, or states a part or a choice
    "# Backend Engineer\n\nThe ideal candidate has 5+ years of Go experience.\n\n## Requirements\n- 5+ years of Go\n",
    "# Backend Engineer\n\nYou have 8 years of Go experience and 3 of them in fintech.\n\n"
    "## Requirements\n- 8+ years of Go\n",
    "We have shipped Go services for 12 years.\n\n## Requirements\n- 4+ years of Go\n",
    "Experience\nFour years of professional experience, including two years at the P11 level or one year at the "
    "P12 level.\n\nDo you possess the following?\nFour years of professional experience, including two years "
    "at the P11 level.\n",
    "# Analyst\n\nOur team has 20 years of election experience.\n\n## Requirements\n- 2+ years of experience\n",
    "# Engineer\n\nThe role suits someone with 5 years of Rust experience.\n\n## Requirements\n- 3+ years of Go\n",
    "## Nice to have\n\nIdeally 8 years of Go experience.\n\n## Requirements\n- 4+ years of Go\n",
    "# Engineer\n\nYou will mentor engineers with 1-2 years of experience.\n\n## Requirements\n- 6+ years of Go\n",
    "# Engineer\n\nYou have 5 years of Go experience and 5 years of Rust.\n\n## Requirements\n- 5+ years of Go\n",
    "# Engineer\n\nWe have run Kafka for 9 years.\n\n## Requirements\n- 3+ years of Kafka\n",
    "# Analyst\n\nOur customers have 30 years of data.\n\n## Requirements\n- 2+ years of SQL\n",
    "# Engineer\n\nYou have 4 years of Python experience or 2 years with a PhD.\n\n## Requirements\n"
    "- 4+ years of Python\n",
    "# Engineer\n\nThe team has 15 years of combined Scala experience.\n\n## Requirements\n- 3+ years of Scala\n",
    "# Engineer\n\nIn 3 years you will lead the platform team.\n\n## Requirements\n- 6+ years of Go\n",
    "# Engineer\n\nYou have 6+ years of Go experience.\n\n## Requirements\n- 6 years of Golang\n",
]


@pytest.mark.parametrize(("text", "span"), YEARS_BAD)
def test_years_conflict_flags(text, span):
    found = lint(text, select=[RULE])
    assert [f.match for f in found] == [span]
    assert "line" in found[0].message  # both places are named


@pytest.mark.parametrize("text", YEARS_GOOD)
def test_years_conflict_passes(text):
    assert rule_spans(text) == []


def test_years_conflict_message_names_both_lines():
    text = "## Requirements\n- 5+ years of Go\n- Ruby\n- At least 8 years of Go experience\n"
    (finding,) = lint(text, select=[RULE])
    assert finding.line == 4
    assert "line 4" in finding.message and "line 2" in finding.message


# -- a job-family page (seed 004 layout) --------------------------------------


def test_job_family_page():
    # the shared 5+ years of Ruby conflicts with Distribution:Build's 3+ years
    found = lint(fixture_text("postings/job-family.md"), select=[RULE])
    assert [f.line for f in found] == [23]


def test_no_finding_on_any_seed():
    _, report = run_json(str(SEEDS), "--select", RULE, "--fail-on", "never")
    assert report["findings"] == []


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
