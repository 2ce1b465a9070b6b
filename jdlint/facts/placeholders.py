"""Recognises placeholder wording left by unfinished templates.

Shared by `placeholder-section` (a whole section body is a placeholder) and
`placeholder-text` (a template fill-in inside real content), so both agree on
what "unfinished" means. The word lists live in `rules/shared/placeholders.yaml`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jdlint import data
from jdlint.parse.inline import strip_comments

_LINE_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-*+•]|\d{1,3}[.)])(?=[ \t]|$))*[ \t]*")
_DECOR = " \t*_[](){}<>\"'`.!:;"
_DASHES = re.compile(r"^(?:[-–—…]|\.{3})$")  # `---` alone is a thematic break, not a placeholder
_LOREM = re.compile(r"^lorem ipsum\b")
_XS = re.compile(r"^x{3,}$|^\?+$")


@cache
def _spec() -> dict:
    spec = data.load("shared/placeholders.yaml")
    return {
        "strong": frozenset(_norm(w) for w in spec["strong"]),
        "weak": frozenset(_norm(w) for w in spec["weak"]),
        "weak_kinds": frozenset(spec["weak_kinds"]),
        "weak_exempt": tuple(w.lower() for w in spec["weak_exempt_words"]),
        "bracket_words": frozenset(w.lower() for w in spec["bracket_words"]),
    }


def _norm(text: str) -> str:
    text = text.strip().lower()
    core = text.strip(_DECOR)
    return " ".join(core.split()) if core else text.strip()


def bracket_words() -> frozenset[str]:
    """Words that are real text when alone in brackets (`[remote]`)."""
    return _spec()["bracket_words"]


def placeholder_word(line: str, kind: str = "other", title: str = "", dashes: bool = True) -> str | None:
    """The placeholder a single line consists of, or None when the line says something.

    `dashes=False` ignores a lone `-` or `…`: under a setext or plain-text heading it is
    usually a scraped bullet separator, not an author's placeholder.
    """
    raw = line.strip()
    if not raw:
        return None
    if _DASHES.match(raw):  # `-`, `—`, `…`, `...` alone: an empty bullet or an ellipsis
        return raw if dashes else None
    core = _LINE_MARKERS.sub("", raw, count=1)
    word = _norm(core)
    if not word:
        return None
    spec = _spec()
    if word in spec["strong"] or _LOREM.match(word) or _XS.match(word):
        return word
    if word in spec["weak"] and weak_applies(kind, title):
        return word
    return None


def weak_applies(kind: str, title: str) -> bool:
    """May `None`/`N/A` be a placeholder under this heading? Only under must-fill headings."""
    spec = _spec()
    if kind not in spec["weak_kinds"]:
        return False
    low = title.lower()
    return not any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in spec["weak_exempt"])


def placeholder_body(text: str, kind: str = "other", title: str = "", dashes: bool = True) -> str | None:
    """The placeholder a whole body consists of (every non-blank line one), else None."""
    first = None
    for line in strip_comments(text).splitlines():
        if not line.strip():
            continue
        word = placeholder_word(line, kind, title, dashes)
        if not word:
            return None  # one line that says something is enough: the rest need not be read
        first = first or word
    return first


@lru_cache(maxsize=8192)
def is_placeholder_title(title: str) -> bool:
    """A heading whose own text is only a placeholder (`### None`, `## TBD`).

    Memoised: two rules ask it of every heading, and headings repeat across files.
    """
    from jdlint.parse.sections import is_placeholder_heading

    word = _norm(title)
    return bool(word) and (is_placeholder_heading(title) or (word in _spec()["strong"] and not _DASHES.match(word)))
