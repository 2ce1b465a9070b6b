"""disability-bias, physical half: "must be able to stand/lift/walk" without essential-function framing.

The rule itself (id, docs, ableist idioms) is the pack rules/bias/disability-bias.yaml;
this module adds what needs context. A physical demand is fine when the
posting frames it as an essential function of the job, performed with or
without reasonable accommodation (the ADA's terms); it is flagged when its
own section (or the introduction of the parent section) gives no such
framing. Figurative uses ("stand out", "walk us through", "lift revenue",
"see the big picture") are not demands. Word lists: rules/bias/disability-bias.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import chain

from jdlint import data
from jdlint.facts.language import reads
from jdlint.facts.surroundings import parent_intro_span, section_span, sentence_span
from jdlint.hookspecs import hookimpl
from jdlint.match import GatedAfterFirst, Pattern, first_char_alternation, phrases
from jdlint.model.finding import Hit
from jdlint.model.store import StoreKey

RULE_ID = "disability-bias"
_THROUGH = re.compile(r"\s+(?:[\w-]+\s+){0,3}through\b", re.IGNORECASE)  # "walk stakeholders through"


def third_person(verb: str) -> str:
    """lift -> lifts, carry -> carries, push -> pushes, crouch -> crouches."""
    if re.search(r"(?:s|sh|ch|x|z)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def gerund(verb: str) -> str:
    """stand -> standing, move -> moving, squat -> squatting (enough for the verbs in the data)."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


@dataclass(frozen=True)
class _Spec:
    demand: Pattern  # found only near one of its verbs
    demand_lower: Pattern  # the same demands, found in the lower-cased text (`_demand_matches`)
    described: Pattern  # "Occasionally lifts, carries…", "Occasional lifting of…"
    often: Pattern  # the words for how often that start a described demand
    bare: Pattern  # a line of a physical-demands section that starts with a verb
    senses: Pattern  # "corrected hearing and vision to normal range"
    senses_lower: Pattern  # the same, in the lower-cased text (`_sense_matches`)
    normal: Pattern  # the word every demand on the senses holds, in the lower-cased text
    physical_heading: Pattern
    kinds: dict[str, str]  # verb or gerund -> strong | weighty | listed
    figurative: Pattern
    load: Pattern
    duration: Pattern
    framing: Pattern
    suggest: tuple[str, ...]


@cache
def _spec() -> _Spec:
    d = data.load("bias/disability-bias.yaml")["physical_demands"]
    kinds: dict[str, str] = {}
    for kind in ("strong", "weighty", "listed"):
        for verb in d[kind]:
            kinds[verb] = kind
            kinds[gerund(verb)] = kind
            kinds[third_person(verb)] = kind
    verb = "|".join(sorted(kinds, key=len, reverse=True))
    lead = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(d["lead_ins"], key=len, reverse=True))
    adverb = "|".join(d.get("adverbs", [])) + r"|[a-z]+ly"
    often = "|".join(d["frequency_adverbs"] + d["frequency_adjectives"])
    sep = r"\s*(?:,\s*(?:and/or\s+|and\s+|or\s+)?|/|\s+and/or\s+|\s+and\s+|\s+or\s+)\s*"
    verbs = rf"(?P<verbs>(?:{verb})(?:{sep}(?:{verb}))*)(?![\w-])"
    # a demand names a verb: the regex runs only near one (a verb list is no longer than its verbs' spacing)
    demand = Pattern(rf"(?<![\w-])(?P<lead>{lead})\s+(?:(?:{adverb})\s+)?{verbs}", re.IGNORECASE)
    leads_lower = _lower_branches([(x, "") for x in sorted(d["lead_ins"], key=len, reverse=True)])
    demand_lower = Pattern(rf"(?P<lead>{leads_lower})\s+(?:(?:{adverb})\s+)?{verbs}", lower=True)
    # "Occasionally lifts, carries…": tried only where a word for how often stands (found by `often`)
    described = Pattern(rf"(?<![\w-])(?P<lead>{often})\s+{verbs}", re.IGNORECASE)
    # tried at line starts; one way only to read the indent and the bullet (runs of blanks are common in scrapes)
    bare = Pattern(rf"[ \t]*(?:(?:[-*•+]|\d+[.)])[ \t]*)?(?P<lead>){verbs}", re.IGNORECASE)
    sense = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in d["senses"])
    to_normal = (
        rf"(?:\s*(?:,|and|or|/)\s*(?:{sense}))*"
        rf"(?:\s+(?:corrected|correctable))?\s+(?:to|within)\s+(?:the\s+)?normal(?:\s+range)?(?![\w-])"
    )
    senses = Pattern(
        rf"(?<![\w-])(?:(?:corrected|correctable)\s+)?(?:{sense}){to_normal}|(?<![\w-])normal\s+(?:{sense})(?![\w-])",
        re.IGNORECASE,
        needle="normal",  # every demand on the senses names the normal range
    )
    # the same alternatives, in the order `senses` tries them at one place, for the lower-cased text
    sense_branches = [
        *[(c, rf"\s+(?:{sense}){to_normal}") for c in ("corrected", "correctable")],
        *[(x, to_normal) for x in d["senses"]],
        ("normal", rf"\s+(?:{sense})(?![\w-])"),
    ]
    return _Spec(
        demand=demand,
        demand_lower=demand_lower,
        described=described,
        often=phrases(d["frequency_adverbs"] + d["frequency_adjectives"]),
        bare=bare,
        senses=senses,
        senses_lower=Pattern(_lower_branches(sense_branches), lower=True),
        normal=Pattern("normal", lower=True),
        physical_heading=phrases(d["physical_headings"]),
        kinds=kinds,
        figurative=Pattern(r"\s*(?:" + phrases(d["figurative_after"]).source + ")", re.IGNORECASE),
        load=phrases(d["load_words"]),
        duration=phrases(d["duration_words"]),
        framing=phrases(d["framing"], acronyms=True),
        suggest=tuple(d.get("suggest", ())),
    )


def _lower_branches(branches: list[tuple[str, str]]) -> str:
    """(phrase, regex after it) branches, none with a word or hyphen before it, in lower case for the
    lower-cased text, grouped by first letter so that `re` skips from one such letter to the next."""
    alternatives = [re.escape(p.lower()).replace(r"\ ", r"\s+") + after for p, after in branches]
    return first_char_alternation(alternatives, r"\w-")


_LOWER_AGREES = GatedAfterFirst()  # whether the lower-cased scan may stand in for `demand` on this posting


def _demand_matches(posting, spec: _Spec):
    """The matches of `demand`: from the lower-cased text, where a case-insensitive match and a match there
    agree (`GatedAfterFirst`: not on a text with "İ", "ı" or "ſ"), which is several times faster than
    the case-insensitive regex near every verb (and "see", "move", "reach" are everywhere)."""
    pattern = spec.demand_lower if _LOWER_AGREES(posting.analysis) else spec.demand
    return pattern.finditer(posting)


_SENSES_LOWER_AGREES = GatedAfterFirst()  # likewise for `senses`


def _sense_matches(posting, spec: _Spec):
    """The matches of `senses`, from the lower-cased text where the two agree (as `_demand_matches`)."""
    if not _SENSES_LOWER_AGREES(posting.analysis):
        return spec.senses.finditer(posting)
    if spec.normal.search(posting) is None:
        return iter(())
    return spec.senses_lower.finditer(posting)


def _is_physical(text: str, m: re.Match, clause_end: int, spec: _Spec) -> bool:
    verbs = re.findall(r"[A-Za-z]+", m.group("verbs"))
    verbs = [v.lower() for v in verbs if v.lower() in spec.kinds]
    after = text[m.end() : clause_end]
    if len(verbs) >= 2:
        return True
    kind = spec.kinds[verbs[0]]
    if spec.figurative.match(after) or _THROUGH.match(after):
        return False
    if kind == "strong":
        return True
    if kind == "weighty":
        return bool(spec.load.search(after[:80]))
    # listed: alone it counts only with a duration ("sit for extended periods") or at the clause end
    return bool(spec.duration.search(after[:40])) or not after.strip(" ,.;:)")


def _demands(posting, spec: _Spec):
    """Every stated demand: after a lead-in, described with how often, a physical section's bare line, the senses."""
    text = posting.analysis
    seen: set[int] = set()
    described = (spec.described.match(posting, w.start()) for w in spec.often.finditer(posting))
    for m in chain(_demand_matches(posting, spec), described):
        if m is None:
            continue
        _, s1 = sentence_span(posting, m.start())
        if _is_physical(text, m, s1, spec) and m.start("verbs") not in seen:
            seen.add(m.start("verbs"))
            yield m.start(), m.end()
    for sec in posting.sections:
        if sec.is_preamble or not spec.physical_heading.search(sec.title):
            continue
        for m in _at_line_starts(posting, spec.bare, sec.body_start, sec.body_end):
            _, s1 = sentence_span(posting, m.start("verbs"))
            if m.start("verbs") not in seen and _is_physical(text, m, s1, spec):
                seen.add(m.start("verbs"))
                yield m.start("verbs"), m.end()
    for m in _sense_matches(posting, spec):
        yield m.start(), m.end()


def _at_line_starts(posting, pattern: Pattern, start: int, end: int):
    """Matches of `pattern` that begin a line of text[start:end] (one anchored try per line: fast)."""
    text = posting.analysis
    pos = start
    while pos < end:
        m = pattern.match(posting, pos, end)
        if m:
            yield m
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        pos = nl + 1


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE_ID) or not reads(("en",), context.language):  # English wording only
        return
    spec = _spec()
    grouped: dict[int, list[tuple[int, int]]] = {}  # a physical-demands section reports its demands once
    for s, e in sorted(_demands(posting, spec)):
        if context.in_eeo(s) or _framed(posting, s, spec):
            continue
        idx = posting.section_index_at(s)
        if idx >= 0 and spec.physical_heading.search(posting.sections[idx].title):
            grouped.setdefault(idx, []).append((s, e))
            continue
        yield Hit(
            RULE_ID,
            s,
            e,
            f"“{posting.text[s:e]}” states a physical demand without saying it is an essential function "
            "that can be met with or without reasonable accommodation.",
            spec.suggest,
        )
    for idx, spans in grouped.items():
        (s, e), more = spans[0], len(spans) - 1
        title = posting.sections[idx].title.strip().rstrip(":")
        also = f" (and {more} more in “{title}”)" if more else ""
        yield Hit(
            RULE_ID,
            s,
            e,
            f"“{posting.text[s:e]}”{also} states a physical demand without saying it is an essential function "
            "that can be met with or without reasonable accommodation.",
            spec.suggest,
        )


# One sentence that ties the job's essential functions to accommodation frames every demand in the posting
# ("Reasonable accommodations may be made to enable individuals with disabilities to perform the essential functions").
_POSTING_FRAMING = re.compile(
    r"essential\s+(?:job\s+)?(?:functions?|duties)[^.\n]{0,250}?accommodat|accommodat[^.\n]{0,250}?essential\s+"
    r"(?:job\s+)?(?:functions?|duties)",
    re.IGNORECASE,
)


def _framed(posting, offset: int, spec: _Spec) -> bool:
    """Essential-function or accommodation wording in the demand's section or its parent's introduction,
    or one sentence anywhere that frames the job's essential functions with accommodation."""
    if _frames_the_job(posting):
        return True
    c0, c1 = section_span(posting, offset)
    if _framing_in_body(posting, spec, c0, c1):
        return True
    intro = parent_intro_span(posting, offset)
    return bool(intro and _framing_in_body(posting, spec, intro[0], intro[1]))


_FRAMES_THE_JOB: StoreKey[bool] = StoreKey("disability-bias: a sentence frames the essential functions")


def _frames_the_job(posting) -> bool:
    """`_POSTING_FRAMING` anywhere in the posting: searched once per posting, not once per demand."""
    return posting.facts.compute(_FRAMES_THE_JOB, lambda: _POSTING_FRAMING.search(posting.analysis) is not None)


def _framing_in_body(posting, spec: _Spec, start: int, end: int) -> bool:
    """Framing said in a sentence, not a heading's name ("ESSENTIAL DUTIES AND RESPONSIBILITIES")."""
    for m in spec.framing.finditer(posting, start, end):
        sec = posting.sections[posting.section_index_at(m.start())] if posting.sections else None
        if sec is None or sec.is_preamble or not sec.heading_start <= m.start() < sec.heading_end:
            return True
    return False
