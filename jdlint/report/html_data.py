"""What `jdlint report` shows, as plain data: counts, places and laws, pay ranges, wording, postings.

Everything here is read off the lint results exactly as `--format json`
writes them (`Finding.to_json()`, `files[].profile`, `files[].pay`,
`files[].gender_coding`), so the page and the JSON never disagree; the
tests compare the two. No HTML and no chart here: `jdlint.report.html`
draws this data.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from jdlint.model.results import FileResult, Report

NOT_A_POSTING = "not-a-posting"
VERDICTS = ("masculine-coded", "neutral", "feminine-coded")
ONTARIO_CAP = 50_000  # Ontario's pay-range width limit (CA$, a year), see rules/shared/jurisdictions.yaml
WIDE_RATIO = 2.0  # a top more than twice the bottom reads as two jobs in one range
CONTEXT = 70  # characters of the line shown either side of a finding's match


@dataclass
class Posting:
    """One checked file, as its section of the page shows it."""

    anchor: str
    path: str
    title: str
    kind: str
    places: list[str]
    place_rows: list[dict[str, Any]]
    jurisdictions: list[str]
    laws: list[dict[str, Any]]
    verdict: str | None
    findings: list[dict[str, Any]]
    pay: list[dict[str, Any]]
    worst: str | None

    @property
    def label(self) -> str:
        return self.title or os.path.basename(self.path)

    @property
    def notes(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["severity"] == "info"]

    @property
    def note_groups(self) -> list[dict[str, Any]]:
        """Notes by rule and message, the match cut out of the message: a few lines instead of hundreds.

        `gender-coded` alone leaves a note on every coded word (16,000 over the
        corpus); written out one by one they were three quarters of the page.
        """
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        for f in self.notes:
            message = f["message"].replace(f["match"], "…") if f["match"] else f["message"]
            group = groups.setdefault(
                (f["rule"], message), {"rule": f["rule"], "message": message, "suggestions": f["suggestions"], "at": []}
            )
            group["at"].append((f["line"], f["match"]))
        return list(groups.values())

    @property
    def problems(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["severity"] != "info"]


@dataclass
class ReportData:
    as_of: str
    config: str
    summary: dict[str, int]
    postings: list[Posting]
    laws: list[dict[str, Any]]
    places: list[dict[str, Any]]
    pay_groups: list[dict[str, Any]]
    rules: list[dict[str, Any]]
    categories: list[dict[str, Any]]
    verdicts: dict[str, int]
    study: str
    explain: dict[str, str] = field(default_factory=dict)


def build(
    report: Report,
    rules: dict | None = None,
    as_of: dt.date | None = None,
    config: str | None = None,
    study: str = "",
) -> ReportData:
    """The page's data for a lint run; `rules` (id → Rule) supplies the `explain` text."""
    postings: list[Posting] = []
    skipped = 0
    kinds: Counter[str] = Counter()
    for fr in report.files:
        profile = fr.summary.get("profile") or {}
        kind = profile.get("kind") or "unreadable"
        if kind == NOT_A_POSTING:
            skipped += 1
            continue
        kinds[kind] += 1
        postings.append(_posting(fr, profile, kind, f"posting-{len(postings) + 1}"))
    worst = Counter(p.worst for p in postings)
    summary = {
        "files": len(report.files),
        "checked": len(postings),
        "postings": kinds["posting"],
        "job_families": kinds["job-family"],
        "templates": kinds["template"],
        "unreadable": kinds["unreadable"],
        "skipped": skipped,
        "with_errors": worst["error"],
        "with_warnings": worst["warning"],
        "clean": len(postings) - worst["error"] - worst["warning"],
        **{k: v for k, v in report.counts().items() if k != "files"},
    }
    return ReportData(
        as_of=(as_of or dt.date.today()).isoformat(),
        config=config or "defaults (no configuration file)",
        summary=summary,
        postings=postings,
        laws=_laws(postings),
        places=_places(postings),
        pay_groups=_pay_groups(postings),
        rules=_rules(postings, rules or {}),
        categories=_categories(postings),
        verdicts={v: sum(1 for p in postings if p.verdict == v) for v in VERDICTS},
        study=study,
        explain={
            r: rules[r].explain_text()
            for r in sorted({f["rule"] for p in postings for f in p.findings})
            if rules and r in rules
        },
    )


def _posting(fr: FileResult, profile: dict[str, Any], kind: str, anchor: str) -> Posting:
    lines = fr.text.split("\n") if fr.text is not None else []
    findings = []
    for f in fr.findings:
        entry = f.to_json()
        entry.update(_context(lines, f.line, f.column, f.end_line, f.end_column))
        findings.append(entry)
    severities = {f["severity"] for f in findings}
    worst = next((s for s in ("error", "warning", "info") if s in severities), None)
    places = profile.get("places") or []
    return Posting(
        anchor=anchor,
        path=fr.path,
        title=profile.get("title") or "",
        kind=kind,
        places=[p["name"] for p in places],
        place_rows=places,
        jurisdictions=sorted({j for p in places for j in p["jurisdictions"]}),
        laws=list(profile.get("laws") or []),
        verdict=(fr.summary.get("gender_coding") or {}).get("verdict"),
        findings=findings,
        pay=list(fr.summary.get("pay") or []),
        worst=worst,
    )


def _context(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> dict[str, str]:
    """The finding's line cut around its match: before, match, after (the template marks the match)."""
    if not 1 <= line <= len(lines):
        return {"before": "", "marked": "", "after": ""}
    text = lines[line - 1]
    start = max(0, column - 1)
    end = end_column - 1 if end_line == line else len(text)
    end = max(start, min(end, len(text)))
    before, marked, after = text[:start], text[start:end], text[end:]
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:].lstrip()
    if len(after) > CONTEXT:
        after = after[:CONTEXT].rstrip() + "…"
    return {"before": before, "marked": marked, "after": after}


def _fails(posting: Posting, law: dict[str, Any]) -> bool:
    """A pay-transparency finding that names this law (or names none of the posting's laws) fails it."""
    messages = [f["message"] for f in posting.findings if f["rule"] == "pay-transparency"]
    if not messages:
        return False
    named = [m for m in messages if any(x["law"] in m for x in posting.laws)]
    return any(law["law"] in m for m in named) or len(named) < len(messages)


def _laws(postings: list[Posting]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for p in postings:
        for law in p.laws:
            row = rows.setdefault(law["id"], {**law, "complying": [], "failing": []})
            row["failing" if _fails(p, law) else "complying"].append(p)
    return sorted(rows.values(), key=lambda r: (-len(r["complying"]) - len(r["failing"]), r["name"]))


def _places(postings: list[Posting]) -> list[dict[str, Any]]:
    """Each jurisdiction the postings are open to: the postings, and those with a compliance finding."""
    rows: dict[str, dict[str, Any]] = {}
    for p in postings:
        flagged = any(f["category"] == "compliance" and f["severity"] != "info" for f in p.findings)
        for j in p.jurisdictions:
            row = rows.setdefault(j, {"code": j, "postings": [], "flagged": [], "laws": set(), "names": Counter()})
            row["names"].update(pl["name"] for pl in p.place_rows if j in pl["jurisdictions"])
            row["postings"].append(p)
            if flagged:
                row["flagged"].append(p)
            row["laws"].update(law["name"] for law in p.laws)
    out = sorted(rows.values(), key=lambda r: (-len(r["postings"]), r["code"]))
    for row in out:
        row["laws"] = sorted(row["laws"])
        row["names"] = [name for name, _ in row["names"].most_common(3)]
    return out


def _pay_groups(postings: list[Posting]) -> list[dict[str, Any]]:
    """Ranges by (currency, period): only like is drawn beside like. Rows sorted by folder, then title."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in postings:
        for pay in p.pay:
            if pay["kind"] != "range":
                continue
            key = (pay["currency"] or "currency not stated", pay["period"] or "period not stated")
            groups[key].append(
                {
                    "posting": p,
                    "folder": os.path.dirname(p.path) or ".",
                    "low": pay["low"],
                    "high": pay["high"],
                    "text": pay["text"],
                    "line": pay["line"],
                    "flags": _pay_flags(p, pay),
                }
            )
    out = []
    for (currency, period), rows in groups.items():
        rows.sort(key=lambda r: (r["folder"], r["posting"].label.lower(), r["low"]))
        out.append({"currency": currency, "period": period, "rows": rows})
    return sorted(out, key=lambda g: (-len(g["rows"]), g["currency"], g["period"]))


def _pay_flags(p: Posting, pay: dict[str, Any]) -> list[str]:
    flags = []
    low, high = pay["low"], pay["high"]
    if "CA-ON" in p.jurisdictions and pay["currency"] == "CAD" and pay["period"] == "year" and high - low > ONTARIO_CAP:
        flags.append("wider than Ontario's CA$50,000 limit")
    if high > low * WIDE_RATIO:
        flags.append("top more than twice the bottom")
    return flags


def _rules(postings: list[Posting], rules: dict) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for p in postings:
        seen = set()
        for f in p.findings:
            row = rows.setdefault(
                f["rule"],
                {"rule": f["rule"], "category": f["category"], "error": 0, "warning": 0, "info": 0, "postings": 0},
            )
            row[f["severity"]] += 1
            if f["rule"] not in seen:
                seen.add(f["rule"])
                row["postings"] += 1
    for row in rows.values():
        rule = rules.get(row["rule"])
        row["summary"] = rule.summary if rule is not None else ""
    return sorted(rows.values(), key=lambda r: (-r["postings"], r["rule"]))


def _categories(postings: list[Posting]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for p in postings:
        for f in p.findings:
            row = rows.setdefault(f["category"], {"category": f["category"], "error": 0, "warning": 0, "info": 0})
            row[f["severity"]] += 1
    return sorted(rows.values(), key=lambda r: r["category"])
