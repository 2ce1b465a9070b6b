"""visa-statement: the posting says nothing about visa sponsorship or work authorization.

Candidates who need a visa (and those who do not) decide whether to apply
on this one line; a posting that is silent wastes both sides' time. Any
statement counts, whichever way it goes: "we sponsor visas", "visa
sponsorship is not available", "must be authorized to work in the US",
"right to work in the UK". Phrasings: rules/shared/statements.yaml.
"""

from __future__ import annotations

from jdlint.facts.statements import report_missing
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="visa-statement",
    category="compliance",
    severity=Severity.WARNING,
    summary="No statement on visa sponsorship or work authorization.",
    explain=(
        "Say whether the role can sponsor a work visa or needs existing work authorization. Candidates "
        "on a visa otherwise apply and are rejected late, or do not apply to a role that would have "
        "sponsored them. US law lets an employer state that it will not sponsor and ask every applicant "
        "whether they will need sponsorship, but not limit a role to citizens or green-card holders "
        "without a legal basis (see `citizenship-restriction`). In the UK, say whether Skilled Worker "
        "sponsorship is available; right-to-work checks happen at the offer stage. Recognised: “we "
        "sponsor visas”, “visa sponsorship is (not) available”, “considers visa sponsorship on a "
        "case-by-case basis”, “must be authorized to work in the US”, “right to work in the UK”, "
        "“we are unable to sponsor”, “H-1B transfer”, “work permit”, “E-Verify”. “Eligible to work” counts "
        "only with a place or “for any employer” (“allowed to work up to 988 hours” and “remote work "
        "eligibility” are not statements). A requirement to be a registered voter (“must be a registered "
        "voter in the State of Florida”, common for election offices) is accepted: only citizens can "
        "register, so it tells every applicant where they stand. In German postings: “Arbeitserlaubnis”, "
        "“Aufenthaltstitel”, “Arbeitsbewilligung”, “Rot-Weiß-Rot-Karte”, “Blaue Karte EU”."
    ),
    source=(
        "8 U.S.C. § 1324b (INA § 274B) and the DOJ Office of Special Counsel letter (2010) on "
        "sponsorship statements; UK Home Office right-to-work code of practice on avoiding unlawful "
        "discrimination (gov.uk/government/publications/"
        "right-to-work-checks-code-of-practice-on-avoiding-discrimination)."
    ),
    fix_hint=(
        "Add one sentence for the country the job is in, e.g. in the US “Visa sponsorship is not available for "
        "this role; you must be authorized to work in the US.”, in the UK “Skilled Worker sponsorship is "
        "available for this role.” The finding's message gives wording for the place jdlint found."
    ),
    bad_examples=("# Data Engineer\n\nBuild pipelines in Go. Health insurance and 30 days of leave.",),
    good_examples=(
        "Docker considers visa sponsorship on a case-by-case basis based on business needs.",
        "You must be authorized to work in the US.",
        "Candidates must have the right to work in the UK.",
        "We are unable to sponsor visas for this role.",
        "H-1B transfers are welcome.",
    ),
)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    yield from report_missing(posting, context, RULE.id, "visa")
