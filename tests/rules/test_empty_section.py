"""empty-section through the public API: a heading with no body before the next heading of its level or higher."""

from __future__ import annotations

import pytest
from conftest import assert_explained_examples, lint, run_json

RULE = "empty-section"


def rule_spans(text: str, path: str = "posting.md") -> list[str]:
    return [f.match for f in lint(text, path=path, select=[RULE])]


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
    # scraped and plain-text layouts
    ("=== JOB DETAILS ===\n\nSALARY: $5\n\n=== JOB DESCRIPTION ===\n", "JOB DESCRIPTION"),
    ("=== JOB DESCRIPTION ===\n\n=== QUALIFICATIONS ===\n\n- Two years of experience\n", "JOB DESCRIPTION"),
    ("=== BENEFITS ===\n=== HOW TO APPLY ===\nApply online.\n", "BENEFITS"),
    ("Selection is by rating.\nBENEFITS\nFURTHER INSTRUCTIONS\nApply online at our site.\n", "BENEFITS"),
    ("We rank candidates.\n\nBENEFITS\n\nSUPPLEMENTAL INFORMATION\n\nCall HR with questions.\n", "BENEFITS"),
    ("Intro text here.\n\nRESPONSIBILITIES\nHOW TO APPLY\nSend a resume.\n", "RESPONSIBILITIES"),
    ("Intro text here.\n\nREQUIREMENTS:\nADDITIONAL INFORMATION:\nCall us.\n", "REQUIREMENTS"),
    ("Intro text here.\n\nDUTIES\n\nCONTACT INFORMATION\n\nhr@example.gov\n", "DUTIES"),
    ("=== JOB DETAILS ===\nSALARY: $5\n=== JOB DESCRIPTION ===\n=== HOW TO APPLY ===\nOnline.\n", "JOB DESCRIPTION"),
    ("Pay is set by the state.\n\nBENEFITS\nHOW TO APPLY\nUse the state portal.\n", "BENEFITS"),
    ("Ranked by score.\n\nQUALIFICATIONS\nSUPPLEMENTAL QUESTIONS\nAnswer all questions.\n", "QUALIFICATIONS"),
    ("Overview text.\n\nRESPONSIBILITIES:\nSPECIAL NOTES:\nThis is a temporary role.\n", "RESPONSIBILITIES"),
    ("=== REQUIREMENTS ===\n\n=== BENEFITS ===\n\nPension.\n", "REQUIREMENTS"),
    ("Summary.\n\nPREFERRED QUALIFICATIONS\nAGENCY CONTACT\nCall HR.\n", "PREFERRED QUALIFICATIONS"),
    ("=== BENEFITS ===\n\n", "BENEFITS"),
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
    "=== JOB DESCRIPTION ===\n\nGENERAL STATEMENT OF DUTIES\nPerforms elections work.\n",
    "=== JOB DESCRIPTION ===\n\nManage the county's elections.\n\n=== BENEFITS ===\n\nHealth plan.\n",
    "YOUR VOTER INFORMATION\nABSENTEE BALLOT STATUS\nLOOK UP POLLING LOCATION\nSAMPLE BALLOTS\n\nText.\n",
    "TYPES OF RCV\nHISTORY OF RCV\nWHERE IS RCV USED?\nFAQ\nABOUT\nORGANIZATION\n",
    "BENEFITS\nHealth, dental and vision coverage.\nFURTHER INSTRUCTIONS\nApply online.\n",
    "Intro.\n\nBENEFITS\nWe offer a pension.\n\nSUPPLEMENTAL INFORMATION\nCall HR.\n",
    "Intro.\n\nMINIMUM QUALIFICATIONS\nEDUCATION:\n- A bachelor's degree\n",
    "Intro.\n\nMINIMUM QUALIFICATIONS\nEXPERIENCE\nTwo years in elections.\n",
    "=== JOB DESCRIPTION ===\n\nJOB SUMMARY\nRuns the county's elections.\n",
    "=== JOB DESCRIPTION ===\nELECTIONS MANAGER\nManages staff.\n",
    "HOME\nABOUT\nCAREERS\nCONTACT US\n\nWe are hiring.\n",
    "BENEFITS\n\nSee the state's benefits page for details.\n\nFURTHER INSTRUCTIONS\nApply online.\n",
    "Intro.\n\nREQUIREMENTS\nPREFERRED QUALIFICATIONS\n- Five years in elections\n",
    "=== JOB DETAILS ===\n\nSALARY: $42,780 Annually\n\n=== JOB DESCRIPTION ===\n\nWe run elections.\n",
]


@pytest.mark.parametrize(("text", "span"), EMPTY_SECTION_BAD)
def test_empty_section_flags(text, span):
    hits = rule_spans(text)
    assert span in hits, hits


@pytest.mark.parametrize("text", EMPTY_SECTION_GOOD)
def test_empty_section_passes(text):
    assert rule_spans(text) == []


def test_empty_section_reports_only_empty_headings():
    text = "## Requirements\n### Technical\n### Soft skills\n## Apply\nText.\n"
    assert rule_spans(text) == ["Requirements", "Technical", "Soft skills"]


def test_subtitle_under_the_title_is_not_an_empty_section():
    text = "## Backend Software Engineer\n#### San Francisco, CA\n\n### Quick Summary\nWe build tools.\n"
    assert rule_spans(text) == []


def test_seed_000_bare_heading(seeds_dir):
    _, report = run_json(str(next(seeds_dir.glob("000_*"))), "--select", RULE, "--fail-on", "never")
    found = {(f["rule"], f["line"]) for f in report["findings"]}
    assert (RULE, 3) in found  # the bare `####`


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
