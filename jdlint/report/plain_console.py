"""The text report's writer when nothing is styled: output to a pipe or a file, `--no-color`, `NO_COLOR`.

Importing rich's console and table costs about 50 ms of CPU, some 4% of a
one-file run, and a pre-commit hook's output is never a terminal. Where rich
would emit no escape codes at all, this writer prints the same bytes from the
same markup: tags dropped, escapes undone the way rich's markup parser does
it (including its quirks), rich's control codes stripped and tabs expanded.
Anything it cannot reproduce exactly (a table wider than the narrowest
console, a non-UTF-8 stream) is handed to rich itself.
"""

from __future__ import annotations

import builtins
import os
import re
from typing import IO

from rich.cells import cell_len  # rich's small cell-width table, not its console

# rich.markup's patterns, copied so the plain path gives byte-identical output (rich, MIT licence)
_TAGS = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
_STRIP = {7: None, 8: None, 11: None, 12: None, 13: None}  # rich strips these from printed text
NARROWEST = 60  # the text report never gives rich a console narrower than this


def escape(markup: str) -> str:
    """rich.markup.escape, without importing rich's markup and text modules."""
    markup = _ESCAPE.sub(lambda m: f"{m.group(1)}{m.group(1)}\\{m.group(2)}", markup)
    if markup.endswith("\\") and not markup.endswith("\\\\"):
        return markup + "\\"
    return markup


def plain(markup: str) -> str:
    """The text rich prints for `markup` when it prints no styles."""
    if "[" not in markup:
        return markup.translate(_STRIP)
    parts: list[str] = []
    position = 0
    for match in _TAGS.finditer(markup):
        full_text, escapes, _tag = match.groups()
        start, end = match.span()
        if start > position:
            parts.append(markup[position:start].replace("\\[", "["))
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            parts.append("\\" * backslashes)
            if escaped:
                parts.append(full_text[len(escapes) :].replace("\\[", "["))
    if position < len(markup):
        parts.append(markup[position:].replace("\\[", "["))
    return "".join(parts).translate(_STRIP)


def _expand_tabs(line: str) -> str:
    """rich's Text.expand_tabs: tab stops every 8 cells from the start of the line."""
    out: list[str] = []
    cells = 0
    pieces = line.split("\t")
    for piece in pieces[:-1]:
        piece += " "
        cells += cell_len(piece)
        pad = (8 - cells % 8) % 8
        out.append(piece + " " * pad)
        cells += pad
    out.append(pieces[-1])
    return "".join(out)


def unstyled(out: IO[str], color: bool | None) -> bool:
    """Whether rich would print no escape codes to `out` (its own test, in its order)."""
    if color is None and os.environ.get("NO_COLOR"):
        color = False
    if color is not None:
        return not color
    if hasattr(builtins, "get_ipython"):  # rich's Jupyter handling: leave it to rich
        return False
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force == ""
    isatty = getattr(out, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:
        return True


class PlainConsole:
    """Prints markup as rich would with no styles; `table` for the findings-by-rule table."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def print(self, markup: str = "") -> None:
        text = plain(markup)
        if "\t" in text:
            text = "\n".join(_expand_tabs(line) for line in text.split("\n"))
        self.out.write(text + "\n")

    def table(self, title: str, headers: list[str], rows: list[list[str]], right: set[int]) -> bool:
        """rich's HEAVY_HEAD table without edges; False (nothing written) if rich must lay it out."""
        encoding = (getattr(self.out, "encoding", "utf-8") or "utf-8").lower()
        if not encoding.startswith("utf"):
            return False  # rich substitutes ASCII boxes
        cells = [[plain(c) for c in row] for row in [headers, *rows]]
        widths = [max(cell_len(row[i]) for row in cells) for i in range(len(headers))]
        if sum(widths) + 3 * len(widths) - 1 > NARROWEST or any("\n" in c or "\t" in c for r in cells for c in r):
            return False

        def line(row: list[str], bar: str) -> str:
            padded = []
            for i, c in enumerate(row):
                fill = " " * (widths[i] - cell_len(c))
                padded.append(f" {fill}{c} " if i in right else f" {c}{fill} ")
            return bar.join(padded)

        lines = [plain(title), line(cells[0], "┃"), "╇".join("━" * (w + 2) for w in widths)]
        lines += [line(row, "│") for row in cells[1:]]
        self.out.write("\n".join(lines) + "\n")
        return True
