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
    re.compile(r"<!--.*?(?:-->|$)"),  # HTML comment (also unterminated, to the line end)
    re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"),  # autolink
    re.compile(r"<[^\s@<>]+@[^\s@<>]+>"),  # e-mail autolink
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # HTML tag with its attributes
    re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"),  # ](target)
    re.compile(r"\]\[[^\]]*\]"),  # ][reference]
    re.compile(r"\[\^[^\]\s]+\]"),  # footnote reference
    re.compile(r"!?\["),  # link/image opening bracket
    re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`]+|\bwww\.[^\s<>\"'`]+\.[^\s<>\"'`]+"),  # bare URL
    re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),  # bare e-mail address (starts only at a run's start)
    re.compile(r"\*{1,3}|_{2,3}|~~|(?<!\w)_|_(?!\w)"),  # emphasis markers
    re.compile(r"\\(?=[!-/:-@\[-`{-~])"),  # backslash escape
]
_CLOSING_BRACKET = re.compile(r"\](?!\()")

# Typographic characters folded to their plain forms (same length).
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "\u00a0": " ", "\t": " "})


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def mask_inline(line: str) -> str:
    """Return `line` with non-prose parts turned into spaces (same length)."""
    if not line:
        return line
    out = line.translate(_FOLD)
    if "`" in out:
        pieces, last = [], 0
        for a, b in _code_spans(out):
            pieces += [out[last:a], " " * (b - a)]
            last = b
        out = "".join(pieces) + out[last:]
    for pattern in _MASKS:
        out = pattern.sub(_blank, out)
    # a `]` left after link masking closes a link text or is a stray bracket: blank it
    # only where a `[` was blanked before it on the same line
    if "]" in out and ("[" in line):
        out = _CLOSING_BRACKET.sub(" ", out)
    return out


def _code_spans(line: str) -> list[tuple[int, int]]:
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


def mask_table_row(line: str) -> str:
    """A table row: cells stay, pipes go."""
    return mask_inline(line).replace("|", " ")
