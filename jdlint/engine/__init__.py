"""The rule engine: plugin manager, rule selection, running rules safely, suppression, the spaCy pipeline.

`Engine` (in `core`) and its picklable recipe `EngineSpec` (in `spec`) are
imported on first use: the result cache reads a spec without loading any
plugin, pluggy or spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jdlint.engine.core import Engine
    from jdlint.engine.spec import EngineSpec

_EXPORTS = {"Engine": "jdlint.engine.core", "EngineSpec": "jdlint.engine.spec"}
__all__ = ["Engine", "EngineSpec"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jdlint.engine' has no attribute {name!r}")
    return getattr(import_module(module), name)
