r"""Words of a text by spacing out everything but their characters and splitting on spaces.

`regex.findall(text)` for a word regex of one character class (`[^\W\d_]+`,
the letters; `[^\W_]+`, letters and digits) makes a match object per word and
tests each character in Python's regex engine; replacing every other
character with a space and calling `str.split()` gives the same words (a
space is in no such class, so no word is cut) for a fraction of the cost.
Used where a posting's words are all read at once (its language, its kind).
"""

from __future__ import annotations

import re


class Spacer(dict[int, int]):
    """A `str.translate` table: a character of the word class stays, any other becomes a space.

    Filled in as characters come (a dict's `__missing__`), so it holds only the characters seen.
    """

    def __init__(self, word_char: str) -> None:
        super().__init__()
        self._char = re.compile(word_char)

    def __missing__(self, code: int) -> int:
        value = code if self._char.fullmatch(chr(code)) else 32
        self[code] = value
        return value

    def spaced(self, text: str) -> str:
        """`text` with every character outside the class a space.

        ASCII text goes through `str.translate` (fast for it); other text has
        each of its few distinct other characters replaced instead (`translate`
        is slow for it).
        """
        if text.isascii():
            return text.translate(self)
        for ch in set(text):
            if self[ord(ch)] == 32 and not ch.isspace():
                text = text.replace(ch, " ")
        return text
