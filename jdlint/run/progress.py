"""Linting many files with a progress bar on stderr, only when a person is watching.

The bar appears when stderr is a terminal and more than `MIN_FILES` files are
linted; it is transient (erased at the end), so the report is unchanged.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import TYPE_CHECKING

from jdlint.model.results import Report
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
    """`api.lint_paths`, with the bar when it helps."""
    report = Report()
    total = sum(1 for _ in discover(files, spec.config)) if files and sys.stderr.isatty() else 0
    results = api.iter_results(files, spec, as_of, stdin, jobs, cache, isolate=True)
    if total <= MIN_FILES:
        report.files.extend(results)
        return report
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=sys.stderr, no_color=bool(os.environ.get("NO_COLOR")))
    columns = (TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("lint", total=total + (1 if stdin else 0))
        for result in results:
            report.files.append(result)
            bar.advance(task)
    return report
