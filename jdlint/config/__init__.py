"""Configuration: `.jdlint.yaml` / `[tool.jdlint]`, found, read and validated (`loader`); path globs (`globs`)."""

from jdlint.config.loader import (
    CONFIG_NAMES,
    DEFAULT_MAX_FILE_SIZE,
    FAIL_ON_VALUES,
    SEVERITY_VALUES,
    STARTER,
    Config,
    ConfigError,
    find_config,
    from_mapping,
    load_file,
    parse_date,
    resolve,
    show,
)

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_MAX_FILE_SIZE",
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
