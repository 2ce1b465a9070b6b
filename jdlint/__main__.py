"""`python -m jdlint` runs the CLI."""

from jdlint.cli import main

raise SystemExit(main())
