"""Shared frame for the German rule tables: a row is put inside a short posting in German.

Language is told from a posting's function words, so a one-line row alone
would be "undetermined" (and read with the English lists); the frame gives
it the body a real German posting has. The frame itself is flagged by none
of the rules tested.
"""

from __future__ import annotations

import pytest
from conftest import lint, spans

import jdlint

TITLE = "Data Engineer"
BODY = (
    "Wir sind ein Softwarehaus in Graz und suchen für unser Team eine Verstärkung im Bereich Daten.\n\n"
    "{text}\n\n"
    "Du arbeitest mit uns an der Plattform, die wir für unsere Kundinnen und Kunden bauen, und bist von Anfang an "
    "dabei. Wir freuen uns auf deine Bewerbung über das Formular auf der Website.\n"
)


def german(text: str, title: str = TITLE) -> str:
    """`text` as a paragraph of a German posting titled `title`."""
    return f"# {title}\n\n" + BODY.format(text=text)


def language_of(text: str) -> str:
    """The language jdlint reads a posting in (its profile, as the JSON report gives it)."""
    return jdlint.lint_text(text, path="stelle.md").summary["profile"]["language"]


def found(rule: str, text: str, title: str = TITLE) -> list[str]:
    return spans(lint(german(text, title), path="stelle.md", select=[rule]), rule)


def german_table_tests(rule: str, flagged: list[tuple[str, str]], passing: list[str]):
    """Each ✗ row (text, span) flags its span inside a German posting; each ✓ row flags nothing."""

    @pytest.mark.parametrize(("text", "expected"), flagged)
    def test_flags_in_german(text: str, expected: str) -> None:
        got = found(rule, text)
        assert expected in got, f"{rule} should flag {expected!r} in {text!r}; got {got}"

    @pytest.mark.parametrize("text", passing)
    def test_passes_in_german(text: str) -> None:
        got = found(rule, text)
        assert got == [], f"{rule} should not flag anything in {text!r}; got {got}"

    return test_flags_in_german, test_passes_in_german
