"""Find a regex quickly by first finding the literal text every match of it must contain.

Many rule regexes are case-insensitive and start with `\\b`, so Python's `re`
makes an attempt at every character of a posting. But nearly all of them
contain required literal text ("sponsor", "authorized"/"authorised", "h1b"…):
`required_literals` reads that off the parsed regex, and `GatedRegex`
looks for those literals first, case-sensitively in the lower-cased text
(a fast first-character skip), then runs the real regex only in a window
around each occurrence. A posting without them costs one fast scan.

The windows assume a match extends at most `WINDOW` characters before or
after its literal, which holds for the bounded patterns rules use; a regex
with no literal of at least `MIN_LITERAL` characters is simply run as is.

Behind `jdlint.match.Pattern` and `AnyPattern`: rules and facts use those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

try:  # the regex parser of the standard library (re._parser since 3.11, sre_parse before)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

from jdlint.match.literals import LITERALS, folded
from jdlint.match.regex_trie import trie_alternation
from jdlint.match.spans import merged

WINDOW = 250
MIN_LITERAL = 3
_MAX_STRINGS = 32  # expansions of one literal run ("authori[sz]ed" is two)
_MAX_STARTS = 4000  # strings a match may start with, for `match_start_literals` (found by one shared pass)
_SPACE = re.compile(r"\s")


def required_literals(source: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of the regex contains; None when none is known."""
    try:
        parsed = _p.parse(source, flags)
    except Exception:
        return None
    found = _sequence(list(parsed))
    return frozenset(found) if found else None


def prefix_literals(source: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of the regex *starts* with (after `\\b`); None if unknown.

    With these, a match is looked for only where one of them occurs: one
    `match` attempt there instead of a search through a window around it.
    """
    try:
        parsed = list(_p.parse(source, flags))
    except Exception:
        return None
    if len(parsed) == 1 and parsed[0][0] is _c.BRANCH:
        sets = [_leading(list(branch)) for branch in parsed[0][1][1]]
        if any(not s for s in sets):
            return None
        found: set[str] = set().union(*sets)
    else:
        found = _leading(parsed) or set()
    return frozenset(found) if found and min(map(len, found)) >= MIN_LITERAL else None


def match_start_literals(source: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of the regex starts with, read further than `prefix_literals`:
    through look-arounds (they consume nothing) and leading optional groups (`(?:please\\s+)?(?:state|…)`).

    With these, `GatedRegex` tries one `match` where each occurs instead of searching a window around it.
    """
    try:
        parsed = list(_p.parse(source, flags))
    except Exception:
        return None
    found = _leading(parsed, wide=True, limit=_MAX_STARTS)
    return frozenset(found) if found and min(map(len, found)) >= MIN_LITERAL else None


_OPTIONAL = (_c.MAX_REPEAT, _c.MIN_REPEAT)
_LOOK = (_c.ASSERT, _c.ASSERT_NOT)


def _leading(items: list, wide: bool = False, limit: int = _MAX_STRINGS) -> set[str] | None:
    """The exact strings a sequence starts with (word-boundary assertions skipped), or None.

    `wide`: look-arounds are skipped too, and a leading optional group gives what the sequence
    starts with with it and without it.
    """
    while items and (
        (items[0][0] is _c.AT and items[0][1] in (_c.AT_BOUNDARY, _c.AT_BEGINNING)) or (wide and items[0][0] in _LOOK)
    ):
        items = items[1:]
    if wide and items and items[0][0] in _OPTIONAL and items[0][1][:2] == (0, 1) and _exact(*items[0], limit) is None:
        with_it = _leading(list(items[0][1][2]) + items[1:], wide, limit)
        without = _leading(items[1:], wide, limit)
        return with_it | without if with_it and without and len(with_it | without) <= limit else None
    run: set[str] = {""}
    for op, av in items:
        piece = _exact(op, av, limit)
        if piece is None and run == {""}:  # a leading group that is not all literal: what its branches start with
            piece = _group_leading(op, av, wide, limit)
            if piece:
                run = piece
            break
        if piece is None and wide and (spaces := _space_run(op, av)):  # "be\s+able": "be" and a space
            short = {a for a in run if len(a) < MIN_LITERAL}
            if len(run) + len(short) * len(spaces) <= limit:
                run = (run - short) | {a + c for a in short for c in spaces}
            break
        if piece is None or len(run) * len(piece) > limit:
            break
        run = {a + b for a in run for b in piece}
    return run if run != {""} and "" not in run else None


# what `\s` matches in a str pattern (case-insensitive or not): the characters for which str.isspace() holds
_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
_WHITESPACE += "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _space_run(op: Any, av: Any) -> frozenset[str] | None:
    """The characters a run of at least one `\\s` (or `[\\s…]` of spaces and literals) can begin with, or None.

    A prefix too short to look for ("be" in "be\\s+able\\s+to") is looked for with each of them after it.
    """
    if op not in _OPTIONAL or av[0] < 1 or len(av[2]) != 1 or av[2][0][0] is not _c.IN:
        return None
    chars: set[str] = set()
    for o, v in av[2][0][1]:
        if o is _c.CATEGORY and v is _c.CATEGORY_SPACE:
            chars.update(_WHITESPACE)
        elif o is _c.LITERAL:
            chars.add(chr(v).lower())
        else:
            return None
    return frozenset(chars)


def _group_leading(op: Any, av: Any, wide: bool = False, limit: int = _MAX_STRINGS) -> set[str] | None:
    """The strings every match of a group or an alternation starts with, or None."""
    found = _through_group(op, av, lambda items: _leading(items, wide, limit))
    return found if found and len(found) <= limit else None


def _through_group(op: Any, av: Any, of_sequence: Callable[[list], set[str] | None]) -> set[str] | None:
    """`of_sequence` of a group's contents, or the union over an alternation's branches (None if one has none)."""
    if op is _c.SUBPATTERN:
        return of_sequence(list(av[-1]))
    if op is _c.BRANCH:
        sets = [of_sequence(list(branch)) for branch in av[1]]
        if any(not s for s in sets):
            return None
        return set().union(*sets)
    return None


# Words on nearly every posting make poor pre-search literals: a set with none of them is preferred.
_COMMON = frozenset(
    [
        *("work", "team", "help", "people", "support", "candidates", "candidate", "applicants", "applications"),
        *("without", "form", "right", "person", "will", "with", "experience", "skills", "years", "role", "company"),
        *("business", "working", "time", "able", "new", "about", "other", "including", "must", "strong", "data"),
        *("product", "customer", "customers", "also", "more", "which", "their", "from", "your", "this", "that"),
        *("have", "what", "who", "our", "all", "and", "the", "for", "you", "are", "can", "not"),
    ]
)


def _score(strings: set[str] | None) -> tuple[bool, bool, int]:
    """Higher is a better pre-search: long enough, then no very common word, then the longest shortest member."""
    if not strings:
        return (False, False, 0)
    shortest = min(len(s) for s in strings)
    return (shortest >= MIN_LITERAL, not any(s.strip() in _COMMON for s in strings), shortest)


def _sequence(items: list) -> set[str] | None:
    """The best (longest shortest-member) required set of a sequence of regex items."""
    best: set[str] | None = None
    run: set[str] = {""}

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and _score(candidate) > _score(best):
            best = candidate

    for op, av in items:
        piece = _exact(op, av)
        if piece is not None and len(run) * len(piece) <= _MAX_STRINGS:
            run = {a + b for a in run for b in piece}
            continue
        consider(run)
        run = {""}
        if piece is not None:  # a literal piece too varied to join the run starts a new one
            run = piece
            continue
        consider(_required(op, av))
    consider(run)
    return best


def _required(op: Any, av: Any) -> set[str] | None:
    """A required set for one non-literal item (a group, an alternation, a repeat of at least one)."""
    if op is _c.SUBPATTERN or op is _c.BRANCH:
        return _through_group(op, av, _sequence)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _sequence(list(av[2]))
    return None


def _exact(op: Any, av: Any, limit: int = _MAX_STRINGS) -> set[str] | None:
    """The few exact strings an item matches (lower case), or None when it is not such an item."""
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _ in av) and len(av) <= 4:
            return {chr(v).lower() for _, v in av}
        return None
    if op is _c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
        inner = _all_exact(list(av[2]), limit)
        return None if inner is None else inner | {""}
    if op is _c.SUBPATTERN:
        return _all_exact(list(av[-1]), limit)
    if op is _c.BRANCH:
        sets = [_all_exact(list(branch), limit) for branch in av[1]]
        if any(s is None for s in sets):
            return None
        union = set().union(*sets)
        return union if len(union) <= limit else None
    return None


def _all_exact(items: list, limit: int = _MAX_STRINGS) -> set[str] | None:
    """The exact strings of a sequence made only of exact items (None otherwise)."""
    out = {""}
    for op, av in items:
        piece = _exact(op, av, limit)
        if piece is None or len(out) * len(piece) > limit:
            return None
        out = {a + b for a in out for b in piece}
    return out


class GatedRegex:
    """A regex plus a fast literal pre-search; `search` finds a match if there is one.

    Both are compiled on first use, and the regex itself only once some text
    holds its literals: a one-file run never pays for rules it has no use for.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.source, self.flags)

    @cached_property
    def literals(self) -> frozenset[str] | None:
        """The lower-case literals one of which every match holds (None: none long enough to gate on)."""
        literals = required_literals(self.source, self.flags)
        return literals if literals and min(map(len, literals)) >= MIN_LITERAL else None

    @cached_property
    def starts(self) -> frozenset[str] | None:
        """Literals every match starts with (`match_start_literals`), when the regex is gated at all."""
        return match_start_literals(self.source, self.flags) if self.literals else None

    def _places(self, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of the literals in `lowered`, as `finditer` of a trie regex of them finds them
        (leftmost, longest), read off the shared pass."""
        return LITERALS.hits(lowered, self.literals).leftmost_longest(self.literals)  # type: ignore[arg-type]

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """A match of the pattern in `text` (`lowered`: the same text lower-cased, same length), or None.

        Windows are tried in text order, so the match is the leftmost one in
        all but contrived cases; callers here only ask whether there is one.
        """
        return next(self.finditer(text, lowered), None)

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text`, found only within the windows around its literals.

        What `finditer(text, start, end)` finds in each window; when every match
        starts with one of `starts`, by one `match` where each occurs (a match can
        begin nowhere else) instead of an attempt at every offset of the window.
        """
        windows = self.windows(text, lowered)
        if not self.starts or not windows:
            for start, end in windows:
                yield from self.pattern.finditer(text, start, end)
            return
        places = LITERALS.hits(lowered, self.starts).starts_of(self.starts)
        match = self.pattern.match
        i, n = 0, len(places)
        for start, end in windows:
            while i < n and places[i] < start:
                i += 1
            pos = start
            while i < n and places[i] < end:
                p = places[i]
                i += 1
                if p >= pos and (m := match(text, p, end)) is not None:
                    yield m
                    pos = m.end() if m.end() > p else p + 1

    def finditer_lines(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """Like `finditer`, for a one-line pattern (`^…$` with re.MULTILINE): only lines holding a literal."""
        if self.literals is None:
            yield from self.pattern.finditer(text)
            return
        done = -1
        for hit_start, hit_end in self._places(lowered):
            if hit_start <= done:
                continue
            start = text.rfind("\n", 0, hit_start) + 1
            end = text.find("\n", hit_end)
            done = end = len(text) if end == -1 else end
            if self._line_anchored:  # it can only match where the line starts: one attempt, not one per column
                m = self.pattern.match(text, start, end)
                if m:
                    yield m
            else:
                yield from self.pattern.finditer(text, start, end)

    @cached_property
    def _line_anchored(self) -> bool:
        """Does every match begin with `^` (the regex is `^…`, no top-level alternation)?"""
        try:
            parsed = list(_p.parse(self.source, self.flags))
        except Exception:
            return False
        return bool(parsed) and parsed[0] in ((_c.AT, _c.AT_BEGINNING), (_c.AT, _c.AT_BEGINNING_LINE))

    def windows(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """Merged spans of `text` within `WINDOW` characters of a required literal (none: no match possible)."""
        if self.literals is None:
            return [(0, len(text))]
        hits = self._places(lowered)
        return merged((max(0, s - WINDOW), _word_end(text, e + WINDOW)) for s, e in hits)


def _word_end(text: str, pos: int) -> int:
    """`pos` moved on to the next whitespace, so a window never ends inside a word."""
    if pos >= len(text):
        return len(text)
    m = _SPACE.search(text, pos)
    return m.start() if m else len(text)


class GatedAny:
    """Does a text match any of several regexes? Each runs only near its own literals.

    One alternation of phrasings (`a|b|c…`) gated as a whole runs every
    phrasing wherever any literal occurs, and a phrasing with a frequent literal
    ("right to work") then drags all of them over most of the text. Here one
    trie of every phrasing's literals finds the places; at each, only the
    phrasings needing the literal found run: a phrasing whose every match
    starts with one of its literals is tried right there (one `match`), any
    other in a window around it. A phrasing without a usable literal runs on
    the whole text.
    """

    def __init__(self, sources: list[str], flags: int = 0) -> None:
        self.parts = [GatedRegex(s, flags) for s in sources]
        self._memo: dict[str, tuple[int, ...]] = {}

    @cached_property
    def _scan(self) -> tuple[re.Pattern[str] | None, dict[str, list[int]], list[int], frozenset[int]]:
        """(trie of all literals, literal -> the phrasings needing it, phrasings without literals,
        phrasings whose every match starts with one of their literals)."""
        owners: dict[str, list[int]] = {}
        whole: list[int] = []
        anchored: set[int] = set()
        for i, part in enumerate(self.parts):
            literals = required_literals(part.source, part.flags)
            prefixes = prefix_literals(part.source, part.flags)
            if prefixes and _score(set(prefixes)) >= _score(set(literals or ())):  # as rare as the best set
                anchored.add(i)
                literals = prefixes
            if not literals or min(map(len, literals)) < MIN_LITERAL:
                whole.append(i)
                continue
            for lit in literals:
                owners.setdefault(lit, []).append(i)
        scan = re.compile(trie_alternation(owners)) if owners else None
        return scan, owners, whole, frozenset(anchored)

    def search(self, text: str, lowered: str, shared: bool = True) -> re.Match[str] | None:
        """The earliest match any phrasing has in `text` (`lowered`: same text in lower case), or None.

        `shared`: `lowered` is a posting's (or a `Text`'s) own copy, whose literals the shared pass may find.
        """
        scan, owners, whole, anchored = self._scan
        spans: dict[int, list[tuple[int, int]]] = {i: [(0, len(text))] for i in whole}
        starts: dict[int, list[int]] = {}  # anchored phrasings: where one of their literals begins
        if scan is not None:
            for p, word in self._places(scan, owners, lowered, shared):
                window = (max(0, p - WINDOW), _word_end(text, p + len(word) + WINDOW))
                for i in self._owners_of(word, owners):
                    if i in anchored:
                        starts.setdefault(i, []).append(p)
                    else:
                        spans.setdefault(i, []).append(window)
        best: re.Match[str] | None = None
        for i, places in starts.items():
            pattern = self.parts[i].pattern
            for p in places:  # in text order: the first that matches is the phrasing's leftmost match
                if best is not None and p >= best.start():
                    break
                found = pattern.match(text, p)
                if found:
                    best = found
                    break
        for i, windows in spans.items():
            pattern = self.parts[i].pattern
            for start, end in merged(windows):
                if best is not None and start >= best.start():
                    break
                found = pattern.search(text, start, end)
                if found:
                    if best is None or found.start() < best.start():
                        best = found
                    break
        return best

    def _places(
        self, scan: re.Pattern[str], owners: dict[str, list[int]], lowered: str, shared: bool
    ) -> list[tuple[int, str]]:
        """(offset, longest literal beginning there) for every offset where a literal begins, in order."""
        found = LITERALS.hits(lowered, self._literals) if shared else None
        if found is not None:
            return found.longest_at_each_start(owners)
        out = []
        pos = 0
        lowered = folded(lowered)
        while (hit := scan.search(lowered, pos)) is not None:
            out.append((hit.start(), hit.group()))
            pos = hit.start() + 1  # every start: a literal may begin inside a longer one
        return out

    @cached_property
    def _literals(self) -> frozenset[str]:
        return frozenset(self._scan[1])

    def _owners_of(self, word: str, owners: dict[str, list[int]]) -> tuple[int, ...]:
        """The phrasings needing a literal that `word` (the longest found at a place) begins with."""
        got = self._memo.get(word)
        if got is None:
            need = {i for lit, idx in owners.items() if word.startswith(lit) for i in idx}
            got = self._memo[word] = tuple(sorted(need))
        return got
