"""Regexes for long lists of literal phrases, factored into a trie.

Python's `re` tries the alternatives of `a|b|c…` one after another at every
position of the text, so a flat alternation of a hundred phrases costs a
hundred attempts per character. The same phrases written as a trie
(`co(?:mmit(?:ted)?|nfident)`) cost a few steps per position. Where one phrase
is a prefix of another the longer is tried first, as in the usual
longest-first flat alternation, so matches are the same.

Behind `jdlint.match.phrases`: rules and facts use that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping

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


def phrase_atoms(phrase: str, gaps: Mapping[str, str], inner: str = "", standalone: Collection[str] = ()) -> list[str]:
    """Regex fragments of a phrase: its characters escaped, a separator listed in `gaps` as its regex.

    The key " " of `gaps` stands for any run of whitespace (the phrase's ends
    trimmed); `inner` goes between two characters of one word (stems:
    "[-']?"). A phrase in `standalone` (lower case, two characters or more) matches only with no
    letter a-z before or after it, written as `a(?<![a-z]a)i(?![a-z])` so that
    it still starts with a literal in the trie.
    """
    if phrase in standalone and len(phrase) >= 2:
        chars = literal_atoms(phrase)
        atoms = [chars[0], rf"(?<![a-z]{chars[0]}){chars[1]}", *chars[2:]]
        atoms[-1] += "(?![a-z])"
        return atoms
    if " " in gaps:
        phrase = " ".join(phrase.split())
    atoms: list[str] = []
    in_word = False
    for ch in phrase:
        if ch in gaps:
            atoms.append(gaps[ch])
            in_word = False
        else:
            atoms.append((inner if in_word else "") + re.escape(ch))
            in_word = True
    return atoms


def trie_alternation(phrases: Iterable[str], atoms: Callable[[str], list[str]] = literal_atoms) -> str:
    """Regex source (no groups) matching any of `phrases`, longest first; `(?!x)x` when there are none.

    `atoms` splits a phrase into regex fragments; phrases sharing leading
    fragments share a branch.
    """
    root = _trie(phrases, atoms)
    return _node_source(root) if root else r"(?!x)x"


def first_char_trie(phrases: Iterable[str], atoms: Callable[[str], list[str]], not_after: str) -> str:
    """Like `(?<![not_after])` + `trie_alternation(phrases, atoms)`, written so that `re` can skip ahead.

    Each branch of the trie's root starts with a phrase's first character;
    `first_char_alternation` puts the look-behind after it. Same matches.
    """
    root = _trie(phrases, atoms)
    return first_char_alternation(
        [atom + _node_source(child) for atom, child in sorted(root.items()) if atom != _END], not_after
    )


def _trie(phrases: Iterable[str], atoms: Callable[[str], list[str]]) -> dict:
    root: dict = {}
    for phrase in phrases:
        node = root
        for atom in atoms(phrase):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return root


def _node_source(node: dict) -> str:
    branches = [atom + _node_source(child) for atom, child in sorted(node.items()) if atom != _END]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if _END in node else body
