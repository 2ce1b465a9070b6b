"""Linting a batch of files with one engine: what the caller runs in-process and each worker runs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from jdlint.model.results import FileResult
from jdlint.run.read import read_posting

if TYPE_CHECKING:
    from jdlint.engine import Engine

BATCH = 64


def lint_batch(
    engine: Engine, work: list[tuple[int, str, bytes | None]], as_of: dt.date | None
) -> list[tuple[int, FileResult]]:
    """Read, parse and lint some files in one `nlp.pipe` batch (also what a worker process runs)."""
    chunk = [(i, read_posting(p, engine, data)) for i, p, data in work]
    good = [c.posting for _, c in chunk if c.posting is not None]
    docs = iter(engine.make_docs(good)) if good and engine.wants_docs else None
    out: list[tuple[int, FileResult]] = []
    for i, c in chunk:
        if c.posting is None:
            rule, message = c.error  # type: ignore[misc]
            out.append((i, FileResult(c.path, [engine.file_error(c.path, rule, message)], {}, None)))
            continue
        findings, summary = engine.check(c.posting, next(docs) if docs is not None else None, as_of)
        out.append((i, FileResult(c.path, findings, summary, c.posting.text)))
    return out
