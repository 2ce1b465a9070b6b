"""Classifies headings into section kinds using `rules/shared/sections.yaml`."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jdlint import data

# A heading's words are its runs of word characters and apostrophes: other punctuation, spaces,
# `/` and `-` all separate words (one `findall`, not a blanking pass and a split).
_WORD_RUN = re.compile(r"[\w']+")


@cache
def _table() -> tuple[dict[tuple[str, ...], tuple[int, str]], frozenset[str], frozenset[str]]:
    spec = data.load("shared/sections.yaml")
    filler = frozenset(w.lower() for key in ("filler", "filler_de") for w in spec.get(key, []))
    phrases: dict[tuple[str, ...], tuple[int, str]] = {}
    for order, (kind, words) in enumerate(spec["kinds"].items()):
        for phrase in words:
            key = tuple(_words(phrase, filler))
            if key and key not in phrases:
                phrases[key] = (order, kind)
    placeholders = frozenset(" ".join(_words(p, frozenset())) for p in spec["placeholder_headings"])
    return phrases, filler, placeholders


@cache
def _first_words() -> frozenset[str]:
    """The words a section phrase starts with: `classify` looks phrases up only from these."""
    return frozenset(key[0] for key in _table()[0])


def _words(text: str, filler: frozenset[str]) -> list[str]:
    text = text.lower().replace("’", "'").replace("&", " and ")
    return [w for w in _WORD_RUN.findall(text) if w not in filler and w.strip("'")]


@lru_cache(maxsize=4096)
def classify(heading: str) -> str:
    """The kind of section a heading introduces, or `other` (memoised: headings repeat across files)."""
    phrases, filler, _ = _table()
    words = _words(heading, filler)
    if not words or len(words) > 12:
        return "other"
    best: tuple[int, int, str] | None = None  # (-length, order, kind)
    n = len(words)
    firsts = _first_words()
    for i in range(n):
        if words[i] not in firsts:
            continue  # no phrase starts with this word
        for j in range(i + 1, min(n, i + 6) + 1):
            hit = phrases.get(tuple(words[i:j]))
            if hit is not None:
                cand = (-(j - i), hit[0], hit[1])
                if best is None or cand < best:
                    best = cand
    return best[2] if best else "other"


@lru_cache(maxsize=4096)
def is_placeholder_heading(heading: str) -> bool:
    """True for headings such as `None` or `TBD` that carry no title at all (memoised: several rules ask)."""
    _, _, placeholders = _table()
    return " ".join(_words(heading, frozenset())) in placeholders
