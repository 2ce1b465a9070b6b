"""The posting profile's fast paths must find what the plain way finds (issue 21: corpus CPU).

Each fast path of `jdlint.facts` behind the profile (language, place names,
document kind) is checked with hypothesis against the straightforward version
it replaces, on generated text and on the founding postings.
"""

from __future__ import annotations

import re
from itertools import pairwise

from conftest import SEEDS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jdlint.facts import kind, language, place_names, profile
from jdlint.facts.spaced import Spacer
from jdlint.parse import parse_posting

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# words and characters that stress word boundaries and lower-casing: digits, underscores, apostrophes,
# final sigma, the dotted capital I (two characters in lower case), letters outside Latin
PIECES = [
    "the", "und", "der", "The", "DER", "y", "de", "la", "don't", "e-mail", "a1b", "snake_case", "ΟΔΟΣ", "Σ",
    "ΣΑΣ'Α", "İstanbul", "İ", "straße", "Ǆ", "ǅ", "ﬁ", "²", "½", "Ⅻ", "’", "'", "-", "_", "1", " ", "  ", "\n",
    "\t", "\u00a0", "\u2028", ".", ",", "(", ")", "Seattle", "New", "York", "Washington", "D.C.", "St.", "John's",
    "California's", "Frankfurt", "am", "Main", "Baden-Württemberg", "U.S.", "NYC", "Remote", "County", "of",
    "Placer", "Paris", "TX", "WA", "Kansas", "City", "University", "Boston", "Class", "CLASS", "class", "claſs",
    "specification", "intended", "to", "No.", "number", "code", ":", "7", "purpose", "classification",
]  # fmt: skip


def texts() -> st.SearchStrategy[str]:
    """Text made of the pieces above, with or without a space between two pieces."""
    return st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", ", "])), max_size=60).map(
        lambda parts: "".join(p + sep for p, sep in parts)
    )


_WORD = re.compile(r"[^\W\d_]+")


def _plain_words(text: str, n: int) -> list[str]:
    """What `_first_words` gave before: the regex's words, each lower-cased."""
    return [w.lower() for w in _WORD.findall(text)][:n]


@SETTINGS
@given(texts(), st.integers(min_value=1, max_value=40))
@example("ΟΔΟΣ'Α İstanbul don't a1b snake_case ½ Ⅻ", 10)
@example("The  der\u00a0und\u2028DER", 5)
def test_the_first_words_are_the_regex_words_in_lower_case(text, n):
    assert language._first_words(text, n) == _plain_words(text, n)


def test_the_first_words_of_every_character_are_the_regex_words():
    every = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000)
    spaced = " ".join(every)
    assert language._lower_words(every) == [w.lower() for w in _WORD.findall(every)]
    assert language._lower_words(spaced) == [w.lower() for w in _WORD.findall(spaced)]


def test_a_long_text_is_read_to_its_word_limit_only():
    text = "der die das " * 1000 + "the and of " * 1000
    assert language._first_words(text, 1500) == _plain_words(text, 1500)
    assert language.text_language(text) == "de"


def _plain_names(g, text: str, start: int, end: int) -> list[tuple[int, int, tuple]]:
    """`_names` as it was: every run of joined words looked up to the longest name, none skipped."""
    words = [(m.start(), m.end()) for m in place_names._NAME_WORD.finditer(text, start, end)]
    joined = [place_names._NAME_GAP.fullmatch(text, a[1], b[0]) is not None for a, b in pairwise(words)]
    out = []
    i = 0
    while i < len(words):
        s, e = words[i]
        found = None
        if place_names._capitalised(text[s:e]):
            key = ""
            for k in range(i, min(i + g.longest, len(words))):
                if k > i and not joined[k - 1]:
                    break
                ks, ke = words[k]
                word = place_names.lookup_key(text[ks:ke])
                key = f"{key} {word}" if key else word
                means = g.meanings.get(key)
                if means:
                    abbreviation = place_names._ABBREVIATION.search(text, ks, ke)
                    found = (k, ke - (text[ke - 1] == "." and not abbreviation), means)
                elif word.endswith("'s") and (means := g.meanings.get(key[:-2])):
                    found = (k, ke - 2, means)
        if found is None and (exact := g.exact.get(text[s:e].replace(".", ""))):
            found = (i, e, exact)
        if found is None:
            i += 1
            continue
        out.append((s, found[1], found[2]))
        i = found[0] + 1
    return out


@SETTINGS
@given(texts())
@example("Frankfurt am Main, New York City, St. John's and California's coast; Washington, D.C.")
@example("Kansas City, Boston University, Baden-Württemberg, U.S. and NYC")
def test_place_names_stop_where_no_longer_name_begins(text):
    g = place_names.gazetteer()
    assert list(place_names._names(g, text, 0, len(text))) == _plain_names(g, text, 0, len(text))


def test_place_names_of_the_founding_postings_are_the_plain_ones():
    g = place_names.gazetteer()
    for path in sorted(SEEDS.iterdir()):
        text = path.read_text(encoding="utf-8")
        assert list(place_names._names(g, text, 0, len(text))) == _plain_names(g, text, 0, len(text)), path.name


@SETTINGS
@given(texts())
@example("Class specifications are intended to describe")
@example("CLASS NO.: 7 and classification purposes")
@example("claſs code 7")
def test_a_class_specification_is_found_as_by_each_phrase(text):
    head = text.lower()
    plain = any(p.search(head) for p in kind._tables().class_spec)
    assert kind._class_spec(head) == plain


def test_the_founding_postings_are_class_specifications_as_before():
    for path in sorted(SEEDS.iterdir()):
        head = parse_posting(path.read_text(encoding="utf-8"), str(path)).text[: kind.CLASS_SPEC_HEAD].lower()
        assert kind._class_spec(head) == any(p.search(head) for p in kind._tables().class_spec), path.name
    head = "county of placer\nclass specification\nthis class specification is intended to describe the duties"
    assert kind._class_spec(head)


SECTOR_PIECES = [
    "Acme", "Acme,", "Inc", "Inc.", "LLC", "SE", "AG", "GmbH", "B.V.", "se", "ag", "privately", "held", "private",
    "company", "Venture-backed", "venture", "backed", "County", "of", "Placer", "Board", "City", "the", "State",
    "placer.ca.gov", "dmv.state.ca.us", "civil", "service", "TVöD", "senior", "agile", "\n", "We", "are", "a",
]  # fmt: skip


@SETTINGS
@given(st.lists(st.sampled_from(SECTOR_PIECES), max_size=40).map(" ".join))
@example("Venture-backed Inc and Acme, Inc")
@example("Acme SE is a privately held company in the County of Placer")
@example("Acme, SE and Acme AGs and Acme.gov, Inc")
def test_the_sector_phrasings_one_by_one_find_what_their_alternation_finds(text):
    posting = parse_posting(text, "sector.md")
    for phrasings in profile._sector_patterns():
        alternation = re.compile("|".join(f"(?:{source})" for source in phrasings.sources))
        plain = alternation.search(posting.text)
        found = phrasings.search(posting)
        assert (found and found.span()) == (plain and plain.span())
        one_by_one = profile._first_of(phrasings.patterns, posting)
        assert (one_by_one and one_by_one.span()) == (plain and plain.span())


@SETTINGS
@given(texts())
@example("ΟΔΟΣ'Α İstanbul don't a1b snake_case ½ Ⅻ ²")
def test_a_pages_words_are_the_regex_words(text):
    low = text.lower()
    assert kind._page_words(low) == frozenset(re.findall(r"[^\W_]+", low))


def test_every_character_is_spaced_as_its_class_says():
    every = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000)
    for word_char in (r"[^\W\d_]", r"[^\W_]"):
        spacer = Spacer(word_char)
        for text in (every, " ".join(every), every.encode("ascii", "ignore").decode()):
            assert spacer.spaced(text).split() == re.findall(f"{word_char}+", text)


@SETTINGS
@given(st.text(st.characters(blacklist_categories=()), max_size=80))
@example("Straße\ud800naïve 😀 ½ – “quoted” e-mail\u00a0x\u2028y")
def test_text_of_any_characters_is_spaced_as_its_class_says(text):
    """Non-ASCII text takes the UTF-8 path: its ASCII bytes translated, then its other characters replaced."""
    for word_char in (r"[^\W\d_]", r"[^\W_]"):
        assert Spacer(word_char).spaced(text).split() == re.findall(f"{word_char}+", text)


@SETTINGS
@given(texts(), texts(), texts(), st.data())
@example("Responsibilities", "Seattle, WA-", "", None)
def test_a_stretch_remembered_as_nameless_is_nameless_wherever_it_stands(text, prefix, suffix, data):
    """`places_in` remembers a stretch in which nothing can be found by its text, the character before
    it and `field`: the same stretch in other surroundings must give what a fresh look gives there."""
    g = place_names.gazetteer()
    if data is None:
        s, e = 0, len(text)
    else:
        s, e = sorted(data.draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))))
    other, o0 = (prefix + text[s - 1 : e] + suffix, len(prefix) + 1) if s else (text[:e] + suffix, 0)
    o1 = o0 + e - s
    for field in (True, False):
        place_names._NO_NAMES.clear()
        expected = place_names.places_in(g, other, o0, o1, field)
        place_names._NO_NAMES.clear()
        place_names.places_in(g, text, s, e, field)  # remembers the stretch when nothing is in it
        assert place_names.places_in(g, other, o0, o1, field) == expected


IGNORE_PIECES = [
    "Based", "based", "in", "Seattle", ",", "this", "role", "Acme", "has", "raised", "headquartered", "HQ", "(12)",
    "authorized", "to", "work", "the", "U.S.", "similar", "jobs", "privacy", "©", "AEDT", "teams", "across", ".",
    "Inc.", "with", "offices", "at", "\n", "İ", "ſ", "you", "TX",
]  # fmt: skip


@SETTINGS
@given(st.lists(st.sampled_from(IGNORE_PIECES), max_size=40).map(" ".join))
@example("Based in Austin, TX, Acme has raised")
@example("Based in Seattle, this role is hybrid")
def test_the_location_ignore_phrasings_one_by_one_find_what_their_alternation_finds(sentence):
    from jdlint.facts import places

    raw = place_names.place_data()["location_ignore"]
    alternation = re.compile("|".join(raw), re.IGNORECASE)
    found = places._settings().ignore.search(sentence)
    assert (found is not None) == (alternation.search(sentence) is not None)
