"""jdlint's bundled data (the top-level `rules/`): finding it, and parsing its YAML once per content."""

from jdlint.data.loader import load, parse_yaml, rules_dir

__all__ = ["load", "parse_yaml", "rules_dir"]
