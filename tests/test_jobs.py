"""--jobs: several processes, the same findings in the same order as one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import SEEDS, run_cli

from jdlint import lint_paths
from jdlint.run.parallel import plan_workers, split

EXTRA = {
    "big.md": "# Data Engineer\n\nWe want a rockstar ninja.\n\n" + "Build pipelines with care and rigour.\n" * 4000,
    "notes/plain.txt": "Office Manager\n\nResponsibilities:\nRun the office like a rockstar\n",
    "notes/empty.md": "",
    "notes/binary.md": b"\x00\x01\x02",
}


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "postings"
    shutil.copytree(SEEDS, root / "seeds")
    for name, body in EXTRA.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    return root


def test_jobs_2_gives_byte_identical_json_to_jobs_1(tmp_path):
    root = _tree(tmp_path)
    outs = []
    for jobs in ("1", "2"):
        proc = run_cli("check", "--format", "json", "--no-cache", "--jobs", jobs, str(root))
        assert proc.returncode == 1, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
    data = json.loads(outs[0])
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths)  # discovery order: folders walked in name order
    assert data["summary"]["files"] == 9
    assert any(f["rule"] == "unreadable-file" and f["path"].endswith("binary.md") for f in data["findings"])


def test_api_jobs_2_matches_jobs_1(tmp_path):
    root = _tree(tmp_path)
    one = lint_paths([str(root)], jobs=1)
    two = lint_paths([str(root)], jobs=2)
    assert [fr.path for fr in one.files] == [fr.path for fr in two.files]
    assert one.findings == two.findings
    assert [fr.text for fr in one.files] == [fr.text for fr in two.files]


def test_bad_jobs_value_is_a_usage_error():
    proc = run_cli("check", "--jobs", "0", ".")
    assert proc.returncode == 2
    assert "--jobs" in proc.stderr


def test_work_is_split_by_size_largest_first():
    work = [(0, "a.md", b"x" * 100), (1, "huge.md", b"x" * 5_000_000), (2, "b.md", b"x" * 300)]
    tasks = split(work, 2)
    assert tasks[0] == [(1, "huge.md", b"x" * 5_000_000)]  # the big file starts first, alone
    assert sorted(i for task in tasks for i, _, _ in task) == [0, 1, 2]


def test_auto_jobs_stays_in_process_for_small_input():
    small = [(0, "a.md", b"x" * 100), (1, "b.md", b"x" * 100)]
    assert plan_workers(None, small) == 1
    assert plan_workers(2, small) == 2  # an explicit --jobs is honoured
    assert plan_workers(4, small[:1]) == 1


def test_a_configuration_error_with_workers_is_one_line_and_no_traceback(tmp_path):
    for n in range(3):
        shutil.copy(sorted(SEEDS.iterdir())[n], tmp_path / f"{n}.txt")
    proc = run_cli("check", "--no-cache", "--jobs", "2", "--select", "no-such-rule", str(tmp_path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == "jdlint: error: unknown rule or category 'no-such-rule' (see `jdlint rules`)"
