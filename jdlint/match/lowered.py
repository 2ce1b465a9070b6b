"""A posting's text in lower case with every offset unchanged, made once and shared by every pattern.

Several rules find their words case-sensitively in lower-cased text: a
case-sensitive alternation of literals lets Python's `re` skip ahead to the
characters that can start a match, which a case-insensitive one cannot do.

Behind `jdlint.match`: a `Pattern` reads the copy when it needs it; rules never ask for it.
"""

from __future__ import annotations

from jdlint.model.posting import Posting
from jdlint.model.store import StoreKey


def lower_same_length(text: str) -> str:
    """`text` in lower case with offsets unchanged ("İ" lower-cases to two characters: kept as is)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low


_LOWERED: StoreKey[str] = StoreKey("lowered analysis text")
_LOWERED_RAW: StoreKey[str] = StoreKey("lowered raw text")


def lowered(posting: Posting, raw: bool = False) -> str:
    """The posting's analysis text (`raw`: its text) in lower case, offsets unchanged; computed once."""
    if raw:
        return posting.facts.compute(_LOWERED_RAW, lambda: lower_same_length(posting.text))
    return posting.facts.compute(_LOWERED, lambda: lower_same_length(posting.analysis))
