"""Findings: what a rule reports, and the severities they carry."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `>=` means "at least as serious"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Hit:
    """What a rule yields: a span of the posting text and what is wrong there.

    `start` and `end` are offsets into `Posting.text` (code points, end
    exclusive). The engine turns a hit into a `Finding` with positions, the
    rule's category and the configured severity, so rules never compute
    line numbers themselves.
    """

    rule: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    severity: Severity | None = None
    fix: str | None = None  # one replacement that fits every context, if any


@dataclass(frozen=True)
class Finding:
    """One problem at one place, as every reporter sees it."""

    path: str
    rule: str
    category: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    match: str
    suggestions: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    fix: str | None = field(default=None, compare=False)

    def to_json(self) -> dict:
        """The DESIGN.md JSON shape of one finding."""
        return {
            "path": self.path,
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "suggestions": list(self.suggestions),
        }

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)
