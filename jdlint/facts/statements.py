"""Does a posting carry a given statement (visa/work authorization, equal opportunity)?

The phrasings are data (rules/shared/statements.yaml); this module only compiles
them once and searches the posting's analysis text (markup removed, soft
line breaks joined), so "**must be authorized**\nto work" still matches.
"""

from __future__ import annotations

import re
from functools import cache

from jdlint import data
from jdlint.facts.countries import country_name, is_eu_member
from jdlint.facts.language import UNDETERMINED, posting_language
from jdlint.match import AnyPattern, Text
from jdlint.model.posting import Posting
from jdlint.model.store import StoreKey


def _patterns(kind: str, language: str = "en") -> tuple[AnyPattern, ...]:
    """The phrasings of `kind` every posting is searched for, then those its language adds (`by_language`)."""
    own = data.load("shared/statements.yaml").get("by_language", {}).get(language, {}).get(kind, [])
    return (_phrasings(kind), _phrasings(kind, tuple(own))) if own else (_phrasings(kind),)


@cache
def _phrasings(kind: str, own: tuple[str, ...] = ()) -> AnyPattern:
    """The phrasings of `kind` (`own`: a language's added ones instead), each made once per process and the
    first shared by every language: reading the literals off the country names costs as much as searching
    a few hundred postings, and was paid again for each language seen."""
    spec = data.load("shared/statements.yaml")
    country = _country_names()
    return AnyPattern([p.replace("{country}", country) for p in (own or spec[kind]["patterns"])], re.IGNORECASE)


def _search(patterns: tuple[AnyPattern, ...], text: Text) -> re.Match | None:
    """The earliest match of any of `patterns` (the first pattern's on a tie), as one pattern of them all gives."""
    best = None
    for pattern in patterns:
        found = pattern.search(text)
        if found is not None and (best is None or found.start() < best.start()):
            best = found
    return best


_SHORT_NAMES = ("U\\.?\\s?S\\.?A?\\.?", "United\\s+States", "America", "UK", "U\\.K\\.", "EU", "EEA",
                "European\\s+Union", "Europe", "an?\\s+EU\\s+(?:member\\s+)?(?:state|country)")


def _country_names() -> str:
    """A regex alternation of every country's name ("the" dropped) and the usual short forms."""
    names = data.load("shared/countries.yaml")["names"].values()
    long = sorted({re.escape(n.removeprefix("the ")).replace(r"\ ", r"\s+") for n in names}, key=len, reverse=True)
    return "|".join([*long, *_SHORT_NAMES])


def source(kind: str) -> str:
    return str(data.load("shared/statements.yaml")[kind].get("source", ""))


_FOUND: StoreKey[dict[str, re.Match | None]] = StoreKey("statements found, by kind")
_FLAT: StoreKey[Text] = StoreKey("analysis text flattened for statements")


def find_statement(posting: Posting, kind: str) -> re.Match | None:
    """The first phrase of statement `kind` ("visa" or "eeo") in the posting, if any.

    The code blocks are searched too, in the raw text: the analysis text
    blanks what Markdown calls code, and plain-text exports often indent whole
    paragraphs. Remembered per posting, as several rules ask.
    """
    memo = posting.facts.setdefault(_FOUND, {})
    if kind not in memo:
        flat = posting.facts.compute(_FLAT, lambda: _flat(posting.analysis))  # made once for every kind
        patterns = _patterns(kind, posting_language(posting))
        found = _search(patterns, flat)
        if found is None and posting.code_ranges:
            found = _search(patterns, _flat(" ".join(posting.text[s:e] for s, e in posting.code_ranges)))
        memo[kind] = found
    return memo[kind]


def _flat(text: str) -> Text:
    """`text` with its whitespace runs made single spaces (soft line breaks joined)."""
    return Text(" ".join(text.split()))


def report_missing(posting: Posting, context, rule_id: str, kind: str):
    """The shared body of the "statement missing" rules: one hit on the title line, or none.

    Only a posting is asked (a README, an expired page or a template is not);
    the suggested sentence fits the country the job is in (`advice`).
    """
    from jdlint.facts.anchor import title_line
    from jdlint.model.finding import Hit

    if not context.enabled(rule_id) or not posting.text.strip() or not context.profile.is_posting:
        return
    if find_statement(posting, kind):
        return
    start, end = title_line(posting)
    yield Hit(rule_id, start, end, advice(kind, context.profile))


def advice(kind: str, profile) -> str:
    """The message for a missing statement of `kind`, with wording for the job's country when it is known."""
    spec = data.load("shared/statements.yaml")
    own = spec.get("by_language", {}).get(profile.language, {}).get("advice", {}).get(kind)
    if own is not None:  # advice with a sentence in the posting's language, by country where there is one
        for country in sorted(profile.countries):
            if country in own:
                return own[country]
        return own["default"]
    table = spec["advice"][kind]
    if profile.language not in ("en", UNDETERMINED):
        return table["default"]
    for country in sorted(profile.countries, key=lambda c: (c != "US", c)):  # the US first: its wording is fullest
        if country in table:
            return table[country]
    for country in sorted(profile.countries):
        name = country_name(country)
        if is_eu_member(country):
            return table["EU"].format(country=name)
        return table["country"].format(country=name)
    return table["default"]
