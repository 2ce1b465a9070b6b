"""Blanks out the parts of a line of Markdown that are not prose.

Rules see `Posting.analysis`, a copy of the text of the same length in which
markup, code spans, link targets, HTML tags and URLs are spaces. Keeping the
length means a spaCy token's offset *is* the offset in the file: no mapping
tables, no drift. Link text, emphasised text and table cells stay visible.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Order matters: code spans first (nothing inside them is markup), then
# comments and tags, then links, then bare URLs, then emphasis markers.
_TICKS = re.compile(r"`+")
_MASKS = [
    (("<!--",), re.compile(r"<!--.*?(?:-->|$)")),  # HTML comment (also unterminated, to the line end)
    (("<",), re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")),  # autolink
    (("<",), re.compile(r"<[^\s@<>]+@[^\s@<>]+>")),  # e-mail autolink
    (("<",), re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),  # HTML tag with its attributes
    (("](",), re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")),  # ](target)
    (("][",), re.compile(r"\]\[[^\]]*\]")),  # ][reference]
    (("[^",), re.compile(r"\[\^[^\]\s]+\]")),  # footnote reference
    (("[",), re.compile(r"!?\[")),  # link/image opening bracket
    (("://", "www."), re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`]+|\bwww\.[^\s<>\"'`]+\.[^\s<>\"'`]+")),  # bare URL
    (("@",), re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),  # bare e-mail (from a run's start)
    (("*", "_", "~~"), re.compile(r"\*{1,3}|_{2,3}|~~|(?<!\w)_|_(?!\w)")),  # emphasis markers
    (("\\",), re.compile(r"\\(?=[!-/:-@\[-`{-~])")),  # backslash escape
]
# Each pattern is paired with substrings it cannot match without: most lines are plain
# prose, and skipping a pattern whose trigger is absent saves most of the regex work.
# Masking only ever turns characters into spaces, so a trigger absent now stays absent.
# A character class alone is scanned in C; with the `://` and `www.` branches beside it the regex
# engine tries three branches at every character (twice the cost): those two are `in` tests.
_TRIGGER_CHARS = re.compile(r"[`<\[\]*_~\\@]")
_TRIGGERS = ("`", "<", "[", "]", "*", "_", "~", "\\", "@", "://", "www.")  # what `_has_trigger` looks for
_FOLDABLE = re.compile("[’‘ʼ“”\u00a0\t]")
_CLOSING_BRACKET = re.compile(r"\](?!\()")

# Typographic characters folded to their plain forms (same length). No plain form is folded again,
# so one `str.replace` per character (a C scan each) does what `str.translate` does a character at a time.
_FOLD = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "), ("\t", " "))


def fold(text: str) -> str:
    """`text` with typographic quotes, no-break spaces and tabs in their plain forms (same length)."""
    if _FOLDABLE.search(text) is None:
        return text
    for typographic, plain in _FOLD:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def mask_inline(line: str) -> str:
    """Return `line` with non-prose parts turned into spaces (same length)."""
    return mask_folded(fold(line)) if line else line


def mask_folded(line: str) -> str:
    """`mask_inline` for a line already folded (`fold`): a parser folds the whole text once."""
    out = line
    if not _has_trigger(out):
        return out
    if "`" in out:  # code spans first, in linear time: nothing inside them is markup
        pieces, last = [], 0
        for x, y in code_spans(out):
            pieces += [out[last:x], " " * (y - x)]
            last = y
        out = "".join(pieces) + out[last:]
    for triggers, pattern in _MASKS:
        for t in triggers:
            if t in out:
                out = pattern.sub(_blank, out)
                break
    # a `]` left after link masking closes a link text or is a stray bracket: blank it
    # only where a `[` was blanked before it on the same line
    if "]" in out and ("[" in line):
        out = _CLOSING_BRACKET.sub(" ", out)
    return out


def _has_trigger(line: str) -> bool:
    """Can any of `_MASKS` match in `line`? Most lines are plain prose, and none can."""
    return _TRIGGER_CHARS.search(line) is not None or "://" in line or "www." in line


def trigger_lines(folded: str, starts: list[int]) -> set[int]:
    """The lines of `folded` (starting at `starts`) on which `_has_trigger` holds: the only ones to mask.

    Three lines in a hundred have a trigger: a scan of the text for each finds them, where a regex search
    per line costs a call and a scan start each.
    """
    lines: set[int] = set()
    last = len(starts) - 1

    def add(found: int) -> int:
        """Record the line holding offset `found`; where to look next (the line after it, -1: none)."""
        line = bisect_right(starts, found) - 1
        lines.add(line)
        return starts[line + 1] if line < last else -1

    for needle in _TRIGGERS:  # `str.find` skips to the next one faster than a regex search
        pos = folded.find(needle)
        while pos != -1:
            nxt = add(pos)
            pos = folded.find(needle, nxt) if nxt >= 0 else -1
    return lines


def code_spans(line: str) -> list[tuple[int, int]]:
    """Code spans as CommonMark pairs them: a run of n backticks closes at the next run of exactly n.

    Paired through an index of runs by length; a backreference regex here is cubic on a long run of backticks.
    """
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(runs):
        by_length.setdefault(b - a, []).append(i)
    spans = []
    i = 0
    while i < len(runs):
        a, b = runs[i]
        same = by_length[b - a]
        k = bisect_right(same, i)
        if k < len(same):
            spans.append((a, runs[same[k]][1]))
            i = same[k] + 1
        else:
            i += 1
    return spans


def comment_spans(text: str) -> list[tuple[int, int]]:
    """HTML comments `<!-- … -->`, found in linear time.

    A lazy `<!--.*?-->` regex rescans to the end of the text from every unclosed `<!--`,
    which is quadratic on a file full of them; an unclosed comment here ends the search.
    """
    spans = []
    pos = text.find("<!--")
    while pos != -1:
        end = text.find("-->", pos + 4)
        if end == -1:
            break
        spans.append((pos, end + 3))
        pos = text.find("<!--", end + 3)
    return spans


def strip_comments(text: str) -> str:
    """`text` without its HTML comments."""
    if "<!--" not in text:
        return text
    pieces, last = [], 0
    for a, b in comment_spans(text):
        pieces.append(text[last:a])
        last = b
    return "".join(pieces) + text[last:]

