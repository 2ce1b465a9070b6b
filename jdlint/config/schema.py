"""Declarative checks for what users write: the configuration, rule options and rule packs.

A `Shape` describes one value: a test, the words the error uses for what was
expected, the value to keep once it passed (a lone string becomes a list, a
level is lower-cased) and how the error shows a wrong value, if it does. A
`Table` describes a mapping: its known keys and their descriptions, or one
description for every value. `check` walks a value against a description and
raises one `ConfigError`: ``<where>: expected <what>[, got <value>]``.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, NoReturn


class ConfigError(ValueError):
    """A configuration problem (exit 2); str() is one line naming file and key."""


_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 60
_repr.maxlevel = 2
_repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 4


def show(value: Any) -> str:
    """A short repr for error messages; bounded even for a YAML alias bomb (a plain repr would expand it)."""
    return _repr.repr(value)


def kind(value: Any) -> str:
    """What sort of YAML value this is, in words ("a mapping", "a number", …)."""
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


def expect(ok: Any, where: str, expected: str) -> None:
    """Raise ``<where>: expected <expected>`` unless `ok`: the error every check raises."""
    if not ok:
        _fail(None, expected, None, where)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Shape:
    """One value: what it must pass, what the error calls it, what is kept."""

    expected: str  # the words after "expected" in the error
    test: Callable[[Any], Any]
    keep: Callable[[Any], Any] = _same
    shown: Callable[[Any], str] | None = None  # how the error shows a wrong value; None: it does not

    def showing(self, shown: Callable[[Any], str]) -> Shape:
        return replace(self, shown=shown)


@dataclass(frozen=True)
class Table:
    """A mapping: known keys and their descriptions (`fields`; None: any value), or one for every value."""

    fields: Mapping[str, Description | None] | None = None  # None: any key
    values: Description | None = None  # for every value when `fields` is None
    # the error for a key not in `fields`, from the mapping's `where`, the `key` and the `known` keys
    unknown: str = "{where}: unknown key {key!r} (known keys: {known})"
    join: str = "."  # between the mapping's `where` and a key: the top of a file uses ": "
    expected: str = "a mapping"
    shown: Callable[[Any], str] | None = kind


Description = Shape | Table


def check(value: Any, description: Description, where: str) -> Any:
    """The value to use, once it matches `description`; else a `ConfigError` naming `where`."""
    if isinstance(description, Shape):
        if not description.test(value):
            _fail(value, description.expected, description.shown, where)
        return description.keep(value)
    if not isinstance(value, dict):
        _fail(value, description.expected, description.shown, where)
    fields = description.fields
    if fields is None:
        inner = description.values
        if inner is None:
            return dict(value)
        return {str(k): check(v, inner, f"{where}{description.join}{k}") for k, v in value.items()}
    for key in value:
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(description.unknown.format(where=where, key=key, known=known))
    out = {}
    for key, inner in fields.items():  # in the description's order, so the first error is always the same one
        if key in value:
            out[key] = value[key] if inner is None else check(value[key], inner, f"{where}{description.join}{key}")
    return out


def _fail(value: Any, expected: str, shown: Callable[[Any], str] | None, where: str) -> NoReturn:
    got = f", got {shown(value)}" if shown is not None else ""
    raise ConfigError(f"{where}: expected {expected}{got}")


# -- descriptions shared by the configuration, rule options and packs --------------------------------


def _is_strings(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


STRINGS = Shape("a list of strings", _is_strings, _as_list)  # a lone string is a list of one
TEXT = Shape("a string", lambda v: isinstance(v, str))
BOOLEAN = Shape("true or false", lambda v: isinstance(v, bool))


def whole(value: Any) -> bool:
    """An int that is not a bool (YAML's `true` is an int to Python)."""
    return isinstance(value, int) and not isinstance(value, bool)


def one_of(values: tuple[str, ...]) -> Shape:
    """One of `values`, in any case; kept lower-case."""
    return Shape(
        "one of " + ", ".join(values),
        lambda v: isinstance(v, str) and v.lower() in values,
        str.lower,
        show,
    )


def like(default: Any) -> Shape:
    """A value of the type of `default` (a rule option's); a bool only where the default is one."""
    want = type(default)
    return Shape(
        want.__name__,
        lambda v: (default is None or isinstance(v, want)) and isinstance(v, bool) == isinstance(default, bool),
        shown=show,
    )
