"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` per finding.

GitHub turns each line into an annotation on the pull request's diff. Data
(the message) must escape `%`, CR and LF; properties (file, title) must also
escape `:` and `,`, or GitHub cuts the value there.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import IO

from jdlint.model.finding import Finding, Severity
from jdlint.model.results import Report
from jdlint.report import info_summary
from jdlint.report import statistics as stats

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


def render(
    report: Report, out: IO[str], statistics: bool = False, quiet: bool = False, show_info: bool = False, **_options
) -> None:
    """Annotations, worst first and at most what GitHub shows, then a line counting the rest.

    Info findings are summarised per file unless `show_info`; with `statistics` the log gets the
    count per rule and no annotations. Either way, when `$GITHUB_STEP_SUMMARY` names a file, a
    Markdown table of counts per file and per rule is appended to it.
    """
    import os

    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if statistics:
        for row in stats.table(report):
            out.write(row + "\n")
        annotated = None
    else:
        annotated = _annotations(report, out, quiet, show_info)
    if summary_file:
        _append_summary(summary_file, report, annotated)


def _annotations(report: Report, out: IO[str], quiet: bool, show_info: bool) -> int:
    """Write the annotations GitHub will show; return how many were written."""
    findings = sorted(
        (f for fr in report.files for f in info_summary.listed(fr.findings, show_info)),
        key=lambda f: (-f.severity, f.sort_key),
    )
    per_kind: Counter = Counter()
    left: Counter = Counter()
    written = 0
    for f in findings:
        if per_kind[f.severity] < PER_KIND_PER_STEP and written < PER_JOB:
            out.write(command(f) + "\n")
            per_kind[f.severity] += 1
            written += 1
        else:
            left[f.severity] += 1
    if not quiet:
        for fr in report.files:
            note = info_summary.hidden_line(fr, show_info)
            if note is not None:
                out.write(f"jdlint: {note}\n")
    more = sum(left.values())
    if more and not quiet:
        kinds = ", ".join(f"{left[s]} {LEVELS[s]}{'s' if left[s] != 1 else ''}" for s in sorted(left, reverse=True))
        out.write(
            f"jdlint: {more} more finding{'s' if more != 1 else ''} not annotated ({kinds}): GitHub shows at most "
            f"{PER_KIND_PER_STEP} annotations of each kind per step; `jdlint check --format concise` lists them all\n"
        )
    return written


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no line breaks, pipes, HTML or backtick runs from a file name."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", "\ufffd", text)
    return html.escape(text).replace("|", "&#124;").replace("`", "&#96;").replace("*", "&#42;")


def summary_markdown(report: Report, annotated: int | None = None) -> str:
    """The step summary: the totals, then counts per file and per rule, worst first."""
    counts = report.counts()
    lines = ["### jdlint", ""]
    if not counts["findings"]:
        lines.append(f"No problems in {counts['files']} file{'s' if counts['files'] != 1 else ''}.")
        return "\n".join(lines) + "\n\n"
    lines.append(
        f"{counts['findings']} problem{'s' if counts['findings'] != 1 else ''} in "
        f"{sum(1 for fr in report.files if fr.findings)} of {counts['files']} files: "
        f"{counts['errors']} errors, {counts['warnings']} warnings, {counts['info']} info."
    )
    if annotated is not None and annotated < counts["findings"]:
        lines.append(f"{annotated} of them are shown as annotations; the log says how many more there are.")
    lines += ["", "| file | errors | warnings | info |", "| --- | ---: | ---: | ---: |"]
    per_file = []
    for fr in report.files:
        if fr.findings:
            c = Counter(f.severity for f in fr.findings)
            per_file.append((c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO], fr.path))
    per_file.sort(key=lambda row: (-row[0], -row[1], -row[2], row[3]))
    for e, w, i, path in per_file[:SUMMARY_ROWS]:
        lines.append(f"| {_cell(path)} | {e} | {w} | {i} |")
    if len(per_file) > SUMMARY_ROWS:
        rest = per_file[SUMMARY_ROWS:]
        lines.append(
            f"| {len(rest)} more files | {sum(r[0] for r in rest)} | {sum(r[1] for r in rest)} | "
            f"{sum(r[2] for r in rest)} |"
        )
    lines += ["", "| rule | severity | count | files |", "| --- | --- | ---: | ---: |"]
    for row in sorted(stats.rows(report), key=lambda r: (-Severity.parse(r.severity), -r.count, r.rule)):
        lines.append(f"| {_cell(row.rule)} | {row.severity} | {row.count} | {row.files} |")
    return "\n".join(lines) + "\n\n"


def _append_summary(path: str, report: Report, annotated: int | None) -> None:
    """Append (as GitHub expects: each step appends to its own file) and never fail the run over it."""
    import sys

    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(summary_markdown(report, annotated))
    except OSError as exc:
        print(f"jdlint: warning: cannot write the step summary to {path}: {exc.strerror or exc}", file=sys.stderr)
