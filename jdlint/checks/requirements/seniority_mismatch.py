"""seniority-mismatch: a title's level contradicts the years of experience asked.

A "Junior" or "Graduate" role asking for five or more years, or a "Senior"
or "Staff" role asking for under two, is either mis-titled or mis-specified.
The title is the posting profile's (front matter, first heading, a `Job Title:`
field, the first line, else the file name: jdlint/facts/title.py); the words and their
exceptions are in `rules/shared/requirements.yaml`.
"""

from __future__ import annotations

import re

from jdlint.facts.requirements import analyse, seniority_spec
from jdlint.facts.title import FROM_FILE_NAME
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="seniority-mismatch",
    category="requirements",
    severity=Severity.WARNING,
    summary="The title's level contradicts the years of experience asked.",
    explain=(
        "Entry-level titles that demand five or more years shut out the people the role is "
        "named for, and senior titles that ask for under two years mislead about the level "
        "(and the pay) of the job. Align the title with the experience really needed."
    ),
    source="jdlint requirement checks; common level ladders (junior 0-2 years, senior 5+).",
    fix_hint="Change the title, or the years asked, so that they agree.",
    bad_examples=(
        "# Junior Data Analyst\n## Requirements\n- 5+ years of SQL",
        "# Senior Backend Engineer\n## Requirements\n- 1+ year of professional experience",
    ),
    good_examples=(
        "# Junior Data Analyst\n## Requirements\n- 1+ year of SQL",
        "# Associate Director of Data\n## Requirements\n- 8+ years of experience",
    ),
)


def title_level(title: str) -> str | None:
    """`junior`, `senior` or None for a posting title; None when it says both or neither."""
    spec = seniority_spec()
    low = " " + " ".join(re.findall(r"[\w'.+-]+", title.lower().replace("’", "'"))) + " "
    found = set()
    for level in ("junior", "senior"):
        text = low
        for phrase in spec[level].get("except", []):
            text = text.replace(" " + phrase.lower() + " ", " ")
        if any(" " + w.lower() + " " in text for w in spec[level]["words"]):
            found.add(level)
    return found.pop() if len(found) == 1 else None


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    title, source = context.profile.title, context.profile.title_source
    level = title_level(title) if title else None
    if level is None:
        return
    named = f"The title “{title}”" + (" (from the file name)" if source == FROM_FILE_NAME else "")
    spec = seniority_spec()
    reqs = [r for r in analyse(posting, context.lemma_doc).of_kind("required", "summary") if not r.alternative]
    demands = sorted((d for r in reqs for d in r.years), key=lambda d: d.start)
    if not demands:
        return
    text = posting.text
    if level == "junior":
        limit = spec["junior_max_years"]
        for d in demands:
            if d.low >= limit:
                yield Hit(
                    RULE.id,
                    d.start,
                    d.end,
                    f"{named} is entry level, but this asks for “{d.label(text)}”; "
                    "lower the years or change the title.",
                )
                return
    else:
        floor = spec["senior_min_years"]
        role = [d for d in demands if not d.subject]
        if role and max(d.low for d in demands) < floor:
            d = role[0]
            yield Hit(
                RULE.id,
                d.start,
                d.end,
                f"{named} is senior, but the role asks for only “{d.label(text)}”; "
                "raise the years or change the title.",
            )
