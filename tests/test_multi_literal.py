"""One multi-literal pass per posting must find what each regex finds on its own.

Every gate (`Pattern` over a whole posting, `AnyPattern`, the line markers)
looks for its literals in one shared Aho–Corasick pass over the lower-cased
text, and pay amounts are tried only where a match can begin. A gate may
skip only text where its regex cannot match: each table row and each
generated text is read through `jdlint.match` and compared with the plain
regex over the same text.
"""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import jdlint
from jdlint.facts import pay
from jdlint.match import AnyPattern, Pattern, Text, phrases
from jdlint.match.regex_gate import match_start_literals

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# (regex, flags, text, flagged?) — ✗ rows: the regex matches and the gated pattern must find it; ✓ rows: it must not.
SPONSOR = r"\bsponsor(?:ship)?\b"
TABLE = [
    ("✗ needle at the very start", SPONSOR, re.I, "Sponsorship is not available.", True),
    ("✗ needle at the very end", SPONSOR, re.I, "We do not sponsor", True),
    ("✗ upper case", SPONSOR, re.I, "VISA SPONSORSHIP: NONE", True),
    ("✓ inside a longer word", SPONSOR, re.I, "Our sponsored events and cosponsors.", False),
    ("✓ case kept when the regex keeps it", r"\bSponsor\b", 0, "sponsor", False),
    ("✗ phrase across a line break", r"\bequal\s+opportunity\b", re.I, "An equal\nopportunity employer", True),
    ("✗ overlapping needles", r"\b(?:abcd|bcdef)\b", re.I, "x bcdef abcd", True),
    ("✗ one needle inside another", r"\b(?:work|homework)\s+required\b", re.I, "Homework required", True),
    ("✗ dotted capital I (lowers to two characters)", r"\bistanbul\b", re.I, "Office: İSTANBUL, Turkey", True),
    ("✗ dotless i", r"\bistanbul\b", re.I, "Office: ıstanbul", True),
    ("✗ long s", SPONSOR, re.I, "We ſponsor visas", True),
    ("✗ İ earlier in the text does not shift offsets", SPONSOR, re.I, "İİİ İzmir: we sponsor", True),
    ("✗ sharp s after a capital that folds", r"\bstraße\b", re.I, "İ STRAẞE 5", True),
    ("✓ SS is not ß to a regex", r"\bstraße\b", re.I, "STRASSE 5", False),
    ("✗ needle right after markup", r"\bh-?1b\b", re.I, "**H-1B** transfers", True),
]


@pytest.mark.parametrize(("regex", "flags", "text", "flagged"), [r[1:] for r in TABLE], ids=[r[0] for r in TABLE])
def test_a_gated_pattern_finds_what_the_plain_regex_finds(regex, flags, text, flagged):
    pattern = Pattern(regex, flags)
    plain = [m.span() for m in re.finditer(regex, text, flags)]
    for _ in range(2):  # the first read may scan on its own; the second reads the shared pass
        assert [m.span() for m in pattern.finditer(Text(text))] == plain
        assert (pattern.search(Text(text)) is not None) == bool(plain)
    assert bool(plain) is flagged


@pytest.mark.parametrize(("regex", "flags", "text", "flagged"), [r[1:] for r in TABLE], ids=[r[0] for r in TABLE])
def test_any_pattern_finds_the_earliest_phrasing_like_the_plain_alternation(regex, flags, text, flagged):
    phrasings = [regex, r"\bequal\s+employment\b", r"\bright\s+to\s+work\b"]
    plain = re.search("|".join(f"(?:{p})" for p in phrasings), text, flags)
    found = AnyPattern(phrasings, flags).search(Text(text))
    assert (found is not None) is flagged is (plain is not None)
    if found is not None:
        assert found.span() == plain.span()


def test_a_phrase_list_is_found_through_the_shared_pass_in_a_posting():
    text = "We sponsor H-1B visas.\n\nEqual opportunity employer; İSTANBUL and ſponsorship welcome."
    words = ["sponsor", "sponsorship", "equal opportunity", "H-1B", "istanbul"]
    pattern = phrases(words)
    plain = [m.group(0) for m in pattern.regex.finditer(text)]
    assert plain == ["sponsor", "H-1B", "Equal opportunity", "İSTANBUL", "ſponsorship"]
    t = Text(text)
    assert [m.group(0) for m in pattern.finditer(t)] == plain
    assert [m.group(0) for m in pattern.finditer(t)] == plain  # again, now from the kept hits


# -- generated texts: literals that overlap, nest, touch word characters, change case -------------------
LITERALS = ["abc", "bcd", "abcd", "cde", "bc-d", "xab", "ſab", "İbc", "ıbc"]
PIECES = [
    *LITERALS,
    "ABC",
    "AbCd",
    "a",
    "b",
    "c",
    "d",
    "e",
    "x",
    "-",
    " ",
    "\n",
    "\xa0",
    "ß",
    "ẞ",
    "İ",
    "ı",
    "ſ",
    "é",
    "1",
]


def _patterns() -> st.SearchStrategy[tuple[str, int]]:
    alternation = st.lists(st.sampled_from(LITERALS[:6]), min_size=1, max_size=4, unique=True)
    edges = st.sampled_from([("", ""), (r"\b", r"\b"), (r"(?<![\w-])", r"(?![\w-])"), ("", r"\w*")])
    # a leading optional phrase: every match still starts with a literal, tried where one occurs
    leads = st.sampled_from(["", r"(?:xab\s+)?", r"(?:cde[\s-]+)?", r"(?=\w)", r"(?:ab\s+)?"])
    return st.tuples(alternation, edges, st.sampled_from([0, re.IGNORECASE]), leads).map(
        lambda t: (t[1][0] + t[3] + "(?:" + "|".join(re.escape(w) for w in t[0]) + ")" + t[1][1], t[2])
    )


@SETTINGS
@given(_patterns(), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
@example((r"\b(?:abc|bcd)\b", re.IGNORECASE), "İbcd abc-d ABCD")
@example((r"(?:abcd|cde)", 0), "abcde abcdabcd")
@example((r"(?<![\w-])(?:xab\s+)?(?:abc|bcd)(?![\w-])", re.IGNORECASE), "xab abc XAB\nbcd xabc")
def test_a_gated_pattern_finds_what_its_regex_finds_on_generated_text(regex_flags, text):
    regex, flags = regex_flags
    assert match_start_literals(regex, flags) or "abcd" in regex or not regex.startswith("(?<")
    pattern = Pattern(regex, flags)
    plain = [m.span() for m in re.finditer(regex, text, flags)]
    where = Text(text)
    assert [m.span() for m in pattern.finditer(where)] == plain
    assert [m.span() for m in pattern.finditer(where)] == plain
    assert (pattern.search(where) is None) == (not plain)
    lines = Pattern("^.*(?:" + regex.replace(r"\s", " ") + ").*$", flags | re.MULTILINE)  # kept to one line
    assert [m.span() for m in lines.finditer_lines(where)] == [m.span() for m in lines.regex.finditer(text)]


@SETTINGS
@given(st.lists(_patterns(), min_size=2, max_size=5), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
@example([(r"\b(?:abc|bcd)\b", 0), (r"(?:cde|xab)", 0), (r"\b(?:abc|bcd)\b", 0)], "xabc bcde abcd")
def test_several_patterns_asked_of_one_text_in_any_order_find_what_their_regexes_find(regex_flags, text):
    """Texts are scanned for the literals their first asker's kind of text is asked for; a pattern whose
    literals that scan lacked is scanned for on its own (and joins the next scan); an equal text reuses it."""
    first, again = Text(text), Text(text)  # two lowered copies, equal: the second reuses the first's scan
    for i, (regex, flags) in enumerate(regex_flags):
        where = first if i % 2 == 0 else again
        assert [m.span() for m in Pattern(regex, flags).finditer(where)] == [
            m.span() for m in re.finditer(regex, text, flags)
        ]


@SETTINGS
@given(
    st.lists(
        st.frozensets(st.sampled_from([*LITERALS, "a", "e-", "ẞ"]), min_size=1, max_size=5), min_size=1, max_size=6
    ),
    st.lists(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), min_size=1, max_size=4),
)
@example([frozenset({"abc"}), frozenset({"abcd", "bcd"}), frozenset({"abc"})], ["abcd abc", "abcd abc", "bcd"])
@example([frozenset({"abc"}), frozenset({"bcd"})], ["\udc80abcd \ud800abc\udcff", "bcd\udfff"])  # lone surrogates
def test_the_shared_pass_gives_every_place_of_every_literal_asked_for(sets, texts):
    """Whatever order sets are asked in, and however a text's scan was made (its group's automaton, a scan of
    one set alone merged in), each literal's places are those `str.find` gives in the folded text."""
    from jdlint.match.literals import Literals, folded
    from jdlint.match.lowered import lower_same_length

    shared = Literals()
    for n, raw in enumerate(texts):
        low = lower_same_length(raw)
        for literals in sets[n % len(sets) :] + sets[: n % len(sets)]:
            hits = shared.hits(low, literals)
            for lit in literals:
                expected, at = [], folded(low).find(lit)
                while at >= 0:
                    expected.append(at)
                    at = folded(low).find(lit, at + 1)
                assert hits.starts.get(lit, []) == expected


@SETTINGS
@given(st.lists(_patterns(), min_size=1, max_size=4), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_any_pattern_finds_the_earliest_match_on_generated_text(regexes, text):
    flags = regexes[0][1]
    sources = [r for r, _ in regexes]
    plain = re.search("|".join(f"(?:{r})" for r in sources), text, flags)
    found = AnyPattern(sources, flags).search(Text(text))
    assert (found is None) == (plain is None)
    if found is not None:
        assert found.start() == plain.start()


# -- pay amounts tried only where one can begin -----------------------------------------------------------
PAY = [
    *("$", "US$", "USD", "EUR", "€", "£", "CA$", "C$", "kr"),
    *("120,000", "150.000", "45", "60", "1.2345", "2024", "100'000", "3.500,-", "120 000", "7"),
    *("k", "K", "-", "–", "to", "and", "und", "between", "zwischen", "entre", "da", "od", "Between", "ZWIſCHEN"),
    *("per", "year", "hour", "/hr", "14x", "brutto", "million", "+", "salary", "x"),
]


@SETTINGS
@given(
    st.lists(st.sampled_from(PAY), max_size=40),
    st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0", "", "\t\t"]), min_size=40, max_size=40),
    st.integers(0, 30),
)
@example(["between", "$", "45", "and", "60", "per", "hour"], [" "] * 40, 0)
@example(["zwischen", "EUR", "3.500,-", "und", "4.000"], ["   "] * 40, 0)
@example(["1.2345", "-", "2,000"], [" "] * 40, 0)
@example(["Between", "USD", "120,000", "to", "150,000"], ["\n\n"] * 40, 3)
def test_pay_amounts_tried_where_they_can_begin_are_what_a_scan_finds(words, gaps, start):
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    for fast, plain in ((pay._RANGES, pay.RANGE_RE), (pay._AMOUNTS, pay.AMOUNT_RE)):
        found = [m.span() for m in fast.finditer(text, start, len(text))]
        assert found == [m.span() for m in plain.finditer(text, start, len(text))]


@pytest.mark.parametrize("seed", sorted(SEEDS.iterdir()), ids=lambda p: p.name)
def test_the_seeds_lint_the_same_twice_in_one_process(seed):
    """The first posting scans gate by gate, the next ones through the shared pass: same findings."""
    text = seed.read_text(encoding="utf-8")

    def findings() -> list[tuple]:
        result = jdlint.lint_text(text, path=seed.name)
        return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.message) for f in result.findings]

    first = findings()
    assert first
    assert findings() == first


@pytest.mark.parametrize(
    ("regex", "starts"),
    [
        (r"(?<![\w-])(?:please\s+)?(?:state|share)\s+your", {"please", "state", "share"}),
        (r"\b(?:current|prior)\s+salary", {"current", "prior"}),
        (r"(?=\w)sponsor(?:ship)?", {"sponsor", "sponsorship"}),
        (r"(?:the\s+)?[A-Z]\w+ County", None),  # may start with any capital
        # "be" is too short to look for: it is looked for with each character `\s` matches after it
        (r"(?:be|able)\s+to", {"able", *("be" + c for c in map(chr, range(0x110000)) if c.isspace())}),
        (r"(?:be|able)\w+", None),  # "be" is too short, and no space follows it
    ],
)
def test_the_literals_a_match_starts_with_are_read_through_lookarounds_and_optional_leads(regex, starts):
    found = match_start_literals(regex, re.IGNORECASE)
    assert (set(found) if found else None) == starts


# -- term anchors read off the shared pass ----------------------------------------------------------------
ANCHOR_WORDS = {"man": 2, "men": 2, "manpower": 1, "he": 3, "guru": 2, "rock": 1, "rockstar": 1, "ninja": 2}
ANCHOR_TEXT = [*ANCHOR_WORDS, "Man", "ROCK", "x", "s", "-", " ", "\n", "_", "1", "İ", "the", "chairman", "é"]


@pytest.fixture(scope="module")
def tokenizer():
    from jdlint.engine.core import Engine

    return Engine().nlp.tokenizer


@SETTINGS
@given(st.lists(st.sampled_from(ANCHOR_TEXT), max_size=60).map("".join))
@example("The chairman, a rockstar guru, he-man MEN: manpower")
def test_term_anchors_read_off_the_shared_pass_are_what_the_scanners_find(tokenizer, text):
    from jdlint.match.lowered import lower_same_length
    from jdlint.match.token_windows import AnchorFinder

    for tok in (None, tokenizer):
        finder = AnchorFinder(ANCHOR_WORDS, {}, tok)
        low = lower_same_length(text)
        scanned = sorted(
            (m.start(1), m.end(1), finder._reach_lower[m.group(1)]) for rx in finder._lower for m in rx.finditer(low)
        )
        assert finder.find(text, low) == scanned  # the first time: the scanners, or a pass that knows the words
        assert finder.find(text, low) == scanned  # then the kept hits of that pass


# -- the language's first words, and the min/max gate -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We are hiring. You will work with the team and the customers of our company. " * 3, "en"),
        ("Wir suchen dich. Du arbeitest mit dem Team und den Kunden unserer Firma. " * 3, "de"),
        ("Short.", "und"),
        ("the " * 2000 + "und der die das " * 500, "en"),  # only the first words are read
        ("x" * 40000 + " und der die das und der die das und der", "de"),  # the first words after a long run
    ],
)
def test_a_text_language_is_read_off_its_first_words(text, language):
    from jdlint.facts.language import text_language

    assert text_language(text) == language


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Minimum: $50,000 and Maximum: $70,000 per year", True),
        ("MIN. $50,000 - MAX. $70,000", True),
        ("Minimum $50,000 (no upper bound stated)", False),
    ],
)
def test_a_minimum_maximum_pair_is_found_exactly_when_the_plain_regex_finds_it(text, flagged):
    plain = [(m.start(), m.end()) for m in pay.MINMAX_RE.finditer(text)]
    assert bool(plain) is flagged
    ranges = [(p.start, p.end) for p in pay.find_in(text, 0, len(text)) if p.kind == pay.RANGE]
    assert all(span in ranges for span in plain)


def test_a_gated_pattern_stands_in_for_a_whole_scan_from_the_second_posting_and_never_where_case_folding_differs():
    from jdlint.match import GatedAfterFirst

    gated = GatedAfterFirst()
    assert not gated("We are an equal opportunity employer.")  # the first posting: one scan, no set-up
    assert gated("We are an equal opportunity employer.")
    assert gated("Wir sind ein Arbeitgeber für Chancengleichheit.")  # non-ASCII, none of the three
    for odd in ("İSTANBUL office", "dıscrimination", "ſharing"):
        assert not gated(odd)
