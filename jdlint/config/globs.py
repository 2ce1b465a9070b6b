"""Path globs of the configuration (`exclude`, `per-path-ignores`): one matcher for discovery and the engine."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable


def matches_any(path: str, globs: Iterable[str]) -> bool:
    """True when `path` matches a glob whole, lies below a matched folder, or its file name matches."""
    p = path.replace(os.sep, "/")
    for g in globs:
        if fnmatch.fnmatch(p, g) or fnmatch.fnmatch(p, g.rstrip("/") + "/*") or fnmatch.fnmatch(os.path.basename(p), g):
            return True
    return False
