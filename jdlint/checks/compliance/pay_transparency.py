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
from jdlint.facts.pay import OPEN, RANGE, SINGLE, Pay, benefits_described, find_pay
from jdlint.facts.places import JobPlace, job_places, laws_for
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

MAX_NAMED = 3  # laws named in full in one message; the rest are counted


MIXED_EXAMPLE = "€60,000 – €75,000 per year"


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
        "European and Canadian forms count too: “€ 55.000 – 65.000”, “1.234,56”, “60 000 EUR”, "
        "“CA$70,000 – CA$85,000”, “RAL 35.000 – 45.000 €”, “Jahresgehalt”, “brutto”, “14x jährlich”. "
        "Austria (GlBG § 9(2)) asks every ad for the minimum pay under the collective agreement per "
        "period and whether more may be paid: “Bruttomonatsgehalt ab EUR 3.954,00 (14x jährlich) … "
        "Bereitschaft zur Überzahlung” or “a gross monthly salary starting at EUR 4.000 … willing to pay "
        "an appropriate overpayment” satisfies it (`minimum_ok`). Italy, Lithuania and Slovakia require "
        "the pay in the ad (an error without it); Poland and Malta let it come before the interview or "
        "the contract, so a posting there gets advice (info), not an error (`timing`). A posting open "
        "in several countries (a list of cities across Europe) gets advice that names no law, since "
        "which country's law governs the job is not said. Laws still in the making are recorded but "
        "never applied (`status`).\n\n"
        "Connecticut (from 2026-10-01) also asks for a general description of the benefits: a posting "
        "there with a range but no named benefit (“health insurance”, “401(k)”, “paid time off”; "
        "rules/shared/benefits.yaml) is flagged. New Jersey's proposed rules would cap a range's top at "
        "160% of its bottom: a wider range gets advice (info) marked as a proposed rule.\n\n"
        "Configuration: `employer.size` skips laws whose employee threshold is higher; "
        "`jurisdictions.ignore` skips laws by id; `per-path-ignores` turns the rule off for some paths.\n\n"
        "Laws known (rules/shared/jurisdictions.yaml; `jdlint laws` shows their status on a date):\n"
        + law_table.law_lines("shared/jurisdictions.yaml")
    ),
    source=(
        "The statutes in rules/shared/jurisdictions.yaml, e.g. C.R.S. § 8-5-201 and 7 CCR 1103-18; Cal. Lab. Code "
        "§ 432.3(c); RCW 49.58.110; N.Y. Labor Law § 194-b; NYC Admin. Code § 8-107(32); "
        "820 ILCS 112/10; B.C. Pay Transparency Act s. 2; Austria's GlBG § 9(2); Directive (EU) 2023/970 Art. 5 as "
        "transposed by the member states; the addresses of the pages read are listed with each law above and by "
        "`jdlint laws`. Not legal advice."
    ),
    fix_hint="State a good-faith minimum and maximum, e.g. “Salary: $120,000 – $150,000 per year”.",
    bad_examples=(
        "Location: Denver, CO. Competitive salary and great benefits.",
        "Location: Seattle, WA. Pay: up to $150,000.",
        "Remote (US). Salary DOE.",
        "This role is remote within the United States. Salary: $100k+",
        "Location: Vienna, Austria. Attraktives Gehalt und Benefits.",
        "Location: Hartford, CT. Salary: $80,000 – $95,000. Great benefits!",
    ),
    good_examples=(
        "Location: Denver, CO. Salary: $120,000 – $150,000 per year.",
        "Remote (US). Pay: $45–$60/hour.",
        "Location: Berlin, Germany. Competitive salary.",
        "Location: Los Angeles, CA. Pay rate: $28.50 per hour.",
        "Location: Vienna, Austria. A gross monthly salary starting at EUR 4.000, with an appropriate overpayment.",
        "Location: Milan, Italy. RAL € 38.000 – 45.000.",
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


def _since(law: law_data.Law) -> str:
    if law.in_force_since and law.in_force_since != law.effective:
        return f"in force since {law.in_force_since} and enforced since {law.effective}"
    return f"in force since {law.effective}"


def _pay_ok(law: law_data.Law, pays: list[Pay]) -> bool:
    """A range always; one figure where the law accepts a set rate; a stated minimum where it asks for one."""
    return any(
        p.kind == RANGE or (p.kind == SINGLE and law.fixed_rate) or (p.kind == OPEN and p.floor and law.minimum_ok)
        for p in pays
    )


def _where(law: law_data.Law, place: JobPlace, posting) -> str:
    quoted = posting.text[place.start : place.end].strip() or place.name
    if place.remote:
        return f"The posting is open to remote work (“{quoted}”), so {law.name}'s law applies"
    return f"The posting is open to {law.name} (“{quoted}”)"


def _ask(law: law_data.Law) -> str:
    if law.minimum_ok:
        return f"State the minimum pay per period (or a range), e.g. “{law.example}”."
    return f"Add a minimum and a maximum, e.g. “{law.example}”."


BENEFITS_EXAMPLE = "health, dental and vision insurance, a 401(k) with a 4% match, 20 days of paid time off"


def _message(failing: list[law_data.Law], places: dict[str, JobPlace], pays: list, posting, benefits: bool) -> str:
    first = failing[0]
    msg = f"{_where(first, places[first.id], posting)}: {first.law}, {_since(first)}, requires {first.disclose}."
    if _pay_ok(first, pays):
        msg += (
            " The pay is stated, but no benefits are described (“great benefits” names none): add a general "
            f"description of the benefits, e.g. “{BENEFITS_EXAMPLE}”."
        )
    else:
        msg += " No pay was found" if first.minimum_ok else " No pay range was found"
        opened = [p for p in pays if p.kind == OPEN and not (p.floor and first.minimum_ok)]
        singles = [p for p in pays if p.kind == SINGLE]
        if opened:
            msg += f"; “{posting.text[opened[0].start : opened[0].end].strip()}” is open-ended, which no law accepts"
        elif singles and not first.fixed_rate:
            one = posting.text[singles[0].start : singles[0].end].strip()
            msg += f"; one figure (“{one}”) is not a range under this law"
        msg += ". " + _ask(first)
        if first.benefits and not benefits:
            msg += " The benefits must be described too (health insurance, retirement plan, paid time off …)."
    others = failing[1:]
    if others:
        named = ", ".join(_phrase(law) for law in others[:MAX_NAMED])
        more = f" and {len(others) - MAX_NAMED} more" if len(others) > MAX_NAMED else ""
        msg += f" Also required by: {named}{more}."
    return msg


def _advice(law: law_data.Law, place: JobPlace, pays: list[Pay], posting) -> str:
    """A law that lets the pay come before the interview: no violation is claimed."""
    opened = next((p for p in pays if p.kind == OPEN), None)
    if opened is not None:
        found = f"The posting states only an open-ended figure (“{posting.text[opened.start : opened.end].strip()}”)"
    else:
        found = "No pay was found in the posting"
    return (
        f"{_where(law, place, posting)}: {law.law}, {_since(law)}, asks for {law.disclose}. {found}; that is "
        f"allowed if the pay is given later, but stating it here meets the duty at once, e.g. “{law.example}”."
    )


def _unsure(places: tuple[JobPlace, ...], posting) -> str:
    """A posting open in several countries: which law governs the job is not said, so none is named."""
    named = [f"“{posting.text[p.start : p.end].strip() or p.name}”" for p in places[:3]]
    more = ", …" if len(places) > 3 else ""
    return (
        f"The posting is open in several countries ({', '.join(named)}{more}), some of which require the pay "
        "in job ads; which country's law governs this job the posting does not say. Consider stating the "
        f"pay or its range, e.g. “{MIXED_EXAMPLE}”."
    )


def _span(posting, place: JobPlace) -> tuple[int, int]:
    if place.end > place.start:
        return place.start, place.end
    return anchor(posting, ("compensation", "benefits"))


def _too_wide(law: law_data.Law, pays: list[Pay], posting, as_of) -> Hit | None:
    """A range wider than the law's limit (New Jersey's proposed 60%): advice while the limit is proposed."""
    width = law.width
    if width is None or (width.since and as_of < width.since):
        return None
    wide = next((p for p in pays if p.kind == RANGE and p.high > p.low * width.max_ratio), None)
    if wide is None:
        return None
    shown = posting.text[wide.start : wide.end].strip()
    percent = round((width.max_ratio - 1) * 100)
    proposed = width.status == "proposed"
    msg = (
        f"The range “{shown}” has a top {round((wide.high / wide.low - 1) * 100)}% above its bottom. "
        f"{'Proposed rules' if proposed else 'The rules'} for {law.name} ({width.law}) "
        f"{'would limit' if proposed else 'limit'} a posted range to {percent}% above its bottom"
        f"{' (a proposed rule, not final: advice only)' if proposed else ''}. Consider a narrower good-faith range."
    )
    return Hit(RULE.id, wide.start, wide.end, msg, severity=Severity.INFO if proposed else None)


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
    laws = law_data.by_id()
    countries = {p.country for p in places if p.country}
    errors: list[law_data.Law] = []
    advice: list[law_data.Law] = []
    unsure = False
    for lid, place in applicable.items():
        law = laws[lid]
        if _pay_ok(law, pays) and (not law.benefits or benefits_described(posting)):
            continue
        if place.jurisdictions[0] == "EU" and len(countries) > 1:
            unsure = True  # a European law, but the job may be done in several countries: name none
        elif law.in_ad:
            errors.append(law)
        else:
            advice.append(law)
    if errors:
        errors.sort(key=lambda law: (applicable[law.id].remote, applicable[law.id].start))
        start, end = _span(posting, applicable[errors[0].id])
        # the benefits are read only for a law that asks for them (one so far): the scan is a long regex
        benefits = errors[0].benefits and benefits_described(posting)
        yield Hit(RULE.id, start, end, _message(errors, applicable, pays, posting, benefits))
    for law in advice:
        start, end = _span(posting, applicable[law.id])
        yield Hit(RULE.id, start, end, _advice(law, applicable[law.id], pays, posting), severity=Severity.INFO)
    if unsure:
        european = tuple(p for p in places if p.jurisdictions[0] == "EU" or p.country)
        start, end = _span(posting, european[0])
        yield Hit(RULE.id, start, end, _unsure(european, posting), severity=Severity.INFO)
    for lid in applicable:
        hit = _too_wide(laws[lid], pays, posting, context.as_of)
        if hit:
            yield hit
