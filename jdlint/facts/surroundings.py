"""Helpers shared by the context-dependent bias rules (not a plugin: the name starts with `_`).

The term packs in rules/ handle fixed wording; the few bias rules written in
Python need to know what surrounds a match: its sentence, its block
(paragraph or list item), its section, whether it sits inside a quotation.
These helpers answer that from the `Posting` alone, so they never need spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from jdlint.model.posting import Posting
from jdlint.model.store import StoreKey

_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
_BLOCK_STARTS: StoreKey[list[int]] = StoreKey("block starts")


def block_span(posting: Posting, offset: int) -> tuple[int, int]:
    """The paragraph, list item or table row holding `offset` (else its line)."""
    blocks = posting.blocks
    starts = posting.facts.get(_BLOCK_STARTS)
    if starts is None or len(starts) != len(blocks):
        starts = posting.facts[_BLOCK_STARTS] = [b.start for b in blocks]
    j = bisect_right(starts, offset) - 1
    if j >= 0 and blocks[j].start <= offset < max(blocks[j].end, blocks[j].start + 1):
        return blocks[j].start, blocks[j].end
    text = posting.text
    return text.rfind("\n", 0, offset) + 1, _line_end(text, offset)


def previous_block_start(posting: Posting, start: int) -> int:
    """Start of the block before the one starting at `start`, if it is body text of the same section."""
    starts = posting.facts.get(_BLOCK_STARTS) or [b.start for b in posting.blocks]
    j = bisect_right(starts, start - 1) - 1
    if (
        j >= 0
        and posting.blocks[j].kind != "heading"
        and posting.section_index_at(starts[j]) == posting.section_index_at(start)
    ):
        return starts[j]
    return start


def sentence_span(posting: Posting, offset: int) -> tuple[int, int]:
    """The sentence holding `offset`, cut at . ! ? ; and at line breaks, inside its block."""
    b0, b1 = block_span(posting, offset)
    text = posting.analysis
    start = b0
    for m in _SENTENCE_END.finditer(text, b0, offset):
        start = m.end()
    m = _SENTENCE_END.search(text, offset, b1)
    return start, (m.end() if m else b1)


def section_span(posting: Posting, offset: int) -> tuple[int, int]:
    """The section holding `offset`: its heading to its end (sub-sections included).

    When the posting has no headings at all, the whole text is the section.
    """
    idx = posting.section_index_at(offset)
    if idx < 0:
        return 0, len(posting.text)
    sec = posting.sections[idx]
    start = 0 if sec.is_preamble else sec.heading_start
    end = sec.end if sec.end > start else len(posting.text)
    return start, end


def parent_intro_span(posting: Posting, offset: int) -> tuple[int, int] | None:
    """The body of the parent section before its first sub-section (its introduction), if any."""
    idx = posting.section_index_at(offset)
    if idx < 0:
        return None
    parent = posting.sections[idx].parent
    if parent < 0:
        return None
    sec = posting.sections[parent]
    return (sec.heading_start, sec.body_end)


def in_quotation(posting: Posting, offset: int) -> bool:
    """True when `offset` lies between double quotes opened earlier in its block."""
    b0, _ = block_span(posting, offset)
    return posting.analysis.count('"', b0, offset) % 2 == 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end
