"""jdlint's code-point lines and columns as LSP positions, for one version of a document.

jdlint counts 1-based lines and code points on the text with its byte-order
mark removed and every line ending (CRLF, CR, LF) read as one; LSP counts
0-based lines and, by default, UTF-16 code units. A publish converts both
ends of every finding, so the conversion is built once per document version
and kept for hover and code actions: a line of ASCII (most lines of most
postings, and the whole text of many) needs no counting at all, since its
columns are the same in every encoding; any other line's prefix is counted
by encoding it (C speed) rather than character by character — pygls'
`PositionCodec.client_num_units` walked every character before the column
in Python, 12.6 ms for the 119 findings of a 10,000-word posting.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, Utf8, Utf16, Utf32

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def unit_counter(codec: PositionCodec) -> Callable[[str], int]:
    """How many code units of the client's encoding a string takes: the codec's own count, done in C.

    pygls counts a character beyond the Basic Multilingual Plane (an emoji) as two
    UTF-16 units and anything else, a lone surrogate too, as one; `surrogatepass`
    makes the encoders agree with it. An encoding pygls does not know falls back
    to pygls' own counter."""
    impl = codec.impl
    if type(impl) is Utf16:
        return lambda s: len(s.encode("utf-16-le", "surrogatepass")) >> 1
    if type(impl) is Utf8:
        return lambda s: len(s.encode("utf-8", "surrogatepass"))
    if type(impl) is Utf32:
        return len
    return codec.client_num_units


class Positions:
    """Converts jdlint's 1-based code-point line/column to LSP positions in the client's encoding."""

    def __init__(self, source: str, codec: PositionCodec) -> None:
        self.source = source
        self.bom = source.startswith("\ufeff")
        text = source[1:] if self.bom else source
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.units = unit_counter(codec)
        self.ascii = text.isascii()  # O(1): CPython flags an all-ASCII string when it makes it
        self.line_count = text.count("\n") + 1
        self._lines: list[str] | None = None
        self._raw: list[str] | None = None
        self._bom_units = self.units("\ufeff") if self.bom else 0

    @property
    def lines(self) -> list[str]:
        """The lines without their endings, split once, on first need."""
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    @property
    def raw_lines(self) -> list[str]:
        """The original lines with their own endings (LF, CRLF or CR; no other character ends a line)."""
        if self._raw is None:
            self._raw = _LINE.findall(self.source)
        return self._raw

    def line(self, index: int) -> str:
        """A 0-based line without its ending ('' past the end)."""
        return self.lines[index] if 0 <= index < self.line_count else ""

    def position(self, line: int, column: int) -> types.Position:
        index = line - 1
        if index >= self.line_count:
            return types.Position(line=max(0, self.line_count - 1), character=0)
        text = self.lines[index]
        prefix = max(0, min(column - 1, len(text)))
        character = prefix if self.ascii or text.isascii() else self.units(text[:prefix])
        if index == 0:
            character += self._bom_units
        return types.Position(line=index, character=character)

    def range(self, start_line: int, start_column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self.position(start_line, start_column), end=self.position(end_line, end_column))
