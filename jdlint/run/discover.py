"""Which files a `jdlint check PATH…` run lints.

Directories are walked for `*.md`, `*.markdown` and `*.txt`, skipping hidden
folders, virtual environments, `node_modules` and paths excluded by the
configuration (globs relative to its folder, `jdlint.config.globs`). A file
named explicitly is linted whatever its suffix, and even when `exclude`
covers it, unless `force-exclude` is on (pre-commit names every file it checks).

Each named path belongs to a *tree*: the repository that holds it (the folder
with `.git`), else the named folder itself (for a named file, its folder). A
symlink whose target lies outside its tree is reported, never read or
followed: a repository's content must not make jdlint read, print or `--fix`
files elsewhere on the machine. Symlinks within the tree are followed, and a
folder reached twice (a symlink loop) is walked once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from jdlint.config import Config
from jdlint.config.roots import repository_root

SUFFIXES = (".md", ".markdown", ".txt")
SKIP_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages", "_site", "build", "dist"})


class PathError(OSError):
    """A path given on the command line does not exist."""


@dataclass(frozen=True)
class Target:
    """A path to lint, as the user would write it; `skipped` says why it must not be read (else None)."""

    path: str
    skipped: str | None = None


def discover(paths: Iterable[str], config: Config | None = None) -> Iterator[str]:
    """The paths `targets` yields, skipped ones included (they are reported, so they count)."""
    for target in targets(paths, config):
        yield target.path


def targets(paths: Iterable[str], config: Config | None = None) -> Iterator[Target]:
    """Yield what to lint, in a stable order; raises `PathError` for a path that does not exist."""
    config = config or Config()
    seen: set[str] = set()
    trees: dict[str, _Tree] = {}  # by folder: pre-commit names hundreds of files in a few folders
    for raw in paths:
        if not os.path.lexists(raw):
            raise PathError(f"{raw}: no such file or directory")
        if config.force_exclude and config.excludes(raw):
            continue
        where = os.path.abspath(raw if os.path.isdir(raw) else os.path.dirname(raw) or ".")
        tree = trees.get(where) or trees.setdefault(where, _Tree.of(where))
        if os.path.isdir(raw):
            away = tree.escape(raw, "folder")
            if away is not None:
                yield Target(raw, away)
            else:
                yield from _walk(raw, config, tree, seen)
        elif raw not in seen:
            seen.add(raw)
            yield Target(raw, tree.escape(raw, "file"))


class _Tree:
    """Where a named path's symlinks may lead: the real path of its repository, or of the named folder."""

    def __init__(self, root: str, what: str) -> None:
        self.root = os.path.realpath(root)
        self.what = what

    @classmethod
    def of(cls, folder: str) -> _Tree:
        """The tree of a path named on the command line: `folder` is the path, or a named file's folder."""
        repo = repository_root(folder)
        if repo is not None:
            return cls(str(repo), "the repository")
        return cls(folder, "the folder linted")

    def escape(self, path: str, kind: str) -> str | None:
        """Why `path` is not read when its real path lies outside the tree; None when it is inside."""
        real = os.path.realpath(path)
        try:
            rel = os.path.relpath(real, self.root)
        except ValueError:  # another drive (Windows)
            rel = os.pardir
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            return None
        return (
            f"is a symbolic link to a {kind} outside {self.what} ({real}); not "
            f"{'read' if kind == 'file' else 'followed'}. Lint the {kind} where it lives, or exclude the link"
        )


def _walk(root: str, config: Config, tree: _Tree, seen: set[str]) -> Iterator[Target]:
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
        kept = []
        for d in sorted(dirnames):
            full = os.path.join(dirpath, d)
            if d.startswith(".") or d in SKIP_DIRS or config.excludes(full):
                continue
            away = tree.escape(full, "folder") if os.path.islink(full) else None
            if away is None:
                kept.append(d)
            else:
                full = os.path.normpath(full)
                if full not in seen:
                    seen.add(full)
                    yield Target(full, away)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            full = os.path.normpath(os.path.join(dirpath, name))
            if full in seen or config.excludes(full):
                continue
            seen.add(full)
            yield Target(full, tree.escape(full, "file") if os.path.islink(full) else None)
