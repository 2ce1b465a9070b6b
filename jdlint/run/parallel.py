"""Linting on several cores: worker processes, each with its own engine, fed by size.

Why processes: parsing and spaCy's tokenizer hold the GIL, so threads would not help.
Each worker is started with the "spawn" method (a fresh interpreter, safe whatever
threads the caller runs, the same on every OS), rebuilds the run's engine once from
its picklable `EngineSpec`, and then lints whole batches of files with one
`nlp.pipe` each.

Work is split by size: files are sorted largest first, a large file is a task on
its own and small files are grouped into tasks of about `TASK_BYTES`, and idle
workers take the next task. So one large file starts at once instead of being
the tail of the run. Results carry their position, and the caller puts them back
in discovery order: output is identical whatever the number of jobs.

Starting a worker costs about as much as importing spaCy, so with the default
(`jobs=None`) workers are used only when the files to lint add up to at least
`AUTO_MIN_BYTES`; an explicit `jobs` > 1 always uses them for two files or more.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from jdlint.config import ConfigError
from jdlint.run import gc_tuning
from jdlint.run.batch import lint_batch
from jdlint.run.engines import build

if TYPE_CHECKING:
    from jdlint.engine import Engine, EngineSpec
    from jdlint.model.results import FileResult

AUTO_MIN_BYTES = 1_000_000  # below this, one process finishes before workers have imported spaCy
TASK_BYTES = 256 * 1024
MAX_TASK_FILES = 64

Work = list[tuple[int, str, "bytes | None"]]


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _size(path: str, data: bytes | None) -> int:
    if data is not None:
        return len(data)
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def plan_workers(jobs: int | None, work: Work) -> int:
    """How many processes to use for `work` (1: lint in this process)."""
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if len(work) < 2 or jobs == 1:
        return 1
    if jobs is None:
        if sum(_size(p, d) for _, p, d in work) < AUTO_MIN_BYTES:
            return 1
        jobs = available_cores()
    # more processes than cores only adds spaCy copies (~120 MB each) and switching
    return max(1, min(jobs, len(work), available_cores()))


def split(work: Work, workers: int) -> list[Work]:
    """Tasks, largest first: big files alone, small ones grouped to about `TASK_BYTES`."""
    sized = sorted(((_size(p, d), (i, p, d)) for i, p, d in work), key=lambda x: (-x[0], x[1][0]))
    total = sum(s for s, _ in sized)
    target = max(16 * 1024, min(TASK_BYTES, total // (workers * 4) or 1))
    tasks: list[Work] = []
    current: Work = []
    current_bytes = 0
    for size, item in sized:
        if size >= target:
            tasks.append([item])
            continue
        current.append(item)
        current_bytes += size
        if current_bytes >= target or len(current) >= MAX_TASK_FILES:
            tasks.append(current)
            current, current_bytes = [], 0
    if current:
        tasks.append(current)
    return tasks


MAX_CRASHES = 5  # files that killed a worker; past this the rest of the suspects are reported, not re-run


def third_party_plugins(spec: EngineSpec) -> bool:
    """True when plugins from outside jdlint are installed (and loaded): their code runs in a worker.

    A plugin that calls `os._exit` or crashes the interpreter would take the whole run with it
    (exit 0 and no output is what CI would see); in a worker it costs that file only."""
    if not spec.load_entry_points:
        return False
    from importlib.metadata import entry_points

    return any(True for _ in entry_points(group="jdlint"))


def run(
    spec: EngineSpec, work: Work, as_of: dt.date | None, workers: int, local: Callable[[], Engine]
) -> Iterator[tuple[int, FileResult]]:
    """Lint `work` on `workers` processes; yields (position, result) as tasks finish.

    A task whose worker died (a plugin called `os._exit`, a segfault, out of
    memory) is never linted again in this process, where the crash would
    repeat: its files are run one at a time in a fresh single worker that
    records which plugin it is running (`_isolate`), and the file that kills it
    gets an `internal-error` finding naming that plugin. `local` returns this
    process's engine, built only if a worker could not start at all (a
    configuration error is raised here as it would be without workers).
    """
    from concurrent.futures import as_completed

    tasks = split(work, workers)
    pool = _pool(workers, spec, as_of, None)
    suspects: Work = []
    clean = False
    try:
        pending = {pool.submit(_lint_task, task): task for task in tasks}
        for fut in as_completed(pending):
            try:
                results = fut.result()
            except _StartFailed:
                results = lint_batch(local(), pending[fut], as_of)
            except ConfigError:
                raise  # a plugin or the configuration failed at set-up: exit 2 naming it, not a crash per file
            except Exception:
                suspects.extend(pending[fut])
                continue
            yield from results
        clean = True
    finally:
        _stop(pool, clean)
    if suspects:
        yield from _isolate(spec, sorted(suspects), as_of, local)


def _isolate(
    spec: EngineSpec, work: Work, as_of: dt.date | None, local: Callable[[], Engine]
) -> Iterator[tuple[int, FileResult]]:
    """Lint suspect files one by one in a fresh worker; the one that kills it is reported, not retried."""
    import tempfile

    crashes = 0
    queue = list(work)
    with tempfile.TemporaryDirectory(prefix="jdlint-watch-") as folder:
        trace = os.path.join(folder, "plugin")
        while queue:
            if crashes >= MAX_CRASHES:
                engine = _reporter(local)
                for i, path, _ in queue:
                    yield i, _crashed(engine, path, None, f"not linted: {crashes} files had already killed a worker")
                return
            with open(trace, "wb"):
                pass
            pool = _pool(1, spec, as_of, trace)
            clean = False
            try:
                futures = [(item, pool.submit(_lint_task, [item])) for item in queue]
                queue = []
                for n, (item, fut) in enumerate(futures):
                    try:
                        results = fut.result()
                    except _StartFailed:
                        results = lint_batch(local(), [item], as_of)
                    except ConfigError:
                        raise
                    except Exception as exc:
                        crashes += 1
                        plugin = _read_trace(trace)
                        why = f"the worker process died ({type(exc).__name__})"
                        yield item[0], _crashed(_reporter(local), item[1], plugin, why)
                        queue = [it for it, _ in futures[n + 1 :]]
                        break
                    yield from results
                clean = not queue
            finally:
                _stop(pool, clean)


def _read_trace(trace: str) -> str | None:
    try:
        with open(trace, "rb") as fh:
            name = fh.read(512).rstrip(b"\0 ").decode("utf-8", "replace")
    except OSError:
        return None
    return name or None


def _reporter(local: Callable[[], Engine]) -> Engine:
    """The engine that words a crash finding (this process's; building it runs no per-file plugin code)."""
    return local()


def _crashed(engine: Engine, path: str, plugin: str | None, why: str) -> FileResult:
    from jdlint.model.results import FileResult

    who = f"plugin {plugin!r}" if plugin else "a plugin or the parser"
    message = f"{who} crashed on this file: {why}; the file was not linted"
    return FileResult(path, [engine.file_error(path, "internal-error", message)], {}, None)


def _pool(workers: int, spec: EngineSpec, as_of: dt.date | None, trace: str | None):
    """A pool of spawned workers; SIGINT is ignored while they start, so they inherit ignoring it."""
    import multiprocessing
    import signal
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_start, initargs=(spec, as_of, os.getpid(), trace)
    )
    previous = signal.getsignal(signal.SIGINT) if _main_thread() else None
    if previous is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool._launch_processes()  # start them all now, with SIGINT ignored (a child keeps SIG_IGN)
    except AttributeError:  # another Python's executor: they start on first submit instead
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return pool


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _stop(pool, clean: bool) -> None:
    """Shut the pool down; after an interrupt or an error, kill its workers at once instead of waiting."""
    if not clean:
        for proc in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(Exception):
                proc.kill()
    pool.shutdown(wait=clean, cancel_futures=True)


class _StartFailed(RuntimeError):
    """A worker could not build its engine (a configuration error): the caller's engine says why."""


_engine: Engine | None = None
_as_of: dt.date | None = None


_failed: str | None = None  # why this worker could not build its engine


def _start(spec: EngineSpec, as_of: dt.date | None, parent: int, trace: str | None) -> None:
    """Worker initialiser: die with the parent, ignore Ctrl-C, build the engine (and spaCy) once.

    A failure is kept, not raised (the pool would print a traceback): each task
    then fails, and the caller, whose own engine fails the same way, reports it.
    """
    global _engine, _as_of, _failed
    _die_with(parent)
    from jdlint.engine import interrupt, lazy_spacy_cli

    lazy_spacy_cli.install()  # as in the CLI: spaCy without its command line

    interrupt.install(ignore=True)  # the parent handles Ctrl-C; here a KeyboardInterrupt is a plugin's
    # A worker's results are all sent before it exits; tearing down its interpreter
    # (spaCy's objects, every module) took ~0.2 s that the caller spent waiting.
    atexit.register(os._exit, 0)
    gc_tuning.tune()
    try:
        _engine = build(spec)
        _as_of = as_of
        _ = _engine.nlp  # load spaCy now, while the main process is still planning
        if trace is not None:
            _engine.watch = _tracer(trace)
    except Exception as exc:
        _failed = f"{type(exc).__name__}: {exc}"
    gc_tuning.freeze()


def _tracer(trace: str) -> Callable[[str], None]:
    """Record the running plugin's name in `trace` (one pwrite), for the parent to read if this process dies."""
    fd = os.open(trace, os.O_WRONLY)

    def watch(name: str) -> None:
        os.pwrite(fd, name.encode("utf-8", "replace")[:500].ljust(512, b"\0"), 0)

    return watch


def _die_with(parent: int) -> None:
    """A worker must not outlive its parent (SIGTERM or SIGKILL of `jdlint` left ~118 MB workers behind).

    Linux: the kernel kills it (PR_SET_PDEATHSIG); elsewhere a thread watches the parent."""
    import sys
    import threading

    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="jdlint-parent-watch", daemon=True).start()


def _lint_task(task: Work) -> list[tuple[int, FileResult]]:
    if _engine is None:
        raise _StartFailed(f"worker could not start: {_failed}")
    if _engine.watch is not None:
        _engine.watch("")  # parsing comes first: a crash there is not the last plugin's
    return lint_batch(_engine, task, _as_of)
