"""Shared checks for the bias rule tables: a ✗ text must give the expected span, a ✓ text nothing."""

from __future__ import annotations

from conftest import lint, spans


def assert_flags(rule: str, text: str, expected: str) -> None:
    found = spans(lint(text, select=[rule]), rule)
    assert expected in found, f"{rule} should flag {expected!r} in {text!r}; got {found}"


def assert_passes(rule: str, text: str) -> None:
    found = spans(lint(text, select=[rule]), rule)
    assert found == [], f"{rule} should not flag anything in {text!r}; got {found}"


def table_tests(rule: str, flagged: list[tuple[str, str]], passing: list[str]):
    """The two table tests every bias rule has: each ✗ row flags its span, each ✓ row flags nothing.

    Use as `test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)` so pytest collects them.
    """
    import pytest

    @pytest.mark.parametrize(("text", "expected"), flagged)
    def test_flags(text: str, expected: str) -> None:
        assert_flags(rule, text, expected)

    @pytest.mark.parametrize("text", passing)
    def test_passes(text: str) -> None:
        assert_passes(rule, text)

    return test_flags, test_passes
