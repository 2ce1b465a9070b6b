"""Which anchor occurrences could be part of a term match: the other words such a match would hold.

Most terms hold fixed words besides their anchor ("at most 5 years" needs
"at" and "most" around "years"), and in a posting nearly every anchor stands
alone: tokenizing the text around each one was most of what the term packs
cost. `Companions` keeps, per anchor word, what each term anchored on it
needs besides (one of a set of lower-case texts per needed token), and
`kept` drops an anchor occurrence when no term finds its needs in the lower-cased
text within the words a match around it could span (`reach` tokens either
side lie within `reach` whitespace-separated words: a word holds at least one
token). Dropping never loses a match; it only spares the tokenizer.

A token whose lower-case text is an anchor's need is that text in the
lower-cased copy too, unless the need holds "σ" or "ς" (what "Σ" lower-cases
to depends on its neighbours) or U+0307 ("İ" lower-cases to two characters,
which the copy keeps as one): such a need counts as met.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Anchor = tuple[int, int, int]  # (start, end, reach in tokens), as `token_windows` finds them
Need = frozenset[str]  # a match holds a token whose lower-case text is one of these
_UNSURE = frozenset("σςΣİ\u0307")


def _unsure(text: str) -> bool:
    return not text.isascii() and not _UNSURE.isdisjoint(text)


class Companions:
    """Per anchor word (lower-case, or exact for `ORTH` anchors), the needs of each term anchored on it.

    A word maps to None when some term anchored on it needs nothing more: its occurrences are all kept.
    """

    def __init__(self) -> None:
        self._tables: tuple[dict[str, list[tuple[Need, ...]] | None], ...] = ({}, {})  # lower, exact
        # per found word: its terms' weakest alternatives, each a tuple of needs (texts, longest first)
        self._resolved: tuple[dict[str, list[tuple[tuple[str, ...], ...]] | None], ...] = ({}, {})

    def add(self, exact: bool, anchor_texts: Iterable[str], needs: Iterable[Iterable[str]]) -> None:
        """One term: it holds one of `anchor_texts` and, for each of `needs`, a token with one of its texts."""
        sure = tuple(need for need in map(frozenset, needs) if need and not any(_unsure(u) for u in need))
        table = self._tables[exact]
        for w in anchor_texts:
            key = w if exact else w.lower()
            if not sure:
                table[key] = None
            else:
                alts = table.setdefault(key, [])
                if alts is not None:
                    alts.append(sure)
        self._resolved[exact].clear()

    def _alternatives(self, exact: bool, word: str) -> list[tuple[tuple[str, ...], ...]] | None:
        """The needs of every term the found `word` may stand for: it or an anchor word it begins with (the
        tokenizer may cut a token out of a longer word, as `AnchorFinder` reads it). [] for an unknown word."""
        resolved = self._resolved[exact]
        if word in resolved:
            return resolved[word]
        table = self._tables[exact]
        alts: list[tuple[Need, ...]] | None = []
        for k in range(1, len(word) + 1):
            if word[:k] in table:
                more = table[word[:k]]
                if more is None:
                    alts = None
                    break
                alts.extend(more)
        out = None if alts is None else _weakest(alts)
        resolved[word] = out
        return out

    def kept(self, text: str, low: str, anchors: list[Anchor]) -> list[Anchor]:
        """The `anchors` some term anchored there may match around: its needs occur within its reach."""
        out: list[Anchor] = []
        backwards: str | None = None
        n = len(text)
        for anchor in anchors:
            s, e, reach = anchor
            lower = self._alternatives(False, low[s:e])
            exact = self._alternatives(True, text[s:e])
            if lower is None or exact is None or not (lower or exact):
                out.append(anchor)
                continue
            if backwards is None:
                backwards = text[::-1]
            words = _words(reach)
            near = low[n - words.match(backwards, n - s).end() : words.match(text, e).end()]
            if _met(lower, near) or (exact and _met(exact, near)):
                out.append(anchor)
        return out


def _met(alternatives: list[tuple[tuple[str, ...], ...]], near: str) -> bool:
    """Does `near` hold, for some alternative, one of the texts of each of its needs?"""
    for alternative in alternatives:
        for need in alternative:
            for u in need:
                if u in near:
                    break
            else:
                break  # a need unmet: not this alternative
        else:
            return True
    return False


def _weakest(alternatives: list[tuple[Need, ...]]) -> list[tuple[tuple[str, ...], ...]]:
    """The alternatives no other one is weaker than (met wherever it is), each need's texts longest first and
    its needs the most demanding first: the check of an anchor that opens nothing fails early."""
    kept: list[frozenset[Need]] = []
    for a in map(frozenset, alternatives):
        if not any(_weaker(b, a) for b in kept):  # of two met in the same places, the first stays
            kept = [b for b in kept if not _weaker(a, b)] + [a]
    return [tuple(tuple(sorted(need, key=lambda u: (-len(u), u))) for need in sorted(a, key=_demand)) for a in kept]


def _weaker(b: frozenset[Need], a: frozenset[Need]) -> bool:
    """Is `b` met wherever `a` is? Each of its needs is met by some need of `a` (a subset of its texts)."""
    return all(any(na <= nb for na in a) for nb in b)


def _demand(need: Need) -> tuple[int, int, tuple[str, ...]]:
    """Fewer texts, then longer ones, are less likely to occur by chance."""
    return len(need), -min(map(len, need)), tuple(sorted(need))


_WORDS: dict[int, re.Pattern[str]] = {}


def _words(reach: int) -> re.Pattern[str]:
    """The rest of a word, then up to `reach` more whitespace-separated words."""
    rx = _WORDS.get(reach)
    if rx is None:
        rx = _WORDS[reach] = re.compile(rf"\S*(?:\s+\S+){{0,{reach}}}")
    return rx
