"""unused-suppression through the public API: a jdlint-disable comment that suppresses nothing.

How suppression comments work is tested in tests/test_suppress.py; this file is about the
finding a stale comment gets.
"""

from __future__ import annotations

import pytest
from conftest import lint

RULE = "unused-suppression"

# ✗ the comment (the expected span) suppresses no finding
FLAGGED = [
    (
        "<!-- jdlint-disable-next-line exclusionary-jargon -->\nWe need an experienced developer.\n",
        "<!-- jdlint-disable-next-line exclusionary-jargon -->",
    ),
    (
        "<!-- jdlint-disable-next-line age-bias -->\nWe need a rockstar developer.\n",
        "<!-- jdlint-disable-next-line age-bias -->",
    ),
    (
        "# Data Engineer\n\n<!-- jdlint-disable-next-line -->\nWalk us through your recent projects.\n",
        "<!-- jdlint-disable-next-line -->",
    ),
    (
        "# Data Engineer\n\n<!-- jdlint-disable-next-line bias -->\nWe are a young company founded in 2021.\n",
        "<!-- jdlint-disable-next-line bias -->",
    ),
    (
        "# Data Engineer\n\n<!-- jdlint-disable exclusionary-jargon -->\nWe need an experienced developer.\n"
        "<!-- jdlint-enable exclusionary-jargon -->\n",
        "<!-- jdlint-disable exclusionary-jargon -->",
    ),
    (
        "We need an experienced developer.\n<!-- jdlint-disable-file culture-fit -->\n",
        "<!-- jdlint-disable-file culture-fit -->",
    ),
]

# ✓ the comment suppresses something, or is not a jdlint directive at all
PASSING = [
    "<!-- jdlint-disable-next-line exclusionary-jargon -->\nWe need a rockstar developer.\n",
    "<!-- jdlint-disable-next-line -->\nWe need a rockstar developer.\n",
    "<!-- jdlint-disable-next-line bias -->\nJoin our young team in Berlin.\n",
    "<!-- jdlint-disable-next-line exclusionary-jargon, culture-fit -->\nWe need a rockstar developer.\n",
    "<!-- jdlint-disable-file age-bias -->\nIdeal for recent graduates.\n",
    "<!-- jdlint-disable culture-fit -->\nWe work hard, play hard.\n<!-- jdlint-enable culture-fit -->\n",
    "We need an experienced developer.\n\n<!-- jdlint-disable-file eeo-statement -->\n",
    "<!-- TODO: add the salary range -->\nWe need an experienced developer.\n",
    "```\n<!-- jdlint-disable-file -->\n```\nWe need an experienced developer.\n",
]


@pytest.mark.parametrize(("text", "comment"), FLAGGED)
def test_flags(text, comment):
    found = lint(text, select=[RULE])
    assert [f.match for f in found] == [comment]
    assert "suppresses nothing" in found[0].message


@pytest.mark.parametrize("text", PASSING)
def test_passes(text):
    assert lint(text, select=[RULE]) == []


def test_unused_suppression_points_at_the_comment():
    f = next(f for f in lint("Intro.\n  <!-- jdlint-disable-next-line -->\nFine.\n") if f.rule == RULE)
    assert (f.line, f.column, f.match) == (2, 3, "<!-- jdlint-disable-next-line -->")
    assert str(f.severity) == "info"


# ✗ a comment naming a rule or category that does not exist: a warning naming it, with the closest id
UNKNOWN = [
    (
        "<!-- jdlint-disable-next-line exclusionary-jargn -->\nWe need a rockstar developer.\n",
        "“exclusionary-jargn” (did you mean “exclusionary-jargon”?)",
        "<!-- jdlint-disable-next-line exclusionary-jargon -->",
    ),
    (
        "<!-- jdlint-disable-next-line Age-Bias -->\nIdeal for recent graduates.\n",
        "“Age-Bias” (did you mean “age-bias”?)",
        "<!-- jdlint-disable-next-line age-bias -->",
    ),
    (
        "<!-- jdlint-disable-file pay-transparancy, eeo-statment -->\n# Data Engineer\n\nWe build pipelines.\n",
        "“pay-transparancy” (did you mean “pay-transparency”?) or “eeo-statment” (did you mean “eeo-statement”?)",
        "<!-- jdlint-disable-file pay-transparency, eeo-statement -->",
    ),
    (
        "<!-- jdlint-disable biass -->\nWe need a rockstar.\n<!-- jdlint-enable biass -->\n",
        "“biass” (did you mean “bias”?)",
        "<!-- jdlint-disable bias -->",
    ),
    (
        "<!-- jdlint-disable-next-line our-house-style -->\nWe need an experienced developer.\n",
        "“our-house-style”,",
        None,
    ),
]


@pytest.mark.parametrize(("text", "named", "suggestion"), UNKNOWN)
def test_unknown_rule_ids_are_named_with_a_did_you_mean(text, named, suggestion):
    found = [f for f in lint(text, select=[RULE]) if "No rule or category" in f.message]
    assert found, text
    first = found[0]
    assert named in first.message and str(first.severity) == "warning"
    assert first.match == text[: text.index("-->") + 3]
    assert list(first.suggestions) == ([suggestion] if suggestion else [])
    # an unknown name is not also reported as a comment that "suppresses nothing"
    assert all("suppresses nothing under" in f.message for f in lint(text, select=[RULE]))


def test_a_known_id_beside_an_unknown_one_still_suppresses():
    text = "<!-- jdlint-disable-next-line culture-fit, exclusionary-jargn -->\nWe work hard, play hard.\n"
    found = lint(text, select=[RULE, "culture-fit"])
    assert [(f.rule, str(f.severity)) for f in found] == [(RULE, "warning")]
    assert "“exclusionary-jargn” (did you mean “exclusionary-jargon”?)" in found[0].message
