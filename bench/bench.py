#!/usr/bin/env python3
"""jdlint's benchmark: corpus CPU and wall against spaCy's own floor, cold start, a warm server, the editor, scaling.

Run from a clean clone (see docs/performance.md):

    python3 -m venv .venv && .venv/bin/pip install -q -e '.[lsp]' && .venv/bin/python bench/bench.py

Every figure is the median of `--runs` runs (default 5) with the min and max.
Commands that are compared run interleaved, round by round in the same order
(A B A B…), so load from other processes hits them alike; a ratio is the
median [min–max] of the ratios of the pairs of one round. CPU is user+sys of
the whole process tree (the command and every child it waited for: its
workers), from `wait4`; wall time is printed beside it, but pass/fail is judged
on CPU, which other load on a shared machine moves far less. The load average
is printed with the results. jdlint runs use a throw-away cache folder
(`JDLINT_CACHE_DIR`) and a throw-away runtime folder (no server of the user's is
ever used), and run with `JDLINT_NO_SERVER=1` except in the server row.

* corpus: `jdlint check CORPUS --no-cache` with jdlint's default jobs and with
  `--jobs 1`, beside the floor: a bare `spacy.blank("en")` + sentencizer
  `nlp.pipe` pass over the same texts in one process, imports included as
  jdlint's figure includes its own (also words/s, files/s, peak memory);
* cold start: `jdlint check SMALL --no-cache` (neither a cached result nor the
  parsed-rule-data cache: `--no-cache` turns both off) beside
  `python -c "import spacy; spacy.blank('en')"`; jdlint's modules are
  byte-compiled first, as pip does when it installs a wheel; warm: the same
  file with the result cache filled;
* server: when `jdlint server` exists, per round `jdlint server start`, the
  first one-file run through it and three repeated ones (`--no-cache`: the
  server lints each time), then `jdlint server stop`; the server is stopped at
  the end whatever happens. Without it the row says "server not available";
* editor: `jdlint lsp` driven over stdio (bench/lsp_client.py): the corpus
  posting closest to 1,000 words and the one closest to 10,000 words are
  opened and edited one character at a time (`--edits`, default 20), each edit
  waiting for the publishDiagnostics of its version; the latency is didChange
  sent → publishDiagnostics read. Beside it, `lint_text` with a loaded engine
  in this process (what one lint costs without debounce or protocol);
* scaling: a base sample of the corpus concatenated ×1, ×4, ×16 into one file
  and copied ×1, ×4, ×16 as many files, each linted by its own
  `jdlint check --no-cache --jobs 1` process, sizes interleaved in every round
  with a start-up run (`jdlint check SMALL`, same flags); the start-up run of
  the round is subtracted and the exponent is the least-squares slope of
  log(net time) on log(size) (1.0 is linear), on CPU (judged) and wall. The
  base is 1/16 of the 10 MiB file-size limit by default
  (`--scale-base-bytes`); a configuration file raises the limit to fit.

`--quick` is a smoke run for CI (3 files, one run, 3 edits, a ~3,000-word
large document, a small scaling sample, ×1 and ×2).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import math
import os
import platform
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
# The targets (issue 21). "judged" ones decide ok/MISSED; the others are reported.
TARGETS = {
    "corpus_jobs1_cpu_ratio": 1.2,  # CPU of `--jobs 1` / CPU of the floor
    "corpus_wall_ratio": 0.7,  # wall, default jobs, 2 cores: reported, not judged
    "cold_cpu_ratio": 1.0,  # CPU of a cold one-file run / CPU of the spaCy import
    "server_s": 0.15,  # wall of a one-file run through a warm server
    "editor_ms": 60.0,  # didChange → publishDiagnostics, ~1,000 words
    "peak_mib": 300.0,  # largest process over the corpus
    "exponent": 1.1,  # scaling exponent on net CPU
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
# Where `jdlint server` keeps its socket: a throw-away folder for every variable it may read.
RUNTIME_ENV = ("XDG_RUNTIME_DIR", "JDLINT_SERVER_DIR")


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


def measure(cmd: list[str], env: dict[str, str] | None = None, timeout: float | None = None) -> dict[str, float]:
    """Wall and CPU seconds and peak memory of one command (its output is discarded).

    Its stderr goes to a file, not a pipe: a process it hands the descriptor to (a server) may
    keep it open after it exits. Past `timeout` seconds it is killed and TimeoutError raised.
    """
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as errfile:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=errfile)
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
            if timeout is not None and time.perf_counter() - t0 > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise TimeoutError(f"{' '.join(cmd[2:5])}… took more than {timeout:g} s")
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        errfile.seek(0)
        err = errfile.read().decode("utf-8", "replace")
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


def cpu(m: dict[str, float]) -> float:
    return m["cpu"]


def wall(m: dict[str, float]) -> float:
    return m["wall"]


def interleaved(commands: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, list[dict]]:
    """Each command once per round, in the same order every round (A B A B…)."""
    out: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, env) in commands.items():
            out[name].append(measure(cmd, env))
    return out


def ratio(a: list[dict], b: list[dict], key) -> dict[str, float]:
    """Median [min–max] of the round-by-round ratios key(a)/key(b)."""
    return summary([key(x) / max(key(y), 1e-9) for x, y in zip(a, b, strict=True)])


def figures(ms: list[dict]) -> dict[str, dict[str, float]]:
    return {"wall_s": summary([wall(m) for m in ms]), "cpu_s": summary([cpu(m) for m in ms])}


def fmt_ratio(s: dict[str, float]) -> str:
    return f"{s['median']:.2f}× [{s['min']:.2f}–{s['max']:.2f}]"


def _tagged(tag: str) -> dict[int, float]:
    """{pid: CPU seconds so far} of the live processes whose environment holds `tag` (the server's)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    needle = f"JDLINT_BENCH_TAG={tag}".encode()
    found: dict[int, float] = {}
    for pid in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                if needle not in fh.read().split(b"\0"):
                    continue
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            found[int(pid)] = sum(int(x) for x in fields[11:15]) / tick  # utime stime cutime cstime
        except (OSError, ValueError, IndexError):
            continue
    return found


def _tagged_cpu(tag: str) -> float:
    return sum(_tagged(tag).values())


# -- the benchmark -------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("JDLINT_BENCH_CORPUS", str(DEFAULT_CORPUS)))
    ap.add_argument("--runs", type=int, help="runs per measurement (default 5; 1 with --quick)")
    ap.add_argument("--quick", action="store_true", help="CI smoke run: 3 files, one run, small scaling sample")
    ap.add_argument("--limit", type=int, help="only the first N files of the corpus")
    ap.add_argument("--jobs", type=int, help="pass --jobs N to jdlint's default-jobs corpus run (default: its own)")
    ap.add_argument("--small", default=str(ROOT / "examples" / "backend-engineer.md"), help="the one-file posting")
    ap.add_argument("--edits", type=int, help="didChange edits per editor document (default 20; 3 with --quick)")
    ap.add_argument("--scale", default="1,4,16", help="scaling factors (default 1,4,16)")
    ap.add_argument("--scale-base-bytes", type=int, default=10 * 1024 * 1024 // 16)
    ap.add_argument("--scale-runs", type=int, help="runs of the scaling rows (default: --runs); the longest part")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--skip-server", action="store_true")
    ap.add_argument("--skip-editor", action="store_true")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    limit = args.limit or (3 if args.quick else None)
    factors = [int(x) for x in args.scale.split(",")] if not args.quick else [1, 2]
    base_bytes = 20_000 if args.quick else args.scale_base_bytes
    edits = args.edits or (3 if args.quick else 20)
    large = 3000 if args.quick else 10000

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"bench: corpus folder {corpus} not found; give one with --corpus DIR", file=sys.stderr)
        return 2
    import jdlint
    from jdlint.run.discover import discover

    all_files = list(discover([str(corpus)]))
    files = all_files[:limit]
    if not files:
        print(f"bench: no postings under {corpus}", file=sys.stderr)
        return 2
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in files]
    words = sum(len(t.split()) for t in texts)
    work = Path(tempfile.mkdtemp(prefix="jdlint-bench-"))
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    py = sys.executable
    base_env = {**os.environ, "NO_COLOR": "1", "JDLINT_NO_SERVER": "1", **{k: str(runtime) for k in RUNTIME_ENV}}
    base_env.pop("JDLINT_SERVER", None)  # (1 would start a server on first use)
    # An installed wheel has its bytecode compiled by pip; an editable install (or
    # PYTHONDONTWRITEBYTECODE) may not, and every run would then compile jdlint's modules.
    compileall.compile_dir(str(Path(jdlint.__file__).parent), quiet=1)
    began = time.perf_counter()
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
            "targets": TARGETS,
        }
        print(f"corpus: {len(files)} files, {words:,} words; {runs} run(s) per figure; {os.cpu_count()} cores")
        small = args.small if Path(args.small).is_file() else files[0]
        sections: dict[str, float] = {}
        lap = time.perf_counter()

        def done(name: str) -> None:
            nonlocal lap
            sections[name] = time.perf_counter() - lap
            lap = time.perf_counter()

        results.update(_corpus(py, corpus_arg, listing, files, words, runs, args.jobs, work, base_env))
        done("corpus")
        results.update(_cold(py, small, runs, work, base_env))
        done("cold")
        results["server"] = (
            {"available": False, "reason": "--skip-server"}
            if args.skip_server
            else _server(py, small, runs, work, base_env)
        )
        done("server")
        if not args.skip_editor:
            pool = [(len(t.split()), t, Path(p).suffix) for t, p in zip(texts, files, strict=True)]
            results["editor"] = _editor(py, pool, edits, large, work, base_env)
            results["engine_relint"] = _engine_relint(pool, runs)
            done("editor")
        if not args.skip_scaling:
            scale_runs = args.scale_runs or runs
            results["scaling"] = _scaling(py, texts, base_bytes, factors, scale_runs, small, work, base_env)
            results["scaling"]["runs"] = scale_runs
            done("scaling")
        results["machine"]["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
        results["elapsed_s"] = time.perf_counter() - began
        results["sections_s"] = sections
        results["verdicts"] = _verdicts(results)
        _print(results)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _corpus(
    py: str,
    corpus_arg: str,
    listing: Path,
    files: list[str],
    words: int,
    runs: int,
    jobs: int | None,
    work: Path,
    base_env: dict[str, str],
) -> dict:
    """The corpus with default jobs and with --jobs 1, beside the floor, interleaved."""
    lint_cmd = [py, "-m", "jdlint", "check", corpus_arg, "--no-cache", "--format", "json", "--fail-on", "never"]
    env = {**base_env, "JDLINT_CACHE_DIR": str(work / "cache-unused")}
    got = interleaved(
        {
            "lint": (lint_cmd + (["--jobs", str(jobs)] if jobs else []), env),
            "lint_jobs1": ([*lint_cmd, "--jobs", "1"], env),
            "floor": ([py, "-c", FLOOR_CODE, str(listing)], env),
        },
        runs,
    )
    lint, one, floor = got["lint"], got["lint_jobs1"], got["floor"]

    def throughput(ms: list[dict]) -> dict:
        return {
            **figures(ms),
            "words_per_s": summary([words / wall(m) for m in ms]),
            "files_per_s": summary([len(files) / wall(m) for m in ms]),
            "peak_mib_largest_process": summary([m["peak_one"] / 2**20 for m in ms]),
            "peak_mib_process_tree": summary([m["peak_tree"] / 2**20 for m in ms]),
        }

    return {
        "throughput": {**throughput(lint), "jobs": jobs or "default"},
        "throughput_jobs1": throughput(one),
        "floor": {**figures(floor), "peak_mib": summary([m["peak_one"] / 2**20 for m in floor])},
        "corpus_ratio": ratio(lint, floor, wall)["median"],  # kept for older readers of the JSON
        "corpus_wall_ratio": ratio(lint, floor, wall),
        "corpus_cpu_ratio": ratio(lint, floor, cpu),
        "corpus_jobs1_wall_ratio": ratio(one, floor, wall),
        "corpus_jobs1_cpu_ratio": ratio(one, floor, cpu),
    }


def _cold(py: str, small: str, runs: int, work: Path, base_env: dict[str, str]) -> dict:
    """Cold one-file run beside the spaCy import, and warm (result cache filled), interleaved."""
    env = {**base_env, "JDLINT_CACHE_DIR": str(work / "cache-small")}
    cmd = [py, "-m", "jdlint", "check", small, "--format", "json", "--fail-on", "never"]
    measure(cmd, env)  # untimed: fills this file's result (and the YAML cache) for the warm row
    got = interleaved(
        {"cold": ([*cmd, "--no-cache"], env), "spacy": ([py, "-c", SPACY_IMPORT], env), "warm": (cmd, env)}, runs
    )
    return {
        "cold": {
            "file": small,
            "jdlint": figures(got["cold"]),
            "spacy_import": figures(got["spacy"]),
            "jdlint_s": summary([wall(m) for m in got["cold"]]),  # kept for older readers of the JSON
            "wall_ratio": ratio(got["cold"], got["spacy"], wall),
            "cpu_ratio": ratio(got["cold"], got["spacy"], cpu),
        },
        "warm": figures(got["warm"]),
        "warm_s": summary([wall(m) for m in got["warm"]]),
    }


def _server(py: str, small: str, runs: int, work: Path, base_env: dict[str, str]) -> dict:
    """One-file runs through a warm `jdlint server`: the first after each start, then repeated ones."""
    tag = uuid.uuid4().hex
    env = {k: v for k, v in base_env.items() if k != "JDLINT_NO_SERVER"}
    env.update({"JDLINT_BENCH_TAG": tag, "JDLINT_CACHE_DIR": str(work / "cache-server")})
    jd = [py, "-m", "jdlint"]
    said = work / "server-said.txt"

    def control(*action: str) -> tuple[int, str]:
        # Output to a file, never a pipe: a daemon that kept the pipe open would make us wait for ever.
        with open(said, "w+b") as fh:
            try:
                rc = subprocess.run([*jd, "server", *action], env=env, stdout=fh, stderr=fh, timeout=120).returncode
            except subprocess.TimeoutExpired:
                rc = -1
            fh.seek(0)
            return rc, fh.read().decode("utf-8", "replace").strip()

    # (an older jdlint reads an unknown first word as a path to check: ask for the subcommands by name)
    rc, usage = control("--help")
    if rc != 0 or not all(word in usage for word in ("start", "stop", "status")):
        return {"available": False, "reason": "`jdlint server` does not exist in this jdlint"}
    cmd = [*jd, "check", small, "--no-cache", "--format", "json", "--fail-on", "never"]
    start, first, repeated, server_cpu, status = [], [], [], [], ""

    def through_server() -> dict:
        before = _tagged_cpu(tag)
        m = measure(cmd, env, timeout=120)
        server_cpu.append(_tagged_cpu(tag) - before)
        return m

    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            rc, err = control("start", "--idle-timeout", "600")
            if rc != 0:
                return {"available": False, "reason": f"`jdlint server start` failed ({rc}): {err[:300]}"}
            start.append(time.perf_counter() - t0)
            first.append(through_server())
            repeated.extend(through_server() for _ in range(3))
            status = control("status")[1]
            control("stop")
    except TimeoutError as exc:
        return {"available": False, "reason": f"a run through the server did not finish: {exc}"}
    finally:
        control("stop")
        deadline = time.monotonic() + 10
        while _tagged(tag) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid in _tagged(tag):  # only processes carrying this run's tag: the server this run started
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
    return {
        "available": True,
        "start_s": summary(start),
        "first": figures(first),
        "repeated": figures(repeated),
        "server_cpu_s_per_run": summary(server_cpu),
        "status": status[:500],
    }


def _pick(pool: list[tuple[int, str, str]], target: int) -> tuple[str, str]:
    """The text closest to `target` words; if none is within half of it, postings joined up to it."""
    n, text, suffix = min(pool, key=lambda x: abs(x[0] - target))
    if abs(n - target) <= target / 2 or not any(x[0] for x in pool):
        return text, suffix
    parts, total = [], 0
    while total < target:
        for n, t, _ in pool:
            parts.append(t)
            total += n
            if total >= target:
                break
    return "\n\n".join(parts), ".md"


def _editor(
    py: str, pool: list[tuple[int, str, str]], edits: int, large: int, work: Path, base_env: dict[str, str]
) -> dict:
    """didChange → publishDiagnostics through `jdlint lsp` over stdio, one character per edit."""
    from lsp_client import LspClient

    env = {**base_env, "JDLINT_CACHE_DIR": str(work / "cache-editor")}
    probe = subprocess.run([py, "-c", "import pygls"], env=env, capture_output=True)
    if probe.returncode != 0:
        return {"available": False, "reason": "the language server needs pygls (`pip install -e '.[lsp]'`)"}
    client = LspClient([py, "-m", "jdlint", "lsp"], work, env)
    out: dict = {"available": True, "edits": edits}
    try:
        client.initialize(work)
        for key, target in (("words_1000", 1000), ("words_large", large)):
            text, suffix = _pick(pool, target)
            uri = (work / f"editor-{target}{suffix}").as_uri()
            lang = "markdown" if suffix == ".md" else "plaintext"
            t0 = client.notify(
                "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}}
            )
            arrived, params = client.wait_diagnostics(uri, 1)
            opened = arrived - t0
            lines = text.split("\n")
            # type at the end of the longest line in the middle third: an edit inside prose
            third = max(1, len(lines) // 3)
            line = max(range(third, min(len(lines), 2 * third + 1)), key=lambda i: len(lines[i]), default=0)
            col = len(lines[line].encode("utf-16-le")) // 2
            latencies = []
            for version in range(2, edits + 2):
                if version % 2 == 0:  # type one character, then delete it: the text stays the same size
                    change = {"range": _range(line, col, line, col), "text": "s"}
                else:
                    change = {"range": _range(line, col, line, col + 1), "text": ""}
                sent = client.notify(
                    "textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
                )
                arrived, _ = client.wait_diagnostics(uri, version)
                latencies.append((arrived - sent) * 1000)
            out[key] = {
                "words": len(text.split()),
                "open_ms": opened * 1000,
                "findings": len(params.get("diagnostics", [])),
                "ms": summary(latencies),
            }
            client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    except (queue.Empty, RuntimeError, OSError) as exc:  # no answer in time, or the server died
        said = "no publishDiagnostics within 60 s" if isinstance(exc, queue.Empty) else str(exc)[:300]
        return {"available": False, "reason": f"the language server failed: {said}"}
    finally:
        client.close()
    return out


def _range(l1: int, c1: int, l2: int, c2: int) -> dict:
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def _engine_relint(pool: list[tuple[int, str, str]], runs: int) -> dict:
    """`lint_text` with a loaded engine in this process: one lint without debounce or protocol."""
    from jdlint.config import Config
    from jdlint.engine import Engine
    from jdlint.run.api import lint_text

    text, suffix = _pick(pool, 1000)
    engine = Engine(Config())
    lint_text(text, path=f"posting{suffix}", engine=engine)  # loads spaCy, compiles the rule packs
    calls = []
    for _ in range(runs * 10):
        t0 = time.perf_counter()
        lint_text(text, path=f"posting{suffix}", engine=engine)
        calls.append((time.perf_counter() - t0) * 1000)
    return {"words": len(text.split()), "ms": summary(calls)}


def _scaling(
    py: str,
    texts: list[str],
    base_bytes: int,
    factors: list[int],
    runs: int,
    small: str,
    work: Path,
    base_env: dict[str, str],
) -> dict:
    """Each size linted by its own one-process run, sizes interleaved with a start-up run, start-up subtracted."""
    base: list[str] = []
    size = 0
    for t in texts:
        if base and size + len(t.encode()) > base_bytes:
            break
        base.append(t)
        size += len(t.encode())
    joined = "\n\n".join(base)
    config = work / "scaling.jdlint.yaml"
    config.write_text(f"max-file-size: {max(factors) * (len(joined.encode()) + 2) + 1024}\n", encoding="utf-8")
    env = {**base_env, "JDLINT_CACHE_DIR": str(work / "cache-scaling")}
    flags = ["--no-cache", "--jobs", "1", "--config", str(config), "--format", "json", "--fail-on", "never"]
    commands = {"start-up": ([py, "-m", "jdlint", "check", small, *flags], env)}
    for k in factors:
        single = work / f"single-x{k}.md"
        single.write_text("\n\n".join([joined] * k), encoding="utf-8")
        commands[f"single/{k}"] = ([py, "-m", "jdlint", "check", str(single), *flags], env)
    for k in factors:
        many = work / f"many-x{k}"
        for c in range(k):
            d = many / f"copy{c:02d}"
            d.mkdir(parents=True)
            for n, t in enumerate(base):
                (d / f"{n:05d}.md").write_text(t, encoding="utf-8")
        commands[f"many/{k}"] = ([py, "-m", "jdlint", "check", str(many), *flags], env)
    got = interleaved(commands, runs)
    startup = got["start-up"]
    out: dict = {
        "method": "one process per size (--jobs 1), start-up run of the same round subtracted",
        "base_files": len(base),
        "base_bytes": size,
        "start_up": figures(startup),
    }
    for kind in ("single", "many"):
        rows = {}
        for k in factors:
            ms = got[f"{kind}/{k}"]
            rows[str(k)] = {
                **figures(ms),
                "net_wall_s": summary([wall(m) - wall(s) for m, s in zip(ms, startup, strict=True)]),
                "net_cpu_s": summary([cpu(m) - cpu(s) for m, s in zip(ms, startup, strict=True)]),
            }
        out[kind] = rows
        sizes = [float(k) for k in factors]
        out[f"{kind}_exponent"] = exponent(sizes, [rows[str(k)]["net_cpu_s"]["median"] for k in factors])
        out[f"{kind}_exponent_wall"] = exponent(sizes, [rows[str(k)]["net_wall_s"]["median"] for k in factors])
    for path in work.glob("single-x*"):
        path.unlink()
    for path in work.glob("many-x*"):
        shutil.rmtree(path)
    return out


# -- the verdicts and the report ------------------------------------------------
def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _verdicts(r: dict) -> list[dict]:
    """One row per figure: what jdlint took, what it is compared with, the ratios, the target and the verdict."""
    rows: list[dict] = []

    def row(figure: str, jdlint: str, beside: str, wall_r: str, cpu_r: str, target: str, verdict: str) -> None:
        rows.append(
            {
                "figure": figure,
                "jdlint": jdlint,
                "beside": beside,
                "wall_ratio": wall_r,
                "cpu_ratio": cpu_r,
                "target": target,
                "verdict": verdict,
            }
        )

    def both(f: dict) -> str:
        return f"{fmt(f['wall_s'])}, CPU {fmt(f['cpu_s'])}"

    c = r["corpus"]
    t, one, fl = r["throughput"], r["throughput_jobs1"], r["floor"]
    name = f"corpus, {c['files']:,} files, {c['words']:,} words, `--no-cache`"
    floor = f"floor {both(fl)}"
    w = r["corpus_wall_ratio"]
    row(
        f"{name}, jobs {t['jobs']}",
        both(t),
        floor,
        fmt_ratio(w),
        fmt_ratio(r["corpus_cpu_ratio"]),
        f"wall ≤ {TARGETS['corpus_wall_ratio']}× on 2 cores (reported)",
        f"reported ({'under' if w['median'] <= TARGETS['corpus_wall_ratio'] else 'over'})",
    )
    cr = r["corpus_jobs1_cpu_ratio"]
    row(
        f"{name}, `--jobs 1`",
        both(one),
        floor,
        fmt_ratio(r["corpus_jobs1_wall_ratio"]),
        fmt_ratio(cr),
        f"CPU ≤ {TARGETS['corpus_jobs1_cpu_ratio']}×",
        _mark(cr["median"] <= TARGETS["corpus_jobs1_cpu_ratio"]),
    )
    peak = t["peak_mib_largest_process"]
    row(
        "peak memory over the corpus, largest process",
        fmt(peak, "MiB", digits=0),
        f"floor {fmt(fl['peak_mib'], 'MiB', digits=0)}",
        "",
        "",
        f"< {TARGETS['peak_mib']:.0f} MiB",
        _mark(peak["median"] < TARGETS["peak_mib"]),
    )
    cold = r["cold"]
    row(
        f"cold `jdlint check {Path(cold['file']).name} --no-cache`",
        both(cold["jdlint"]),
        f"`{SPACY_IMPORT}` {both(cold['spacy_import'])}",
        fmt_ratio(cold["wall_ratio"]),
        fmt_ratio(cold["cpu_ratio"]),
        f"CPU ≤ {TARGETS['cold_cpu_ratio']}×",
        _mark(cold["cpu_ratio"]["median"] <= TARGETS["cold_cpu_ratio"]),
    )
    row("warm, same file, result cache filled", both(r["warm"]), "", "", "", "", "reported")
    s = r["server"]
    if s["available"]:
        extra = f"server CPU per run {fmt(s['server_cpu_s_per_run'])}"
        row(
            "server, first one-file run after `jdlint server start`",
            both(s["first"]),
            f"start {fmt(s['start_s'])}",
            "",
            "",
            "",
            "reported",
        )
        ok = s["repeated"]["wall_s"]["median"] < TARGETS["server_s"]
        row(
            "server, repeated one-file runs",
            both(s["repeated"]) + " (client)",
            extra,
            "",
            "",
            f"< {TARGETS['server_s']} s wall",
            _mark(ok),
        )
    else:
        row(
            "server, one-file run",
            "server not available",
            s["reason"],
            "",
            "",
            f"< {TARGETS['server_s']} s wall",
            "not measured",
        )
    e = r.get("editor")
    if e and e["available"]:
        for key, judged in (("words_1000", True), ("words_large", False)):
            d = e[key]
            row(
                f"editor, didChange → publishDiagnostics, {d['words']:,} words, {e['edits']} edits",
                fmt(d["ms"], "ms", digits=1),
                f"didOpen {d['open_ms']:.0f} ms",
                "",
                "",
                f"≤ {TARGETS['editor_ms']:.0f} ms" if judged else "",
                _mark(d["ms"]["median"] <= TARGETS["editor_ms"]) if judged else "reported",
            )
    elif e:
        row(
            "editor, didChange → publishDiagnostics",
            "not measured",
            e["reason"],
            "",
            "",
            f"≤ {TARGETS['editor_ms']:.0f} ms",
            "not measured",
        )
    if "engine_relint" in r:
        lt = r["engine_relint"]
        row(
            f"one lint, `lint_text`, {lt['words']:,} words, engine loaded (no debounce, no protocol)",
            fmt(lt["ms"], "ms", digits=1),
            "",
            "",
            "",
            "",
            "reported",
        )
    if "scaling" in r:
        sc = r["scaling"]
        for kind, what in (("single", "one file"), ("many", "many files")):
            ks = list(sc[kind])
            cells = " / ".join(f"{sc[kind][k]['net_cpu_s']['median']:.2f}" for k in ks)
            walls = " / ".join(f"{sc[kind][k]['net_wall_s']['median']:.2f}" for k in ks)
            exp = sc[f"{kind}_exponent"]
            row(
                f"scaling, {what} ×{' / ×'.join(ks)}, net of start-up",
                f"CPU {cells} s; wall {walls} s",
                f"start-up {both(sc['start_up'])}",
                f"exponent {sc[f'{kind}_exponent_wall']:.2f}",
                f"exponent {exp:.2f}",
                f"CPU exponent < {TARGETS['exponent']}",
                _mark(exp < TARGETS["exponent"]),
            )
    return rows


def _print(r: dict) -> None:
    t, one, f = r["throughput"], r["throughput_jobs1"], r["floor"]
    print()
    print(f"corpus      jdlint check (no cache), jobs {t['jobs']}")
    print(f"  wall          {fmt(t['wall_s'])}   cpu {fmt(t['cpu_s'])}")
    print(f"  words/s       {fmt(t['words_per_s'], '', digits=0)}")
    print(f"  files/s       {fmt(t['files_per_s'], '', digits=1)}")
    print(f"  peak memory   {fmt(t['peak_mib_largest_process'], 'MiB', digits=0)} largest process, ", end="")
    print(f"{fmt(t['peak_mib_process_tree'], 'MiB', digits=0)} whole tree")
    print(f"  ratio         wall {fmt_ratio(r['corpus_wall_ratio'])}, CPU {fmt_ratio(r['corpus_cpu_ratio'])} the floor")
    print("corpus      jdlint check (no cache), --jobs 1")
    print(f"  wall          {fmt(one['wall_s'])}   cpu {fmt(one['cpu_s'])}")
    print(f"  ratio         wall {fmt_ratio(r['corpus_jobs1_wall_ratio'])}, ", end="")
    print(f"CPU {fmt_ratio(r['corpus_jobs1_cpu_ratio'])} the floor")
    print(f"floor       spaCy blank+sentencizer nlp.pipe, one process: {fmt(f['wall_s'])}", end="")
    print(f"   cpu {fmt(f['cpu_s'])}   peak {fmt(f['peak_mib'], 'MiB', digits=0)}")
    c = r["cold"]
    print(f"cold start  jdlint check {Path(c['file']).name} --no-cache: {fmt(c['jdlint']['wall_s'])}", end="")
    print(f"   cpu {fmt(c['jdlint']['cpu_s'])}")
    print(f"  spaCy import  {fmt(c['spacy_import']['wall_s'])}   cpu {fmt(c['spacy_import']['cpu_s'])}")
    print(f"  ratio         wall {fmt_ratio(c['wall_ratio'])}, CPU {fmt_ratio(c['cpu_ratio'])}")
    print(f"warm        same file, cache filled: {fmt(r['warm']['wall_s'])}   cpu {fmt(r['warm']['cpu_s'])}")
    s = r["server"]
    if s["available"]:
        print(f"server      start {fmt(s['start_s'])}; one-file run through it (--no-cache):")
        print(f"  first         {fmt(s['first']['wall_s'])}   client cpu {fmt(s['first']['cpu_s'])}")
        print(f"  repeated      {fmt(s['repeated']['wall_s'])}   client cpu {fmt(s['repeated']['cpu_s'])}")
        print(f"  server cpu    {fmt(s['server_cpu_s_per_run'])} per run")
    else:
        print(f"server      server not available: {s['reason']}")
    e = r.get("editor")
    if e and e["available"]:
        print(f"editor      jdlint lsp over stdio, didChange → publishDiagnostics, {e['edits']} one-character edits")
        for key in ("words_1000", "words_large"):
            d = e[key]
            print(f"  {d['words']:>6,} words  {fmt(d['ms'], 'ms', digits=1)}   (didOpen {d['open_ms']:.0f} ms)")
    elif e:
        print(f"editor      not measured: {e['reason']}")
    if "engine_relint" in r:
        lt = r["engine_relint"]
        print(f"one lint    lint_text, {lt['words']} words, engine loaded: {fmt(lt['ms'], 'ms', digits=1)}")
    if "scaling" in r:
        sc = r["scaling"]
        print(f"scaling     base {sc['base_files']} files, {sc['base_bytes'] / 1e6:.2f} MB; {sc['method']}", end="")
        print(f"; {sc['runs']} run(s)")
        print(f"  start-up      {fmt(sc['start_up']['wall_s'])}   cpu {fmt(sc['start_up']['cpu_s'])}")
        for kind in ("single", "many"):
            cells = "  ".join(f"×{k}: {fmt(v['net_cpu_s'])}" for k, v in sc[kind].items())
            print(f"  {kind:6s} net cpu {cells}   exponent {sc[f'{kind}_exponent']:.2f}", end="")
            print(f" (wall {sc[f'{kind}_exponent_wall']:.2f})")
    m = r["machine"]
    print(f"load average before {m['load_before']}, after {m['load_after']}")
    laps = ", ".join(f"{k} {v:.0f} s" for k, v in r["sections_s"].items())
    print(f"took {r['elapsed_s']:.0f} s ({laps})")
    print()
    print("| figure | jdlint | beside it | wall ratio | CPU ratio | target | verdict |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for v in r["verdicts"]:
        cells = [v[k] for k in ("figure", "jdlint", "beside", "wall_ratio", "cpu_ratio", "target", "verdict")]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
