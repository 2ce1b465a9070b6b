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
from jdlint.model.results import Report
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


def render(report: Report, out: IO[str], rules: dict[str, Rule] | None = None, **_options) -> None:
    json.dump(to_dict(report, rules), out, ensure_ascii=False, indent=2)
    out.write("\n")
