"""Which files a `jdlint check PATH…` run lints.

Directories are walked for `*.md`, `*.markdown` and `*.txt`, skipping hidden
folders, virtual environments, `node_modules` and paths excluded by the
configuration. A file named explicitly is always linted, whatever its suffix.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from jdlint.config.globs import matches_any

SUFFIXES = (".md", ".markdown", ".txt")
SKIP_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages", "_site", "build", "dist"})


class PathError(OSError):
    """A path given on the command line does not exist."""


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str]:
    """Yield file paths as the user would write them, in a stable order."""
    exclude = tuple(exclude)
    seen: set[str] = set()
    for raw in paths:
        if not os.path.lexists(raw):
            raise PathError(f"{raw}: no such file or directory")
        if os.path.isdir(raw):
            yield from _walk(raw, exclude, seen)
        elif raw not in seen:
            seen.add(raw)
            yield raw


def _walk(root: str, exclude: tuple[str, ...], seen: set[str]) -> Iterator[str]:
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
            key = (st.st_dev, st.st_ino)
        except OSError:
            dirnames[:] = []
            continue
        if key in visited:  # a symlink loop
            dirnames[:] = []
            continue
        visited.add(key)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and d not in SKIP_DIRS and not matches_any(os.path.join(dirpath, d), exclude)
        )
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            full = os.path.normpath(os.path.join(dirpath, name))
            if full in seen or matches_any(full, exclude):
                continue
            seen.add(full)
            yield full
