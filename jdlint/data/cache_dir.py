"""Where jdlint keeps what it computes once: results (`jdlint.run.cache`) and parsed YAML (`yaml_cache`)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DIR = "JDLINT_CACHE_DIR"


def cache_root() -> Path:
    """`$JDLINT_CACHE_DIR`, else `<user cache dir>/jdlint`: results and parsed YAML live below it."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("jdlint", appauthor=False))
