"""eeo-statement through the public API: a posting with no equal-opportunity statement gets an info finding."""

from __future__ import annotations

import pytest
from conftest import assert_explained_examples, lint, seed_rules

RULE = "eeo-statement"
BASE = (
    "# Data Engineer\n\n## Requirements\n\n- 3+ years of SQL\n- dbt\n\n## Benefits\n\n- Health insurance\n\n{extra}\n"
)


def rule_hits(extra: str) -> list:
    return lint(BASE.format(extra=extra), select=[RULE])


# ✓ a posting with any of these sentences has a statement
EEO = [
    "We are an equal opportunity employer.",
    "Acme is an Equal Employment Opportunity employer.",
    "Docker embraces diversity and equal opportunity.",
    "EOE, including disability/veterans.",
    "All qualified applicants will receive consideration for employment without regard to race, color or sex.",
    "All qualified applicants will receive consideration without regard to race, color, religion or sex.",
    "We do not discriminate on the basis of age, disability or national origin.",
    "We welcome applicants regardless of gender, age, ethnicity or background.",
    "Our hiring is based on merit, irrespective of religion or belief.",
    "Acme is an affirmative action employer.",
    "Read our non-discrimination policy.",
    "We encourage applications from people of all backgrounds, whatever their race, gender or disability.",
    "Men and women, and members of all racial and ethnic groups, are encouraged to apply.",
    "Wir fördern Chancengleichheit.",
    "We believe in inclusion. We stand against discrimination in all forms.",
    "California law prohibits workplace discrimination and harassment.",
    "We welcome candidates from all walks of life.",
]
# ✗ a posting whose only extra sentence is one of these has none
NO_EEO = [
    "",
    "We value diversity of thought.",
    "We believe in and are committed to equality.",
    "Reasonable accommodations are available on request.",
]


@pytest.mark.parametrize("sentence", EEO)
def test_eeo_statement_is_recognised(sentence):
    assert rule_hits(sentence) == []


@pytest.mark.parametrize("sentence", NO_EEO)
def test_missing_eeo_statement_is_flagged(sentence):
    (hit,) = rule_hits(sentence)
    assert hit.severity.name == "INFO" and "equal-opportunity" in hit.message


def test_eeo_finding_points_at_the_first_line_without_a_closing_section():
    (hit,) = lint("Backend engineer wanted.\n\nWe ship Go services.\n", select=[RULE])
    assert hit.line == 1 and hit.match == "Backend engineer wanted."


def test_empty_posting_gets_no_statement_finding():
    assert lint("", select=[RULE]) == []


def test_seeds(seeds_dir):
    # seed 000 "embraces diversity and equal opportunity"
    assert RULE not in seed_rules(seeds_dir, RULE).get("000", set())


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
