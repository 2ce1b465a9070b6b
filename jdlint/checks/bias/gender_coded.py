"""gender-coded: masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011), and the file's verdict.

Gaucher et al. showed that ads with more agentic ("competitive", "dominant")
than communal ("supportive", "collaborative") wording make women expect not
to belong, and apply less. Each coded word is one info finding; the counts
and a verdict go to the JSON `files[]` entry as `gender_coding` (and the text
reporter prints a non-neutral verdict). The stems and the verdict rule are
data: rules/bias/gender-coded.yaml, which names its source.

Stems match whole words only: the word must start with the stem and go on
with nothing or with an English suffix chain (`SUFFIX`), so "shar" matches
"sharing" but not "sharks", and "lead" matches "leadership" but not "leaflet".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.hookspecs import hookimpl
from jdlint.match import GatedAfterFirst, Pattern, SpanSet, phrases
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule
from jdlint.model.store import StoreKey

RULE = Rule(
    id="gender-coded",
    category="bias",
    languages=("en",),  # English word lists
    severity=Severity.INFO,
    summary="Masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011); the file's balance is reported.",
    explain=(
        "Gaucher, Friesen and Kay found that job ads worded with more stereotypically masculine "
        "(agentic) words such as “competitive”, “dominant” or “driven” led women to expect that they "
        "would not belong, and made the job less appealing to them, while feminine (communal) words "
        "such as “supportive” or “collaborative” did not put men off. Each coded word is reported as "
        "info, one finding per occurrence; the file's counts and a verdict (masculine-coded, "
        "feminine-coded or neutral: the sign of feminine minus masculine, as in Kat Matfield's Gender "
        "Decoder) go to the summary. Words count only as whole words ('shar' matches 'sharing', not "
        "'sharks'); the EEO statement and headings are not counted. English postings only: we know "
        "of no German (or other) agentic/communal list whose licence allows reuse."
    ),
    source=(
        "Gaucher, Friesen & Kay (2011), Evidence That Gendered Wording in Job Advertisements Exists and "
        "Sustains Gender Inequality, J. Personality and Social Psychology 101(1):109-128, Appendix A; "
        "stems as adapted by Kat Matfield's Gender Decoder (rules/bias/gender-coded.yaml)."
    ),
    fix_hint="Balance the wording: pair “competitive” or “driven” with what the team offers and how it works together.",
    bad_examples=("We want a competitive, driven self-starter.", "You are supportive and collaborative."),
    good_examples=("Sharks in the tank?", "Read the leaflet.", "Ship data models to production."),
)

# Connectors and suffix units an inflected or derived form may add after a stem.
_CONNECT = r"(?:[aeiouy]|t|n|s|z|it|at|iti|ati|ist)?"
_UNITS = (
    "s|es|d|ed|ing|ings|er|ers|or|ors|ator|ators|ive|ively|iveness|ion|ions|ional|ionally|ity|ities|"
    "ly|ness|ment|ments|ful|fully|ship|ships|ous|ously|ousness|ic|ics|ical|ically|tic|tical|tically|ist|ists|"
    "ize|ized|izes|izing|ise|ised|ises|ising|y|ies|ied|able|ably|ability|ible|ibly|ibility|ent|ents|ently|"
    "ence|ences|ency|encies|ant|ants|antly|ance|ances|ancy|al|ally|ate|ated|ates|ating|ation|ations|ative|"
    "atively|th|worthy|hood|ren|m|ms|t|ts|tly|ce|cy|nt|nce|te|ted|tion|tions|l|lly|lity|us|usly|n|ns|e|le|ry"
)
SUFFIX = re.compile(rf"{_CONNECT}(?:{_UNITS})?(?:{_UNITS})?(?:{_UNITS})?")
_WORD = re.compile(r"(?<![\w@./])[A-Za-z]+(?:[-'][A-Za-z]+)*(?![\w@/])")


@dataclass(frozen=True)
class _Lists:
    stems: tuple[tuple[str, str], ...]  # (stem, "masculine" | "feminine"), longest first
    not_coded: frozenset[str]
    not_coded_phrases: Pattern
    compound_ignored: frozenset[str]
    margin: int
    stem_starts: Pattern  # where a word part may begin with a stem (a fast prefilter)
    stem_words: Pattern  # the stems written without a hyphen inside, in any case (see `_candidate_runs`)


@cache
def _lists() -> _Lists:
    spec = data.load("bias/gender-coded.yaml")
    stems = [(s.lower(), "masculine") for s in spec["masculine"]] + [(s.lower(), "feminine") for s in spec["feminine"]]
    stems.sort(key=lambda x: -len(x[0]))
    return _Lists(
        stems=tuple(stems),
        not_coded=frozenset(w.lower() for w in spec.get("not_coded", [])),
        not_coded_phrases=phrases(spec.get("not_coded_phrases", [])),
        compound_ignored=frozenset(w.lower() for w in spec.get("compound_second_words_ignored", [])),
        margin=int(spec.get("verdict_margin", 1)),
        stem_starts=_prefix_regex([s for s, _ in stems]),
        # not after a letter as `stem_starts` has it in the lower-cased copy (the Kelvin sign lower-cases to "k")
        stem_words=phrases([s for s, _ in stems], not_before="a-zA-Z\u212a", not_after=None, gaps={}),
    )


def _prefix_regex(stems: list[str]) -> Pattern:
    """Every occurrence of a stem not preceded by a letter, hyphens or apostrophes allowed inside ("co-operat").

    Matched in the lower-cased text: several times faster than a flat case-insensitive alternation.
    """
    return phrases(stems, lower=True, not_before="a-z", not_after=None, gaps={}, inner="[-']?")


_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'")


_GATED = GatedAfterFirst()  # whether `_candidate_runs` may use the gated stems on this posting


def _inner_marks(low: str) -> list[int]:
    """Offsets of the hyphens and apostrophes between two letters a-z, in order: the only places a
    stem can be written with one inside. (`str.find` jumps between them several times faster than `re`.)"""
    out = []
    last = len(low) - 1
    for mark in "-'":
        i = low.find(mark, 1)
        while 0 < i < last:
            if "a" <= low[i - 1] <= "z" and "a" <= low[i + 1] <= "z":
                out.append(i)
            i = low.find(mark, i + 1)
    return sorted(out)


def _candidate_runs(posting, lists: _Lists) -> list[tuple[int, int]]:
    """Maximal runs of letters, hyphens and apostrophes that contain a stem occurrence, in order.

    Every `_WORD` match lies inside one such run, and scanning a run from its
    start finds the same words as scanning the whole text. The runs are read
    in the lower-cased copy, where `stem_starts` finds the stems.

    A run holds a stem written plainly ("competitive") or with a hyphen or an
    apostrophe inside ("co-operative"). The first kind is found by `stem_words`
    near the shared literal pass's hits, the second by `stem_starts` in the few
    runs with a hyphen or apostrophe between letters: together what a scan of
    the whole lower-cased text finds, at a fraction of its cost. The two agree
    on a text without "İ", "ı" or "ſ" (which re.IGNORECASE reads as "i" or "s");
    a text with one is scanned whole, and so is a process's first posting:
    setting up `stem_words` (reading its literals off the regex, compiling it)
    costs more than one scan, and a one-file run should not pay for it.
    """
    text = posting.analysis
    if not _GATED(text):
        return _scanned_runs(posting, lists.stem_starts)
    low = text.lower()  # offsets unchanged: only "İ" lower-cases to two characters
    runs: set[tuple[int, int]] = set()
    run = (-1, -1)
    for m in lists.stem_words.finditer(posting):
        if not run[0] <= m.start() < run[1]:  # a stem inside the last run ("self-reliant") has that run
            run = _run_around(low, m.start(), m.end())
            runs.add(run)
    stems_in_low = lists.stem_starts.regex  # a regex over the lower-cased copy, which `low` is
    done = -1
    for mark in _inner_marks(low):
        if mark < done:
            continue  # its run was read
        around = _run_around(low, mark, mark + 1)
        done = around[1]
        if around not in runs and stems_in_low.search(low, *around):
            runs.add(around)
    return sorted(runs)


def _run_around(low: str, start: int, end: int) -> tuple[int, int]:
    """The maximal run of `_RUN_CHARS` holding low[start:end]."""
    while start > 0 and low[start - 1] in _RUN_CHARS:
        start -= 1
    return start, _RUN_REST.match(low, end).end()  # type: ignore[union-attr]


_RUN_REST = re.compile("[A-Za-z'-]*")  # `_RUN_CHARS`, as many as follow


def _scanned_runs(posting, stem_starts: Pattern) -> list[tuple[int, int]]:
    """`_candidate_runs` by one scan of the whole lower-cased text."""
    runs: list[tuple[int, int]] = []
    for m in stem_starts.finditer(posting):
        p = m.start()
        if runs and p < runs[-1][1]:
            continue
        text = m.string
        start = p
        while start > 0 and text[start - 1] in _RUN_CHARS:
            start -= 1
        end, n = m.end(), len(text)
        while end < n and text[end] in _RUN_CHARS:
            end += 1
        runs.append((start, end))
    return runs


_CODES: dict[str, str | None] = {}
_CODES_MAX = 200_000  # distinct words remembered per process (a few MiB at most)


def code_of(word: str) -> str | None:
    """'masculine', 'feminine' or None for one word (hyphens and case ignored).

    Memoised per process: a posting repeats its words and postings share a
    vocabulary, so nearly every call after the first few files is one dict hit.
    """
    try:
        return _CODES[word]
    except KeyError:
        pass
    code = _code_of(word)
    if len(_CODES) >= _CODES_MAX:
        _CODES.clear()
    _CODES[word] = code
    return code


def _code_of(word: str) -> str | None:
    lists = _lists()
    low = word.lower().replace("-", "").replace("'", "")
    if low in lists.not_coded:
        return None
    for stem, code in lists.stems:
        if low.startswith(stem):
            rest = low[len(stem) :]
            if rest[:1] == stem[-1:] and stem[-1] not in "aeiou":
                rest = rest[1:]  # doubled consonant: "committed", "nagging"
            if SUFFIX.fullmatch(rest):
                return code
    return None


_CODED: StoreKey[list[tuple[int, int, str]]] = StoreKey("gender-coded words")


def coded_words(posting, context) -> list[tuple[int, int, str]]:
    """Every coded word outside the EEO statement and headings: (start, end, code)."""
    cached = posting.facts.get(_CODED)
    if cached is not None:
        return cached
    lists = _lists()
    text = posting.analysis
    skip = SpanSet(
        [m.span() for m in lists.not_coded_phrases.finditer(posting)]
        + [(b.start, b.end) for b in posting.blocks if b.kind == "heading"]
    )
    out: list[tuple[int, int, str]] = []
    for run_start, run_end in _candidate_runs(posting, lists):
        _code_run(text, run_start, run_end, lists, skip, context, out)
    posting.facts[_CODED] = out
    return out


def _code_run(text: str, start: int, end: int, lists: _Lists, skip: SpanSet, context, out: list) -> None:
    """Append the coded words of one candidate run (see `_candidate_runs`) to `out`."""
    for m in _WORD.finditer(text, start, end + 1):  # + 1: the lookahead must see the next character
        parts = _split(m)
        for s, e in parts:
            if s > m.start() and text[s:e].lower() in lists.compound_ignored:
                continue  # "data-driven", "industry-leading"
            code = code_of(text[s:e])
            if code is None and len(parts) > 1 and (s, e) == parts[0]:
                code = code_of(text[m.start() : m.end()])  # "self-confident", "co-operative"
                if code:
                    e = m.end()
            if code is None:
                continue
            if skip.overlaps(s, e) or context.in_eeo(s):
                continue
            out.append((s, e, code))
            if e == m.end():
                break


def _split(m: re.Match) -> list[tuple[int, int]]:
    """Spans of the hyphen-separated parts of a word match (one span for a plain word)."""
    word = m.group(0)
    if "-" not in word and "'" not in word:
        return [(m.start(), m.end())]
    spans = []
    pos = m.start()
    for piece in re.split(r"([-'])", m.group(0)):
        if piece in ("-", "'"):
            pos += 1
            continue
        spans.append((pos, pos + len(piece)))
        pos += len(piece)
    # an apostrophe ends a word ("leader's"): keep only hyphen parts
    return [sp for sp in spans if sp[1] > sp[0]]


def verdict(masculine: int, feminine: int, margin: int = 1) -> str:
    """Gender Decoder's rule: the sign of feminine minus masculine, once it reaches `margin`."""
    score = feminine - masculine
    if score >= margin:
        return "feminine-coded"
    if -score >= margin:
        return "masculine-coded"
    return "neutral"


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    for s, e, code in coded_words(posting, context):
        word = posting.text[s:e]
        yield Hit(
            RULE.id,
            s,
            e,
            f"“{word}” is a {code}-coded word (Gaucher, Friesen & Kay 2011); "
            "balance it with wording that appeals to everyone.",
        )


@hookimpl
def jdlint_file_summary(posting, context):
    if not context.enabled(RULE.id):
        return {}
    words = coded_words(posting, context)
    masculine = sum(1 for w in words if w[2] == "masculine")
    feminine = len(words) - masculine
    return {
        "gender_coding": {
            "masculine": masculine,
            "feminine": feminine,
            "verdict": verdict(masculine, feminine, _lists().margin),
        }
    }
