"""The stable JSON shape of DESIGN.md (`version: 1`)."""

from __future__ import annotations

import json
from typing import IO

from jdlint.model.results import Report
from jdlint.report import statistics as stats


def render(report: Report, out: IO[str], statistics: bool = False, **_options) -> None:
    """The document, one finding or file entry per line, written as it is encoded.

    `json.dump(indent=2)` runs the pure-Python encoder (its C encoder has no
    indentation) and took ~0.4 s for the corpus's 18,000 findings; each entry
    is encoded by the C encoder instead and only the outer layout is ours.
    Entries are written one by one, so the whole document is never held in
    memory twice over.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    if statistics:
        render_statistics(report, out)
        return
    out.write("{\n" + '  "version": 1,\n')
    for key, entries in (
        ("findings", (f.to_json() for fr in report.files for f in fr.findings)),
        ("files", (fr.to_json() for fr in report.files)),
    ):
        out.write(f'  "{key}": [')
        sep = "\n    "
        for entry in entries:
            out.write(sep)
            out.write(encode(entry))
            sep = ",\n    "
        out.write("\n  ],\n" if sep != "\n    " else "],\n")
    out.write(f'  "summary": {encode(report.counts())}\n}}\n')


def render_statistics(report: Report, out: IO[str]) -> None:
    """`--statistics`: `{"version": 1, "statistics": [{rule, category, severity, count, fixable, files}], "summary"}`.

    One entry per rule and severity, most findings first (README, "Output formats").
    """
    doc = {
        "version": 1,
        "statistics": [row.to_json() for row in stats.rows(report)],
        "summary": report.counts(),
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
