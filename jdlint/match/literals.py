"""Every gate's literals found in one pass over a lower-cased text, instead of one trie scan per regex.

Each `GatedRegex` and `GatedAny` looks for its own literals before it runs
its regex; with some sixty of them a posting's lower-cased copy was scanned
once per regex. Here the literals of all of them go into one Aho–Corasick
automaton (`pyahocorasick`) and a text is scanned once, when a gate first
asks; the hits are kept by literal, and each gate rebuilds from them exactly
the places its own trie regex would have found: `leftmost_longest` is what
`finditer` of that trie gives (the longest literal at the leftmost place,
then on after it), `longest_at_each_start` what a search from every
position gives. Offsets, case and word edges are those of the trie scan.

Three characters that a case-insensitive regex equates with an ASCII letter
keep a form of their own in the lower-cased copy: "İ" and "ı" (an "i" to
`re.IGNORECASE`) and "ſ" (an "s"). Literals are looked for in `folded(lowered)`,
where they are those letters, so a gate never skips "İSTANBUL" that its regex
would match. Offsets do not move: each is one character for one.

A gate registers its literals on first use. Literals that arrive after the
automaton was built join it when the next text is scanned; until then that
gate scans with its own trie (the same places). On a process's first posting
the automaton holds only the first gate's literals; from the next one on, all.

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


class Hits:
    """Where each literal occurs in one text: literal -> its start offsets, in order (overlaps included)."""

    __slots__ = ("covered", "starts", "text")

    def __init__(self, text: str, covered: frozenset[str], starts: dict[str, list[int]]) -> None:
        self.text = text
        self.covered = covered  # the literals the automaton knew: absent from `starts` means "not in the text"
        self.starts = starts

    def leftmost_longest(self, literals: Iterable[str]) -> list[tuple[int, int]]:
        """(start, end) of the matches `finditer` of a trie of `literals` finds: leftmost, longest, not overlapping."""
        occ = [(s, -len(lit)) for lit in literals for s in self.starts.get(lit, ())]
        occ.sort()
        out: list[tuple[int, int]] = []
        last = -1
        for s, neg in occ:
            if s >= last:
                last = s - neg
                out.append((s, last))
        return out

    def longest_at_each_start(self, literals: Iterable[str]) -> list[tuple[int, str]]:
        """(start, literal) for every offset where one of `literals` begins, the longest there; in order.

        What searching a trie of `literals` from every position in turn finds.
        """
        best: dict[int, str] = {}
        for lit in literals:
            for s in self.starts.get(lit, ()):
                old = best.get(s)
                if old is None or len(lit) > len(old):
                    best[s] = lit
        return sorted(best.items())


class Literals:
    """The literals of every gate in use, one automaton over them, and the hits of the last few texts."""

    def __init__(self) -> None:
        self._known: set[str] = set()
        self._built: frozenset[str] = frozenset()
        self._automaton: Any = None
        self._recent: list[Hits] = []

    def add(self, literals: Iterable[str]) -> None:
        """Register a gate's literals; they are looked for from the next text on."""
        self._known.update(literals)

    def hits(self, lowered: str, literals: frozenset[str], rescan: bool = False) -> Hits | None:
        """The hits in `lowered` (scanned once), or None when `literals` are not all in its scan yet.

        `rescan`: scan `lowered` again when its kept scan lacks `literals`, rather than answer None (for a
        caller whose own scan would cost more). The new hits replace the old: each literal's are the same.
        """
        if not literals <= self._known:
            self._known.update(literals)
        for h in self._recent:
            if h.text is lowered:
                if literals <= h.covered:
                    return h
                if not rescan:
                    return None
                self._recent.remove(h)
                break
        h = self._scan(lowered)
        return h if literals <= h.covered else None

    def _scan(self, lowered: str) -> Hits:
        if self._automaton is None or len(self._built) != len(self._known):
            self._build()
        starts: dict[str, list[int]] = {}
        for end, lit in self._automaton.iter(folded(lowered)):
            found = starts.get(lit)
            if found is None:
                starts[lit] = [end - len(lit) + 1]
            else:
                found.append(end - len(lit) + 1)
        h = Hits(lowered, self._built, starts)
        self._recent.insert(0, h)
        del self._recent[_KEEP:]
        return h

    def _build(self) -> None:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for lit in self._known:
            automaton.add_word(lit, lit)
        automaton.make_automaton()
        self._automaton = automaton
        self._built = frozenset(self._known)


LITERALS = Literals()  # one per process: every gate shares it
