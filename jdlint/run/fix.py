"""Safe fixes: apply the replacements rules mark as unambiguous, and write them safely.

Only a finding with `fix` set is applied (a rule sets it where one replacement
fits every context: "salesman" -> "salesperson"). The replacement takes the
original's case, and an "a"/"an" just before it follows it ("a chairman" ->
"a chair", "a rockstar" -> "an expert": `run.article`). Positions in findings index the LF-normalised text; they are
mapped back to the file's own text, so its encoding, byte-order mark, line
endings (even mixed ones) and every byte outside the fixed spans are kept.
A write goes to a temporary file in the same directory that then replaces
the original, with the original's mode, and only if the file has not changed
since it was linted.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import re
import stat
import tempfile
from bisect import bisect_left
from dataclasses import dataclass, field

from jdlint.model.finding import Finding
from jdlint.model.results import FileResult, Report
from jdlint.run.article import article_edit
from jdlint.run.textio import DecodeError, decode

_BOMS = {"utf-8": b"", "utf-8-sig": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
_CODECS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}


class FixError(Exception):
    """This file could not be fixed; the message says why. Other files go on."""


@dataclass
class Outcome:
    path: str
    fixed: list[Finding]  # the findings whose fix was applied (or would be, for --diff)
    diff: str = ""


@dataclass
class Summary:
    """What `fix_report` did: counts, the diffs, and the files it could not fix."""

    fixes: int = 0
    files: int = 0
    diffs: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    def describe(self) -> str:
        if not self.fixes:
            return "no safe fixes"
        problems = f"{self.fixes} problem{'s' if self.fixes != 1 else ''}"
        return f"{problems} in {self.files} file{'s' if self.files != 1 else ''}"


def match_case(original: str, replacement: str) -> str:
    """Give `replacement` the case pattern of `original`: UPPER, Capitalised or as written."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and original.lstrip()[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def plan(result: FileResult) -> list[Finding]:
    """The findings of a file whose fix can be applied: fixable, on one line, not overlapping."""
    text = result.text
    if text is None:
        return []
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(result.findings, key=lambda f: (f.start, f.end)):
        if not f.fix or f.end <= f.start or "\n" in f.match or f.start < last_end or _breaks_line(f.fix):
            continue
        if text[f.start : f.end] != f.match or match_case(f.match, f.fix) == f.match:
            continue
        chosen.append(f)
        last_end = f.end
    return chosen


def _breaks_line(fix: str) -> bool:
    """A fix replaces part of one line; a plugin's (or a cache entry's) fix with a line break is not applied."""
    return any(c in fix for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def apply(text: str, findings: list[Finding], offset=lambda n: n) -> str:
    """Replace each finding's span in `text` (offsets mapped through `offset`)."""
    parts: list[str] = []
    pos = 0
    for f in findings:
        s, e = offset(f.start), offset(f.end)
        before = text[pos:s]
        edit = article_edit(before, f.fix or "", text[s:e])  # "a rockstar" -> "an expert"
        if edit is not None:
            before = before[: edit[0]] + edit[2] + before[edit[1] :]
        parts.append(before)
        parts.append(match_case(text[s:e], f.fix or ""))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _offset_map(original: str):
    """Map an offset in the LF-normalised text to one in `original` (CRLF counts two there)."""
    crlf = [m.start() - k for k, m in enumerate(re.finditer("\r\n", original))]
    return lambda n: n + bisect_left(crlf, n)


def _lines(text: str) -> list[str]:
    """`text` cut after each LF only (a lone CR is part of its line, as `patch` and git read it)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])  # no final newline
    return out


def _range(start: int, length: int) -> str:
    """A hunk range as `diff -u` writes it (1-based; a one-line range without its length)."""
    if length == 1:
        return f"{start + 1}"
    return f"{start if not length else start + 1},{length}"


CONTEXT = 3


def _unified(before: str, after: str, path: str) -> str:
    """A unified diff of a fixed text: linear, since a fix never adds or removes a line.

    difflib searched for matching blocks (slow on a 10 MB file, and a last line
    without its newline came out malformed); fixes only change lines in place, so
    the changed lines are compared one to one and grouped into hunks with
    `CONTEXT` lines around them. A last line without a newline is marked with
    `\\ No newline at end of file`, as `diff` does.
    """
    a, b = _lines(before), _lines(after)
    if len(a) != len(b):  # cannot happen for jdlint's fixes; fall back to the general algorithm
        return _difflib(a, b, path)
    changed = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if not changed:
        return ""
    out = [f"--- a/{path}\n", f"+++ b/{path}\n"]
    groups: list[list[int]] = [[changed[0]]]
    for i in changed[1:]:
        if i - groups[-1][-1] > 2 * CONTEXT:
            groups.append([i])
        else:
            groups[-1].append(i)
    for group in groups:
        lo, hi = max(0, group[0] - CONTEXT), min(len(a), group[-1] + CONTEXT + 1)
        out.append(f"@@ -{_range(lo, hi - lo)} +{_range(lo, hi - lo)} @@\n")
        i = lo
        while i < hi:
            if a[i] == b[i]:
                out.append(_line(" ", a[i]))
                i += 1
                continue
            j = i
            while j < hi and a[j] != b[j]:
                j += 1
            out.extend(_line("-", x) for x in a[i:j])
            out.extend(_line("+", y) for y in b[i:j])
            i = j
    return "".join(out)


def _line(mark: str, line: str) -> str:
    return mark + line if line.endswith("\n") else mark + line + "\n\\ No newline at end of file\n"


def _difflib(a: list[str], b: list[str], path: str) -> str:
    return "".join(
        _line(line[0], line[1:]) if line[:1] in " +-" and not line.startswith(("---", "+++")) else line
        for line in difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}")
    )


def diff_text(result: FileResult) -> Outcome:
    """The fixes of a text that has no file (standard input), as a diff of its LF-normalised text."""
    chosen = plan(result)
    if not chosen or result.text is None:
        return Outcome(result.path, [])
    return Outcome(result.path, chosen, _unified(result.text, apply(result.text, chosen), result.path))


def fix_file(result: FileResult, write: bool) -> Outcome:
    """Fix one linted file in place (`write`) or only compute its diff. Raises `FixError`."""
    chosen = plan(result)
    if not chosen:
        return Outcome(result.path, [])
    path = result.path
    try:
        target = os.path.realpath(path)
        before = os.stat(target)
        with open(target, "rb") as fh:
            raw = fh.read()
        decoded = decode(raw)
    except (OSError, DecodeError) as exc:
        raise FixError(f"cannot read it again to fix it: {getattr(exc, 'strerror', None) or exc}") from None
    if decoded.text != result.text:
        raise FixError("it changed on disk after it was linted; not fixed (run jdlint again)")
    bom, codec = _BOMS[decoded.encoding], _CODECS[decoded.encoding]
    original = raw[len(bom) :].decode(codec)
    offset = _offset_map(original)  # built once: per fix, a 2 MB CRLF file took 105 s
    fixed = apply(original, chosen, offset)
    for f in chosen:  # the mapped spans must hold exactly what was linted
        s = offset(f.start)
        if original[s : s + len(f.match)] != f.match:
            raise FixError("its text no longer matches the findings; not fixed")
    diff = _unified(original, fixed, path)
    if write:
        write_atomic(target, bom + fixed.encode(codec), before)
    return Outcome(path, chosen, diff)


def write_atomic(target: str, data: bytes, expected: os.stat_result) -> None:
    """Replace `target` with `data` via a temporary file in its directory, keeping its metadata.

    Refuses a file whose mode has no write bit (respected even for root) and a
    file whose size or modification time changed since `expected` was taken.
    The temporary file gets the original's mode, owner (where permitted) and
    extended attributes (POSIX ACLs and SELinux labels among them) before it
    replaces it. A file with several hard links is rewritten in place instead
    (a rename would split it from its other names), after a backup copy that
    is removed once the new text is on disk. An interrupted fix (Ctrl-C)
    removes its temporary file.
    """
    if not expected.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("it is read-only; not fixed")
    try:
        now = os.stat(target)
    except OSError as exc:
        raise FixError(f"cannot write it: {exc.strerror or exc}") from None
    if (now.st_mtime_ns, now.st_size, now.st_ino) != (expected.st_mtime_ns, expected.st_size, expected.st_ino):
        raise FixError("it changed on disk after it was linted; not fixed (run jdlint again)")
    directory, name = os.path.split(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=directory or ".", prefix=f".{name}.", suffix=".jdlint-tmp")
    except OSError as exc:
        raise FixError(f"cannot write it: {exc.strerror or exc}") from None
    try:
        if now.st_nlink > 1:
            _write_in_place(target, data, fd, tmp)
            return
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(expected.st_mode))
        if hasattr(os, "chown") and (now.st_uid, now.st_gid) != (os.geteuid(), os.getegid()):
            with contextlib.suppress(OSError):  # not permitted for ordinary users; the mode is still kept
                os.chown(tmp, now.st_uid, now.st_gid)
        _copy_xattrs(target, tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        if isinstance(exc, _BackupKept):
            raise
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise FixError(f"cannot write it: {exc.strerror or exc}") from None
        raise


class _BackupKept(FixError):
    """An in-place write failed and so did putting the old bytes back: the backup must stay."""


def _write_in_place(target: str, data: bytes, fd: int, backup: str) -> None:
    """Overwrite a hard-linked file's own inode (all its names see the fix); `backup` holds the old bytes meanwhile."""
    with open(target, "rb") as src:
        original = src.read()
    with os.fdopen(fd, "wb") as fh:
        fh.write(original)
        fh.flush()
        os.fsync(fh.fileno())
    try:
        _overwrite(target, data)
    except BaseException:
        try:
            _overwrite(target, original)
        except BaseException:
            raise _BackupKept(f"interrupted while writing; the original text is kept in {backup}") from None
        raise
    os.unlink(backup)


def _overwrite(target: str, data: bytes) -> None:
    with open(target, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _copy_xattrs(source: str, dest: str) -> None:
    """Extended attributes (ACLs are `system.posix_acl_*`), where the platform and file system have them."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(source)
    except OSError:
        return
    for attr in names:
        with contextlib.suppress(OSError):  # e.g. security.* needs privileges: the rest is still copied
            os.setxattr(dest, attr, os.getxattr(source, attr))


def fix_report(report: Report, write: bool, from_stdin: bool = False) -> Summary:
    """Fix (or, without `write`, only diff) every file of a report; fixed findings leave the report.

    Standard input (the first result when `from_stdin`) has no file: it is only diffed.
    """
    done = Summary()
    for i, result in enumerate(report.files):
        try:
            outcome = diff_text(result) if from_stdin and i == 0 else fix_file(result, write=write)
        except FixError as exc:
            done.errors.append((result.path, str(exc)))
            continue
        if not outcome.fixed:
            continue
        done.files += 1
        done.fixes += len(outcome.fixed)
        done.diffs.append(outcome.diff)
        if write:
            applied = {id(f) for f in outcome.fixed}
            result.findings = [f for f in result.findings if id(f) not in applied]
    return done
