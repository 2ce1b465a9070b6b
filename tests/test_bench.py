"""bench/bench.py runs end to end in its quick mode (a smoke test: nothing here is timed)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import ROOT, SEEDS

FIGURE = {"median", "min", "max"}


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
    text = proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["corpus"]["files"] == 3

    # corpus: default jobs and --jobs 1, each with wall and CPU beside the floor's, and both ratios
    for key in ("throughput", "throughput_jobs1", "floor"):
        assert set(data[key]["wall_s"]) == FIGURE and data[key]["cpu_s"]["median"] > 0
    for key in ("corpus_wall_ratio", "corpus_cpu_ratio", "corpus_jobs1_wall_ratio", "corpus_jobs1_cpu_ratio"):
        assert data[key]["min"] <= data[key]["median"] <= data[key]["max"]
    assert "--jobs 1" in text and "CPU" in text

    # cold start beside the spaCy import, with both ratios; warm
    assert data["cold"]["cpu_ratio"]["median"] > 0 and data["cold"]["wall_ratio"]["median"] > 0
    assert data["warm"]["wall_s"]["median"] > 0

    # the server row: measured, or one clear line saying why not
    server = data["server"]
    if server["available"]:
        assert set(server["first"]["wall_s"]) == FIGURE and server["repeated"]["cpu_s"]["median"] >= 0
        assert "server      start" in text
    else:
        assert "server not available" in text and server["reason"]

    # the editor through the real language server: each edit's didChange → publishDiagnostics
    editor = data["editor"]
    assert editor["available"] and editor["edits"] == 3
    for key in ("words_1000", "words_large"):
        assert editor[key]["ms"]["median"] > 0 and editor[key]["words"] > 0
    assert "didChange → publishDiagnostics" in text
    assert data["engine_relint"]["ms"]["median"] > 0

    # scaling: one process per size, start-up subtracted, both shapes and both exponents
    scaling = data["scaling"]
    assert "start-up" in scaling["method"] and scaling["start_up"]["cpu_s"]["median"] > 0
    for kind in ("single", "many"):
        assert set(scaling[kind]) == {"1", "2"}
        assert set(scaling[kind]["2"]["net_cpu_s"]) == FIGURE
        assert isinstance(scaling[f"{kind}_exponent"], float)
    assert text.count("exponent") >= 2

    # the summary table: one row per figure, each with a target verdict or "reported"
    assert "| figure | jdlint | beside it | wall ratio | CPU ratio | target | verdict |" in text
    verdicts = {v["figure"].split(",")[0]: v["verdict"] for v in data["verdicts"]}
    assert {"corpus", "cold `jdlint check backend-engineer.md --no-cache`", "editor", "scaling"} <= set(verdicts)
    assert any(v["figure"].startswith("server") for v in data["verdicts"])
    assert all(
        v["verdict"] in {"ok", "MISSED", "not measured"} or v["verdict"].startswith("reported")
        for v in data["verdicts"]
    )
