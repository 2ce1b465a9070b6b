"""Linting many files with a progress bar on stderr, only when a person is watching.

The bar appears when stderr is a terminal and more than `MIN_FILES` files are
linted (and, when the report is written as results arrive, standard output is not
that terminal); it is transient (erased at the end), so the report is unchanged.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from jdlint.model.results import FileResult, Report
from jdlint.run import api
from jdlint.run.discover import discover

if TYPE_CHECKING:
    from jdlint.engine.spec import EngineSpec

MIN_FILES = 40  # a "few dozen": below this a run is too short to need a bar


def lint(
    files: list[str],
    spec: EngineSpec,
    as_of: dt.date | None = None,
    stdin: tuple[str, bytes] | None = None,
    jobs: int | None = None,
    cache: bool = False,
) -> Report:
    """`api.lint_paths`, with the bar when it helps (for the faces that need every result at once)."""
    return Report(list(results(files, spec, as_of, stdin, jobs, cache)))


def results(
    files: list[str],
    spec: EngineSpec,
    as_of: dt.date | None = None,
    stdin: tuple[str, bytes] | None = None,
    jobs: int | None = None,
    cache: bool = False,
    streaming: bool = False,
) -> Iterator[FileResult]:
    """`api.iter_results` (discovery order, as they arrive), with the bar when it helps.

    `streaming`: the caller writes each result to standard output as it comes; when that is
    the terminal too, the report itself shows the progress, and a bar would be drawn through it.
    """
    watched = sys.stderr.isatty() and not (streaming and sys.stdout.isatty())
    total = sum(1 for _ in discover(files, spec.config)) if files and watched else 0
    found = api.iter_results(files, spec, as_of, stdin, jobs, cache, isolate=True)
    if total <= MIN_FILES:
        yield from found
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=sys.stderr, no_color=bool(os.environ.get("NO_COLOR")))
    columns = (TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("lint", total=total + (1 if stdin else 0))
        for result in found:
            yield result
            bar.advance(task)
