"""pay-history-question through the public API and CLI: questions about current or past pay, by place and date."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import ROOT, assert_explained_examples, lint, run_json

from jdlint.config import from_mapping

RULE = "pay-history-question"
TODAY = dt.date(2026, 12, 7)


def posting(extra: str, location: str = "Location: Berlin, Germany", date: str = "") -> str:
    front = f"---\ndate: {date}\n---\n" if date else ""
    return (
        f"{front}# Senior Data Analyst\n\n{location}\n\n## What you'll do\n\n- Build dashboards for the sales team\n"
        "- Own the weekly revenue report\n\n## Requirements\n\n- 3+ years of SQL\n- Python\n\n"
        f"## How to apply\n\n{extra}\n"
    )


def hits(text: str, **kw) -> list:
    kw.setdefault("as_of", TODAY)
    return lint(text, select=[RULE], **kw)


# ✗ each of these asks for current or past pay
ASKS = [
    "Please state your current salary in your cover letter.",
    "Include your salary history with your application.",
    "Send your CV along with your current and expected CTC.",
    "Share your current CTC, expected CTC and notice period.",
    "Kindly mention your last drawn CTC and notice period in the email.",
    "Please attach recent pay stubs showing your salary.",
    "Applicants must submit their two most recent payslips.",
    "Current Salary:",
    "- Current CTC*",
    "What is your current base salary?",
    "Tell us your previous salary and the reason for leaving.",
    "Please provide details of your current compensation package.",
    "Candidates should indicate their present salary and availability.",
    "How much do you currently earn?",
    "Please include your current salary and salary expectations with your CV.",
    "Your application should include your compensation history for the last three years.",
    "Invia il tuo CV indicando la RAL attuale e il preavviso.",
    "Indica la tua retribuzione attuale nel modulo.",
    "Bitte nennen Sie Ihr aktuelles Gehalt und Ihren frühestmöglichen Eintrittstermin.",
    "Bitte senden Sie uns Ihre Unterlagen mit Angabe Ihres derzeitigen Gehalts.",
    "Merci d'indiquer votre salaire actuel dans votre candidature.",
    "Please disclose your prior pay and expected salary.",
    "Resume, cover letter and wage history are required.",
    "Current salary: ________",
]

# ✓ none of these asks for current or past pay
FINE = [
    "Please tell us your salary expectations.",
    "What is your desired salary?",
    "Include your expected compensation in your cover letter.",
    "Tell us your expected pay for this role.",
    "We do not ask about your salary history.",
    "You will not be asked for your current salary at any stage.",
    "We never ask candidates for their pay history.",
    "Our current salary bands are published on our careers page.",
    "You will redesign our existing compensation framework.",
    "You will present pay ranges to hiring managers.",
    "We review our current compensation structure every year.",
    "We will match or beat your current salary.",
    "You will process payroll and issue pay stubs for 300 employees.",
    "Prepare monthly payslips and reconcile payroll accounts.",
    "In line with salary history laws, we do not consider past pay.",
    "Salary: €60,000 – €75,000 per year, depending on experience.",
    "Pay is reviewed after the first pay period.",
    "Experience with compensation and benefits programs is a plus.",
    "Send us your CV and a short note on why this role interests you.",
    "Compensation: competitive base salary plus equity.",
    "You'll help design our pay transparency reporting.",
    "Please state your notice period and earliest start date.",
    "Bitte nennen Sie Ihre Gehaltsvorstellung.",
    "Indica la RAL desiderata.",
    "Please mention your expected CTC and notice period.",
    "Bitte nennen Sie uns Ihre aktuelle Gehaltsvorstellung.",
    "Tell us about your current role and why you want to move.",
    "You'll maintain employees' current salary records in Workday.",
    "Regardless of salary history, every offer is based on the role's range.",
    "W2 only; no C2C. Please send your resume.",
    # from the corpus (city postings): the job's own pay, not the applicant's
    "View the current salary schedules for pay for all classifications. Please visit our website for more.",
    "Current Salary\nThe current salary range is $74,375 – $95,390 annually; please apply online.",
    "The current salary for the City Clerk is $164,883; placement depends on qualifications. Apply online.",
]


@pytest.mark.parametrize("sentence", ASKS)
def test_pay_history_questions_are_flagged(sentence):
    found = hits(posting(sentence))
    assert len(found) == 1, sentence
    assert found[0].severity.name == "WARNING"  # Berlin: Germany has no ban in force (LAWS.md §7.3)


@pytest.mark.parametrize("sentence", FINE)
def test_other_sentences_are_not_flagged(sentence):
    assert hits(posting(sentence)) == [], sentence


ASK = "Please include your current salary with your application."

# place -> (severity, a word the message must hold)
PLACES = [
    ("Location: Denver, CO", "ERROR", "C.R.S. § 8-5-102"),
    ("Location: San Francisco, CA", "ERROR", "Lab. Code § 432.3"),
    ("Location: Brooklyn, NY", "ERROR", "8-107(25)"),
    ("Location: Albany, NY", "ERROR", "194-a"),
    ("Location: Philadelphia, PA", "ERROR", "9-1131"),
    ("Location: Toledo, OH", "ERROR", "ch. 768"),
    ("Location: Kansas City, MO", "ERROR", "38-102"),
    ("Location: Seattle, WA", "ERROR", "RCW 49.58.100"),
    ("Location: Charlottetown, PEI", "ERROR", "s. 5.8"),
    ("Location: Milano, Italia", "ERROR", "Italy"),
    ("Location: Vilnius, Lithuania", "ERROR", "Lithuania"),
    ("Location: Warsaw, Poland", "ERROR", "18³ca"),
    ("Location: Bratislava, Slovakia", "ERROR", "Slovakia"),
    ("Location: Pittsburgh, PA", "WARNING", "Many places"),  # Philadelphia's ordinance only
    ("Location: Austin, TX", "WARNING", "Many places"),
    ("Location: Toronto, ON", "WARNING", "Many places"),  # Ontario has no pay-history ban
    ("Location: Vancouver, BC", "WARNING", "Many places"),
    ("Location: London, UK", "WARNING", "Many places"),
    ("Remote (US)", "WARNING", "Many places"),  # which state the applicant is in is not known
    ("Location: Baltimore, MD", "WARNING", "Many places"),  # date unconfirmed in the data: not cited
    ("Location: St. John's, NL", "WARNING", "Many places"),  # enacted, not in force
]


@pytest.mark.parametrize(("location", "severity", "word"), PLACES)
def test_severity_and_law_follow_the_job_place(location, severity, word):
    (hit,) = hits(posting(ASK, location))
    assert hit.severity.name == severity
    assert word in hit.message


@pytest.mark.parametrize(
    ("location", "effective"),
    [
        ("Location: Richmond, VA", dt.date(2026, 7, 1)),
        ("Location: Milano, Italia", dt.date(2026, 6, 7)),
        ("Location: Minneapolis, MN", dt.date(2024, 1, 1)),
        ("Location: Charlottetown, PEI", dt.date(2022, 6, 1)),
    ],
)
def test_the_day_before_a_ban_it_is_a_warning(location, effective):
    before = effective - dt.timedelta(days=1)
    (early,) = hits(posting(ASK, location, date=before.isoformat()))
    (late,) = hits(posting(ASK, location, date=effective.isoformat()))
    assert early.severity.name == "WARNING" and "since" not in early.message
    assert late.severity.name == "ERROR" and f"since {effective}" in late.message


# One row per ban in the data: a location line that puts a posting under it. Adding a ban needs a row here.
BAN_PLACE = {
    "ca-pe": "Location: Charlottetown, PEI",
    "ca-nl": "Location: St. John's, NL",
    "it": "Location: Milano, Italia",
    "lt": "Location: Vilnius, Lithuania",
    "pl": "Location: Warsaw, Poland",
    "sk": "Location: Bratislava, Slovakia",
    "us-nyc": "Location: Brooklyn, NY",
    "us-pa-philadelphia": "Location: Philadelphia, PA",
    "us-oh-toledo": "Location: Toledo, OH",
    "us-oh-cincinnati": "Location: Cincinnati, OH",
    "us-oh-columbus": "Location: Columbus, OH",
    "us-mo-kansas-city": "Location: Kansas City, MO",
    "us-ca": "Location: Oakland, CA",
    "us-co": "Location: Boulder, CO",
    "us-ct": "Location: Hartford, CT",
    "us-de": "Location: Wilmington, DE",
    "us-hi": "Location: Honolulu, HI",
    "us-il": "Location: Chicago, IL",
    "us-me": "Location: Portland, ME",
    "us-md": "Location: Baltimore, MD",
    "us-ma": "Location: Boston, MA",
    "us-mn": "Location: Minneapolis, MN",
    "us-nv": "Location: Las Vegas, NV",
    "us-nj": "Location: Newark, NJ",
    "us-ny": "Location: Buffalo, NY",
    "us-or": "Location: Portland, OR",
    "us-ri": "Location: Providence, RI",
    "us-vt": "Location: Montpelier, VT",
    "us-va": "Location: Richmond, VA",
    "us-wa": "Location: Spokane, WA",
    "us-pr": "Location: San Juan, PR",
}
BANS = yaml.safe_load((ROOT / "rules" / "compliance" / "pay-history-question.yaml").read_text(encoding="utf-8"))["bans"]


def test_every_ban_has_a_test_row():
    assert set(BAN_PLACE) == {row["id"] for row in BANS}


@pytest.mark.parametrize("row", BANS, ids=lambda row: row["id"])
def test_each_ban_is_cited_from_its_date_and_an_unconfirmed_one_never(row):
    (hit,) = hits(posting(ASK, BAN_PLACE[row["id"]]))
    if row["effective"] is None:
        assert hit.severity.name == "WARNING" and row["law"] not in hit.message
    else:
        assert hit.severity.name == "ERROR" and row["law"] in hit.message and str(row["effective"]) in hit.message
        (before,) = hits(posting(ASK, BAN_PLACE[row["id"]], date=str(row["effective"] - dt.timedelta(days=1))))
        assert row["law"] not in before.message


def test_city_ban_below_its_employee_threshold_is_a_warning():
    small = from_mapping({"employer": {"size": 10}}, "test")
    (hit,) = hits(posting(ASK, "Location: Toledo, OH"), config=small)
    assert hit.severity.name == "WARNING"
    big = from_mapping({"employer": {"size": 200}}, "test")
    (hit,) = hits(posting(ASK, "Location: Toledo, OH"), config=big)
    assert hit.severity.name == "ERROR"


def test_a_page_that_is_not_a_posting_is_not_asked():
    text = "---\njdlint: {kind: not-a-posting}\n---\n" + posting(ASK, "Location: Denver, CO")
    assert hits(text) == []
    assert hits(posting(ASK, "Location: Denver, CO"))


def test_json_output_carries_the_finding(tmp_path):
    path = tmp_path / "posting.md"
    path.write_text(posting(ASK, "Location: Denver, CO"), encoding="utf-8")
    _, report = run_json("--select", RULE, "--as-of", "2026-12-07", str(path))
    (finding,) = report["findings"]
    assert finding["rule"] == RULE and finding["severity"] == "error"
    assert "current salary" in finding["match"]


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE, as_of=TODAY)
