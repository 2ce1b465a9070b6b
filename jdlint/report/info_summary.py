"""Info findings, summarised per file where people read the output (`text`, `concise`, `github`).

A posting with a hundred gender-coded words buried its few errors under a
hundred lines of info. Unless asked (`--show-info`, `show-info: true`), these
formats list errors and warnings and give each file's info findings one line:
how many, by rule, with the gender-coding verdict. JSON and SARIF, which tools
read, keep every finding; the exit code is computed from every finding.
"""

from __future__ import annotations

from collections import Counter

from jdlint.model.finding import Finding, Severity
from jdlint.model.results import FileResult
from jdlint.report import escape


def listed(findings: list[Finding], show_info: bool) -> list[Finding]:
    """The findings a reporter lists one by one."""
    if show_info:
        return findings
    return [f for f in findings if f.severity is not Severity.INFO]


def hidden(fr: FileResult, show_info: bool) -> list[Finding]:
    """The info findings of a file that are summarised instead of listed."""
    if show_info:
        return []
    return [f for f in fr.findings if f.severity is Severity.INFO]


def hidden_line(fr: FileResult, show_info: bool) -> str | None:
    """`job.md: 12 info findings not listed (gender-coded ×11: masculine-coded (masculine 8, feminine 3);
    eeo-statement ×1) — --show-info lists them`, or None when nothing is hidden.

    The path goes through `report.escape`, so a file name cannot move the cursor, start a new line or
    hold a workflow command (even after the `jdlint: ` the github format puts first).
    """
    infos = hidden(fr, show_info)
    if not infos:
        return None
    parts = []
    for rule, n in sorted(Counter(f.rule for f in infos).items(), key=lambda kv: (-kv[1], kv[0])):
        part = f"{rule} ×{n}"
        gc = fr.summary.get("gender_coding") if rule == "gender-coded" else None
        if isinstance(gc, dict) and gc.get("verdict"):
            part += f": {gc['verdict']} (masculine {gc.get('masculine', 0)}, feminine {gc.get('feminine', 0)})"
        parts.append(part)
    total = len(infos)
    path = escape.path(fr.path)  # one helper for every file name at the start of a line
    noun = "finding" if total == 1 else "findings"
    return f"{path}: {total} info {noun} not listed ({'; '.join(parts)}) — --show-info lists them"
