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
* the installed plugins' code: the bytes of every file their distributions
  record (modules and bundled packs alike) and of each entry point's module,
  so a plugin edited without a version bump is not answered from old results,
* the date laws are judged at (a rule may depend on it), so entries expire daily.

The cache is not trusted: an entry is used only if its checksum matches, every
field has the type and range a finding has (`_valid`), and each finding's
`match` is the text at its span in the file being linted; anything else is
deleted and recomputed. A crafted entry can therefore neither crash a reporter
nor make `--fix` write more than a short one-line replacement of the span a
finding names. The folder is pruned at most once a day (`prune`): entries not
used for `MAX_AGE_DAYS` go, and the oldest go until the folder is under
`MAX_BYTES`.

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
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdlint.data.cache_dir import ENV_DIR, cache_root
from jdlint.model.finding import Finding, Severity
from jdlint.version import __version__

if TYPE_CHECKING:
    from jdlint.engine import EngineSpec

FORMAT = 2
MAX_ENTRY = 64 * 1024 * 1024  # a bigger entry is not one jdlint wrote for a file it would lint
_MAGIC = b"jdlint-cache %d " % FORMAT


def default_dir() -> Path:
    """`$JDLINT_CACHE_DIR`, else `<user cache dir>/jdlint/results`."""
    env = os.environ.get(ENV_DIR)
    return Path(env) if env else cache_root() / "results"


MAX_AGE_DAYS = 14  # an entry unused this long is pruned
MAX_BYTES = 256 * 1024 * 1024  # and the oldest go while the folder is larger than this
PRUNE_EVERY = dt.timedelta(days=1)


@cache
def _code_stamp() -> str:
    """jdlint's version, its modules (size and mtime) and the bytes of its bundled rule data."""
    from jdlint import data

    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent  # the whole jdlint package
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" not in path.parts:
            st = path.stat()
            h.update(f"{path.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    with contextlib.suppress(FileNotFoundError):
        rules = data.rules_dir()
        for path in sorted(rules.rglob("*")):
            if path.suffix in (".yaml", ".yml"):  # the packs and data rules read: by content
                h.update(f"{path.relative_to(rules)}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _plugin_code(ep) -> str:
    """A digest of a plugin's code and data: its distribution's recorded files and its entry module."""
    h = hashlib.sha256()
    for path in plugin_files(ep):
        with contextlib.suppress(OSError):
            h.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + _bounded_digest(path))
    return h.hexdigest()


def plugin_files(ep) -> list[Path]:
    """The files of a plugin that its digest reads: code and data its distribution records, and its entry module."""
    import importlib.util

    files: list[Path] = []
    dist = getattr(ep, "dist", None)
    for rel in (getattr(dist, "files", None) or []) if dist is not None else []:
        with contextlib.suppress(Exception):
            files.append(Path(dist.locate_file(rel)))
    with contextlib.suppress(Exception):
        top = ep.module.split(".")[0]
        spec = importlib.util.find_spec(top)  # a top-level name: found, not imported
        if spec is not None and spec.origin:
            origin = Path(spec.origin)
            files.extend(origin.parent.rglob("*") if origin.name == "__init__.py" else [origin])
    return [p for p in sorted(set(files)) if p.suffix in (".py", ".yaml", ".yml", ".json", ".txt") and p.is_file()]


def _bounded_digest(path: Path, limit: int = 16 * 1024 * 1024) -> bytes:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read(limit)).digest()


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
        from jdlint.engine.entry_points import installed

        for ep in sorted(installed(), key=lambda e: (e.name, e.value)):
            dist = getattr(ep, "dist", None)
            version = f"{dist.name}=={dist.version}" if dist is not None else "?"
            parts.append(f"{ep.name}={ep.value}@{version}#{_plugin_code(ep)}")
    return "\n".join(parts)


def stamps(fresh: bool = False) -> tuple[str, str]:
    """The code stamp and the environment stamp (with plugins) this process's cache keys use; `fresh`: recomputed."""
    if fresh:
        _code_stamp.cache_clear()
        _environment_stamp.cache_clear()
    return _code_stamp(), _environment_stamp(True, None)


def watched_paths() -> list[Path]:
    """The files and folders whose size or mtime changes when the stamps may: what a long-lived process watches.

    jdlint's modules and bundled rule data (and their folders, for files added), every folder on `sys.path`
    (a distribution installed or removed), and every installed plugin's files."""
    import sys
    from importlib import metadata

    from jdlint import data

    package = Path(__file__).resolve().parent.parent
    out: list[Path] = [package]
    for path in package.rglob("*"):
        if "__pycache__" not in path.parts and (path.is_dir() or path.suffix == ".py"):
            out.append(path)
    with contextlib.suppress(FileNotFoundError):
        rules = data.rules_dir()
        out += [rules, *(p for p in rules.rglob("*") if p.is_dir() or p.suffix in (".yaml", ".yml"))]
    out += [Path(p) for p in sys.path if p and os.path.isdir(p)]
    for ep in metadata.entry_points(group="jdlint"):
        out += plugin_files(ep)
    return out


def file_digest(path: str) -> str:
    """A user rule pack's bytes as a digest ("unreadable" when they cannot be read)."""
    try:
        return _bounded_digest(Path(path)).hex()
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
        "packs": [file_digest(p) for p in cfg.rule_packs],
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
        self._pruned = False

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self.run)
        h.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / key[2:]

    def has(self, key: str) -> bool:
        """Is there an entry for `key`? (Only a look: `get` reads and checks it.)"""
        return self._entry(key).is_file()

    def get(self, key: str, text: str | None = None) -> tuple[list[Finding], dict[str, Any]] | None:
        """The entry for `key` if it is sound (and fits `text`, the file's text); a bad one is deleted."""
        entry = self._entry(key)
        try:
            with open(entry, "rb") as fh:
                raw = fh.read(MAX_ENTRY + 1)
        except OSError:
            return None
        found = _decode(raw, text)
        if found is None:
            with contextlib.suppress(OSError):
                entry.unlink()  # truncated, corrupt, crafted or another format: recompute (and rewrite)
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # used today: pruning keeps it
        return found

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
        if not self._pruned:
            self._pruned = True
            prune(self.root)


def _record(f: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data (every field; the enum and the tuple made plain)."""
    return {**dataclasses.asdict(f), "severity": int(f.severity), "suggestions": list(f.suggestions)}


def _finding(d: dict[str, Any]) -> Finding:
    """The inverse of `_record` (for a record `_valid` accepted)."""
    return Finding(**{**d, "severity": Severity(d["severity"]), "suggestions": tuple(d["suggestions"])})


# The schema of one stored finding: field -> its type; every field is required and no other is allowed.
_FIELDS: dict[str, type | tuple[type, ...]] = {
    "path": str,
    "rule": str,
    "category": str,
    "severity": int,
    "message": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "match": str,
    "suggestions": list,
    "start": int,
    "end": int,
    "fix": (str, type(None)),
}
_RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")
MAX_FIX = 200


def _valid(d: Any, text: str | None) -> bool:
    """Is `d` a finding jdlint could have stored for `text`? Types, ranges, and its match at its span."""
    if not isinstance(d, dict) or d.keys() != _FIELDS.keys():
        return False
    for name, kind in _FIELDS.items():
        value = d[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            return False
    if not (_RULE_ID.fullmatch(d["rule"]) and _RULE_ID.fullmatch(d["category"]) and d["severity"] in (1, 2, 3)):
        return False
    if not (1 <= d["line"] <= d["end_line"] and d["column"] >= 1 and d["end_column"] >= 1):
        return False
    if not all(isinstance(s, str) for s in d["suggestions"]):
        return False
    fix = d["fix"]
    if fix is not None and (len(fix) > MAX_FIX or any(c in fix for c in "\n\r\x00")):
        return False
    start, end = d["start"], d["end"]
    if text is not None:
        if not (0 <= start <= end <= len(text)) or (end > start and text[start:end] != d["match"]):
            return False
        if d["line"] > text.count("\n", 0, start) + 1:
            return False
    return True


def _decode(raw: bytes, text: str | None) -> tuple[list[Finding], dict[str, Any]] | None:
    """An entry's findings and summary, or None when anything about it is off."""
    head, sep, body = raw.partition(b"\n")
    if not sep or not head.startswith(_MAGIC) or head[len(_MAGIC) :] != hashlib.sha256(body).hexdigest().encode():
        return None
    try:
        stored = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or stored.keys() != {"findings", "summary"}:
        return None
    findings, summary = stored["findings"], stored["summary"]
    if not isinstance(findings, list) or not isinstance(summary, dict) or "path" in summary:
        return None
    coding = summary.get("gender_coding", {})  # what the text reporter reads from a summary
    if not isinstance(coding, dict) or not isinstance(coding.get("verdict", ""), str):
        return None
    if not all(isinstance(coding.get(k, 0), int) for k in ("masculine", "feminine")):
        return None
    if not isinstance(summary.get("profile", {}), dict):
        return None
    if not all(_valid(f, text) for f in findings):
        return None
    return [_finding(f) for f in findings], summary


def prune(root: Path, now: float | None = None) -> int:
    """Delete entries unused for `MAX_AGE_DAYS`, then the oldest while over `MAX_BYTES`; at most once a day.

    Returns how many entries went. Only this cache's own files are touched: two-hex-digit
    folders of 62-hex-digit names (and stale `.tmp-` files in them)."""
    import time

    now = time.time() if now is None else now
    stamp = root / ".pruned"  # a folder whose mtime is the last pruning
    try:
        if now - stamp.stat().st_mtime < PRUNE_EVERY.total_seconds():
            return 0
    except OSError:
        pass
    try:
        stamp.mkdir(parents=True, exist_ok=True)
        os.utime(stamp, (now, now))
    except OSError:
        return 0
    entries: list[tuple[float, int, Path]] = []
    with contextlib.suppress(OSError):
        for folder in root.iterdir():
            if len(folder.name) != 2 or not _HEX.fullmatch(folder.name) or not folder.is_dir():
                continue
            for path in folder.iterdir():
                ours = _HEX.fullmatch(path.name) and len(path.name) == 62
                if not ours and not path.name.startswith(".tmp-"):
                    continue
                with contextlib.suppress(OSError):
                    st = path.lstat()
                    entries.append((st.st_mtime, st.st_size, path))
    removed = 0
    cutoff = now - MAX_AGE_DAYS * 86400
    total = sum(size for _, size, _ in entries)
    for mtime, size, path in sorted(entries):
        if mtime >= cutoff and total <= MAX_BYTES:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
            total -= size
    return removed


_HEX = re.compile(r"[0-9a-f]+")
