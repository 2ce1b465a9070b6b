"""Reports are written as results arrive, in discovery order: memory flat in the number of files.

The CLI never holds every result: each file's lines are written once it and every file before
it are linted. Here the run is made to wait on the test (its output pipe fills up), so the test
can change the last posting after it has read the first finding line: the change shows in the
report, which proves the last file was read after the first line was written, with no clock.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# A posting written for these tests: about 3 KB of findings in the concise format, so the output of
# the first batch of files (64) fills the 64 KB pipe and the run waits for the reader.
FLAGGED = """# Salesman (Rockstar Ninja), team {n}

## About the role
We want a young, energetic salesman who is a digital native and a true rockstar. He will
join a work-hard, play-hard team of ninjas and gurus. Recent graduates only; native English
speakers preferred. He must be a culture fit and able to lift 50 pounds.

## Requirements
- Strong SQL skills
- Knowledge of SQL
- 5+ years of Python
- At least 8 years of Python experience
"""
CLEAN = "# Sales representative\n\nA calm team that sells accounting software to small firms.\n"
LAST_FLAGGED = "# Sales representative\n\nA calm team of guru engineers that sells accounting software.\n"


@pytest.mark.parametrize("files", [80, 320])  # N and 4N: more than one batch either way
def test_first_finding_is_written_before_the_last_file_is_read(tmp_path, files):
    for n in range(files - 1):
        (tmp_path / f"posting-{n:04}.md").write_text(FLAGGED.format(n=n), encoding="utf-8")
    last = tmp_path / f"posting-{files - 1:04}.md"
    last.write_text(CLEAN, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdlint", "check", ".", "--format", "concise", "--no-cache", "--jobs", "1"],
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        first = proc.stdout.readline().decode("utf-8")
        # the run now waits until more of its output is read: the last posting is not read yet
        last.write_text(LAST_FLAGGED, encoding="utf-8")
        rest = proc.stdout.read()  # through the same buffer as the first line
        err = proc.stderr.read()
        proc.wait(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert first.startswith("posting-0000.md:1:3: warning gendered-term"), first
    lines = (first + rest.decode("utf-8")).splitlines()
    assert proc.returncode == 1, err
    assert len([line for line in lines if line.startswith("posting-0000.md:")]) > 10
    # what the last posting says after the first line was read is what the report shows
    assert "exclusionary-jargon" in [line.split(" ")[2] for line in lines if line.startswith(last.name)]
    # discovery order, whatever the batches
    order = [line.split(":")[0] for line in lines if line.startswith("posting-")]
    assert order == sorted(order)


def test_iter_lint_paths_reads_each_window_only_when_asked(tmp_path):
    import jdlint

    files = 80  # more than one batch of files
    for n in range(files - 1):
        (tmp_path / f"posting-{n:04}.md").write_text(FLAGGED.format(n=n), encoding="utf-8")
    last = tmp_path / f"posting-{files - 1:04}.md"
    last.write_text(CLEAN, encoding="utf-8")
    results = jdlint.iter_lint_paths([str(tmp_path)], jobs=1)
    first = next(results)
    last.write_text(LAST_FLAGGED, encoding="utf-8")  # the last window is read only when it is reached
    rest = list(results)
    assert first.path.endswith("posting-0000.md") and len(rest) == files - 1
    assert "exclusionary-jargon" in {f.rule for f in rest[-1].findings}
    # the list form gives the same results
    report = jdlint.lint_paths([str(tmp_path)], jobs=1)
    assert [fr.findings for fr in report.files] == [first.findings] + [fr.findings for fr in rest]
