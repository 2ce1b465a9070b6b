"""Reporters: one module per output format. Reporters never decide what is a
problem; they only render a `Report`."""

from __future__ import annotations

import importlib
from typing import IO, Protocol

from jdlint.model.results import Report

FORMATS = {
    "text": "jdlint.report.text",
    "concise": "jdlint.report.concise",
    "json": "jdlint.report.json_report",
    "github": "jdlint.report.github",
    "sarif": "jdlint.report.sarif",
}


class Reporter(Protocol):
    def render(self, report: Report, out: IO[str], **options) -> None: ...


def render(fmt: str, report: Report, out: IO[str], **options) -> None:
    module = importlib.import_module(FORMATS[fmt])
    module.render(report, out, **options)
