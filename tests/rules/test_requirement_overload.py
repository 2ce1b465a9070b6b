"""requirement-overload through the public API: more than 12 required items (option `max-items`)."""

from __future__ import annotations

import pytest
from conftest import fixture_text, lint, run_cli, run_json

import jdlint
from jdlint.config import from_mapping

RULE = "requirement-overload"


def rule_spans(text: str) -> list[str]:
    return [f.match for f in lint(text, select=[RULE])]


def _bullets(*items: str) -> str:
    return "".join(f"- {i}\n" for i in items)


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
    # a marker after the item's own demand keeps it required
    ("## Requirements\n" + _bullets(*_SKILLS[:12]) + _bullets("Proficient English; Chinese is a plus"), "13"),
    ("## Requirements\n" + _bullets(*_SKILLS[:12]) + _bullets("Experience preferred by the hiring team"), "13"),
    (
        "Minimum Qualifications:\n" + _bullets(*_SKILLS[:7]) + "\nDesirable Qualifications:\n- Rust\n"
        "Minimum knowledge required:\n" + _bullets(*_SKILLS[7:13]),
        "13",
    ),
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
    # items that say of themselves that they are optional, disclaimers and equivalency clauses
    "## Requirements\n" + _bullets(*_SKILLS[:11]) + _bullets("Experience in a lead capacity is preferred"),
    "## Requirements\n" + _bullets(*_SKILLS[:10]) + _bullets("A master's degree is desirable", "Rust is a plus"),
    "## Requirements\n" + _bullets(*_SKILLS[:10]) + _bullets("Kafka experience would be a plus", "Go is nice to have"),
    "## Requirements\n" + _bullets(*_SKILLS[:11]) + _bullets("Preferably a background in retail analytics"),
    "Training and Experience:\n" + _bullets(*_SKILLS[:11]) + _bullets(
        "Any combination of training and experience that would likely provide the required knowledge is qualifying"
    ),
    "## Requirements\n" + _bullets(*_SKILLS[:11]) + _bullets(
        "The contents of this class specification shall not be construed to constitute any expressed or implied "
        "contract"
    ),
    "## Requirements\n" + _bullets(*_SKILLS[:10]) + _bullets("Public-sector experience is highly desirable",
                                                            "SAP knowledge would be an asset"),
    # a "Knowledge of:" sub-list under "Desirable Qualifications" is part of the preferred list
    "Minimum Qualifications:\n" + _bullets(*_SKILLS[:6]) + "\nDesirable Qualifications:\nKnowledge of:\n"
    + _bullets(*_SKILLS[6:12]) + "Ability to:\n" + _bullets("Speak Spanish", "Lead teams of poll workers"),
]


@pytest.mark.parametrize(("text", "count"), OVERLOAD_BAD)
def test_requirement_overload_flags(text, count):
    found = lint(text, select=[RULE])
    assert len(found) == 1
    assert found[0].message.startswith(count + " required items")
    assert found[0].line == 1  # on the first required heading


@pytest.mark.parametrize("text", OVERLOAD_GOOD)
def test_requirement_overload_passes(text):
    assert rule_spans(text) == []


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


# -- a job-family page (seed 004 layout) --------------------------------------


def test_job_family_page():
    # one variant's requirements plus the shared ones stay under the limit
    found = lint(fixture_text("postings/job-family.md"), select=[RULE])
    assert [f.line for f in found] == []


def test_seed_overload_counts_one_variant_plus_shared(seeds_dir):
    _, report = run_json(str(next(seeds_dir.glob("004_*"))), "--select", RULE, "--fail-on", "never")
    (finding,) = report["findings"]
    assert finding["line"] == 24 and finding["match"] == "Requirements"
    assert finding["message"].startswith("25 required items for the ")
