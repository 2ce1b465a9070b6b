"""A regex compiled on first use: `lazy_compile(source, flags)` in place of `re.compile`.

`re` compiles in Python, and a rule's table of patterns (a law's trigger
phrasings, a page kind's wordings) costs milliseconds to compile, while one
posting usually needs a few of them: most are behind a gate that the text
never opens. A one-file run compiled 238 regexes it never used (72 now,
most of them in `facts/pay.py`). A `LazyRegex` answers
`search`, `finditer`, `match`, `sub`… as the compiled regex does, and
compiles only when one of them is first asked for.
"""

from __future__ import annotations

import re
from typing import Any


class LazyRegex:
    """`re.compile(pattern, flags)`, done on first use; `.pattern` and `.flags` are there at once."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled regex (compiled now if it has not been)."""
        found = getattr(self, "_compiled", None)
        if found is None:
            found = self._compiled = re.compile(self.pattern, self.flags)
        return found

    def __getattr__(self, name: str) -> Any:  # only for names not set on the instance
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)  # a bound method: the next call finds it without coming here
        return value

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern[:60]!r}, {self.flags})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A regex that compiles itself on first use (typed as the `re.Pattern` it stands for)."""
    return LazyRegex(pattern, flags)  # type: ignore[return-value]
