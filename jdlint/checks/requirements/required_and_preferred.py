"""required-and-preferred: the same qualification in a required and a preferred list.

If it is required it cannot also be a nice-to-have; the repetition makes the
lists look careless and blurs which one really matters. Wording is compared
normalised ("Experience with Kubernetes in production" = "Kubernetes
experience"); a preferred item that asks for more (a higher level, more
years) is a real step up and is not reported.
"""

from __future__ import annotations

from jdlint.facts.requirements import Candidates, analyse, comparable, line_of
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="required-and-preferred",
    category="requirements",
    severity=Severity.WARNING,
    summary="The same qualification appears in a required list and a preferred list.",
    explain=(
        "A qualification is either required or a bonus. Listing it in both places makes "
        "candidates unsure whether they qualify and signals the lists were not reviewed. "
        "A preferred item that asks for more than the required one (deeper expertise, more "
        "years) is a genuine step up and is not reported."
    ),
    source="jdlint requirement checks.",
    fix_hint="Keep the qualification in one list only.",
    bad_examples=(
        "## Requirements\n- Experience with Kubernetes in production\n## Nice to have\n- Kubernetes experience",
    ),
    good_examples=("## Requirements\n- Familiarity with Kubernetes\n## Nice to have\n- Deep Kubernetes expertise",),
)


def _min_years(req) -> float:
    return min((d.low for d in req.years), default=0.0)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    analysis = analyse(posting, context.lemma_doc)
    required: Candidates = Candidates(RULE.id)  # key -> required items, in text order
    for r in analysis.of_kind("required"):
        if r.key:
            required.add(r.key, r.start, r)
    for pref in analysis.of_kind("preferred"):
        if not pref.key:
            continue
        for req in required.nearest(pref.key, pref.start):
            if pref.level > req.level or _min_years(pref) > _min_years(req):
                continue
            if not comparable(posting, req.section, pref.section):
                continue
            later, earlier = (pref, req) if pref.start > req.start else (req, pref)
            yield Hit(
                RULE.id,
                later.start,
                later.end,
                f"This {later.kind} item repeats the {earlier.kind} one on line {line_of(posting, earlier.start)} "
                f"(line {line_of(posting, later.start)} here); keep it in one list.",
            )
            break
