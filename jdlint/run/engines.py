"""The one owner of engines in a process: the CLI, the worker processes and the language server ask here.

Building an engine loads every plugin and pack (and, on first lint, spaCy), so
each process keeps the engines it built: one per configuration object for
`lint_text`/`lint_paths`, one per configuration file for the language server
(rebuilt when that file changes). The warm server (`jdlint.server`) also keeps
engines by recipe (`recipe_key`): its forked children start with them built,
and tell it which recipes they had to build themselves (`missed`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from jdlint.config import Config, ConfigError, find_config, load_file

if TYPE_CHECKING:
    from jdlint.engine import Engine, EngineSpec

_by_config: dict[int | None, tuple[Config | None, Engine]] = {}
_warm: dict[str, Engine] | None = None  # the server's engines by recipe; None outside the server
missed: list[EngineSpec] = []  # recipes a server child asked for and had to build


def keep_warm() -> None:
    """Look engines up by recipe from now on (the server, before it forks its children)."""
    global _warm
    if _warm is None:
        _warm = {}


def recipe_key(spec: EngineSpec) -> str:
    """What an engine is built from, as a digest: the configuration, the bytes of its rule packs, the restrictions.

    The code, the bundled data and the plugins are the same for every engine of a process (the server exits
    when they change), so they are not part of it."""
    import dataclasses
    import hashlib
    import json

    from jdlint.run.cache import file_digest

    payload = {
        "config": dataclasses.asdict(spec.config),
        "packs": [file_digest(p) for p in spec.config.rule_packs],
        "plugins": spec.load_entry_points,
        "restricts": spec.restricts,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def warm(spec: EngineSpec, keep: int = 0) -> Engine:
    """Build and keep the engine for `spec` (the server, between requests); at most `keep` (0: no limit)."""
    keep_warm()
    assert _warm is not None
    key = recipe_key(spec)
    engine = _warm.get(key) or _build(spec)
    _warm.pop(key, None)
    _warm[key] = engine  # the newest last: the first goes when there are too many
    while keep and len(_warm) > keep:
        del _warm[next(iter(_warm))]
    return engine


def kept() -> list[Engine]:
    """The engines kept by recipe (the server's)."""
    return list((_warm or {}).values())


def _kept(spec: EngineSpec) -> Engine | None:
    if _warm is None:
        return None
    engine = _warm.get(recipe_key(spec))
    if engine is None:
        missed.append(spec)
    return engine


def build(spec: EngineSpec) -> Engine:
    """A new engine from its recipe (configuration, plugins on or off, then each --select/--ignore)."""
    return _kept(spec) or _build(spec)


def _build(spec: EngineSpec) -> Engine:
    from jdlint.engine.core import Engine

    engine = Engine(spec.config, spec.load_entry_points)
    for select, ignore in spec.restricts:
        engine.restrict(list(select) or None, list(ignore) or None)
    return engine


def get_engine(config: Config | None = None) -> Engine:
    """The engine for `config`, built once per process (the last one is kept)."""
    from jdlint.engine.core import Engine
    from jdlint.engine.spec import EngineSpec

    key = id(config) if config is not None else None
    owner, engine = _by_config.get(key, (None, None))
    if engine is None or owner is not config:
        engine = (_kept(EngineSpec(config)) if config is not None else None) or Engine(config)
        _by_config.clear()
        _by_config[key] = (config, engine)
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
