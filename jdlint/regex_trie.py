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
