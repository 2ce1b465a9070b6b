"""eeo-statement: the posting has no equal-opportunity or non-discrimination statement.

An equal-opportunity line tells candidates from every group that they will
be considered on their merits. US federal contractors were long required
to carry one (EO 11246, revoked in 2025; the VEVRAA veteran statement is
still required); elsewhere it is good practice. Phrasings:
rules/shared/statements.yaml.
"""

from __future__ import annotations

from jdlint.facts.statements import report_missing
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="eeo-statement",
    category="compliance",
    severity=Severity.INFO,
    summary="No equal-opportunity or non-discrimination statement.",
    explain=(
        "Postings usually close with an equal-opportunity statement: “We are an equal opportunity "
        "employer; all qualified applicants receive consideration without regard to race, color, "
        "religion, sex, sexual orientation, gender identity, national origin, age, disability or veteran "
        "status.” Federal law does not require the words “equal opportunity employer”, but federal "
        "contractors must still invite protected veterans (VEVRAA), many state and city laws add "
        "protected traits, and candidates from under-represented groups read the statement as a signal. "
        "EO 11246's tagline was revoked by EO 14173 in 2025; whether a contract still requires it depends "
        "on its date. Recognised: “equal opportunity employer”, “EEO”, “EOE”, “without regard "
        "to”, “regardless of race/gender/…”, “does not discriminate”, “non-discrimination”, "
        "“affirmative action”, “protected veteran”, “we welcome applications from all backgrounds”; in "
        "German postings “unabhängig von Geschlecht, Nationalität, …”, “AGG”, “Chancengleichheit”, "
        "“Vielfalt … begrüßen”."
    ),
    source=(
        "EO 11246 tagline (FAR 52.222-26, 41 CFR 60-1.4(a)), revoked by EO 14173; VEVRAA (41 CFR 60-300.5); "
        "EEOC on help-wanted ads, 42 U.S.C. § 2000e-3(b) (eeoc.gov/node/130367)."
    ),
    fix_hint=(
        "Add a closing line, e.g. “We are an equal opportunity employer and welcome applicants regardless "
        "of race, color, religion, sex, sexual orientation, gender identity, national origin, age, disability "
        "or veteran status.”"
    ),
    bad_examples=("# Data Engineer\n\nBuild pipelines in Go. Health insurance and 30 days of leave.",),
    good_examples=(
        "Docker embraces diversity and equal opportunity.",
        "All qualified applicants will receive consideration without regard to race, color, religion or sex.",
        "We do not discriminate on the basis of age, disability or national origin.",
    ),
)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    yield from report_missing(posting, context, RULE.id, "eeo")
