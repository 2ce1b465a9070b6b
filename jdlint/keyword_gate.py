"""Where in a posting a rule's expensive regex can match: the blocks holding one of its keywords.

Scanning a whole posting with a case-insensitive regex that starts with `\\b`
or a lookbehind costs Python's `re` an attempt at every character, while a
case-sensitive alternation of literals is found with a fast first-character
skip, about ten times quicker. So a rule whose every match must contain one
of a few keywords finds those in the posting's lower-cased text first and
runs its real regex only on the blocks (paragraph, list item, heading, table
row; else the line) that hold one. A posting without the keywords costs one
fast scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jdlint.checks._bias_util import block_span
from jdlint.lowered import lowered
from jdlint.posting import Posting
from jdlint.regex_trie import trie_alternation


class KeywordGate:
    """Keywords (lower case, literal) one of which every match of a rule's regex contains."""

    def __init__(self, keywords: Iterable[str]) -> None:
        self.regex = re.compile(trie_alternation({k.lower() for k in keywords}))

    def spans(self, posting: Posting) -> list[tuple[int, int]]:
        """Merged (start, end) spans of the blocks, or lines, that contain a keyword; [] when none does."""
        text = lowered(posting)
        out: list[tuple[int, int]] = []
        for m in self.regex.finditer(text):
            if out and m.start() < out[-1][1]:
                continue
            start, end = block_span(posting, m.start())
            end = max(end, m.end())
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(end, out[-1][1]))
            else:
                out.append((start, end))
        return out

    def finditer(self, pattern: re.Pattern[str], posting: Posting, text: str | None = None) -> Iterable[re.Match[str]]:
        """`pattern.finditer(text)`, but only within the keyword blocks (`text` defaults to the analysis text).

        Each span is searched with one character of context after it, so that
        a trailing `\\b` or lookahead sees what follows the block.
        """
        text = posting.analysis if text is None else text
        for start, end in self.spans(posting):
            yield from pattern.finditer(text, start, min(len(text), end + 1))
