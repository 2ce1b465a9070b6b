"""The document model: headings, section kinds, list items, what is linted and what is not."""

from __future__ import annotations

import pytest
from conftest import SEEDS, lint, spans

from jdlint.parse import parse_posting
from jdlint.parse.sections import classify


def sections(text: str) -> list[tuple[str, int, str]]:
    p = parse_posting(text)
    return [(s.title, s.level, s.kind) for s in p.sections if s.style not in ("preamble", "inline")]


def items_by_kind(text: str) -> dict[str, list[str]]:
    p = parse_posting(text)
    out: dict[str, list[str]] = {}
    for item in p.items:
        out.setdefault(p.effective_kind(item.section), []).append(item.text)
    return out


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Requirements", "required"),
        ("Staff Requirements", "required"),
        ("Minimum Qualifications", "required"),
        ("What you'll need", "required"),
        ("What You’ll Need:", "required"),
        ("What we look for", "required"),
        ("Must have", "required"),
        ("About you", "required"),
        ("Nice to have", "preferred"),
        ("Nice-to-haves", "preferred"),
        ("Preferred Qualifications", "preferred"),
        ("Bonus points", "preferred"),
        ("Additional Qualifications", "preferred"),
        ("Responsibilities", "responsibilities"),
        ("What you'll do", "responsibilities"),
        ("What You Will Do", "responsibilities"),
        ("Benefits", "benefits"),
        ("Perks & Benefits", "benefits"),
        ("Why us", "benefits"),
        ("Compensation", "compensation"),
        ("Salary range", "compensation"),
        ("Location", "location"),
        ("How to apply", "how-to-apply"),
        ("About us", "about"),
        ("About the role", "about"),
        ("Equal Opportunity", "eeo"),
        ("Job Grade", "other"),
        ("Levels", "other"),
        ("Distribution:Build", "other"),
        ("Application Performance", "other"),
    ],
)
def test_heading_kinds(heading, kind):
    assert classify(heading) == kind


def test_markdown_headings_atx_setext_and_emphasis():
    text = (
        "Senior Engineer\n===============\n\nIntro.\n\nRequirements\n------------\n\n- Go\n\n"
        "**Nice to have:**\n\n- Rust\n\n### Benefits ###\n\n+ Pension\n"
    )
    assert sections(text) == [
        ("Senior Engineer", 1, "other"),
        ("Requirements", 2, "required"),
        ("Nice to have", 7, "preferred"),
        ("Benefits", 3, "benefits"),
    ]
    assert items_by_kind(text) == {"required": ["Go"], "preferred": ["Rust"], "benefits": ["Pension"]}


def test_nested_and_ordered_lists_are_items():
    text = "## Requirements\n\n1. Go\n2. SQL\n   - PostgreSQL\n   - MySQL\n+ Docker\n"
    p = parse_posting(text)
    assert [(i.text, i.depth) for i in p.items] == [
        ("Go", 0),
        ("SQL", 0),
        ("PostgreSQL", 1),
        ("MySQL", 1),
        ("Docker", 0),
    ]


def test_plain_text_headings_and_unbulleted_items():
    text = (
        "Data Analyst\n\nJob Responsibility:\nBuild dashboards for the sales team.\nOwn the weekly report.\n\n"
        "REQUIREMENTS\n3+ years of SQL\nExperience with Looker\n"
    )
    assert sections(text) == [("Job Responsibility", 7, "responsibilities"), ("REQUIREMENTS", 7, "required")]
    assert items_by_kind(text) == {
        "responsibilities": ["Build dashboards for the sales team.", "Own the weekly report."],
        "required": ["3+ years of SQL", "Experience with Looker"],
    }


def test_title_case_line_before_a_list_is_a_heading():
    text = "Responsibilities\nDistributed Systems\n- Build services\nQualifications\nRequired\n- 5+ years of Go\n"
    assert sections(text) == [
        ("Responsibilities", 7, "responsibilities"),
        ("Distributed Systems", 8, "other"),
        ("Qualifications", 7, "required"),
        ("Required", 8, "required"),
    ]
    assert items_by_kind(text) == {"responsibilities": ["Build services"], "required": ["5+ years of Go"]}


def test_wrapped_list_item_is_one_item():
    text = (
        "### What you'll do\n+ Operating the Cloud service - this is a constant process of measuring it,\n"
        "incrementally improving it.\n"
    )
    p = parse_posting(text)
    assert len(p.items) == 1
    assert p.items[0].text.endswith("incrementally improving it.")


def test_front_matter_title_and_body_offsets():
    text = "---\ntitle: Staff Engineer\nlocation: Denver, CO\n---\n\n# Ignored title\n\nWe need a rockstar.\n"
    p = parse_posting(text)
    assert p.title == "Staff Engineer"
    assert p.front_matter["location"] == "Denver, CO"
    f = lint(text, select=["exclusionary-jargon"])
    assert [(x.line, x.column) for x in f] == [(8, 11)]


def test_title_falls_back_to_first_heading_then_first_line():
    assert parse_posting("# [Staff Engineer](https://example.com/jobs/1)\n\nText.\n").title == "Staff Engineer"
    assert parse_posting("Staff Engineer at Acme\n\nWe build things.\n").title == "Staff Engineer at Acme"


@pytest.mark.parametrize(
    "text",
    [
        "Use `rockstar` as the flag name.\n",
        "```\nrockstar = True\n```\n",
        "    rockstar = True\n",
        "See [the docs](https://example.com/rockstar-guide).\n",
        '<a href="https://example.com/ninja">the docs</a>\n',
        "Visit https://rockstar.example.com/jobs today.\n",
        "<!-- rockstar -->\nNothing here.\n",
        "Mail ninja@example.com for details.\n",
        '![diagram](img/ninja.png "ninja")\n',
        "[docs][ninja]\n\n[ninja]: https://example.com/ninja\n",
    ],
)
def test_code_urls_link_targets_and_html_are_not_linted(text):
    assert spans(lint(text), "exclusionary-jargon") == []


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Join [our rockstar team](https://example.com).\n", "rockstar"),
        ("| Role | Rockstar engineer |\n| --- | --- |\n| a | b |\n", "Rockstar"),
        ("> We need a ninja.\n", "ninja"),
        ("We need a *rock star*.\n", "rock star"),
        ("<p>We need a ninja.</p>\n", "ninja"),
    ],
)
def test_prose_in_links_tables_quotes_emphasis_and_html_is_linted(text, match):
    assert spans(lint(text), "exclusionary-jargon") == [match]


def test_seed_structure():
    def kinds(name):
        p = parse_posting((SEEDS / name).read_text(encoding="utf-8"))
        return {p.effective_kind(i.section) for i in p.items}

    assert {"responsibilities", "required", "preferred", "benefits"} <= kinds("000_59dcff1b0f3b7255.txt")
    assert {"responsibilities", "required", "preferred", "benefits"} <= kinds("001_bbf6519c170bcced.txt")
    assert {"responsibilities", "required", "preferred"} <= kinds("002_30c3f0689da63978.txt")
    assert {"responsibilities", "required"} <= kinds("003_27e62249cd3c03ee.txt")
    p = parse_posting((SEEDS / "004_d898ba1d5901057f.txt").read_text(encoding="utf-8"))
    staff = [s for s in p.sections if s.title == "Staff Requirements"]
    assert staff and staff[0].kind == "required" and staff[0].level == 4
