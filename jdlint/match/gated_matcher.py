"""Token patterns that run only on documents containing one of their anchor words.

spaCy's `Matcher` tries every pattern at every token, so its cost is the number
of patterns times the number of tokens, even when a posting has none of the
words a pattern needs (nearly always). A pattern with a required token whose
text is fixed (`LOWER`/`ORTH`/`TEXT`: a literal or an `IN` list) can only match
a document containing one of those texts, and a match of a pattern at most
`n` tokens long lies within `n - 1` tokens of such an occurrence.
`GatedMatcher` checks the document's words first (one set lookup per
pattern, then whether every other fixed-text token of the pattern has one of
its texts there) and runs a small per-pattern matcher only on the windows around the
anchor occurrences (on the whole document for unbounded `+`/`*` patterns).
spaCy's matcher makes two Python `Token` objects per token it visits, so this
turns a cost per token of the posting into one per anchor occurrence. The
results are those of one combined `Matcher`, so callers see no difference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from jdlint.match.spans import merged

SMALL_DOC = 64  # tokens: a Doc this short is matched whole rather than cut into windows
_OPTIONAL_OPS = frozenset({"?", "*", "!"})
_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
# pattern attribute -> token attribute compared by the matcher
_TEXT_ATTRS = {"LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH"}
# attributes the tokenizer alone decides for a token from its own text (no sentence, tagger or parser)
TOKEN_LOCAL_ATTRS = frozenset(
    {"ORTH", "TEXT", "LOWER", "NORM", "LENGTH", "SHAPE", "OP"}
    | {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP"}
    | {"LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
)


def _required(token: dict) -> bool:
    op = token.get("OP")
    if op is None or op == "+":
        return True
    if op in _OPTIONAL_OPS:
        return False
    m = _COUNT.fullmatch(str(op))
    return bool(m and m.group(1) and int(m.group(1)) > 0)


def _max_repeat(token: dict) -> int | None:
    """How many tokens one pattern token can consume (None: unbounded)."""
    op = token.get("OP")
    if op is None or op in ("?", "!"):
        return 1
    if op in ("+", "*"):
        return None
    m = _COUNT.fullmatch(str(op))
    if not m:
        return None
    if m.group(2) is None:  # "{n}"
        return int(m.group(1))
    return int(m.group(2)) if m.group(2) else None


def max_length(pattern: list[dict]) -> int | None:
    """The most tokens a match of `pattern` can span (None: unbounded)."""
    total = 0
    for token in pattern:
        n = _max_repeat(token)
        if n is None:
            return None
        total += n
    return total


def _cost(texts: frozenset[str], common: frozenset[str]) -> tuple[int, int]:
    """Lower is a better anchor: few common words (stop words, punctuation, short), then few texts."""
    frequent = sum(1 for t in texts if t.lower() in common or len(t) <= 2 or not t.isalnum())
    return frequent, len(texts)


def fixed_texts(pattern: list[dict]) -> list[tuple[str, frozenset[str]]]:
    """(token attribute, texts) for each required token whose text is fixed: every match holds one of each."""
    out = []
    for token in pattern:
        if not _required(token):
            continue
        for key, value in token.items():
            attr = _TEXT_ATTRS.get(key)
            if attr is None:
                continue
            if isinstance(value, str):
                out.append((attr, frozenset([value])))
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                out.append((attr, frozenset(value["IN"])))
    return out


def anchors(pattern: list[dict], common: frozenset[str] = frozenset()) -> tuple[str, frozenset[str]] | None:
    """(token attribute, texts): one of these must occur for `pattern` to match; None if no such token.

    Of several such tokens the rarest is chosen (`common` words count against one).
    """
    best: tuple[str, frozenset[str]] | None = None
    for attr, texts in fixed_texts(pattern):
        if best is None or _cost(texts, common) < _cost(best[1], common):
            best = (attr, texts)
    return best


class GatedMatcher:
    """A drop-in for `Matcher(vocab)` + `add(key, [pattern])` + `matcher(doc)`, gated by anchor words."""

    def __init__(self, vocab: Any, common_words: Iterable[str] = ()) -> None:
        self.vocab = vocab
        self.common = frozenset(w.lower() for w in common_words)
        # (column 0 = LOWER / 1 = ORTH, anchor hashes, longest match or None, matcher)
        self._gated: list[tuple[int, frozenset[int], int | None, Any]] = []
        self._always: Any = None  # one Matcher for patterns without an anchor
        self._by_hash: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})  # anchor -> indexes in _gated
        # per entry of _gated: (column, hashes) of each of its other fixed-text tokens, one of whose texts it needs
        self._needs: list[tuple[tuple[int, frozenset[int]], ...]] = []
        # anchor text -> the most tokens a match around it spans, per attribute (LOWER / ORTH)
        self.anchor_texts: dict[str, dict[str, int]] = {"LOWER": {}, "ORTH": {}}
        # per gated pattern: its anchor (attribute, texts) and every other fixed-text token's (attribute, texts)
        self.fixed: list[tuple[tuple[str, frozenset[str]], list[tuple[str, frozenset[str]]]]] = []
        self.longest = 0  # the most tokens any match spans (0: no pattern yet)
        self.local = True  # every pattern bounded and reading only token-local attributes

    def __len__(self) -> int:
        return len(self._gated) + (len(self._always) if self._always is not None else 0)

    @property
    def anchored(self) -> bool:
        """Every pattern has an anchor word (no match can occur away from `anchor_texts`)."""
        return self._always is None

    def add(self, key: str, patterns: Iterable[list[dict]]) -> None:
        from spacy.matcher import Matcher

        for pattern in patterns:
            anchor = anchors(pattern, self.common)
            longest = max_length(pattern)
            self.longest = max(self.longest, longest or 0)
            if longest is None or any(set(t) - TOKEN_LOCAL_ATTRS for t in pattern):
                self.local = False
            if anchor is None:
                if self._always is None:
                    self._always = Matcher(self.vocab)
                self._always.add(key, [pattern])
                continue
            matcher = Matcher(self.vocab)
            matcher.add(key, [pattern])
            attr, texts = anchor
            reach = self.anchor_texts[attr]
            for t in texts:
                reach[t] = max(reach.get(t, 0), longest or 0)
            hashes = frozenset(self.vocab.strings.add(t) for t in texts)
            col = 0 if attr == "LOWER" else 1
            for h in hashes:
                self._by_hash[col].setdefault(h, []).append(len(self._gated))
            self._gated.append((col, hashes, longest, matcher))
            needs = {
                (0 if a == "LOWER" else 1, frozenset(self.vocab.strings.add(t) for t in ts))
                for a, ts in fixed_texts(pattern)
            }
            self._needs.append(tuple(needs - {(col, hashes)}))
            self.fixed.append((anchor, [f for f in fixed_texts(pattern) if f != anchor]))

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        matches: list[tuple[int, int, int]] = []
        if self._always is not None:
            matches.extend(self._always(doc))
        if not self._gated or not len(doc):
            return matches
        from spacy.attrs import LOWER, ORTH

        columns = doc.to_array([LOWER, ORTH]).T.tolist()
        present = (set(columns[0]), set(columns[1]))
        # the patterns whose anchor occurs: one set intersection per column, not a test per pattern
        relevant: set[int] = set()
        for col in (0, 1):
            by_hash = self._by_hash[col]
            if by_hash:
                for h in by_hash.keys() & present[col]:
                    relevant.update(by_hash[h])
        # and whose every other fixed-text token has one of its texts here (a Matcher call costs far more)
        relevant = {k for k in relevant if not any(hs.isdisjoint(present[c]) for c, hs in self._needs[k])}
        if not relevant:
            return matches
        n = len(doc)
        where: list[dict[int, list[int]] | None] = [None, None]  # token positions by hash, made on demand
        for k in sorted(relevant):
            col, hashes, longest, matcher = self._gated[k]
            if longest is None or n <= SMALL_DOC:  # a short Doc (a window of a posting) is matched whole
                matches.extend(matcher(doc))
                continue
            index = where[col]
            if index is None:
                index = where[col] = {}
                for i, h in enumerate(columns[col]):
                    index.setdefault(h, []).append(i)
            hits = sorted(i for h in hashes if h in index for i in index[h])
            # every match containing the anchor at token i lies in [i - longest + 1, i + longest)
            for start, end in merged((max(0, i - longest + 1), min(n, i + longest)) for i in hits):
                matches.extend((key, start + s, start + e) for key, s, e in matcher(doc[start:end]))
        return matches
