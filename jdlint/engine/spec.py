"""`EngineSpec`: how to rebuild a run's engine, in a module light enough to import first.

The CLI describes the engine it wants (configuration, `--select`/`--ignore`)
without building it: when every file is answered from the result cache no
engine, plugin or spaCy is loaded at all. Worker processes receive the same
spec (it pickles) and build their own engine from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jdlint.config import Config


@dataclass(frozen=True)
class EngineSpec:
    """A picklable recipe for an engine (`jdlint.run.engines.build` makes one); what the result cache fingerprints."""

    config: Config
    load_entry_points: bool = True
    restricts: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()  # (select, ignore) calls, in order

    def restricted(self, select: list[str] | None, ignore: list[str] | None) -> EngineSpec:
        """This spec with a `--select`/`--ignore` applied on top (as `Engine.restrict` does)."""
        if not select and not ignore:
            return self
        from dataclasses import replace

        return replace(self, restricts=(*self.restricts, (tuple(select or ()), tuple(ignore or ()))))
