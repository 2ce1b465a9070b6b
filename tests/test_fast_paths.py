"""The speed-ups must not change what is found: each fast path against the plain way it replaces.

Issue 8 made the rules several times faster by skipping text that cannot
match: trie-shaped phrase regexes, literal pre-searches read off a parsed
regex (`GatedRegex`), token patterns run only near their anchor words
(`GatedMatcher`), parsed YAML cached on disk. Each is checked here, with
hypothesis, against the straightforward version on generated and real text.
"""

from __future__ import annotations

import pickle
import re
from itertools import pairwise

import pytest
import spacy
from conftest import SEEDS, run_json
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

import jdlint
from jdlint import data
from jdlint.data import yaml_cache
from jdlint.facts import pages, pay, place_names, places
from jdlint.facts.place_names import Anchored
from jdlint.match import AnyPattern, Pattern, Text, phrases, token_windows
from jdlint.match.companions import Companions
from jdlint.match.gated_matcher import GatedMatcher, anchors, max_length
from jdlint.match.regex_gate import GatedRegex, prefix_literals, required_literals
from jdlint.match.regex_trie import first_char_alternation, trie_alternation
from jdlint.match.spans import SpanSet, merged

WORDS = [
    "he",
    "she",
    "his",
    "her",
    "or",
    "and",
    "visa",
    "sponsor",
    "sponsorship",
    "not",
    "available",
    "work",
    "authorized",
    "to",
    "in",
    "the",
    "US",
    "citizen",
    "citizens",
    "only",
    "remote",
    "equal",
    "opportunity",
    "employer",
    "young",
    "team",
    "native",
    "English",
    "speaker",
    "5",
    "years",
    "unicorn",
    "a",
    "-",
    "/",
    ",",
    ".",
    "\n",
    "\n\n",
    "(",
    ")",
    "$",
    "120,000",
    "150,000",
    "per",
    "year",
    "H-1B",
    "E-Verify",
    "welcome",
    # places (jdlint.facts.places)
    "open",
    "anywhere",
    "candidates",
    "United",
    "States",
    "Canada",
    "Colorado",
    "CO",
    "EU",
    "Europe",
    "County",
    "of",
    "Placer",
    "Washington",
    "State",
    "Oregon",
    "Department",
    "City",
    "Seattle",
]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def texts() -> st.SearchStrategy[str]:
    """Posting-like text: words from the rules' vocabulary, joined by one or more spaces."""
    return st.lists(st.sampled_from(WORDS), max_size=60).map(lambda ws: " ".join(ws))


# -- trie-shaped alternations ----------------------------------------------------------------
@SETTINGS
@given(
    st.sets(st.text(alphabet="ab -", min_size=1, max_size=5).map(str.strip).filter(bool), min_size=1, max_size=8),
    st.text(alphabet="ab -xA\n", max_size=40),
)
def test_a_trie_finds_what_a_longest_first_alternation_finds(phrases, text):
    flat = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w-])(?:{flat})(?![\w-])", re.IGNORECASE)
    trie = re.compile(rf"(?<![\w-])(?:{trie_alternation(phrases)})(?![\w-])", re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@SETTINGS
@given(
    st.lists(st.sampled_from(["he", "she", "his", "her", "hers", "s", "/", "(", "-", "'", " ", "\n", "x"]), max_size=40)
)
@example(["s", "/", "he", " ", "(", "she", ")", "his", "/", "her", " ", "x", "he"])
def test_a_first_char_alternation_matches_like_a_leading_lookbehind(pieces):
    text = "".join(pieces)
    alts = [r"he\s*/\s*she", r"s\s*/\s*he", "hers", "her", "his", "he", "she", r"\(s\)he"]
    plain = re.compile(r"(?<![\w/(])(?:" + "|".join(alts) + r")(?![\w/])")
    fast = re.compile(first_char_alternation(alts, r"\w/(") + r"(?![\w/])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@SETTINGS
@given(
    st.lists(
        st.sampled_from(["he", "she", "his", "her", "hers", "him", "s", "/", "(", ")", "-", "'", " ", "\n", "or", "x"]),
        max_size=40,
    )
)
@example(["he", "/", "she", " ", "/", "they", " ", "his", " ", " ", "or", " ", "hers"])
def test_a_lower_case_phrase_list_matches_like_a_longest_first_alternation_after_a_lookbehind(pieces):
    """`phrases(..., lower=True)` puts its look-behind after the first letter; the matches stay the same."""
    text = "".join(pieces)
    pairs = ["he/she", "he/she/they", "s/he", "(s)he", "he or she", "his/her", "his/hers", "his or her", "him/her"]
    gaps = {" ": r"\s+", "/": r"\s*/\s*"}
    flat = "|".join(
        r"\s*/\s*".join(r"\s+".join(re.escape(w) for w in part.split()) for part in p.split("/"))
        for p in sorted(pairs, key=len, reverse=True)
    )
    plain = re.compile(rf"(?<![\w/(])(?:{flat})(?![\w/])")
    fast = phrases(pairs, lower=True, not_before=r"\w/(", not_after=r"\w/", gaps=gaps)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    stems = ["co", "commit", "lead", "he", "s"]
    inner = "|".join("[-']?".join(re.escape(c) for c in w) for w in sorted(stems, key=len, reverse=True))
    plain = re.compile(rf"(?<![a-z])(?:{inner})")
    fast = phrases(stems, lower=True, not_before="a-z", not_after=None, gaps={}, inner="[-']?")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@SETTINGS
@given(st.lists(st.sampled_from(["ai", "ml", "email", "html", "automated", "a.i.", " ", "-", "x", "AI"]), max_size=30))
def test_standalone_words_of_a_phrase_list_match_only_alone(pieces):
    text = "".join(pieces)
    words = ["automat", "a.i.", "ai", "ml"]
    fast = phrases(words, lower=True, not_before=None, not_after=None, gaps={}, standalone=("ai", "ml"))
    plain = re.compile(r"automat|a\.i\.|(?<![a-z])(?:ai|ml)(?![a-z])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text.lower())]


@SETTINGS
@given(texts())
def test_a_phrase_list_matches_like_the_flat_alternation_it_replaced(text):
    words = ["young team", "young and dynamic team", "native English speaker", "he or she", "visa"]
    parts = [r"[\s-]+".join(re.escape(w) for w in p.split()) for p in sorted(words, key=len, reverse=True)]
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    assert [m.span() for m in phrases(words).finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in phrases(words).finditer(Text(text))] == [m.span() for m in plain.finditer(text)]


# -- literal pre-searches ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bvisas?\b[^.\n]{0,60}\bsponsor\w*", {"sponsor"}),
        (r"\b(?:authori[sz]ed|eligible)\s+to\s+work\b", {"authorised", "authorized", "eligible"}),
        (r"\bH-?1-?B\b", {"h1b", "h-1b", "h1-b", "h-1-b"}),
        (r"\bequal\s+(?:employment\s+)?opportunit(?:y|ies)\b", {"opportunity", "opportunities"}),
    ],
)
def test_required_literals_are_read_off_the_regex(pattern, expected):
    assert required_literals(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsponsorship\s+(?:is\s+)?not\s+available", {"sponsorship"}),
        (r"\b(?:unable|cannot)\s+sponsor", {"unable", "cannot"}),
        (r"\b(?:EEO|AA/EOE)\b", {"eeo", "aa/eoe"}),
        (r"\bEEO\b|\bAA/EOE\b", {"eeo", "aa/eoe"}),  # re factors the shared \b out of the branches
        (r"\bno\s+sponsorship", None),  # "no" is too short to look for
        (r"(?:a|the)\s+visa", None),
        (r"\w+\s+visa", None),
    ],
)
def test_prefix_literals_are_what_every_match_starts_with(pattern, expected):
    found = prefix_literals(pattern, re.IGNORECASE)
    assert (set(found) if found else None) == expected


@pytest.mark.parametrize("pattern", [r"\d+", r"(?:a|b)c?", r"[a-z]{3,}", r"x*", r"(?i)foo|\w+"])
def test_a_regex_without_a_long_required_literal_is_searched_whole(pattern):
    gated = GatedRegex(pattern)
    assert gated.keywords is None
    assert gated.windows("some text 123 foobar", "some text 123 foobar") == [(0, 20)]


def _gated_regexes() -> list[tuple[str, Pattern]]:
    out = []
    for kind in ("visa", "eeo"):
        patterns = data.load("shared/statements.yaml")[kind]["patterns"]
        out.append((f"statements.{kind}", Pattern("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)))
    out += [("places.cues", places._settings().cues)]
    return out


def _anchored() -> list[tuple[str, Anchored]]:
    evidence, names = places._settings(), place_names.gazetteer()
    return [("places.remote", evidence.remote), ("places.county", names.county)] + [
        (f"places.employer.{i}", a) for i, a in enumerate(evidence.employer)
    ]


@SETTINGS
@given(texts())
@example("Visa sponsorship is not available; you must be authorized to work in the US.")
@example("We are an equal opportunity employer.\n\nThis role is remote in the US, open to applicants in Canada.")
def test_every_match_holds_one_of_the_required_literals(text):
    for name, gated in _gated_regexes():
        literals = required_literals(gated.source, gated.flags)
        for m in gated.regex.finditer(text):
            assert any(lit in m.group(0).lower() for lit in literals), (name, m.group(0))


@SETTINGS
@given(texts())
@example("Visa sponsorship is not available; you must be authorized to work in the US.")
@example("We are an equal opportunity employer.\n\nThis role is remote in the US, open to applicants in Canada.")
def test_a_gated_search_finds_a_match_exactly_when_the_plain_search_does(text):
    for name, gated in _gated_regexes():
        assert bool(gated.search(Text(text))) == bool(gated.regex.search(text)), name
        assert [m.span() for m in gated.finditer(Text(text))] == [m.span() for m in gated.regex.finditer(text)], name


@SETTINGS
@given(texts())
@example("This role is remote in the US, open to applicants in Canada. United States (Remote).")
@example("The County of Placer and Washington County, the State of Oregon, the Texas Department of Labor.")
def test_an_anchored_search_finds_what_a_scan_of_the_whole_text_finds(text):
    for name, anchored in _anchored():
        expected = [m.span() for m in anchored.pattern.regex.finditer(text)]
        assert [m.span() for m in anchored.finditer(Text(text))] == expected, name


PAY_PIECES = ["$", "120,000", "150,000", "45", "60", "k", "-", "to", "between", "and", "per", "year", "hour", "USD"]


@SETTINGS
@given(st.lists(st.sampled_from([*PAY_PIECES, "salary", "x" * 30, "\n", " "]), max_size=40), st.integers(0, 20))
@example(["between", "$", "45", "and", "60", "per", "hour"], 0)
def test_pay_patterns_found_near_digits_find_what_a_scan_of_the_stretch_finds(words, start):
    text = " ".join(words)
    for fast, plain in ((pay._RANGES, pay.RANGE_RE), (pay._AMOUNTS, pay.AMOUNT_RE)):
        found = [m.span() for m in fast.finditer(text, start, len(text))]
        assert found == [m.span() for m in plain.finditer(text, start, len(text))]


@SETTINGS
@given(texts())
@example("He or she joins Her Majesty's team; she codes.")
def test_a_phrase_list_over_a_whole_text_finds_what_its_regex_finds(text):
    spec = data.load("bias/gendered-term.yaml")["pronouns"]
    coded = data.load("bias/gender-coded.yaml")
    for words in (spec["exceptions"], coded.get("not_coded_phrases", []), WORDS[:20]):
        pattern = phrases(words)
        assert [m.span() for m in pattern.finditer(Text(text))] == [m.span() for m in pattern.regex.finditer(text)]


@SETTINGS
@given(texts())
@example("Visa sponsorship is not available; you must be authorized to work in the US.")
@example("We are an equal opportunity employer. We do not discriminate. Candidates have the right to work here.")
def test_any_of_the_statement_phrasings_is_found_exactly_when_their_alternation_is(text):
    for kind in ("visa", "eeo"):
        patterns = data.load("shared/statements.yaml")[kind]["patterns"]
        plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        found = AnyPattern(patterns, re.IGNORECASE).search(Text(text))
        first = plain.search(text)
        assert (found is None) == (first is None), kind
        if found is not None:
            assert found.start() == first.start(), kind


def test_line_markers_are_found_only_on_their_lines_and_all_of_them():
    markers = pages._tables()[2]
    text = "# Data Engineer\n\nBuild pipelines.\n\n## Similar jobs\n\n- Analyst, Denver\n\nPeople also viewed\n"
    found = [m.group(0).strip() for m in markers.finditer_lines(Text(text))]
    assert found == [m.group(0).strip() for m in markers.regex.finditer(text)]
    assert found  # the sample does hold a marker


LINE_WORDS = [
    "Similar",
    "jobs",
    "people",
    "also",
    "viewed",
    "page",
    "not",
    "found",
    "404",
    "error",
    "-",
    "#",
    "*",
    "Data",
    "Engineer",
    "positions",
    "this",
    "job",
    "is",
    "no",
    "longer",
    "available",
    ":",
    "\n",
    "\n\n",
]


@SETTINGS
@given(st.lists(st.sampled_from(LINE_WORDS), max_size=40))
@example(["Similar", "jobs", "\n", "page", "not", "found", "\n", "#", "people", "also", "viewed"])
@example(["jobs", "\n", "found"])
def test_a_line_marker_is_matched_once_per_line_as_a_scan_of_the_text_finds_it(words):
    text = " ".join(words)
    for markers in (pages._tables()[0], pages._tables()[2]):
        found = [m.span() for m in markers.finditer_lines(Text(text))]
        expected, start = [], 0  # a marker is one line: the pattern run on each line alone
        for line in text.split("\n"):
            expected += [m.span() for m in markers.regex.finditer(text, start, start + len(line))]
            start += len(line) + 1
        assert found == expected


# -- token patterns near their anchors ---------------------------------------------------------
PATTERNS = {
    "young-team": [
        {"LOWER": "young"},
        {"ORTH": ",", "OP": "?"},
        {"LOWER": "and", "OP": "?"},
        {"LOWER": {"IN": ["dynamic", "vibrant"]}},
        {"LOWER": {"IN": ["team", "teams"]}},
    ],
    "unicorn": [
        {"LOWER": "you"},
        {"LOWER": {"IN": ["'re", "are"]}, "OP": "?"},
        {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
        {"LOWER": {"IN": ["unicorn", "unicorns"]}},
    ],
    "max-years": [
        {"LOWER": {"IN": ["no", "not"]}},
        {"LOWER": "more"},
        {"LOWER": "than"},
        {"LIKE_NUM": True},
        {"LOWER": {"IN": ["years", "yrs"]}},
    ],
    "a-player": [{"ORTH": {"IN": ["A", "a"]}}, {"ORTH": "-"}, {"LOWER": {"IN": ["player", "players"]}}],
    "plus": [{"LOWER": "rock"}, {"LOWER": "star", "OP": "+"}],
    "no-anchor": [{"LIKE_NUM": True}, {"IS_PUNCT": True}],
}
TOKEN_WORDS = [
    "young",
    "and",
    ",",
    "dynamic",
    "team",
    "you",
    "are",
    "a",
    "an",
    "unicorn",
    "no",
    "more",
    "than",
    "5",
    "years",
    "A",
    "-",
    "player",
    "rock",
    "star",
    "the",
    "we",
    ".",
]


def test_anchors_prefer_rare_required_words():
    assert anchors(PATTERNS["unicorn"], frozenset({"you", "a", "an"})) == ("LOWER", frozenset({"unicorn", "unicorns"}))
    assert anchors(PATTERNS["no-anchor"]) is None
    assert max_length(PATTERNS["young-team"]) == 5 and max_length(PATTERNS["plus"]) is None


@SETTINGS
@given(st.lists(st.sampled_from(TOKEN_WORDS), max_size=80))
@example(
    [
        "young",
        ",",
        "and",
        "dynamic",
        "team",
        "you",
        "are",
        "a",
        "unicorn",
        "no",
        "more",
        "than",
        "5",
        "years",
        "A",
        "-",
        "player",
        "rock",
        "star",
        "star",
    ]
)
def test_a_gated_matcher_finds_what_one_matcher_finds(words):
    nlp = _blank()
    doc = nlp(" ".join(words))
    plain, gated = Matcher(nlp.vocab), GatedMatcher(nlp.vocab, nlp.Defaults.stop_words)
    for key, pattern in PATTERNS.items():
        plain.add(key, [pattern])
        gated.add(key, [pattern])
    assert sorted(gated(doc)) == sorted(plain(doc))


@SETTINGS
@given(
    st.lists(st.sampled_from(TOKEN_WORDS), max_size=80), st.lists(st.sampled_from([" ", "  ", "\n", "\t "]), min_size=1)
)
@example(
    [
        "you",
        "are",
        "a",
        "unicorn",
        ",",
        "young",
        "and",
        "dynamic",
        "teams",
        "no",
        "more",
        "than",
        "5",
        "years",
        "A",
        "-",
        "player",
        "years",
    ],
    [" "],
)
@example(["young", "dynamic", "team", "A", "-", "players", "than"], ["  "])
def test_an_anchor_that_a_match_holds_is_never_left_out(words, gaps):
    nlp = _blank()
    text = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words))
    bounded = {k: p for k, p in PATTERNS.items() if max_length(p) is not None and anchors(p) is not None}
    gated = GatedMatcher(nlp.vocab, nlp.Defaults.stop_words)
    for key, pattern in bounded.items():
        gated.add(key, [pattern])
    companions = Companions()
    for (attr, texts), others in gated.fixed:
        companions.add(attr == "ORTH", texts, [ts if a == "LOWER" else {t.lower() for t in ts} for a, ts in others])
    lower = {w.lower(): n - 1 for w, n in gated.anchor_texts["LOWER"].items()}
    exact = {w: n - 1 for w, n in gated.anchor_texts["ORTH"].items()}
    found = token_windows.AnchorFinder(lower, exact, nlp.tokenizer).find(text, text.lower())
    kept = {s for s, _, _ in companions.kept(text, text.lower(), found)}
    doc = nlp.make_doc(text)
    for (key, pattern), ((attr, texts), _) in zip(bounded.items(), gated.fixed, strict=True):
        plain = Matcher(nlp.vocab)
        plain.add(key, [pattern])
        for _, start, end in plain(doc):
            held = [t.idx for t in doc[start:end] if (t.lower_ if attr == "LOWER" else t.text) in texts]
            assert any(i in kept for i in held), (key, doc[start:end].text)


def test_of_two_terms_met_in_the_same_places_one_still_keeps_its_anchor():
    companions = Companions()
    companions.add(False, ["years"], [["most"], ["most", "max"]])  # the second need adds nothing to the first
    companions.add(False, ["years"], [["most"]])
    companions.add(False, ["year"], [["than"], ["more"]])
    text = "at most 5 years, 3 year olds, not more than 2 year"
    found = [(m.start(), m.end(), 3) for m in re.finditer(r"years?", text)]
    assert companions.kept(text, text, found) == [found[0], found[2]]


_NLP = []


def _blank():
    if not _NLP:
        _NLP.append(spacy.blank("en"))
    return _NLP[0]


# -- parsed YAML on disk -----------------------------------------------------------------------
def test_parsed_yaml_is_read_back_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(tmp_path))
    calls = []

    def parse(raw: bytes):
        calls.append(raw)
        return {"effective": __import__("datetime").date(2026, 1, 1), "codes": ["ON"]}

    first = yaml_cache.load(b"codes: [ON]", parse)
    second = yaml_cache.load(b"codes: [ON]", parse)
    assert first == second and len(calls) == 1
    yaml_cache.load(b"codes: [BC]", parse)  # other bytes, other entry
    assert len(calls) == 2


def test_a_tampered_cache_entry_is_parsed_again_never_run(tmp_path, monkeypatch):
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(tmp_path))
    yaml_cache.load(b"a: 1", lambda raw: {"a": 1})
    (entry,) = (tmp_path / "yaml").glob("*.pickle")

    class Evil:
        def __reduce__(self):
            return (exec, ("raise SystemExit('ran code from the cache')",))

    entry.write_bytes(pickle.dumps(Evil()))
    assert yaml_cache.load(b"a: 1", lambda raw: {"a": "parsed again"}) == {"a": "parsed again"}


def test_an_unwritable_cache_only_costs_a_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(blocker))
    assert yaml_cache.load(b"a: 1", lambda raw: {"a": 1}) == {"a": 1}


def test_switching_the_yaml_cache_off_parses_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("JDLINT_NO_YAML_CACHE", "1")
    calls = []
    for _ in range(2):
        yaml_cache.load(b"a: 1", lambda raw: calls.append(raw) or {"a": 1})
    assert len(calls) == 2 and not (tmp_path / "yaml").exists()


# -- the whole CLI, which now leaves without the interpreter's teardown ------------------------
def test_the_cli_writes_its_whole_report_before_it_exits():
    code, report = run_json(str(SEEDS), "--no-cache")
    assert code == 1
    assert len(report["files"]) == 5 and report["summary"]["findings"] == len(report["findings"]) > 50


# -- merged spans ------------------------------------------------------------------------------
@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)).map(lambda t: (t[0], t[0] + t[1])), max_size=12),
    st.integers(0, 80),
    st.integers(0, 10),
)
def test_a_span_set_answers_like_a_scan_of_every_span(spans, offset, width):
    spanset = SpanSet(spans)
    assert spanset.contains(offset) == any(s <= offset < e for s, e in spans)
    assert spanset.overlaps(offset, offset + width) == any(s < offset + width and offset < e for s, e in spans)
    covered = {i for s, e in spans for i in range(s, e)}
    assert {i for s, e in merged(spans) for i in range(s, e)} == covered
    assert all(a[1] < b[0] for a, b in pairwise(merged(spans)))  # disjoint, in order, not touching


# -- term rules on the stretches around anchor words ---------------------------------------------
TRICKY = [
    "cannot",
    "gonna",
    "don't",
    "10km",
    "5-years",
    "man-hours",
    "chairman",
    "business",
    "https://x.io/us",
    "he",
    "He's",
    "HIM",
    "guys",
    "rockstar",
    "rock",
    "star",
    "ninja",
    "young",
    "team",
    "native",
    "English",
    "speaker",
    "culture",
    "fit",
    "work",
    "hard",
    ",",
    "play",
    "not",
    "a",
    "over",
    "qualified",
    "digital",
    "recent",
    "graduate",
    "(",
    ")",
    "*",
    "#",
    "\u00a0",
    "\t",
    "  ",
    "\n",
    "\n\n",
    "no",
    "more",
    "than",
    "8",
    "years",
    "experience",
    "max",
    "of",
    "between",
    "the",
    "ages",
    "25",
    "and",
    "35",
    "old",
    "we",
    "are",
    "family",
    "mother",
    "tongue",
    "unicorn",
    "A-player",
    "A",
    "-",
    "player",
    "manpower",
    "salesman",
]


def _posting_text(words: list[str]) -> str:
    return " ".join(words)


@SETTINGS
@given(st.lists(st.sampled_from(TRICKY), max_size=120))
@example(["cannot"] * 3 + ["young", "team", "\n\n", "man-hours", "chairman", "10km", "rockstar"])
def test_every_token_that_is_an_anchor_is_found(words):
    text = _posting_text(words)
    anchors = {"not", "can", "na", "km", "us", "man", "he", "hours", "young", "star", "-", "n't", "years", "a"}
    tokenizer = _blank().tokenizer
    finder = token_windows.AnchorFinder(dict.fromkeys(anchors, 1), {"A": 1}, tokenizer)
    starts = {s for s, _, _ in finder.find(text, text.lower())}
    for tok in tokenizer(text):
        if tok.lower_ in anchors or tok.text == "A":
            assert tok.idx in starts, (tok.text, tok.idx)


@SETTINGS
@given(st.lists(st.sampled_from(TRICKY), max_size=120), st.integers(1, 6))
def test_a_stretch_has_exactly_the_tokens_of_the_whole_text_there(words, reach):
    text = _posting_text(words)
    nlp = _blank()
    whole = [(t.idx, t.text) for t in nlp.make_doc(text) if not t.is_space]
    anchors = [(m.start(), m.end(), reach) for m in re.finditer(r"young|man|not|star", text)]
    cut = token_windows.tokenize(nlp, text, anchors)
    assert cut is not None
    for w in cut:
        assert w.start == 0 or (text[w.start - 1].isspace() and not text[w.start].isspace())
        inside = [(w.start + t.idx, t.text) for t in w.doc if not t.is_space]
        assert inside == [(i, t) for i, t in whole if w.start <= i < w.end]


@SETTINGS
@given(st.lists(st.sampled_from(TRICKY), max_size=120), st.integers(1, 6))
@example(["young", "\n\n", "man", "10km", "cannot"] * 8, 1)
def test_the_joined_stretches_hold_the_tokens_of_the_stretches_one_by_one(words, reach):
    text = _posting_text(words)
    nlp = _blank()
    anchors = [(m.start(), m.end(), reach) for m in re.finditer(r"young|man|not|star", text)]
    cut = token_windows.tokenize(nlp, text, anchors)
    joined = token_windows.tokenize_joined(nlp, text, anchors)
    assert cut is not None and joined is not None
    assert joined.starts == [w.start for w in cut]
    one_by_one = [(i, w.start + t.idx, t.text) for i, w in enumerate(cut) for t in w.doc]
    read = [(joined.part(t.i), *joined.chars(t.i, t.i + 1)) for t in joined.doc]
    assert [(i, s, text[s:e]) for i, s, e in read] == one_by_one


def test_a_word_after_a_long_blank_still_gets_its_stretch():
    # blanked front matter before the first heading: 8 characters a token would not reach back far enough
    text = " " * 300 + "\n\nAnalytics Engineer\n\nWe are young and dynamic." + " " * 300 + "end"
    s = text.index("Engineer")
    cut = token_windows.tokenize(_blank(), text, [(s, s + 8, 3)])
    assert cut is not None
    (window,) = [w for w in cut if w.start <= s < w.end]
    before = [t for t in window.doc if t.idx + window.start < s]
    assert window.start == 0 or len(before) >= 3


@pytest.fixture(scope="module")
def term_engines():
    """Two engines: one matching terms on stretches from the first posting, one always on whole Docs."""
    from jdlint.checks.terms.runner import CHECKER
    from jdlint.engine import Engine

    windowed, whole = Engine(), Engine()
    c = windowed.pm.get_plugin(CHECKER).compile(windowed.nlp)
    assert c.windowed, "the bundled packs must be windowable"
    c.finder = token_windows.AnchorFinder(*c.anchors, windowed.nlp.tokenizer)
    whole.pm.get_plugin(CHECKER).compile(whole.nlp).windowed = False
    return windowed, whole


def _term_findings(text: str, engine) -> list[tuple]:
    result = jdlint.lint_text(text, path="job.md", engine=engine)
    return sorted((f.rule, f.line, f.column, f.end_line, f.end_column, f.message) for f in result.findings)


@SETTINGS
@given(st.lists(st.sampled_from(TRICKY), max_size=150))
@example(
    [
        "we",
        "are",
        "a",
        "young",
        "team",
        "of",
        "rockstar",
        "ninja",
        "guys",
        "\n\n",
        "native",
        "English",
        "speaker",
        ",",
        "culture",
        "fit",
        ",",
        "work",
        "hard",
        ",",
        "play",
        "hard",
        "no",
        "more",
        "than",
        "8",
        "years",
        "experience",
        "between",
        "the",
        "ages",
        "25",
        "and",
        "35",
        "old",
    ]
)
def test_terms_on_stretches_find_what_terms_on_the_whole_doc_find(term_engines, words):
    windowed, whole = term_engines
    text = "# Software Engineer\n\n" + _posting_text(words)
    assert _term_findings(text, windowed) == _term_findings(text, whole)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.iterdir() if p.suffix in (".md", ".txt")))
def test_the_seeds_read_the_same_on_stretches_and_on_whole_docs(term_engines, seed):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    windowed, whole = term_engines
    assert _term_findings(text, windowed) == _term_findings(text, whole)


def test_a_left_out_anchor_at_the_edge_of_a_stretch_makes_no_match_across_stretches(term_engines):
    # "years" has no "at most" within its reach and opens no stretch, yet it begins the stretch of the second
    # "digital native": joined right after the first stretch's "at most 8" the Doc reads "at most 8 years"
    text = "We want a digital native at most 8 " + " ".join(["x" * 30] * 6) + " years, digital native here.\n"
    windowed, whole = term_engines
    found = _term_findings(text, windowed)
    assert found == _term_findings(text, whole)
    assert [f[0] for f in found].count("age-bias") == 2


def test_a_plugin_that_takes_the_doc_gets_the_whole_posting_tokenized():
    from jdlint.engine import Engine
    from jdlint.hookspecs import hookimpl

    engine = Engine()
    assert not engine.wants_docs  # jdlint's own rules tokenize only what they need
    seen = []

    class Plugin:
        @hookimpl
        def jdlint_check(self, posting, doc, context):
            seen.append([t.text for t in doc])
            return []

    engine.pm.register(Plugin(), name="test-doc-plugin")
    assert engine.wants_docs
    jdlint.lint_text("Join our team.\n\nWe value you.", engine=engine)
    assert seen == [["Join", "our", "team", ".", "\n\n", "We", "value", "you", "."]]


# -- the block parser without the rules a text cannot use ----------------------------------------
MD_PIECES = [
    "# ",
    "## Title",
    "Text",
    "- item",
    "* item",
    "1. item",
    "> quote",
    "| a | b |",
    "|---|---|",
    "```",
    "~~~",
    "<div>",
    "</div>",
    "[x]: http://x.io",
    "[x]",
    "    code",
    "\t",
    "===",
    "---",
    "***",
    "\n",
    "\n\n",
    " ",
    "**bold**",
    "_",
    "Requirements:",
]


@SETTINGS
@given(st.lists(st.sampled_from(MD_PIECES), max_size=60))
@example(["| a | b |", "\n", "|---|---|", "\n", "| 1 | 2 |", "\n\n", "> quote", "\n", "```", "\n", "x", "\n", "```"])
def test_a_parser_without_the_rules_a_text_cannot_use_gives_the_same_blocks(pieces):
    from jdlint.parse.document import _markdown

    text = "".join(pieces)

    def blocks(md):
        return [(t.type, t.map, t.content, t.markup, t.info) for t in md.parse(text)]

    assert blocks(_markdown(text)) == blocks(_markdown())
