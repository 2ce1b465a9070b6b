"""Where a document-level finding (a missing disclosure) points.

DESIGN.md: at the section where the disclosure belongs, else line 1. The
span is a heading or a line, never empty, so editors have something to
underline.
"""

from __future__ import annotations

from jdlint.model.posting import Posting


def first_line(posting: Posting) -> tuple[int, int]:
    """The first non-blank line after any front matter (its trimmed text)."""
    text = posting.text
    pos = posting.front_matter_end if posting.front_matter_end < len(text) else 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return pos + lead, pos + len(line.rstrip())
        pos = end + 1
    return 0, 0


def section_heading(posting: Posting, kinds: tuple[str, ...]) -> tuple[int, int] | None:
    """The heading of the first section whose kind is in `kinds`, tried in the order given."""
    for kind in kinds:
        for sec in posting.sections:
            if sec.kind == kind and not sec.is_preamble and sec.heading_end > sec.heading_start:
                return sec.heading_start, sec.heading_end
    return None


def anchor(posting: Posting, kinds: tuple[str, ...] = ()) -> tuple[int, int]:
    """The heading of the first section of one of `kinds`, else the first line."""
    return section_heading(posting, kinds) or first_line(posting)


def title_line(posting: Posting) -> tuple[int, int]:
    """The posting's title line (trimmed), else its first line: where a finding about the whole posting points."""
    if posting.title_span is not None:
        start, end = posting.title_span
        text = posting.text
        line_end = text.find("\n", start)
        end = min(end, line_end) if line_end != -1 else end
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            return start + lead, start + len(chunk.rstrip())
    return first_line(posting)
