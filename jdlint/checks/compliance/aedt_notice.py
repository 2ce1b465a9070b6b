"""aedt-notice: a posting that uses an automated hiring tool without the notice NYC Local Law 144 asks for.

Triggered when the text says candidates are screened, scored, ranked or
assessed by an automated, AI, algorithmic or machine-learning tool, or
names such a product in a sentence about hiring; or when the configuration
says the employer uses one (`employer.uses_aedt: true`) and the posting is
open to New York City. The message names every element of the notice that
is missing. Patterns and elements live in rules/compliance/aedt-notice.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts.anchor import first_line
from jdlint.facts.places import job_places, laws_of
from jdlint.hookspecs import hookimpl
from jdlint.match import Pattern, phrases
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

RULE = Rule(
    id="aedt-notice",
    category="compliance",
    severity=Severity.ERROR,
    summary="An automated hiring tool is used, but the notice the job's place requires is incomplete.",
    explain=(
        "New York City's Local Law 144 of 2021 lets an employer use an automated employment decision "
        "tool (AEDT: machine learning, statistics, analytics or AI whose score, ranking or recommendation "
        "substantially assists a hiring or promotion decision) only after an independent bias audit, "
        "with a public summary of its results, and with a notice to candidates. jdlint looks for a "
        "posting that says candidates are screened, scored, ranked or assessed by such a tool or names "
        "one (Covey, HireVue, pymetrics …), or, with `employer.uses_aedt: true` in the configuration, any "
        "posting open to New York City. It then checks the notice for each element and names every one "
        "that is missing: that an AEDT is used; the job qualifications and characteristics it assesses; "
        "the date of the latest bias audit and where its summary is published; the type, source and "
        "retention of the data (or how to request them); and how to ask for an alternative selection "
        "process or a reasonable accommodation. Postings dated before enforcement began (2023-07-05) "
        "are not checked. The law is cited only for a job open to New York City (or a notice that says it "
        "is for NYC jobs); for a job elsewhere, or one whose place jdlint cannot tell, the finding is "
        "info-level advice that names no law, since the duties differ by place (Ontario asks only that a "
        "posting say whether AI screens applicants; Illinois's and Colorado's notices are not posting "
        "duties in force)."
    ),
    source=(
        "NYC Admin. Code §§ 20-870 to 20-874 (Local Law 144 of 2021); DCWP rules 6 RCNY §§ 5-300 to "
        "5-304 (LAWS.md §3). Not legal advice."
    ),
    fix_hint=(
        "Add the notice to the posting or link the careers page that carries it: the tool and what it "
        "assesses, the bias-audit date and summary link, data type/source/retention, and a contact for "
        "an alternative process or accommodation."
    ),
    bad_examples=(
        "Applications are screened using an AI tool.",
        "We use HireVue to assess candidates' video interviews.",
    ),
    good_examples=(
        "Our recruiters read every application; we do not use automated screening tools.",
        "You will build machine-learning models that rank search results.",
    ),
)


@dataclass(frozen=True)
class _Element:
    id: str
    name: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class _Spec:
    effective: dt.date
    jurisdiction: str
    triggers: tuple[re.Pattern, ...]
    strong: int  # the first `strong` triggers need no hiring word
    hiring: re.Pattern
    not_triggers: re.Pattern
    assist_only: re.Pattern
    products: re.Pattern
    elements: tuple[_Element, ...]
    gate: Pattern  # a word every trigger and product needs: sentences without one are skipped


@cache
def _spec() -> _Spec:
    raw = data.load("compliance/aedt-notice.yaml")
    flags = re.IGNORECASE
    products = "|".join(re.escape(p) for p in raw["products"])
    return _Spec(
        effective=dt.date.fromisoformat(str(raw["law"]["effective"])),
        jurisdiction=str(raw["law"]["jurisdiction"]),
        triggers=tuple(re.compile(p, flags) for p in raw["triggers"]),
        strong=2,
        hiring=re.compile(raw["hiring_words"], flags),
        not_triggers=re.compile("|".join(raw["not_triggers"]), flags),
        assist_only=re.compile("|".join(raw["assist_only"]), flags),
        products=re.compile(rf"\b(?:{products})\b"),
        # anywhere in a word, but "ai" and "ml" only alone (not in "email", "html")
        gate=phrases(
            ["aedt", "automat", "artificial", "algorithm", "machine", "a.i.", "ai", "ml", *raw["products"]],
            lower=True,
            not_before=None,
            not_after=None,
            gaps={},
            standalone=("ai", "ml"),
        ),
        elements=tuple(
            _Element(e["id"], e["name"], tuple(re.compile(p, flags) for p in e.get("patterns") or ()))
            for e in raw["elements"]
        ),
    )


@hookimpl
def jdlint_rules():
    return [RULE]


_SENTENCE_END = re.compile(r"[.!?](?=\s)|$")


def _sentence_at(source: str, pos: int) -> tuple[int, int]:
    """The sentence holding `pos`: lines split at '. ', '! ', '? ' (and at their ends)."""
    line_start = source.rfind("\n", 0, pos) + 1
    line_end = source.find("\n", pos)
    line = source[line_start : len(source) if line_end == -1 else line_end]
    start = line_start
    for end in _SENTENCE_END.finditer(line):
        e = line_start + end.end()
        if e > pos:
            return start, e
        start = e
    return start, line_start + len(line)


def find_triggers(posting) -> list[tuple[int, int]]:
    """Spans where the analysis text says an automated tool assesses candidates (or names an AEDT product).

    Only sentences holding a trigger word are read.
    """
    spec = _spec()
    source = posting.analysis
    out: list[tuple[int, int]] = []
    done = -1
    for gate in spec.gate.finditer(posting):
        if gate.start() < done:
            continue  # its sentence was read
        s, e = _sentence_at(source, gate.start())
        done = e
        sentence = source[s:e]
        if spec.not_triggers.search(sentence):
            continue
        hiring = spec.hiring.search(sentence)
        line_start = source.rfind("\n", 0, s) + 1
        line_end = source.find("\n", e)
        assist = spec.assist_only.search(source, line_start, line_end if line_end != -1 else len(source))
        found = []
        for i, pattern in enumerate(spec.triggers):
            m = pattern.search(sentence)
            if m and (i < spec.strong or (hiring and not assist)):
                found.append((m.start(), -m.end()))
        if not found and hiring and not assist and (m := spec.products.search(sentence)):
            found.append((m.start(), -m.end()))
        if found:
            first, neg_end = min(found)  # the earliest, then the longest, match in the sentence
            out.append((s + first, s - neg_end))
    return out


def missing_elements(source: str, text_notice: bool) -> list[str]:
    """Names of the LL 144 notice elements the posting lacks."""
    paragraphs = [p for p in re.split(r"\n\s*\n", source) if p.strip()]
    missing = []
    for element in _spec().elements:
        if element.id == "notice":
            present = text_notice
        else:
            present = any(pat.search(" ".join(p.split())) for p in paragraphs for pat in element.patterns)
        if not present:
            missing.append(element.name)
    return missing


def _nyc_place(posting) -> tuple[int, int] | None:
    target = _spec().jurisdiction  # a law id of rules/shared/jurisdictions.yaml
    for place in job_places(posting):
        if any(law.id == target for law in laws_of(place)):
            return place.start, place.end
    return None


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or context.as_of < _spec().effective or not context.profile.is_posting:
        return
    triggers = find_triggers(posting)
    nyc = _nyc_place(posting)
    if triggers and nyc is None and not (_speaks_of_nyc(posting, triggers[0]) and _may_be_us(context.profile)):
        yield from _advice(posting, triggers[0])  # not a New York City job, or jdlint cannot tell: no law named
        return
    if triggers:
        start, end = triggers[0]
        why = f"The posting says an automated tool is used in hiring (“{posting.text[start:end]}”)"
    elif context.config.employer.get("uses_aedt") is True and nyc is not None:
        start, end = nyc if nyc[1] > nyc[0] else first_line(posting)
        why = "The configuration says the employer uses an AEDT (employer.uses_aedt) and the posting is open to NYC"
    else:
        return
    missing = missing_elements(posting.analysis, bool(triggers))
    if not missing:
        return
    listed = "; ".join(f"({i}) {name}" for i, name in enumerate(missing, 1))
    plural = "s" if len(missing) > 1 else ""
    yield Hit(
        RULE.id,
        start,
        end,
        f"{why}, but the notice NYC Local Law 144 (6 RCNY § 5-303) requires is missing "
        f"{len(missing)} element{plural}: {listed}.",
    )


_NYC_NOTICE = Pattern(r"\b(?:NYC|New York City|Local Law (?:No\.? )?144|LL ?144|AEDTs?)\b")


def _speaks_of_nyc(posting, trigger: tuple[int, int]) -> bool:
    """The paragraph of the trigger says the tool is used for New York City jobs, or uses the law's own term."""
    start = posting.text.rfind("\n\n", 0, trigger[0]) + 1
    end = posting.text.find("\n\n", trigger[1])
    return _NYC_NOTICE.search(posting, start, end if end != -1 else len(posting.text), raw=True) is not None


def _may_be_us(profile) -> bool:
    """Could the job be in the US? Yes unless its places are known and all elsewhere (NYC boilerplate abroad)."""
    return not profile.countries or "US" in profile.countries


def _advice(posting, trigger: tuple[int, int]):
    """Outside New York City (or where jdlint cannot tell) the duties differ by place: advise, cite nothing.

    Ontario's own duty (say whether AI screens applicants) is met by the very
    sentence that triggered this; Illinois's and Colorado's notices are not
    posting duties in force (LAWS.md §7.4).
    """
    start, end = trigger
    missing = missing_elements(posting.analysis, True)
    if not missing:
        return
    yield Hit(
        RULE.id,
        start,
        end,
        f"The posting says an automated tool is used in hiring (“{posting.text[start:end]}”); tell candidates "
        "what it assesses and how to ask for another process or an accommodation (some places, such as New "
        "York City, require such a notice).",
        severity=Severity.INFO,
    )
