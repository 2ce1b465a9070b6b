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


MAX_NODES = 1_000_000  # a YAML document a repository supplies may expand to at most this many nodes


class YAMLBomb(ValueError):
    """A document whose aliases expand past `MAX_NODES` (a "billion laughs")."""


def expanded_nodes(text: str, limit: int = MAX_NODES) -> int:
    """How many nodes `text` has once every alias is expanded, counted from parser events (no values built).

    Linear in the text: each anchor's size is remembered, each alias adds it, and the
    count stops at `limit` + 1. A 3.9 KB pack of nested aliases took 82 s and 508 MB to
    construct before; it is now refused in milliseconds. Raises `yaml.YAMLError` on bad syntax."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    sizes: dict[str, int] = {}
    stack: list[list] = [[None, 0]]
    for ev in yaml.parse(text, Loader=loader):
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([ev.anchor, 1])
            continue
        if isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, size = stack.pop()
        elif isinstance(ev, yaml.ScalarEvent):
            anchor, size = ev.anchor, 1
        elif isinstance(ev, yaml.AliasEvent):
            anchor, size = None, sizes.get(ev.anchor, 1)
        else:
            continue
        if anchor is not None:
            sizes[anchor] = size
        stack[-1][1] = min(stack[-1][1] + size, limit + 1)
        if stack[-1][1] > limit:
            return limit + 1
    return stack[0][1]


def parse_untrusted_yaml(data: bytes) -> Any:
    """`parse_yaml` for a repository's YAML (packs, configuration): alias bombs refused before building."""
    text = data.decode("utf-8").removeprefix("\ufeff")
    if "*" in text and expanded_nodes(text) > MAX_NODES:
        raise YAMLBomb(f"its aliases expand to more than {MAX_NODES:,} values; write the lists out instead")
    return parse_yaml(data)
