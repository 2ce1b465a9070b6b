"""Shared checks for the bias rule tables: a ✗ text must give the expected span, a ✓ text nothing."""

from __future__ import annotations

from conftest import lint, spans


def assert_flags(rule: str, text: str, expected: str) -> None:
    found = spans(lint(text, select=[rule]), rule)
    assert expected in found, f"{rule} should flag {expected!r} in {text!r}; got {found}"


def assert_passes(rule: str, text: str) -> None:
    found = spans(lint(text, select=[rule]), rule)
    assert found == [], f"{rule} should not flag anything in {text!r}; got {found}"
