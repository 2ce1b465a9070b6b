"""The stable JSON shape of DESIGN.md (`version: 1`)."""

from __future__ import annotations

import json
from typing import IO

from jdlint.results import Report


def to_dict(report: Report) -> dict:
    return {
        "version": 1,
        "findings": [f.to_json() for f in report.findings],
        "files": [fr.to_json() for fr in report.files],
        "summary": report.counts(),
    }


def render(report: Report, out: IO[str], **_options) -> None:
    json.dump(to_dict(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
