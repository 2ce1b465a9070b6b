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

_ASCII = bytes(range(128))


class Spacer(dict[int, int]):
    """A `str.translate` table: a character of the word class stays, any other becomes a space.

    Filled in as characters come (a dict's `__missing__`), so it holds only the characters seen.
    """

    def __init__(self, word_char: str) -> None:
        super().__init__()
        self._char = re.compile(word_char)
        # ASCII characters as `spaced` makes them; the bytes of other characters (UTF-8: 128 and up) kept
        self._ascii = bytes(self[b] for b in range(128)) + bytes(range(128, 256))

    def __missing__(self, code: int) -> int:
        value = code if self._char.fullmatch(chr(code)) else 32
        self[code] = value
        return value

    def spaced(self, text: str) -> str:
        """`text` with every character outside the class a blank (a space, or the blank it was).

        ASCII text goes through `str.translate` (fast for it). In other text
        (`translate` is slow for it) the ASCII characters go through
        `bytes.translate` of its UTF-8 form, which leaves the bytes of the
        rest alone, and then each of the few distinct other characters it
        holds that are outside the class is replaced.
        """
        if text.isascii():
            return text.translate(self)
        utf8 = text.encode("utf-8", "surrogatepass")
        others = utf8.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # its non-ASCII characters only
        text = utf8.translate(self._ascii).decode("utf-8", "surrogatepass")
        for ch in set(others):  # not `set(text)`: a set of every character is slow
            if self[ord(ch)] == 32 and not ch.isspace():
                text = text.replace(ch, " ")
        return text
