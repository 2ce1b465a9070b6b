"""pay-transparency: a posting open to a place with a pay-transparency law, but no pay range.

Which places have such a law, since when, for which employers, and whether
one figure is enough all come from rules/shared/jurisdictions.yaml. This module
only joins three facts: the laws of the places the posting is open to
(facts.places: `job_places`, `laws_for`), when it was posted
(context.as_of), and what pay it states (facts.pay).
"""

from __future__ import annotations

from jdlint.facts import law_table
from jdlint.facts import laws as law_data
from jdlint.facts.anchor import anchor
from jdlint.facts.pay import OPEN, RANGE, SINGLE, find_pay
from jdlint.facts.places import JobPlace, job_places, laws_for
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

MAX_NAMED = 3  # laws named in full in one message; the rest are counted


RULE = Rule(
    id="pay-transparency",
    category="compliance",
    severity=Severity.ERROR,
    summary="A posting open to a place with a pay-transparency law gives no pay range.",
    explain=(
        "Many US states and cities, and British Columbia and Ontario, require a job posting to state "
        "the pay: a minimum and a maximum, or under some laws one set rate. jdlint finds where the "
        "posting is open to (front matter location fields, `Location:` lines, location headings such as "
        "`#### San Francisco, CA`, phrases like “Remote (US)”, “remote within the United States”, "
        "“open to candidates in Colorado”, “offices in Seattle”) and checks each law in force on "
        "the posting's date (front matter `date`/`posted`, a “Date Posted:” line, else --as-of, else "
        "today). A remote role open anywhere in the US falls under every law that covers remote work. "
        "Not read as this job's place: the company's base (“Based in Austin, TX, Acme builds …”), a "
        "job board's list of other jobs (“Similar jobs”, “People also viewed”, search results), and "
        "a short page that holds no posting (“Page not found”, “this position has been filled”; "
        "rules/shared/pages.yaml).\n\n"
        "A range is two figures: “$120,000 – $150,000”, “$120k-150k”, “$45–$60/hour”, "
        "“€60.000–75.000”, “between $X and $Y”, a table row, or front matter "
        "`salary_min`/`salary_max`. “Competitive”, “DOE”, “up to $X” and “$X+” never "
        "count. One figure counts only where the law accepts a set rate (`fixed_rate` in the data).\n\n"
        "Configuration: `employer.size` skips laws whose employee threshold is higher; "
        "`jurisdictions.ignore` skips laws by id; `per-path-ignores` turns the rule off for some paths.\n\n"
        "Laws known (rules/shared/jurisdictions.yaml; `jdlint laws` shows their status on a date):\n"
        + law_table.law_lines("shared/jurisdictions.yaml")
    ),
    source=(
        "The statutes in rules/shared/jurisdictions.yaml, e.g. C.R.S. § 8-5-201 and 7 CCR 1103-18; Cal. Lab. Code "
        "§ 432.3(c); RCW 49.58.110; N.Y. Labor Law § 194-b; NYC Admin. Code § 8-107(32); "
        "820 ILCS 112/10; B.C. Pay Transparency Act s. 2; the addresses of the pages read are listed with each "
        "law above and by `jdlint laws`. Not legal advice."
    ),
    fix_hint="State a good-faith minimum and maximum, e.g. “Salary: $120,000 – $150,000 per year”.",
    bad_examples=(
        "Location: Denver, CO. Competitive salary and great benefits.",
        "Location: Seattle, WA. Pay: up to $150,000.",
        "Remote (US). Salary DOE.",
        "This role is remote within the United States. Salary: $100k+",
    ),
    good_examples=(
        "Location: Denver, CO. Salary: $120,000 – $150,000 per year.",
        "Remote (US). Pay: $45–$60/hour.",
        "Location: Berlin, Germany. Competitive salary.",
        "Location: Los Angeles, CA. Pay rate: $28.50 per hour.",
    ),
)


@hookimpl
def jdlint_rules():
    return [RULE]


def _applicable(places: tuple[JobPlace, ...], context) -> dict[str, JobPlace]:
    """Law id -> the first place that brings it in, for laws in force, in scope and not ignored."""
    laws = law_data.by_id()
    ignored = set(context.config.jurisdictions.get("ignore") or ())
    size = context.config.employer.get("size")
    return {
        lid: place
        for lid, place in laws_for(places, context.as_of).items()
        if lid not in ignored and laws[lid].covers_size(size)
    }


def _phrase(law: law_data.Law) -> str:
    return f"{law.name} ({law.law}, since {law.effective})"


def _message(failing: list[law_data.Law], places: dict[str, JobPlace], pays: list, posting) -> str:
    first = failing[0]
    place = places[first.id]
    quoted = posting.text[place.start : place.end].strip() or place.name
    if place.remote:
        where = f"The posting is open to remote work (“{quoted}”), so {first.name}'s law applies"
    else:
        where = f"The posting is open to {first.name} (“{quoted}”)"
    msg = f"{where}: {first.law}, in force since {first.effective}, requires {first.disclose}. No pay range was found"
    opened = [p for p in pays if p.kind == OPEN]
    singles = [p for p in pays if p.kind == SINGLE]
    if opened:
        msg += f"; “{posting.text[opened[0].start : opened[0].end]}” is open-ended, which no law accepts"
    elif singles and not first.fixed_rate:
        one = posting.text[singles[0].start : singles[0].end]
        msg += f"; one figure (“{one}”) is not a range under this law"
    msg += ". Add a minimum and a maximum, e.g. “$120,000 – $150,000 per year”."
    others = failing[1:]
    if others:
        named = ", ".join(_phrase(law) for law in others[:MAX_NAMED])
        more = f" and {len(others) - MAX_NAMED} more" if len(others) > MAX_NAMED else ""
        msg += f" Also required by: {named}{more}."
    return msg


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or not context.profile.is_posting:  # no job to judge on other pages
        return
    places = job_places(posting)
    if not places:
        return
    applicable = _applicable(places, context)
    if not applicable:
        return
    pays = find_pay(posting)
    has_range = any(p.kind == RANGE for p in pays)
    has_single = any(p.kind == SINGLE for p in pays)
    laws = law_data.by_id()
    failing = [laws[lid] for lid in applicable if not (has_range or (laws[lid].fixed_rate and has_single))]
    if not failing:
        return
    failing.sort(key=lambda law: (applicable[law.id].remote, applicable[law.id].start))
    place = applicable[failing[0].id]
    if place.end > place.start:
        start, end = place.start, place.end
    else:
        start, end = anchor(posting, ("compensation", "benefits"))
    yield Hit(RULE.id, start, end, _message(failing, applicable, pays, posting))
