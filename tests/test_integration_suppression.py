"""`unused-suppression`: a jdlint comment that suppresses nothing is reported (info)."""

import pytest
from conftest import lint, run_cli

FLAGGED = [
    # (text, the comment that must be reported)
    (
        "# Engineer\n\n<!-- jdlint-disable-next-line exclusionary-jargon -->\nWe need an experienced developer.\n",
        "<!-- jdlint-disable-next-line exclusionary-jargon -->",
    ),
    (
        "# Engineer\n\n<!-- jdlint-disable-next-line exclusionary-jargon -->\n\nWe need a rockstar.\n",
        "<!-- jdlint-disable-next-line exclusionary-jargon -->",
    ),
    (
        "<!-- jdlint-disable-file exclusionary-jargon -->\n# Engineer\n\nWe need an experienced developer.\n",
        "<!-- jdlint-disable-file exclusionary-jargon -->",
    ),
    (
        "# Engineer\n\n<!-- jdlint-disable exclusionary-jargon -->\nA calm team.\n"
        "<!-- jdlint-enable exclusionary-jargon -->\nWe need a rockstar.\n",
        "<!-- jdlint-disable exclusionary-jargon -->",
    ),
]

NOT_FLAGGED = [
    "# Engineer\n\n<!-- jdlint-disable-next-line exclusionary-jargon -->\nWe need a rockstar.\n",
    "# Engineer\n\n<!-- jdlint-disable-next-line -->\nWe need a rockstar.\n",
    "# Engineer\n\n<!-- jdlint-disable-next-line bias -->\nWe need a rockstar.\n",
    "<!-- jdlint-disable-file exclusionary-jargon -->\n# Engineer\n\nWe need a ninja.\n",
    "# Engineer\n\n<!-- jdlint-disable exclusionary-jargon -->\nA ninja.\n<!-- jdlint-enable exclusionary-jargon -->\n",
    "# Engineer\n\nWe mention jdlint-disable-next-line in prose, not as a comment.\n",
]


@pytest.mark.parametrize(("text", "comment"), FLAGGED)
def test_flagged(text, comment):
    found = lint(text, select=["unused-suppression", "exclusionary-jargon"])
    unused = [f for f in found if f.rule == "unused-suppression"]
    assert [f.match for f in unused] == [comment]
    assert str(unused[0].severity) == "info"


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_not_flagged(text):
    found = lint(text, select=["unused-suppression", "exclusionary-jargon"])
    assert [f.rule for f in found if f.rule == "unused-suppression"] == []
    assert [f.rule for f in found if f.rule == "exclusionary-jargon"] == []


def test_cli_reports_it_at_the_comment_without_failing():
    text = "# Engineer\n\n<!-- jdlint-disable-next-line exclusionary-jargon -->\nWe need an experienced developer.\n"
    proc = run_cli(
        "check", "--format", "concise", "--select", "unused-suppression,exclusionary-jargon", "--show-info", "-",
        input=text,
    )  # fmt: skip
    assert proc.returncode == 0  # info is below the default --fail-on warning
    assert proc.stdout.startswith("-:3:1: info unused-suppression ")
    summarised = run_cli("check", "--format", "concise", "--select", "unused-suppression", "-", input=text)
    assert summarised.stdout == "-: 1 info finding not listed (unused-suppression ×1) — --show-info lists them\n"
