"""Block structure without markdown-it, for the Markdown most postings use.

Most postings hold nothing but paragraphs, `#` headings, bullet and numbered
lists, thematic breaks and indented text. For those, this module walks the
lines as markdown-it's block parser would (the same rules, in the same order,
with the same quirks: lazy continuation lines, the indentation an item's
content needs, the lists that may interrupt a paragraph) and reports each
block to a sink. markdown-it builds a Token per block, logs every rule it
tries, and first walks the text a character at a time to measure its lines;
here each line's indentation is measured once, and a line whose first
character cannot open a block is passed over without trying any rule.

`scan_blocks` returns False, having reported nothing, for a text that might
hold any other construct (a table, a fence, a block quote, HTML, a link
reference, a tab in the indentation, a carriage return, lists nested very
deeply): markdown-it reads those. tests/test_parse_fast_paths.py checks with
hypothesis and on real postings that both give the same parsed posting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

_FOREIGN_ANYWHERE = ("```", "~~~", "\r", "\0")  # a fence; what markdown-it rewrites
# A table needs a line holding a `|` over a delimiter row (`|---|:--|`, `--- | ---`).
_TABLE = re.compile(r"\|[^\n]*\n[ \t]*[|:-][ \t|:-]*(?:\n|$)")
# A tab where markdown-it measures indentation (before the text, after a list marker or `#`s); a tab further on
# is only a blank to it (here too: in a break or an underline).
_TAB_INDENT = re.compile(r"(?m)^ *(?:(?:[-+*]|[0-9]{1,9}[.)]|#{1,6}) *)*\t")
# What a block quote, an HTML block or a link reference definition starts with: found where a block starts,
# they send the text to markdown-it (a `[` only there: a link reference cannot interrupt a paragraph).
_FOREIGN_BLOCK = frozenset("><[")
_FOREIGN_INTERRUPT = frozenset("><")
# Every kind of HTML block starts `<` and a letter, `/`, `!` or `?` (`<3 years` is text).
_HTML_SECOND = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")
_ORDERED = re.compile(r"[0-9]{1,9}[.)](?=[ \t]|$)")
# The first characters of a break, list item, heading or underline, or a foreign block that may interrupt a
# paragraph; and a space, before which the first character is further on. Any other line continues a paragraph.
_MAY_OPEN = frozenset("-*_+#=0123456789><")
_LOOK_CLOSER = _MAY_OPEN | {" "}
_MAY_START = _MAY_OPEN | _FOREIGN_BLOCK  # what a line starting a block may start with, other than prose
MAX_DEPTH = 20  # deeper lists go to markdown-it (which reads past depth 24 as flat paragraphs)


class BlockSink(Protocol):
    """What the scanner reports, in document order (the events of markdown-it's block tokens)."""

    def open_list(self, line: int) -> None: ...
    def close_list(self) -> None: ...
    def open_item(self, line: int) -> None: ...
    def close_item(self) -> None: ...
    def heading(self, a: int, b: int, level: int, markup: str) -> None: ...
    def inline(self, a: int, b: int) -> None: ...
    def code_block(self, a: int, b: int) -> None: ...


class _Foreign(Exception):
    """The text holds something only markdown-it reads."""


def scan_blocks(src: str, sink: BlockSink, lines: list[str] | None = None) -> bool:
    """Report the blocks of `src` to `sink` as markdown-it would; False (nothing reported) when it cannot.

    `lines` is `src.split("\n")` when the caller has it already.
    """
    if any(s in src for s in _FOREIGN_ANYWHERE):
        return False
    if ("|" in src and _TABLE.search(src)) or ("\t" in src and _TAB_INDENT.search(src)):
        return False
    events: list[tuple] = []  # (method of the sink, arguments): a text found foreign half-way reports nothing
    try:
        _Scanner(src, src.split("\n") if lines is None else lines, sink, events.append).run()
    except _Foreign:
        return False
    for report, args in events:
        report(*args)
    return True


class _Scanner:
    """markdown-it's `tokenize` with its code, hr, list, heading, lheading and paragraph rules, on spaces only."""

    def __init__(self, src: str, lines: list[str], sink: BlockSink, emit: Callable[[tuple], None]) -> None:
        if src.endswith("\n") or not lines[-1].strip(" \t"):
            lines = lines[:-1]  # markdown-it counts no line after a final newline, nor a last line of spaces
        self.lines = lines
        self.n = len(lines)
        self.col = [len(s) - len(s.lstrip(" ")) for s in lines]  # markdown-it's sCount and tShift (no tabs here)
        self.emit = emit
        self.open_list, self.close_list = sink.open_list, sink.close_list
        self.open_item, self.close_item = sink.open_item, sink.close_item
        self.heading_at, self.inline, self.code_block = sink.heading, sink.inline, sink.code_block
        self.line = 0
        self.blk = 0  # blkIndent: the column a block's lines must reach
        self.list_indent = -1
        self.depth = 0
        self.references = "]:" in src  # a link reference definition needs a `]` followed by `:`

    def run(self) -> None:
        if self.n:
            self.tokenize(0)

    def empty(self, i: int) -> bool:
        return i >= self.n or self.col[i] >= len(self.lines[i])

    def tokenize(self, line: int) -> None:
        n, lines, col = self.n, self.lines, self.col
        while line < n:
            while line < n and col[line] >= len(lines[line]):  # empty(line)
                line += 1
            self.line = line
            if line >= n or self.col[line] < self.blk:
                break
            self.block(line)
            line = self.line
            if line < n and self.empty(line):
                line += 1
                self.line = line

    def block(self, line: int) -> None:
        """The first rule that reads a block at `line` (a break records nothing)."""
        if self.col[line] - self.blk >= 4:
            self.code(line)
            return
        first = self.lines[line][self.col[line]]
        if first not in _MAY_START:  # prose: only a paragraph starts here
            self.paragraph(line)
        elif first in _FOREIGN_BLOCK and self.foreign(line):
            raise _Foreign
        elif self.hr(line):
            self.line = line + 1
        elif not self.list(line, False) and not self.heading(line, False):
            self.paragraph(line)

    def foreign(self, line: int) -> bool:
        """A block quote, an HTML block or a link reference definition may start at `line` (`>`, `<`, `[`)."""
        s = self.lines[line]
        c = self.col[line]
        if s[c] == "<":
            return s[c + 1 : c + 2] in _HTML_SECOND
        return s[c] == ">" or self.references

    # -- rules -------------------------------------------------------------------
    def code(self, start: int) -> None:
        last = nxt = start + 1
        while nxt < self.n:
            if self.empty(nxt):
                nxt += 1
            elif self.col[nxt] - self.blk >= 4:
                nxt += 1
                last = nxt
            else:
                break
        self.line = last
        self.emit((self.code_block, (start, last)))

    def hr(self, line: int) -> bool:
        c = self.col[line]
        s = self.lines[line]
        if c - self.blk >= 4 or c >= len(s) or s[c] not in "*-_":
            return False
        m = s[c]
        return not s[c:].replace(m, "").strip(" \t") and s.count(m, c) >= 3

    def heading(self, line: int, silent: bool) -> bool:
        c = self.col[line]
        s = self.lines[line]
        if c - self.blk >= 4 or c >= len(s) or s[c] != "#":
            return False
        level = 1
        pos = c + 1
        while pos < len(s) and s[pos] == "#" and level <= 6:
            level += 1
            pos += 1
        if level > 6 or (pos < len(s) and s[pos] != " "):
            return False
        if not silent:
            self.line = line + 1
            self.emit((self.heading_at, (line, line + 1, level, "#" * level)))
        return True

    def _marker_end(self, line: int) -> tuple[int, bool]:
        """Where a list marker at `line` ends (-1: none), and whether it is ordered."""
        s = self.lines[line]
        c = self.col[line]
        m = _ORDERED.match(s, c)
        if m:
            return m.end(), True
        if c < len(s) and s[c] in "*-+" and (c + 1 >= len(s) or s[c + 1] == " "):
            return c + 1, False
        return -1, False

    def list(self, start: int, silent: bool) -> bool:
        c = self.col[start]
        if c - self.blk >= 4:
            return False
        if self.list_indent >= 0 and c - self.list_indent >= 4 and c < self.blk:
            return False
        interrupts = silent and c >= self.blk  # a list that would end a paragraph (its parent is always one here)
        end, ordered = self._marker_end(start)
        if end < 0:
            return False
        s = self.lines[start]
        if interrupts and ((ordered and int(s[c : end - 1]) != 1) or not s[end:].strip(" ")):
            return False
        if silent:
            return True
        self.items(start, end, ordered, s[end - 1])
        return True

    def items(self, start: int, end: int, ordered: bool, marker: str) -> None:
        """The items of a list whose first marker ends at `end` on line `start`; a break or another marker ends it."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Foreign
        self.emit((self.open_list, (start,)))
        n = self.n
        nxt = start
        while nxt < n:
            s = self.lines[start]
            content = len(s) - len(s[end:].lstrip(" "))
            after = 1 if content >= len(s) else content - end
            indent = end + (after if after <= 4 else 1)
            self.emit((self.open_item, (start,)))
            old_col, old_list_indent = self.col[start], self.list_indent
            self.list_indent = self.blk
            self.blk = indent
            self.col[start] = content
            if content >= len(s) and self.empty(start + 1):
                self.line = min(start + 2, n)
            else:
                self.tokenize(start)
            self.blk = self.list_indent
            self.list_indent = old_list_indent
            self.col[start] = old_col
            self.emit((self.close_item, ()))
            nxt = start = self.line
            if nxt >= n or self.col[nxt] < self.blk or self.col[nxt] - self.blk >= 4 or self.hr(nxt):
                break
            end, same = self._marker_end(nxt)
            if end < 0 or same != ordered or self.lines[nxt][end - 1] != marker:
                break
        self.emit((self.close_list, ()))
        self.line = nxt
        self.depth -= 1

    def paragraph(self, start: int) -> None:
        """A paragraph, or a setext heading when an underline ends it."""
        nxt = start + 1
        lines, col, n = self.lines, self.col, self.n
        while nxt < n:
            s = lines[nxt]
            if not s:
                break  # blank
            if s[0] not in _LOOK_CLOSER:
                nxt += 1  # prose at column 0: only a marker, `#`, `>`... could end the paragraph
                continue
            c = col[nxt]
            if c >= len(s):
                break  # blank
            if c - self.blk <= 3 and s[c] in _MAY_OPEN:
                if s[c] in _FOREIGN_INTERRUPT and self.foreign(nxt):
                    raise _Foreign
                if c >= self.blk and s[c] in "-=" and not s[c:].rstrip(" \t").strip(s[c]):
                    self.line = nxt + 1
                    self.emit((self.heading_at, (start, nxt, 1 if s[c] == "=" else 2, s[c])))
                    return
                if self.hr(nxt) or self.list(nxt, True) or self.heading(nxt, True):
                    break
            nxt += 1
        self.line = nxt
        self.emit((self.inline, (start, nxt)))
