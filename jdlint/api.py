"""The one core every face calls: lint a text, lint paths → findings.

    lint_text(text, path="job.md")            -> FileResult
    lint_paths(["postings/"], config=...)      -> Report

The CLI, the language server, pre-commit and every reporter go through
these two functions; nothing else runs the pipeline.

`lint_paths` answers unchanged files from the result cache when asked
(`cache=True`, the CLI's default) and spreads the others over worker
processes (`jobs`, see `jdlint.parallel`); results always come back in
discovery order, whatever finished first.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jdlint.cache import ResultCache, fingerprint
from jdlint.config import Config
from jdlint.discover import discover
from jdlint.posting import Posting
from jdlint.results import FileResult, Report
from jdlint.spec import EngineSpec
from jdlint.textio import DecodeError, decode, normalise_newlines

if TYPE_CHECKING:
    from jdlint.engine import Engine

_engines: dict[int, Engine] = {}
BATCH = 64


def get_engine(config: Config | None = None) -> Engine:
    """A cached engine for `config` (plugins and packs load once per process)."""
    from jdlint.engine import Engine

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
    from jdlint.parse import parse_posting

    engine = engine or get_engine(config)
    if text.startswith("\ufeff"):
        text = text[1:]
    text, _, _ = normalise_newlines(text)
    posting = parse_posting(text, path)
    findings, summary = engine.check(posting, None, as_of)
    return FileResult(path, findings, summary, text)


@dataclass
class _Loaded:
    path: str
    posting: Posting | None
    error: tuple[str, str] | None  # (rule id, message)


def read_posting(path: str, engine: Engine, data: bytes | None = None) -> _Loaded:
    """Read, decode and parse one file; problems become a finding, never an exception."""
    from jdlint.parse import parse_posting  # markdown-it loads only when a file is parsed

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
            data = _read_capped(path, st.st_size, engine.config.max_file_size)
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
    engine: Engine | EngineSpec | None = None,
    as_of: dt.date | None = None,
    stdin: tuple[str, bytes] | None = None,
    jobs: int | None = None,
    cache: bool | ResultCache = False,
) -> Report:
    """Lint files and directories; bad files become findings, the rest go on.

    `stdin` is (display name, bytes) for `jdlint check -`. `jobs` is the number
    of processes (None: every available core, used only when the input is big
    enough to repay starting them; 1: this process only). `cache=True` reads and
    writes the result cache (`jdlint.cache`). `engine` may be an `EngineSpec`: the
    engine is then built only if some file is not answered from the cache.
    Raises `discover.PathError` for a path that does not exist.
    """
    report = Report()
    for result in iter_results(paths, engine or EngineSpec(config or Config()), as_of, stdin, jobs, cache):
        report.files.append(result)
    return report


class _EngineRef:
    """The run's engine, built on first need: a run answered wholly from the cache builds none."""

    def __init__(self, engine: Engine | EngineSpec) -> None:
        if isinstance(engine, EngineSpec):
            self._engine: Engine | None = None
            self.spec: EngineSpec | None = engine
        else:
            self._engine = engine
            self.spec = engine.spec if engine.reproducible else None

    def get(self) -> Engine:
        if self._engine is None:
            assert self.spec is not None
            self._engine = get_engine(self.spec.config) if not self.spec.restricts else self.spec.build()
        return self._engine


def iter_results(
    paths: Iterable[str],
    engine: Engine | EngineSpec,
    as_of: dt.date | None = None,
    stdin: tuple[str, bytes] | None = None,
    jobs: int | None = None,
    cache: bool | ResultCache = False,
) -> Iterator[FileResult]:
    """FileResults in discovery order (stdin first)."""
    from jdlint import parallel

    paths = list(paths)
    ref = _EngineRef(engine)
    config = ref.spec.config if ref.spec is not None else ref.get().config
    files = [p for p in paths if p != "-"]
    targets = list(discover(files, config.exclude)) if files else []
    work: list[tuple[str, bytes | None]] = [(t, None) for t in targets]
    if stdin is not None:
        work.insert(0, stdin)
    store = _result_cache(cache, ref.spec, as_of)
    done: dict[int, FileResult] = {}
    keys: dict[int, str] = {}
    misses: list[tuple[int, str, bytes | None]] = []
    for i, (path, data) in enumerate(work):
        if store is not None:
            data = data if data is not None else _read_for_cache(path, config.max_file_size)
            if data is not None:
                keys[i] = store.key(path, data)
                hit = store.get(keys[i])
                if hit is not None:
                    done[i] = FileResult(path, hit[0], hit[1], _text_of(data))
                    continue
        misses.append((i, path, data))
    workers = parallel.plan_workers(jobs, misses) if ref.spec is not None else 1
    if (misses or not keys) and workers <= 1:
        ref.get()  # configuration and --select/--ignore errors surface here (with workers: as the first fails)
    computed: Iterable[tuple[int, FileResult]] = ()
    if workers > 1:
        computed = parallel.run(ref.spec, misses, as_of, workers, ref.get)  # type: ignore[arg-type]
    elif misses:
        computed = _lint_in_process(ref.get(), misses, as_of)
    nxt = 0
    for i, result in computed:
        done[i] = result
        if store is not None and i in keys:
            store.put(keys[i], result.findings, result.summary)
        while nxt in done:
            yield done.pop(nxt)
            nxt += 1
    while nxt in done:
        yield done.pop(nxt)
        nxt += 1


def _result_cache(cache: bool | ResultCache, spec: EngineSpec | None, as_of: dt.date | None) -> ResultCache | None:
    if isinstance(cache, ResultCache):
        return cache
    if not cache or spec is None:
        return None  # an engine changed in place cannot be fingerprinted: never cached
    return ResultCache(fingerprint(spec, as_of))


def _read_for_cache(path: str, max_size: int) -> bytes | None:
    """A regular file's bytes for its cache key; None leaves every odd case to `read_posting`."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_size:
            return None
        data = _read_capped(path, st.st_size, max_size)
    except OSError:
        return None
    return data if len(data) <= max_size else None


def _read_capped(path: str, size: int, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a file `size` bytes long when stat'ed (it may have grown since).

    Asking for `limit` + 1 bytes at once makes Python allocate that much (10 MB) for
    every file, however small; this asks for the size it was, then for any more.
    """
    with open(path, "rb") as fh:
        data = fh.read(min(size, limit) + 1)
        if len(data) > size and len(data) <= limit:
            data += fh.read(limit + 1 - len(data))
    return data


def _text_of(data: bytes) -> str | None:
    try:
        return decode(data).text
    except DecodeError:
        return None


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


def _lint_in_process(
    engine: Engine, work: list[tuple[int, str, bytes | None]], as_of: dt.date | None
) -> Iterator[tuple[int, FileResult]]:
    for k in range(0, len(work), BATCH):
        yield from lint_batch(engine, work[k : k + BATCH], as_of)
