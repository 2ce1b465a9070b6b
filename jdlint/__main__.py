"""`python -m jdlint` runs the CLI."""

from jdlint.cli import run

run()
