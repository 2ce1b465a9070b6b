"""What a lint run returns: per-file results and the whole report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from jdlint.model.finding import Finding, Severity


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)  # plugin data for JSON `files`
    text: str | None = None  # LF-normalised text, kept for code frames and fixes

    def to_json(self) -> dict:
        return {"path": self.path, **self.summary}


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for fr in self.files for f in fr.findings]

    def counts(self) -> dict[str, int]:
        out = {"files": len(self.files), "findings": 0, "errors": 0, "warnings": 0, "info": 0}
        names = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}
        for f in self.findings:
            out["findings"] += 1
            out[names[f.severity]] += 1
        return out

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


_NAMES = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


@dataclass
class Tally:
    """What a report needs once every file has gone past: counts, never the results themselves.

    Reports are written as results arrive (memory flat in the number of files), so their
    totals, the table by rule, `--statistics` and the exit code are kept here, file by file.
    """

    files: int = 0
    with_findings: int = 0  # files with at least one finding
    severities: Counter = field(default_factory=Counter)  # Severity -> findings
    rules: Counter = field(default_factory=Counter)  # (rule, severity name) -> findings
    fixable: Counter = field(default_factory=Counter)  # (rule, severity name) -> findings with a fix
    rule_files: Counter = field(default_factory=Counter)  # (rule, severity name) -> files with one
    category: dict[str, str] = field(default_factory=dict)  # rule -> its category

    @classmethod
    def of(cls, report: Report) -> Tally:
        tally = cls()
        for fr in report.files:
            tally.add(fr)
        return tally

    def add(self, fr: FileResult) -> None:
        self.files += 1
        if fr.findings:
            self.with_findings += 1
        keys = set()
        for f in fr.findings:
            key = (f.rule, str(f.severity))
            self.severities[f.severity] += 1
            self.rules[key] += 1
            if f.fix:
                self.fixable[key] += 1
            self.category.setdefault(f.rule, f.category)
            keys.add(key)
        self.rule_files.update(keys)

    def counts(self) -> dict[str, int]:
        """The same figures as `Report.counts()`."""
        out = {"files": self.files, "findings": sum(self.severities.values()), "errors": 0, "warnings": 0, "info": 0}
        for sev, n in self.severities.items():
            out[_NAMES[sev]] += n
        return out

    def worst(self) -> Severity | None:
        return max((s for s, n in self.severities.items() if n), default=None)
