"""Old import path, kept for plugins written against it: the class lives in `jdlint.model.rule`."""

from jdlint.model.rule import CATEGORIES, Rule

__all__ = ["CATEGORIES", "Rule"]
