"""Suppression comments, as DESIGN.md defines them.

    <!-- jdlint-disable-next-line RULE[, RULE] -->
    <!-- jdlint-disable RULE --> … <!-- jdlint-enable RULE -->
    <!-- jdlint-disable-file RULE -->

Without a rule id a comment covers every rule. A comment that covers no
finding is itself reported as `unused-suppression`.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from jdlint.model.posting import Posting

# the rule list is bounded and matched greedily: a lazy `[^>]*?` before `\s*-->` is quadratic on a long line
_COMMENT = re.compile(r"<!--\s*jdlint-(disable-next-line|disable-file|disable|enable)\b([^>]{0,1000})-->")
ALL = "*"


@dataclass
class Directive:
    kind: str
    rules: tuple[str, ...]
    start: int
    end: int
    line: int
    end_line: int
    used: bool = False
    ranges: list[tuple[int, int]] = field(default_factory=list)  # covered line ranges


def parse_directives(posting: Posting) -> list[Directive]:
    text = posting.text
    if "jdlint-" not in text:
        return []
    out: list[Directive] = []
    code = sorted(posting.code_ranges)
    starts = [a for a, _ in code]
    for m in _COMMENT.finditer(text):
        k = bisect_right(starts, m.start()) - 1  # the code block starting last at or before it
        if k >= 0 and m.start() < code[k][1]:
            continue
        rules = tuple(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r) or (ALL,)
        line, _ = posting.lines.position(m.start())
        end_line, _ = posting.lines.position(m.end())
        out.append(Directive(m.group(1), rules, m.start(), m.end(), line, end_line))
    _resolve_ranges(out, posting.lines.line_count)
    return out


def _resolve_ranges(directives: list[Directive], last_line: int) -> None:
    open_blocks: dict[str, Directive] = {}
    for d in directives:
        if d.kind == "disable-next-line":
            d.ranges.append((d.end_line + 1, d.end_line + 1))
        elif d.kind == "disable-file":
            d.ranges.append((1, last_line))
        elif d.kind == "disable":
            for r in d.rules:
                open_blocks[r] = d
            d.ranges.append((d.line, last_line))  # narrowed when an enable closes it
        elif d.kind == "enable":
            d.used = True  # an enable never "suppresses", so it is never unused
            for r in d.rules:
                targets = [open_blocks.pop(r)] if r in open_blocks else []
                if r == ALL:
                    targets = list({id(v): v for v in open_blocks.values()}.values())
                    open_blocks.clear()
                for opener in targets:
                    s, _ = opener.ranges[0]
                    opener.ranges[0] = (s, d.line)


def apply(findings: list, directives: list[Directive]) -> list:
    """Drop suppressed findings; mark the directives that were used.

    Matched by line, not finding against every comment (a 1.6 MB file of comments and
    findings took 254 s that way): for each name a comment can give (a rule id, a
    category, or none for all), its findings in line order sweep its comments' line
    ranges in start order. A finding is covered when some range begun at or before its
    line ends at or after it; the ranges still open then are the comments it uses.
    O((findings + comments) log comments).
    """
    if not directives:
        return findings
    ranges: dict[str, list[tuple[int, int, int, Directive]]] = {}
    for n, d in enumerate(directives):
        if d.kind == "enable":
            continue
        for rule in d.rules:
            for a, b in d.ranges:
                ranges.setdefault(rule, []).append((a, b, n, d))
    by_name: dict[str, list[int]] = {}
    order = sorted(range(len(findings)), key=lambda i: findings[i].line)
    for i in order:
        f = findings[i]
        by_name.setdefault(f.rule, []).append(i)
        if f.category != f.rule:
            by_name.setdefault(f.category, []).append(i)
    suppressed: set[int] = set()
    for name, spans in ranges.items():
        members = order if name == ALL else by_name.get(name, [])
        if not members:
            continue
        spans.sort(key=lambda t: (t[0], t[2]))
        open_spans: list[tuple[int, int, Directive]] = []  # a heap by end line
        k, reach = 0, 0
        for i in members:
            line = findings[i].line
            while k < len(spans) and spans[k][0] <= line:
                a, b, n, d = spans[k]
                heapq.heappush(open_spans, (b, n, d))
                reach = max(reach, b)
                k += 1
            while open_spans and open_spans[0][0] < line:
                heapq.heappop(open_spans)  # ended before this line: no later finding is in it either
            if reach >= line:
                suppressed.add(i)
                for _, _, d in open_spans:
                    d.used = True
                open_spans.clear()  # used now; `reach` still remembers what they cover
    return [f for i, f in enumerate(findings) if i not in suppressed]


def unknown_ids(directive: Directive, known: set[str]) -> list[str]:
    """The names in a comment that are neither a rule id nor a category: a typo suppresses nothing."""
    return [r for r in directive.rules if r != ALL and r not in known]


def _closest(name: str, known: set[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(name.lower(), sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_message(names: list[str], known: set[str], suggest: bool = True) -> str:
    """Name each unknown id, with the closest known one (difflib) when there is one and `suggest`.

    The caller turns `suggest` off after a hundred comments, so a file made of misspelt comments
    costs no more than a hundred look-ups.
    """
    parts = []
    for name in names:
        close = _closest(name, known) if suggest else None
        parts.append(f"“{name}” (did you mean “{close}”?)" if close else f"“{name}”")
    one = len(names) == 1
    return (
        f"No rule or category is called {' or '.join(parts)}, so this jdlint suppression comment "
        f"suppresses nothing under {'that name' if one else 'those names'}; correct "
        f"{'it' if one else 'them'} (`jdlint rules` lists the ids) or remove {'it' if one else 'them'}."
    )


def corrected(comment: str, names: list[str], known: set[str]) -> str | None:
    """The comment with every unknown id replaced by its closest known one; None when one has none."""
    head, sep, ids = comment.partition("jdlint-")
    for name in names:
        close = _closest(name, known)
        if close is None:
            return None
        ids = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", close, ids, count=1)
    return head + sep + ids
