"""YAML front matter: `---` on the first line, closed by `---` or `...`.

Parsed with `yaml.safe_load` only, so no tag can construct an object, and
with a size cap so a hostile block cannot make the parse itself expensive.
An alias-heavy document ("billion laughs") is rejected before anything
walks it: by its number of aliases, and, since nine aliases of nine are
already a billion values, by the size it would have once expanded (counted
over the shared nodes, so the count itself is cheap). A value that
contains itself (`&a [*a]`) is rejected too: rules may walk the mapping.
"""

from __future__ import annotations

import re
from typing import Any

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
MAX_FRONT_MATTER = 256 * 1024
MAX_ALIASES = 200
MAX_VALUES = 10_000  # values in the front matter once aliases are expanded
MAX_FLOW_DEPTH = 64  # nested [ ] / { }: PyYAML's scanner is quadratic in this depth
_BRACKETS = re.compile(r"[^\[\]{}]+")


class FrontMatter:
    __slots__ = ("data", "end", "error")

    def __init__(self, data: dict[str, Any], end: int, error: tuple[str, int] | None) -> None:
        self.data = data
        self.end = end  # offset just after the closing line (0 when there is none)
        self.error = error  # (message, 1-based line) when it is not a valid mapping


def split_front_matter(text: str) -> FrontMatter:
    """Find and parse front matter at the top of `text` (LF line endings)."""
    if not _OPEN.match(text):
        return FrontMatter({}, 0, None)
    close = _CLOSE.search(text, 4)
    if close is None:
        return FrontMatter({}, 0, None)  # a lone `---` is a horizontal rule, not front matter
    end = close.end()
    if end < len(text) and text[end] == "\n":
        end += 1
    body = text[4 : close.start()]
    if len(body) > MAX_FRONT_MATTER:
        return FrontMatter({}, end, (f"front matter is larger than {MAX_FRONT_MATTER} bytes", 1))
    if _flow_depth(body) > MAX_FLOW_DEPTH:
        return FrontMatter({}, end, (f"front matter nests [ ] or {{ }} more than {MAX_FLOW_DEPTH} deep", 1))
    if body.count("*") > MAX_ALIASES and _alias_count(body) > MAX_ALIASES:
        return FrontMatter({}, end, (f"front matter uses more than {MAX_ALIASES} YAML aliases", 1))
    import yaml  # here, not at the top: most postings have no front matter

    try:
        value = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter({}, end, (f"front matter is not valid YAML: {problem}", line))
    except (RecursionError, ValueError, TypeError) as exc:
        return FrontMatter({}, end, (f"front matter could not be parsed: {exc}", 1))
    try:
        size = _expanded_size(value)
    except (_Cycle, RecursionError):
        return FrontMatter({}, end, ("front matter contains a value that refers to itself (a YAML alias loop)", 1))
    if size > MAX_VALUES:
        return FrontMatter({}, end, (f"front matter expands to more than {MAX_VALUES} values (YAML aliases)", 1))
    if value is None:
        return FrontMatter({}, end, None)
    if not isinstance(value, dict):
        kind = type(value).__name__
        return FrontMatter({}, end, (f"front matter must be a mapping of keys, not a {kind}", 2))
    return FrontMatter(value, end, None)


def _flow_depth(body: str) -> int:
    """The deepest nesting of flow brackets (quotes ignored: an over-estimate is harmless)."""
    depth = deepest = 0
    for ch in _BRACKETS.sub("", body):
        depth = depth + 1 if ch in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


class _Cycle(Exception):
    pass


def _expanded_size(value: Any) -> int:
    """How many values `value` holds with aliases expanded, capped just above MAX_VALUES."""
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(v: Any) -> int:
        if not isinstance(v, (list, dict)):
            return 1
        key = id(v)
        if key in memo:
            return memo[key]
        if key in active:
            raise _Cycle
        active.add(key)
        total = 1
        for child in (x for kv in v.items() for x in kv) if isinstance(v, dict) else v:
            total = min(total + size(child), MAX_VALUES + 1)
        active.discard(key)
        memo[key] = total
        return total

    return size(value)


def _alias_count(body: str) -> int:
    import yaml

    try:
        return sum(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(body, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return 0
