"""The rules' own shortcuts must not change what they find: each against the plain way it replaced.

Issue 21 made several rules and facts cheaper per posting: gender-coded stems
and the AEDT gate words found near the shared literal pass instead of by a
regex scan of the whole lower-cased text, EEO markers likewise, and
requirement items read with substring tests before their regexes. Each fast
path is compared here, with hypothesis, against the way it replaced, on
generated text that mixes the words they look for with the characters where
the two could part (hyphens, apostrophes, case, "İ", "ı", "ſ" and the Kelvin
sign "K", which re.IGNORECASE folds to ASCII letters).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jdlint.checks.bias import disability_bias, gender_coded
from jdlint.checks.compliance import aedt_notice
from jdlint.checks.structure import empty_section, placeholder_text
from jdlint.facts import context as context_facts
from jdlint.facts import requirements
from jdlint.parse import parse_posting

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD = ["İ", "ı", "ſ", "\u212a", "é", "-", "'", " ", "  ", "\n", "\n\n", ". ", ",", "/", "2"]
STEM_WORDS = [
    "competitive", "Competitive", "co-operative", "Co-Operative", "self-reliant", "leader's", "leaflet",
    "sharks", "sharing", "data-driven", "kind", "Kind", "warm-hearted", "nagging", "act", "contact", "re-act",
    "lead", "mis-lead", "ambitious", "ambıtious", "ſharing", "\u212aind",
]  # fmt: skip
AEDT_WORDS = [
    "AI", "ai", "email", "html", "ML", "ml", "a.i.", "A.I.", "Sapia.ai", "Paradox AI", "HireVue", "automated",
    "Automation", "machine", "algorithm", "aedt", "modern hire", "trained", "aı", "maıl",
]  # fmt: skip
EEO_WORDS = [
    "equal", "opportunity", "Equal Opportunity", "employer", "EOE", "eoe", "without regard to", "race",
    "reasonable accommodation", "Reasonable Accommodations", "we", "welcome", "all qualified applicants",
    "dİscrimination", "does not discriminate",
]  # fmt: skip


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words + ODD), max_size=40).map("".join)


@SETTINGS
@given(_texts(STEM_WORDS))
@example("We want a competitive, co-operative self-reliant leader's team.")
@example("Kind people; \u212aind people; ſharing; sharks.")
def test_gender_coded_runs_match_a_scan_of_the_whole_text(text):
    posting = parse_posting(text, "job.md")
    lists = gender_coded._lists()
    assert gender_coded._candidate_runs(posting, lists) == gender_coded._scanned_runs(posting, lists.stem_starts)


def _sentences_read(posting, starts) -> list[tuple[int, int]]:
    """The sentences `find_triggers` reads, given the gate words' starts."""
    out, done = [], -1
    for start in starts:
        if start < done:
            continue
        s, e = aedt_notice._sentence_at(posting.analysis, start)
        done = e
        out.append((s, e))
    return out


@SETTINGS
@given(_texts(AEDT_WORDS))
@example("We use AI. Our email is html. Sapia.ai and Paradox AI score you. A.I. tools.")
def test_aedt_gate_reads_the_sentences_a_whole_text_scan_reads(text):
    posting = parse_posting(text, "job.md")
    spec = aedt_notice._spec()
    scanned = [m.start() for m in spec.gate.finditer(posting)]
    assert _sentences_read(posting, aedt_notice._gate_starts(posting, spec)) == _sentences_read(posting, scanned)


@SETTINGS
@given(_texts(EEO_WORDS))
@example("We are an Equal Opportunity employer.\n\nWe welcome all qualified applicants.")
@example("We do not dİscriminate; equal opportunıty.")
def test_eeo_markers_are_found_where_the_lower_case_scan_finds_them(text):
    posting = parse_posting(text, "job.md")
    chosen, plain = context_facts._markers_for(posting.analysis), context_facts._eeo_markers()
    starts = [m.start() for m in chosen.finditer(posting)]
    assert starts == [m.start() for m in plain.finditer(posting)]
    for start in starts:  # what `Context._eeo` asks of each block
        for end in (start + 1, start + 30, len(posting.analysis)):
            assert bool(chosen.match(posting, start, end)) == bool(plain.match(posting, start, end))


ITEM_WORDS = ["or", "OR", "Or", "equivalent", "combination", "substitute", "ſubstitute", "year", "YEARS", "yrs", "5",
              "five", "+", "experience", "EXPERIENCE", "for", "nor", "_", "é"]  # fmt: skip


@SETTINGS
@given(_texts(ITEM_WORDS))
@example("5+ years of Go; or")
@example("or an equivalent combination of education and experience")
def test_requirement_item_shortcuts_agree_with_their_regexes(text):
    assert requirements.offers_alternative(text) == bool(requirements._ALTERNATIVE.search(text))
    if not requirements._may_name_years(text):
        assert requirements._YEARS.search(text) is None
    if "xper" not in text.lower():  # `_summary_demands` reads only paragraphs that pass this test
        assert requirements._EXPERIENCE.search(text) is None


DEMAND_WORDS = ["must", "Must", "MUST", "be able to", "Be Able To", "able to", "ability to", "required to", "requires",
                "involving", "should be able to", "frequently", "lift", "LIFT", "stand", "Standing", "sit", "see",
                "carry", "walk", "reach", "and", "or", "and/or", "daily", "ſtand", "mıst", "İnvolves",
                "\u212aneel"]  # fmt: skip


@SETTINGS
@given(_texts(DEMAND_WORDS))
@example("Must be able to lift, carry and push 50 lbs. Ability to stand frequently; MUST SIT.")
@example("must-stand; remust be able to walk; -able to see")
def test_disability_demands_in_lower_case_match_the_case_insensitive_regex(text):
    posting = parse_posting(text, "job.md")
    spec = disability_bias._spec()
    plain = spec.demand.regex.finditer(posting.analysis)
    spans = [(m.span(), m.span("lead"), m.span("verbs")) for m in disability_bias._demand_matches(posting, spec)]
    assert spans == [(m.span(), m.span("lead"), m.span("verbs")) for m in plain]


# The placeholder shapes as first written, look-behind first: the rule's own put it after their first character.
PLAIN_SHAPES = {
    0: r"(?<![\]!\\])\[(?!\^)([^\[\]\n]{2,60})\](?![(\[:])",
    2: r"(?<![{$\\\w])\{([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\}(?!\})",
    5: r"\bX{1,2}\+?\s*(?:years?|yrs?|months?)\b",
    7: r"(?<![\w&/-])(?:TK){1,3}(?![\w&/-])",
}
SHAPE_WORDS = ["[", "]", "![", "\\[", "[^", "{", "}", "{{", "$", "X", "XX", "XXX", "+", "years", "yrs", "month", "TK",
               "TKTK", "&", "/", "-", "_", "a", "COMPANY NAME", "salary", "é", "9", ":", "("]  # fmt: skip


@SETTINGS
@given(_texts(SHAPE_WORDS))
@example("[COMPANY NAME] pays $XXX; XX+ years; TKTK; {company_name}; ![img] \\[x] aX years")
def test_placeholder_shapes_match_as_first_written(text):
    for k, plain in PLAIN_SHAPES.items():
        shape = placeholder_text._SHAPES[k]
        assert [m.span() for m in shape.regex.finditer(text)] == [m.span() for m in re.finditer(plain, text)]
        assert [m.groups() for m in shape.regex.finditer(text)] == [m.groups() for m in re.finditer(plain, text)]


PREFERRED_WORDS = ["is", "preferred", "PREFERRED", "a", "plus", "pluſ", "nice", "to", "have", "desırable", "asset",
                   "bonus", "preferably", "Preferab", "İs", " ", "\n", ";", "\u212a"]  # fmt: skip


@SETTINGS
@given(_texts(PREFERRED_WORDS))
@example("Go is a plus; Rust is preferred")
def test_preferred_marker_shortcut_agrees_with_its_regex(text):
    if not requirements._may_say_preferred(text):
        assert requirements._says_preferred().search(text) is None


SENSE_WORDS = ["corrected", "Correctable", "hearing", "HEARING", "vision", "visual acuity", "eyesight", "and", "or",
               "/", ",", "to", "within", "the", "normal", "NORMAL", "range", "nOrmal", "abnormal", "ſ", "-",
               "hearing acuity", "acuity"]  # fmt: skip


@SETTINGS
@given(_texts(SENSE_WORDS))
@example("Corrected hearing and vision to normal range; normal vision; Hearing Acuity within the normal")
def test_disability_senses_in_lower_case_match_the_case_insensitive_regex(text):
    posting = parse_posting(text, "job.md")
    spec = disability_bias._spec()
    plain = spec.senses.regex.finditer(posting.analysis)
    assert [m.span() for m in disability_bias._sense_matches(posting, spec)] == [m.span() for m in plain]


BODY_WORDS = ["---", "***", "_ _ _", "- - -", "===", "#", "\n", "\t", " ", "<!--", "-->", "<!-- note -->", "*",
              "_", "-", "a", "Text", "é", "<", ">"]  # fmt: skip


@SETTINGS
@given(_texts(BODY_WORDS))
@example("---\n\n***\n<!-- later -->\n===")
def test_empty_section_content_shortcut_agrees_with_the_full_reading(text):
    from jdlint.parse.inline import strip_comments

    posting = parse_posting(text, "job.md")
    body = posting.text
    slow = bool(empty_section._RULE_LINE.sub("", strip_comments(body)).strip(" \t\n=-#"))
    assert empty_section._has_content(posting, [], [], 0, len(body)) == slow
