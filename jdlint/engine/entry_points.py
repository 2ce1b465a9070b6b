"""The `jdlint` entry points installed, scanned once per process.

Scanning every distribution's metadata costs a few milliseconds, and a run
asked three times (does a plugin need a worker? which plugins to register?
what goes into the result-cache key?). The answer is kept while the import
path and the modification times of its folders are unchanged, so a
long-lived process (the language server) still sees a plugin installed
after it started.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import EntryPoint

GROUP = "jdlint"
_found: tuple[tuple, tuple[EntryPoint, ...]] | None = None


def _path_state() -> tuple:
    state = []
    for folder in sys.path:
        try:
            state.append((folder, os.stat(folder or ".").st_mtime_ns))
        except OSError:
            state.append((folder, None))
    return tuple(state)


def installed() -> tuple[EntryPoint, ...]:
    """The entry points of the `jdlint` group, in the order importlib.metadata lists them."""
    global _found
    state = _path_state()
    if _found is None or _found[0] != state:
        from importlib.metadata import entry_points

        _found = (state, tuple(entry_points(group=GROUP)))
    return _found[1]
