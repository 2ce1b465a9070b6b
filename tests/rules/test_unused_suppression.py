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
