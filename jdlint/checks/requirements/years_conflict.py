"""years-conflict: two different years demands for the same skill, or for the role.

"5+ years of Go" in one list and "at least 8 years of Go experience" in
another leave the candidate guessing which is the bar. Demands inside one
item ("5 years, or 3 with a master's") and items that are alternatives
("… ; or") are choices, not conflicts. Lists of sibling role variants on a
job-family page are never compared with each other.
"""

from __future__ import annotations

from jdlint.facts.requirements import Candidates, analyse, comparable, line_of
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="years-conflict",
    category="requirements",
    severity=Severity.WARNING,
    summary="Two different years-of-experience demands for the same skill or for the role as a whole.",
    explain=(
        "When the summary says three years and the requirements say five, or one bullet asks "
        "for 5+ years of Go and another for 8, candidates cannot tell where the bar is; many "
        "who meet the lower number will not apply. Say one number for each skill."
    ),
    source="jdlint requirement checks; Textio and LinkedIn Talent research on requirement lists.",
    fix_hint="Keep one years figure per skill (and one for the role), and delete the other.",
    bad_examples=(
        "## Requirements\n- 5+ years of Go\n- At least 8 years of Go experience",
        "We want someone with 3+ years of experience.\n## Requirements\n- 5+ years of experience",
    ),
    good_examples=(
        "## Requirements\n- 5+ years of Go\n- 3+ years of PostgreSQL",
        "- 5 years of experience, or 3 years with a master's degree",
    ),
)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    reqs = [r for r in analyse(posting, context.lemma_doc).of_kind("required", "summary") if not r.alternative]
    demands = sorted(((d, r) for r in reqs for d in r.years), key=lambda p: p[0].start)
    text = posting.text
    candidates: Candidates[int] = Candidates(RULE.id)  # only demands about the same subject can conflict
    for j, (later, rl) in enumerate(demands):
        for i in candidates.nearest(later.subject, later.start):
            earlier, re_ = demands[i]
            if re_ is rl or earlier.low == later.low:
                continue
            if re_.kind == "summary" and rl.kind == "summary":
                continue
            if not comparable(posting, re_.section, rl.section):
                continue
            what = f"({later.about})" if later.subject else "for the role"
            yield Hit(
                RULE.id,
                later.start,
                later.end,
                f"“{later.label(text)}” {what} here (line {line_of(posting, later.start)}) conflicts with "
                f"“{earlier.label(text)}” on line {line_of(posting, earlier.start)}; ask for one figure.",
            )
            break
        candidates.add(later.subject, later.start, j)
