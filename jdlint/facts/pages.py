"""What in a saved page is not the posting: error pages, and lists of other jobs.

Postings are often saved from job boards, so a file can be a "page not found"
page, or carry a "Similar jobs" sidebar naming other jobs' places. A rule that
reads where the job is must not take those for this job's facts. The phrasings
are data (rules/shared/pages.yaml); this module only finds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from jdlint import data
from jdlint.match import Pattern
from jdlint.model.posting import Posting

_LEAD = r"^[ \t#*_>|•·-]*"  # list bullets, heading marks, table bars before the words
_TAIL = r"[ \t:.!|]*$"


def _line_pattern(patterns: list[str]) -> Pattern:
    """A whole-line matcher: one of `patterns` is the line, give or take markup."""
    alternation = "|".join(f"(?:{p})" for p in patterns) or "$^"
    return Pattern(f"{_LEAD}(?:{alternation}){_TAIL}", re.IGNORECASE | re.MULTILINE)


def _lines(pattern: Pattern, posting: Posting) -> Iterator[re.Match[str]]:
    """The pattern's lines in the analysis text, then in the raw text."""
    yield from pattern.finditer_lines(posting)
    yield from pattern.finditer_lines(posting, raw=True)


@cache
def _tables() -> tuple[Pattern, int, Pattern]:
    raw = data.load("shared/pages.yaml")
    nap = raw.get("not_a_posting") or {}
    return (
        _line_pattern(list(nap.get("markers") or ())),
        int(nap.get("max_words", 0)),
        _line_pattern(list(raw.get("job_list_markers") or ())),
    )


def not_a_posting(posting: Posting) -> bool:
    """True for a short page that says there is no posting on it (404, job no longer available)."""
    markers, max_words, _ = _tables()
    if len(posting.analysis.split(None, max_words)) > max_words:  # more words than that: splits no further
        return False
    return next(_lines(markers, posting), None) is not None


def job_list_spans(posting: Posting) -> list[tuple[int, int]]:
    """Spans of text that list other jobs: from a marker line to the end of its section, else of the page.

    Both the analysis text and the raw text are read: the analysis joins a
    line such as "People also viewed" onto the one before it when Markdown
    takes the pair for one paragraph.

    A marker that is an ATX heading ("## Similar jobs") ends with its section;
    one in plain text (a sidebar flattened into the page, where every job
    title may look like a heading) runs to the end of the file.
    """
    _, _, markers = _tables()
    spans: list[tuple[int, int]] = []
    starts = {m.start(): m for m in _lines(markers, posting)}
    for _, m in sorted(starts.items()):
        end = len(posting.text)
        for sec in posting.sections:
            if sec.style == "atx" and m.start() <= sec.heading_start < m.end():
                end = sec.end
                break
        spans.append((m.start(), end))
    return spans


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Is `offset` inside one of `spans`?"""
    return any(s <= offset < e for s, e in spans)
