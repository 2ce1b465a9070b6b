"""YAML front matter: `---` on the first line, closed by `---` or `...`.

Parsed with `yaml.safe_load` only, so no tag can construct an object, and
with a size cap so a hostile block cannot make the parse itself expensive.
An alias-heavy document ("billion laughs") is rejected before anything
walks it.
"""

from __future__ import annotations

import re
from typing import Any

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
MAX_FRONT_MATTER = 256 * 1024
MAX_ALIASES = 200


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
    if value is None:
        return FrontMatter({}, end, None)
    if not isinstance(value, dict):
        kind = type(value).__name__
        return FrontMatter({}, end, (f"front matter must be a mapping of keys, not a {kind}", 2))
    return FrontMatter(value, end, None)


def _alias_count(body: str) -> int:
    import yaml

    try:
        return sum(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(body, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return 0
