"""placeholder-section through the public API: a section whose whole body is a placeholder (TBD, N/A, …)."""

from __future__ import annotations

import pytest
from conftest import assert_explained_examples, lint, run_json

RULE = "placeholder-section"


def rule_spans(text: str, path: str = "posting.md") -> list[str]:
    return [f.match for f in lint(text, path=path, select=[RULE])]


PLACEHOLDER_SECTION_BAD = [
    ("#### Staff Requirements\n\n- TBD\n", "TBD"),
    ("## Requirements\n\nTBD\n", "TBD"),
    ("## Benefits\n\nComing soon\n", "Coming soon"),
    ("## Salary\n\n**TBD**\n", "TBD"),
    ("## What you'll do\n\n- TODO\n", "TODO"),
    ("## About the team\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n", None),
    ("## Responsibilities\n\n[to be added]\n", "[to be added]"),
    ("## Requirements\n\n- N/A\n", "N/A"),
    ("## Compensation\n\nTBA.\n", "TBA."),
    ("## Perks\n\n…\n", "…"),
    ("## Duties\n\n-\n", "-"),
    ("Staff Requirements: TBD\n", "TBD"),
    ("**Salary:** TBD\n", "TBD"),
    ("Compensation: To be determined\n", "To be determined"),
    ("Requirements:\nTBD\n\nDuties:\n- Run elections\n", "TBD"),
    ("REQUIREMENTS\nNONE\n\nDUTIES\n- Run elections\n", "NONE"),
    ("# Backend Engineer\n### None\n\nWe build tools.\n", "None"),
    ("## TBD\n\nWe build tools.\n", "TBD"),
]

PLACEHOLDER_SECTION_GOOD = [
    "## Requirements\n\n- 5+ years of Go\n",
    "Location: Remote (TBD after onboarding, see FAQ)\n",
    "## Salary\n\n$120,000 – $150,000\n",
    "Supervisory responsibilities: None\n",
    "Travel: N/A\n",
    "Bargaining Unit: N/A\n",
    "## Preferred qualifications\n\nNone\n",
    "## Physical demands\n\nNone\n",
    "## Requirements\n\n- Go\n- TBD: the team picks the database in Q3\n",
    "## About us\n\nWe are a remote-first company.\n\n---\n\n## Apply\n\nEmail us.\n",
    "Requirements\n-\nRespond to requests from the public.\n-\nMaintain records.\n",
    "## Benefits\n\n- Health insurance\n- N/A for contractors: a monthly stipend instead\n",
    "Special Requirements:\nNONE\n",
    "## Responsibilities\n\nTo be discussed in the interview, together with the team's roadmap.\n",
    "Start date: as soon as possible\n",
]


@pytest.mark.parametrize(("text", "span"), PLACEHOLDER_SECTION_BAD)
def test_placeholder_section_flags(text, span):
    hits = rule_spans(text)
    assert len(hits) == 1, hits
    if span is not None:
        assert hits[0] == span
    else:
        assert hits[0].startswith("Lorem ipsum")


@pytest.mark.parametrize("text", PLACEHOLDER_SECTION_GOOD)
def test_placeholder_section_passes(text):
    assert rule_spans(text) == []


def test_placeholder_section_plain_text_file():
    text = "Data Analyst\n\nRequirements:\nTBD\n\nWhat you will do:\n- Build dashboards\n"
    assert rule_spans(text, path="posting.txt") == ["TBD"]


# -- seeds, through the CLI ---------------------------------------------------


def test_seed_004_staff_requirements_is_a_placeholder(seeds_dir):
    _, report = run_json(str(next(seeds_dir.glob("004_*"))), "--select", RULE, "--fail-on", "never")
    found = [(f["rule"], f["line"], f["match"]) for f in report["findings"]]
    assert (RULE, 65, "TBD") in found
    assert "Staff Requirements" in next(f["message"] for f in report["findings"] if f["line"] == 65)


def test_seed_000_leftover_none_heading(seeds_dir):
    _, report = run_json(str(next(seeds_dir.glob("000_*"))), "--select", RULE, "--fail-on", "never")
    found = {(f["rule"], f["line"]) for f in report["findings"]}
    assert (RULE, 2) in found  # `### None`


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
