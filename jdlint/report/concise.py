r"""`path:line:col: severity rule message` — one line per finding.

This is the format editors, `grep` and compile-mode buffers expect
(Vim: `set errorformat=%f:%l:%c:\ %m`; Emacs compilation-mode parses it as is).
"""

from __future__ import annotations

from typing import IO

from jdlint.model.results import Report
from jdlint.report import escape


def line(f) -> str:
    """One finding; its file name and message escaped (a newline in either must not start a new line)."""
    return f"{escape.path(f.path)}:{f.line}:{f.column}: {f.severity} {f.rule} {escape.message(f.message)}"


def render(report: Report, out: IO[str], **_options) -> None:
    for f in report.findings:
        out.write(line(f) + "\n")
