"""required-and-preferred through the public API: one qualification both required and preferred."""

from __future__ import annotations

import pytest
from conftest import SEEDS, assert_explained_examples, fixture_text, lint, run_json

RULE = "required-and-preferred"


def rule_spans(text: str) -> list[str]:
    return [f.match for f in lint(text, select=[RULE])]


RP_BAD = [
    (
        "## Requirements\n- Experience with Kubernetes in production\n## Nice to have\n- Kubernetes experience\n",
        "Kubernetes experience",
    ),
    ("## Requirements\n- Strong Python skills\n## Nice to have\n- Python\n", "Python"),
    ("## Requirements\n- Experience with Golang\n## Bonus points\n- Go experience\n", "Go experience"),
    (
        "## Requirements\n- Knowledge of Postgres\n## Preferred qualifications\n- PostgreSQL knowledge\n",
        "PostgreSQL knowledge",
    ),
    ("## Requirements\n- Experience with k8s\n## Nice to have\n- Kubernetes\n", "Kubernetes"),
    (
        "## Requirements\n- Familiarity with Terraform\n## Nice to have\n- Some Terraform exposure\n",
        "Some Terraform exposure",
    ),
    ("## Requirements\n- 3+ years of SQL\n## Nice to have\n- SQL experience\n", "SQL experience"),
    ("## Nice to have\n- Airflow experience\n## Requirements\n- Experience with Airflow\n", "Experience with Airflow"),
    ("## Requirements\n- Fluent English\n## Nice to have\n- Fluency in English\n", "Fluency in English"),
    (
        "## Requirements\n- Experience with dbt and data modelling\n## Desired\n- Data modelling and dbt experience\n",
        "Data modelling and dbt experience",
    ),
    (
        "Requirements:\n- Experience with AWS\nNice to have:\n- Amazon Web Services experience\n",
        "Amazon Web Services experience",
    ),
    (
        (
            "REQUIRED QUALIFICATIONS\n- Bachelor's degree in accounting\nPREFERRED QUALIFICATIONS\n"
            "- Bachelor's degree in accounting\n"
        ),
        "Bachelor's degree in accounting",
    ),
    (
        "## Requirements\n- Solid CI/CD experience\n## Nice to have\n- Continuous integration\n",
        "Continuous integration",
    ),
    ("## Requirements\n- Experience with React.js\n## Pluses\n- React\n", "React"),
    (
        "## Qualifications\n### Required\n- Experience with Snowflake\n### Preferred\n- Snowflake experience\n",
        "Snowflake experience",
    ),
]

RP_GOOD = [
    "## Requirements\n- Familiarity with Kubernetes\n## Nice to have\n- Deep Kubernetes expertise\n",
    "## Requirements\n- 3+ years of Python\n## Nice to have\n- 5+ years of Python\n",
    "## Requirements\n- Experience with AWS\n## Nice to have\n- Experience with GCP\n",
    "## Requirements\n- Python\n## Nice to have\n- Python and machine learning libraries\n",
    "## Requirements\n- SQL\n## Benefits\n- SQL training budget\n",
    "## Responsibilities\n- Write Go services\n## Nice to have\n- Go experience\n",
    "## Requirements\n- Experience with Docker\n## Nice to have\n- Experience with Kubernetes\n",
    "## Requirements\n- Strong communication skills\n## Nice to have\n- Public speaking\n",
    "## Requirements\n- Bachelor's degree\n## Nice to have\n- Master's degree\n",
    "## Requirements\n- Java\n## Nice to have\n- JavaScript\n",
    "## Requirements\n- C++\n## Nice to have\n- C#\n",
    "## Requirements\n- Basic SQL\n## Nice to have\n- Advanced SQL\n",
    "Requirements:\n- Experience with Tableau\nNice to have:\n- Experience with Looker\n",
    "## Requirements\n- English\n## Nice to have\n- German\n",
    "### Backend\n#### Requirements\n- Go experience\n### Frontend\n#### Nice to have\n- Go experience\n",
]


@pytest.mark.parametrize(("text", "span"), RP_BAD)
def test_required_and_preferred_flags(text, span):
    assert rule_spans(text) == [span]


@pytest.mark.parametrize("text", RP_GOOD)
def test_required_and_preferred_passes(text):
    assert rule_spans(text) == []


# -- a job-family page (seed 004 layout) --------------------------------------


def test_job_family_page():
    # Gitaly's own preferred list repeats its requirement
    found = lint(fixture_text("postings/job-family.md"), select=[RULE])
    assert [f.line for f in found] == [34]


def test_no_finding_on_any_seed():
    _, report = run_json(str(SEEDS), "--select", RULE, "--fail-on", "never")
    assert report["findings"] == []


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
