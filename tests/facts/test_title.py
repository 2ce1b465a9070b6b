"""The job's title through the public API: the text's own, a `Job Title:` field, "<Title> at <Company>.",
else the file name — never a field such as "SALARY: …" or a sentence."""

from __future__ import annotations

import pytest

import jdlint

FIELDS_PAGE = (
    "=== JOB DETAILS ===\n\nSALARY: $56,339.00 - $91,817.00 Annually\nLOCATION: Wake County, NC\n"
    "JOB TYPE: Permanent Full-Time\n{extra}\n=== JOB DESCRIPTION ===\n\nThe Board supervises elections.\n"
)


def profile(text: str, path: str = "posting.md") -> dict:
    return jdlint.lint_text(text, path=path).summary["profile"]


# (text, file name, expected title, where it came from)
TITLED = [
    ("# Senior Data Engineer\n\nBuild pipelines.\n", "a.md", "Senior Data Engineer", "heading"),
    ("---\ntitle: Staff Analyst\n---\nBody text here.\n", "a.md", "Staff Analyst", "front matter"),
    (FIELDS_PAGE.format(extra="Title: Elections Manager\n"), "x.txt", "Elections Manager", "field"),
    (FIELDS_PAGE.format(extra="Job Title: Senior Analytics Engineer\n"), "x.txt", "Senior Analytics Engineer", "field"),
    ("**Job Title:** Data Analytics Engineer\n\n**Location:** Remote\n\nWe build data.\n", "x.md",
     "Data Analytics Engineer", "field"),
    ("Title: Election Service Manager (Clerk & Recorder's Office) Job Number: 349\n\nDuties follow.\n", "x.txt",
     "Election Service Manager (Clerk & Recorder's Office)", "field"),
    ("Position: Analytics Engineer\nLocation: Berlin\n\nYou will model data.\n", "x.md", "Analytics Engineer", "field"),
    ("**URL:** https://example.com/jobs/1\n\nSenior Analytics Engineer at Ebury. Responsibilities: own a domain's "
     "data warehouse; establish standards and practices for data modeling and consumption.\n", "x.md",
     "Senior Analytics Engineer", "first line"),
    ("Data Engineer\n\nWe are a small team building tools for clinics. You will own our pipelines.\n", "x.md",
     "Data Engineer", "first line"),
    (FIELDS_PAGE.format(extra=""), "2019_12-Dec_19-paralegal.txt", "Paralegal", "file name"),
    (FIELDS_PAGE.format(extra=""), "2026-07-04_ebury_senior-analytics-engineer.md", "Senior Analytics Engineer",
     "file name"),
    (FIELDS_PAGE.format(extra=""), "postings/senior-data-engineer.md", "Senior Data Engineer", "file name"),
    (FIELDS_PAGE.format(extra=""), "2024_Feb-29_09-elections-technology-specialist.txt",
     "Elections Technology Specialist", "file name"),
    (FIELDS_PAGE.format(extra=""), "finance__data-analyst.md", "Data Analyst", "file name"),
    ("We are hiring! Our company builds great tools for teams across the world and we want you.\n\n"
     "## Responsibilities\n\n- Build things\n", "backend-engineer.md", "Backend Engineer", "file name"),
]

# (text, file name): nothing names the job — never a field, a sentence or a hash for a title
UNTITLED = [
    (FIELDS_PAGE.format(extra=""), "README.md"),
    (FIELDS_PAGE.format(extra=""), "001_bbf6519c170bcced.txt"),
    (FIELDS_PAGE.format(extra=""), "-"),
    (FIELDS_PAGE.format(extra=""), "posting.md"),
    (FIELDS_PAGE.format(extra=""), "index.md"),
    (FIELDS_PAGE.format(extra=""), "2026-07-04.md"),
    ("We are hiring at a fast pace across many teams in the region and beyond this year.\n", "job.md"),
    ("SALARY: $56,339.00 - $91,817.00 Annually\nLOCATION: Raleigh, NC\n", "draft.md"),
    ("Title: we are looking for someone who will own the data platform and grow the analytics team over time\n",
     "template.md"),
    ("Our mission is to help people at work. We build tools at Acme Corp.\n", "new.md"),
    ("---\ntitle: ''\n---\nSALARY: $1\n", "untitled.md"),
    ("", "stdin"),
    ("   \n\n", "jobs.md"),
    ("Location: Remote\nType: Full-time\n", "postings.md"),
    ("Apply at careers@example.com before Friday, with a CV and a short note.\n", "12345.md"),
]


@pytest.mark.parametrize(("text", "path", "title", "source"), TITLED)
def test_the_title_is_found_and_says_where_from(text, path, title, source):
    p = profile(text, path)
    assert (p["title"], p["title_source"]) == (title, source)


@pytest.mark.parametrize(("text", "path"), UNTITLED)
def test_no_title_rather_than_a_field_or_sentence(text, path):
    p = profile(text, path)
    assert p["title"] in ("", None) and p["title_source"] is None, p


def test_seniority_mismatch_reads_a_title_from_the_file_name():
    text = FIELDS_PAGE.format(extra="") + "\n## Requirements\n\n- 1+ year of professional experience\n"
    found = [f for f in jdlint.lint_text(text, path="2026-07-04_acme_senior-data-engineer.md").findings
             if f.rule == "seniority-mismatch"]
    assert len(found) == 1 and "(from the file name)" in found[0].message
