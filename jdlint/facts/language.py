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
from jdlint.facts.spaced import Spacer
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
    """The posting's language code ("en", "de", …), or "und" when too little text says.

    Front matter `language:` (or `lang:`) names it outright, for a snippet too short to tell.
    """
    return posting.facts.compute(_LANGUAGE, lambda: _declared(posting) or _detect(_body(posting)))


def _declared(posting: Posting) -> str | None:
    fm = posting.front_matter
    if not fm:
        return None
    for key in ("language", "lang"):
        value = fm.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip().lower().replace("_", "-").split("-")[0]
    return None


def reads(languages: tuple[str, ...] | frozenset[str], language: str) -> bool:
    """Does a rule or word list written for `languages` read a posting in `language`?

    No languages: it reads every posting. English lists also read undetermined
    ones (a title, a one-line snippet): that is what jdlint did before it told
    languages apart, and English is the interface language.
    """
    if not languages:
        return True
    return language in languages or (language == UNDETERMINED and "en" in languages)


def pack_language(language: str) -> str:
    """The word lists a posting in `language` is read with: its own, English when undetermined."""
    return "en" if language == UNDETERMINED else language


@cache
def own_pipelines() -> frozenset[str]:
    """Languages that get their own blank spaCy pipeline (`spacy:` in rules/shared/languages.yaml)."""
    return frozenset(data.load("shared/languages.yaml").get("spacy", []))


def _body(posting: Posting) -> str:
    """The text after the title line: a German posting often keeps an English job title."""
    text = posting.analysis
    if posting.title_span is not None:
        return text[posting.title_span[1] :]
    return text


def text_language(text: str) -> str:
    """The language of a piece of text (see `posting_language`)."""
    return _detect(text)


_LETTERS = Spacer(r"[^\W\d_]")  # `_WORD`'s characters


def _lower_words(text: str, n: int = -1) -> list[str]:
    """The words of `text` (`_WORD`), each in lower case; with `n`, split no further than n words (the rest,
    if any, is one more item: `str.split`'s maxsplit).

    Lower-casing the spaced text is lower-casing each word: a word stands
    between spaces, which is all the context lower-casing looks at (final sigma).
    """
    return _LETTERS.spaced(text).lower().split(None, n)


def _first_words(text: str, n: int) -> list[str]:
    """The first `n` words of `text` in lower case: first in a stretch long enough for `n` words of most texts.

    A word cut at the stretch's end is only ever the last found, so with more than `n` found the first `n` are whole.
    """
    stretch = n * 16
    if len(text) > stretch:
        words = _lower_words(text[:stretch], n)
        if len(words) > n:
            return words[:n]
    return _lower_words(text, n)[:n]


def _detect(text: str) -> str:
    owner, min_hits, read_words = _tables()
    owners = map(owner.get, _first_words(text, read_words))
    counts: Counter[str] = Counter(filter(None, owners))  # function words only (a code is never empty)
    if not counts:
        return UNDETERMINED
    (best, hits), (_, runner_up) = [*counts.most_common(2), ("", 0)][:2]
    if hits < min_hits or hits == runner_up:
        return UNDETERMINED
    return best
