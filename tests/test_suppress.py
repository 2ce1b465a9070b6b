"""Suppression comments exactly as DESIGN.md defines them (the unused-suppression rule: tests/rules/)."""

from __future__ import annotations

import pytest
from conftest import lint


def rules(text: str) -> list[tuple[str, int]]:
    return sorted((f.rule, f.line) for f in lint(text, select=["exclusionary-jargon", "unused-suppression"]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # next line, by id
        (
            "<!-- jdlint-disable-next-line exclusionary-jargon -->\nA rockstar.\nA ninja.\n",
            [("exclusionary-jargon", 3)],
        ),
        # next line, every rule
        ("<!-- jdlint-disable-next-line -->\nA rockstar.\n", []),
        # next line, by category
        ("<!-- jdlint-disable-next-line bias -->\nA rockstar.\n", []),
        # several ids, comma-separated
        ("<!-- jdlint-disable-next-line age-bias, exclusionary-jargon -->\nA rockstar.\n", []),
        # block
        (
            "A ninja.\n<!-- jdlint-disable exclusionary-jargon -->\nA rockstar.\nA guru.\n"
            "<!-- jdlint-enable exclusionary-jargon -->\nA wizard.\n",
            [("exclusionary-jargon", 1), ("exclusionary-jargon", 6)],
        ),
        # block without enable runs to the end
        ("A ninja.\n<!-- jdlint-disable -->\nA rockstar.\n\nA guru.\n", [("exclusionary-jargon", 1)]),
        # whole file, placed anywhere
        ("A rockstar.\n\nA ninja.\n<!-- jdlint-disable-file exclusionary-jargon -->\n", []),
        # a different rule does not suppress
        (
            "<!-- jdlint-disable-next-line age-bias -->\nA rockstar.\n",
            [("exclusionary-jargon", 2), ("unused-suppression", 1)],
        ),
        # stale comment
        ("<!-- jdlint-disable-next-line exclusionary-jargon -->\nAn expert.\n", [("unused-suppression", 1)]),
        # a comment inside code is not a directive
        ("```\n<!-- jdlint-disable-file -->\n```\nA rockstar.\n", [("exclusionary-jargon", 4)]),
    ],
)
def test_suppression(text, expected):
    assert rules(text) == expected
