#!/usr/bin/env python3
"""jdlint's benchmark: throughput against spaCy's own floor, start-up, cache, editor re-lint, scaling.

Run from a clean clone (see README, "Performance"):

    python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/python bench/bench.py

Every figure is the median of `--runs` runs (default 5) with the min and max.
Measurements that compare jdlint with spaCy are taken side by side, alternating
which goes first, so that load from other processes hits both alike; the load
average is printed with the results. jdlint runs use a throw-away cache folder
(`JDLINT_CACHE_DIR`), never the user's cache.

* throughput: `jdlint check CORPUS --no-cache` (wall s, CPU s of the whole process
  tree, words/s, files/s, peak memory: the largest single process and the sum over
  the process tree, sampled every 20 ms), and beside it the floor: a bare
  `spacy.blank("en")` + sentencizer `nlp.pipe` pass over the same texts in one
  process, including its imports as jdlint's figure includes its own;
* cold start: `jdlint check SMALL --no-cache` (no cached result; the parsed rule
  data is cached on disk by content, filled by one untimed run first) against
  `python -c "import spacy; spacy.blank('en')"`; jdlint's modules are byte-compiled
  first, as pip does when it installs a wheel;
* warm: the same file again with the result cache filled;
* editor: `jdlint.lint_text` of a ~1,000-word posting with a reused `Engine`
  (the call the language server makes on every change);
* scaling: a base sample of the corpus concatenated ×1, ×4, ×16 into one file
  and copied ×1, ×4, ×16 into many files, linted in one process with the engine
  already loaded; the exponent is the least-squares slope of log(time) on
  log(size) (1.0 is linear). The base is 1/16 of the 10 MiB file-size limit by
  default, so ×16 is the largest file jdlint accepts (`--scale-base-bytes`).

`--quick` is a smoke run for CI (3 files, one run, small scaling sample).
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TARGETS = {
    "corpus_ratio": 1.0,
    "cold_ratio": 1.1,
    "warm_s": 0.15,
    "lsp_ms": 30.0,
    "peak_mib": 300.0,
}

FLOOR_CODE = """
import sys
import spacy
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
nlp.max_length = 10**9
for doc in nlp.pipe(texts):
    pass
"""
SPACY_IMPORT = "import spacy; spacy.blank('en')"


# -- measuring a process -------------------------------------------------------
def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, max) resident set size in bytes over `pid` and its descendants (Linux /proc)."""
    total = biggest = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        rss = int(line.split()[1]) * 1024
                        total += rss
                        biggest = max(biggest, rss)
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total, biggest


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall and CPU seconds and peak memory of one command (its output is discarded)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_sum = peak_one = 0
    have_proc = os.path.isdir(f"/proc/{proc.pid}")
    rusage = None
    while True:
        if have_proc:
            s, m = _tree_rss(proc.pid)
            peak_sum, peak_one = max(peak_sum, s), max(peak_one, m)
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd[:4])}… failed ({proc.returncode}):\n{err}")
    # ru_maxrss of a reaped child is the largest of it and its reaped descendants (KiB on Linux)
    maxrss = rusage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return {
        "wall": wall,
        "cpu": rusage.ru_utime + rusage.ru_stime,
        "peak_one": max(peak_one, maxrss),
        "peak_tree": max(peak_sum, maxrss),
    }


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def fmt(s: dict[str, float], unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
    m, lo, hi = (s[k] * scale for k in ("median", "min", "max"))
    return f"{m:.{digits}f} {unit} [{lo:.{digits}f}–{hi:.{digits}f}]"


def exponent(sizes: list[float], times: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


# -- the benchmark -------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("JDLINT_BENCH_CORPUS", str(DEFAULT_CORPUS)))
    ap.add_argument("--runs", type=int, help="runs per measurement (default 5; 1 with --quick)")
    ap.add_argument("--quick", action="store_true", help="CI smoke run: 3 files, one run, small scaling sample")
    ap.add_argument("--limit", type=int, help="only the first N files of the corpus")
    ap.add_argument("--jobs", type=int, help="pass --jobs N to jdlint (default: jdlint's own default)")
    ap.add_argument("--small", default=str(ROOT / "examples" / "backend-engineer.md"), help="the cold/warm file")
    ap.add_argument("--scale", default="1,4,16", help="scaling factors (default 1,4,16)")
    ap.add_argument("--scale-base-bytes", type=int, default=10 * 1024 * 1024 // 16)
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    limit = args.limit or (3 if args.quick else None)
    factors = [int(x) for x in args.scale.split(",")] if not args.quick else [1, 2, 4]
    base_bytes = 20_000 if args.quick else args.scale_base_bytes

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"bench: corpus folder {corpus} not found; give one with --corpus DIR", file=sys.stderr)
        return 2
    import jdlint
    from jdlint.run.discover import discover

    files = list(discover([str(corpus)]))[:limit]
    if not files:
        print(f"bench: no postings under {corpus}", file=sys.stderr)
        return 2
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in files]
    words = sum(len(t.split()) for t in texts)
    work = Path(tempfile.mkdtemp(prefix="jdlint-bench-"))
    py = sys.executable
    base_env = {**os.environ, "NO_COLOR": "1"}
    # An installed wheel has its bytecode compiled by pip; an editable install (or
    # PYTHONDONTWRITEBYTECODE) may not, and every run would then compile jdlint's modules.
    compileall.compile_dir(str(Path(jdlint.__file__).parent), quiet=1)
    try:
        if limit is not None:  # lint exactly the chosen files: put them in a folder of their own
            sub = work / "corpus"
            sub.mkdir()
            for n, p in enumerate(files):
                shutil.copyfile(p, sub / f"{n:05d}{Path(p).suffix}")
            corpus_arg = str(sub)
            files = [str(p) for p in sorted(sub.iterdir())]
        else:
            corpus_arg = str(corpus)
        listing = work / "files.txt"
        listing.write_text("\n".join(files), encoding="utf-8")
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        results: dict = {
            "machine": {
                "cores": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
                "jdlint": jdlint.__version__,
                "load_before": os.getloadavg() if hasattr(os, "getloadavg") else None,
            },
            "corpus": {"path": str(corpus), "files": len(files), "words": words, "bytes": sum(map(len, texts))},
            "runs": runs,
        }
        print(f"corpus: {len(files)} files, {words:,} words; {runs} run(s) per figure; {os.cpu_count()} cores")

        # throughput and floor, side by side
        lint_cmd = [py, "-m", "jdlint", "check", corpus_arg, "--no-cache", "--format", "json", "--fail-on", "never"]
        floor_cmd = [py, "-c", FLOOR_CODE, str(listing)]
        env = {**base_env, "JDLINT_CACHE_DIR": str(work / "cache-unused")}
        lint_runs, floor_runs = [], []
        for r in range(runs):
            order = [("lint", lint_cmd + jobs), ("floor", floor_cmd)]
            for name, cmd in order if r % 2 == 0 else reversed(order):
                (lint_runs if name == "lint" else floor_runs).append(measure(cmd, env))
        lint_wall = summary([m["wall"] for m in lint_runs])
        floor_wall = summary([m["wall"] for m in floor_runs])
        results["throughput"] = {
            "wall_s": lint_wall,
            "cpu_s": summary([m["cpu"] for m in lint_runs]),
            "words_per_s": summary([words / m["wall"] for m in lint_runs]),
            "files_per_s": summary([len(files) / m["wall"] for m in lint_runs]),
            "peak_mib_largest_process": summary([m["peak_one"] / 2**20 for m in lint_runs]),
            "peak_mib_process_tree": summary([m["peak_tree"] / 2**20 for m in lint_runs]),
        }
        results["floor"] = {
            "wall_s": floor_wall,
            "cpu_s": summary([m["cpu"] for m in floor_runs]),
            "peak_mib": summary([m["peak_one"] / 2**20 for m in floor_runs]),
        }
        results["corpus_ratio"] = lint_wall["median"] / floor_wall["median"]
        # CPU seconds are much less disturbed by other load on the machine than wall time
        results["corpus_cpu_ratio"] = statistics.median(m["cpu"] for m in lint_runs) / statistics.median(
            m["cpu"] for m in floor_runs
        )

        # cold start against the spaCy import, side by side; then warm with the result cache.
        # "Cold" means no cached result (--no-cache): the parsed rule data is cached on disk by
        # content (jdlint.data.yaml_cache), so one untimed run first does what any first run does.
        small = args.small if Path(args.small).is_file() else files[0]
        cold_env = {**base_env, "JDLINT_CACHE_DIR": str(work / "cache-small")}
        cmd = [py, "-m", "jdlint", "check", small, "--format", "json", "--fail-on", "never"]
        measure(cmd, cold_env)  # untimed: fills the YAML cache and this file's result
        cold_runs, spacy_runs, warm_runs = [], [], []
        for r in range(runs):
            pair = [("cold", [*cmd, "--no-cache"]), ("spacy", [py, "-c", SPACY_IMPORT])]
            for name, c in pair if r % 2 == 0 else reversed(pair):
                (cold_runs if name == "cold" else spacy_runs).append(measure(c, cold_env))
            warm_runs.append(measure(cmd, cold_env)["wall"])
        results["cold"] = {
            "file": small,
            "jdlint_s": summary([m["wall"] for m in cold_runs]),
            "spacy_import_s": summary([m["wall"] for m in spacy_runs]),
            "ratio": statistics.median(m["wall"] for m in cold_runs) / statistics.median(m["wall"] for m in spacy_runs),
            "cpu_ratio": statistics.median(m["cpu"] for m in cold_runs)
            / statistics.median(m["cpu"] for m in spacy_runs),
        }
        results["warm_s"] = summary(warm_runs)

        # editor re-lint: lint_text with an engine that is already loaded
        from jdlint.config import Config
        from jdlint.engine import Engine
        from jdlint.run.api import lint_text

        engine = Engine(Config())
        pick = min(range(len(texts)), key=lambda i: abs(len(texts[i].split()) - 1000))
        lsp_text = texts[pick]
        lint_text(lsp_text, path="posting.md", engine=engine)  # loads spaCy, compiles the rule packs
        calls = []
        for _ in range(runs * 10):
            t0 = time.perf_counter()
            lint_text(lsp_text, path="posting.md", engine=engine)
            calls.append(time.perf_counter() - t0)
        results["lsp"] = {"words": len(lsp_text.split()), "ms": summary([c * 1000 for c in calls])}

        # scaling, in this process with the engine loaded (start-up would hide the slope)
        if not args.skip_scaling:
            results["scaling"] = _scaling(texts, base_bytes, factors, runs, work)

        results["machine"]["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
        _print(results)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _scaling(texts: list[str], base_bytes: int, factors: list[int], runs: int, work: Path) -> dict:
    from jdlint.config import Config
    from jdlint.engine import Engine
    from jdlint.run.api import lint_paths

    base: list[str] = []
    size = 0
    for t in texts:
        if base and size + len(t.encode()) > base_bytes:
            break
        base.append(t)
        size += len(t.encode())
    joined = "\n\n".join(base)
    engine = Engine(Config(max_file_size=max(factors) * (len(joined.encode()) + 2) + 1024))
    engine.nlp  # noqa: B018 - load spaCy before timing
    out: dict = {"base_files": len(base), "base_bytes": size, "single": {}, "many": {}}
    for k in factors:
        single = work / f"single-x{k}.md"
        single.write_text("\n\n".join([joined] * k), encoding="utf-8")
        many = work / f"many-x{k}"
        for c in range(k):
            d = many / f"copy{c:02d}"
            d.mkdir(parents=True)
            for n, t in enumerate(base):
                (d / f"{n:05d}.md").write_text(t, encoding="utf-8")
        for kind, target in (("single", single), ("many", many)):
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                lint_paths([str(target)], engine=engine, jobs=1, cache=False)
                times.append(time.perf_counter() - t0)
            out[kind][str(k)] = summary(times)
        single.unlink()
        shutil.rmtree(many)
    for kind in ("single", "many"):
        out[f"{kind}_exponent"] = exponent([float(k) for k in factors], [out[kind][str(k)]["median"] for k in factors])
    return out


def _print(r: dict) -> None:
    t, f = r["throughput"], r["floor"]
    mark = lambda ok: "ok" if ok else "MISSED"  # noqa: E731
    print()
    print("throughput  jdlint check (no cache)")
    print(f"  wall          {fmt(t['wall_s'])}   cpu {fmt(t['cpu_s'])}")
    print(f"  words/s       {fmt(t['words_per_s'], '', digits=0)}")
    print(f"  files/s       {fmt(t['files_per_s'], '', digits=1)}")
    print(f"  peak memory   {fmt(t['peak_mib_largest_process'], 'MiB', digits=0)} largest process, ", end="")
    print(f"{fmt(t['peak_mib_process_tree'], 'MiB', digits=0)} whole tree")
    print(f"floor       spaCy blank+sentencizer nlp.pipe, one process: {fmt(f['wall_s'])}", end="")
    print(f"   cpu {fmt(f['cpu_s'])}   peak {fmt(f['peak_mib'], 'MiB', digits=0)}")
    ok = r["corpus_ratio"] <= TARGETS["corpus_ratio"]
    target = TARGETS["corpus_ratio"]
    print(f"  ratio         {r['corpus_ratio']:.2f}× the floor (target ≤ {target}×: {mark(ok)});", end="")
    print(f" CPU time {r['corpus_cpu_ratio']:.2f}×")
    peak = t["peak_mib_largest_process"]["median"]
    print(f"  memory        largest process {peak:.0f} MiB (target < {TARGETS['peak_mib']:.0f}: ", end="")
    print(f"{mark(peak < TARGETS['peak_mib'])})")
    c = r["cold"]
    print(f"cold start  jdlint check {Path(c['file']).name}: {fmt(c['jdlint_s'])}")
    print(f"  spaCy import  {fmt(c['spacy_import_s'])}")
    print(f"  ratio         {c['ratio']:.2f}× (target ≤ {TARGETS['cold_ratio']}×: {mark(c['ratio'] <= 1.1)});", end="")
    print(f" CPU time {c['cpu_ratio']:.2f}×")
    w = r["warm_s"]
    print(f"warm        same file, cache filled: {fmt(w)} (target < 0.15 s: {mark(w['median'] < 0.15)})")
    lsp = r["lsp"]
    ok = lsp["ms"]["median"] < TARGETS["lsp_ms"]
    print(f"editor      lint_text, {lsp['words']} words, engine loaded: {fmt(lsp['ms'], 'ms', digits=1)}", end="")
    print(f" (target < 30 ms: {mark(ok)})")
    if "scaling" in r:
        s = r["scaling"]
        print(f"scaling     base {s['base_files']} files, {s['base_bytes'] / 1e6:.2f} MB; one process, engine loaded")
        for kind in ("single", "many"):
            cells = "  ".join(f"×{k}: {fmt(v)}" for k, v in s[kind].items())
            print(f"  {kind:6s} {cells}   exponent {s[f'{kind}_exponent']:.2f}")
    m = r["machine"]
    print(f"load average before {m['load_before']}, after {m['load_after']}")


if __name__ == "__main__":
    raise SystemExit(main())
