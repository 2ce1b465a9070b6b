"""Country names and EU membership by ISO code (rules/shared/countries.yaml), for messages and EU rules."""

from __future__ import annotations

from functools import cache

from jdlint import data


@cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    raw = data.load("shared/countries.yaml")
    return dict(raw["names"]), frozenset(raw["eu_members"])


def country_name(code: str) -> str:
    """The English name of an ISO 3166-1 alpha-2 code ("the United Kingdom"), else the code itself."""
    return _table()[0].get(code, code)


def is_eu_member(code: str) -> bool:
    """Is `code` a member state of the European Union?"""
    return code in _table()[1]
