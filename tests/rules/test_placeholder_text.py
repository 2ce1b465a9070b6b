"""placeholder-text through the public API: unfilled template text ([COMPANY NAME], {{ salary }}, $XXX,XXX)."""

from __future__ import annotations

import pytest
from conftest import SEEDS, assert_explained_examples, lint, run_json

RULE = "placeholder-text"


def rule_spans(text: str, path: str = "posting.md") -> list[str]:
    return [f.match for f in lint(text, path=path, select=[RULE])]


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
    assert rule_spans(text) == [span]


@pytest.mark.parametrize("text", PLACEHOLDER_TEXT_GOOD)
def test_placeholder_text_passes(text):
    assert rule_spans(text) == []


def test_placeholder_text_in_plain_text_posting():
    text = "Data Analyst\nJoin [COMPANY NAME] in <insert location>.\nSalary: $XX,XXX\n"
    assert rule_spans(text, path="posting.txt") == ["[COMPANY NAME]", "<insert location>", "$XX,XXX"]


def test_seeds_have_no_placeholder_text():
    _, report = run_json(str(SEEDS), "--select", RULE, "--fail-on", "never")
    assert report["findings"] == []


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
