"""Builds a `Posting` from LF-normalised text.

Block structure comes from markdown-it-py (headings, lists, tables, code,
HTML); plain-text conventions that Markdown does not know are layered on
top, inside paragraphs: a short line ending in `:`, an ALL-CAPS line, a
bold-only line, or a short title-case line before a list is a heading, and
the lines under it are its items even without bullets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from jdlint.model.posting import Block, LineIndex, ListItem, Posting, Section
from jdlint.parse.blocks import scan_blocks
from jdlint.parse.frontmatter import split_front_matter
from jdlint.parse.inline import fold, mask_folded, mask_inline, trigger_lines
from jdlint.parse.sections import classify

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

PSEUDO_LEVEL = 7  # bold-only and plain-text headings rank below every Markdown heading
MAX_NESTING = 64
FLAT_LEVEL = 48  # from this token depth on, blocks are read as flat paragraphs (see _flatten_deep)

_parsers: dict[tuple[str, ...], MarkdownIt] = {}
# Block rules that cannot start without one of these strings (and a core rule with nothing to do
# without them). markdown-it tries every rule at every line; a posting without a `|` has no table,
# and so on: its parser leaves those rules out (the same tokens, a third less work on the corpus).
_RULE_NEEDS = {
    "table": ("|",),
    "fence": ("```", "~~~"),
    "blockquote": (">",),
    "html_block": ("<",),
    "reference": ("[",),
    "heading": ("#",),
    "code": ("    ", "\t"),  # an indented code block needs four columns of indentation
    "normalize": ("\r", "\0"),  # the core rule that rewrites CR and NUL is a no-op without them
}


# A thematic break is three `-`, `*` or `_` with only blanks between: most postings have none, and the
# rule is tried at every line and as a terminator of every paragraph and list line.
_RULE_GATES = {"hr": re.compile(r"([-*_])[ \t]*\1[ \t]*\1")}


def _unused_rules(text: str) -> tuple[str, ...]:
    """The rules that cannot match anywhere in `text`, by a needed substring or a gate regex."""
    unused = [r for r, needs in _RULE_NEEDS.items() if not any(n in text for n in needs)]
    unused += [r for r, gate in _RULE_GATES.items() if gate.search(text) is None]
    return tuple(unused)


def _markdown(text: str | None = None) -> MarkdownIt:
    """The block parser for `text`: without the rules that `text` cannot use (None: every rule)."""
    unused = () if text is None else _unused_rules(text)
    md = _parsers.get(unused)
    if md is None:
        from markdown_it import MarkdownIt  # imported on first parse: a cached run never parses

        # Only block tokens and their line maps are used: skip inline parsing (a third of the cost).
        md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable(["inline", "text_join"])
        md.block.ruler.before("table", "jdlint_flatten_deep", _flatten_deep)
        if unused:
            md.disable(list(unused))
        _parsers[unused] = md
    return md


def _atx_close(s: str, col: int) -> int:
    """Where an ATX heading's text ends: before its closing `#`s (preceded by a blank) and trailing blanks.

    A scan, not a regex search: `(?:[ \t]+#+)?[ \t]*$` retried at every offset is quadratic on a long line.
    """
    stop = max(col, len(s.rstrip(" \t")))
    hashes = len(s[:stop].rstrip("#"))
    if hashes < stop:
        blank = max(col, len(s[:hashes].rstrip(" \t")))
        if blank < hashes:
            return blank
    return stop


def _flatten_deep(state, start: int, end: int, silent: bool) -> bool:
    """Read a block nested deeper than FLAT_LEVEL as one paragraph.

    markdown-it recurses once per nesting level and, past `maxNesting`, silently
    drops the rest of the container, which for a list is the rest of the file.
    Stopping the recursion here keeps the text (3,000 nested bullets or 20,000
    `>` are still linted, as prose) and keeps the parse bounded.
    """
    if state.level < FLAT_LEVEL:
        return False
    if silent:
        return True
    nxt = start + 1
    while nxt < end and not state.isEmpty(nxt) and state.sCount[nxt] >= state.blkIndent:
        nxt += 1
    state.line = nxt
    state.push("paragraph_open", "p", 1).map = [start, nxt]
    inline = state.push("inline", "", 0)
    inline.content = state.getLines(start, nxt, state.blkIndent, False).strip()
    inline.map = [start, nxt]
    inline.children = []
    state.push("paragraph_close", "p", -1)
    return True


_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*")
_PREFIX_FIRST = frozenset(" \t>")  # what `_PREFIX` can start with
_LIST_MARKER = re.compile(r"(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))+")
_ATX_OPEN = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_PLAIN_BULLET = re.compile(r"[ \t]*(?:[•·▪●◦‣∙○■□➢➤►✓✔➔→]|o(?=[ \t])|–|—)[ \t]*")
_PLAIN_BULLET_FIRST = frozenset("•·▪●◦‣∙○■□➢➤►✓✔➔→o–—")  # what `_PLAIN_BULLET` matches after its blanks
_EMPHASIS_HEADING = re.compile(r"[ \t]*(\*\*|__)([^*_\n]{1,80}?)\1[ \t]*:?[ \t]*$")
_FIELD = re.compile(
    r"[ \t]*(?:\*\*|__)?([A-Za-z][\w '’&/()-]{0,40}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)[ \t]+(\S(?:.*[^ \t])?)[ \t]*$"
)
# spaCy's tokenizer strips prefixes and suffixes one character at a time, which is quadratic on a
# long run of punctuation (20,000 `<` took 50 s); such runs are never prose, so the analysis blanks them.
_SYMBOL = re.compile(r"[^\w\s]")
_LONG_SYMBOL_RUN = re.compile(_SYMBOL.pattern + "{64,}")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Every byte that can belong to a character of `_LONG_SYMBOL_RUN` in UTF-8 (ASCII symbols, and every byte
# of a non-ASCII character) becomes `P`: a run of 64 such characters is a run of at least 64 `P`s.
_SYMBOL_BYTES = bytes(ord("P") if b >= 0x80 or _SYMBOL.match(chr(b)) else ord(".") for b in range(256))
_SYMBOL_GATE = b"P" * 64
_DECOR = "=*#~_-+ \t"
MAX_HEADING = 60  # characters of a plain-text heading's words
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SMALL = frozenset(["a", "an", "and", "or", "of", "the", "to", "for", "in", "on", "at", "with", "by", "&", "as", "vs"])
_SENTENCE_END = ".!?;,"


# What can open a Markdown block other than a paragraph, at the start of a line (after at most three
# spaces): ATX heading, block quote, bullet list / thematic break / setext underline, HTML block,
# link reference, fence, table delimiter row; or an ordered list marker (digits then `.` or `)`).
_BLOCK_START = re.compile(r"(?m)^ {0,3}(?:[#>*+\-_=<\[`~|:]|\d{1,9}[.)])")
# An indented code block (four columns), a tab (counted as up to four), a table (`|` anywhere), and
# what markdown-it rewrites before parsing (CR, NUL).
_BLOCK_ANYWHERE = re.compile(r"(?m)^    |[\t|\r\0]")


def plain_paragraphs(src: str) -> list[tuple[int, int]] | None:
    """The paragraphs of `src` as (first line, line after) when it holds no Markdown block syntax, else None.

    Such text (many `.txt` postings) is only paragraphs to markdown-it: each run of lines holding
    something other than spaces is one, and nothing can interrupt it. Finding that with two regex
    scans costs a fraction of a parse and, in a one-file run, the import of markdown-it. The test
    errs towards Markdown: a line starting with `-`, `*`, `#`, `1.` … or indented four spaces goes
    to markdown-it even where it would read as a paragraph.
    """
    if _BLOCK_START.search(src) or _BLOCK_ANYWHERE.search(src):
        return None
    out: list[tuple[int, int]] = []
    start = -1
    lines = src.split("\n")
    for i, line in enumerate(lines):
        if line.strip(" "):  # markdown-it's blank line: spaces and tabs only (no tab reaches here)
            if start < 0:
                start = i
        elif start >= 0:
            out.append((start, i))
            start = -1
    if start >= 0:
        out.append((start, len(lines)))
    return out


# What opens a block that outlasts a blank line: a fence, or an HTML block of CommonMark's kinds 1-5
# (`<script>`, `<pre>`, `<style>`, `<textarea>`, `<!--`, `<?`, `<!X`, `<![CDATA[`).
_HTML_OUTLASTING_BLANKS = re.compile(r"<(?:[!?]|script|pre|style|textarea)", re.IGNORECASE)
_STUB = "x"  # a one-line paragraph standing in for a plain one (see _stub_plain_paragraphs)


def _stub_plain_paragraphs(src: str) -> tuple[str, dict[int, int]]:
    """`src` with each plain paragraph cut to one line, and where each such paragraph ends: {first line: line after}.

    A run of non-blank lines after a blank line (or at the top), whose first line is not indented
    and which holds no Markdown block syntax (the test of `plain_paragraphs`), is a top-level
    paragraph: nothing before a blank line continues into an unindented line, and nothing in it
    can interrupt it. markdown-it tries its rules on every line of a paragraph (twice: a setext
    heading is looked for first), so it gets `x` and blank lines instead: the same line count and
    the same tokens for everything else, and the builder reads the real lines. Not done where a
    fence or an HTML block that outlasts blank lines could enclose such a run.
    """
    if "```" in src or "~~~" in src or ("<" in src and _HTML_OUTLASTING_BLANKS.search(src)):
        return src, {}
    lines = src.split("\n")
    stubs: dict[int, int] = {}
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].strip(" \t"):  # markdown-it's blank line
            i += 1
            continue
        j = i
        plain = lines[i][0] not in " \t"
        while j < n and lines[j].strip(" \t"):
            plain = plain and _is_plain_line(lines[j])
            j += 1
        if plain:
            stubs[i] = j
            lines[i] = _STUB
            for k in range(i + 1, j):
                lines[k] = ""
        i = j
    return ("\n".join(lines), stubs) if stubs else (src, stubs)


def _is_plain_line(line: str) -> bool:
    """No match of `_BLOCK_START` or `_BLOCK_ANYWHERE` in `line` (line by line: cheaper than a regex scan)."""
    return not (
        _BLOCK_START.match(line)
        or line.startswith("    ")
        or "|" in line
        or "\t" in line
        or "\r" in line
        or "\0" in line
    )


def _blank_symbol_runs(analysis: str) -> str:
    """Blank long symbol runs (see `_LONG_SYMBOL_RUN`) and replace lone surrogates, which break spaCy.

    Both regexes cost a step per character, yet almost no posting has either: a byte scan of the
    UTF-8 (which fails on a surrogate) tells first whether they can match.
    """
    try:
        gate = analysis.encode("utf-8").translate(_SYMBOL_BYTES)
    except UnicodeEncodeError:  # a lone surrogate: possible in a str given to lint_text, never in a decoded file
        gate = _SYMBOL_GATE
    else:
        if _SYMBOL_GATE not in gate:
            return analysis
    analysis = _LONG_SYMBOL_RUN.sub(lambda m: " " * len(m.group()), analysis)
    return _SURROGATE.sub("\ufffd", analysis)


@dataclass
class _Head:
    level: int
    title: str
    start: int  # heading text span
    end: int
    line: int  # 0-based line of the heading (its last line for setext)
    first_line: int
    style: str


def parse_posting(text: str, path: str = "<text>") -> Posting:
    """Parse LF-normalised `text` into a `Posting` with exact offsets."""
    lines = LineIndex(text)
    fm = split_front_matter(text)
    fm_lines = text.count("\n", 0, fm.end)
    builder = _Builder(text, lines, fm_lines)
    builder.run()
    posting = Posting(
        path=path,
        text=text,
        analysis=builder.analysis(),
        lines=lines,
        front_matter=fm.data,
        front_matter_end=fm.end,
        front_matter_error=fm.error,
        format="markdown",
    )
    _assemble(posting, builder)
    return posting


class _Builder:
    """Walks markdown-it tokens, filling the analysis mask, headings, items and blocks."""

    def __init__(self, text: str, lines: LineIndex, skip_lines: int) -> None:
        self.text = text
        self.idx = lines
        self._lines = text.split("\n")  # the same lines as `lines` indexes; line() is hot
        folded = fold(text)  # what masking reads: folded once here rather than line by line
        self._folded = self._lines if folded is text else folded.split("\n")
        self._triggers = trigger_lines(folded, lines.starts)  # the lines masking can change
        self.n = lines.line_count
        self.skip = skip_lines
        self.masked: list[str | None] = [None] * self.n  # None: line stays blank
        self.soft: set[int] = set()  # lines whose preceding newline becomes a space
        self.heads: list[_Head] = []
        self.items: list[ListItem] = []
        self.blocks: list[Block] = []
        self.fields: list[tuple[str, int, int, int, int]] = []  # label, l0, l1, v0, v1
        self.list_next: set[int] = set()  # lines where a Markdown list starts
        self.code: list[tuple[int, int]] = []  # offsets of code blocks
        self._stubs: dict[int, int] = {}  # plain paragraphs markdown-it saw as one line: {first line: line after}
        self._list_depth = 0
        self._item_first: list[int] = []  # first line of each open list item
        self._item_done: list[bool] = []  # whether that item's first paragraph has been read

    # -- helpers -------------------------------------------------------------
    def line(self, i: int) -> str:
        return self._lines[i]

    def start(self, i: int) -> int:
        return self.idx.starts[i]

    def content_start(self, i: int, list_marker: bool) -> int:
        """Column (0-based) where a line's prose begins, after quotes and bullets."""
        s = self._lines[i]
        pos = _PREFIX.match(s).end() if s[:1] in _PREFIX_FIRST else 0  # most lines start with their prose
        if list_marker:
            marker = _LIST_MARKER.match(s, pos)
            if marker:
                pos = marker.end()
        return pos

    def unmask(self, i: int, col: int, table: bool = False) -> None:
        body = self._mask(i, self._folded[i][col:])
        if table:  # a table row: cells stay, pipes go
            body = body.replace("|", " ")
        self.masked[i] = " " * col + body

    def _mask(self, i: int, part: str) -> str:
        """`part` of folded line i masked: as it is when the line holds nothing a mask could match."""
        return mask_folded(part) if i in self._triggers else part

    def analysis(self) -> str:
        """The masked lines joined, a soft line break (a wrapped line) as a space."""
        lines = self._lines
        masked = [" " * len(lines[i]) if m is None else m for i, m in enumerate(self.masked)]
        pieces = []
        last = 0
        for i in sorted(self.soft):  # never line 0, which follows no line break
            pieces.append("\n".join(masked[last:i]))
            last = i
        pieces.append("\n".join(masked[last:]))
        return _blank_symbol_runs(" ".join(pieces))

    def span_of(self, i: int, col: int) -> tuple[int, int]:
        """Offsets of the visible prose of line i from column col (trimmed)."""
        m = self.masked[i] or ""
        size = len(m)
        base = self.idx.starts[i]
        if col >= size:
            return base + col, base + size
        right = len(m.rstrip(" "))
        if right <= col:  # only spaces from col on
            return base + size, base + size
        return base + size - len(m[col:].lstrip(" ")), base + right

    # -- token walk ----------------------------------------------------------
    def run(self) -> None:
        src = "\n" * self.skip + self.text[self.idx.starts[self.skip] if self.skip < self.n else len(self.text) :]
        plain = plain_paragraphs(src)
        if plain is not None:  # what markdown-it would give: one paragraph per run of non-blank lines
            for a, b in plain:
                self._paragraph(a, b, self._starts_list(b))
            return
        lines = [""] * self.skip + self._lines[self.skip :] if self.skip else self._lines  # src's lines
        if scan_blocks(src, self, lines):  # headings, lists, breaks and paragraphs only: read without markdown-it
            return
        src, self._stubs = _stub_plain_paragraphs(src)
        self._walk(_markdown(src).parse(src))

    def _walk(self, tokens: list) -> None:
        """Report markdown-it's block tokens as `scan_blocks` reports its blocks; tables and HTML here only."""
        heading_level = 0
        in_table_row = False
        for k, tok in enumerate(tokens):
            t = tok.type
            if t in ("bullet_list_open", "ordered_list_open"):
                self.open_list(tok.map[0] if tok.map else -1)
            elif t in ("bullet_list_close", "ordered_list_close"):
                self.close_list()
            elif t == "list_item_open":
                self.open_item(tok.map[0] if tok.map else -1)
            elif t == "list_item_close":
                self.close_item()
            elif t == "heading_open":
                heading_level = int(tok.tag[1])
            elif t == "tr_open":
                in_table_row = True
                if tok.map:
                    self._table_row(tok.map[0])
            elif t == "tr_close":
                in_table_row = False
            elif t in ("fence", "code_block") and tok.map:
                self.code_block(*tok.map)
            elif t == "html_block" and tok.map:
                self._html_block(tok.map[0], tok.map[1], tok.content)
            elif t == "inline" and tok.map and not in_table_row:
                a, b = tok.map
                prev = tokens[k - 1].type if k else ""
                if prev == "heading_open":
                    self.heading(a, b, heading_level, tokens[k - 1].markup)
                else:
                    self.inline(a, b, prev == "paragraph_open")

    # -- the blocks, in document order (see `jdlint.parse.blocks.BlockSink`) ----------
    def open_list(self, line: int) -> None:
        self._list_depth += 1
        if line >= 0:
            self.list_next.add(line)

    def close_list(self) -> None:
        self._list_depth -= 1

    def open_item(self, line: int) -> None:
        self._item_first.append(line)
        self._item_done.append(False)

    def close_item(self) -> None:
        self._item_first.pop()
        self._item_done.pop()

    def code_block(self, a: int, b: int) -> None:
        self.code.append((self.start(a), self.idx.line_span(min(b, self.n))[1]))

    def inline(self, a: int, b: int, in_paragraph: bool = True) -> None:
        """Lines a..b of a paragraph: an item's when inside a list, else a top-level one."""
        if self._list_depth and self._item_first:
            first = self._item_first[-1] == a and not self._item_done[-1]
            self._list_paragraph(a, b, self._list_depth, first and in_paragraph)
            self._item_done[-1] = True
        else:
            b = self._stubs.get(a, b)  # a plain paragraph markdown-it saw as one line
            self._paragraph(a, b, self._starts_list(b))

    def heading(self, a: int, b: int, level: int, markup: str) -> None:
        if markup.startswith("#"):
            s = self.line(a)
            col = _ATX_OPEN.match(s).end() if _ATX_OPEN.match(s) else 0
            stop = _atx_close(s, col)
            body = self._mask(a, self._folded[a][col:stop])
            self.masked[a] = " " * col + body + " " * (len(s) - stop)
            h0, h1 = self.span_of(a, col)
            if h0 == h1:
                h0 = h1 = self.start(a) + len(s.rstrip())
            self.heads.append(_Head(level, self._visible(h0, h1), h0, h1, a, a, "atx"))
            self.blocks.append(Block("heading", h0, h1))
        else:  # setext: content lines a..b-2, underline b-1
            for i in range(a, b - 1 if b - 1 > a else b):
                self.unmask(i, self.content_start(i, False))
                if i > a:
                    self.soft.add(i)
            h0, _ = self.span_of(a, self.content_start(a, False))
            last = max(a, b - 2)
            _, h1 = self.span_of(last, self.content_start(last, False))
            self.heads.append(_Head(level, self._visible(h0, h1), h0, h1, last, a, "setext"))
            self.blocks.append(Block("heading", h0, h1))

    def _visible(self, start: int, end: int) -> str:
        """The heading text as a reader sees it (markup removed, spaces collapsed)."""
        return " ".join(self.analysis_slice(start, end).split())

    def analysis_slice(self, start: int, end: int) -> str:
        out = []
        line, _col = self.idx.position(start)
        i = line - 1
        pos = start
        while pos < end and i < self.n:
            m = self.masked[i] if self.masked[i] is not None else " " * len(self.line(i))
            s0 = self.start(i)
            out.append(m[pos - s0 : min(end - s0, len(m))])
            pos = s0 + len(m) + 1
            i += 1
            if pos < end:
                out.append(" ")
        return "".join(out)

    def _list_paragraph(self, a: int, b: int, depth: int, first: bool) -> None:
        # A lazy continuation line (no indent) that looks like a heading ends the item:
        # plain-text postings put `Section name` right under a `- bullet`.
        for i in range(a + 1, b):
            raw = self.line(i)
            if raw[:1] not in (" ", "\t", ">", "") and self._looks_like_heading(raw):
                self._list_paragraph(a, i, depth, first)
                self._paragraph(i, b, self._starts_list(b))
                return
        cols = [self.content_start(i, i == a) for i in range(a, b)]  # where each line's prose starts, once
        for i in range(a, b):
            self.unmask(i, cols[i - a])
            if i > a and self._is_soft(i - 1, i):
                self.soft.add(i)
        if first:
            if b - 1 == a:  # an item on one line: one span
                s0, e0 = self.span_of(a, cols[0])
            else:
                s0, _ = self.span_of(a, cols[0])
                _, e0 = self.span_of(b - 1, cols[-1])
            if e0 > s0:
                self.items.append(ListItem(s0, e0, self.text[s0:e0], depth - 1, bullet=True))
                self.blocks.append(Block("item", s0, e0))
        else:
            self._blocks_for_lines(a, b, "paragraph")

    def _starts_list(self, i: int) -> bool:
        if i >= self.n:
            return False
        raw = self.line(i)
        return i in self.list_next or (bool(_LIST_MARKER.match(raw.lstrip())) and len(raw.strip()) > 1)

    def _looks_like_heading(self, raw: str) -> bool:
        core = mask_inline(raw).strip(_DECOR)
        words = _WORD.findall(core)
        if not core or len(core) > 60 or not words or len(words) > 6 or core[-1] in ".!?;,":
            return False
        return core.endswith(":") or _is_title_case(words)

    def _html_block(self, a: int, b: int, content: str) -> None:
        head = content.lstrip()[:10].lower()
        if head.startswith(("<!--", "<script", "<style", "<pre", "<?", "<!")):
            return
        for i in range(a, b):
            self.unmask(i, 0)

    def _table_row(self, i: int) -> None:
        self.unmask(i, self.content_start(i, False), table=True)
        s0, e0 = self.span_of(i, 0)
        if e0 > s0:
            self.blocks.append(Block("row", s0, e0))

    def _is_soft(self, prev: int, cur: int) -> bool:
        """Does line `cur` continue line `prev` (a wrapped line) rather than start anew?"""
        p = (self.masked[prev] or "").rstrip()
        c = (self.masked[cur] or "").lstrip()
        if not p or not c:
            return False
        if c[0].islower() or c[0] in "([&":
            return True
        return len(p) >= 50 and p[-1] not in ".!?:;"

    def _blocks_for_lines(self, a: int, b: int, kind: str) -> None:
        start = None
        end = 0
        for i in range(a, b):
            s0, e0 = self.span_of(i, 0)
            if e0 <= s0:
                continue
            if start is not None and i not in self.soft:
                self.blocks.append(Block(kind, start, end))
                start = None
            if start is None:
                start = s0
            end = e0
        if start is not None:
            self.blocks.append(Block(kind, start, end))

    def _paragraph(self, a: int, b: int, next_is_list: bool) -> None:
        """A top-level paragraph: plain-text headings, fields, bullets and items live here."""
        if b == a + 1:
            self._one_line_paragraph(a, next_is_list)
            return
        kinds, cols = self._unmask_plain_bullets(a, b)
        self._mark_plain_headings(a, kinds, cols, next_is_list)
        self._join_wrapped_lines(a, kinds)
        self._paragraph_runs(a, kinds, cols)

    def _one_line_paragraph(self, i: int, next_is_list: bool) -> None:
        """`_paragraph` for one line (three paragraphs in four): a heading, or a run of its own, never joined."""
        kind, col = self._unmask_line(i)
        if kind == "text":
            style = self._plain_heading_style(i, col, next_is_list, True, True)
            if style:
                self._add_pseudo(i, col, style)
                return
        self._line_run(i, i, col, kind, False)

    def _unmask_plain_bullets(self, a: int, b: int) -> tuple[list[str], list[int]]:
        """Unmask lines a..b and tell each line's kind (`text` or `bullet`) and the column its prose starts at."""
        kinds: list[str] = []
        cols: list[int] = []
        for i in range(a, b):
            kind, col = self._unmask_line(i)
            kinds.append(kind)
            cols.append(col)
        return kinds, cols

    def _unmask_line(self, i: int) -> tuple[str, int]:
        """Unmask line i of a paragraph; a bullet Markdown does not know (`•`, `–`, `o`) marks an item after it."""
        s = self._lines[i]
        col = _PREFIX.match(s).end() if s[:1] in _PREFIX_FIRST else 0  # content_start(i, False)
        kind = "text"
        if s[col : col + 1] in _PLAIN_BULLET_FIRST:  # the regex runs only where a bullet can start
            bullet = _PLAIN_BULLET.match(s, col)
            if bullet and bullet.end() < len(s):
                col = bullet.end()
                kind = "bullet"
        folded = self._folded[i]
        if i not in self._triggers:  # unmask(i, col), without a call for the most common case
            self.masked[i] = " " * col + folded[col:] if col else folded
        else:
            self.masked[i] = " " * col + mask_folded(folded[col:])
        return kind, col

    def _mark_plain_headings(self, a: int, kinds: list[str], cols: list[int], next_is_list: bool) -> None:
        """Record the text lines that a plain-text convention makes headings, and mark them `heading`."""
        n = len(kinds)
        for j in range(n):
            if kinds[j] != "text":
                continue
            i = a + j
            style = self._plain_heading_style(i, cols[j], _list_follows(kinds, j, next_is_list), j == n - 1, n == 1)
            if style:
                self._add_pseudo(a + j, cols[j], style)
                kinds[j] = "heading"

    def _join_wrapped_lines(self, a: int, kinds: list[str]) -> None:
        """Join each text line that continues a wrapped text or bullet line (`cont`): one sentence, one block."""
        for j in range(1, len(kinds)):
            i = a + j
            joinable = kinds[j] == "text" and kinds[j - 1] in ("text", "bullet", "cont")
            if joinable and self._is_soft(i - 1, i):
                self.soft.add(i)
                kinds[j] = "cont"

    def _paragraph_runs(self, a: int, kinds: list[str], cols: list[int]) -> None:
        """Each line with its wrapped continuations becomes an item or a paragraph block."""
        n = len(kinds)
        under_heading = False
        j = 0
        while j < n:
            kind = kinds[j]
            if kind == "heading":
                under_heading = True
                j += 1
                continue
            stop = _run_end(kinds, j)
            self._line_run(a + j, a + stop - 1, cols[j], kind, under_heading)
            j = stop

    def _line_run(self, first: int, last: int, col: int, kind: str, under_heading: bool) -> None:
        """Record lines first..last (one line and its continuations) as an item or a paragraph, and a field."""
        if last == first:
            s0, e0 = self.span_of(first, col)
        else:
            s0, _ = self.span_of(first, col)
            _, e0 = self.span_of(last, 0)
        if e0 <= s0:
            return
        if last == first:
            line = self._lines[first]
            if ":" in line:  # the field regex runs only on lines holding a colon
                self._field(first, line)
        # a bulleted line is an item, and so is an unbulleted line under a plain heading in the same paragraph
        is_item = kind == "bullet" or under_heading
        if is_item:
            self.items.append(ListItem(s0, e0, self.text[s0:e0], 0, bullet=kind == "bullet"))
        self.blocks.append(Block("item" if is_item else "paragraph", s0, e0))

    def _field(self, i: int, line: str) -> None:
        """A one-line `Label: value` is a field: places and dates are read from fields, and titles skip them."""
        field = _FIELD.match(line)
        if field:
            base = self.start(i)
            label = field.group(1).strip()
            label_at = (base + field.start(1), base + field.end(1))
            self.fields.append((label, *label_at, base + field.start(2), base + field.end(2)))

    def _plain_heading_style(self, i: int, col: int, list_follows: bool, last: bool, alone: bool) -> str | None:
        """`emphasis` or `plain` when line i reads as a heading (else None); see `_heading_style`."""
        s = self._lines[i]
        core = (self.masked[i] or "")[col:].strip(_DECOR)
        if not core or len(core) > MAX_HEADING:  # empty or too long for a heading, unless bold-only
            return "emphasis" if _is_bold_only(s) else None
        return _heading_style(s, core, list_follows, last, alone)

    def _add_pseudo(self, i: int, col: int, style: str) -> None:
        """Record line i as a heading below every Markdown level; its span leaves out `**`, `:` and `=` decoration."""
        s0, e0 = self.span_of(i, col)
        text = self.text
        while e0 > s0 and text[e0 - 1] in ":*_= ":
            e0 -= 1
        while s0 < e0 and text[s0] in "*_=# ":
            s0 += 1
        title = self._visible(s0, e0).strip(_DECOR + ":")
        self.heads.append(_Head(PSEUDO_LEVEL, title, s0, e0, i, i, style))
        self.blocks.append(Block("heading", s0, e0))


# -- plain-text conventions, one decision each ---------------------------------


@lru_cache(maxsize=8192)
def _heading_style(line: str, core: str, list_follows: bool, last: bool, alone: bool) -> str | None:
    """How `line`, whose prose without decoration is `core`, reads as a heading: cheap tests first, `classify` last.

    Memoised: a posting's short lines repeat across postings (boilerplate headings and sign-offs, 3 in 5).
    """
    if _is_bold_only(line):
        return "emphasis"
    words = _WORD.findall(core)
    if not words or len(words) > 8:
        return None  # wordless, or a sentence
    if _is_label_line(core) or _is_all_caps(core):
        return "plain"
    if core[-1] in _SENTENCE_END or len(words) > 6:
        return None  # reads as a sentence
    if _is_title_heading(core, words, list_follows, last):
        return "plain"
    if _is_short_known_section(core, words, list_follows or alone, last):
        return "plain"
    return None



def _list_follows(kinds: list[str], j: int, next_is_list: bool) -> bool:
    """A list comes right after line j: a bullet line in this paragraph, or a Markdown list after its last line."""
    if j + 1 < len(kinds):
        return kinds[j + 1] == "bullet"
    return next_is_list


def _run_end(kinds: list[str], j: int) -> int:
    """One past the last `cont` line after line j: a wrapped line ends where its continuations do."""
    stop = j + 1
    while stop < len(kinds) and kinds[stop] == "cont":
        stop += 1
    return stop


def _is_bold_only(line: str) -> bool:
    """A bold-only line (`**Benefits**`, `__Perks:__`) is a heading; the regex runs only on lines with `**` or `__`."""
    return ("**" in line or "__" in line) and _EMPHASIS_HEADING.match(line) is not None


def _is_label_line(core: str) -> bool:
    """A line ending in its only colon (`Requirements:`) introduces what follows; `Pay: 90k:` is no heading."""
    return core.endswith(":") and ":" not in core[:-1]


def _is_all_caps(core: str) -> bool:
    """An ALL-CAPS line of three letters or more is a heading (CJK, without case, never is); `OK`, `QA` are not."""
    return core.isupper() and sum(map(str.isalpha, core)) >= 3


def _is_title_case(words: list[str]) -> bool:
    """Capitalised first word and three in four words other than `and`, `of`...: a title, not a sentence."""
    big = [w for w in words if w.lower() not in _SMALL]
    return bool(big) and words[0][0].isupper() and sum(w[0].isupper() for w in big) >= 0.75 * len(big)


def _is_title_heading(core: str, words: list[str], list_follows: bool, last: bool) -> bool:
    """A title-case line is a heading before a list, or naming a known section with lines after it (`About Us`)."""
    return _is_title_case(words) and (list_follows or (not last and classify(core) != "other"))


def _is_short_known_section(core: str, words: list[str], roomy: bool, last: bool) -> bool:
    """A short line naming a known section is a heading even in sentence case (`What we'll offer`, `Our offer`).

    Up to four words before a list or alone on its line (`roomy`), else up to two and not the paragraph's last line.
    """
    short = len(words) <= 4 if roomy else len(words) <= 2 and not last
    return short and ":" not in core.rstrip(":") and classify(core) != "other"


def _assemble(posting: Posting, b: _Builder) -> None:
    """Turn headings into nested sections and attach items, blocks and fields."""
    sections, firsts = _heading_sections(posting, sorted(b.heads, key=lambda h: h.start))
    _nest(sections, firsts, len(posting.text))
    sections.extend(_inline_sections(b.fields))
    posting.sections = sections
    posting.fields = b.fields
    posting.code_ranges = b.code
    _attach(posting, b)
    _set_title(posting)


def _heading_sections(posting: Posting, heads: list[_Head]) -> tuple[list[Section], list[int]]:
    """The preamble and one section per heading, each body running to the next heading.

    Also returns where each heading's first line starts (0 for the preamble): a section ends there.
    """
    text_end = len(posting.text)
    idx = posting.lines
    body0 = posting.front_matter_end
    first_start = idx.starts[heads[0].first_line] if heads else text_end
    sections = [Section("", 0, "other", body0, body0, body0, first_start, text_end, -1, "preamble")]
    firsts = [0]
    levels = _PseudoLevels(posting.analysis)
    for h in heads:
        kind = classify(h.title)
        level = levels.level_of(h, kind)
        body_start = min(idx.line_span(h.line + 1)[1] + 1, text_end)
        sec_first = idx.starts[h.first_line]
        if len(sections) > 1:
            sections[-1].body_end = max(sections[-1].body_start, sec_first)
        sections.append(Section(h.title, level, kind, h.start, h.end, body_start, text_end, text_end, -1, h.style))
        firsts.append(sec_first)
    return sections, firsts


class _PseudoLevels:
    """Levels of plain and bold headings, which carry none: some are sub-headings of the pseudo heading before."""

    def __init__(self, analysis: str) -> None:
        self.analysis = analysis
        self.known = False  # the last pseudo heading at the top pseudo level names a known kind
        self.prev: tuple[int, int] | None = None  # (end offset, level) of the previous pseudo heading

    def level_of(self, h: _Head, kind: str) -> int:
        """`h`'s level; a Markdown heading keeps its own and ends any run of pseudo headings."""
        if h.style not in ("plain", "emphasis"):
            self.known = False
            self.prev = None
            return h.level
        level = h.level
        if self._right_after_top_pseudo(h) or self._other_under_known(kind):
            level = PSEUDO_LEVEL + 1
        else:
            self.known = kind != "other"
        self.prev = (h.end, level)
        return level

    def _right_after_top_pseudo(self, h: _Head) -> bool:
        """`Qualifications` right above `Required` (only blanks and colons between): the second is a sub-heading."""
        prev = self.prev
        return prev is not None and not self.analysis[prev[0] : h.start].strip(" \t\n:") and prev[1] == PSEUDO_LEVEL

    def _other_under_known(self, kind: str) -> bool:
        """A pseudo heading of kind `other` nests under the last one of a known kind (`Benefits`, then `Health`)."""
        return kind == "other" and self.known


def _nest(sections: list[Section], firsts: list[int], text_end: int) -> None:
    """A section's parent is the nearest earlier lower-level one; it ends where one at its level or above starts."""
    stack: list[int] = [0]
    for i in range(1, len(sections)):
        sec = sections[i]
        while len(stack) > 1 and sections[stack[-1]].level >= sec.level:
            sections[stack.pop()].end = firsts[i]
        sec.parent = stack[-1]
        stack.append(i)
    for i in stack[1:]:
        sections[i].end = text_end
    if len(sections) > 1:
        sections[0].end = sections[0].body_end


def _inline_sections(fields: list[tuple[str, int, int, int, int]]) -> list[Section]:
    """A `Label: value` line whose label names a known kind (`Location: Remote`) is a section on one line."""
    out = []
    for label, l0, _l1, v0, v1 in fields:
        kind = classify(label)
        if kind != "other":
            out.append(Section(label, 99, kind, l0, l0 + len(label), v0, v1, v1, -1, "inline", inline_body=(v0, v1)))
    return out


def _attach(posting: Posting, b: _Builder) -> None:
    """Give items and blocks, in text order, the block section (never an inline one) they stand in."""
    sections = posting.sections
    block_sections = [
        (s.heading_start if s.style != "preamble" else 0, i) for i, s in enumerate(sections) if s.style != "inline"
    ]
    items = sorted(b.items, key=_START)
    for n, (item, owner) in enumerate(zip(items, _owners(items, block_sections), strict=True)):
        item.section = owner
        sections[owner].items.append(n)
    posting.items = items
    blocks = sorted(b.blocks, key=_START)
    for bl, owner in zip(blocks, _owners(blocks, block_sections), strict=True):
        bl.section = owner
    posting.blocks = blocks


_START = attrgetter("start")


def _owners(spans: list, block_sections: list[tuple[int, int]]) -> list[int]:
    """For spans sorted by start, the section (start, index) of the last of the sorted `block_sections` at or
    before each start (0 if none): one walk along both lists, cheaper than a bisection per item and block."""
    out = []
    j = -1
    last = len(block_sections) - 1
    for span in spans:
        offset = span.start
        while j < last and block_sections[j + 1][0] <= offset:
            j += 1
        out.append(block_sections[j][1] if j >= 0 else 0)
    return out


def _set_title(posting: Posting) -> None:
    """The title is the front matter's, else the first `# Title`, else a `Job Title:` field, else the first
    heading or line near the top that is no field (or the "X at Company." that opens a scraped page)."""
    fm_title = posting.front_matter.get("title") if posting.front_matter else None
    if isinstance(fm_title, str) and fm_title.strip():
        posting.title = fm_title.strip()
        posting.title_source = "front matter"
        return
    h1 = _first_h1(posting.sections)
    if h1 is not None:
        posting.title = h1.title
        posting.title_span = (h1.heading_start, h1.heading_end)
        posting.title_source = "heading"
        return
    if not _title_field(posting):
        _first_line_title(posting)


def _first_h1(sections: list[Section]) -> Section | None:
    """The first Markdown level-1 heading with a title: a `# Title` is the posting's title wherever it stands."""
    for s in sections[1:]:
        if s.style in ("atx", "setext") and s.level == 1 and s.title:
            return s
    return None


_TITLE_LABELS = frozenset({"title", "job title", "position title", "working title", "classification title", "position",
                           "job", "role", "job name", "posting title"})
# "Title: Election Service Manager (Clerk & Recorder's Office) Job Number: 349": the next field ends the value
_NEXT_FIELD = re.compile(r"\s+(?:\*\*|__)?[A-Z][A-Za-z ]{1,25}(?:\*\*|__)?:\s")


def _title_field(posting: Posting) -> bool:
    """A `Job Title:` field near the top names the job on a scraped page whose first lines are fields."""
    for label, _l0, _l1, v0, v1 in posting.fields[:TITLE_FIELDS]:
        if label.lower().strip(" *_") not in _TITLE_LABELS:
            continue
        value = posting.text[v0:v1]
        cut = _NEXT_FIELD.search(value)
        if cut:
            v1 = v0 + cut.start()
        title = " ".join(posting.analysis[v0:v1].split()).strip(_DECOR + ":")
        if title and not _is_sentence(title):
            posting.title, posting.title_span, posting.title_source = title, (v0, v1), "field"
            return True
    return False


# "Senior Analytics Engineer at Ebury. Responsibilities: …": a scraped summary that opens with the job's name
_TITLE_AT = re.compile(r"(?P<title>[A-Z][\w/&,()'’+ -]{2,70}?)\s+(?:at|@)\s+[A-Z][\w&.'’ -]{0,60}?[.:!](?:\s|$)")


def _first_line_title(posting: Posting) -> None:
    """Without a `# Title`, the first short block near the top that names something.

    Skipped: `Label: value` fields (`**URL:** https://…` included) and
    sentences (a scraped page often opens with site chrome or the company's
    pitch), except a sentence opening "<Title> at <Company>.". The search
    ends at the first heading of a known section ("Responsibilities"): a page
    whose top names nothing has no title rather than a sentence or a
    sub-heading for one.
    """
    sections = posting.sections
    field_starts = {f[1] for f in posting.fields}
    for bl in posting.blocks[:TITLE_BLOCKS]:
        sec = sections[bl.section]
        is_head = bl.kind == "heading" and sec.heading_start == bl.start
        if bl.start in field_starts or (is_head and _has_value(posting.text, sec)):
            continue
        if is_head and sec.kind != "other":
            return  # the body has begun ("Responsibilities"): what follows names a part, not the job
        title = sec.title if is_head else " ".join(posting.analysis[bl.start : bl.end].split())
        if _is_sentence(title):
            at = _TITLE_AT.match(posting.analysis, bl.start, bl.end)
            if at and len(at.group("title").split()) <= TITLE_AT_WORDS:
                posting.title = at.group("title").strip()
                posting.title_span = (at.start("title"), at.end("title"))
                posting.title_source = "first line"
                return
            continue
        posting.title = title
        posting.title_span = (bl.start, bl.end)
        posting.title_source = "first line"
        return


TITLE_BLOCKS = 6  # blocks from the top that may hold the title
TITLE_FIELDS = 12  # fields from the top that may name it ("Job Title: …")
TITLE_AT_WORDS = 8  # "<Title> at <Company>." with a longer title is a sentence
TITLE_WORDS = 12  # a longer line is a sentence, not a job's name


def _is_sentence(line: str) -> bool:
    """Long, or a full stop at the end of several words: prose, not a title."""
    words = line.split()
    return len(words) > TITLE_WORDS or (len(words) > 4 and line.rstrip().endswith((".", "!", "?")))


def _has_value(text: str, sec: Section) -> bool:
    """`**URL:** https://…`: a label with its value on the heading's own line is a field, not a title."""
    line_end = text.find("\n", sec.heading_end)
    rest = text[sec.heading_end : line_end if line_end != -1 else len(text)]
    return bool(rest.strip(" \t:*_#"))
