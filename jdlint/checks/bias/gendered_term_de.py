"""gendered-term, German half: masculine-only job titles ("Entwickler", "Berater (m/w/d)").

German role nouns have a masculine and a feminine form ("Entwickler",
"Entwicklerin"); a title in the masculine alone addresses men, and Austrian
(GlBG § 9), German (AGG § 11) and EU law (Directive 2023/970 Art. 5(3)) ask
for gender-neutral job ads. The marker "(m/w/d)" is common practice, but a
study found a masculine title with it read no more inclusively than without
it (Horvath & Sczesny 2016), so such a title is reported as info, with the
pair as the suggestion. Read: the posting's title, and every role noun
written right before a gender marker elsewhere (a job title in the text),
but not in a list of other jobs saved with the page.
Not flagged: inclusive forms ("Entwickler:in", "Entwickler*in",
"Entwickler/in", "EntwicklerIn") and pairs ("Entwicklerin/Entwickler").
Data: the `titles:` table of rules/bias/gendered-term.de.yaml. Called by
`jdlint.checks.bias.gendered_term` for postings in German.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts.pages import inside, job_list_spans
from jdlint.model.finding import Hit, Severity

RULE_ID = "gendered-term"
_CITATION = "Horvath & Sczesny 2016"
_LAW = "GlBG § 9 in Austria, AGG § 11 in Germany, EU Directive 2023/970 Art. 5(3)"


@dataclass(frozen=True)
class _Noun:
    masculine: str
    feminine: str
    neutral: str | None


@dataclass(frozen=True)
class _Spec:
    nouns: dict[str, _Noun]  # lower-case masculine -> its forms
    word: re.Pattern[str]  # a word ending in a masculine role noun (group "prefix", "noun")
    marker: re.Pattern[str]  # a gender marker in brackets, "(m/w/d)"
    inclusive: re.Pattern[str]  # what may follow the noun and makes it inclusive (":in", "*in", "/-in")


@cache
def _spec() -> _Spec:
    table = data.load("bias/gendered-term.de.yaml")["titles"]
    nouns: dict[str, _Noun] = {}
    for masculine, forms in table["nouns"].items():
        forms = forms or {}
        nouns[masculine.lower()] = _Noun(masculine, forms.get("feminine", masculine + "in"), forms.get("neutral"))
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    markers = "|".join(re.escape(m) for m in sorted(table["markers"], key=len, reverse=True))
    return _Spec(
        nouns=nouns,
        # the noun ends the word: "Entwicklerin" and "EntwicklerIn" are other words (\w covers umlauts)
        word=re.compile(rf"(?<![\w-])(?P<prefix>[\w-]*?)(?P<noun>(?i:{alternation}))(?!\w)"),
        marker=re.compile(rf"\(\s*(?:{markers})\s*\)", re.IGNORECASE),
        inclusive=re.compile(r"\s*(?:[:*_/|]\s*-?\s*in(?:nen)?\b|\((?:in|innen)\))", re.IGNORECASE),
    )


def check(posting) -> Iterator[Hit]:
    """Masculine-only titles: in the title line, and before every gender marker in the text."""
    spec = _spec()
    text = posting.text
    seen: set[int] = set()
    if posting.title_span is not None:
        start, end = posting.title_span
        line_end = text.find("\n", start)
        end = min(end, line_end) if line_end != -1 else end
        for m in spec.word.finditer(text, start, end):
            hit = _judge(spec, text, m, end)
            if hit is not None:
                seen.add(m.start())
                yield hit
    others = job_list_spans(posting)  # a "Similar jobs" list names other employers' titles
    for marker in spec.marker.finditer(text):
        if others and inside(others, marker.start()):
            continue
        line_start = text.rfind("\n", 0, marker.start()) + 1
        before = text[line_start : marker.start()].rstrip()
        m = spec.word.search(text, max(line_start, line_start + len(before) - 60), line_start + len(before))
        while m is not None and m.end() != line_start + len(before):  # the last word before the marker
            m = spec.word.search(text, m.end(), line_start + len(before))
        if m is not None and m.start() not in seen:
            hit = _judge(spec, text, m, marker.end())
            if hit is not None:
                seen.add(m.start())
                yield hit


def _judge(spec: _Spec, text: str, m: re.Match[str], limit: int) -> Hit | None:
    """A finding for the masculine noun `m`, unless it is written inclusively or paired with its feminine form."""
    word = m.group()
    if not word[:1].isupper():  # German nouns are capitalised; a lower-case word is something else
        return None
    if spec.inclusive.match(text, m.end()):
        return None
    noun = spec.nouns[m.group("noun").lower()]
    prefix = m.group("prefix")
    feminine = prefix + (noun.feminine if prefix[-1:] in ("", "-") else noun.feminine.lower())
    around = text[max(0, m.start() - 60) : m.end() + 60]
    if re.search(rf"(?<!\w){re.escape(feminine)}(?:nen)?(?!\w)", around, re.IGNORECASE):
        return None  # "Entwicklerin/Entwickler", "Entwickler oder Entwicklerin"
    pair = f"{feminine}/{word}"
    suggest = [pair, f"{word}:in"]
    if noun.neutral:
        neutral = noun.neutral if prefix[-1:] in ("", "-") else noun.neutral.lower()
        suggest.append(prefix + neutral)
    rest = text[m.end() : limit]
    marker = spec.marker.search(rest)
    if marker is not None and not rest[: marker.start()].strip(" \t"):
        shown = text[m.start() : m.end() + marker.end()]
        message = (
            f"“{shown}”: the gender marker is common practice, but a masculine title with it reads no more "
            f"inclusively than without it ({_CITATION}); name both forms, e.g. “{pair} {marker.group()}”."
        )
        return Hit(RULE_ID, m.start(), m.end() + marker.end(), message, tuple(suggest), Severity.INFO, None)
    message = (
        f"“{word}” is the masculine form only; a job title should address every gender ({_LAW}). "
        "Consider: " + ", ".join(f"“{s}”" for s in suggest) + "."
    )
    return Hit(RULE_ID, m.start(), m.end(), message, tuple(suggest), None, None)
