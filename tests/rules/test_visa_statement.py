"""visa-statement through the public API: a posting with no word on visas or work authorization is flagged."""

from __future__ import annotations

import pytest
from conftest import assert_explained_examples, lint, seed_rules

RULE = "visa-statement"
BASE = (
    "# Data Engineer\n\n## Requirements\n\n- 3+ years of SQL\n- dbt\n\n## Benefits\n\n- Health insurance\n\n{extra}\n"
)


def rule_hits(extra: str) -> list:
    return lint(BASE.format(extra=extra), select=[RULE])


# ✓ a posting with any of these sentences has a statement
VISA = [
    "We sponsor visas for this role.",
    "Visa sponsorship is available.",
    "Visa sponsorship is not available for this position.",
    "Docker considers visa sponsorship on a case-by-case basis based on business needs.",
    "You must be authorized to work in the US.",
    "Applicants must be legally authorised to work in Canada.",
    "Candidates must have the right to work in the UK.",
    "We are unable to sponsor at this time.",
    "We are unable to sponsor visas for this role.",
    "We cannot sponsor work permits.",
    "H-1B transfers are welcome.",
    "A valid work permit for Germany is required.",
    "Due to the remote nature of this role, we are unable to provide visa sponsorship.",
    "This employer participates in E-Verify.",
    "Skilled Worker sponsorship is available.",
    "We offer relocation and visa support.",
    "You must be eligible to work in the European Union.",
    "No sponsorship is offered for this role.",
    "U.S. citizenship is required for this position (ITAR).",
    "Thai nationality only.",
    "If hired, are you able to furnish proof you are currently eligible to work in the U.S. without sponsorship?",
]
# ✗ a posting whose only extra sentence is one of these has none
NO_VISA = [
    "",
    "We work from anywhere in Europe.",
    "Relocation budget available.",
    "You will sponsor internal initiatives and events.",
    "We support our community through sponsorships of meetups.",
]


@pytest.mark.parametrize("sentence", VISA)
def test_visa_or_work_authorization_statement_is_recognised(sentence):
    assert rule_hits(sentence) == []


@pytest.mark.parametrize("sentence", NO_VISA)
def test_missing_visa_statement_is_flagged_at_the_title(sentence):
    (hit,) = rule_hits(sentence)
    assert hit.severity.name == "WARNING" and hit.line == 1 and hit.match == BASE.splitlines()[0].lstrip("# ")


def test_indented_plain_text_is_read_too():
    text = "Supplemental questions\n\n        Are you legally authorized to work in the United States?\n"
    assert lint(text, select=[RULE]) == []


def test_empty_posting_gets_no_statement_finding():
    assert lint("", select=[RULE]) == []


def test_seeds(seeds_dir):
    by_seed = seed_rules(seeds_dir, RULE)
    assert RULE in by_seed["001"]
    assert RULE not in by_seed.get("002", set())
    assert RULE not in by_seed.get("003", set())


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
