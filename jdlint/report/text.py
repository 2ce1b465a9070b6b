"""The human format: a code frame per finding with the span underlined, the
suggestion, and a summary. No colour when the output is not a terminal or
`NO_COLOR` is set (rich honours both)."""

from __future__ import annotations

import os
import re
from collections import Counter
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jdlint.results import Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
FRAME_WIDTH = 160  # a code frame shows at most this many columns of a long line
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _safe(text: str) -> str:
    """Control characters (a file's ESC sequences) never reach the terminal; one column each, as before."""
    return _CONTROL.sub("\ufffd", text)


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


def _console(out: IO[str], color: bool | None) -> Console:
    no_color = bool(os.environ.get("NO_COLOR")) if color is None else not color
    force = None if color is None else color
    return Console(
        file=out,
        no_color=no_color,
        force_terminal=force,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=max(60, Console(file=out).width),
    )


def render(
    report: Report, out: IO[str], color: bool | None = None, statistics: bool = False, quiet: bool = False, **_options
) -> None:
    con = _console(out, color)
    for fr in report.files:
        if not fr.findings:
            continue
        lines = fr.text.split("\n") if fr.text is not None else []
        for f in fr.findings:
            sev = str(f.severity)
            con.print(
                f"[bold]{escape(_safe(f.path))}:{f.line}:{f.column}[/bold]: "
                f"[{_STYLE[sev]}]{sev}[/] [dim]{f.rule}[/dim] {escape(_safe(f.message))}"
            )
            if quiet or not lines or f.line > len(lines):
                continue
            src = lines[f.line - 1]
            gutter = f"{f.line:>5} | "
            end_col = f.end_column if f.end_line == f.line else len(src) + 1
            src, col, end_col = _window(src, f.column, end_col)
            con.print(f"[dim]{gutter}[/dim]{escape(_safe(src))}")
            width = max(1, end_col - col)
            con.print(" " * (len(gutter) + col - 1) + f"[{_STYLE[sev]}]" + "^" * width + "[/]")
            if f.suggestions:
                con.print(" " * len(gutter) + "[green]suggestion:[/green] " + escape(", ".join(f.suggestions)))
        con.print()
    counts = report.counts()
    summaries = [fr for fr in report.files if "gender_coding" in fr.summary]
    if statistics:
        table = Table(title="Findings by rule", show_edge=False)
        table.add_column("rule")
        table.add_column("count", justify="right")
        for rule, n in Counter(f.rule for f in report.findings).most_common():
            table.add_row(rule, str(n))
        con.print(table)
    if summaries and not quiet:
        for fr in summaries:
            gc = fr.summary["gender_coding"]
            if gc.get("verdict") and gc["verdict"] != "neutral":
                con.print(
                    f"{escape(fr.path)}: {gc['verdict']} "
                    f"(masculine {gc.get('masculine', 0)}, feminine {gc.get('feminine', 0)})"
                )
    if counts["findings"]:
        con.print(
            f"Found {counts['findings']} problem{'s' if counts['findings'] != 1 else ''} "
            f"in {sum(1 for fr in report.files if fr.findings)} of {counts['files']} "
            f"file{'s' if counts['files'] != 1 else ''} "
            f"([red]{counts['errors']} errors[/red], [yellow]{counts['warnings']} warnings[/yellow], "
            f"[cyan]{counts['info']} info[/cyan])."
        )
    elif not quiet:
        con.print(f"All clear: {counts['files']} file{'s' if counts['files'] != 1 else ''} checked, no problems.")
