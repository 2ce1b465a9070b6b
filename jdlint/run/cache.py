"""The result cache: a file's findings, kept until anything that could change them changes.

An unchanged posting re-checked (a pre-commit hook, an editor saving, CI on a
branch) is answered from disk without parsing it or importing spaCy. The key
of an entry is a hash of

* the file's path and exact bytes,
* jdlint's version and the size and mtime of every module and bundled rule file
  (an edited or upgraded jdlint never reuses old results),
* the configuration, the bytes of every user rule pack and the `--select`/`--ignore`
  given on the command line,
* the installed plugins (entry points of the ``jdlint`` group, with their
  distributions' versions) and the spaCy version (and model version),
* the date laws are judged at (a rule may depend on it), so entries expire daily.

Entries live under the user cache directory (platformdirs), or under
``$JDLINT_CACHE_DIR`` when set (tests set it so that they never touch the
real cache). Each entry is written to a temporary file and renamed into
place, so two processes writing the same entry at once never leave a torn
file; each entry carries a checksum of its body, so a corrupt or truncated
entry is ignored (and overwritten by the next run) instead of trusted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdlint.data.cache_dir import ENV_DIR, cache_root
from jdlint.model.finding import Finding, Severity
from jdlint.version import __version__

if TYPE_CHECKING:
    from jdlint.engine import EngineSpec

FORMAT = 1
_MAGIC = b"jdlint-cache %d " % FORMAT


def default_dir() -> Path:
    """`$JDLINT_CACHE_DIR`, else `<user cache dir>/jdlint/results`."""
    env = os.environ.get(ENV_DIR)
    return Path(env) if env else cache_root() / "results"


@cache
def _code_stamp() -> str:
    """Size and mtime of jdlint's own modules and bundled data: any edit or upgrade changes it."""
    from jdlint import data

    h = hashlib.sha256(__version__.encode())
    roots = [Path(__file__).resolve().parent.parent]  # the whole jdlint package
    with contextlib.suppress(FileNotFoundError):
        roots.append(data.rules_dir())
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml") and "__pycache__" not in path.parts:
                st = path.stat()
                h.update(f"{path.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@cache
def _environment_stamp(load_entry_points: bool, model: str | None) -> str:
    """Installed plugins and the spaCy (and model) versions, read from metadata: no imports."""
    from importlib import metadata

    parts: list[str] = []
    for name in ("spacy", model):
        if name:
            try:
                parts.append(f"{name}=={metadata.version(name)}")
            except metadata.PackageNotFoundError:
                parts.append(f"{name}==?")
    if load_entry_points:
        for ep in sorted(metadata.entry_points(group="jdlint"), key=lambda e: (e.name, e.value)):
            dist = getattr(ep, "dist", None)
            version = f"{dist.name}=={dist.version}" if dist is not None else "?"
            parts.append(f"{ep.name}={ep.value}@{version}")
    return "\n".join(parts)


def _file_digest(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return "unreadable"


def fingerprint(spec: EngineSpec, as_of: dt.date | None = None) -> str:
    """Everything besides a file's bytes that its findings depend on, as one digest."""
    cfg = spec.config
    day = as_of or cfg.as_of or dt.date.today()
    payload = {
        "format": FORMAT,
        "code": _code_stamp(),
        "env": _environment_stamp(spec.load_entry_points, cfg.spacy_model),
        "config": dataclasses.asdict(cfg),
        "packs": [_file_digest(p) for p in cfg.rule_packs],
        "restricts": spec.restricts,
        "as_of": day.isoformat(),
    }
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class ResultCache:
    """Findings per (fingerprint, path, bytes); every failure to read or write is a miss, never an error."""

    def __init__(self, run_fingerprint: str, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_dir()
        self.run = run_fingerprint.encode()

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self.run)
        h.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / key[2:]

    def get(self, key: str) -> tuple[list[Finding], dict[str, Any]] | None:
        try:
            with open(self._entry(key), "rb") as fh:
                raw = fh.read()
        except OSError:
            return None
        head, sep, body = raw.partition(b"\n")
        if not sep or not head.startswith(_MAGIC) or head[len(_MAGIC) :] != hashlib.sha256(body).hexdigest().encode():
            return None  # truncated, corrupt, or another format: recompute (and overwrite)
        try:
            stored = json.loads(body)
            findings = [_finding(f) for f in stored["findings"]]
            summary = stored["summary"]
        except (ValueError, KeyError, TypeError):
            return None
        return findings, summary if isinstance(summary, dict) else {}

    def put(self, key: str, findings: list[Finding], summary: dict[str, Any]) -> None:
        if any(f.rule == "internal-error" for f in findings):
            return  # a crash may be transient; never make it sticky
        try:
            body = json.dumps({"findings": [_record(f) for f in findings], "summary": summary}).encode()
        except (TypeError, ValueError):
            return  # a plugin summary that is not JSON: just do not cache it
        import tempfile

        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
                os.replace(tmp, entry)  # atomic: readers see the old entry or the new one, never half
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            pass  # read-only or full disk: the cache is an optimisation only


def _record(f: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data (every field; the enum and the tuple made plain)."""
    return {**dataclasses.asdict(f), "severity": int(f.severity), "suggestions": list(f.suggestions)}


def _finding(d: dict[str, Any]) -> Finding:
    """The inverse of `_record`; a stored entry of another shape raises and is recomputed."""
    return Finding(**{**d, "severity": Severity(d["severity"]), "suggestions": tuple(d["suggestions"])})
