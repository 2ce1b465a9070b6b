"""Where a tree of postings begins: the repository root (the folder holding `.git`) and the user's home.

Configuration discovery stops there (a `.jdlint.yaml` above a repository is
someone else's), a symlink leading out of the repository is not followed, and
SARIF locations are written relative to it. Found by walking up the folders
for a `.git` entry (a folder, or a file in a worktree or submodule): no `git`
process is run, so it works where git is not installed.
"""

from __future__ import annotations

import os
from pathlib import Path


def repository_root(start: str | os.PathLike[str]) -> Path | None:
    """The nearest folder at or above `start` (a file or a folder) that holds `.git`; None outside a repository."""
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return None


def home() -> Path | None:
    """The user's home folder, or None when it cannot be told (no HOME, no password entry)."""
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        return None


def search_folders(start: Path) -> list[Path]:
    """`start` and the folders above it where configuration is looked for: up to the repository root or home.

    Whichever comes first ends the search, that folder included; with neither
    above `start`, every folder up to the filesystem's root.
    """
    stop = home()
    out = []
    for folder in (start, *start.parents):
        out.append(folder)
        if os.path.lexists(folder / ".git") or folder == stop:
            break
    return out
