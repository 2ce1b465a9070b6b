"""A posting's text in lower case with every offset unchanged, made once and shared by the rules.

Several rules find their words case-sensitively in lower-cased text: a
case-sensitive alternation of literals lets Python's `re` skip ahead to the
characters that can start a match, which a case-insensitive one cannot do.
"""

from __future__ import annotations

from jdlint.model.posting import Posting


def lower_same_length(text: str) -> str:
    """`text` in lower case with offsets unchanged ("İ" lower-cases to two characters: kept as is)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low


def lowered(posting: Posting, raw: bool = False) -> str:
    """The posting's analysis text (`raw`: its text) in lower case, offsets unchanged; computed once."""
    key = "_lowered_raw" if raw else "_lowered"
    low = posting.__dict__.get(key)
    if low is None:
        low = posting.__dict__[key] = lower_same_length(posting.text if raw else posting.analysis)
    return low
