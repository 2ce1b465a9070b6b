"""The document model: a posting's text, front matter, sections and list items.

Every offset in this module is an offset into `Posting.text`: the decoded
file with its byte-order mark removed and every line ending (CRLF, CR, LF)
written as one LF. Line endings take no column, so line and column computed
on `text` are exactly those of the original file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from jdlint.model.store import Store, StoreKey


class LineIndex:
    """Maps character offsets to 1-based (line, column) and back."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of the character at `offset`."""
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of `position`."""
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line's first character and of its end (before LF)."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else self.length
        return start, end

    @property
    def line_count(self) -> int:
        return len(self.starts)


@dataclass
class ListItem:
    """One requirement, responsibility or benefit line; `start:end` is its text."""

    start: int
    end: int
    text: str
    depth: int = 0
    section: int = -1  # index into Posting.sections
    bullet: bool = True  # False for plain-text lines under a heading


@dataclass
class Section:
    """A heading and what belongs to it.

    `body_start:body_end` runs to the next heading of any level; `end` runs to
    the next heading of the same or a higher level (sub-sections included).
    The preamble before the first heading is a section of level 0.
    """

    title: str
    level: int
    kind: str
    heading_start: int
    heading_end: int
    body_start: int
    body_end: int
    end: int = 0
    parent: int = -1
    style: str = "atx"  # atx, setext, emphasis, plain, inline, preamble
    items: list[int] = field(default_factory=list)  # indexes into Posting.items
    inline_body: tuple[int, int] | None = None  # `Requirements: TBD` on one line

    @property
    def is_preamble(self) -> bool:
        return self.level == 0


@dataclass
class Block:
    """A run of lintable text (paragraph, heading, list item, table row)."""

    kind: str
    start: int
    end: int
    section: int = -1


_SECTION_STARTS: StoreKey[tuple[list[int], list[int], list[Section]]] = StoreKey("section starts")


@dataclass
class Posting:
    """A parsed job posting, the input every rule receives."""

    path: str
    text: str
    analysis: str  # same length as text: markup, code and URLs blanked out
    lines: LineIndex
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_end: int = 0  # offset just after the closing delimiter line
    front_matter_error: tuple[str, int] | None = None  # (message, line)
    sections: list[Section] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    fields: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    """`Label: value` lines: (label, label start, label end, value start, value end)."""
    code_ranges: list[tuple[int, int]] = field(default_factory=list)
    """Fenced and indented code blocks (offsets); nothing in them is prose or a directive."""
    title: str = ""
    title_span: tuple[int, int] | None = None
    title_source: str = ""  # front matter | heading | field | first line ("" when the text names none)
    format: str = "markdown"
    facts: Store = field(default_factory=Store, repr=False, compare=False)
    """Facts computed about this posting, once each (see `jdlint.model.store`)."""

    def section_at(self, offset: int) -> Section | None:
        """The innermost (block) section whose heading or body contains `offset`."""
        i = self.section_index_at(offset)
        return self.sections[i] if i >= 0 else None

    def section_index_at(self, offset: int) -> int:
        """Index of the last heading at or before `offset` (the preamble is 0)."""
        starts = self._starts()
        j = bisect_right(starts[0], offset) - 1
        return starts[1][j] if j >= 0 else (0 if self.sections else -1)

    def _starts(self) -> tuple[list[int], list[int]]:
        cached = self.facts.get(_SECTION_STARTS)
        if cached is None or len(cached[2]) != len(self.sections):
            block = [
                (s.heading_start if s.style != "preamble" else 0, i)
                for i, s in enumerate(self.sections)
                if s.style != "inline"
            ]
            cached = ([b[0] for b in block], [b[1] for b in block], list(self.sections))
            self.facts[_SECTION_STARTS] = cached
        return cached[0], cached[1]

    def section_text(self, index: int, analysis: bool = True) -> str:
        """The body of section `index` with its sub-sections (masked by default)."""
        sec = self.sections[index]
        source = self.analysis if analysis else self.text
        return source[sec.body_start : sec.end]

    def effective_kind(self, index: int) -> str:
        """A section's kind, or its nearest ancestor's when its own is `other`."""
        while index >= 0:
            sec = self.sections[index]
            if sec.kind != "other":
                return sec.kind
            index = sec.parent
        return "other"

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)
