"""gendered-term, pronoun half: "he will", "he/she", "his or her", "s/he" about the candidate.

The rule itself (its id, docs and the word list of gendered titles) is the
pack rules/bias/gendered-term.yaml; this module adds the part a word list cannot say.
Paired forms ("he/she", "his or her") are flagged wherever they stand, since
they write every reader as one of two genders. A single "he" or "her" is only
flagged when it stands for an unnamed person (the nearest person mentioned
before it is "the successful candidate" or "an engineer", not "Sarah Miller"),
and never inside a quotation, the EEO statement or a name such as "She Codes".
Postings in German are read for masculine-only titles instead (`gendered_term_de`).
"""

from __future__ import annotations

import re
from functools import cache

from jdlint import data
from jdlint.checks.bias import gendered_term_de
from jdlint.facts.language import reads
from jdlint.facts.surroundings import block_span, in_quotation, previous_block_start
from jdlint.hookspecs import hookimpl
from jdlint.match import phrases
from jdlint.model.finding import Hit

RULE_ID = "gendered-term"


@cache
def _patterns() -> dict:
    spec = data.load("bias/gendered-term.yaml")["pronouns"]
    determiners = "|".join(re.escape(d) for d in spec["determiners"])
    nouns = "|".join(re.escape(n) for n in spec["person_nouns"])
    return {
        # "he/she", "his or her": any whitespace between words, around a slash too
        "pairs": phrases(
            spec["pairs"], lower=True, not_before=r"\w/(", not_after=r"\w/", gaps={" ": r"\s+", "/": r"\s*/\s*"}
        ),
        "single": phrases(spec["singles"], lower=True, not_before=r"\w/'-", not_after=r"\w/'-", gaps={}),
        # "the successful candidate", "an experienced engineer", "our new hire"
        "generic": re.compile(
            r"\b(?:"
            + determiners
            + r")\s+(?:(?!(?:we|you|they|he|she|it|who|that)\b)[\w-]+\s+){0,3}?(?:"
            + nouns
            + r")s?\b",
            re.IGNORECASE,
        ),
        # "Sarah", "Sarah Miller", "Dr. Chen": a capitalised word, optionally with a title before it
        "name": re.compile(r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b"),
        # "he will", "she'll", "he must", "he is expected to": a duty of the job
        "duty": re.compile(
            r"(?:he|she)(?:'ll\b|\s+(?:will|shall|must|should|would|needs?\s+to|has\s+to|is\s+expected|"
            r"is\s+responsible|is\s+required|can\s+expect|reports?\s+to|works?\s+with|leads?|manages?)\b)",
            re.IGNORECASE,
        ),
        "not_names": frozenset(spec["not_names"]),
        "exceptions": phrases(spec["exceptions"]),
        "pair_suggest": tuple(spec["pair_suggest"]),
        "single_suggest": tuple(spec["single_suggest"]),
    }


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE_ID):
        return
    if context.language == "de":
        yield from gendered_term_de.check(posting)
        return
    if not reads(("en",), context.language):  # the pronoun rules read English only
        return
    pats = _patterns()
    blocked: list[tuple[int, int]] | None = None  # the exceptions ("Her Majesty"): looked for once a pronoun asks
    taken: list[tuple[int, int]] = []

    def usable(s: int, e: int) -> bool:
        nonlocal blocked
        if blocked is None:  # most postings have no pronoun, and "career" or "leads" near which to look is common
            blocked = [(m.start(), m.end()) for m in pats["exceptions"].finditer(posting)]
        if any(bs < e and s < be for bs, be in blocked + taken):
            return False
        return not context.in_eeo(s) and not in_quotation(posting, s)

    for s, e in (m.span() for m in pats["pairs"].finditer(posting)):
        if usable(s, e):
            taken.append((s, e))
            yield Hit(
                RULE_ID,
                s,
                e,
                f"“{posting.text[s:e]}” writes the reader as one of two genders; "
                "use “they” or address the candidate as “you”.",
                pats["pair_suggest"],
            )
    for s, e in (m.span() for m in pats["single"].finditer(posting)):
        if not usable(s, e) or not _about_unnamed_person(posting, s, pats):
            continue
        yield Hit(
            RULE_ID,
            s,
            e,
            f"“{posting.text[s:e]}” assumes the gender of the person in this role; use “they” or “you”.",
            pats["single_suggest"],
        )


def _about_unnamed_person(posting, offset: int, pats: dict) -> bool:
    """True when the nearest person mentioned before `offset` is a generic role, not a name."""
    b0, _ = block_span(posting, offset)
    start = max(previous_block_start(posting, b0), offset - 400)
    window = posting.analysis[start:offset]
    last_generic = -1
    for g in pats["generic"].finditer(window):
        last_generic = g.end()
    if last_generic < 0:
        # no antecedent at all: "He will report to the CTO" in a posting is the future hire
        if not pats["duty"].match(posting.analysis, offset):
            return False
        last_generic = 0
    for n in pats["name"].finditer(window, last_generic):
        word = n.group(0).split()[-1]
        if word not in pats["not_names"]:
            return False
    # a name before the generic role in the same sentence ("Sarah, our lead, … she") still names her
    head = window[:last_generic]
    sentence_start = max(head.rfind(". "), head.rfind("\n"), 0)
    for n in pats["name"].finditer(head, sentence_start):
        word = n.group(0).split()[-1]
        if word not in pats["not_names"] and not _starts_sentence(head, n.start()):
            return False
    return True


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:\n-•*"
