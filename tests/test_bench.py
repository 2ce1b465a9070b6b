"""bench/bench.py runs end to end in its quick mode (a smoke test: nothing here is timed)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import ROOT, SEEDS


def test_bench_quick_mode_on_three_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SEEDS.iterdir())[:3]:
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), "--quick", "--corpus", str(corpus), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ratio" in proc.stdout and "exponent" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["corpus"]["files"] == 3
    assert data["throughput"]["wall_s"]["median"] > 0
    assert data["floor"]["wall_s"]["median"] > 0
    assert data["cold"]["ratio"] > 0 and data["warm_s"]["median"] > 0
    assert data["lsp"]["ms"]["median"] > 0
    assert set(data["scaling"]["single"]) == {"1", "2", "4"}
