"""aedt-notice: a posting that uses AI or an automated tool in hiring without the notice its place asks for.

Triggered when the text says candidates are screened, scored, ranked or
assessed by an automated, AI, algorithmic or machine-learning tool, or
names such a product in a sentence about hiring; or by the configuration
(`employer.uses_aedt`, `employer.uses_ai`). What is asked depends on where
the job is and when it was posted, and comes from the `laws` of
rules/compliance/aedt-notice.yaml: New York City's full notice (Local Law
144), Ontario's statement whether AI is used, the notices of Illinois,
Colorado, California and Connecticut. A law is named only when the job's
place and the posting's date are under it; elsewhere the finding is advice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts import law_table
from jdlint.facts.anchor import first_line
from jdlint.facts.place_names import gazetteer
from jdlint.facts.places import JobPlace, job_places
from jdlint.hookspecs import hookimpl
from jdlint.match import GatedAfterFirst, Pattern, lazy_compile, phrases
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

TABLE = "compliance/aedt-notice.yaml"

RULE = Rule(
    id="aedt-notice",
    category="compliance",
    severity=Severity.ERROR,
    summary="The notice or statement on AI in hiring that the job's place requires is missing or incomplete.",
    explain=(
        "Laws on AI in hiring differ by place and start on different dates. jdlint looks for a posting "
        "that says candidates are screened, scored, ranked or assessed by an automated, AI, algorithmic or "
        "machine-learning tool, or names one (Covey, HireVue, pymetrics …), and reads the configuration: "
        "`employer.uses_aedt: true` (the employer uses an automated employment decision tool in the sense of "
        "New York City's law) and `employer.uses_ai: true|false` (it uses, or does not use, AI to screen, "
        "assess or select applicants). Then, by where the job is and the posting's date:\n\n"
        "New York City (from 2023-07-05): the notice of Local Law 144 must say that an AEDT is used; the job "
        "qualifications and characteristics it assesses; the date of the latest bias audit and where its "
        "summary is published; the type, source and retention of the data (or how to request them); and how "
        "to ask for an alternative selection process or a reasonable accommodation. Each missing element is "
        "named (error).\n\n"
        "Ontario (from 2026-01-01, employers with 25 or more employees): a public posting must say whether AI "
        "is used to screen, assess or select applicants. A posting that says so, or says AI is not used (“We "
        "do not use AI to screen applicants”), passes. With `employer.uses_ai: true` and no such statement the "
        "finding is an error; with the configuration silent it is advice (info); with `uses_ai: false`, "
        "nothing.\n\n"
        "Illinois (HB 3773, from 2026-01-01): notice of AI use; the content named by the IDHR's proposed "
        "rules (product name, decisions it affects, purpose, data categories, contact) is checked at info "
        "until the rules are final. Colorado (SB 26-189, from 2027-01-01), California (CPPA rules on "
        "automated decision-making technology, from 2027-01-01) and Connecticut (SB 5, from 2027-10-01): a "
        "notice before use, checked at info from those dates. Texas (TRAIGA) puts no notice duty on private "
        "employers, and the EU AI Act's duties for hiring systems are not posting duties; both are listed by "
        "`jdlint laws` and never checked.\n\n"
        "A law is named only when the job's place and the posting's date are under it (or the notice says it "
        "is for NYC jobs). For a job elsewhere, before a law's date, or where jdlint cannot tell the place, a "
        "posting that says a tool is used gets info-level advice that names no law. See every law, its dates "
        "and sources with `jdlint laws --place PLACE`.\n\n"
        "Laws known (rules/compliance/aedt-notice.yaml):\n" + law_table.law_lines(TABLE)
    ),
    source=(
        "NYC Admin. Code §§ 20-870 to 20-874 (Local Law 144 of 2021) and 6 RCNY §§ 5-300 to 5-304; Ontario "
        "Employment Standards Act, 2000, s. 8.4 and O. Reg. 476/24; 775 ILCS 5/2-102(L) (Illinois HB 3773); "
        "Colorado SB 26-189; 11 CCR § 7220 (California CPPA); Connecticut SB 5 (2026). Addresses of the pages "
        "read are listed with each law above and by `jdlint laws`. Not legal advice."
    ),
    fix_hint=(
        "Say in the posting whether AI or an automated tool is used to screen, assess or select applicants; "
        "where one is used, add the notice the place asks for (for New York City: what it assesses, the "
        "bias-audit date and summary link, data type/source/retention, and a contact for an alternative "
        "process or accommodation) or link the careers page that carries it."
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
class _Law:
    """One entry of `laws` in the rule's data."""

    id: str
    name: str
    jurisdiction: str
    law: str
    effective: dt.date | None
    duty: str  # notice | statement | none
    elements: tuple[str, ...]
    severity: Severity
    unknown: Severity | None
    threshold: int
    remote: bool
    proposed: str

    def applies(self, on: dt.date, size: int | None) -> bool:
        return (
            self.duty != "none"
            and self.effective is not None
            and on >= self.effective
            and (size is None or size >= self.threshold)
        )


def _ai_law(raw: dict) -> _Law:
    unknown = raw.get("unknown")
    return _Law(
        id=str(raw["id"]),
        name=str(raw["name"]),
        jurisdiction=str(raw["jurisdiction"]),
        law=" ".join(str(raw["law"]).split()),
        effective=None if raw.get("effective") is None else dt.date.fromisoformat(str(raw["effective"])),
        duty=str(raw.get("duty", "none")),
        elements=tuple(raw.get("elements") or ()),
        severity=Severity.parse(str(raw.get("severity", "info"))),
        unknown=None if unknown is None else Severity.parse(str(unknown)),
        threshold=int(raw.get("threshold", 1)),
        remote=raw.get("remote") == "covered",
        proposed=str(raw.get("proposed", "")),
    )


@dataclass(frozen=True)
class _Element:
    id: str
    name: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class _Spec:
    laws: tuple[_Law, ...]
    triggers: tuple[re.Pattern, ...]
    strong: int  # the first `strong` triggers need no hiring word
    hiring: re.Pattern
    not_triggers: re.Pattern
    assist_only: re.Pattern
    products: re.Pattern
    statements: re.Pattern  # "we do not use AI to screen applicants": a statement whether AI is used
    elements: dict[str, _Element]
    gate: Pattern  # a word every trigger and product needs: sentences without one are skipped
    gate_words: Pattern  # the gate's words but the two short ones, in any case: found near the shared literal pass


_GATE_WORDS = ("aedt", "automat", "artificial", "algorithm", "machine", "a.i.")
_ALONE = ("ai", "ml")  # gate words that count only with no letter a-z around them ("email", "html")


@cache
def _spec() -> _Spec:
    raw = data.load(TABLE)
    flags = re.IGNORECASE
    products = "|".join(re.escape(p) for p in raw["products"])
    return _Spec(
        laws=tuple(_ai_law(e) for e in raw["laws"]),
        triggers=tuple(lazy_compile(p, flags) for p in raw["triggers"]),  # behind `gate`: compiled when needed
        strong=2,
        hiring=lazy_compile(raw["hiring_words"], flags),
        not_triggers=lazy_compile("|".join(raw["not_triggers"]), flags),
        assist_only=lazy_compile("|".join(raw["assist_only"]), flags),
        products=lazy_compile(rf"\b(?:{products})\b"),
        statements=lazy_compile("|".join(raw["statements"]), flags),
        # anywhere in a word, but "ai" and "ml" only alone (not in "email", "html")
        gate=phrases(
            [*_GATE_WORDS, *_ALONE, *raw["products"]],
            lower=True,
            not_before=None,
            not_after=None,
            gaps={},
            standalone=_ALONE,
        ),
        gate_words=phrases([*_GATE_WORDS, *raw["products"]], not_before=None, not_after=None, gaps={}),
        elements={
            e["id"]: _Element(e["id"], e["name"], tuple(lazy_compile(p, flags) for p in e.get("patterns") or ()))
            for e in raw["elements"]
        },
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
    for start in _gate_starts(posting, spec):
        if start < done:
            continue  # its sentence was read
        s, e = _sentence_at(source, start)
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


_GATED = GatedAfterFirst()  # whether `_gate_starts` may use the gated words on this posting


def _gate_starts(posting, spec: _Spec) -> list[int]:
    """Where a gate word begins, in order: the sentences `find_triggers` reads.

    The longer words are found around the shared literal pass's hits (a posting holds few),
    "ai" and "ml" by `str.find`; a scan of the whole lower-cased text with `spec.gate` did both
    and cost a regex step per character. Every occurrence is listed, also one inside another
    (the "ai" of "Paradox AI"): no gate word holds a sentence end, so such a start lies in
    the sentence just read and is skipped. The two ways agree on every text without "İ", "ı"
    or "ſ" (which re.IGNORECASE reads as "i" or "s"); a text with one is scanned as before, and so
    is a process's first posting (setting up `gate_words` costs more than one scan).
    """
    text = posting.analysis
    if not _GATED(text):
        return [m.start() for m in spec.gate.finditer(posting)]
    low = text.lower()  # offsets unchanged: only "İ" lower-cases to two characters
    starts = {m.start() for m in spec.gate_words.finditer(posting)}
    for word in _ALONE:
        p = low.find(word)
        while p >= 0:
            q = p + len(word)
            if (p == 0 or not "a" <= low[p - 1] <= "z") and (q == len(low) or not "a" <= low[q] <= "z"):
                starts.add(p)
            p = low.find(word, p + 1)
    return sorted(starts)


def missing_elements(source: str, text_notice: bool, ids: tuple[str, ...] | None = None) -> list[str]:
    """Names of the notice elements (`ids`, by default NYC's) the posting lacks."""
    spec = _spec()
    ids = ids if ids is not None else _nyc().elements
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", source) if p.strip()]
    missing = []
    for element in (spec.elements[i] for i in ids):
        if element.id == "notice":
            present = text_notice
        else:
            present = any(pat.search(p) for p in paragraphs for pat in element.patterns)
        if not present:
            missing.append(element.name)
    return missing


def _nyc() -> _Law:
    """The law whose notice is checked element by element, as an error: NYC Local Law 144."""
    return next(law for law in _spec().laws if law.remote)


def _place_of(posting, law: _Law) -> JobPlace | None:
    """The first of the job's places under the law: inside its jurisdiction, or a remote scope holding it."""
    chains = gazetteer().chains
    for place in job_places(posting):
        if law.jurisdiction in place.jurisdictions:
            return place
        if law.remote and place.remote and place.jurisdictions[-1] in chains.get(law.jurisdiction, ()):
            return place
    return None


def _span(posting, place: JobPlace) -> tuple[int, int]:
    return (place.start, place.end) if place.end > place.start else first_line(posting)


def _uses_ai(employer: dict) -> bool | None:
    """employer.uses_ai, else True when employer.uses_aedt says an automated tool is used; None: not said."""
    said = employer.get("uses_ai")
    if said is None and employer.get("uses_aedt") is True:
        return True
    return said if isinstance(said, bool) else None


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or not context.profile.is_posting:
        return
    spec = _spec()
    on = context.as_of
    employer = context.config.employer
    size = employer.get("size")
    triggers = find_triggers(posting)
    uses_ai = _uses_ai(employer)
    named = False  # a law of the job's place was checked (or named in a finding): no general advice then
    nyc_law = _nyc()
    if nyc_law.applies(on, size):
        nyc = _place_of(posting, nyc_law)
        if nyc is not None or (triggers and _speaks_of_nyc(posting, triggers[0]) and _may_be_us(context.profile)):
            named = True
            yield from _nyc_notice(posting, triggers, nyc, employer.get("uses_aedt") is True)
    for law in spec.laws:
        if law is nyc_law or not law.applies(on, size):
            continue
        place = _place_of(posting, law)
        if place is None:
            continue
        if law.duty == "statement":
            hit = _statement(posting, law, place, triggers, uses_ai)
        else:
            hit = _notice(posting, law, place, triggers, uses_ai)
            named = named or bool(triggers)  # the place's own notice was checked: its law, not general advice
        if hit is not None:
            named = True
            yield hit
    if triggers and not named:
        yield from _advice(posting, triggers[0])  # no law of the job's place, or jdlint cannot tell: no law named


def _nyc_notice(posting, triggers: list[tuple[int, int]], nyc: JobPlace | None, uses_aedt: bool):
    """Local Law 144's notice, element by element (error)."""
    if triggers:
        start, end = triggers[0]
        why = f"The posting says an automated tool is used in hiring (“{posting.text[start:end]}”)"
    elif uses_aedt and nyc is not None:
        start, end = _span(posting, nyc)
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


def _statement(posting, law: _Law, place: JobPlace, triggers, uses_ai: bool | None) -> Hit | None:
    """Ontario: the posting says whether AI screens, assesses or selects applicants."""
    if triggers or uses_ai is False or _spec().statements.search(" ".join(posting.analysis.split())):
        return None
    start, end = _span(posting, place)
    if uses_ai:
        return Hit(
            RULE.id,
            start,
            end,
            f"The configuration says the employer uses AI in hiring (employer.uses_ai), but this posting for a job "
            f"in {law.name} does not say that AI is used to screen, assess or select applicants, as {law.law} "
            f"requires of public postings from {law.effective}.",
            severity=law.severity,
        )
    if law.unknown is None:
        return None
    return Hit(
        RULE.id,
        start,
        end,
        f"Public postings for jobs in {law.name} must state whether AI is used to screen, assess or select "
        "applicants; add a sentence that says whether it is (e.g. “We do not use AI to screen, assess or select "
        "applicants”), or set employer.uses_ai in the configuration.",
        severity=law.unknown,
    )


def _notice(posting, law: _Law, place: JobPlace, triggers, uses_ai: bool | None) -> Hit | None:
    """A notice before use (Illinois, Colorado, California, Connecticut): name what it lacks, at the law's level."""
    if not triggers and uses_ai is not True:
        return None
    missing = missing_elements(posting.analysis, bool(triggers), law.elements)
    if not missing:
        return None
    if triggers:
        start, end = triggers[0]
        why = f"The posting says an automated tool is used in hiring (“{posting.text[start:end]}”)"
    else:
        start, end = _span(posting, place)
        why = "The configuration says the employer uses AI in hiring (employer.uses_ai)"
    listed = "; ".join(f"({i}) {name}" for i, name in enumerate(missing, 1))
    rules = " (its content set by rules still proposed)" if law.proposed else ""
    return Hit(
        RULE.id,
        start,
        end,
        f"{why}; the job is in {law.name}, where {law.law} asks for a notice to applicants{rules}, and it "
        f"is missing: {listed}.",
        severity=law.severity,
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
    """Where no law of the job's place asks for a notice (or jdlint cannot tell the place): advise, cite nothing."""
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
