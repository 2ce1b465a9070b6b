"""placeholder-section: a section whose whole body is a placeholder.

Catches both forms seen in real postings: a heading followed by nothing but
`TBD` (GitLab's `#### Staff Requirements` / `- TBD`), and an inline label
with a placeholder value (`Staff Requirements: TBD`, `**Salary:** TBD`).
"""

from __future__ import annotations

import re

from jdlint.finding import Hit, Severity
from jdlint.hookspecs import hookimpl
from jdlint.rule import Rule

RULE = Rule(
    id="placeholder-section",
    category="structure",
    severity=Severity.ERROR,
    summary="A section whose whole body is a placeholder such as TBD, TODO or N/A.",
    explain=(
        "A heading promises content. When all it holds is `TBD` the posting was published "
        "unfinished: candidates cannot tell what the role asks of them, and for required "
        "sections (requirements, pay) the posting may be misleading or non-compliant."
    ),
    source="jdlint structure checks; seen in published postings (GitLab's Staff Backend Engineer page).",
    fix_hint="Write the section, or delete the heading until there is something to say.",
    bad_examples=(
        "#### Staff Requirements\n- TBD",
        "Staff Requirements: TBD",
        "**Salary:** TBD",
        "## Benefits\nComing soon",
    ),
    good_examples=(
        "## Requirements\n- 5+ years of Go",
        "Location: Remote (TBD after onboarding, see FAQ)",
        "## Salary\n$120,000 – $150,000",
    ),
)

PLACEHOLDER = re.compile(
    r"""^[\s\-*+•>]*(?:
        tbd|tba|tbc|todo|to\s*do|to\s+be\s+(?:added|determined|announced|confirmed|defined)
        |n/?a|none|coming\s+soon|lorem\s+ipsum(?:\s+dolor.*)?|xxx+|\.\.\.|…|-|—|–|\?+
        |\[\s*(?:to\s+be\s+added|tbd|todo|placeholder|insert[^\]]*)\s*\]
    )[\s.!:;]*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_placeholder(text: str) -> bool:
    """True when `text` (a section body, possibly with bullets) says nothing but a placeholder."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return bool(lines) and all(PLACEHOLDER.match(ln) for ln in lines)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    parents = {s.parent for s in posting.sections}  # a set: 100,000 headings stay linear
    for i, sec in enumerate(posting.sections):
        if sec.is_preamble:
            continue
        if sec.style == "inline":
            body = posting.text[sec.body_start : sec.body_end]
            start, end = sec.body_start, sec.body_end
        else:
            if i in parents:
                continue
            body = posting.analysis[sec.body_start : sec.body_end]
            stripped = body.strip()
            if not stripped:
                continue
            start = sec.body_start + body.index(stripped[0])
            end = start + len(stripped)
        if is_placeholder(body):
            title = sec.title or "(untitled)"
            yield Hit(
                RULE.id,
                start,
                end,
                f"The “{title}” section holds only a placeholder “{posting.text[start:end].strip()}”; "
                "write the section or remove the heading.",
            )
