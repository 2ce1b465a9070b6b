"""The one core every face calls: lint a text, lint paths → findings.

    lint_text(text, path="job.md")            -> FileResult
    lint_paths(["postings/"], config=...)      -> Report

The CLI, the language server, pre-commit and every reporter go through
these two functions; nothing else runs the pipeline.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from jdlint.config import Config
from jdlint.discover import discover
from jdlint.engine import Engine
from jdlint.parse import parse_posting
from jdlint.posting import Posting
from jdlint.results import FileResult, Report
from jdlint.textio import DecodeError, decode, normalise_newlines

_engines: dict[int, Engine] = {}
BATCH = 64


def get_engine(config: Config | None = None) -> Engine:
    """A cached engine for `config` (plugins and packs load once per process)."""
    key = id(config)
    engine = _engines.get(key)
    if engine is None or engine.config is not (config or engine.config):
        engine = Engine(config)
        _engines.clear()
        _engines[key] = engine
    return engine


def lint_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    engine: Engine | None = None,
    as_of: dt.date | None = None,
) -> FileResult:
    """Lint one posting given as a string (any line endings; a leading BOM is dropped)."""
    engine = engine or get_engine(config)
    if text.startswith("\ufeff"):
        text = text[1:]
    text, _, _ = normalise_newlines(text)
    posting = parse_posting(text, path)
    doc = next(iter(engine.make_docs([posting])))
    findings, summary = engine.check(posting, doc, as_of)
    return FileResult(path, findings, summary, text)


@dataclass
class _Loaded:
    path: str
    posting: Posting | None
    error: tuple[str, str] | None  # (rule id, message)


def read_posting(path: str, engine: Engine, data: bytes | None = None) -> _Loaded:
    """Read, decode and parse one file; problems become a finding, never an exception."""
    try:
        if data is None:
            st = os.stat(path)
            if stat.S_ISDIR(st.st_mode):
                return _Loaded(path, None, ("unreadable-file", "is a directory, not a posting"))
            if not stat.S_ISREG(st.st_mode):
                return _Loaded(path, None, ("unreadable-file", "is not a regular file (a FIFO, socket or device)"))
            if st.st_size > engine.config.max_file_size:
                return _Loaded(
                    path,
                    None,
                    (
                        "file-too-large",
                        f"file is {st.st_size} bytes, over the {engine.config.max_file_size}-byte "
                        "limit (`max-file-size`); it was not linted",
                    ),
                )
            with open(path, "rb") as fh:
                data = fh.read(engine.config.max_file_size + 1)
        if len(data) > engine.config.max_file_size:
            return _Loaded(
                path,
                None,
                ("file-too-large", f"file is over the {engine.config.max_file_size}-byte limit (`max-file-size`)"),
            )
        decoded = decode(data)
    except DecodeError as exc:
        return _Loaded(path, None, ("unreadable-file", str(exc)))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _Loaded(path, None, ("unreadable-file", f"cannot read the file: {reason}"))
    try:
        return _Loaded(path, parse_posting(decoded.text, path), None)
    except RecursionError:
        return _Loaded(path, None, ("unreadable-file", "the file's structure is nested too deeply to parse"))


def lint_paths(
    paths: Iterable[str],
    config: Config | None = None,
    engine: Engine | None = None,
    as_of: dt.date | None = None,
    stdin: tuple[str, bytes] | None = None,
) -> Report:
    """Lint files and directories; bad files become findings, the rest go on.

    `stdin` is (display name, bytes) for `jdlint check -`. Raises
    `discover.PathError` for a path that does not exist.
    """
    engine = engine or get_engine(config)
    report = Report()
    for result in iter_results(paths, engine, as_of, stdin):
        report.files.append(result)
    return report


def iter_results(
    paths: Iterable[str], engine: Engine, as_of: dt.date | None = None, stdin: tuple[str, bytes] | None = None
) -> Iterator[FileResult]:
    files = [p for p in paths if p != "-"]
    has_stdin = stdin is not None or any(p == "-" for p in paths)
    targets = list(discover(files, engine.config.exclude)) if files else []
    loaded_iter: list[tuple[str, bytes | None]] = [(t, None) for t in targets]
    if has_stdin and stdin is not None:
        loaded_iter.insert(0, stdin)
    for i in range(0, len(loaded_iter), BATCH):
        chunk = [read_posting(p, engine, data) for p, data in loaded_iter[i : i + BATCH]]
        good = [c for c in chunk if c.posting is not None]
        docs = iter(engine.make_docs([c.posting for c in good])) if good else iter(())
        for c in chunk:
            if c.posting is None:
                rule, message = c.error  # type: ignore[misc]
                yield FileResult(c.path, [engine.file_error(c.path, rule, message)], {}, None)
                continue
            findings, summary = engine.check(c.posting, next(docs), as_of)
            yield FileResult(c.path, findings, summary, c.posting.text)
