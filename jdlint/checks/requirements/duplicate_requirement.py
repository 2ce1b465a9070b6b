"""duplicate-requirement: the same qualification twice in the required lists.

Compared on normalised wording, so "Strong SQL skills" and "Knowledge of
SQL" are one qualification. Items that differ only in the years asked are
left to `years-conflict`; sibling role variants are never compared.
"""

from __future__ import annotations

import re

from jdlint.facts.requirements import Candidates, analyse, comparable, line_of
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule
from jdlint.model.store import StoreKey

RULE = Rule(
    id="duplicate-requirement",
    category="requirements",
    severity=Severity.WARNING,
    summary="The same qualification appears twice in the required lists.",
    explain=(
        "Every repeated item lengthens the must-have list, and long must-have lists deter "
        "qualified people who do not match every line. Say each requirement once."
    ),
    source="jdlint requirement checks.",
    fix_hint="Delete the repetition, or merge the two items.",
    bad_examples=("## Requirements\n- Strong SQL skills\n- Excellent communication\n- Knowledge of SQL",),
    good_examples=("## Requirements\n- Strong SQL skills\n- Python for data pipelines",),
)


def _years(req) -> tuple[float, ...]:
    return tuple(sorted(d.low for d in req.years))


_ITEM_BULLETS: StoreKey[dict[int, bool]] = StoreKey("item bullets by start")


def _pasted_page(posting, earlier, later) -> bool:
    """A long unbulleted line repeated word for word is a page pasted (or scraped) twice, not a list
    that asks for the same thing twice; a one-off repeat in a bulleted list is still reported."""
    bullets = posting.facts.compute(_ITEM_BULLETS, lambda: {it.start: it.bullet for it in posting.items})
    plain = not bullets.get(earlier.start, True) and not bullets.get(later.start, True)
    return plain and earlier.text == later.text and len(later.text.split()) >= 12


def _run(reqs, i: int, j: int, enough: int = 3) -> int:
    """How many items in a row, around i and j, are repeated word for word (counted up to `enough`)."""
    n = 1
    for step in (-1, 1):
        a, b = i + step, j + step
        while n < enough and 0 <= a < len(reqs) and 0 <= b < len(reqs) and a != j and reqs[a].text == reqs[b].text:
            n += 1
            a, b = a + step, b + step
    return n


def _step_up(a: int, b: int) -> bool:
    """ "Deep experience with X" (3) after "Experience with X" (0) asks for more; "Strong X" (2)
    and "X" (0) ask for the same thing."""
    return a != b and (min(a, b) > 0 or max(a, b) == 3)


def _numbers(req) -> list[str]:
    return re.findall(r"\d+", req.text)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    every = analyse(posting, context.lemma_doc).of_kind("required")
    position = {id(r): n for n, r in enumerate(every)}
    required = [r for r in every if r.substantive]
    # only items with the same key, years and numbers can repeat each other ("Function 1" is not "Function 2")
    candidates: Candidates[int] = Candidates(RULE.id)
    last: tuple[int, int] | None = None  # (earlier, later) indexes of the previous finding
    for j, later in enumerate(required):
        group = (later.key, _years(later), tuple(_numbers(later)))
        for i in candidates.nearest(group, later.start):
            earlier = required[i]
            if _step_up(earlier.level, later.level):
                continue  # "Deep experience in X" at a higher level is a step up
            if not comparable(posting, earlier.section, later.section):
                continue
            if _pasted_page(posting, earlier, later) or _run(every, position[id(earlier)], position[id(later)]) >= 3:
                continue  # three or more lines repeated in order: a page pasted (or scraped) twice
            run = last is not None and last == (i - 1, j - 1)
            last = (i, j)
            if run:
                break  # a whole list pasted twice: its first repeated item is reported, not every one
            yield Hit(
                RULE.id,
                later.start,
                later.end,
                f"This requirement repeats the one on line {line_of(posting, earlier.start)}; say it once.",
            )
            break
        candidates.add(group, later.start, j)
