"""The language a posting is written in, from the share of each language's function words.

Rules and word packs are written for one language; an English list run over a
German posting finds nothing true and advice written in English fits it
badly. A posting's body (its title is often left in English) is read for the
short words every sentence of a language is full of (rules/shared/languages.yaml);
the language with most of them wins. Offline, no model, a few microseconds
per posting.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from jdlint import data
from jdlint.model.posting import Posting
from jdlint.model.store import StoreKey

UNDETERMINED = "und"  # BCP 47's code for an undetermined language
_WORD = re.compile(r"[^\W\d_]+")
_LANGUAGE: StoreKey[str] = StoreKey("language")


@cache
def _tables() -> tuple[dict[str, str], int, int]:
    raw = data.load("shared/languages.yaml")
    owner: dict[str, str] = {}
    for code, words in raw["languages"].items():
        for word in words:
            owner.setdefault(word, code)  # a word listed twice counts for the first language only
    return owner, int(raw["min_hits"]), int(raw["read_words"])


def posting_language(posting: Posting) -> str:
    """The posting's language code ("en", "de", …), or "und" when too little text says."""
    return posting.facts.compute(_LANGUAGE, lambda: _detect(_body(posting)))


def _body(posting: Posting) -> str:
    """The text after the title line: a German posting often keeps an English job title."""
    text = posting.analysis
    if posting.title_span is not None:
        return text[posting.title_span[1] :]
    return text


def text_language(text: str) -> str:
    """The language of a piece of text (see `posting_language`)."""
    return _detect(text)


def _detect(text: str) -> str:
    owner, min_hits, read_words = _tables()
    counts: Counter[str] = Counter()
    for n, m in enumerate(_WORD.finditer(text)):
        if n >= read_words:
            break
        code = owner.get(m.group().lower())
        if code is not None:
            counts[code] += 1
    if not counts:
        return UNDETERMINED
    (best, hits), (_, runner_up) = [*counts.most_common(2), ("", 0)][:2]
    if hits < min_hits or hits == runner_up:
        return UNDETERMINED
    return best
