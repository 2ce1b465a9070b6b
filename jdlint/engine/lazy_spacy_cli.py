"""A stand-in for `spacy.cli` in jdlint's own processes, so that `import spacy` skips spaCy's command line.

`spacy/__init__.py` imports `spacy.cli.info` only to re-export `spacy.info`,
and that imports the whole of spaCy's command line: typer, weasel, httpx,
requests, jinja2 and more, some 360 modules and about a third of what
importing spaCy costs. jdlint never runs spaCy's command line, so the CLI,
its worker processes and the language server (everything that goes through
`jdlint.cli.main`) put this stand-in in place before spaCy is imported. A
program that merely imports jdlint is left alone: `install` is only called by
jdlint's own entry points.

Nothing is lost: the stand-in is a package whose path is spaCy's real
`spacy/cli`, and the first use of any of its attributes (or a call of
`spacy.info`) imports the real `spacy.cli` and answers from it.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import threading
import types
from collections.abc import Sequence
from typing import Any

PACKAGE = "spacy.cli"
INFO = "spacy.cli.info"

_lock = threading.RLock()
_real: types.ModuleType | None = None
_loading = False


def install() -> None:
    """Put the stand-in in place for the next `import spacy` (a no-op once spaCy is imported)."""
    if "spacy" in sys.modules or _real is not None or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


def installed() -> bool:
    """True while `spacy.cli` is the stand-in (the real one has not been needed yet)."""
    return isinstance(sys.modules.get(PACKAGE), _StandIn)


def real() -> types.ModuleType:
    """The real `spacy.cli`, imported now if it has not been: what every use of the stand-in answers from."""
    global _real, _loading
    with _lock:
        if _real is not None:
            return _real
        saved = {name: sys.modules.pop(name) for name in (PACKAGE, INFO) if _is_stand_in(sys.modules.get(name))}
        _loading = True
        try:
            module = importlib.import_module(PACKAGE)
        except BaseException:
            for name in (PACKAGE, INFO):
                sys.modules.pop(name, None)
            sys.modules.update(saved)
            raise
        finally:
            _loading = False
        _real = module
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "info", None) is info:
            spacy.info = module.info  # spaCy's own function from now on
        return module


def _is_stand_in(module: object) -> bool:
    return isinstance(module, (_StandIn, _InfoStandIn))


def info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`: spaCy's command line is imported on the first call, then its `info` answers."""
    return real().info(*args, **kwargs)


class _StandIn(types.ModuleType):
    """`spacy.cli` until one of its attributes is used."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            raise AttributeError(name)  # introspection (`__wrapped__`, `__test__`…) is not a use
        return getattr(real(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "info" and isinstance(value, _InfoStandIn):
            return  # the import system binds the `info` submodule here; the real package binds its function
        super().__setattr__(name, value)


class _InfoStandIn(types.ModuleType):
    """`spacy.cli.info`: holds the lazy `info` that `spacy/__init__.py` re-exports."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            raise AttributeError(name)
        real()
        return getattr(sys.modules[INFO], name)


class _Loader:  # the loader protocol; `importlib.abc` would import importlib.resources, tempfile…
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        kind = _StandIn if spec.name == PACKAGE else _InfoStandIn
        return kind(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__doc__ = __doc__
        if isinstance(module, _InfoStandIn):
            module.info = info


class _Finder:  # a meta path finder
    """Answers the imports of `spacy.cli` and `spacy.cli.info` with stand-ins, until the real one is wanted."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in (PACKAGE, INFO) or _loading or _real is not None:
            return None
        if fullname == INFO and not isinstance(sys.modules.get(PACKAGE), _StandIn):
            return None
        real_spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real_spec is None:  # not spaCy's layout: leave it to the ordinary import
            return None
        spec = importlib.machinery.ModuleSpec(fullname, _Loader(), origin=real_spec.origin)
        spec.has_location = real_spec.has_location  # `__file__` names spaCy's real file
        if real_spec.submodule_search_locations is not None:  # spaCy's other submodules load as usual
            spec.submodule_search_locations = list(real_spec.submodule_search_locations)
        return spec
