"""visa-statement and eeo-statement through the public API: phrasing families, anchors, seeds."""

from __future__ import annotations

import pytest
from conftest import lint, run_json

BASE = (
    "# Data Engineer\n\n## Requirements\n\n- 3+ years of SQL\n- dbt\n\n## Benefits\n\n- Health insurance\n\n{extra}\n"
)


def rule_hits(extra: str, rule: str) -> list:
    return lint(BASE.format(extra=extra), select=[rule])


VISA = [
    "We sponsor visas for this role.",
    "Visa sponsorship is available.",
    "Visa sponsorship is not available for this position.",
    "Docker considers visa sponsorship on a case-by-case basis based on business needs.",
    "You must be authorized to work in the US.",
    "Applicants must be legally authorised to work in Canada.",
    "Candidates must have the right to work in the UK.",
    "We are unable to sponsor at this time.",
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
NO_VISA = [
    "",
    "We work from anywhere in Europe.",
    "Relocation budget available.",
    "You will sponsor internal initiatives and events.",
    "We support our community through sponsorships of meetups.",
]


@pytest.mark.parametrize("sentence", VISA)
def test_visa_or_work_authorization_statement_is_recognised(sentence):
    assert rule_hits(sentence, "visa-statement") == []


@pytest.mark.parametrize("sentence", NO_VISA)
def test_missing_visa_statement_is_flagged_at_the_requirements_heading(sentence):
    (hit,) = rule_hits(sentence, "visa-statement")
    assert hit.severity.name == "WARNING" and hit.line == 3 and hit.match == "Requirements"


EEO = [
    "We are an equal opportunity employer.",
    "Acme is an Equal Employment Opportunity employer.",
    "Docker embraces diversity and equal opportunity.",
    "EOE, including disability/veterans.",
    "All qualified applicants will receive consideration for employment without regard to race, color or sex.",
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
NO_EEO = [
    "",
    "We value diversity of thought.",
    "We believe in and are committed to equality.",
    "Reasonable accommodations are available on request.",
]


@pytest.mark.parametrize("sentence", EEO)
def test_eeo_statement_is_recognised(sentence):
    assert rule_hits(sentence, "eeo-statement") == []


@pytest.mark.parametrize("sentence", NO_EEO)
def test_missing_eeo_statement_is_flagged(sentence):
    (hit,) = rule_hits(sentence, "eeo-statement")
    assert hit.severity.name == "INFO" and "equal-opportunity" in hit.message


def test_eeo_finding_points_at_the_first_line_without_a_closing_section():
    (hit,) = lint("Backend engineer wanted.\n\nWe ship Go services.\n", select=["eeo-statement"])
    assert hit.line == 1 and hit.match == "Backend engineer wanted."


def test_indented_plain_text_is_read_too():
    text = "Supplemental questions\n\n        Are you legally authorized to work in the United States?\n"
    assert lint(text, select=["visa-statement"]) == []


def test_empty_posting_gets_no_statement_findings():
    assert lint("", select=["visa-statement", "eeo-statement"]) == []


def test_seeds(seeds_dir):
    _, data = run_json("--select", "compliance", str(seeds_dir))
    by_file: dict[str, set[str]] = {}
    for f in data["findings"]:
        by_file.setdefault(f["path"].rsplit("/", 1)[-1][:3], set()).add(f["rule"])
    assert "aedt-notice" in by_file["000"]
    assert "visa-statement" in by_file["001"]
    assert "visa-statement" not in by_file.get("002", set())
    assert "visa-statement" not in by_file.get("003", set())
    assert "pay-transparency" in by_file["003"]
    assert "eeo-statement" not in by_file.get("000", set())  # "embraces diversity and equal opportunity"


@pytest.mark.parametrize("rule_id", ["pay-transparency", "aedt-notice", "visa-statement", "eeo-statement"])
def test_explain_examples_behave_as_documented(rule_id):
    import datetime as dt

    from jdlint.run.engines import get_engine

    rule = get_engine().rules[rule_id]
    for text in rule.bad_examples:
        assert lint(text, select=[rule_id], as_of=dt.date(2026, 3, 1)), text
    for text in rule.good_examples:
        assert not lint(text, select=[rule_id], as_of=dt.date(2026, 3, 1)), text
