"""Declares the engine's own rules (unreadable-file, internal-error, …) so they
are listed, explained and configurable like any other rule."""

from jdlint.hookspecs import hookimpl
from jdlint.model.rule import INTERNAL_RULES


@hookimpl
def jdlint_rules():
    return list(INTERNAL_RULES)
