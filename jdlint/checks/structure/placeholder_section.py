"""placeholder-section: a section whose whole body, or whose heading, is a placeholder.

Catches the forms seen in real postings: a heading followed by nothing but
`TBD` (GitLab's `#### Staff Requirements` / `- TBD`), an inline label with a
placeholder value (`Staff Requirements: TBD`, `**Salary:** TBD`), and a
heading whose own text is a placeholder (a scraped board's `### None`).
"""

from __future__ import annotations

import re

from jdlint.facts.placeholders import is_placeholder_title, placeholder_body
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="placeholder-section",
    category="structure",
    severity=Severity.ERROR,
    summary="A section whose whole body is a placeholder such as TBD, TODO or N/A.",
    explain=(
        "A heading promises content. When all it holds is `TBD` the posting was published "
        "unfinished: candidates cannot tell what the role asks of them, and for required "
        "sections (requirements, pay) the posting may be misleading or non-compliant. "
        "`None` and `N/A` count only under headings every posting must fill in "
        "(requirements, duties, pay, benefits): under `Supervisory responsibilities` or "
        "`Travel` they are real answers."
    ),
    source="jdlint structure checks; seen in published postings (GitLab's Staff Backend Engineer page).",
    fix_hint="Write the section, or delete the heading until there is something to say.",
    bad_examples=(
        "#### Staff Requirements\n- TBD",
        "Staff Requirements: TBD",
        "**Salary:** TBD",
        "## Benefits\nComing soon",
        "### None",
    ),
    good_examples=(
        "## Requirements\n- 5+ years of Go",
        "Location: Remote (TBD after onboarding, see FAQ)",
        "## Salary\n$120,000 – $150,000",
        "Supervisory responsibilities: None",
    ),
)

_PSEUDO = ("plain", "emphasis")
_MARKER = re.compile(r"(?:[ \t]*(?:>|[-*+•]|\d{1,3}[.)])[ \t]+)+")


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or context.profile.is_template:  # a template's placeholders are meant
        return
    text = posting.text
    sections = posting.sections
    children = {s.parent for s in sections}
    prev = -1  # the previous block (non-inline) section
    for i, sec in enumerate(sections):
        if sec.is_preamble:
            continue
        if sec.style == "inline":
            word = placeholder_body(text[sec.body_start : sec.body_end], sec.kind, sec.title)
            if word:
                yield _hit(posting, sec.title, sec.body_start, sec.body_end)
            continue
        before, prev = prev, i
        if is_placeholder_title(sec.title):
            hit = _placeholder_heading(posting, before, i)
            if hit is not None:
                yield hit
            continue
        if i in children:
            continue
        body = text[sec.body_start : sec.body_end]
        if placeholder_body(body, sec.kind, sec.title, dashes=sec.style == "atx"):
            yield _hit(posting, sec.title, *_content_span(body, sec.body_start))


def _placeholder_heading(posting, before: int, i: int) -> Hit | None:
    """`### None` is a leftover heading; a plain `NONE` line under a heading is that heading's body."""
    sec = posting.sections[i]
    if sec.style in _PSEUDO and before > 0:
        owner = posting.sections[before]
        if not posting.text[owner.body_start : sec.heading_start].strip(" \t\n*_#"):
            # the parser read a one-word body line as a heading; judge it as the body it is
            if placeholder_body(sec.title, owner.kind, owner.title):
                return _hit(posting, owner.title, sec.heading_start, sec.heading_end)
            return None
    if sec.style in _PSEUDO and not placeholder_body(sec.title):
        return None  # a stray `NONE` line in running text says nothing about structure
    return Hit(
        RULE.id,
        sec.heading_start,
        sec.heading_end,
        f"The heading “{sec.title}” is itself a placeholder; give it a real title or remove it.",
    )


def _content_span(body: str, base: int) -> tuple[int, int]:
    """The span of a body's words, without the bullet before the first one."""
    stripped = body.strip()
    start = body.index(stripped[0])
    line_end = body.find("\n", start)
    first = body[start : line_end if line_end != -1 else len(body)]
    marker = _MARKER.match(first)
    if marker and marker.end() < len(first.rstrip()):
        start += marker.end()
    return base + start, base + len(body.rstrip())


def _hit(posting, title: str, start: int, end: int) -> Hit:
    shown = " ".join(posting.text[start:end].split())
    return Hit(
        RULE.id,
        start,
        end,
        f"The “{title or '(untitled)'}” section holds only the placeholder “{shown}”; "
        "write the section or remove the heading.",
    )
