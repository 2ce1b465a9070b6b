"""canadian-experience through the public API and CLI: a requirement of Canadian experience, by place and date."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import assert_explained_examples, lint, run_json

from jdlint.config import from_mapping

RULE = "canadian-experience"
TODAY = dt.date(2026, 12, 7)
TORONTO = "Location: Toronto, ON"


def posting(requirement: str, location: str = TORONTO, date: str = "") -> str:
    front = f"---\ndate: {date}\n---\n" if date else ""
    return (
        f"{front}# Staff Accountant\n\n{location}\n\nSalary: CA$65,000 – CA$78,000 per year.\n\n"
        "## What you'll do\n\n- Prepare month-end journal entries\n- Reconcile bank accounts\n\n"
        f"## Requirements\n\n- CPA designation or progress towards it\n- {requirement}\n"
    )


def hits(text: str, **kw) -> list:
    kw.setdefault("as_of", TODAY)
    return lint(text, select=[RULE], **kw)


# ✗ each requires experience gained in Canada
REQUIRES = [
    "Canadian experience is required.",
    "2+ years of Canadian work experience",
    "Minimum 3 years of Canadian accounting firm experience; Canadian experience is a must.",
    "Must have Canadian experience.",
    "Canadian workplace experience required",
    "At least one year of work experience in Canada",
    "3+ years of experience in Canada",
    "Experience working in Canada is mandatory.",
    "Previous Canadian employment experience is an asset.",
    "Canadian professional experience in a similar role",
    "Recent Canadian experience (within the last 2 years)",
    "1 year of Canadian job experience",
    "Experience in the Canadian workplace is required.",
    "Prior experience in a Canadian work environment",
    "Minimum two years' Canadian industry experience",
    "Relevant experience in Canada of at least 2 years",
    "Some Canadian experience preferred",
    "Expérience de travail canadienne requise",
    "Au moins deux ans d'expérience au Canada",
    "Canadian work experience of 5+ years in bookkeeping",
    "Professional experience within Canada is required.",
    "Must have at least 2 years of Canadian experience in payroll.",
]

# ✓ none of these requires experience in Canada
FINE = [
    "Experience with Canadian tax law",
    "Knowledge of Canadian GAAP and ASPE",
    "Familiarity with Canadian payroll regulations",
    "Canadian citizens and permanent residents are encouraged to apply.",
    "Must be legally entitled to work in Canada.",
    "Canadian experience is not required; we welcome newcomers.",
    "No Canadian experience necessary.",
    "We welcome applicants without Canadian work experience.",
    "This paid internship helps newcomers gain Canadian work experience.",
    "Newcomers who lack Canadian experience are encouraged to apply.",
    "With over 40 years of experience in Canada, Acme is a trusted name in logistics.",
    "Experience with Canadian sales tax (GST/HST) filings",
    "Understanding of Canadian employment standards legislation",
    "Experience in Canada's banking sector regulations is an asset.",
    "Knowledge of the Canadian healthcare system",
    "3+ years of accounts-payable experience",
    "Experience with IFRS and US GAAP",
    "Bilingual (English and French) is an asset.",
    "Experience preparing T4 and T5 slips",
    "Experience with CRA audits and Canadian tax filings",
    "Pas besoin d'expérience canadienne.",
    "Familiarity with Canadian securities regulation (NI 31-103)",
]


@pytest.mark.parametrize("requirement", REQUIRES)
def test_canadian_experience_requirements_are_errors_in_ontario(requirement):
    found = hits(posting(requirement))
    assert [f.severity.name for f in found] == ["ERROR"], requirement
    assert "O. Reg. 476/24" in found[0].message


@pytest.mark.parametrize("requirement", FINE)
def test_other_requirements_are_not_flagged(requirement):
    assert hits(posting(requirement)) == [], requirement


REQ = "2+ years of Canadian work experience"


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("Location: Toronto, ON", "ERROR"),
        ("Location: Ottawa, Ontario", "ERROR"),
        ("Location: Mississauga, ON (hybrid)", "ERROR"),
        ("Location: Vancouver, BC", "WARNING"),
        ("Location: Calgary, AB", "WARNING"),
        ("Location: Montréal, QC", "WARNING"),
        ("Remote (Canada)", "WARNING"),  # open to Ontario among others, but the law binds an Ontario job
        ("", "WARNING"),  # place unknown
        ("Location: Austin, TX", None),  # a US job: no Canadian law or practice to judge it by
        ("Location: London, UK", None),
    ],
)
def test_severity_follows_the_job_place(location, expected):
    found = hits(posting(REQ, location))
    assert [f.severity.name for f in found] == ([expected] if expected else [])
    if expected == "WARNING":  # outside Ontario: no law, no Ontario policy named
        assert "O. Reg." not in found[0].message and "Ontario" not in found[0].message


def test_the_day_before_the_law_an_ontario_posting_gets_a_warning():
    (early,) = hits(posting(REQ, date="2025-12-31"))
    (late,) = hits(posting(REQ, date="2026-01-01"))
    assert early.severity.name == "WARNING" and "O. Reg." not in early.message
    assert "Human Rights Commission" in early.message  # Ontario: the 2013 policy, not the Act
    assert late.severity.name == "ERROR" and "since 2026-01-01" in late.message


def test_employer_below_the_threshold_gets_a_warning():
    small = from_mapping({"employer": {"size": 12}}, "test")
    (hit,) = hits(posting(REQ), config=small)
    assert hit.severity.name == "WARNING"
    big = from_mapping({"employer": {"size": 25}}, "test")
    (hit,) = hits(posting(REQ), config=big)
    assert hit.severity.name == "ERROR"


def test_an_application_form_question_counts_too():
    text = posting("Bookkeeping") + "\n## Application questions\n\n1. Do you have Canadian work experience?\n"
    (hit,) = hits(text)
    assert hit.severity.name == "ERROR" and hit.match == "Canadian work experience"


def test_json_output_carries_the_finding(tmp_path):
    path = tmp_path / "posting.md"
    path.write_text(posting(REQ), encoding="utf-8")
    _, report = run_json("--select", RULE, "--as-of", "2026-12-07", str(path))
    (finding,) = report["findings"]
    assert finding["rule"] == RULE and finding["severity"] == "error" and finding["line"] == 15


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE, as_of=TODAY)
