"""jdlint: a linter for job postings.

The public Python API is small on purpose; the CLI, the language server,
pre-commit and every reporter call it::

    import jdlint
    result = jdlint.lint_text("We need a rockstar.", path="job.md")
    for f in result.findings:
        print(f.line, f.column, f.rule, f.message)

    report = jdlint.lint_paths(["postings/"])
    for result in jdlint.iter_lint_paths(["postings/"]):  # one by one: memory flat in files
        print(result.path, len(result.findings))

Plugin authors need four more names::

    from jdlint import Hit, Rule, Severity, hookimpl

Every name is imported on first use (PEP 562), so ``import jdlint`` is cheap
and works whatever the order of the lines below.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from jdlint.version import __version__

# public name -> the module that defines it
_EXPORTS = {
    "lint_text": "jdlint.run.api",
    "lint_paths": "jdlint.run.api",
    "iter_lint_paths": "jdlint.run.api",
    "Finding": "jdlint.model.finding",
    "Hit": "jdlint.model.finding",
    "Severity": "jdlint.model.finding",
    "Rule": "jdlint.model.rule",
    "FileResult": "jdlint.model.results",
    "Report": "jdlint.model.results",
    "hookimpl": "jdlint.hookspecs",
}

__all__ = [
    "FileResult",
    "Finding",
    "Hit",
    "Report",
    "Rule",
    "Severity",
    "__version__",
    "hookimpl",
    "iter_lint_paths",
    "lint_paths",
    "lint_text",
]

if TYPE_CHECKING:
    from jdlint.hookspecs import hookimpl
    from jdlint.model.finding import Finding, Hit, Severity
    from jdlint.model.results import FileResult, Report
    from jdlint.model.rule import Rule
    from jdlint.run.api import iter_lint_paths, lint_paths, lint_text


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jdlint' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
