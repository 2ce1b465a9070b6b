"""The one owner of engines in a process: the CLI, the worker processes and the language server ask here.

Building an engine loads every plugin and pack (and, on first lint, spaCy), so
each process keeps the engines it built: one per configuration object for
`lint_text`/`lint_paths`, one per configuration file for the language server
(rebuilt when that file changes).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from jdlint.config import Config, ConfigError, find_config, load_file

if TYPE_CHECKING:
    from jdlint.engine import Engine, EngineSpec

_by_config: dict[int | None, Engine] = {}


def build(spec: EngineSpec) -> Engine:
    """A new engine from its recipe (configuration, plugins on or off, then each --select/--ignore)."""
    from jdlint.engine.core import Engine

    engine = Engine(spec.config, spec.load_entry_points)
    for select, ignore in spec.restricts:
        engine.restrict(list(select) or None, list(ignore) or None)
    return engine


def get_engine(config: Config | None = None) -> Engine:
    """The engine for `config`, built once per process (the last one is kept)."""
    from jdlint.engine.core import Engine

    key = id(config) if config is not None else None
    engine = _by_config.get(key)
    if engine is None or (config is not None and engine.config is not config):
        engine = Engine(config)
        _by_config.clear()
        _by_config[key] = engine
    return engine


def engine_for(spec: EngineSpec) -> Engine:
    """The engine a spec describes: the kept one for its configuration when nothing is restricted."""
    if spec.restricts or not spec.load_entry_points:
        return build(spec)
    return get_engine(spec.config)


class PerConfigFile:
    """Engines kept loaded, one per configuration file, reloaded when that file changes (the language server)."""

    def __init__(self) -> None:
        self._engines: dict[str | None, tuple[float, Engine]] = {}
        self.last_error: str | None = None

    def engine_for(self, path: str | None) -> Engine:
        """The engine of the configuration that applies to `path` (the nearest config file above it)."""
        from jdlint.engine.core import Engine

        config_path = find_config(os.path.dirname(path)) if path else None
        try:
            mtime = os.stat(config_path).st_mtime if config_path else 0.0
        except OSError:
            mtime = 0.0
        cached = self._engines.get(config_path)
        if cached and cached[0] == mtime:
            return cached[1]
        try:
            engine = Engine(load_file(config_path) if config_path else Config())
            self.last_error = None
        except ConfigError as exc:  # a broken config must not kill the editor session
            self.last_error = f"jdlint: {exc}; using the default configuration"
            engine = self._engines.get(None, (0.0, None))[1] or Engine(Config())
        self._engines[config_path] = (mtime, engine)
        return engine
