"""Configuration: `.jdlint.yaml` / `[tool.jdlint]`, found and read (`loader`), validated (`schema`); path globs
(`globs`); plugins' set-up hooks, whose failures are configuration errors (`plugins`)."""

from jdlint.config.loader import (
    CONFIG_NAMES,
    DEFAULT_MAX_FILE_SIZE,
    DOCUMENT_KINDS,
    FAIL_ON_VALUES,
    SEVERITY_VALUES,
    STARTER,
    Config,
    find_config,
    from_mapping,
    load_file,
    parse_date,
    resolve,
)
from jdlint.config.schema import ConfigError, show

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_MAX_FILE_SIZE",
    "DOCUMENT_KINDS",
    "FAIL_ON_VALUES",
    "SEVERITY_VALUES",
    "STARTER",
    "Config",
    "ConfigError",
    "find_config",
    "from_mapping",
    "load_file",
    "parse_date",
    "resolve",
    "show",
]
