"""citizenship-restriction: "US citizens only", "green card holders only" without a stated legal basis.

A word list cannot decide this rule: the same limit is lawful when a law,
an export-control regulation (ITAR/EAR), a security clearance or a
government contract requires it, and the posting says so. So a limit is
flagged only when neither its sentence nor its section names such a basis.
A work-authorization statement ("must be authorized to work in the US") is
not a citizenship limit and is never flagged. Word lists: rules/bias/citizenship-restriction.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from jdlint import data
from jdlint.facts.surroundings import section_span, sentence_span
from jdlint.hookspecs import hookimpl
from jdlint.match import Pattern, lazy_compile, phrases
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="citizenship-restriction",
    category="bias",
    languages=("en",),  # English word lists
    severity=Severity.WARNING,
    summary="Citizenship or immigration-status limits (“US citizens only”) without a stated legal basis.",
    explain=(
        "Limiting a job to citizens, or to green-card holders, turns away lawful workers: refugees, "
        "asylees, permanent residents and people with work visas. In the US that is citizenship-status "
        "discrimination under the Immigration and Nationality Act unless a law, regulation, executive "
        "order or government contract requires it; the Department of Justice has settled many cases over "
        "“U.S. citizens only” ads. When such a requirement exists (export controls under ITAR or EAR, a "
        "security clearance, a government contract, a statute), say so next to the limit. A statement "
        "that candidates must be authorized to work is a different thing and is not flagged."
    ),
    source=(
        "Immigration and Nationality Act, 8 U.S.C. § 1324b(a)(1)(B) and (a)(2)(C); DOJ Civil Rights "
        "Division, Immigrant and Employee Rights Section; ITAR 22 C.F.R. §§ 120-130; EAR 15 C.F.R. "
        "§§ 730-774; UK Equality Act 2010 s.9."
    ),
    fix_hint=(
        "Ask for authorization to work (“must be authorized to work in the US”), or name the law or "
        "contract that requires citizenship."
    ),
    bad_examples=("US citizens only.", "Green card holders preferred.", "Candidates must be a U.S. citizen."),
    good_examples=(
        "Must be a US citizen to obtain a security clearance.",
        "Because of ITAR export controls, applicants must be US persons.",
        "Must be authorized to work in the US.",
    ),
)

_WORK_AUTH_ALTERNATIVE = lazy_compile(
    r"\bor\b[^.;\n]{0,80}?\b(?:authori[sz]ed|eligible|legally able|permitted|entitled|right)\s+(?:to\s+)?work\b"
    r"|\bor\b[^.;\n]{0,40}?\bwork\s+(?:authori[sz]ation|permit|visa)\b",
    re.IGNORECASE,
)


@cache
def _patterns() -> tuple[Pattern, Pattern, tuple[str, ...]]:
    spec = data.load("bias/citizenship-restriction.yaml")
    # a nationality (any run of whitespace for a space), bounded by the regexes it is put in
    nat = phrases(spec["nationalities"], not_before=None, not_after=None, gaps={" ": r"\s+"}).source
    country = rf"(?:(?:the\s+)?(?:{nat})\s+)?"
    gc = r"green[\s-]?cards?(?:\s+holders?)?"
    pr = r"(?:lawful\s+)?permanent\s+residen(?:ts?|cy|ce)"
    status = rf"(?:{country}citizens?|{gc}|{pr}|{country}nationals?)"
    limits = [
        # "US citizens only", "citizens or green card holders only", "green card holders preferred"
        rf"{status}(?:\s*(?:,|or|and|/|&)\s*{status}){{0,2}}\s+(?:only|preferred|required|strongly\s+preferred)\b",
        # "only US citizens", "open only to US citizens"
        rf"\bonly\s+(?:to\s+)?{status}",
        # "must be a U.S. citizen", "must hold a green card", "must be a citizen of the United States"
        rf"\b(?:must|shall|should|required\s+to|need\s+to)\s+(?:be|hold|have|possess)\s+(?:an?\s+)?{status}",
        # "US citizenship required", "requires US citizenship", "citizenship is mandatory"
        rf"{country}citizenship\s*(?:is\s+|\(|:\s*)?(?:required|mandatory|a\s+must|necessary|needed)\b\)?",
        rf"\brequires?\s+{country}citizenship\b",
        rf"{country}citizenship\s+(?:is\s+)?(?:a\s+)?(?:requirement|condition\s+of\s+employment)\b",
    ]
    # searched only near the words every limit names a status with ("citizen", "green", "permanent"…)
    limit = Pattern(r"(?<![\w-])(?:" + "|".join(f"(?:{x})" for x in limits) + r")", re.IGNORECASE)
    basis = phrases(spec["legal_basis"], acronyms=True)
    return limit, basis, tuple(spec.get("suggest", ()))


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    limit, basis, suggest = _patterns()
    text = posting.analysis
    for m in limit.finditer(posting):
        s, e = m.start(), m.end()
        while e > s and not text[e - 1].isalnum():
            e -= 1  # no trailing space or parenthesis in the span
        if context.in_eeo(s):
            continue
        s0, s1 = sentence_span(posting, s)
        if _WORK_AUTH_ALTERNATIVE.search(text, e, s1):
            continue  # "US citizen or authorized to work in the US": not a citizenship limit
        if basis.search(posting, s0, s1):
            continue
        c0, c1 = section_span(posting, s)
        if basis.search(posting, c0, c1):
            continue
        yield Hit(
            RULE.id,
            s,
            e,
            f"“{posting.text[s:e]}” limits the job by citizenship or immigration status without saying which law, "
            "clearance or contract requires it.",
            suggest,
        )
