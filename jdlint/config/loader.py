"""Configuration: `.jdlint.yaml` or `[tool.jdlint]` in `pyproject.toml`.

Found by walking up from the first path linted (or the current directory).
Every key is validated; an unknown key or a wrong type is a `ConfigError`
that names the file, the key and what was expected.
"""

from __future__ import annotations

import datetime as dt
import os
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdlint.model.finding import Severity

CONFIG_NAMES = (".jdlint.yaml", ".jdlint.yml", "pyproject.toml")
SEVERITY_VALUES = ("error", "warning", "info", "off")
FAIL_ON_VALUES = ("error", "warning", "info", "never")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


class ConfigError(ValueError):
    """A configuration problem; str() is one line naming file and key."""


@dataclass
class Config:
    path: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    rule_packs: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    spacy_model: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    employer: dict[str, Any] = field(default_factory=dict)
    jurisdictions: dict[str, Any] = field(default_factory=dict)
    as_of: dt.date | None = None
    root: str = "."  # folder the config was found in; globs are relative to it

    def severity_for(self, rule: str) -> Severity | None:
        value = self.severity.get(rule)
        return None if value in (None, "off") else Severity.parse(value)

    def option(self, rule: str, name: str, default: Any) -> Any:
        return self.rules.get(rule, {}).get(name, default)


_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 60
_repr.maxlevel = 2
_repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 4


def show(value: Any) -> str:
    """A short repr for error messages; bounded even for a YAML alias bomb (a plain repr would expand it)."""
    return _repr.repr(value)


def _list_of_str(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {_typename(value)}")
    return list(value)


def _typename(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


def _mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping, got {_typename(value)}")
    return value


def _keys(value: dict, allowed: dict[str, str], where: str) -> None:
    for key in value:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise ConfigError(f"{where}: unknown key {key!r} (known keys: {known})")


_TOP = {
    "select": "rule ids or categories to enable",
    "ignore": "rule ids or categories to disable",
    "severity": "rule id -> error|warning|info|off",
    "fail-on": "error|warning|info|never",
    "per-path-ignores": "path glob -> rule ids",
    "exclude": "path globs never linted",
    "rule-packs": "paths of extra YAML rule packs",
    "rules": "rule id -> options",
    "spacy-model": "name of an installed spaCy pipeline",
    "max-file-size": "bytes; larger files get file-too-large",
    "employer": "uses_aedt, size",
    "jurisdictions": "ignore: list of jurisdiction ids",
    "as-of": "YYYY-MM-DD date used when a posting has none",
}
_EMPLOYER = {"uses_aedt": "boolean", "size": "number of employees"}
_JURIS = {"ignore": "list of jurisdiction ids"}


def from_mapping(raw: Any, source: str, root: str = ".") -> Config:
    """Validate a parsed configuration mapping (the `source` names it in errors)."""
    if raw is None:
        raw = {}
    raw = _mapping(raw, source)
    _keys(raw, _TOP, source)
    cfg = Config(path=source, root=root)
    if "select" in raw:
        cfg.select = _list_of_str(raw["select"], f"{source}: select")
    if "ignore" in raw:
        cfg.ignore = _list_of_str(raw["ignore"], f"{source}: ignore")
    if "exclude" in raw:
        cfg.exclude = _list_of_str(raw["exclude"], f"{source}: exclude")
    if "rule-packs" in raw:
        base = Path(root)
        cfg.rule_packs = [str(base / p) for p in _list_of_str(raw["rule-packs"], f"{source}: rule-packs")]
    if "severity" in raw:
        for rule, level in _mapping(raw["severity"], f"{source}: severity").items():
            if not isinstance(level, str) or level.lower() not in SEVERITY_VALUES:
                raise ConfigError(
                    f"{source}: severity.{rule}: expected one of {', '.join(SEVERITY_VALUES)}, got {show(level)}"
                )
            cfg.severity[str(rule)] = level.lower()
    if "fail-on" in raw:
        value = raw["fail-on"]
        if not isinstance(value, str) or value.lower() not in FAIL_ON_VALUES:
            raise ConfigError(f"{source}: fail-on: expected one of {', '.join(FAIL_ON_VALUES)}, got {show(value)}")
        cfg.fail_on = value.lower()
    if "per-path-ignores" in raw:
        for glob, rules in _mapping(raw["per-path-ignores"], f"{source}: per-path-ignores").items():
            cfg.per_path_ignores[str(glob)] = _list_of_str(rules, f"{source}: per-path-ignores.{glob}")
    if "rules" in raw:
        for rule, opts in _mapping(raw["rules"], f"{source}: rules").items():
            cfg.rules[str(rule)] = dict(_mapping(opts, f"{source}: rules.{rule}"))
    if "spacy-model" in raw:
        value = raw["spacy-model"]
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{source}: spacy-model: expected a pipeline name, got {_typename(value)}")
        cfg.spacy_model = value
    if "max-file-size" in raw:
        value = raw["max-file-size"]
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ConfigError(f"{source}: max-file-size: expected a positive number of bytes, got {show(value)}")
        cfg.max_file_size = value
    if "employer" in raw:
        emp = _mapping(raw["employer"], f"{source}: employer")
        _keys(emp, _EMPLOYER, f"{source}: employer")
        if "uses_aedt" in emp and not isinstance(emp["uses_aedt"], bool):
            raise ConfigError(f"{source}: employer.uses_aedt: expected true or false, got {show(emp['uses_aedt'])}")
        if "size" in emp and (isinstance(emp["size"], bool) or not isinstance(emp["size"], int) or emp["size"] < 0):
            raise ConfigError(f"{source}: employer.size: expected a number of employees, got {show(emp['size'])}")
        cfg.employer = dict(emp)
    if "jurisdictions" in raw:
        jur = _mapping(raw["jurisdictions"], f"{source}: jurisdictions")
        _keys(jur, _JURIS, f"{source}: jurisdictions")
        if "ignore" in jur:
            jur = {"ignore": _list_of_str(jur["ignore"], f"{source}: jurisdictions.ignore")}
        cfg.jurisdictions = dict(jur)
    if "as-of" in raw:
        cfg.as_of = parse_date(raw["as-of"], f"{source}: as-of")
    return cfg


def parse_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        if not isinstance(value, str):
            raise ValueError
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{where}: expected a date as YYYY-MM-DD, got {show(value)}") from None


def load_file(path: str) -> Config:
    """Load one configuration file (YAML, or pyproject.toml's [tool.jdlint])."""
    p = Path(path)
    root = str(p.parent)
    try:
        raw_text = p.read_text(encoding="utf-8")
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
    return from_mapping(raw, path, root)


def find_config(start: str | None) -> str | None:
    """The nearest configuration file at or above `start`."""
    here = Path(start or ".").resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
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

# Rules to skip for some paths (globs are relative to this file).
# per-path-ignores:
#   "archive/**": [pay-transparency]

# Paths never linted.
# exclude: ["drafts/**"]

# Extra YAML rule packs (see README, "Writing rules").
# rule-packs: [jdlint/company-terms.yaml]

# Rule options.
# rules:
#   requirement-overload:
#     max-items: 12

# Facts about the employer used by the compliance rules.
# employer:
#   uses_aedt: false   # true: postings open to NYC must carry the LL 144 notice
#   size: 250          # employees; laws with a higher threshold do not apply

# jurisdictions:
#   ignore: []         # jurisdiction ids from `rules/shared/jurisdictions.yaml`
"""
