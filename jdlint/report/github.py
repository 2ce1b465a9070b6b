"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` per finding.

GitHub turns each line into an annotation on the pull request's diff. Data
(the message) must escape `%`, CR and LF; properties (file, title) must also
escape `:` and `,`, or GitHub cuts the value there.
"""

from __future__ import annotations

from typing import IO

from jdlint.model.finding import Finding, Severity
from jdlint.model.results import Report

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    """The workflow command for one finding."""
    props = {
        "file": f.path.replace("\\", "/"),
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f"jdlint {f.rule}",
    }
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{LEVELS[f.severity]} {joined}::{escape_data(f.message)}"


def render(report: Report, out: IO[str], **_options) -> None:
    for f in report.findings:
        out.write(command(f) + "\n")
