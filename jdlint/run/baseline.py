"""Baselines: adopt jdlint on a repository with old findings and fail only on new ones.

`--write-baseline FILE` records every current finding by path, rule, the
matched text and its neighbourhood (see `fingerprint`), never by line number,
so edits elsewhere in a file do not bring old findings back. `--baseline
FILE` hides findings recorded there; a finding that occurs more often than
recorded shows again. Paths are stored relative to the baseline file, so the
baseline works from any working directory.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from jdlint.config import ConfigError
from jdlint.model.results import FileResult, Report
from jdlint.run import fingerprint

VERSION = 1


def _rel(path: str, base_dir: str) -> str:
    if path == "-" or path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base_dir)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return Path(rel).as_posix()


def _base_dir(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def entries(results: Report | Iterable[FileResult], baseline_path: str) -> list[dict]:
    """One readable entry per distinct finding identity, with how often it occurs.

    `results` may be an iterator (the CLI's, as files are linted): only the entries are kept."""
    base = _base_dir(baseline_path)
    counts: Counter = Counter()
    info: dict[str, dict] = {}
    for fr in results.files if isinstance(results, Report) else results:
        rel = _rel(fr.path, base)
        for f in fr.findings:
            key = fingerprint.key(rel, f, fr.text)
            counts[key] += 1
            info.setdefault(
                key,
                {
                    "path": rel,
                    "rule": f.rule,
                    "match": f.match,
                    "context": fingerprint.neighbourhood(fr.text, f) if f.match else f.message,
                    "fingerprint": key,
                },
            )
    return [{**info[k], "count": counts[k]} for k in sorted(info, key=lambda k: (info[k]["path"], info[k]["rule"], k))]


def write(results: Report | Iterable[FileResult], baseline_path: str) -> int:
    """Write the baseline atomically; return the number of findings recorded.

    The temporary file is a new, uniquely named file in the same folder (`mkstemp`:
    created exclusively, never through a planted symlink), so concurrent writers and
    a link left at a predictable name cannot redirect the write. A file name that is
    not UTF-8 is kept as JSON's `\\udcXX` escapes (it reads back to the same name)."""
    import tempfile

    data = {"version": VERSION, "tool": "jdlint", "findings": entries(results, baseline_path)}
    folder = os.path.dirname(os.path.abspath(baseline_path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(baseline_path)}.", suffix=".jdlint-tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n", errors="surrogatepass") as fh:
            fh.write(json.dumps(data, ensure_ascii=True, indent=2))
            fh.write("\n")
        os.replace(tmp, baseline_path)
        tmp = None
    except OSError as exc:
        raise ConfigError(f"{baseline_path}: cannot write the baseline ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return sum(e["count"] for e in data["findings"])


MAX_BASELINE_BYTES = 256 * 1024 * 1024
MAX_COUNT = 10**9  # more findings than any repository has: a larger count is not one jdlint wrote


def load(baseline_path: str) -> Counter:
    """Fingerprint -> how many findings with it are known. Raises `ConfigError` naming the file."""
    from jdlint.data import safe_read

    try:
        raw = safe_read.read_bytes(baseline_path, MAX_BASELINE_BYTES)
    except OSError as exc:
        raise ConfigError(f"{baseline_path}: cannot read the baseline ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError, and an int past Python's digit limit
        raise ConfigError(f"{baseline_path}: the baseline is not valid JSON ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{baseline_path}: the baseline is not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{baseline_path}: not a jdlint baseline (expected version {VERSION} with a findings list)")
    known: Counter = Counter()
    for i, entry in enumerate(data["findings"]):
        if not (isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)):
            raise ConfigError(f"{baseline_path}: findings[{i}]: expected an entry with a fingerprint")
        count = entry.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or not 0 < count <= MAX_COUNT:
            raise ConfigError(f"{baseline_path}: findings[{i}].count: expected a whole number from 1 to {MAX_COUNT:,}")
        known[entry["fingerprint"]] += count
    return known


class Hider:
    """Drops the findings the baseline knows, file by file as results arrive (each at most as often as recorded)."""

    def __init__(self, known: Counter, baseline_path: str) -> None:
        self.base = _base_dir(baseline_path)
        self.left = Counter(known)
        self.hidden = 0

    def __call__(self, fr: FileResult) -> FileResult:
        rel = _rel(fr.path, self.base)
        kept = []
        for f in fr.findings:
            key = fingerprint.key(rel, f, fr.text)
            if self.left[key] > 0:
                self.left[key] -= 1
                self.hidden += 1
            else:
                kept.append(f)
        fr.findings = kept
        return fr


def hide(report: Report, known: Counter, baseline_path: str) -> int:
    """Drop the findings the baseline knows (each at most as often as recorded); return how many."""
    hider = Hider(known, baseline_path)
    for fr in report.files:
        hider(fr)
    return hider.hidden
