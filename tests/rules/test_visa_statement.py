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
    "You must be eligible to work in Sweden and the EU.",
    "Must be legally eligible to work full-time in Europe under an employment contract.",
    "The ideal candidate must be eligible to work full time in the country without sponsorship.",
    "Applicants must be eligible to work for any employer in Canada.",
    "Candidates must be permitted to work in Australia.",
    "You must be entitled to work in Ireland.",
    "Applicants must be eligible to work lawfully in the United States.",
    "Open to citizens of an EU member state only.",
    "Applicants must be citizens of the United States.",
    "Proof of employment eligibility is required at hire (Form I-9).",
    "Must be a registered voter in the State of Florida prior to appointment.",
    "Must be a registered voter of Yavapai County.",
    "All candidates must be registered voters in Virginia.",
    "Candidates must be registered to vote in Washoe County.",
    "Must become a registered voter in the county within 30 days of appointment.",
]
# ✗ a posting whose only extra sentence is one of these has none
NO_VISA = [
    "",
    "We work from anywhere in Europe.",
    "Relocation budget available.",
    "You will sponsor internal initiatives and events.",
    "We support our community through sponsorships of meetups.",
    "To serve the citizens of this progressive regional urban center, we value integrity.",
    "Our office ensures fair elections for the citizens of the Commonwealth.",
    "Work from anywhere within Germany, with up to 180 days annual remote work eligibility.",
    "Intermittent positions are allowed to work up to 988 hours per year.",
    "Employees are eligible to work remotely two days a week.",
    "Staff are permitted to work from home on Fridays.",
    "You'll be allowed to work flexible hours.",
    "Hybrid work eligibility depends on your team.",
    "Help registered voters cast their ballots.",
    "Maintain the list of registered voters for the county.",
    "Provide eligible citizens of San Diego County with ongoing opportunities to register.",
    "We serve the citizens of Pennsylvania with fair elections.",
    "Interns are eligible to work up to 20 hours a week.",
    "Flexible work eligibility begins after 90 days.",
    "Part-time staff are entitled to work a four-day week.",
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
