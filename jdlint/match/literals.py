"""Every gate's literals found in one pass over a lower-cased text, instead of one trie scan per regex.

Each `GatedRegex` and `GatedAny` looks for its own literals before it runs
its regex; with some sixty of them a posting's lower-cased copy was scanned
once per regex. Here the literals of all of them go into one Aho–Corasick
automaton (`ahocorasick-rs`: the matches come back as one list, built in
Rust) and a text is scanned once, when a gate first asks; the hits are kept
by literal, and each gate rebuilds from them exactly the places its own trie
regex would have found: `leftmost_longest` is what `finditer` of that trie
gives (the longest literal at the leftmost place, then on after it),
`longest_at_each_start` what a search from every position gives. Offsets,
case and word edges are those of the trie scan.

Three characters that a case-insensitive regex equates with an ASCII letter
keep a form of their own in the lower-cased copy: "İ" and "ı" (an "i" to
`re.IGNORECASE`) and "ſ" (an "s"). Literals are looked for in `folded(lowered)`,
where they are those letters, so a gate never skips "İSTANBUL" that its regex
would match. Offsets do not move: each is one character for one.

A gate registers its literals on first use. Literals that arrive after the
automaton was built join it when the next text is scanned; until then that
gate scans with its own trie (the same places). On a process's first posting
the automaton holds only the first gate's literals; from the next one on, all.
The automaton is first built as a compact NFA (quick to build: a one-file run
rebuilds it as gates arrive) and, once its literals have stayed the same over
`_UPGRADE` texts, once more as a DFA (slower to build, faster per character).

A text equal to one scanned lately (a posting's raw text where it has no
markup, the same flattened copy made by two rules) reuses that scan.

Behind `jdlint.match`: rules and facts never see it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


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
_UPGRADE = 32  # texts scanned with the same literals before the automaton is rebuilt as a DFA
_NOT_YET = 1 << 62  # the generation of a literal set the automaton does not hold yet


class Hits:
    """Where each literal occurs in one text: literal -> its start offsets, in order (overlaps included).

    `generation`: that of the automaton that scanned the text; a literal set held by that automaton
    (`Literals.hits` checks) has all its places here, and a literal absent from `starts` is not in the text.
    """

    __slots__ = ("generation", "starts", "text")

    def __init__(self, text: str, generation: int, starts: dict[str, list[int]]) -> None:
        self.text = text
        self.generation = generation
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


class Literals:
    """The literals of every gate in use, one automaton over them, and the hits of the last few texts."""

    def __init__(self) -> None:
        self._added: dict[str, int] = {}  # literal -> the generation of the first automaton holding it
        self._waiting: set[str] = set()  # literals registered since the last build
        self._sets: dict[frozenset[str], int] = {}  # literal set -> the first generation holding all of it
        self._generation = 0
        self._automaton: Any = None
        self._names: list[str] = []  # the automaton's pattern index -> literal
        self._scans = 0  # texts scanned since the last build
        self._fast = False  # is the automaton the DFA?
        self._recent: list[Hits] = []

    def add(self, literals: Iterable[str]) -> None:
        """Register a gate's literals; they are looked for from the next text on."""
        self._since(frozenset(literals))

    def hits(self, lowered: str, literals: frozenset[str], rescan: bool = False) -> Hits | None:
        """The hits in `lowered` (scanned once), or None when `literals` are not all in its scan yet.

        `rescan`: scan `lowered` again when its kept scan lacks `literals`, rather than answer None (for a
        caller whose own scan would cost more). The new hits replace the old: each literal's are the same.
        """
        since = self._sets.get(literals)
        if since is None:
            since = self._since(literals)
        for h in self._recent:
            if h.text is lowered or h.text == lowered:
                if since <= h.generation:
                    return h
                if not rescan:
                    return None
                self._recent.remove(h)
                break
        h = self._scan(lowered)
        return h if self._sets[literals] <= h.generation else None

    def _since(self, literals: frozenset[str]) -> int:
        """The first generation whose automaton holds every one of `literals` (`_NOT_YET`: the next one will)."""
        added = self._added
        new = [lit for lit in literals if lit not in added and lit]  # "" is no literal: never looked for
        if new:
            self._waiting.update(new)
            since = _NOT_YET
        else:
            since = max((added[lit] for lit in literals if lit), default=0)
        self._sets[literals] = since
        return since

    def _scan(self, lowered: str) -> Hits:
        if self._waiting or self._automaton is None:
            self._build(dfa=False)
        elif not self._fast and self._scans >= _UPGRADE:
            self._build(dfa=True)  # the same literals, the same generation: only faster
        self._scans += 1
        names = self._names
        grouped: dict[int, list[int]] = {}
        for i, s, _ in self._automaton.find_matches_as_indexes(folded(lowered), overlapping=True):
            found = grouped.get(i)
            if found is None:
                grouped[i] = [s]
            else:
                found.append(s)
        h = Hits(lowered, self._generation, {names[i]: found for i, found in grouped.items()})
        self._recent.insert(0, h)
        del self._recent[_KEEP:]
        return h

    def _build(self, dfa: bool) -> None:
        import ahocorasick_rs

        if self._waiting or self._automaton is None:
            self._generation += 1
            for lit in self._waiting:
                self._added[lit] = self._generation
            self._waiting.clear()
            for literals, since in self._sets.items():
                if since == _NOT_YET:
                    self._sets[literals] = max((self._added[lit] for lit in literals if lit), default=0)
        self._names = list(self._added)
        kind = ahocorasick_rs.Implementation.DFA if dfa else ahocorasick_rs.Implementation.ContiguousNFA
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._names, matchkind=ahocorasick_rs.MatchKind.Standard, implementation=kind
        )
        self._scans = 0
        self._fast = dfa


LITERALS = Literals()  # one per process: every gate shares it
