"""Structure rules through the public API: placeholder-section, empty-section,
placeholder-text and invalid-front-matter. Each rule has a table of postings
that must be flagged (with the exact span) and postings that must not be."""

from __future__ import annotations

import pytest
from conftest import SEEDS, lint, run_json


def _hits(text: str, rule: str, path: str = "posting.md") -> list[str]:
    return [f.match for f in lint(text, path=path, select=[rule])]


# -- placeholder-section -----------------------------------------------------

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
    hits = _hits(text, "placeholder-section")
    assert len(hits) == 1, hits
    if span is not None:
        assert hits[0] == span
    else:
        assert hits[0].startswith("Lorem ipsum")


@pytest.mark.parametrize("text", PLACEHOLDER_SECTION_GOOD)
def test_placeholder_section_passes(text):
    assert _hits(text, "placeholder-section") == []


def test_placeholder_section_plain_text_file():
    text = "Data Analyst\n\nRequirements:\nTBD\n\nWhat you will do:\n- Build dashboards\n"
    assert _hits(text, "placeholder-section", path="posting.txt") == ["TBD"]


# -- empty-section -----------------------------------------------------------

EMPTY_SECTION_BAD = [
    ("## Benefits\n## How to apply\nEmail us.\n", "Benefits"),
    ("# Job\n####\n\nWe build tools.\n", "####"),
    ("**Perks**\n\n## Apply\n\nSend a CV.\n", "Perks"),
    ("## Requirements\n\n### Must have\n\n### Nice to have\n\n- Go\n", "Must have"),
    ("## About us\n\nWe build tools.\n\n## Benefits\n", "Benefits"),
    ("## Levels\n\n## Junior Engineer\n\nText.\n", "Levels"),
    ("### You should apply if\n\n### You've got the personality\n\nYou like puzzles.\n", "You should apply if"),
    ("## Team\n\n<!-- write this -->\n\n## Role\n\nText.\n", "Team"),
    ("## Location\n\n---\n\n## Pay\n\n$100k\n", "Location"),
    ("Role\n====\n\nAbout\n=====\n\nText.\n", "Role"),
    ("# Engineer\n\n## Benefits\n\n## Apply\n\nWrite to us.\n", "Benefits"),
    ("## Responsibilities\n\n##\n\nText.\n", "##"),
    ("BENEFITS\n\n## Apply\n\nWrite to us.\n", "BENEFITS"),
    ("## Requirements\n### Technical\n### Soft skills\n## Apply\nText.\n", "Requirements"),
    ("## Perks\n\n\n", "Perks"),
]

EMPTY_SECTION_GOOD = [
    "## Requirements\n### Must have\n- Go\n",
    "## Benefits\n- 30 days of leave\n",
    "**URL:** https://example.com/job/1\n\n# Engineer\n\nText.\n",
    "Source URL: https://example.com/job/1\n",
    "#LI-REMOTE\n\n## Apply\n\nText.\n",
    "## CLICK TO [APPLY](https://example.com/apply)\n",
    "APPLY NOW\n",
    "Required*\n",
    "Tes missions :\n\nModélisation de données :\n- Construire des modèles\n",
    "DONATE\n\n## About\n\nText.\n",
    "SALARY RANGE: $85,000.00-$100,000.00\n\n## Duties\n\nText.\n",
    "Sheriff\n-\nPublic Works\n-\n",
    "Qualifications:\n\nRequired\n- SQL\n",
    "## Benefits\n\n| Perk | Detail |\n| --- | --- |\n| Leave | 30 days |\n",
    "# Job\n### None\n\nText.\n",
]


@pytest.mark.parametrize(("text", "span"), EMPTY_SECTION_BAD)
def test_empty_section_flags(text, span):
    hits = _hits(text, "empty-section")
    assert span in hits, hits


@pytest.mark.parametrize("text", EMPTY_SECTION_GOOD)
def test_empty_section_passes(text):
    assert _hits(text, "empty-section") == []


def test_empty_section_reports_only_empty_headings():
    text = "## Requirements\n### Technical\n### Soft skills\n## Apply\nText.\n"
    assert _hits(text, "empty-section") == ["Requirements", "Technical", "Soft skills"]


# -- placeholder-text --------------------------------------------------------

PLACEHOLDER_TEXT_BAD = [
    ("Join [COMPANY NAME] as a data engineer.\n", "[COMPANY NAME]"),
    ("Join [Company Name] as a data engineer.\n", "[Company Name]"),
    ("The salary is {{ salary }} per year.\n", "{{ salary }}"),
    ("The salary is {{salary_range}} per year.\n", "{{salary_range}}"),
    ("You will report to {hiring_manager}.\n", "{hiring_manager}"),
    ("You will report to {manager}.\n", "{manager}"),
    ("This role is based in <insert location>.\n", "<insert location>"),
    ("This role is based in <CITY NAME>.\n", "<CITY NAME>"),
    ("Pay: $XXX,XXX per year\n", "$XXX,XXX"),
    ("Pay: $XXk plus equity\n", "$XXk"),
    ("- XX years of experience with Go\n", "XX years"),
    ("- X+ years of experience with Go\n", "X+ years"),
    ("We are lorem ipsum a fast-growing team.\n", "lorem ipsum"),
    ("Start date: TK\n", "TK"),
    ("Our office is in [insert city].\n", "[insert city]"),
    ("Benefits: [TBD]\n", "[TBD]"),
    ("Contact [RECRUITER_NAME] with questions.\n", "[RECRUITER_NAME]"),
]

PLACEHOLDER_TEXT_GOOD = [
    "See [our handbook](https://example.com) for details.\n",
    "- [ ] Submit your CV\n- [x] Book a call\n",
    "This role is [remote] friendly.\n",
    "Benefits include 401(k) matching.[^1]\n\n[^1]: Subject to plan rules.\n",
    "Configure it with `{{ config.value }}` in code.\n",
    "```\nsalary: {{ salary }}\n```\n",
    "Read [the guide][guide].\n\n[guide]: https://example.com\n",
    "The compensation ranges from $25.37 [Starting Wage] to $30.91 [Top Wage] per hour.\n",
    "[OKALI] Data Engineer\n",
    "We shop at TK Maxx on Fridays.\n",
    "---\ntitle: '{{ page.title }}'\n---\nText.\n",
    "The {{ page.title }} role is listed on our site.\n",
    "{{% job-families/sales/performance %}}\n",
    "Experience with C++ templates like std::vector<T> is a plus.\n",
    "<!-- [COMPANY NAME] fill in later -->\nWe build tools.\n",
    "We use [NYC] and [SF] office codes.\n",
]


@pytest.mark.parametrize(("text", "span"), PLACEHOLDER_TEXT_BAD)
def test_placeholder_text_flags(text, span):
    assert _hits(text, "placeholder-text") == [span]


@pytest.mark.parametrize("text", PLACEHOLDER_TEXT_GOOD)
def test_placeholder_text_passes(text):
    assert _hits(text, "placeholder-text") == []


def test_placeholder_text_in_plain_text_posting():
    text = "Data Analyst\nJoin [COMPANY NAME] in <insert location>.\nSalary: $XX,XXX\n"
    assert _hits(text, "placeholder-text", path="posting.txt") == ["[COMPANY NAME]", "<insert location>", "$XX,XXX"]


# -- invalid-front-matter ----------------------------------------------------

FRONT_MATTER_BAD = [
    ("---\ntitle: Engineer: Backend\n---\nText.\n", 2),
    ("---\n- just\n- a list\n---\nText.\n", 2),
    ("---\ntitle: ok\nlocation: [Remote\n---\nText.\n", 4),
    ("---\ntitle: 'unclosed\n---\nText.\n", 3),
    ("---\n\ttitle: tab indented\n---\nText.\n", 2),
    ("---\nJust a sentence\n---\nText.\n", 2),
    ("---\ntitle: a\n  b: c\n---\nText.\n", 3),
    ("---\n42\n---\nText.\n", 2),
    ("---\ntitle: x\ntitle: [\n---\nText.\n", 4),
    ("---\n@handle: x\n---\nText.\n", 2),
    ("---\nkey: value\n- item\n---\nText.\n", 3),
    ('---\ntitle: "a" b\n---\nText.\n', 2),
    ("---\n? [a\n---\nText.\n", 3),
    ("---\na: *missing\n---\nText.\n", 2),
    ("---\r\ntitle: Engineer: Backend\r\n---\r\nText.\r\n", 2),
]

FRONT_MATTER_GOOD = [
    "---\ntitle: 'Engineer: Backend'\n---\nText.\n",
    "---\ntitle: Engineer\nlocation: Remote\n---\nText.\n",
    "---\n---\nText.\n",
    "Text first.\n\n---\n\nA rule, not front matter.\n",
    "---\nA horizontal rule alone.\n",
    "---\ntitle: Engineer\ndate: 2024-05-01\ntags: [go, remote]\n---\nText.\n",
    "---\ntitle: >\n  Folded title\n---\nText.\n",
    "---\ntitle: Engineer\n...\nText.\n",
    "No front matter at all.\n",
    "---\n# only a comment\n---\nText.\n",
    "---\nsalary: {min: 100000, max: 150000}\n---\nText.\n",
    '---\ntitle: "Senior: Data"\n---\nText.\n',
    "---\nlist:\n  - a\n  - b\n---\nText.\n",
    "---\nurl: https://example.com/a:b\n---\nText.\n",
    "---\ntitle: café\n---\nText.\n",
]


@pytest.mark.parametrize(("text", "line"), FRONT_MATTER_BAD)
def test_invalid_front_matter_flags(text, line):
    found = lint(text, select=["invalid-front-matter"])
    assert [f.line for f in found] == [line], [f.message for f in found]


@pytest.mark.parametrize("text", FRONT_MATTER_GOOD)
def test_invalid_front_matter_passes(text):
    assert lint(text, select=["invalid-front-matter"]) == []


def test_body_still_linted_after_bad_front_matter():
    text = "---\ntitle: Engineer: Backend\n---\n## Requirements\n\n- TBD\n"
    rules = {f.rule for f in lint(text)}
    assert {"invalid-front-matter", "placeholder-section"} <= rules


# -- seeds, through the CLI ---------------------------------------------------


def test_seed_004_staff_requirements_is_a_placeholder(seeds_dir):
    _, report = run_json(str(next(seeds_dir.glob("004_*"))), "--select", "structure", "--fail-on", "never")
    found = [(f["rule"], f["line"], f["match"]) for f in report["findings"]]
    assert ("placeholder-section", 65, "TBD") in found
    assert "Staff Requirements" in next(f["message"] for f in report["findings"] if f["line"] == 65)


def test_seed_000_leftover_headings(seeds_dir):
    _, report = run_json(str(next(seeds_dir.glob("000_*"))), "--select", "structure", "--fail-on", "never")
    found = {(f["rule"], f["line"]) for f in report["findings"]}
    assert ("placeholder-section", 2) in found  # `### None`
    assert ("empty-section", 3) in found  # the bare `####`


def test_seeds_have_no_other_structure_noise():
    _, report = run_json(str(SEEDS), "--select", "placeholder-text,invalid-front-matter", "--fail-on", "never")
    assert report["findings"] == []


def test_subtitle_under_the_title_is_not_an_empty_section():
    text = "## Backend Software Engineer\n#### San Francisco, CA\n\n### Quick Summary\nWe build tools.\n"
    assert _hits(text, "empty-section") == []
