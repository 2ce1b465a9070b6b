"""Reporters: one module per output format, each with `render(report, out, **options)`.

Reporters never decide what is a problem; they only render a `Report`.
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


def render(fmt: str, report: Report, out: IO[str], **options) -> None:
    """Write `report` to `out` in format `fmt`; only the chosen format's module is imported."""
    module = importlib.import_module(FORMATS[fmt])
    module.render(report, out, **options)
