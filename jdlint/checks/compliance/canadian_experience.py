"""canadian-experience: the posting requires experience gained in Canada.

Since 2026-01-01 Ontario's Employment Standards Act bars an employer with 25
or more employees from requiring "Canadian experience" in a public job
posting or its application form: it shuts out newcomers whatever their skill.
For an Ontario job on or after that date the finding is an error citing the
Act; for a job elsewhere in Canada (or one whose place jdlint cannot tell)
a warning that cites nothing. Knowledge of Canadian rules ("Canadian GAAP",
"Canadian tax law") is a skill, not experience in Canada, and is not
flagged. Phrasings and the law's row: rules/compliance/canadian-experience.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts.surroundings import sentence_span
from jdlint.hookspecs import hookimpl
from jdlint.match import Pattern, lazy_compile
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

DATA = "compliance/canadian-experience.yaml"


@dataclass(frozen=True)
class _Spec:
    name: str
    jurisdiction: str
    citation: str
    effective: dt.date
    threshold: int
    country: str
    requires: Pattern
    not_requires: re.Pattern


@cache
def _spec() -> _Spec:
    raw = data.load(DATA)
    law = raw["law"]
    flags = re.IGNORECASE
    return _Spec(
        name=str(law["name"]),
        jurisdiction=str(law["jurisdiction"]),
        citation=str(law["citation"]),
        effective=dt.date.fromisoformat(str(law["effective"])),
        threshold=int(law["threshold"]),
        country=str(raw["country"]),
        requires=Pattern("|".join(f"(?:{p})" for p in raw["requires"]), flags),
        not_requires=lazy_compile("|".join(f"(?:{p})" for p in raw["not_requires"]), flags),
    )


RULE = Rule(
    id="canadian-experience",
    category="compliance",
    severity=Severity.ERROR,
    summary="The posting requires Canadian work experience.",
    explain=(
        "A requirement of “Canadian experience” (“Canadian work experience”, “experience in Canada”, "
        "“Canadian workplace experience”) turns away newcomers to Canada whatever their skills. Since "
        f"{_spec().effective} Ontario ({_spec().citation}) bars employers with {_spec().threshold} or more "
        "employees from requiring it in a publicly advertised job posting or its application form. jdlint reads "
        "where the job is from the posting profile (`jdlint profile`): for an Ontario job dated on or after that "
        "day the finding is an error naming the law; for a job elsewhere in Canada, or one whose place it cannot "
        "tell, a warning naming none (ask for the skill itself instead). With `employer.size` below the "
        "threshold in the configuration, an Ontario job gets the warning too. Apart from the Act, the Ontario Human "
        "Rights Commission's Policy on removing the “Canadian experience” barrier (2013) says a strict requirement "
        "of Canadian experience is discriminatory except in rare circumstances; an Ontario warning mentions it. "
        "Not flagged: knowledge of Canadian "
        "rules or markets (“experience with Canadian tax law”, “knowledge of Canadian GAAP”, “familiarity "
        "with Canadian payroll regulations”), eligibility to work in Canada, and sentences that say Canadian "
        "experience is not required or that the job offers a chance to gain it."
    ),
    source=(
        "Employment Standards Act, 2000 (Ontario), Part III.1, and O. Reg. 476/24, in force 2026-01-01 "
        "(ontario.ca/laws/regulation/240476); Ontario Human Rights Commission, Policy on removing the "
        "“Canadian experience” barrier "
        "(2013-07-15). Not legal advice."
    ),
    fix_hint=(
        "Name the skill or knowledge the job needs instead, e.g. “experience with Canadian payroll "
        "legislation” or “3+ years of accounts-payable experience”."
    ),
    bad_examples=(
        "Location: Toronto, ON\n\n## Requirements\n\n- 2+ years of Canadian work experience",
        "Location: Calgary, AB\n\nMust have Canadian experience.",
    ),
    good_examples=(
        "Location: Toronto, ON\n\n## Requirements\n\n- Experience with Canadian tax law",
        "Location: Toronto, ON\n\nKnowledge of Canadian GAAP is an asset.",
    ),
)


@hookimpl
def jdlint_rules():
    return [RULE]


def find_requirements(posting) -> list[tuple[int, int]]:
    """Spans that require Canadian experience, one per sentence."""
    spec = _spec()
    text = posting.analysis
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for m in spec.requires.finditer(posting):
        s0, s1 = sentence_span(posting, m.start())
        if (s0, s1) in found or spec.not_requires.search(text, s0, s1):
            continue
        found[(s0, s1)] = (m.start(), m.end())
    return sorted(found.values())


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or not context.profile.is_posting:
        return
    spec = _spec()
    profile = context.profile
    in_ontario = spec.jurisdiction in profile.jurisdictions
    countries = profile.countries
    if countries and spec.country not in countries:
        return  # a job known to be outside Canada: no Canadian law or practice to judge it by
    spans = find_requirements(posting)
    if not spans:
        return
    size = context.config.employer.get("size")
    law_applies = in_ontario and context.as_of >= spec.effective and (size is None or size >= spec.threshold)
    for start, end in spans:
        quoted = " ".join(posting.text[start:end].split())
        if law_applies:
            yield Hit(
                RULE.id,
                start,
                end,
                f"The posting requires Canadian experience (“{quoted}”); Ontario bars this in a public posting "
                f"or its application form since {spec.effective} ({spec.citation}). Ask for the skill or "
                "knowledge itself instead.",
            )
        else:
            ohrc = (
                " The Ontario Human Rights Commission's 2013 policy treats a strict requirement of it as "
                "discriminatory except in rare circumstances."
                if in_ontario
                else ""
            )
            yield Hit(
                RULE.id,
                start,
                end,
                f"The posting requires Canadian experience (“{quoted}”), which shuts out newcomers whatever "
                f"their skills; ask for the skill or knowledge itself instead.{ohrc}",
                severity=Severity.WARNING,
            )
