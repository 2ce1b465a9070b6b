"""Garbage-collector settings for the processes jdlint owns (the CLI and its workers).

Parsing and matching allocate many short-lived containers, so Python's
default young-generation threshold (700 allocations) runs a collection every
few lines of a posting, and each full collection walks spaCy's vocabulary and
every loaded module. Collecting less often took ~6 % off a run over the corpus
for a few MiB more at peak. Only jdlint's own processes are tuned: a program
that imports jdlint as a library keeps its own settings.
"""

from __future__ import annotations

import gc

YOUNG = 50_000  # allocations between young collections (Python's default: 700)


def tune() -> None:
    """Collect the young generation every `YOUNG` allocations instead of every 700."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG, middle, old)


def freeze() -> None:
    """Exempt every object alive now (spaCy, the engine, the rules) from later collections."""
    gc.freeze()
