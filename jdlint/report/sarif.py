"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

The driver lists every rule with its documentation, so a dashboard can show
why a finding matters without jdlint installed. Locations are relative URIs
under the `%SRCROOT%` base (the repository's top folder, found by walking up
to `.git`; outside a repository, the directory jdlint ran in), columns count
Unicode code points (`columnKind`), and each result carries the same
fingerprint a baseline uses, so uploading twice does not duplicate alerts.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO
from urllib.parse import quote

from jdlint.config.roots import repository_root
from jdlint.model.finding import Finding, Severity
from jdlint.model.results import FileResult, Report, Tally
from jdlint.model.rule import Rule
from jdlint.report import links
from jdlint.run import fingerprint
from jdlint.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE_ID = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "jdlintFinding/v1"


def artifact_location(path: str, root: Path) -> dict:
    """A relative URI under %SRCROOT% when the file lies below `root`, else an absolute file URI.

    Relative paths are taken from the working directory, so a run from a
    subfolder names a file the same way as a run from the top.
    """
    if path == "-" or path.startswith("<"):  # standard input without --stdin-filename: no file to point at
        return {"uri": quote(_raw(path)), "uriBaseId": BASE_ID}
    p = Path(os.path.abspath(path))
    try:
        rel = p.relative_to(root)
    except ValueError:
        try:
            rel = p.resolve().relative_to(root)
        except ValueError:
            return {"uri": "file://" + quote(_raw(p.as_posix()))}
    return {"uri": quote(_raw(rel.as_posix())), "uriBaseId": BASE_ID}


def _raw(name: str) -> bytes:
    """A file name's bytes: a name that is not UTF-8 is percent-encoded byte for byte (RFC 3986)."""
    return name.encode("utf-8", "surrogateescape")


def source_root() -> Path:
    """%SRCROOT%: the repository's top folder (where `.git` is) when run inside one, else the working directory."""
    return (repository_root(os.getcwd()) or Path(os.getcwd())).resolve()


def rule_descriptor(rule: Rule) -> dict:
    full = rule.explain.strip() or rule.summary
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": rule.explain_text()},
        "helpUri": links.rule_url(rule.id),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category], "fixable": rule.fixable},
    }


def result(f: Finding, location: dict, index: int | None, text: str | None) -> dict:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if f.match:
        region["snippet"] = {"text": f.match}
    out: dict = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint.key(location["uri"], f, text)},
    }
    if index is not None:
        out["ruleIndex"] = index
    if f.suggestions:
        out["properties"] = {"suggestions": list(f.suggestions)}
    return out


def to_dict(report: Report, rules: dict[str, Rule] | None = None, root: str | None = None) -> dict:
    base = Path(root).resolve() if root else source_root()
    catalog = sorted((rules or {}).values(), key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(catalog)}
    results = []
    for fr in report.files:
        location = artifact_location(fr.path, base)
        for f in fr.findings:
            results.append(result(f, location, index.get(f.rule), fr.text))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "jdlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": links.HOME,
                        "rules": [rule_descriptor(r) for r in catalog],
                    }
                },
                "originalUriBaseIds": {
                    BASE_ID: {
                        "uri": base.as_uri().rstrip("/") + "/",
                        "description": {"text": "The repository's top folder (or where jdlint ran, outside one)."},
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


_HOLE = "\0results\0"  # where the results go in the document written around them


class Writer:
    """The document, each result written as its file's result arrives: memory flat in the number of files.

    Everything but `results` is known before the first file (the rule catalog, the base URI), and
    `results` is the run's last member, so the document is written around it. Each result is
    encoded on its own and indented to its depth: the bytes are those `json.dump(indent=2)` of the
    whole document gives (a JSON string never holds a raw line break).
    """

    INDENT = "\n        "  # results sit at depth 4 (document, runs, run, results)

    def __init__(self, out: IO[str], rules: dict[str, Rule] | None = None, root: str | None = None, **_options):
        self.out = out
        self.tally = Tally()
        doc = to_dict(Report(), rules, root)
        self.base = Path(root).resolve() if root else source_root()
        self.index = {r.id: i for i, r in enumerate(sorted((rules or {}).values(), key=lambda r: r.id))}
        doc["runs"][0]["results"] = _HOLE
        text = json.dumps(doc, ensure_ascii=False, indent=2)
        hole = json.dumps(_HOLE)
        self.head, self.tail = text[: text.index(hole)], text[text.index(hole) + len(hole) :]
        self.sep = "[" + self.INDENT
        out.write(self.head)

    def add(self, fr: FileResult) -> None:
        self.tally.add(fr)
        if not fr.findings:
            return
        location = artifact_location(fr.path, self.base)
        for f in fr.findings:
            entry = json.dumps(result(f, location, self.index.get(f.rule), fr.text), ensure_ascii=False, indent=2)
            self.out.write(self.sep + entry.replace("\n", self.INDENT))
            self.sep = "," + self.INDENT

    def close(self) -> None:
        self.out.write("[]" if self.sep.startswith("[") else "\n      ]")
        self.out.write(self.tail + "\n")


def render(report: Report, out: IO[str], rules: dict[str, Rule] | None = None, **_options) -> None:
    """The whole report at once (the API; the CLI streams through `Writer`)."""
    writer = Writer(out, rules)
    for fr in report.files:
        writer.add(fr)
    writer.close()
