"""Linear paths on big files: --fix/--diff on a 10 MB CRLF file, suppression comments on a long one.

Both used to be quadratic (a 2 MB CRLF file: 105 s to fix; 1.6 MB of comments and findings:
254 s to match). The bounds below are generous on purpose (a shared, slow CI machine); the
quadratic versions took many times longer on these inputs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import ROOT, fixture_text, lint

from jdlint.facts.requirements import COMPARISONS  # the requirement rules' debug counter

LINE = "Paragraph {n}: the team reviews quarterly goals and shares the notes with everyone.\r\n"
FIXABLE = "Paragraph {n}: the salesman will meet every client in person and report weekly.\r\n"


def _run(*args: str, cwd) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "jdlint", "check", "--no-cache", "--jobs", "1", *args],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"},
        timeout=1800,
    )
    return proc, time.monotonic() - start


def test_fixing_a_10_mb_crlf_file_with_thousands_of_fixes_is_linear(tmp_path):
    parts, size, n = ["# Sales Lead\r\n\r\n"], 0, 0
    while size < 9_500_000:  # just under the 10 MiB file-size limit
        line = (FIXABLE if n % 5 == 0 else LINE).format(n=n)
        parts.append(line)
        size += len(line)
        n += 1
    path = tmp_path / "big.md"
    path.write_bytes("".join(parts).encode())
    fixes = sum(1 for k in range(n) if k % 5 == 0)
    diff, diff_seconds = _run("--diff", "--select", "gendered-term", "big.md", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    assert diff.stdout.count(b"\n+Paragraph") == fixes
    proc, seconds = _run("--fix", "--select", "gendered-term", "big.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"fixed {fixes} problems in 1 file".encode() in proc.stderr
    data = path.read_bytes()
    assert b"salesman" not in data and data.count(b"salesperson") == fixes
    assert data.count(b"\r\n") == n + 2 and data.count(b"\n") == n + 2  # every CRLF kept
    assert seconds < 600 and diff_seconds < 600, (seconds, diff_seconds)


def test_suppression_comments_are_matched_by_line(tmp_path):
    block = (
        "<!-- jdlint-disable-next-line exclusionary-jargon -->\n"
        "Paragraph {n}: we need a rockstar for this.\n\n"
        "Paragraph {n}: we need a ninja for this.\n\n"
    )
    text = "# Engineer\n\n" + "".join(block.format(n=n) for n in range(8000))
    (tmp_path / "long.md").write_text(text, encoding="utf-8")
    proc, seconds = _run(
        "--format", "json", "--select", "exclusionary-jargon,unused-suppression", "long.md", cwd=tmp_path
    )
    findings = json.loads(proc.stdout)["findings"]
    assert len(findings) == 8000  # every ninja, no rockstar, no unused comment
    assert all("ninja" in f["match"].lower() for f in findings)
    assert seconds < 600, seconds


@pytest.mark.parametrize("rule", ["duplicate-requirement", "required-and-preferred", "years-conflict"])
def test_requirement_comparisons_grow_linearly_with_pasted_copies(rule):
    """Each item is compared with a bounded number of its group's nearest members (it was all pairs up to a
    cap): past the first few copies every copy adds the same number of comparisons, and each copy's own
    repeat is still reported."""

    def comparisons(copies: int) -> tuple[int, int]:
        text = "\n\n".join([fixture_text("postings/repeated-requirements.md")] * copies)
        before = COMPARISONS[rule]
        found = lint(text, select=[rule])
        return COMPARISONS[rule] - before, len(found)

    (c16, f16), (c32, f32), (c64, f64) = (comparisons(n) for n in (16, 32, 64))
    assert c64 - c32 == 2 * (c32 - c16) > 0
    assert (f16, f32, f64) == (16, 32, 64)
