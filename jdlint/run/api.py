"""The one core every face calls: lint a text, lint paths → findings.

    lint_text(text, path="job.md")            -> FileResult
    lint_paths(["postings/"], config=...)      -> Report
    iter_lint_paths(["postings/"], ...)        -> FileResults, one by one as they are linted

The CLI, the language server, pre-commit and every reporter go through
these functions; nothing else runs the pipeline.

`lint_paths` answers unchanged files from the result cache when asked
(`cache=True`, the CLI's default) and spreads the others over worker
processes (`jobs`, see `jdlint.run.parallel`); results always come back in
discovery order, whatever finished first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from jdlint.config import Config
from jdlint.engine.spec import EngineSpec
from jdlint.model.results import FileResult, Report
from jdlint.run.batch import BATCH, lint_batch
from jdlint.run.cache import ResultCache, fingerprint
from jdlint.run.discover import targets as discover_targets
from jdlint.run.engines import build, get_engine
from jdlint.run.read import read_for_cache, text_of
from jdlint.run.textio import normalise_newlines

if TYPE_CHECKING:
    from jdlint.engine import Engine


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
    text = normalise_newlines(text)
    posting = parse_posting(text, path)
    findings, summary = engine.check(posting, None, as_of)
    return FileResult(path, findings, summary, text)


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
    writes the result cache (`jdlint.run.cache`). `engine` may be an `EngineSpec`: the
    engine is then built only if some file is not answered from the cache.
    Raises `discover.PathError` for a path that does not exist.
    """
    return Report(list(iter_lint_paths(paths, config, engine, as_of, stdin, jobs, cache)))


def iter_lint_paths(
    paths: Iterable[str],
    config: Config | None = None,
    engine: Engine | EngineSpec | None = None,
    as_of: dt.date | None = None,
    stdin: tuple[str, bytes] | None = None,
    jobs: int | None = None,
    cache: bool | ResultCache = False,
) -> Iterator[FileResult]:
    """`lint_paths` one `FileResult` at a time, in discovery order, each as soon as it and every
    file before it are linted (what the CLI writes its reports from).

    Only a few windows of files' results are held at once (`WINDOW`), so memory does not grow
    with the number of files; nothing is read before the first result is asked for, and a path
    that does not exist raises `discover.PathError` then.
    """
    return iter_results(paths, engine or EngineSpec(config or Config()), as_of, stdin, jobs, cache)


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
            self._engine = get_engine(self.spec.config) if not self.spec.restricts else build(self.spec)
        return self._engine


# Files whose results may be held at once: read, looked up in the cache, linted and put back in
# discovery order a window at a time, so memory does not grow with the number of files.
WINDOW = 256

Entry = tuple  # (position, FileResult) when known (cache hit, unreadable), else (position, path, bytes | None)


def iter_results(
    paths: Iterable[str],
    engine: Engine | EngineSpec,
    as_of: dt.date | None = None,
    stdin: tuple[str, bytes] | None = None,
    jobs: int | None = None,
    cache: bool | ResultCache = False,
    isolate: bool = False,
) -> Iterator[FileResult]:
    """FileResults in discovery order (stdin first), each as soon as every earlier one is done.

    Files are taken a window at a time (`WINDOW`), so only a few windows' results are ever held,
    whatever the number of files: this is what lets the CLI write its report as it goes.
    `isolate` (the CLI): when third-party plugins are installed, lint in a worker process even
    on one core, so a plugin that calls `os._exit` or crashes costs one file, not the run."""
    from jdlint.run import parallel

    paths = list(paths)
    ref = _EngineRef(engine)
    config = ref.spec.config if ref.spec is not None else ref.get().config
    files = [p for p in paths if p != "-"]
    targets = list(discover_targets(files, config)) if files else []
    work: list[tuple[str, bytes | None]] = [(t.path, None) for t in targets]
    skipped = {i: t.skipped for i, t in enumerate(targets) if t.skipped is not None}
    if stdin is not None:
        work.insert(0, stdin)
        skipped = {i + 1: why for i, why in skipped.items()}
    store = _result_cache(cache, ref.spec, as_of)
    # First the plan: which files will be linted (cheap: a hash and a look for the cache entry).
    misses: list[tuple[int, str, bytes | None]] = []
    any_key = False
    for i, (path, data) in enumerate(work):
        if i in skipped:
            continue
        if store is not None:
            raw = data if data is not None else read_for_cache(path, config.max_file_size)
            if raw is not None:
                any_key = True
                if store.has(store.key(path, raw)):
                    continue
        misses.append((i, path, data))  # bytes only for stdin: a file is read again when its window comes
    workers = parallel.plan_workers(jobs, misses) if ref.spec is not None else 1
    if isolate and misses and workers <= 1 and ref.spec is not None and parallel.third_party_plugins(ref.spec):
        workers = 1  # third-party plugin code runs in a worker: one that exits or crashes costs its file only
    else:
        isolate = False
    if (misses or not any_key) and workers <= 1 and not isolate:
        ref.get()  # configuration and --select/--ignore errors surface here (with workers: as the first fails)
    del misses
    keys: dict[int, str] = {}  # cache keys of the files being linted, until their result is stored

    def windows(size: int) -> Iterator[list[Entry]]:
        for lo in range(0, len(work), size):
            window: list[Entry] = []
            for i in range(lo, min(lo + size, len(work))):
                path, data = work[i]
                if i in skipped:  # a symlink out of the tree: reported, never read (not even for the cache key)
                    window.append((i, FileResult(path, [ref.get().file_error(path, "unreadable-file", skipped[i])])))
                    continue
                if store is not None:
                    data = data if data is not None else read_for_cache(path, config.max_file_size)
                    if data is not None:
                        key = store.key(path, data)
                        text = text_of(data)
                        hit = store.get(key, text)  # checked against the text: a crafted entry is a miss
                        if hit is not None:
                            window.append((i, FileResult(path, hit[0], hit[1], text)))
                            continue
                        keys[i] = key
                window.append((i, path, data))
            yield window

    computed: Iterable[tuple[int, FileResult]]
    if workers > 1 or isolate:
        computed = parallel.run(ref.spec, windows(WINDOW), as_of, workers, ref.get)  # type: ignore[arg-type]
    else:
        computed = _in_process(ref, windows(BATCH), as_of)
    done: dict[int, FileResult] = {}
    nxt = 0
    for i, result in computed:
        done[i] = result
        key = keys.pop(i, None)
        if store is not None and key is not None:
            store.put(key, result.findings, result.summary)
        while nxt in done:
            yield done.pop(nxt)
            nxt += 1


def _in_process(
    ref: _EngineRef, windows: Iterable[list[Entry]], as_of: dt.date | None
) -> Iterator[tuple[int, FileResult]]:
    """Each window's known results and its linted files, in order (one `nlp.pipe` batch per window)."""
    for window in windows:
        todo = [e for e in window if len(e) == 3]
        linted = dict(lint_batch(ref.get(), todo, as_of)) if todo else {}
        for e in window:
            yield (e[0], e[1]) if len(e) == 2 else (e[0], linted[e[0]])


def _result_cache(cache: bool | ResultCache, spec: EngineSpec | None, as_of: dt.date | None) -> ResultCache | None:
    if isinstance(cache, ResultCache):
        return cache
    if not cache or spec is None:
        return None  # an engine changed in place cannot be fingerprinted: never cached
    return ResultCache(fingerprint(spec, as_of))
