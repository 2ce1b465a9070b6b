"""Finds and loads jdlint's bundled data files (the top-level `rules/`).

In a source checkout or editable install the files are read from the
repository's `rules/`; a wheel carries the same folder as `jdlint/_rules`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent  # jdlint/


@cache
def rules_dir() -> Path:
    for candidate in (_PACKAGE / "_rules", _PACKAGE.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("jdlint's bundled rules/ folder is missing from this installation")


@cache
def load(name: str) -> Any:
    """Parse one bundled YAML data file, once per process (and once per content, see `yaml_cache`)."""
    from jdlint.data import yaml_cache

    with open(rules_dir() / name, "rb") as fh:
        return yaml_cache.load(fh.read(), parse_yaml)


def parse_yaml(data: bytes) -> Any:
    """YAML's safe subset of UTF-8 bytes (a leading BOM ignored), with libyaml when installed (~15x faster)."""
    import yaml  # not at import time: a run answered from the result cache never needs it

    text = data.decode("utf-8").removeprefix("\ufeff")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
