"""One typed store per posting for the facts computed about it (modelled on pytest's `Stash`).

Several rules ask the same question of a posting (its lower-cased text, its
requirement lists, its statements). Each answer is computed once, on first
ask, and kept here under a `StoreKey` that the computing module owns, so
no module reaches into another's state and a type checker knows each
value's type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")


class StoreKey(Generic[T]):
    """A key of the store; its type parameter is the type of the value kept under it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"StoreKey({self.name!r})"


class Store:
    """Facts about one posting, each under its own typed key."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[StoreKey[Any], Any] = {}

    def __getitem__(self, key: StoreKey[T]) -> T:
        return cast(T, self._values[key])

    def __setitem__(self, key: StoreKey[T], value: T) -> None:
        self._values[key] = value

    def __contains__(self, key: StoreKey[Any]) -> bool:
        return key in self._values

    def get(self, key: StoreKey[T], default: T | None = None) -> T | None:
        return cast("T | None", self._values.get(key, default))

    def setdefault(self, key: StoreKey[T], default: T) -> T:
        return cast(T, self._values.setdefault(key, default))

    def compute(self, key: StoreKey[T], make: Callable[[], T]) -> T:
        """The value under `key`, made by `make()` on first ask."""
        values = self._values
        if key in values:
            return cast(T, values[key])
        value = values[key] = make()
        return value
