"""Requirement-list rules through the public API: years-conflict, seniority-mismatch,
required-and-preferred, duplicate-requirement and requirement-overload. Each has a
table of postings that must be flagged (with the span) and postings that must not."""

from __future__ import annotations

import pytest
from conftest import SEEDS, lint, run_cli, run_json

import jdlint
from jdlint.config import from_mapping


def _hits(text: str, rule: str, path: str = "posting.md", **kw) -> list[str]:
    return [f.match for f in lint(text, path=path, select=[rule], **kw)]


def _bullets(*items: str) -> str:
    return "".join(f"- {i}\n" for i in items)


# -- years-conflict ----------------------------------------------------------

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
]


@pytest.mark.parametrize(("text", "span"), YEARS_BAD)
def test_years_conflict_flags(text, span):
    found = lint(text, select=["years-conflict"])
    assert [f.match for f in found] == [span]
    assert "line" in found[0].message  # both places are named


@pytest.mark.parametrize("text", YEARS_GOOD)
def test_years_conflict_passes(text):
    assert _hits(text, "years-conflict") == []


def test_years_conflict_message_names_both_lines():
    text = "## Requirements\n- 5+ years of Go\n- Ruby\n- At least 8 years of Go experience\n"
    (finding,) = lint(text, select=["years-conflict"])
    assert finding.line == 4
    assert "line 4" in finding.message and "line 2" in finding.message


# -- seniority-mismatch ------------------------------------------------------

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
    assert _hits(text, "seniority-mismatch") == [span]


@pytest.mark.parametrize("text", SENIORITY_GOOD)
def test_seniority_mismatch_passes(text):
    assert _hits(text, "seniority-mismatch") == []


# -- required-and-preferred ---------------------------------------------------

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
    assert _hits(text, "required-and-preferred") == [span]


@pytest.mark.parametrize("text", RP_GOOD)
def test_required_and_preferred_passes(text):
    assert _hits(text, "required-and-preferred") == []


# -- duplicate-requirement ----------------------------------------------------

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
    assert _hits(text, "duplicate-requirement") == [span]


@pytest.mark.parametrize("text", DUP_GOOD)
def test_duplicate_requirement_passes(text):
    assert _hits(text, "duplicate-requirement") == []


def test_duplicate_requirement_pasted_list_reported_once():
    items = _bullets("Python", "SQL with window functions", "Airflow experience")
    text = "## Requirements\n" + items + "\n## Qualifications\n" + items[: items.index("\n") + 1]
    assert len(_hits(text, "duplicate-requirement")) == 1


# -- requirement-overload -----------------------------------------------------

_SKILLS = [
    "Python for data pipelines", "Advanced SQL", "Airflow orchestration", "dbt modelling", "Looker dashboards",
    "Snowflake administration", "Terraform modules", "Kubernetes operations", "Kafka streaming", "Spark tuning",
    "Stakeholder communication", "Fluent English", "German at B2 level", "Statistics and probability", "Git workflows",
]  # fmt: skip

OVERLOAD_BAD = [
    ("## Requirements\n" + _bullets(*_SKILLS[:13]), "13"),
    ("## Requirements\n" + _bullets(*_SKILLS), "15"),
    ("## Requirements\n" + _bullets(*_SKILLS[:7]) + "## Qualifications\n" + _bullets(*_SKILLS[7:13]), "13"),
    ("Requirements:\n" + _bullets(*_SKILLS[:13]), "13"),
    ("REQUIREMENTS\n" + "".join(f"• {s}\n" for s in _SKILLS[:14]), "14"),
    ("## What you'll need\n" + _bullets(*_SKILLS[:13]), "13"),
    ("## Must have\n" + _bullets(*_SKILLS[:13]) + "## Nice to have\n- Rust\n", "13"),
    ("## About you\n" + _bullets(*_SKILLS[:13]), "13"),
    (
        "## Qualifications\n### Technical\n" + _bullets(*_SKILLS[:8]) + "### Soft skills\n" + _bullets(*_SKILLS[8:13]),
        "13",
    ),
    ("## Requirements\n" + "".join(f"{n}. {s}\n" for n, s in enumerate(_SKILLS[:13], 1)), "13"),
    ("## Requirements\n" + _bullets(*_SKILLS[:10]) + "\n## Skills\n" + _bullets(*_SKILLS[10:14]), "14"),
    ("**Requirements**\n\n" + _bullets(*_SKILLS[:13]), "13"),
    (
        "## Requirements\n"
        + _bullets(*_SKILLS[:6])
        + "## Levels\n### Senior\n#### Senior Requirements\n"
        + _bullets(*_SKILLS[6:13]),
        "13",
    ),
    ("## Who you are\n" + _bullets(*_SKILLS[:13]), "13"),
    ("## Minimum qualifications\n" + _bullets(*_SKILLS[:15]), "15"),
]

OVERLOAD_GOOD = [
    "## Requirements\n" + _bullets(*_SKILLS[:12]),
    "## Requirements\n" + _bullets(*_SKILLS[:6]) + "## Nice to have\n" + _bullets(*_SKILLS[6:15]),
    "## Responsibilities\n" + _bullets(*_SKILLS),
    "## Benefits\n" + _bullets(*_SKILLS),
    "## Requirements\n" + _bullets(*_SKILLS[:8]) + "## Physical requirements\n" + _bullets(*_SKILLS[8:15]),
    "## Requirements\n" + _bullets(*_SKILLS[:10]) + "  - sub-item one\n  - sub-item two\n  - sub-item three\n",
    "Requirements:\n" + _bullets(*_SKILLS[:11]),
    "## Requirements\n"
    + _bullets(*_SKILLS[:5])
    + "## Levels\n### Senior\n#### Senior Requirements\n"
    + _bullets(*_SKILLS[5:12])
    + "### Staff\n#### Staff Requirements\n"
    + _bullets(*_SKILLS[5:12]),
    "## Requirements\n"
    + _bullets(*_SKILLS[:9])
    + "## How to apply\n"
    + _bullets("Submit a CV", "Submit a letter", "Book a call", "Do a task"),
    "## Requirements\n"
    + _bullets(*_SKILLS[:9])
    + _bullets("Submit a resume", "Attach a cover letter", "Send references", "Apply online"),
    "## Requirements\n" + _bullets(*_SKILLS[:12]) + "## Preferred\n- Rust\n",
    "## Requirements\n"
    + _bullets(*_SKILLS[:12])
    + "## What we offer\n"
    + _bullets("Equity", "Remote work", "Health plan"),
    "## Requirements\n" + _bullets(*_SKILLS[:9]) + _bullets("Yes", "No", "Back", "Home"),
    "## Requirements\n"
    + _bullets(*_SKILLS[:12])
    + "## Work environment\n"
    + _bullets("Office work", "Some travel", "Noise"),
    "## Bonus points\n" + _bullets(*_SKILLS),
]


@pytest.mark.parametrize(("text", "count"), OVERLOAD_BAD)
def test_requirement_overload_flags(text, count):
    found = lint(text, select=["requirement-overload"])
    assert len(found) == 1
    assert found[0].message.startswith(count + " required items")
    assert found[0].line == 1  # on the first required heading


@pytest.mark.parametrize("text", OVERLOAD_GOOD)
def test_requirement_overload_passes(text):
    assert _hits(text, "requirement-overload") == []


def test_requirement_overload_max_items_option():
    text = "## Requirements\n" + _bullets(*_SKILLS[:6])
    config = from_mapping({"rules": {"requirement-overload": {"max-items": 5}}}, "test")
    found = [f for f in jdlint.lint_text(text, config=config).findings if f.rule == "requirement-overload"]
    assert [f.message.split(" (")[0] for f in found] == ["6 required items"]
    assert "more than 5" in found[0].message


def test_requirement_overload_option_is_validated(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("rules:\n  requirement-overload:\n    max-items: many\n")
    (tmp_path / "job.md").write_text("## Requirements\n- Go\n")
    proc = run_cli("check", "job.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "max-items" in proc.stderr


# -- job-family pages (seed 004 layout) ---------------------------------------

JOB_FAMILY = """---
title: Backend Engineer
---

## Requirements

- Ability to use GitLab
- 5+ years of Ruby experience

## Levels

### Senior

#### Senior Requirements

- Mentoring experience

### Distribution:Build

#### Requirements

- Experience with Docker
- 3+ years of Ruby experience

### Gitaly

#### Requirements

- Experience with Docker
- Go experience

#### Nice to have

- Docker experience
"""


def test_variants_are_not_compared_with_each_other():
    found = lint(JOB_FAMILY, select=["requirements"])
    rules = sorted((f.rule, f.line) for f in found)
    # Docker in two sibling variants is not a duplicate; Gitaly's own preferred list repeats its requirement;
    # the shared 5+ years of Ruby conflicts with Distribution:Build's 3+ years
    assert rules == [("required-and-preferred", 34), ("years-conflict", 23)]


def test_no_requirement_conflicts_on_any_seed():
    _, report = run_json(
        str(SEEDS), "--select", "years-conflict,required-and-preferred,duplicate-requirement", "--fail-on", "never"
    )
    assert report["findings"] == []


def test_seed_overload_counts_one_variant_plus_shared(seeds_dir):
    _, report = run_json(str(next(seeds_dir.glob("004_*"))), "--select", "requirement-overload", "--fail-on", "never")
    (finding,) = report["findings"]
    assert finding["line"] == 24 and finding["match"] == "Requirements"
    assert finding["message"].startswith("25 required items for the ")
