"""Old import path, kept for plugins written against it: the classes live in `jdlint.model.finding`."""

from jdlint.model.finding import Finding, Hit, Severity

__all__ = ["Finding", "Hit", "Severity"]
