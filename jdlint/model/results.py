"""What a lint run returns: per-file results and the whole report."""

from __future__ import annotations

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
