"""Finding regexes and word lists in a posting, quickly: what rules and facts import from `jdlint.match`.

A rule says *what* to find; this module decides *how* to find it fast. Five names:

* `Pattern(regex, flags)`: a rule's regex. `finditer`, `search` and `match`
  take the posting itself and read its analysis text (markup removed, the
  offsets of the raw text kept), or its text as written with `raw=True`.
  They give ordinary `re.Match` objects. With `start`/`end` they read only
  that stretch (a sentence, a section), as `regex.search(text, start, end)`
  would. `finditer_lines` is for a one-line regex (`^…$`, `re.MULTILINE`).
  `.source` is the regex's text, to build a larger regex from; `.regex` the
  compiled regex.
* `AnyPattern([regex, …], flags)`: does any of several phrasings occur?
  `search(posting)` gives the earliest match.
* `phrases(words, …)`: one `Pattern` for a list of words or phrases, whole
  words by default, a space inside a phrase matching any run of spaces or
  hyphens. Options say what may not touch a match, what a separator
  matches, and that acronyms ("ITAR", "DoD") must match as written.
* `Text(string)`: a string to read that is not one of the posting's own
  texts (a flattened copy, say); keep it (in `posting.facts`) to reuse it.
* `SpanSet(spans)`: "is this offset inside one of these spans?", by bisection.
* `first_char_alternation(alternatives, not_after)`: `(?<![not_after])(?:a|b…)`
  written with the look-behind after each first character, so that `re`
  jumps between the characters that can start a match.
* `folds_plainly(text)`: False when `text` holds "İ", "ı" or "ſ", where a
  case-insensitive regex and a search of the lower-cased text may disagree.
* `lazy_compile(regex, flags)`: `re.compile` done on first use, for a table of
  regexes of which a posting usually needs few (a one-file run compiled
  hundreds it never used).

Where a posting goes, a `Text` or a plain `str` may go too. A `str` is
read as it is: it suits a short piece the rule cut out itself.

How it is fast (nothing a rule has to do). Over a whole posting a
`Pattern` first looks for literal text every match must hold ("sponsor",
"authorized"/"authorised"), read off the regex and found case-sensitively
in a lower-cased copy of the text that is made once per posting and
shared; the regex then runs only in windows around those places. A
`needle=` names such a literal when the regex has none long enough, and
`near=`/`reach=` an anchor regex (digits, say) whose surroundings are the
only places a match can be. A word list becomes a trie (`co(?:mmit|nfiden)…`),
and with `lower=True` it is written in lower case and matched in the
lower-cased copy, which lets `re` jump to the letters that can start it. The
machinery lives in this package's other modules (regex_gate, literals,
regex_trie, lowered, spans, gated_matcher, token_windows, companions); rules and facts do not import them.
The literals of the gates are found together, in one Aho–Corasick pass
over each lower-cased copy (`literals`), the first time one asks: the pass
looks for the literals that kind of copy is asked for.

A rule, for example::

    import re

    from jdlint.facts.surroundings import sentence_span
    from jdlint.hookspecs import hookimpl
    from jdlint.match import Pattern, phrases
    from jdlint.model.finding import Hit

    _LIMIT = Pattern(r"\\b(?:US\\s+)?citizens\\s+only\\b", re.IGNORECASE)
    _BASIS = phrases(["ITAR", "export control", "security clearance"], acronyms=True)

    @hookimpl
    def jdlint_check(posting, context):
        for m in _LIMIT.finditer(posting):
            s0, s1 = sentence_span(posting, m.start())
            if not _BASIS.search(posting, s0, s1):  # no legal basis in the same sentence
                yield Hit("citizenship-restriction", m.start(), m.end(), "Say which law requires it.")

A `Pattern` compiles on first use, so one built at import time costs
nothing until a posting needs it. Over a whole posting `_LIMIT` above runs
only near "citizens"; `_BASIS` reads each sentence as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import cached_property, partial
from types import MappingProxyType

from jdlint.match.lazy import lazy_compile
from jdlint.match.literals import GatedAfterFirst, folded, folds_plainly
from jdlint.match.lowered import lower_same_length, lowered
from jdlint.match.regex_gate import GatedAny, GatedRegex
from jdlint.match.regex_trie import first_char_alternation, first_char_trie, phrase_atoms, trie_alternation
from jdlint.match.spans import SpanSet, merged
from jdlint.model.posting import Posting

__all__ = [
    "AnyPattern",
    "GatedAfterFirst",
    "Pattern",
    "SpanSet",
    "Text",
    "first_char_alternation",
    "folds_plainly",
    "lazy_compile",
    "phrases",
]


class Text:
    """A string to match in that is not one of a posting's own texts; its lower-cased copy is made once, if needed."""

    def __init__(self, string: str) -> None:
        self.string = string
        self._lower: str | None = None

    def _lowered(self) -> str:
        if self._lower is None:
            self._lower = lower_same_length(self.string)
        return self._lower


Where = Posting | Text | str


def _texts(where: Where, raw: bool) -> tuple[str, Callable[[], str]]:
    """The text to read and a way to get its lower-cased copy (same offsets), made or found on first call."""
    if isinstance(where, str):
        return where, partial(lower_same_length, where)
    if isinstance(where, Text):
        return where.string, where._lowered
    return (where.text if raw else where.analysis), partial(lowered, where, raw)


class Pattern:
    """A regex to find in a posting; see the module's docstring for what it is given and how it is fast.

    `lower=True`: the regex is written in lower case and runs, case-sensitively,
    on the lower-cased copy of the text; its matches are of that copy (read
    their offsets, take words from the posting). `needle`: a literal every
    match holds, looked for first (in lower case when `flags` ignore case).
    `near` and `reach`: every match lies within `reach` = (before, after)
    characters of a match of the regex `near`. `starts` (with `near`): a
    function giving, in order, every offset of `text[lo:hi]` where a match
    can begin (more is harmless); the regex is then tried only there, one
    `match` each, instead of at every offset of the window. Its matches must
    never be empty.
    """

    def __init__(
        self,
        regex: str | re.Pattern[str],
        flags: int = 0,
        *,
        lower: bool = False,
        needle: str | None = None,
        near: str | None = None,
        reach: tuple[int, int] = (0, 0),
        starts: Callable[[str, int, int], Iterable[int]] | None = None,
    ) -> None:
        if isinstance(regex, re.Pattern):
            regex, flags = regex.pattern, regex.flags
        self.source = regex
        self.flags = flags
        self.lower = lower
        self.needle = needle.lower() if needle is not None and flags & re.IGNORECASE else needle
        self.reach = reach
        self._starts = starts
        self._near = re.compile(near) if near is not None else None
        # the literal gate, for a pattern with no fast path of its own
        self._gate = GatedRegex(regex, flags) if not (lower or needle or near) else None

    def __repr__(self) -> str:
        return f"Pattern({self.source[:60]!r}{'…' if len(self.source) > 60 else ''}, {self.flags})"

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled regex itself."""
        return self._gate.pattern if self._gate is not None else re.compile(self.source, self.flags)

    def finditer(
        self, where: Where, start: int | None = None, end: int | None = None, *, raw: bool = False
    ) -> Iterator[re.Match[str]]:
        """Every match in the posting's analysis text (`raw`: its text), or in text[start:end]."""
        text, lower = _texts(where, raw)
        s, e = start or 0, len(text) if end is None else end
        if self.lower:
            return self.regex.finditer(lower(), s, e)
        if self._near is not None:
            return self._finditer_near(text, s, e)
        if self.needle is not None:
            return self.regex.finditer(text, s, e) if self._has_needle(text, lower, s, e) else iter(())
        if self._gate is not None and start is None and end is None and not isinstance(where, str):
            return self._gate.finditer(text, lower())
        return self.regex.finditer(text, s, e)

    def search(
        self, where: Where, start: int | None = None, end: int | None = None, *, raw: bool = False
    ) -> re.Match[str] | None:
        """A match in the posting's analysis text (`raw`: its text), or in text[start:end]; None if there is none.

        Over a whole posting the match found is the leftmost in all but
        contrived cases (a match reaching across two windows of literals).
        """
        text, lower = _texts(where, raw)
        s, e = start or 0, len(text) if end is None else end
        if self.lower:
            return self.regex.search(lower(), s, e)
        if self._near is not None:
            return next(self._finditer_near(text, s, e), None)
        if self.needle is not None:
            return self.regex.search(text, s, e) if self._has_needle(text, lower, s, e) else None
        if self._gate is not None and start is None and end is None and not isinstance(where, str):
            return self._gate.search(text, lower())
        return self.regex.search(text, s, e)

    def match(self, where: Where, pos: int = 0, end: int | None = None, *, raw: bool = False) -> re.Match[str] | None:
        """A match starting exactly at `pos` (and ending by `end`), or None."""
        text, lower = _texts(where, raw)
        return self.regex.match(lower() if self.lower else text, pos, len(text) if end is None else end)

    def finditer_lines(self, where: Where, *, raw: bool = False) -> Iterator[re.Match[str]]:
        """Every match of a one-line regex (`^…$` with re.MULTILINE), read only on the lines that hold its literal."""
        text, lower = _texts(where, raw)
        if self._gate is None or self.lower or isinstance(where, str):
            return self.regex.finditer(lower() if self.lower else text)
        return self._gate.finditer_lines(text, lower())

    def _has_needle(self, text: str, lower: Callable[[], str], start: int, end: int) -> bool:
        haystack = folded(lower()) if self.flags & re.IGNORECASE else text
        return haystack.find(self.needle, start, end) >= 0  # type: ignore[arg-type]

    def _finditer_near(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """Matches looked for only within `reach` of the anchors (windows that touch merged into one)."""
        windows = _near_windows(text, start, end, self._near, self.reach)  # type: ignore[arg-type]
        if self._starts is None:
            for lo, hi in windows:
                yield from self.regex.finditer(text, lo, hi)
            return
        match = self.regex.match
        for lo, hi in windows:  # what `finditer(text, lo, hi)` finds: the leftmost match, then on from its end
            pos = lo
            for p in self._starts(text, lo, hi):
                if p >= pos and (m := match(text, p, hi)) is not None:
                    yield m
                    pos = m.end()


_LAST_WINDOWS: list = [None]  # (text, start, end, near, reach, windows): patterns with one anchor share them


def _near_windows(
    text: str, start: int, end: int, near: re.Pattern[str], reach: tuple[int, int]
) -> list[tuple[int, int]]:
    """Merged stretches of text[start:end] within `reach` of a match of `near`; the last answer is kept."""
    last = _LAST_WINDOWS[0]
    if last is not None and last[0] is text and last[1:5] == (start, end, near, reach):
        return last[5]
    before, after = reach
    anchors = near.finditer(text, start, end)
    windows = merged((max(start, a.start() - before), min(end, a.end() + after)) for a in anchors)
    _LAST_WINDOWS[0] = (text, start, end, near, reach, windows)
    return windows


class AnyPattern:
    """Any of several phrasings (regexes): each runs only near the literals it needs."""

    def __init__(self, regexes: Iterable[str], flags: int = 0) -> None:
        self.sources = list(regexes)
        self.flags = flags
        self._any = GatedAny(self.sources, flags)

    def search(self, where: Where, *, raw: bool = False) -> re.Match[str] | None:
        """The earliest match any phrasing has in the posting's analysis text (`raw`: its text), or None."""
        text, lower = _texts(where, raw)
        return self._any.search(text, lower(), shared=not isinstance(where, str))


# A lower-case list that few characters can start (pronouns: "h", "s") puts its look-behind after the
# first character, so that `re` jumps from one of them to the next; when most letters can start it
# (gender-coded stems), a leading look-behind is faster: it turns down the inside of every word at once.
_FEW_STARTS = 8
_WHOLE_WORDS = r"\w-"  # no word character or hyphen may touch a match
_SPACES = MappingProxyType({" ": r"[\s-]+"})  # a space in a phrase: any run of whitespace or hyphens


def phrases(
    words: Iterable[str],
    *,
    acronyms: bool = False,
    lower: bool = False,
    not_before: str | None = _WHOLE_WORDS,
    not_after: str | None = _WHOLE_WORDS,
    gaps: Mapping[str, str] = _SPACES,
    inner: str = "",
    standalone: Collection[str] = (),
) -> Pattern:
    """One `Pattern` matching any of `words` (phrases too), longest first, ignoring case.

    * `acronyms`: a phrase with a capital after its first letter (ITAR, DoD) matches only as written.
    * `lower`: matched in the lower-cased text (fastest; matches are of that copy: see `Pattern`).
    * `not_before`, `not_after`: characters (the inside of a `[...]`) that may not stand right
      before or after a match; None: a match may sit inside a longer word.
    * `gaps`: what a separator inside a phrase matches, " " standing for any run of whitespace;
      `{}`: every character as written.
    * `inner`: what may stand between two characters of a word ("[-']?": "co-operative").
    * `standalone` (with `lower`): words that count only with no letter around them ("ai", not
      the "ai" of "email"), when the others may sit inside words.
    """
    words = [w for w in words if w]
    if lower:
        if acronyms:
            raise ValueError("a lower-case list cannot keep acronyms as written")
        atoms = partial(phrase_atoms, gaps=gaps, inner=inner, standalone={w.lower() for w in standalone})
        unique = {w.lower() for w in words}
        if not_before and len({w[0] for w in unique}) <= _FEW_STARTS:
            body = first_char_trie(unique, atoms, not_before)
        else:
            body = (f"(?<![{not_before}])" if not_before else "") + trie_alternation(unique, atoms)
        return Pattern(body + (f"(?![{not_after}])" if not_after else ""), lower=True)
    if not acronyms:
        return Pattern(_whole(words, not_before, not_after, gaps, inner), re.IGNORECASE)
    exact = [w for w in words if any(c.isupper() for c in w[1:])]
    loose = [w for w in words if w not in exact]
    alternatives = []
    if loose:
        alternatives.append("(?i:" + _whole(loose, not_before, not_after, gaps, inner) + ")")
    if exact:
        alternatives.append(_whole(exact, not_before, not_after, gaps, inner))
    return Pattern("|".join(alternatives) if alternatives else r"(?!x)x")


def _whole(
    words: Iterable[str], not_before: str | None, not_after: str | None, gaps: Mapping[str, str], inner: str
) -> str:
    """Regex source: a trie of `words` between the look-arounds that keep it to whole words."""
    trie = trie_alternation(set(words), partial(phrase_atoms, gaps=gaps, inner=inner))
    return (f"(?<![{not_before}])" if not_before else "") + trie + (f"(?![{not_after}])" if not_after else "")
