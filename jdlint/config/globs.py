"""Path globs of the configuration (`exclude`, `per-path-ignores`, `per-path-kind`): one matcher for every face.

A glob is matched against the path *relative to the folder of the
configuration file* (`Config.root`), however the path was typed: `./x.md`,
an absolute path, a path from a subfolder, an absolute `--stdin-filename`,
an editor's `file://` URI. Matching the path as typed would make a glob
silently miss depending on where jdlint was started.

    exclude: ["drafts/**"]    drafts/x.md, ./drafts/x.md, /repo/drafts/x.md, ../drafts/x.md from /repo/sub

The rules (the README's "How paths are matched" says the same):

* a glob with a `/` matches the path from the configuration's folder
  (`archive/**`, `postings/old.md`); `*` and `**` both match across `/`,
  and `**/` also stands for no folder (`**/old/*.md` matches `old/x.md`,
  `a/**/b.md` matches `a/b.md`);
* a glob without a `/` matches a file or folder name at any depth (`*.txt`,
  `drafts`);
* a file below a matched folder matches too (`drafts` and `drafts/` cover
  `drafts/a/b.md`);
* a path outside the configuration's folder matches name globs only; text
  that is not a file (`-`, `<text>`) is matched as given.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable


def relative(path: str, root: str = ".") -> str | None:
    """`path` relative to the folder `root`, with `/` between parts; None when it lies outside `root`.

    Both are made absolute against the working directory first. When the plain
    relative path climbs out of `root`, the real paths are compared as well, so
    a symlinked working directory or an editor's symlinked path to the same
    folder still counts as inside.
    """
    here = os.path.abspath(path)
    base = os.path.abspath(root)
    rel = _below(here, base)
    if rel is None:
        rel = _below(os.path.realpath(here), os.path.realpath(base))
    return rel


def _below(path: str, base: str) -> str | None:
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive (Windows)
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def matches_any(path: str, globs: Iterable[str], root: str | None = ".") -> bool:
    """True when `path`, taken relative to the folder `root`, matches one of `globs` (see the module's rules).

    `root=None` matches the path as given (already relative to the configuration's folder).
    """
    globs = [g for g in globs if g]
    if not globs:
        return False
    if root is None or path == "-" or path.startswith("<"):
        rel: str | None = path.replace(os.sep, "/")
        while rel.startswith("./"):
            rel = rel[2:]
    else:
        rel = relative(path, root)
    if rel is None:  # outside the configuration's folder: its name only
        name = os.path.basename(path.rstrip("/" + os.sep))
        return any("/" not in g.strip("/") and fnmatch.fnmatch(name, g.strip("/")) for g in globs)
    if rel in ("", "."):  # the configuration's own folder is never excluded
        return False
    return any(_matches(rel, g) for g in globs)


def _matches(rel: str, glob: str) -> bool:
    """`rel` or one of the folders above it matches `glob`."""
    g = glob.strip("/")
    by_name = "/" not in g
    forms = {g, g.replace("/**/", "/")}  # `**/` may stand for no folder at all
    forms |= {f[3:] for f in forms if f.startswith("**/")}
    parts = rel.split("/")
    for end in range(len(parts), 0, -1):
        here = "/".join(parts[:end])
        if any(fnmatch.fnmatch(here, f) for f in forms):
            return True
        if by_name and fnmatch.fnmatch(parts[end - 1], g):
            return True
    return False
