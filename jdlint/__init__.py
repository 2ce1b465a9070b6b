"""jdlint: a linter for job postings.

The public Python API is small on purpose; the CLI, the language server,
pre-commit and every reporter call it::

    import jdlint
    result = jdlint.lint_text("We need a rockstar.", path="job.md")
    for f in result.findings:
        print(f.line, f.column, f.rule, f.message)

    report = jdlint.lint_paths(["postings/"])
"""

from __future__ import annotations

__version__ = "0.1.0"

from jdlint.api import lint_paths, lint_text
from jdlint.finding import Finding, Severity
from jdlint.results import FileResult, Report

__all__ = [
    "FileResult",
    "Finding",
    "Report",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_text",
]
