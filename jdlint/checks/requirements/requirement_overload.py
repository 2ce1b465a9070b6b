"""requirement-overload: more required items than a candidate can be expected to match.

Counts the top-level items of every required list that applies to one role
(on a job-family page: the shared lists plus one variant's, the largest such
total). The limit is the `max-items` option (default 12).
"""

from __future__ import annotations

from collections import Counter

from jdlint.facts.requirements import analyse, comparable, list_kind
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

DEFAULT_MAX = 12
NEIGHBOURS = 24  # lists on each side that may belong to the same role (see jdlint_check)

RULE = Rule(
    id="requirement-overload",
    category="requirements",
    severity=Severity.WARNING,
    summary="More than 12 required items in total (configurable with `max-items`).",
    explain=(
        "Long must-have lists deter qualified applicants who do not match every item, and "
        "research on application behaviour finds the effect strongest among women and "
        "under-represented groups. Move what is not truly required to a preferred list."
    ),
    source="Hewlett-Packard internal report as cited by Mohr (HBR, 2014); LinkedIn Gender Insights Report (2019).",
    fix_hint="Keep the items a new hire truly needs on day one; move the rest to 'Nice to have'.",
    bad_examples=("## Requirements\n- (13 or more items)",),
    good_examples=("## Requirements\n- (up to 12 items)\n## Nice to have\n- (the rest)",),
    options={"max-items": DEFAULT_MAX},
)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    limit = context.option(RULE.id, "max-items", DEFAULT_MAX)
    required = [r for r in analyse(posting, context.lemma_doc).of_kind("required") if r.depth == 0]
    items = [r for r in required if r.countable]
    if len(items) <= limit or _fragmented(required):
        return
    lists = sorted({r.section for r in items})
    per_list = Counter(r.section for r in items)
    best, best_scope = 0, lists
    for k, s in enumerate(lists):  # the lists one role sees: this one and every list comparable with it
        # Only the NEIGHBOURS lists on each side (in text order) are candidates: a real posting has far
        # fewer, so nothing changes for one, and a huge file costs linear, not cubic, time.
        candidates = lists[max(0, k - NEIGHBOURS) : k + NEIGHBOURS + 1]
        near = [t for t in candidates if comparable(posting, s, t)]  # memoised per posting
        scope = [t for t in near if all(comparable(posting, t, u) for u in near)]
        count = sum(per_list[t] for t in scope)
        if count > best:
            best, best_scope = count, scope
    if best <= limit:
        return
    anchor = min((_list_top(posting, i) for i in lists), key=lambda i: posting.sections[i].heading_start)
    head = posting.sections[anchor]
    where = ""
    variant = _variant_title(posting, best_scope[-1]) if len(best_scope) < len(lists) else ""
    if variant:  # a job-family page: name the variant with the most
        where = f" for the “{variant}” role (shared lists included)"
    yield Hit(
        RULE.id,
        head.heading_start,
        max(head.heading_end, head.heading_start + 1),
        f"{best} required items{where} (more than {limit}); move what is not essential to a preferred list.",
    )


def _fragmented(required: list) -> bool:
    """A scraped page that broke its sentences at every bold word ("Du hast fundierte Praxis mit / dbt /
    sowie Erfahrung mit / Snowflake / oder / BigQuery"): when most unbulleted lines are one- or two-word
    fragments or continue the line before, the lines are not items and cannot be counted."""
    loose = [r for r in required if not r.bullet]
    broken = [r for r in loose if len(r.text.split()) < 3 or r.text.lstrip()[:1].islower()]
    return len(loose) >= 8 and len(broken) * 3 >= len(loose)


def _list_top(posting, i: int) -> int:
    """The outermost heading of a list: `## Qualifications` above `### Technical`."""
    secs = posting.sections
    while secs[i].parent > 0 and list_kind(posting, secs[i].parent) == "required":
        i = secs[i].parent
    return i


def _variant_title(posting, i: int) -> str:
    """The heading that names a variant: the nearest ancestor of a list that is not a list itself."""
    secs = posting.sections
    while i > 0 and posting.effective_kind(i) in ("required", "preferred"):
        i = secs[i].parent
    return secs[i].title
