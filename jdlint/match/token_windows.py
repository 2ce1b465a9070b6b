"""Tokenize only the stretches of a posting where a term can match.

Every term match contains an anchor word (a phrase's rarest word, a
pattern's rarest required word), and text far from any anchor cannot hold a
match, yet tokenizing whole postings was a third of jdlint's time. spaCy's
tokenizer splits the text at whitespace and tokenizes each non-space run on
its own, so a stretch cut where whitespace meets a word comes out as exactly
the tokens the whole posting has there. `AnchorFinder` finds the anchors in
the text, `windows` takes a stretch of `reach` tokens' worth of text either
side of each (a match containing the anchor lies within its length of it) and
joins stretches that touch, and `tokenize` makes their Docs and checks that
each anchor really had `reach` tokens either side, cutting a stretch by words
instead where one came out short. `tokenize_joined` does the same with one Doc
of the stretches joined by single spaces (`Joined`): one tokenizer call and one
call of each matcher per posting rather than per stretch. Callers fall back to
the whole Doc on None. The term packs hand over only the anchors some term could
match around (`jdlint.match.companions`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jdlint.match.literals import LITERALS
from jdlint.match.regex_trie import trie_alternation
from jdlint.match.spans import merged

_WORD_START = re.compile(r"\s(?=\S)")  # whitespace followed by a non-space: a run starts after it
_WORD_END = re.compile(r"\S(?=\s)")  # a non-space followed by whitespace: a run ends after it
CHARS_PER_TOKEN = 8  # first guess at how far `reach` tokens go; checked, never trusted
_NON_SPACE = re.compile(r"\S")

Anchor = tuple[int, int, int]  # (start, end, reach in tokens)


@dataclass
class Window:
    """One stretch `start:end` of the text and its Doc (tokenizer only)."""

    start: int
    end: int
    doc: Any


class AnchorFinder:
    """Finds where any of a set of words could be a token: trie scans of the (lower-cased) text.

    A token begins right after a letter or digit only where the tokenizer cuts a
    word (a special case such as "cannot", a unit after a number), and likewise
    ends right before one; the tokenizer is asked whether it can cut an anchor that
    way (`_Edges`, only for an anchor found touching a letter or digit), and the
    others count at word edges only, so "us" in "business" or "man" in "manager"
    opens no window.
    """

    def __init__(self, lower: Mapping[str, int], exact: Mapping[str, int] = {}, tokenizer: Any = None) -> None:
        lower = {w.lower(): r for w, r in lower.items() if w}
        exact = {w: r for w, r in exact.items() if w}
        self._tokenizer = tokenizer
        # the lower-case words are read off the shared multi-literal pass (`_from_hits`), and whether the
        # tokenizer can cut one out of a longer word is asked only for a word found touching a letter or
        # digit (`_Edges`): setting up costs next to nothing, so even a one-file run reads stretches
        self._lower_words = frozenset(lower)
        self._edges = _Edges(tokenizer)
        self._exact = _scanners(_edge_groups(set(exact), tokenizer) if exact else [])
        # a found word may stand for a shorter anchor it begins with (a token cut inside a word)
        self._reach_lower = _prefix_reach(lower)
        self._reach_exact = _prefix_reach(exact)

    @cached_property
    def _lower(self) -> list[re.Pattern[str]]:
        """Trie scanners of the lower-case words: what `_from_hits` reads off the shared pass (kept to check it)."""
        words = set(self._lower_words)
        return _scanners(_edge_groups(words, self._tokenizer) if words else [])

    def find(self, text: str, low: str) -> list[Anchor]:
        """(start, end, reach) of every place an anchor may be a token, in order (a superset)."""
        found: list[Anchor] = []
        if self._lower_words:
            hits = LITERALS.hits(low, self._lower_words)
            found.extend(_from_hits(hits.starts, low, self._lower_words, self._edges, self._reach_lower))
        for rx in self._exact:
            found.extend((m.start(1), m.end(1), self._reach_exact[m.group(1)]) for m in rx.finditer(text))
        found.sort()
        return found


def _from_hits(
    starts: dict[str, list[int]], low: str, words: frozenset[str], edges: _Edges, reach: dict[str, int]
) -> list[Anchor]:
    """What the scanners of `_edge_groups(words)` find, read off the places of the words: at each offset, per
    edge group, the longest word whose edges pass (a letter or digit may touch its start only if the tokenizer
    can cut it there, its end likewise). A word's edges are asked only where a letter or digit touches it, and
    its group only where another word passes at its offset."""
    passed: dict[int, list[str]] = {}
    n = len(low)
    for w in starts.keys() & words:  # the words this text holds (the pass keeps only literals it found)
        size = len(w)
        free_start = free_end = None
        for s in starts[w]:
            if s > 0 and low[s - 1].isalnum():
                if free_start is None:
                    free_start = edges.free_start(w)
                if not free_start:
                    continue
            e = s + size
            if e < n and low[e].isalnum():
                if free_end is None:
                    free_end = edges.free_end(w)
                if not free_end:
                    continue
            here = passed.get(s)
            if here is None:
                passed[s] = [w]
            else:
                here.append(w)
    out: list[Anchor] = []
    for s, here in passed.items():
        if len(here) == 1:  # alone at its offset: its group does not matter
            w = here[0]
            out.append((s, s + len(w), reach[w]))
            continue
        best: dict[tuple[bool, bool], str] = {}
        for w in here:
            group = edges.group(w)
            if len(w) > len(best.get(group, "")):
                best[group] = w
        out.extend((s, s + len(w), reach[w]) for w in best.values())
    return out


class _Edges:
    """Which words the tokenizer can cut out of a longer word, at their start or end: `_ask`, one word at a time.

    Asked only for a word found touching a letter or digit (or sharing its offset with another word),
    so a run pays for the few words its postings have there rather than for every anchor word.
    """

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._start: dict[str, bool] = {}
        self._end: dict[str, bool] = {}
        self._pieces: tuple[set[str], set[str]] | None = None

    def free_start(self, w: str) -> bool:
        got = self._start.get(w)
        if got is None:
            got = self._start[w] = self._free(w, 0)
        return got

    def free_end(self, w: str) -> bool:
        got = self._end.get(w)
        if got is None:
            got = self._end[w] = self._free(w, 1)
        return got

    def group(self, w: str) -> tuple[bool, bool]:
        return self.free_start(w), self.free_end(w)

    def _free(self, w: str, side: int) -> bool:
        tok = self._tokenizer
        if tok is None or not w[-side].isalnum():
            return True
        if self._pieces is None:
            self._pieces = _special_pieces(tok)
        if w in self._pieces[side]:
            return True
        if side == 0:
            return any(_cut_at(tok, x + v, len(x)) for v in {w, w.upper(), w.title()} for x in _PROBE_LEFT)
        return any(_cut_at(tok, v + y, len(v)) for v in {w, w.upper(), w.title()} for y in _PROBE_RIGHT)


def windowable(lower: Iterable[str], exact: Iterable[str]) -> bool:
    """Can these anchors be found in text? Not when one holds whitespace (it is not one token) or U+0307.

    "İ" lower-cases to "i" + U+0307, which the shared lower-cased copy keeps as one
    character: an anchor containing U+0307 could be missed there.
    """
    words = [*lower, *exact]
    return not any("\u0307" in w or any(ch.isspace() for ch in w) for w in words)


def _prefix_reach(words: Mapping[str, int]) -> dict[str, int]:
    """Each word's reach: the largest of its own and of every word it begins with."""
    return {w: max(words.get(w[:k], 0) for k in range(1, len(w) + 1)) for w in words}


_NOT_AFTER_WORD = r"(?<![^\W_])"  # not right after a letter or digit
_NOT_BEFORE_WORD = r"(?![^\W_])"  # not right before one


def _edge_groups(words: set[str], tokenizer: Any) -> list[tuple[bool, bool, set[str]]]:
    """The words by edge condition: (may follow a letter or digit, may precede one, the words)."""
    free_start, free_end = _inside_words(words, tokenizer)
    groups: dict[tuple[bool, bool], set[str]] = {}
    for w in words:
        groups.setdefault((w in free_start, w in free_end), set()).add(w)
    return [(s, e, group) for (s, e), group in sorted(groups.items())]


def _scanners(groups: list[tuple[bool, bool, set[str]]]) -> list[re.Pattern[str]]:
    """One regex per kind of edge condition; a look-ahead finds every start, even inside another match."""
    out = []
    for any_start, any_end, group in groups:
        before = "" if any_start else _NOT_AFTER_WORD
        after = "" if any_end else _NOT_BEFORE_WORD
        out.append(re.compile(f"{before}(?=({trie_alternation(group)}){after})"))
    return out


_PROBE_LEFT = ("0", "a", "A", "é")
_PROBE_RIGHT = ("0", "a", "A", "s", "km")


def _inside_words(words: set[str], tokenizer: Any) -> tuple[set[str], set[str]]:
    """The words that may begin right after / end right before a letter or digit as a token.

    Without a tokenizer to ask, or for a word with a non-alphanumeric edge, every word may.
    Asking takes ~0.1 s, so the answer is kept on disk keyed by the words and everything
    the tokenizer cuts by (`yaml_cache`: plain data, keyed by content).
    """
    if tokenizer is None:
        return set(words), set(words)
    import spacy

    from jdlint.data import yaml_cache

    key = "\0".join(
        [
            "token_windows._inside_words",
            spacy.__version__,
            *(getattr(getattr(f, "__self__", None), "pattern", repr(f)) for f in _affix_functions(tokenizer)),
            "\1".join(sorted(tokenizer.rules)),
            "\1".join(sorted(words)),
        ]
    )
    start, end = yaml_cache.load(key.encode("utf-8", "surrogatepass"), lambda _: _ask(words, tokenizer))
    return set(start), set(end)


def _affix_functions(tokenizer: Any) -> list[Any]:
    return [
        tokenizer.prefix_search,
        tokenizer.suffix_search,
        tokenizer.infix_finditer,
        tokenizer.token_match,
        tokenizer.url_match,
    ]


def _ask(words: set[str], tokenizer: Any) -> tuple[list[str], list[str]]:
    start = {w for w in words if not w[0].isalnum()}
    end = {w for w in words if not w[-1].isalnum()}
    piece_start, piece_end = _special_pieces(tokenizer)
    start |= piece_start
    end |= piece_end
    for w in words - start:
        if any(_cut_at(tokenizer, x + v, len(x)) for v in {w, w.upper(), w.title()} for x in _PROBE_LEFT):
            start.add(w)
    for w in words - end:
        if any(_cut_at(tokenizer, v + y, len(v)) for v in {w, w.upper(), w.title()} for y in _PROBE_RIGHT):
            end.add(w)
    return sorted(start & words), sorted(end & words)


def _special_pieces(tokenizer: Any) -> tuple[set[str], set[str]]:
    """The pieces of the tokenizer's special cases cut right after / before a letter or digit ("cannot")."""
    start: set[str] = set()
    end: set[str] = set()
    for key, pieces in tokenizer.rules.items():  # special cases: "cannot" -> "can" "not"
        pos = 0
        for j, piece in enumerate(pieces):
            orth = piece.get(65) or piece.get("ORTH") or ""  # 65 is spacy.attrs.ORTH
            i = key.find(orth, pos)
            if i < 0:
                break
            if j > 0 and i > 0 and key[i - 1].isalnum():
                start.add(orth.lower())
            if j < len(pieces) - 1 and i + len(orth) < len(key) and key[i + len(orth)].isalnum():
                end.add(orth.lower())
            pos = i + len(orth)
    return start, end


def _cut_at(tokenizer: Any, text: str, at: int) -> bool:
    """Would a prefix, suffix or infix rule of the tokenizer cut the word `text` at `at`?"""
    m = tokenizer.prefix_search(text) if tokenizer.prefix_search else None
    if m is not None and m.end() == at:
        return True
    m = tokenizer.suffix_search(text) if tokenizer.suffix_search else None
    if m is not None and m.start() == at:
        return True
    infixes = tokenizer.infix_finditer(text) if tokenizer.infix_finditer else ()
    return any(m.start() == at or m.end() == at for m in infixes)


def windows(text: str, anchors: Iterable[Anchor], chars_per_token: int = CHARS_PER_TOKEN) -> list[tuple[int, int]]:
    """Stretches around `anchors`, cut where whitespace meets a word and joined when they touch."""
    n = len(text)
    raw: list[tuple[int, int]] = []
    for s, e, reach in anchors:
        margin = reach * chars_per_token
        lo = s - margin
        if lo <= 0:
            a = 0
        else:
            m = _WORD_START.search(text, lo, s + 1)
            a = m.end() if m else _start_before(text, lo)
        hi = e + margin
        if hi >= n:
            b = n
        else:
            m = _WORD_END.search(text, hi)
            b = m.end() if m else n
        raw.append((a, b))
    return merged(raw)


def _start_before(text: str, pos: int) -> int:
    """The start of the word run holding `pos` (the run starts after whitespace or at 0)."""
    i = pos
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def tokenize(nlp: Any, text: str, anchors: list[Anchor]) -> list[Window] | None:
    """Docs of the stretches around `anchors`, each anchor with `reach` tokens either side.

    Stretches are first cut by characters (`CHARS_PER_TOKEN` per token); an
    anchor that came out short (long tokens, blanked markup before it) gets a
    stretch counted in words instead, which always holds enough tokens (a word
    is at least one). None only if even that fails.
    """
    stretches = windows(text, anchors, CHARS_PER_TOKEN)
    out, short = _tokenize(nlp, text, anchors, stretches)
    if short:  # about half the postings have one: only the stretches that grow are made again
        stretches = merged(stretches + [_words_around(text, anchor) for anchor in short])
        out, short = _tokenize(nlp, text, anchors, stretches, {(w.start, w.end): w for w in out})
    return None if short else out


def _words_around(text: str, anchor: Anchor) -> tuple[int, int]:
    """The stretch from `reach` whitespace-separated words before the anchor's word to `reach` after it."""
    s, _, reach = anchor
    a = _start_before(text, s)
    for _ in range(reach):
        i = a
        while i > 0 and text[i - 1].isspace():
            i -= 1
        a = _start_before(text, i) if i > 0 else 0
        if a == 0:
            break
    n = len(text)
    m = _WORD_END.search(text, s)  # the end of the anchor's own word
    b = m.end() if m else n
    for _ in range(reach):
        nxt = _NON_SPACE.search(text, b)
        if nxt is None:
            return a, n
        m = _WORD_END.search(text, nxt.start())
        b = m.end() if m else n
    return a, b


def _tokenize(
    nlp: Any,
    text: str,
    anchors: list[Anchor],
    stretches: list[tuple[int, int]],
    made: dict[tuple[int, int], Window] | None = None,
) -> tuple[list[Window], list[Anchor]]:
    """The stretches' Docs, and the anchors that lack `reach` tokens on a side within theirs.

    `made`: stretches already tokenized whose anchors all had their tokens (an unchanged one is kept).
    """
    import numpy

    make_doc = nlp.make_doc
    n = len(text)
    starts = [a for a, _ in stretches]
    groups: list[list[Anchor]] = [[] for _ in stretches]
    for anchor in anchors:
        groups[bisect_right(starts, anchor[0]) - 1].append(anchor)
    out: list[Window] = []
    short: list[Anchor] = []
    for (a, b), group in zip(stretches, groups, strict=True):
        if made and (a, b) in made:
            out.append(made[(a, b)])
            continue
        doc = make_doc(text[a:b])
        ntok = len(doc)
        if ntok and (a > 0 or b < n):
            idx = doc.to_array("IDX").astype(numpy.int64)
            for anchor in group:
                t = int(numpy.searchsorted(idx, anchor[0] - a, side="right")) - 1
                if (a > 0 and t < anchor[2]) or (b < n and ntok - 1 - t < anchor[2]):
                    short.append(anchor)
        out.append(Window(a, b, doc))
    return out, short


@dataclass
class Joined:
    """The stretches around anchors tokenized as one Doc: their texts joined by single spaces.

    spaCy tokenizes each non-space run on its own and a single space becomes the
    whitespace of the token before it, so each stretch keeps exactly its own tokens,
    in order. A match lies within one stretch (its anchor has `reach` tokens either
    side there), and one Doc costs one tokenizer call and one call of each matcher
    rather than one per stretch.
    """

    doc: Any
    starts: list[int]  # each stretch's offset in the text
    bases: list[int]  # ... and in the Doc's text

    def part(self, token: int) -> int:
        """The stretch that holds token `token` of the Doc."""
        return bisect_right(self.bases, self.doc[token].idx) - 1

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character span in the text of tokens `start:end` of the Doc (they lie in one stretch)."""
        first, last = self.doc[start], self.doc[end - 1]
        i = bisect_right(self.bases, first.idx) - 1
        shift = self.starts[i] - self.bases[i]
        return first.idx + shift, last.idx + len(last) + shift


def tokenize_joined(nlp: Any, text: str, anchors: list[Anchor]) -> Joined | None:
    """`tokenize`, with the stretches made into one Doc (`Joined`); None where `tokenize` gives None."""
    stretches = windows(text, anchors, CHARS_PER_TOKEN)
    joined, short = _tokenize_joined(nlp, text, anchors, stretches)
    if short:
        stretches = merged(stretches + [_words_around(text, anchor) for anchor in short])
        joined, short = _tokenize_joined(nlp, text, anchors, stretches)
    return None if short else joined


def _tokenize_joined(
    nlp: Any, text: str, anchors: list[Anchor], stretches: list[tuple[int, int]]
) -> tuple[Joined, list[Anchor]]:
    """The stretches' joined Doc, and the anchors that lack `reach` tokens on a side within their stretch."""
    import numpy

    n = len(text)
    parts = [text[a:b] for a, b in stretches]
    bases: list[int] = []
    pos = 0
    for part in parts:
        bases.append(pos)
        pos += len(part) + 1
    doc = nlp.make_doc(" ".join(parts))
    joined = Joined(doc, [a for a, _ in stretches], bases)
    if not len(doc):
        return joined, []
    idx = doc.to_array("IDX").astype(numpy.int64)
    firsts = numpy.searchsorted(idx, bases).tolist()
    ends = numpy.searchsorted(idx, [base + len(part) for base, part in zip(bases, parts, strict=True)]).tolist()
    starts = joined.starts
    short: list[Anchor] = []
    for anchor in anchors:
        i = bisect_right(starts, anchor[0]) - 1
        a, b = stretches[i]
        ntok = ends[i] - firsts[i]
        if ntok and (a > 0 or b < n):
            t = int(numpy.searchsorted(idx, bases[i] + anchor[0] - a, side="right")) - 1 - firsts[i]
            if (a > 0 and t < anchor[2]) or (b < n and ntok - 1 - t < anchor[2]):
                short.append(anchor)
    return joined, short


def plain_tokenizer(nlp: Any) -> bool:
    """True for jdlint's default pipeline: spaCy's own tokenizer, and no component but the sentence marks."""
    from spacy.tokenizer import Tokenizer

    return type(nlp.tokenizer) is Tokenizer and set(nlp.pipe_names) <= {"jdlint_sentences"}
