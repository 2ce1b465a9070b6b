"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` per finding.

GitHub turns each line into an annotation on the pull request's diff. Data
(the message) must escape `%`, CR and LF; properties (file, title) must also
escape `:` and `,`, or GitHub cuts the value there.
"""

from __future__ import annotations

import html
import re
from bisect import insort
from collections import Counter
from typing import IO

from jdlint.model.finding import Finding, Severity
from jdlint.model.results import FileResult, Report, Tally
from jdlint.report import info_summary
from jdlint.report import statistics as stats
from jdlint.report.spool import Spool

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


# What GitHub shows of a step's workflow commands: "10 warning annotations, 10 error annotations, and
# 10 notice annotations per step; 50 annotations per job (sum of annotations from all the steps)" --
# https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations (the same limits
# apply to `::error`/`::warning`/`::notice` commands; GitHub drops the rest without a word). A step
# summary may hold up to 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of
# 1024k"), see https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary
PER_KIND_PER_STEP = 10
PER_JOB = 50
SUMMARY_ROWS = 200  # files listed in the step summary's table; the rest are counted in one row


class Writer:
    """Annotations, worst first and at most what GitHub shows, then a line counting the rest.

    GitHub shows only the first few annotations of each kind, and they must come worst first,
    so nothing is written until the end; meanwhile only what will be written is kept (the
    `PER_KIND_PER_STEP` first findings of each severity, each file's info line in a spool,
    the step summary's worst `SUMMARY_ROWS` files) and counts of the rest: memory does not
    grow with the number of files. Info findings are summarised per file unless `show_info`;
    with `statistics` the log gets the count per rule and no annotations. Either way, when
    `$GITHUB_STEP_SUMMARY` names a file, a Markdown table of counts per file and per rule is
    appended to it.
    """

    def __init__(
        self, out: IO[str], statistics: bool = False, quiet: bool = False, show_info: bool = False, **_options
    ) -> None:
        self.out, self.statistics, self.quiet, self.show_info = out, statistics, quiet, show_info
        self.tally = Tally()
        self.best: dict[Severity, list[tuple[tuple, int, Finding]]] = {}  # the first findings of each severity
        self.listed: Counter = Counter()  # severity -> findings listed
        self.notes = Spool()
        self.seq = 0
        self.per_file = _WorstFiles()

    def add(self, fr: FileResult) -> None:
        self.tally.add(fr)
        self.per_file.add(fr)
        if self.statistics:
            return
        for f in info_summary.listed(fr.findings, self.show_info):
            self.listed[f.severity] += 1
            best = self.best.setdefault(f.severity, [])
            entry = (f.sort_key, self.seq, f)
            self.seq += 1
            if len(best) < PER_KIND_PER_STEP or entry[:2] < best[-1][:2]:
                insort(best, entry)  # (sort key, arrival): the finding itself is never compared
                del best[PER_KIND_PER_STEP:]
        if not self.quiet:
            note = info_summary.hidden_line(fr, self.show_info)
            if note is not None:
                self.notes.add_line(f"jdlint: {note}")

    def close(self) -> None:
        import os

        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        out = self.out
        if self.statistics:
            for row in stats.table(self.tally):
                out.write(row + "\n")
            annotated = None
        else:
            annotated = self._annotations()
        if summary_file:
            _append_summary(summary_file, _summary(self.tally, self.per_file, annotated))

    def _annotations(self) -> int:
        """Write the annotations GitHub will show, the info lines and the count of the rest; return how many."""
        out = self.out
        per_kind: Counter = Counter()
        written = 0
        for sev in sorted(self.best, reverse=True):
            for _, _, f in self.best[sev]:
                if per_kind[f.severity] < PER_KIND_PER_STEP and written < PER_JOB:
                    out.write(command(f) + "\n")
                    per_kind[f.severity] += 1
                    written += 1
        left = Counter({sev: n - per_kind[sev] for sev, n in self.listed.items() if n > per_kind[sev]})
        for note in self.notes.lines():
            out.write(note + "\n")
        more = sum(left.values())
        if more and not self.quiet:
            kinds = ", ".join(f"{left[s]} {LEVELS[s]}{'s' if left[s] != 1 else ''}" for s in sorted(left, reverse=True))
            limit = f"GitHub shows at most {PER_KIND_PER_STEP} annotations of each kind per step"
            out.write(
                f"jdlint: {more} more finding{'s' if more != 1 else ''} not annotated ({kinds}): {limit}; "
                "`jdlint check --format concise` lists them all\n"
            )
        return written


def render(report: Report, out: IO[str], **options) -> None:
    """The whole report at once (the API; the CLI streams through `Writer`)."""
    writer = Writer(out, **options)
    for fr in report.files:
        writer.add(fr)
    writer.close()


class _WorstFiles:
    """The step summary's rows: the `SUMMARY_ROWS` files with the worst counts, and sums of all."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, int, int, str]] = []  # (-errors, -warnings, -info, path), best first
        self.files = 0
        self.sums = [0, 0, 0]

    def add(self, fr: FileResult) -> None:
        if not fr.findings:
            return
        c = Counter(f.severity for f in fr.findings)
        e, w, i = c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO]
        self.files += 1
        self.sums = [self.sums[0] + e, self.sums[1] + w, self.sums[2] + i]
        row = (-e, -w, -i, fr.path)
        if len(self.rows) < SUMMARY_ROWS or row < self.rows[-1]:
            insort(self.rows, row)
            del self.rows[SUMMARY_ROWS:]


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no line breaks, pipes, HTML or backtick runs from a file name."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", "\ufffd", text)
    return html.escape(text).replace("|", "&#124;").replace("`", "&#96;").replace("*", "&#42;")


def summary_markdown(report: Report, annotated: int | None = None) -> str:
    """The step summary: the totals, then counts per file and per rule, worst first."""
    worst = _WorstFiles()
    for fr in report.files:
        worst.add(fr)
    return _summary(Tally.of(report), worst, annotated)


def _summary(tally: Tally, worst: _WorstFiles, annotated: int | None) -> str:
    counts = tally.counts()
    lines = ["### jdlint", ""]
    if not counts["findings"]:
        lines.append(f"No problems in {counts['files']} file{'s' if counts['files'] != 1 else ''}.")
        return "\n".join(lines) + "\n\n"
    lines.append(
        f"{counts['findings']} problem{'s' if counts['findings'] != 1 else ''} in "
        f"{tally.with_findings} of {counts['files']} files: "
        f"{counts['errors']} errors, {counts['warnings']} warnings, {counts['info']} info."
    )
    if annotated is not None and annotated < counts["findings"]:
        lines.append(f"{annotated} of them are shown as annotations; the log says how many more there are.")
    lines += ["", "| file | errors | warnings | info |", "| --- | ---: | ---: | ---: |"]
    for e, w, i, path in worst.rows:
        lines.append(f"| {_cell(path)} | {-e} | {-w} | {-i} |")
    if worst.files > SUMMARY_ROWS:
        shown = [sum(-row[k] for row in worst.rows) for k in range(3)]
        lines.append(
            f"| {worst.files - SUMMARY_ROWS} more files | {worst.sums[0] - shown[0]} | {worst.sums[1] - shown[1]} | "
            f"{worst.sums[2] - shown[2]} |"
        )
    lines += ["", "| rule | severity | count | files |", "| --- | --- | ---: | ---: |"]
    for row in sorted(stats.rows(tally), key=lambda r: (-Severity.parse(r.severity), -r.count, r.rule)):
        lines.append(f"| {_cell(row.rule)} | {row.severity} | {row.count} | {row.files} |")
    return "\n".join(lines) + "\n\n"


def _append_summary(path: str, text: str) -> None:
    """Append (as GitHub expects: each step appends to its own file) and never fail the run over it."""
    import sys

    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        print(f"jdlint: warning: cannot write the step summary to {path}: {exc.strerror or exc}", file=sys.stderr)
