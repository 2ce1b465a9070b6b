"""duplicate-requirement through the public API: one qualification twice in the required lists."""

from __future__ import annotations

import pytest
from conftest import SEEDS, assert_explained_examples, fixture_text, lint, run_json

RULE = "duplicate-requirement"


def rule_spans(text: str) -> list[str]:
    return [f.match for f in lint(text, select=[RULE])]


def _bullets(*items: str) -> str:
    return "".join(f"- {i}\n" for i in items)


DUP_BAD = [
    ("## Requirements\n- Strong SQL skills\n- Excellent communication\n- Knowledge of SQL\n", "Knowledge of SQL"),
    ("## Requirements\n- Experience with Golang\n- Go experience\n", "Go experience"),
    ("## Requirements\n- Experience with Kubernetes in production\n- Kubernetes experience\n", "Kubernetes experience"),
    (
        (
            "## Requirements\n- Excellent written and verbal communication\n- Python\n"
            "- Excellent verbal and written communication\n"
        ),
        "Excellent verbal and written communication",
    ),
    ("## Requirements\n- Fluent English\n## Qualifications\n- Fluency in English\n", "Fluency in English"),
    ("## Must have\n- Experience with dbt\n- Looker\n- dbt experience\n", "dbt experience"),
    (
        "## Requirements\n- Bachelor's degree in computer science\n- Go\n- A bachelor's degree in computer science\n",
        "A bachelor's degree in computer science",
    ),
    ("## Requirements\n- Experience with Postgres\n- PostgreSQL experience\n", "PostgreSQL experience"),
    ("## Requirements\n- 3+ years of Python\n- Python: 3+ years\n", "Python: 3+ years"),
    ("Requirements:\n- Experience with AWS\n- Amazon Web Services experience\n", "Amazon Web Services experience"),
    (
        "REQUIREMENTS\n• Valid driver's license\n• Strong organisational skills\n• Valid driver's license\n",
        "Valid driver's license",
    ),
    (
        "## Requirements\n- Ability to manage multiple projects at once\n- Manage multiple projects at once\n",
        "Manage multiple projects at once",
    ),
    ("## Requirements\n- Proficiency in Excel\n- Excel proficiency\n", "Excel proficiency"),
    (
        "## Qualifications\n### Technical\n- Experience with Airflow\n### Tools\n- Airflow experience\n",
        "Airflow experience",
    ),
    (
        "## Requirements\n- Experience with CI/CD pipelines\n- Continuous integration pipelines experience\n",
        "Continuous integration pipelines experience",
    ),
]

DUP_GOOD = [
    "## Requirements\n- Strong SQL skills\n- Python for data pipelines\n",
    "## Requirements\n- 3+ years of Python\n- 5+ years of Python\n",
    "## Requirements\n- Familiarity with SQL\n- Expert SQL\n",
    "## Requirements\n- Essential Function 1\n- Essential Function 2\n",
    "## Requirements\n- Java\n- JavaScript\n",
    "## Requirements\n- Yes\n- No\n- Yes\n",
    "## Requirements\n- Submit a resume\n- Python\n- Submit a resume\n",
    "## Requirements\n- Go\n## Nice to have\n- Go\n",
    "### Backend\n#### Requirements\n- Go experience\n### Platform\n#### Requirements\n- Go experience\n",
    (
        "## Levels\n### Senior\n#### Senior Requirements\n- Mentoring experience\n### Staff\n"
        "#### Staff Requirements\n- Mentoring experience\n"
    ),
    "## Requirements\n- Experience with AWS\n- Experience with Azure\n",
    "## Requirements\n- A passion for data\n- A passion for people\n",
    "## Responsibilities\n- Write SQL\n- Write SQL reviews\n- Write SQL\n",
    "Requirements:\n- Experience with Tableau\n- Experience with Looker\n",
    "## Requirements\n- Communication skills\n- Communication with customers in German\n",
]


@pytest.mark.parametrize(("text", "span"), DUP_BAD)
def test_duplicate_requirement_flags(text, span):
    assert rule_spans(text) == [span]


@pytest.mark.parametrize("text", DUP_GOOD)
def test_duplicate_requirement_passes(text):
    assert rule_spans(text) == []


def test_duplicate_requirement_pasted_list_reported_once():
    items = _bullets("Python", "SQL with window functions", "Airflow experience")
    text = "## Requirements\n" + items + "\n## Qualifications\n" + items[: items.index("\n") + 1]
    assert len(rule_spans(text)) == 1


# -- a job-family page (seed 004 layout) --------------------------------------


def test_job_family_page():
    # Docker in two sibling variants is not a duplicate
    found = lint(fixture_text("postings/job-family.md"), select=[RULE])
    assert [f.line for f in found] == []


def test_no_finding_on_any_seed():
    _, report = run_json(str(SEEDS), "--select", RULE, "--fail-on", "never")
    assert report["findings"] == []


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
