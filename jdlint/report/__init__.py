"""Reporters: one module per output format, each with `render(report, out, **options)`.

Reporters never decide what is a problem; they only render a `Report`. The formats in
`STREAMING` also have a `Writer(out, **options)` with `add(file_result)` and `close()`:
the CLI hands it each file's result as it arrives (in discovery order) and keeps none,
so memory does not grow with the number of files. The HTML page needs them all at once.
"""

from __future__ import annotations

import importlib
from typing import IO

from jdlint.model.results import Report

FORMATS = {
    "text": "jdlint.report.text",
    "concise": "jdlint.report.concise",
    "json": "jdlint.report.json_report",
    "github": "jdlint.report.github",
    "sarif": "jdlint.report.sarif",
    "html": "jdlint.report.html",
}


STREAMING = ("text", "concise", "json", "github", "sarif")


def writer(fmt: str, out: IO[str], **options):
    """A streaming writer for `fmt` (one of `STREAMING`): `.add(file_result)` each, then `.close()`;
    `.tally` holds the counts (and the worst severity, for the exit code)."""
    module = importlib.import_module(FORMATS[fmt])
    return module.Writer(out, **options)


def render(fmt: str, report: Report, out: IO[str], **options) -> None:
    """Write `report` to `out` in format `fmt`; only the chosen format's module is imported."""
    module = importlib.import_module(FORMATS[fmt])
    module.render(report, out, **options)
