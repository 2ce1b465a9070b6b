"""Configuration: `.jdlint.yaml` or `[tool.jdlint]` in `pyproject.toml`.

Found by walking up from the first path linted (or the current directory),
no further than the repository root (the folder holding `.git`) or the
user's home, whichever comes first (`jdlint.config.roots`).
Every key is validated against `_SCHEMA` (see `jdlint.config.schema`); an
unknown key or a wrong type is a `ConfigError` that names the file, the key
and what was expected. Rule options are checked by the engine, which knows
each rule's defaults.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdlint.config.globs import matches_any
from jdlint.config.roots import search_folders
from jdlint.config.schema import BOOLEAN, STRINGS, ConfigError, Shape, Table, check, kind, one_of, show, whole
from jdlint.data import safe_read
from jdlint.model.finding import Severity

CONFIG_NAMES = (".jdlint.yaml", ".jdlint.yml", "pyproject.toml")
SEVERITY_VALUES = ("error", "warning", "info", "off")
# YAML 1.1 reads a bare `off` (the starter file's own `culture-fit: off`) as false: false means off
_SEVERITY_LEVEL = Shape(
    "one of " + ", ".join(SEVERITY_VALUES),
    lambda v: v is False or (isinstance(v, str) and v.lower() in SEVERITY_VALUES),
    lambda v: "off" if v is False else v.lower(),
    show,
)
DOCUMENT_KINDS = ("posting", "not-a-posting", "template", "job-family")  # see jdlint.facts.kind
FAIL_ON_VALUES = ("error", "warning", "info", "never")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_CONFIG_BYTES = safe_read.MB  # a configuration file is a few KB; a device or FIFO is refused


@dataclass
class Config:
    path: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    per_path_kind: dict[str, str] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False  # honour `exclude` for paths named on the command line too (ruff's meaning)
    rule_packs: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    spacy_model: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    employer: dict[str, Any] = field(default_factory=dict)
    jurisdictions: dict[str, Any] = field(default_factory=dict)
    as_of: dt.date | None = None
    root: str = "."  # folder the config was found in; globs are relative to it
    show_info: bool = False  # list info findings one by one in text, concise and github
    server: dict[str, Any] = field(default_factory=dict)  # `jdlint server`: start (bool), idle-timeout (seconds)
    pay_figures: bool = False  # not a key: set for JSON and HTML output, which list each file's pay (files[].pay)

    def severity_for(self, rule: str) -> Severity | None:
        value = self.severity.get(rule)
        return None if value in (None, "off") else Severity.parse(value)

    def excludes(self, path: str) -> bool:
        """Whether `exclude` covers `path`, taken relative to this configuration's folder (`globs`)."""
        return matches_any(path, self.exclude, self.root)

    def option(self, rule: str, name: str, default: Any) -> Any:
        return self.rules.get(rule, {}).get(name, default)


def _date(value: Any) -> dt.date | None:
    """A date from YAML (already one) or from text as YYYY-MM-DD; None when it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


_DATE = Shape("a date as YYYY-MM-DD", lambda v: _date(v) is not None, _date, show)
_STRINGS = STRINGS.showing(kind)
# Every key, in the order they are checked; a key's name with `_` for `-` is its `Config` field.
_SCHEMA = Table(
    {
        "select": _STRINGS,  # rule ids or categories to enable
        "ignore": _STRINGS,  # rule ids or categories to disable
        "exclude": _STRINGS,  # path globs never linted
        "force-exclude": BOOLEAN.showing(show),  # exclude even files named on the command line
        "rule-packs": _STRINGS,  # paths of extra YAML rule packs
        "severity": Table(values=_SEVERITY_LEVEL),  # rule id -> level
        "fail-on": one_of(FAIL_ON_VALUES),
        "per-path-ignores": Table(values=_STRINGS),  # path glob -> rule ids
        "per-path-kind": Table(values=one_of(DOCUMENT_KINDS)),  # path glob -> document kind
        "rules": Table(values=Table()),  # rule id -> options (the engine checks them against the rule's)
        "spacy-model": Shape("a pipeline name", lambda v: v is None or isinstance(v, str), shown=kind),
        "max-file-size": Shape("a positive number of bytes", lambda v: whole(v) and v > 0, shown=show),
        "employer": Table(
            {
                "uses_aedt": BOOLEAN.showing(show),
                "uses_ai": BOOLEAN.showing(show),  # AI screens, assesses or selects applicants (Ontario, Illinois …)
                "size": Shape("a number of employees", lambda v: whole(v) and v >= 0, shown=show),
            }
        ),
        "jurisdictions": Table({"ignore": _STRINGS}),  # jurisdiction ids
        "as-of": _DATE,  # the date used when a posting has none
        "show-info": BOOLEAN.showing(show),  # list info findings one by one (text, concise, github)
        "server": Table(
            {
                "start": BOOLEAN.showing(show),  # start a warm server on first use (as --server)
                "idle-timeout": Shape("a positive number of seconds", lambda v: whole(v) and v > 0, shown=show),
            }
        ),
    },
    join=": ",
)


def from_mapping(raw: Any, source: str, root: str = ".") -> Config:
    """Validate a parsed configuration mapping (the `source` names it in errors)."""
    values = check({} if raw is None else raw, _SCHEMA, source)
    fields = {key.replace("-", "_"): value for key, value in values.items()}
    if "rule_packs" in fields:
        fields["rule_packs"] = [str(Path(root) / p) for p in fields["rule_packs"]]
    return Config(path=source, root=root, **fields)


def parse_date(value: Any, where: str) -> dt.date:
    """A date as YYYY-MM-DD (or one YAML already read as a date); else a `ConfigError` naming `where`."""
    return check(value, _DATE, where)


def load_file(path: str) -> Config:
    """Load one configuration file (YAML, or pyproject.toml's [tool.jdlint])."""
    p = Path(path)
    root = os.path.abspath(p.parent)  # globs are matched relative to it from any working directory
    try:
        raw_text = safe_read.read_bytes(p, MAX_CONFIG_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc})") from None
    if p.name == "pyproject.toml":
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            doc = tomllib.loads(raw_text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        return from_mapping(doc.get("tool", {}).get("jdlint", {}), f"{path} [tool.jdlint]", root)
    import yaml  # only when a YAML configuration exists

    try:
        raw = yaml.safe_load(raw_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise ConfigError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (ValueError, RecursionError) as exc:  # YAML reads 2025-02-29 as a date, and there is none
        raise ConfigError(f"{path}: not valid YAML: {_value_problem(exc)}") from None
    return from_mapping(raw, path, root)


def _value_problem(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return f"{exc} (an impossible date? write dates as YYYY-MM-DD, and quote text that looks like one)"


def find_config(start: str | None) -> str | None:
    """The nearest configuration file at or above `start`, up to the repository root or home (`roots`)."""
    here = Path(start or ".").resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in search_folders(here):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and "[tool.jdlint" not in _peek(candidate):
                    continue
                return str(candidate)
    return None


def _peek(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def resolve(explicit: str | None, first_path: str | None) -> Config:
    """The configuration for a run: `--config FILE`, else the nearest one, else defaults."""
    if explicit:
        if not os.path.isfile(explicit):
            raise ConfigError(f"{explicit}: configuration file not found")
        return load_file(explicit)
    found = find_config(first_path)
    return load_file(found) if found else Config()


STARTER = """\
# jdlint configuration: https://github.com/jdlint/jdlint#configuration
# Every key is optional; delete what you do not need.

# Rules or categories (bias, compliance, structure, requirements) to run.
# select: [bias, compliance]
# ignore: [gender-coded]

# Per-rule severity: error, warning, info or off.
# severity:
#   eeo-statement: warning
#   culture-fit: off

# Exit with 1 when a finding is at least this severe (error|warning|info|never).
fail-on: warning

# List info findings (gender-coded words…) one by one in the text, concise and
# github formats, instead of one line per file (the --show-info option).
# show-info: false

# Start a warm `jdlint server` on first use and keep it this many idle seconds
# (the --server option; see the README, A warm server).
# server: {start: true, idle-timeout: 900}

# Rules to skip for some paths (globs are relative to this file).
# per-path-ignores:
#   "archive/**": [pay-transparency]

# What a file is, by path, when jdlint cannot tell by itself: posting,
# not-a-posting (no disclosure findings), template (no placeholder findings
# either) or job-family. A file's own front matter `jdlint: {kind: ...}` wins.
# per-path-kind:
#   "docs/**": not-a-posting
#   "templates/**": template

# Paths never linted (globs relative to this file). A file named on the
# command line is linted anyway unless force-exclude is true (pre-commit's
# hook turns it on: it names every file it checks).
# exclude: ["drafts/**"]
# force-exclude: true

# Extra YAML rule packs (see README, "Writing rules").
# rule-packs: [jdlint/company-terms.yaml]

# Rule options.
# rules:
#   requirement-overload:
#     max-items: 12

# Facts about the employer used by the compliance rules.
# employer:
#   uses_aedt: false   # true: postings open to NYC must carry the LL 144 notice
#   uses_ai: false     # whether AI screens, assesses or selects applicants (Ontario postings must say)
#   size: 250          # employees; laws with a higher threshold do not apply

# jurisdictions:
#   ignore: []         # jurisdiction ids from `rules/shared/jurisdictions.yaml`
"""
