"""duplicate-requirement: the same qualification twice in the required lists.

Compared on normalised wording, so "Strong SQL skills" and "Knowledge of
SQL" are one qualification. Items that differ only in the years asked are
left to `years-conflict`; sibling role variants are never compared.
"""

from __future__ import annotations

from jdlint.finding import Hit, Severity
from jdlint.hookspecs import hookimpl
from jdlint.requirements import analyse, comparable, line_of
from jdlint.rule import Rule

RULE = Rule(
    id="duplicate-requirement",
    category="requirements",
    severity=Severity.WARNING,
    summary="The same qualification appears twice in the required lists.",
    explain=(
        "Every repeated item lengthens the must-have list, and long must-have lists deter "
        "qualified people who do not match every line. Say each requirement once."
    ),
    source="jdlint requirement checks.",
    fix_hint="Delete the repetition, or merge the two items.",
    bad_examples=("## Requirements\n- Strong SQL skills\n- Excellent communication\n- Knowledge of SQL",),
    good_examples=("## Requirements\n- Strong SQL skills\n- Python for data pipelines",),
)


def _years(req) -> tuple[float, ...]:
    return tuple(sorted(d.low for d in req.years))


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, doc, context):
    if not context.enabled(RULE.id):
        return
    required = [r for r in analyse(posting, doc).of_kind("required") if r.key]
    for j, later in enumerate(required):
        for earlier in required[:j]:
            if earlier.key != later.key or _years(earlier) != _years(later):
                continue
            if earlier.level and later.level and earlier.level != later.level:
                continue
            if not comparable(posting, earlier.section, later.section):
                continue
            yield Hit(
                RULE.id,
                later.start,
                later.end,
                f"This requirement repeats the one on line {line_of(posting, earlier.start)}; say it once.",
            )
            break
