"""vacancy-statement: an Ontario posting that does not say whether it is for an existing vacancy.

Since 2026-01-01 Ontario's Employment Standards Act asks an employer with 25
or more employees to say, in every public job posting, whether it is for an
existing vacancy, so that candidates know when a posting only gathers
applications for later. jdlint checks a posting open to Ontario and dated
on or after that day. The employer's size is known only from the
configuration (`employer.size`): at or above the threshold the finding is an
error, unknown a warning, below it nothing. Phrasings and the law's row:
rules/compliance/vacancy-statement.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts.anchor import title_line
from jdlint.hookspecs import hookimpl
from jdlint.match import AnyPattern, Text
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

DATA = "compliance/vacancy-statement.yaml"


@dataclass(frozen=True)
class _Spec:
    jurisdiction: str
    citation: str
    effective: dt.date
    threshold: int
    statements: AnyPattern


@cache
def _spec() -> _Spec:
    raw = data.load(DATA)
    law = raw["law"]
    return _Spec(
        jurisdiction=str(law["jurisdiction"]),
        citation=str(law["citation"]),
        effective=dt.date.fromisoformat(str(law["effective"])),
        threshold=int(law["threshold"]),
        statements=AnyPattern(list(raw["statements"]), re.IGNORECASE),
    )


RULE = Rule(
    id="vacancy-statement",
    category="compliance",
    severity=Severity.ERROR,
    summary="An Ontario posting does not say whether it is for an existing vacancy.",
    explain=(
        f"Since {_spec().effective} Ontario ({_spec().citation}) asks employers with {_spec().threshold} or "
        "more employees to state, in every publicly advertised job posting, whether the posting is for an "
        "existing vacancy. jdlint checks postings open to Ontario (from the posting profile, `jdlint profile`) "
        "dated on or after that day. The employer's size comes only from the configuration: with "
        f"`employer.size` of {_spec().threshold} or more the finding is an error, without it a warning, and "
        "below the threshold there is none. Recognised, either way: “This posting is for an existing "
        "vacancy”, “This is not an existing vacancy; we are building a talent pool”, “evergreen "
        "posting”, “this role is a backfill”, and in French “poste vacant existant”, “bassin de "
        "candidats”. The finding points at the title."
    ),
    source=(
        "Employment Standards Act, 2000 (Ontario), Part III.1, and O. Reg. 476/24, in force 2026-01-01 "
        "(ontario.ca/laws/regulation/240476). Not legal advice."
    ),
    fix_hint=(
        "Add one sentence, e.g. “This posting is for an existing vacancy.” or “This posting is not for an "
        "existing vacancy; we are building a pool of candidates for future openings.”"
    ),
    bad_examples=(
        "# Payroll Specialist\n\nLocation: Toronto, ON\n\nSalary: CA$70,000 – CA$80,000.\n\nRun payroll for 400 staff.",
    ),
    good_examples=(
        "# Payroll Specialist\n\nLocation: Toronto, ON\n\nThis posting is for an existing vacancy.",
        "# Payroll Specialist\n\nLocation: Vancouver, BC\n\nRun payroll for 400 staff.",
    ),
)


@hookimpl
def jdlint_rules():
    return [RULE]


def has_statement(posting) -> bool:
    """The posting says whether it is for an existing vacancy (soft line breaks joined)."""
    flat = Text(" ".join(posting.analysis.split()))
    return _spec().statements.search(flat) is not None


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or not posting.text.strip() or not context.profile.is_posting:
        return
    spec = _spec()
    if spec.jurisdiction not in context.profile.jurisdictions or context.as_of < spec.effective:
        return
    size = context.config.employer.get("size")
    if size is not None and size < spec.threshold:
        return
    if has_statement(posting):
        return
    start, end = title_line(posting)
    msg = (
        "The posting is open to Ontario but does not say whether it is for an existing vacancy, which Ontario "
        f"requires in public postings since {spec.effective} ({spec.citation}). Add e.g. “This posting is for "
        "an existing vacancy.”"
    )
    if size is None:
        yield Hit(
            RULE.id,
            start,
            end,
            msg + f" (The duty applies to employers with {spec.threshold} or more employees; set `employer.size` "
            "in the configuration to make this an error or to turn it off.)",
            severity=Severity.WARNING,
        )
    else:
        yield Hit(RULE.id, start, end, msg)
