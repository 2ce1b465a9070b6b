"""aedt-notice through the public API: triggers, every LL 144 notice element, configuration, seed 000."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import assert_explained_examples, lint, seed_rules

from jdlint.config import from_mapping

RULE = "aedt-notice"
AS_OF = dt.date(2026, 3, 1)

# A notice that carries every element; each test below removes one.
ELEMENTS = {
    "notice": "We use an automated employment decision tool (AEDT) to screen applications for this role.",
    "qualifications": (
        "The tool assesses the job qualifications and characteristics listed above: SQL skills, data "
        "modelling experience and written communication."
    ),
    "audit-date": "Its most recent bias audit was conducted on March 3, 2026.",
    "audit-summary": "A summary of the bias audit results is published at https://example.com/aedt-audit.",
    "data": (
        "We collect your resume and answers from our careers site; our data retention policy keeps them for two years."
    ),
    "alternative": (
        "To request an alternative selection process or a reasonable accommodation, email accommodations@example.com."
    ),
}
NAMES = {
    "notice": "notice that an automated employment decision tool is used",
    "qualifications": "the job qualifications and characteristics the tool assesses",
    "audit-date": "the date of the latest bias audit",
    "audit-summary": "where the summary of the bias-audit results is published",
    "data": "the type and source of the data collected and the data retention policy",
    "alternative": "how to request an alternative selection process or a reasonable accommodation",
}
NYC_CONFIG = from_mapping({"employer": {"uses_aedt": True}}, "test")


def posting(paragraphs: list[str], location: str = "Location: New York, NY") -> str:
    body = "\n\n".join(paragraphs)
    return f"# Analytics Engineer\n\n{location}\n\n## How we hire\n\n{body}\n"


def hits(text: str, **kw) -> list:
    kw.setdefault("as_of", AS_OF)
    return lint(text, select=[RULE], **kw)


def test_a_complete_notice_passes():
    assert hits(posting(list(ELEMENTS.values()))) == []


@pytest.mark.parametrize("missing", [k for k in ELEMENTS if k != "notice"])
def test_each_missing_element_is_named(missing):
    text = posting([v for k, v in ELEMENTS.items() if k != missing])
    (hit,) = hits(text)
    assert NAMES[missing] in hit.message
    assert "missing 1 element:" in hit.message
    assert hit.match == "automated employment decision tool"


def test_missing_notice_of_use_is_named_when_config_says_the_employer_uses_an_aedt():
    text = posting([v for k, v in ELEMENTS.items() if k != "notice"])
    (hit,) = hits(text, config=NYC_CONFIG)
    assert NAMES["notice"] in hit.message and "missing 1 element:" in hit.message
    assert hit.match == "New York, NY"


def test_config_with_no_notice_names_all_six_elements():
    (hit,) = hits(posting(["We read every application with care."]), config=NYC_CONFIG)
    assert all(name in hit.message for name in NAMES.values())
    assert "missing 6 elements" in hit.message


def test_config_only_applies_to_postings_open_to_new_york_city():
    assert hits(posting(["We read every application."], location="Location: Denver, CO"), config=NYC_CONFIG) == []


def test_the_law_is_not_named_before_enforcement_began():
    text = posting(["Applications are screened using an AI tool."])
    (before,) = hits(text, as_of=dt.date(2023, 7, 4))
    assert before.severity.name == "INFO" and "Local Law 144" not in before.message
    (after,) = hits(text, as_of=dt.date(2023, 7, 5))
    assert after.severity.name == "ERROR" and "Local Law 144" in after.message


TRIGGERS = [
    ("Applications are screened using an AI tool.", "screened using an AI tool"),
    ("Candidates will be scored by a machine-learning model.", "scored by a machine-learning"),
    ("Your resume will be ranked by an algorithm.", "ranked by an algorithm"),
    ("Every application goes through AI-powered resume screening.", "AI-powered resume screening"),
    ("Resumes are screened by an ML model.", "screened by an ML"),
    ("We use HireVue to assess candidates' recorded interviews.", "HireVue"),
    ("We use Covey as part of our hiring process for jobs in NYC.", "Covey"),
    ("Certain features of our hiring software may qualify it as an AEDT.", "AEDT"),
    (
        "Applicants are assessed through an automated evaluation system.",
        "assessed through an automated evaluation system",
    ),
]


@pytest.mark.parametrize(("sentence", "match"), TRIGGERS)
def test_automated_screening_is_recognised(sentence, match):
    (hit,) = hits(posting([sentence]))
    assert hit.match == match


NOT_TRIGGERS = [
    "Our recruiters read every application; we do not use automated screening tools.",
    "You will build machine-learning models that rank search results.",
    "We build AI-powered screening tools for our customers' recruiting teams.",
    "Our culture draws on Stephen Covey's seven habits.",
    "Experience with HireVue integrations is a plus.",
    (
        "We may use AI tools to support parts of the hiring process, such as reviewing applications. "
        "These tools do not replace human judgment; final hiring decisions are made by people."
    ),
    "The team evaluates fraud signals using machine learning.",
    "Resumes are screened by email and rated in our HTML form.",  # "ai" and "ml" inside words
]


@pytest.mark.parametrize("sentence", NOT_TRIGGERS)
def test_not_a_notice_of_automated_screening(sentence):
    assert hits(posting([sentence])) == []


def test_seed_000_lists_what_its_covey_notice_lacks(seeds_dir):
    text = (seeds_dir / "000_59dcff1b0f3b7255.txt").read_text(encoding="utf-8")
    (hit,) = hits(text)
    assert hit.line == 83 and hit.severity.name == "ERROR"
    for key in ("qualifications", "audit-date", "data", "alternative"):
        assert NAMES[key] in hit.message
    for key in ("notice", "audit-summary"):  # it names Covey and links the audit report
        assert NAMES[key] not in hit.message


def test_seeds(seeds_dir):
    assert RULE in seed_rules(seeds_dir, RULE)["000"]


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)


# The duty depends on where the job is: NYC Local Law 144's notice only for New York City.
BY_PLACE = [
    ("Location: New York, NY", "ERROR", True),
    ("Location: Brooklyn, NY", "ERROR", True),
    ("Location: San Diego, CA", "INFO", False),  # a county posting that mentions automated evaluation
    ("Location: Seattle, WA", "INFO", False),
    ("Location: Toronto, ON", "INFO", False),
    ("", "INFO", False),  # where the job is cannot be told: advice, no law named
]


@pytest.mark.parametrize(("where", "severity", "names_law"), BY_PLACE)
def test_the_notice_asked_for_depends_on_the_jobs_place(where, severity, names_law):
    text = f"# Elections Technician\n\n{where}\n\nApplications are screened using an automated evaluation system.\n"
    (hit,) = lint(text, select=[RULE])
    assert hit.severity.name == severity
    assert ("Local Law 144" in hit.message) is names_law


def test_a_notice_that_says_it_is_for_nyc_jobs_is_held_to_nyc_law_wherever_the_posting_is():
    text = (
        "# Engineer\n\nRemote across Europe and the Americas.\n\n"
        "We use Covey as part of our hiring process for jobs in NYC; it may qualify as an AEDT.\n"
    )
    (hit,) = lint(text, select=[RULE])
    assert hit.severity.name == "ERROR" and "Local Law 144" in hit.message


# --- AI notices by place (rules/compliance/aedt-notice.yaml `laws`) ----------------------------

USES_AI = {"employer": {"uses_ai": True}}
NO_AI = {"employer": {"uses_ai": False}}
SILENT: dict = {}
TOOL = "Applications are screened using an AI tool."
PLAIN = "Our recruiters read every application."
ONTARIO = "Employment Standards Act"
ILLINOIS = "775 ILCS 5/2-102(L)"
COLORADO = "SB 26-189"
CALIFORNIA = "§ 7220"
CONNECTICUT = "Connecticut SB 5"
NYC_LAW = "Local Law 144"
ANY_LAW = (ONTARIO, ILLINOIS, COLORADO, CALIFORNIA, CONNECTICUT, NYC_LAW, "TRAIGA", "AI Act")
ILLINOIS_NOTICE = (
    "We use HireVue, an AI tool, to screen applications and to decide which candidates advance to interviews. "
    "Its purpose is to match the skills in your resume with the job's qualifications and characteristics, which "
    "it assesses. It analyses your resume and your recorded answers. To request an alternative selection "
    "process or an accommodation, or with questions, contact talent@example.com."
)


def ai_posting(location: str, body: str, date: str | None = None) -> str:
    front = f"---\ndate: {date}\n---\n" if date else ""
    return f"{front}# Data Analyst\n\nLocation: {location}\n\n## How we hire\n\n{body}\n\n## About you\n\nSQL.\n"


# (location, date, configuration, body, severity, words the message must hold)
FLAGGED_BY_PLACE = [
    ("Toronto, ON", "2026-03-01", USES_AI, PLAIN, "ERROR", ONTARIO),
    ("Toronto, ON", "2026-01-01", USES_AI, PLAIN, "ERROR", "O. Reg. 476/24"),
    ("Waterloo, ON", "2026-06-01", {"employer": {"uses_aedt": True}}, PLAIN, "ERROR", ONTARIO),
    ("Toronto, ON", "2026-03-01", SILENT, PLAIN, "INFO", "must state whether AI is used"),
    ("Ottawa, ON", "2026-11-30", SILENT, PLAIN, "INFO", "must state whether AI is used"),
    ("Toronto, ON", "2026-03-01", {"employer": {"uses_ai": True, "size": 25}}, PLAIN, "ERROR", ONTARIO),
    ("Chicago, IL", "2026-03-01", SILENT, TOOL, "INFO", ILLINOIS),
    ("Chicago, IL", "2026-01-01", USES_AI, PLAIN, "INFO", "rules still proposed"),
    ("Evanston, IL", "2026-09-01", SILENT, "Candidates will be scored by a machine-learning model.", "INFO", ILLINOIS),
    ("Denver, CO", "2027-01-01", USES_AI, PLAIN, "INFO", COLORADO),
    ("Boulder, CO", "2027-06-01", USES_AI, PLAIN, "INFO", COLORADO),
    ("San Francisco, CA", "2027-01-01", USES_AI, PLAIN, "INFO", CALIFORNIA),
    ("Los Angeles, CA", "2027-02-01", SILENT, TOOL, "INFO", "opt out"),
    ("Hartford, CT", "2027-10-01", USES_AI, PLAIN, "INFO", CONNECTICUT),
    ("Stamford, CT", "2027-11-15", SILENT, TOOL, "INFO", CONNECTICUT),
    ("New York, NY", "2026-03-01", SILENT, TOOL, "ERROR", NYC_LAW),
    ("Brooklyn, NY", "2026-03-01", {"employer": {"uses_aedt": True}}, PLAIN, "ERROR", NYC_LAW),
    ("Remote (US)", "2026-03-01", SILENT, TOOL, "ERROR", NYC_LAW),
    # a tool is used where no law asks for a notice, or before a law's date: advice that names no law
    ("Dallas, TX", "2026-03-01", SILENT, TOOL, "INFO", "some places, such as New York City"),
    ("Chicago, IL", "2025-12-31", SILENT, TOOL, "INFO", "some places, such as New York City"),
    ("Denver, CO", "2026-12-31", SILENT, TOOL, "INFO", "some places, such as New York City"),
    ("Berlin, Germany", "2026-03-01", SILENT, TOOL, "INFO", "some places, such as New York City"),
]


@pytest.mark.parametrize(("where", "date", "config", "body", "severity", "words"), FLAGGED_BY_PLACE)
def test_ai_notice_by_place_flagged(where, date, config, body, severity, words):
    found = lint(ai_posting(where, body, date), select=[RULE], config=from_mapping(config, "test"))
    assert [f.severity.name for f in found] == [severity], [f.message for f in found]
    assert words in found[0].message
    if "some places" in words:  # advice names no law
        assert not any(law in found[0].message for law in ANY_LAW)


# (location, date, configuration, body): nothing to report
NOT_FLAGGED_BY_PLACE = [
    ("Toronto, ON", "2025-12-31", SILENT, PLAIN),  # the day before Ontario's duty
    ("Toronto, ON", "2025-12-31", USES_AI, PLAIN),
    ("Toronto, ON", "2026-03-01", SILENT, "We do not use AI to screen, assess or select applicants."),
    ("Toronto, ON", "2026-03-01", USES_AI, "We do not use AI to screen applicants."),
    ("Ottawa, ON", "2026-03-01", SILENT, "Artificial intelligence is not used in our hiring process."),
    ("Toronto, ON", "2026-03-01", SILENT, "Use of AI in hiring: No"),
    ("Toronto, ON", "2026-03-01", SILENT, "Our hiring process is run without the use of AI."),
    ("Toronto, ON", "2026-03-01", NO_AI, PLAIN),
    ("Toronto, ON", "2026-03-01", {"employer": {"uses_ai": True, "size": 24}}, PLAIN),  # under 25 employees
    ("Chicago, IL", "2025-12-31", USES_AI, PLAIN),  # the day before HB 3773
    ("Chicago, IL", "2026-03-01", NO_AI, PLAIN),
    ("Chicago, IL", "2026-03-01", SILENT, ILLINOIS_NOTICE),
    ("Denver, CO", "2026-12-31", USES_AI, PLAIN),  # the day before SB 26-189
    ("Denver, CO", "2027-02-01", SILENT, TOOL),  # saying a tool is used is Colorado's notice before use
    ("San Francisco, CA", "2026-12-31", USES_AI, PLAIN),  # the day before the CPPA rules
    ("Hartford, CT", "2027-09-30", USES_AI, PLAIN),  # the day before SB 5
    ("Dallas, TX", "2026-03-01", USES_AI, PLAIN),  # Texas: no duty for private employers
    ("Berlin, Germany", "2028-01-10", USES_AI, PLAIN),  # the EU AI Act is not a posting duty
    ("Seattle, WA", "2027-11-01", USES_AI, PLAIN),  # no AI-notice law known
    ("Toronto, ON", "2026-03-01", SILENT, "Our AI tools do not screen, assess or select applicants; AI is not used."),
]


@pytest.mark.parametrize(("where", "date", "config", "body"), NOT_FLAGGED_BY_PLACE)
def test_ai_notice_by_place_not_flagged(where, date, config, body):
    found = lint(ai_posting(where, body, date), select=[RULE], config=from_mapping(config, "test"))
    assert found == [], [f.message for f in found]


@pytest.mark.parametrize(
    ("where", "before", "on", "law"),
    [
        ("Denver, CO", "2026-12-31", "2027-01-01", COLORADO),
        ("San Diego, CA", "2026-12-31", "2027-01-01", CALIFORNIA),
        ("New Haven, CT", "2027-09-30", "2027-10-01", CONNECTICUT),
        ("Toronto, ON", "2025-12-31", "2026-01-01", ONTARIO),
        ("Chicago, IL", "2025-12-31", "2026-01-01", ILLINOIS),
    ],
)
def test_dated_laws_switch_on_by_themselves_on_their_dates(where, before, on, law):
    """The same posting, judged by --as-of (no date of its own), then by its front-matter date."""
    config = from_mapping(USES_AI, "test")
    text = ai_posting(where, PLAIN)
    assert lint(text, select=[RULE], config=config, as_of=dt.date.fromisoformat(before)) == []
    (hit,) = lint(text, select=[RULE], config=config, as_of=dt.date.fromisoformat(on))
    assert law in hit.message
    assert lint(ai_posting(where, PLAIN, before), select=[RULE], config=config, as_of=dt.date(2030, 1, 1)) == []
    (dated,) = lint(ai_posting(where, PLAIN, on), select=[RULE], config=config, as_of=dt.date(2020, 1, 1))
    assert law in dated.message


def test_the_configuration_key_uses_ai_is_checked():
    from jdlint.config import ConfigError

    with pytest.raises(ConfigError, match=r"employer\.uses_ai: expected true or false"):
        from_mapping({"employer": {"uses_ai": "sometimes"}}, "test")
