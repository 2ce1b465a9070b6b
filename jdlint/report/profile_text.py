"""`jdlint profile`: each file's posting profile, as people read it or as JSON."""

from __future__ import annotations

import json
from typing import IO

from jdlint.model.results import Report

_WIDTH = 10


def render_profiles(report: Report, out: IO[str], fmt: str = "text") -> None:
    """One block per file (text), or a JSON list of {path, profile | error}."""
    if fmt == "json":
        entries = [_entry(fr) for fr in report.files]
        json.dump(entries, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for n, fr in enumerate(report.files):
        if n:
            out.write("\n")
        out.write(f"{fr.path}\n")
        profile = fr.summary.get("profile")
        if profile is None:
            reason = fr.findings[0].message if fr.findings else "no profile"
            out.write(f"  {'error':<{_WIDTH}}{reason}\n")
            continue
        for label, value in _lines(profile):
            out.write(f"  {label:<{_WIDTH}}{value}\n")


def _entry(fr) -> dict:
    profile = fr.summary.get("profile")
    if profile is None:
        return {"path": fr.path, "error": fr.findings[0].message if fr.findings else "no profile"}
    return {"path": fr.path, "profile": profile}


def _lines(p: dict) -> list[tuple[str, str]]:
    title = p.get("title") or "(none)"
    if p.get("title_line"):
        title += f" (line {p['title_line']})"
    rows = [
        ("kind", f"{p['kind']} ({p['kind_reason']})"),
        ("title", title),
        ("language", p["language"] if p["language"] != "und" else "undetermined"),
        ("sector", f"{p['sector']} ({p.get('sector_evidence', '')})" if p.get("sector") else "not said"),
        ("date", p["date"]),
    ]
    places = p.get("places") or []
    if not places:
        rows.append(("places", "none found"))
    for i, pl in enumerate(places):
        where = ", ".join(pl["jurisdictions"]) or "no jurisdiction"
        remote = "remote, " if pl.get("remote") else ""
        evidence = f"{remote}{pl['evidence']}, line {pl['line']}"
        rows.append(("places" if i == 0 else "", f"{pl['name']} → {where} ({evidence})"))
    laws = p.get("laws") or []
    for i, law in enumerate(laws):
        rows.append(("laws" if i == 0 else "", f"{law['name']}: {law['law']} (since {law['effective']})"))
    if places and not laws:
        rows.append(("laws", "no pay-transparency law in force there at this date"))
    return rows
