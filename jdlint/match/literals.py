"""Every gate's literals found in one pass over a lower-cased text, instead of one trie scan per regex.

Each `GatedRegex` and `GatedAny` looks for its own literals before it runs
its regex; with some sixty of them a posting's lower-cased copy was scanned
once per regex. Here their literals go into Aho–Corasick automata
(`ahocorasick-rs`: the matches come back as one list, built in Rust) and a
text is scanned when a gate first asks; the hits are kept by literal, and
each gate rebuilds from them exactly the places its own trie regex would
have found: `leftmost_longest` is what `finditer` of that trie gives (the
longest literal at the leftmost place, then on after it),
`longest_at_each_start` what a search from every position gives. Offsets,
case and word edges are those of the trie scan.

Not one automaton for every gate: a posting's copies are read by different
gates (its analysis text by the word lists and most rules, its raw text by
the page and place facts, a flattened copy by the statement rules), and the
literals of one kind's gates found in another's text are work thrown away: a
hit costs more than a character, and a large automaton is read back into the
processor's caches at every text. So texts are told apart by the literal set
first asked of them (the same gate, as rules run in a fixed order): each such
`_Group` learns which sets its texts are asked for and scans for all of them
in one pass. A set its scan lacked (a gate seen for the first time, a rule
that asks only some postings) is scanned for alone in that text, and joins
the group's automaton from its next text on.

Three characters that a case-insensitive regex equates with an ASCII letter
keep a form of their own in the lower-cased copy: "İ" and "ı" (an "i" to
`re.IGNORECASE`) and "ſ" (an "s"). Literals are looked for in `folded(lowered)`,
where they are those letters, so a gate never skips "İSTANBUL" that its regex
would match. Offsets do not move: each is one character for one.

A text equal to one scanned lately (a posting's raw text where it has no
markup, the same flattened copy made by two rules) reuses that scan.

Behind `jdlint.match`: rules and facts never see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain
from typing import Any

_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
# one character for one, so offsets hold; no literal holds either
_SURROGATE = re.compile("[\ud800-\udfff]")


def folds_plainly(text: str) -> bool:
    """True when `text` holds none of "İ", "ı", "ſ" (what `re.IGNORECASE` reads as "i" or "s"): there a
    case-insensitive match and a match in the lower-cased copy find the same places."""
    return text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text)


def folded(lowered: str) -> str:
    """`lowered` with the characters `re.IGNORECASE` reads as "i" or "s" made those letters (same offsets)."""
    return lowered if folds_plainly(lowered) else lowered.translate(_FOLD)


class GatedAfterFirst:
    """Says, posting by posting, whether a case-insensitive pattern run near the shared literal hits may
    stand in for one scan of the lower-cased text.

    Not on a process's first posting at its call site (setting up the gated pattern costs more than one
    scan, and a one-file run should not pay for it), nor on a text where the two could disagree
    (`folds_plainly`). One instance per call site.
    """

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self, text: str) -> bool:
        self.asked += 1
        return self.asked > 1 and folds_plainly(text)


_KEEP = 8  # texts whose hits are kept: a posting's analysis and raw copies, its flattened copies, a few Texts


class Hits:
    """Where each literal occurs in one text: literal -> its start offsets, in order (overlaps included).

    A literal of `scanned` that is absent from `starts` is not in the text; `covered` are the literal sets
    asked of the text so far (all of each in `scanned`), `group` the `_Group` that scanned it.
    """

    __slots__ = ("covered", "group", "scanned", "starts", "text")

    def __init__(
        self,
        text: str,
        group: _Group,
        covered: set[frozenset[str]],
        scanned: frozenset[str],
        starts: dict[str, list[int]],
    ) -> None:
        self.text = text
        self.group = group
        self.covered = covered
        self.scanned = scanned
        self.starts = starts

    def leftmost_longest(self, literals: Iterable[str]) -> list[tuple[int, int]]:
        """(start, end) of the matches `finditer` of a trie of `literals` finds: leftmost, longest, not overlapping."""
        starts = self.starts
        present = starts.keys() & literals  # the few of them this text holds
        if not present:
            return []
        if len(present) == 1:
            lit = present.pop()
            occ = [(s, -len(lit)) for s in starts[lit]]
        else:
            occ = [(s, -len(lit)) for lit in present for s in starts[lit]]
            occ.sort()
        out: list[tuple[int, int]] = []
        last = -1
        for s, neg in occ:
            if s >= last:
                last = s - neg
                out.append((s, last))
        return out

    def starts_of(self, literals: Iterable[str]) -> list[int]:
        """Every offset where one of `literals` begins, once each, in order."""
        starts = self.starts
        present = starts.keys() & literals
        if len(present) == 1:
            return starts[present.pop()]
        return sorted({s for lit in present for s in starts[lit]})

    def longest_at_each_start(self, literals: Iterable[str]) -> list[tuple[int, str]]:
        """(start, literal) for every offset where one of `literals` begins, the longest there; in order.

        What searching a trie of `literals` from every position in turn finds.
        """
        starts = self.starts
        best: dict[int, str] = {}
        for lit in starts.keys() & literals:
            for s in starts[lit]:
                old = best.get(s)
                if old is None or len(lit) > len(old):
                    best[s] = lit
        return sorted(best.items())


class _Automaton:
    """One Aho–Corasick automaton over some literals; `scan` gives literal -> start offsets (all, overlapping)."""

    def __init__(self, literals: Iterable[str]) -> None:
        import ahocorasick_rs

        self._names = sorted({lit for lit in literals if lit})  # "" is no literal: never looked for
        self.literals = frozenset(self._names)
        self._rs: Any = ahocorasick_rs.AhoCorasick(
            self._names,
            matchkind=ahocorasick_rs.MatchKind.Standard,
            # small and quick to build; a DFA is faster on a warm cache, but it is larger, and between two
            # texts the rules' own work pushes the automaton out of the caches: reading it back is the cost
            implementation=ahocorasick_rs.Implementation.ContiguousNFA,
        )

    def scan(self, text: str) -> dict[str, list[int]]:
        text = folded(text)
        try:
            matches = self._rs.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate (from bytes read with surrogateescape) is no UTF-8
            matches = self._rs.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)
        grouped: dict[int, list[int]] = {}
        for i, s, _ in matches:
            found = grouped.get(i)
            if found is None:
                grouped[i] = [s]
            else:
                found.append(s)
        names = self._names
        return {names[i]: found for i, found in grouped.items()}


class _Group:
    """The literal sets asked of the texts whose first ask was one set, and one automaton over all of them."""

    def __init__(self, first: frozenset[str]) -> None:
        self.sets: set[frozenset[str]] = {first}
        self._automaton: _Automaton | None = None
        self._covered: frozenset[frozenset[str]] = frozenset()

    def join(self, literals: frozenset[str]) -> None:
        """Texts of this group are asked `literals` too: look for them from the next text on."""
        if literals not in self.sets:
            self.sets.add(literals)
            self._automaton = None

    def scan(self, text: str) -> Hits:
        if self._automaton is None:
            self._automaton = _Automaton(chain.from_iterable(self.sets))
            self._covered = frozenset(self.sets)
        automaton = self._automaton
        return Hits(text, self, set(self._covered), automaton.literals, automaton.scan(text))


class Literals:
    """The groups of texts and their automata, and the hits of the last few texts."""

    def __init__(self) -> None:
        self._groups: dict[frozenset[str], _Group] = {}  # by the set first asked of their texts
        self._alone: dict[frozenset[str], _Automaton] = {}  # one set's own, for a text its group's scan lacked
        self._recent: list[Hits] = []

    def hits(self, lowered: str, literals: frozenset[str]) -> Hits:
        """The hits of `literals` (and of others) in `lowered`, scanned for once per text.

        Every ask is answered: by one more scan for `literals` alone when the text's kept scan lacks them.
        """
        for h in self._recent:
            if h.text is lowered or h.text == lowered:
                if literals not in h.covered:
                    self._complete(h, literals)
                return h
        group = self._groups.get(literals)
        if group is None:
            group = self._groups[literals] = _Group(literals)
        h = group.scan(lowered)
        self._recent.insert(0, h)
        del self._recent[_KEEP:]
        return h

    def _complete(self, h: Hits, literals: frozenset[str]) -> None:
        """Add the places of `literals` to `h` (a scan of their own if its group's lacked some)."""
        h.group.join(literals)
        if not literals <= h.scanned:
            automaton = self._alone.get(literals)
            if automaton is None:
                automaton = self._alone[literals] = _Automaton(literals)
            scanned = h.scanned
            for lit, found in automaton.scan(h.text).items():
                if lit not in scanned:
                    h.starts[lit] = found
            h.scanned = scanned | automaton.literals
        h.covered.add(literals)


LITERALS = Literals()  # one per process: every gate shares it
