"""Sets of character (or token) ranges: merged once, then asked about with one bisection.

Several fast paths build windows around hits and merge those that touch, and
several rules ask whether an offset or a span falls in a set of ranges (the
EEO statement, headings to skip). Both are this module; `SpanSet` is public
as `jdlint.match.SpanSet`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`(start, end)` spans in order, those that overlap or touch joined into one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class SpanSet:
    """Merged spans that answer "inside one?" and "overlaps one?" in logarithmic time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = merged(spans)
        self._starts = [s for s, _ in self.spans]

    def contains(self, offset: int) -> bool:
        j = bisect_right(self._starts, offset) - 1
        return j >= 0 and offset < self.spans[j][1]

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span shares a position with `start:end` (an empty span counts if strictly inside)."""
        j = bisect_left(self._starts, end) - 1  # the last span starting before `end`
        return j >= 0 and self.spans[j][1] > start
