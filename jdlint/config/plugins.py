"""Plugins' set-up hooks, called one plugin at a time: a failure is a `ConfigError` naming the plugin (exit 2)."""

from __future__ import annotations

from typing import Any

from jdlint.config.schema import ConfigError


def call_each(hook: Any, what: str, expected: str | None, **kwargs: Any) -> list[tuple[str, Any]]:
    """Call each plugin's implementation of a set-up hook on its own, so a failure names the plugin.

    Returns (plugin name, result) pairs, in pluggy's calling order; a result must be a
    list or tuple when `expected` is given. A `ConfigError` a plugin raises is already
    worded for the user (a bad rule pack names its file and key) and passes unchanged.
    """
    out = []
    for impl in reversed(hook.get_hookimpls()):
        try:
            result = impl.function(*[kwargs[a] for a in impl.argnames])
        except ConfigError:
            raise
        except Exception as exc:
            raise ConfigError(f"plugin {impl.plugin_name!r} failed in {what}: {type(exc).__name__}: {exc}") from None
        if expected is not None:
            if result is None:
                result = []
            if not isinstance(result, (list, tuple)):
                raise ConfigError(
                    f"plugin {impl.plugin_name!r}: {what} returned {type(result).__name__}, expected {expected}"
                )
        out.append((impl.plugin_name, result))
    return out
