"""The stable JSON shape of DESIGN.md (`version: 1`)."""

from __future__ import annotations

import json
from typing import IO

from jdlint.model.results import FileResult, Report, Tally
from jdlint.report import statistics as stats
from jdlint.report.spool import Spool


class Writer:
    """The document, one finding or file entry per line, written as results arrive.

    `json.dump(indent=2)` runs the pure-Python encoder (its C encoder has no
    indentation) and took ~0.4 s for the corpus's 18,000 findings; each entry
    is encoded by the C encoder instead and only the outer layout is ours.
    Findings are written as each file's result arrives; the `files` entries,
    which come after every finding, wait in a spool (`report.spool`), and the
    summary is made from counts. So the report's memory does not grow with the
    number of files.
    """

    def __init__(self, out: IO[str], statistics: bool = False, **_options) -> None:
        self.out, self.statistics = out, statistics
        self.encode = json.JSONEncoder(ensure_ascii=False).encode
        self.tally = Tally()
        self.files = Spool()
        self.sep = "\n    "
        if not statistics:
            out.write("{\n" + '  "version": 1,\n' + '  "findings": [')

    def add(self, fr: FileResult) -> None:
        self.tally.add(fr)
        if self.statistics:
            return
        out, encode = self.out, self.encode
        for f in fr.findings:
            out.write(self.sep)
            out.write(encode(f.to_json()))
            self.sep = ",\n    "
        self.files.write((",\n    " if not self.files.empty else "\n    ") + encode(fr.to_json()))

    def close(self) -> None:
        out = self.out
        if self.statistics:
            render_statistics(self.tally, out)
            return
        out.write("\n  ],\n" if self.sep != "\n    " else "],\n")
        out.write('  "files": [')
        had_files = not self.files.empty
        self.files.copy_to(out)
        out.write("\n  ],\n" if had_files else "],\n")
        out.write(f'  "summary": {self.encode(self.tally.counts())}\n}}\n')


def render(report: Report, out: IO[str], **options) -> None:
    """The whole report at once (the API; the CLI streams through `Writer`)."""
    writer = Writer(out, **options)
    for fr in report.files:
        writer.add(fr)
    writer.close()


def render_statistics(source: Report | Tally, out: IO[str]) -> None:
    """`--statistics`: `{"version": 1, "statistics": [{rule, category, severity, count, fixable, files}], "summary"}`.

    One entry per rule and severity, most findings first (README, "Output formats").
    """
    tally = source if isinstance(source, Tally) else Tally.of(source)
    doc = {
        "version": 1,
        "statistics": [row.to_json() for row in stats.rows(tally)],
        "summary": tally.counts(),
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
