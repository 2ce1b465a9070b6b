"""pay-history-question: the posting asks for the applicant's current or past pay.

Pay history carries old pay gaps into the new offer, which is why many
places ban the question: US states and cities, Prince Edward Island, and the
EU member states that have transposed Art. 5(2) of the Pay Transparency
Directive. Where the job's place bans it (and the ban is in force on the
posting's date) the finding is an error naming the law; elsewhere, or where
a ban's date is unconfirmed, a warning naming none. Asking for salary
*expectations* is allowed everywhere. Phrasings and the ban table:
rules/compliance/pay-history-question.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts.place_rows import PlaceRow, holding_rows, load_rows
from jdlint.facts.surroundings import sentence_span
from jdlint.hookspecs import hookimpl
from jdlint.match import Pattern, lazy_compile
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

DATA = "compliance/pay-history-question.yaml"
FIELD_LINE_CHARS = 60  # a longer line is prose, not a form field


def _ban_list() -> str:
    lines = []
    for row in _spec().bans:
        since = row.effective.isoformat() if row.effective else "date unconfirmed, not cited"
        lines.append(f"  {row.name}: {row.law} ({since})")
    return "\n".join(lines)


@dataclass(frozen=True)
class _Spec:
    asks: Pattern
    always: Pattern
    request: re.Pattern
    field_line: re.Pattern
    not_asks: re.Pattern
    bans: tuple[PlaceRow, ...]


@cache
def _spec() -> _Spec:
    raw = data.load(DATA)
    flags = re.IGNORECASE
    return _Spec(
        asks=Pattern("|".join(f"(?:{p})" for p in raw["asks"]), flags),
        always=Pattern("|".join(f"(?:{p})" for p in raw["always"]), flags),
        request=lazy_compile(raw["request"], flags),  # these three only once `asks` or `always` matched
        field_line=lazy_compile(raw["field_line"], flags | re.MULTILINE),
        not_asks=lazy_compile("|".join(f"(?:{p})" for p in raw["not_asks"]), flags),
        bans=load_rows(raw["laws"], f"rules/{DATA}"),
    )


def _explanation() -> str:
    return (
        "Asking applicants what they earn now or earned before (“please state your current salary”, "
        "“salary history”, “current and expected CTC”, “attach recent pay stubs”, “RAL attuale”, "
        "“aktuelles Gehalt”) carries past pay gaps into the new offer. Many places ban the question: "
        "about twenty US states and a number of cities, Prince Edward Island, and the EU member states that "
        "have transposed Art. 5(2) of the Pay Transparency Directive. jdlint reads where the job is from the "
        "posting profile (`jdlint profile`) and the posting's date: where a ban is in force the finding is an "
        "error that names the law; elsewhere, or where the ban's start date is not confirmed in the data, a "
        "warning that names none. Asking about salary *expectations* (“desired salary”, “expected "
        "compensation”) is allowed everywhere and is not flagged, nor is a statement that the question will "
        "not be asked, nor a payroll job's work with pay slips. `employer.size` in the configuration skips "
        "city bans with a higher employee threshold.\n\n"
        "Bans known (rules/compliance/pay-history-question.yaml):\n" + _ban_list()
    )


RULE = Rule(
    id="pay-history-question",
    category="compliance",
    severity=Severity.ERROR,
    summary="The posting asks for the applicant's current or past pay.",
    explain=_explanation(),
    source=(
        "Salary-history laws of US states and cities (e.g. Cal. Lab. Code § 432.3, N.Y. Labor Law "
        "§ 194-a, NYC Admin. Code § 8-107(25)); PEI Employment Standards Act s. 5.8; Directive (EU) 2023/970 "
        "Art. 5(2) as transposed in Italy, Lithuania, Poland and Slovakia (roedl.pl, dl-law.it, bnt.eu, "
        "krestonslovakia.com summaries). Not legal advice."
    ),
    fix_hint="Ask what the candidate expects instead, e.g. “What are your salary expectations for this role?”",
    bad_examples=(
        "Location: Denver, CO\n\nPlease include your current salary with your application.",
        "Share your current CTC, expected CTC and notice period.",
    ),
    good_examples=(
        "Location: Denver, CO\n\nPlease tell us your salary expectations.",
        "We do not ask about your salary history.",
    ),
)


@hookimpl
def jdlint_rules():
    return [RULE]


def find_questions(posting) -> list[tuple[int, int]]:
    """Spans where the posting asks for current or past pay, one per sentence."""
    spec = _spec()
    text = posting.analysis
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for pattern, needs_request in ((spec.always, False), (spec.asks, True)):
        for m in pattern.finditer(posting):
            s0, s1 = sentence_span(posting, m.start())
            if (s0, s1) in found:
                continue
            sentence = text[s0:s1]
            if spec.not_asks.search(sentence):
                continue
            if needs_request and not (spec.request.search(sentence) or _is_field(posting.text, m.start(), spec)):
                continue
            found[(s0, s1)] = (m.start(), m.end())
    return sorted(found.values())


def _is_field(text: str, offset: int, spec: _Spec) -> bool:
    """The match sits on a short line of its own, as written: a form field or an application question."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return len(line.strip()) <= FIELD_LINE_CHARS and spec.field_line.search(line) is not None


def _bans_here(context) -> list[tuple[PlaceRow, object]]:
    size = context.config.employer.get("size")
    rows = holding_rows(context.profile.places, _spec().bans, context.as_of)
    return [(row, place) for row, place in rows if row.covers_size(size)]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or not context.profile.is_posting:
        return
    questions = find_questions(posting)
    if not questions:
        return
    bans = _bans_here(context)
    for start, end in questions:
        quoted = " ".join(posting.text[start:end].split())
        asked = f"The posting asks for the applicant's current or past pay (“{quoted}”)"
        if bans:
            row, _place = bans[0]
            also = ""
            if len(bans) > 1:
                also = " Also banned in: " + ", ".join(f"{r.name} ({r.law})" for r, _ in bans[1:4]) + "."
            yield Hit(
                RULE.id,
                start,
                end,
                f"{asked}; {row.name} bans asking for it ({row.law}, in force since {row.effective}). "
                f"Ask for salary expectations instead.{also}",
            )
        else:
            yield Hit(
                RULE.id,
                start,
                end,
                f"{asked}. Many places ban this question, and past pay carries old pay gaps into the offer; "
                "ask for salary expectations instead.",
                severity=Severity.WARNING,
            )
