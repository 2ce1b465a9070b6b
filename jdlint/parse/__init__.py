"""Turns decoded text into a `Posting`: front matter, then Markdown/plain-text structure."""

from jdlint.parse.document import parse_posting

__all__ = ["parse_posting"]
