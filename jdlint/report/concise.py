r"""`path:line:col: severity rule message` — one line per finding.

This is the format editors, `grep` and compile-mode buffers expect
(Vim: `set errorformat=%f:%l:%c:\ %m`; Emacs compilation-mode parses it as is).
"""

from __future__ import annotations

from typing import IO

from jdlint.model.results import Report
from jdlint.report import escape, info_summary
from jdlint.report import statistics as stats


def line(f) -> str:
    """One finding; its file name and message escaped (a newline in either must not start a new line)."""
    return f"{escape.path(f.path)}:{f.line}:{f.column}: {f.severity} {f.rule} {escape.message(f.message)}"


def render(
    report: Report, out: IO[str], statistics: bool = False, quiet: bool = False, show_info: bool = False, **_options
) -> None:
    """One line per finding; a file's info findings as one line after its findings unless `show_info`.

    `statistics` prints the ruff-like count per rule instead; `quiet` drops the info lines.
    """
    if statistics:
        for row in stats.table(report):
            out.write(row + "\n")
        return
    for fr in report.files:
        for f in info_summary.listed(fr.findings, show_info):
            out.write(line(f) + "\n")
        note = None if quiet else info_summary.hidden_line(fr, show_info)
        if note is not None:
            out.write(note + "\n")
