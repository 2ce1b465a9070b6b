"""`--statistics`: counts per rule instead of the findings, in every format but SARIF.

The rows are (rule, severity) pairs, most frequent first, as `ruff --statistics`
prints them; `fixable` counts the findings `--fix` would rewrite. Info findings
are counted too: a count is one line however many there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from jdlint.model.results import Report, Tally


@dataclass(frozen=True)
class Row:
    rule: str
    category: str
    severity: str
    count: int
    fixable: int
    files: int

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "count": self.count,
            "fixable": self.fixable,
            "files": self.files,
        }


def rows(source: Report | Tally) -> list[Row]:
    """One row per rule and severity: most findings first, then by rule id."""
    tally = source if isinstance(source, Tally) else Tally.of(source)
    ordered = sorted(tally.rules.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        Row(r, tally.category[r], s, n, tally.fixable[(r, s)], tally.rule_files[(r, s)]) for (r, s), n in ordered
    ]


def table(source: Report | Tally) -> list[str]:
    """The ruff-like table: count, rule, severity, and `[*]` with how many `--fix` can rewrite."""
    found = rows(source)
    if not found:
        return []
    count_w = max(len(str(r.count)) for r in found)
    rule_w = max(len(r.rule) for r in found)
    lines = []
    for r in found:
        fix = f"  [*] {r.fixable} fixable" if r.fixable else ""
        lines.append(f"{r.count:>{count_w}}  {r.rule:<{rule_w}}  {r.severity:<7}{fix}".rstrip())
    return lines
