r"""`path:line:col: severity rule message` — one line per finding.

This is the format editors, `grep` and compile-mode buffers expect
(Vim: `set errorformat=%f:%l:%c:\ %m`; Emacs compilation-mode parses it as is).
"""

from __future__ import annotations

from typing import IO

from jdlint.model.results import FileResult, Report, Tally
from jdlint.report import escape, info_summary
from jdlint.report import statistics as stats


def line(f) -> str:
    """One finding; its file name and message escaped (a newline in either must not start a new line)."""
    return f"{escape.path(f.path)}:{f.line}:{f.column}: {f.severity} {f.rule} {escape.message(f.message)}"


class Writer:
    """Writes each file's lines as its result arrives; only counts are kept (for `--statistics`).

    One line per finding; a file's info findings as one line after its findings unless `show_info`.
    `statistics` prints the ruff-like count per rule instead, at the end; `quiet` drops the info lines.
    """

    def __init__(
        self, out: IO[str], statistics: bool = False, quiet: bool = False, show_info: bool = False, **_options
    ) -> None:
        self.out, self.statistics, self.quiet, self.show_info = out, statistics, quiet, show_info
        self.tally = Tally()

    def add(self, fr: FileResult) -> None:
        self.tally.add(fr)
        if self.statistics:
            return
        out = self.out
        for f in info_summary.listed(fr.findings, self.show_info):
            out.write(line(f) + "\n")
        note = None if self.quiet else info_summary.hidden_line(fr, self.show_info)
        if note is not None:
            out.write(note + "\n")

    def close(self) -> None:
        if self.statistics:
            for row in stats.table(self.tally):
                self.out.write(row + "\n")


def render(report: Report, out: IO[str], **options) -> None:
    """The whole report at once (the API; the CLI streams through `Writer`)."""
    writer = Writer(out, **options)
    for fr in report.files:
        writer.add(fr)
    writer.close()
