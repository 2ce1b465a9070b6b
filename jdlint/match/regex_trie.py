"""Regexes for long lists of literal phrases, factored into a trie.

Python's `re` tries the alternatives of `a|b|c…` one after another at every
position of the text, so a flat alternation of a hundred phrases costs a
hundred attempts per character. The same phrases written as a trie
(`co(?:mmit(?:ted)?|nfident)`) cost a few steps per position. Where one phrase
is a prefix of another the longer is tried first, as in the usual
longest-first flat alternation, so matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_END = ""  # trie key marking that a phrase ends at this node


def literal_atoms(phrase: str) -> list[str]:
    """Each character of `phrase`, escaped (spaces match a literal space)."""
    return [re.escape(ch) for ch in phrase]


def first_char_alternation(alternatives: Iterable[str], not_after: str) -> str:
    """Regex source for `(?<![not_after])(?:alt1|alt2|…)`, written so that `re` can skip ahead.

    A leading look-behind makes `re` try every position of the text. Grouped
    by first character with the look-behind after it, `(?:h(?<![\\w/]h)(?:e|is)|s…)`,
    every branch starts with a literal and `re` jumps to the characters that can
    start a match. Each alternative must start with a literal character (escaped
    or not); their order within a first character is kept. Same matches.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        n = 2 if alt.startswith("\\") else 1
        first, rest = alt[:n], alt[n:]
        if not first or (n == 1 and first in "()[]{}.^$*+?|") or (n == 2 and first[1:].isalnum()):
            raise ValueError(f"{alt!r} does not start with a literal character")
        groups.setdefault(first, []).append(rest)
    branches = [f"{c}(?<![{not_after}]{c})(?:{'|'.join(rests)})" for c, rests in groups.items()]
    return "(?:" + "|".join(branches) + ")" if branches else r"(?!x)x"


def trie_alternation(phrases: Iterable[str], atoms: Callable[[str], list[str]] = literal_atoms) -> str:
    """Regex source (no groups) matching any of `phrases`, longest first; `(?!x)x` when there are none.

    `atoms` splits a phrase into regex fragments; phrases sharing leading
    fragments share a branch.
    """
    root: dict = {}
    for phrase in phrases:
        node = root
        for atom in atoms(phrase):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _node_source(root) if root else r"(?!x)x"


def _node_source(node: dict) -> str:
    branches = [atom + _node_source(child) for atom, child in sorted(node.items()) if atom != _END]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if _END in node else body
