"""`python -m jdlint` runs the CLI."""

import sys

try:
    from jdlint.cli import run
except KeyboardInterrupt:  # Ctrl-C while the CLI's modules load: one line, as `run` would say it
    sys.stderr.write("jdlint: interrupted\n")
    raise SystemExit(130) from None

run()
