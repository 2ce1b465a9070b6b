"""invalid-front-matter: YAML front matter that does not parse, or is not a mapping.

The parser records the problem (`Posting.front_matter_error`) instead of
failing, so the body is still linted; this rule only reports it where the
YAML error is.
"""

from __future__ import annotations

from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="invalid-front-matter",
    category="structure",
    severity=Severity.ERROR,
    summary="Front matter that is not valid YAML, or not a mapping of keys.",
    explain=(
        "Site generators and job boards read the title, date and location from the front "
        "matter. When it does not parse, those fields are silently lost (or the page fails "
        "to build), and jdlint cannot use the posting's date or title either. The body is "
        "still checked."
    ),
    source="YAML 1.1 as read by PyYAML `safe_load`; Jekyll/Hugo front-matter conventions.",
    fix_hint="Fix the YAML at the reported line: quote values containing `: ` or starting with `@`, `*`, `[`.",
    bad_examples=("---\ntitle: Engineer: Backend\n---", "---\n- just\n- a list\n---"),
    good_examples=("---\ntitle: 'Engineer: Backend'\n---", "---\ntitle: Engineer\nlocation: Remote\n---"),
)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    error = posting.front_matter_error
    if not error or not context.enabled(RULE.id):
        return
    message, line = error
    lines = posting.lines
    line = max(1, min(int(line), lines.line_count))
    start, end = lines.line_span(line)
    if end <= start:  # a blank line: point at the opening delimiter instead
        start, end = lines.line_span(1)
    yield Hit(RULE.id, start, end, message[:1].upper() + message[1:] + "; the front matter is ignored.")
