"""Keep "a"/"an" right when a fix or a quick fix replaces the word after it.

"We need a rockstar" fixed to "expert" must read "an expert", and a text that
already said "an ninja" should not keep the wrong article either. The article
follows the sound of the replacement's first word; the exceptions (an hour, a
university, an MBA) are data in `rules/shared/articles.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from jdlint.data.loader import load

# the article, then spaces or tabs (same line), at the very end of the text before the replaced span
_ARTICLE = re.compile(r"(?<![\w'’-])(an?|An?|AN)[ \t]+\Z")
_FIRST_WORD = re.compile(r"[\W_]*([\w'’-]+)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;*#>(\[“\"'\-–—]|^\s*\d+[.)])\s*\Z", re.MULTILINE)
_TAIL = 24  # characters of the preceding text worth looking at


@cache
def _data() -> dict:
    raw = load("shared/articles.yaml")
    return {
        "an_prefixes": tuple(raw["an_prefixes"]),
        "a_prefixes": tuple(raw["a_prefixes"]),
        "an_words": frozenset(raw["an_words"]),
        "letters": frozenset(raw["vowel_letter_names"]),
        "words": frozenset(raw["acronyms_read_as_words"]),
    }


def wants_an(phrase: str) -> bool | None:
    """True when `phrase` starts with a vowel sound, False for a consonant sound, None without a word."""
    m = _FIRST_WORD.match(phrase)
    if not m:
        return None
    word = m.group(1)
    data = _data()
    if word[0].isdigit():
        number = re.match(r"\d+", word).group(0)  # type: ignore[union-attr]
        return number.startswith("8") or number in ("11", "18")  # eight…, eleven, eighteen
    letters = word.replace("-", "")
    if len(letters) > 1 and letters.isupper() and word not in data["words"]:
        return word[0] in data["letters"]  # read letter by letter: "an MBA", "a UX", "an SRE"
    lower = word.lower()
    if lower in data["an_words"]:
        return True
    if lower.startswith(data["an_prefixes"]):
        return True
    if lower.startswith(data["a_prefixes"]) or lower == "u":
        return False
    return lower[0] in "aeiou"


def article_edit(before: str, replacement: str, original: str = "") -> tuple[int, int, str] | None:
    """When `before` ends with an article that disagrees with `replacement` (which replaces `original`):
    its span in `before` and the right article in the same case; else None.

    Pass the replacement as the rule wrote it, before `match_case`: "EXPERT" in a shouted line is a
    word, while "MBA" as written is read letter by letter.

    A capital "A" is taken for an article only where a sentence or list item starts ("A rockstar
    attitude") or in a shouted line ("WE NEED A ROCKSTAR"), not mid-sentence ("Plan A rockstar"),
    where it is more likely a label.
    """
    shift = max(0, len(before) - _TAIL)
    tail = before[shift:]
    m = _ARTICLE.search(tail)
    if not m:
        return None
    want = wants_an(replacement)
    if want is None:
        return None
    have = m.group(1)
    if (have.lower() == "an") == want:
        return None
    letters = [c for c in original if c.isalpha()]
    shouted = len(letters) > 1 and all(c.isupper() for c in letters)  # "WE NEED A ROCKSTAR"
    if have[0].isupper() and not shouted and not _SENTENCE_START.search(before[: shift + m.start(1)][-_TAIL:]):
        return None
    new = "an" if want else "a"
    if shouted or (have.isupper() and len(have) > 1):
        new = new.upper()
    elif have[0].isupper():
        new = new.capitalize()
    return shift + m.start(1), shift + m.end(1), new
