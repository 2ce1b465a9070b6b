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
import datetime as dt
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

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
    return max(1, min(jobs, len(work)))


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


def run(
    spec: EngineSpec, work: Work, as_of: dt.date | None, workers: int, local: Callable[[], Engine]
) -> Iterator[tuple[int, FileResult]]:
    """Lint `work` on `workers` processes; yields (position, result) as tasks finish.

    `local` returns this process's engine, built only if a task's worker
    failed (killed, out of memory, could not start, or raised): the task is
    linted again with it, so the outcome is what `jobs=1` would give, and a
    configuration error is raised here as it would be without workers. A run
    whose workers all succeed never builds it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    tasks = split(work, workers)
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start, initargs=(spec, as_of))
    try:
        pending = {pool.submit(_lint_task, task): task for task in tasks}
        for fut in as_completed(pending):
            try:
                results = fut.result()
            except Exception:
                results = lint_batch(local(), pending[fut], as_of)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_engine: Engine | None = None
_as_of: dt.date | None = None


_failed: str | None = None  # why this worker could not build its engine


def _start(spec: EngineSpec, as_of: dt.date | None) -> None:
    """Worker initialiser: build the engine (and spaCy) once per process.

    A failure is kept, not raised (the pool would print a traceback): each task
    then fails, and the caller, whose own engine fails the same way, reports it.
    """
    global _engine, _as_of, _failed
    # A worker's results are all sent before it exits; tearing down its interpreter
    # (spaCy's objects, every module) took ~0.2 s that the caller spent waiting.
    atexit.register(os._exit, 0)
    gc_tuning.tune()
    try:
        _engine = build(spec)
        _as_of = as_of
        _ = _engine.nlp  # load spaCy now, while the main process is still planning
    except Exception as exc:
        _failed = f"{type(exc).__name__}: {exc}"
    gc_tuning.freeze()


def _lint_task(task: Work) -> list[tuple[int, FileResult]]:
    if _engine is None:
        raise RuntimeError(f"worker could not start: {_failed}")
    return lint_batch(_engine, task, _as_of)
