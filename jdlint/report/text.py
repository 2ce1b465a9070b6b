"""The human format: findings grouped by file, a code frame per finding with
the span underlined and the suggestion, a table of findings by rule, and a
one-line summary. No colour when the output is not a terminal or `NO_COLOR`
is set (rich honours both)."""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

from rich.cells import cell_len

from jdlint.model.results import FileResult, Report, Tally
from jdlint.report import escape as safe
from jdlint.report import info_summary
from jdlint.report import statistics as stats
from jdlint.report.plain_console import PlainConsole, escape, unstyled
from jdlint.report.spool import Spool

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
FRAME_WIDTH = 160  # a code frame shows at most this many columns of a long line


def _window(src: str, col: int, end_col: int) -> tuple[str, int, int]:
    """Clip a long source line around the span; a 2 MB line must not be printed once per finding.

    Returns the line to show and the span's 1-based columns in it.
    """
    if len(src) <= FRAME_WIDTH:
        return src, col, end_col
    left = max(0, col - 1 - FRAME_WIDTH // 4)
    right = min(len(src), left + FRAME_WIDTH)
    shown = ("…" if left else "") + src[left:right] + ("…" if right < len(src) else "")
    shift = left - (1 if left else 0)
    return shown, col - shift, min(end_col, right + 1) - shift


def _console(out: IO[str], color: bool | None) -> Console | PlainConsole:
    """rich's console, or, where rich would print no escape codes, the same bytes without importing it."""
    if unstyled(out, color):
        return PlainConsole(out)
    from rich.console import Console

    if color is None and os.environ.get("NO_COLOR"):
        color = False  # NO_COLOR means plain text, as --no-color does (no bold or underline either)
    return Console(
        file=out,
        no_color=color is False,
        force_terminal=color,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=max(60, Console(file=out).width),
    )


def _frame(con: Console | PlainConsole, f, lines: list[str], style: str) -> None:
    """The source line with the span underlined; widths in terminal cells, so emoji and CJK line up."""
    src = lines[f.line - 1].replace("\t", " ")
    gutter = f"{f.line:>5} | "
    end_col = f.end_column if f.end_line == f.line else len(src) + 1
    src, col, end_col = _window(src, f.column, end_col)
    src = safe.frame(src)
    con.print(f"[dim]{gutter}[/dim]{escape(src)}")
    pad = cell_len(src[: col - 1])
    width = max(1, cell_len(src[col - 1 : end_col - 1]))
    con.print(" " * (len(gutter) + pad) + f"[{style}]" + "^" * width + "[/]")
    if f.suggestions:
        con.print(" " * len(gutter) + "[green]suggestion:[/green] " + escape(safe.message(", ".join(f.suggestions))))


def _rule_table(con: Console | PlainConsole, tally: Tally) -> None:
    """The count of findings per rule; the plain writer draws it unless rich must fit it to the width."""
    title, headers = "Findings by rule", ["rule", "severity", "count"]
    rows = [
        [rule, f"[{_STYLE[sev]}]{sev}[/]", str(n)]
        for (rule, sev), n in sorted(tally.rules.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if isinstance(con, PlainConsole) and con.table(title, headers, rows, right={2}):
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_edge=False, title_justify="left", header_style="bold")
    table.add_column(headers[0])
    table.add_column(headers[1])
    table.add_column(headers[2], justify="right")
    for row in rows:
        table.add_row(*row)
    if isinstance(con, PlainConsole):  # the same console rich would have had, unstyled
        con = Console(
            file=con.out,
            no_color=True,
            force_terminal=False,
            highlight=False,
            soft_wrap=True,
            emoji=False,
            width=max(60, Console(file=con.out).width),
        )
    con.print(table)


class Writer:
    """Writes each file's findings (with their code frames) as its result arrives; keeps counts only.

    The table by rule and the one-line summary come at the end, from the counts. Info findings
    are one line per file unless `show_info` (see `info_summary`); `quiet` prints the findings
    only; `statistics` prints the count per rule instead of the findings.
    """

    def __init__(
        self,
        out: IO[str],
        color: bool | None = None,
        statistics: bool = False,
        quiet: bool = False,
        show_info: bool = False,
        **_options,
    ) -> None:
        self.con = _console(out, color)
        self.statistics, self.quiet, self.show_info = statistics, quiet, show_info
        self.tally = Tally()
        self.hidden = 0
        # gender-coding verdicts listed at the end with --show-info: one short line per file, spooled to disk
        self.verdicts = Spool()

    def add(self, fr: FileResult) -> None:
        self.tally.add(fr)
        if self.statistics:
            return
        con, quiet, show_info = self.con, self.quiet, self.show_info
        shown = info_summary.listed(fr.findings, show_info)
        note = None if quiet else info_summary.hidden_line(fr, show_info)
        self.hidden += len(fr.findings) - len(shown)
        gc = fr.summary.get("gender_coding") if show_info and not quiet else None
        if gc is not None and gc.get("verdict") and gc["verdict"] != "neutral":
            self.verdicts.add_line(
                f"{escape(safe.path(fr.path))}: {gc['verdict']} "
                f"(masculine {gc.get('masculine', 0)}, feminine {gc.get('feminine', 0)})"
            )
        if not shown and note is None:
            return
        n = len(shown)
        if not quiet and shown:
            con.print(
                f"[bold underline]{escape(safe.path(fr.path))}[/] [dim]({n} problem{'s' if n != 1 else ''})[/dim]"
            )
        lines = fr.text.split("\n") if fr.text is not None and shown and not quiet else []
        for f in shown:
            sev = str(f.severity)
            con.print(
                f"[bold]{escape(safe.path(f.path))}:{f.line}:{f.column}[/bold]: "
                f"[{_STYLE[sev]}]{sev}[/] [dim]{f.rule}[/dim] {escape(safe.message(f.message))}"
            )
            if lines and f.line <= len(lines):
                _frame(con, f, lines, _STYLE[sev])
        if note is not None:
            con.print(f"[cyan]{escape(note)}[/cyan]")
        if not quiet:
            con.print()

    def close(self) -> None:
        con, tally = self.con, self.tally
        counts = tally.counts()
        if self.statistics:
            for row in stats.table(tally):
                con.print(escape(safe.message(row)))
            if not self.quiet:
                _summary_line(con, tally, counts, hidden=0)
            return
        if self.quiet:
            return
        if counts["findings"]:
            _rule_table(con, tally)
            con.print()
        for verdict in self.verdicts.lines():  # otherwise each file's info line carries its verdict
            con.print(verdict)
        _summary_line(con, tally, counts, self.hidden)


def render(report: Report, out: IO[str], **options) -> None:
    """The whole report at once (the API; the CLI streams through `Writer`)."""
    writer = Writer(out, **options)
    for fr in report.files:
        writer.add(fr)
    writer.close()


def _summary_line(con: Console | PlainConsole, tally: Tally, counts: dict[str, int], hidden: int) -> None:
    if counts["findings"]:
        unlisted = f"; {hidden} not listed, --show-info lists them" if hidden else ""
        con.print(
            f"Found {counts['findings']} problem{'s' if counts['findings'] != 1 else ''} "
            f"in {tally.with_findings} of {counts['files']} "
            f"file{'s' if counts['files'] != 1 else ''} "
            f"([red]{counts['errors']} errors[/red], [yellow]{counts['warnings']} warnings[/yellow], "
            f"[cyan]{counts['info']} info{unlisted}[/cyan])."
        )
    else:
        con.print(f"All clear: {counts['files']} file{'s' if counts['files'] != 1 else ''} checked, no problems.")
