"""The caches are not trusted: poisoned result entries, planted parsed YAML, stale plugin code, growth.

Each probe plants what an attacker with write access to the cache folder (a shared CI cache
restored from another branch's run) could, then runs the real CLI.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, write_distribution

from jdlint.run import cache as result_cache
from jdlint.version import __version__

POSTING = "# Backend Engineer\n\nWe need a rockstar who can hit the ground running.\n"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"JDLINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT), **extra}


def _entries(tmp_path: Path) -> list[Path]:
    root = tmp_path / "cache"
    return [p for p in root.glob("??/*") if p.is_file()]


def _forge(entry: Path, findings: list, summary: dict | None = None) -> None:
    """Rewrite an entry with a correct checksum: what a forger who read the code would write."""
    body = json.dumps({"findings": findings, "summary": summary or {}}).encode()
    magic = b"jdlint-cache %d " % result_cache.FORMAT
    entry.write_bytes(magic + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def _json(tmp_path: Path, *args: str, env: dict[str, str]) -> dict:
    proc = run_cli("check", "--format", "json", "--fail-on", "never", *args, "job.md", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def cached(tmp_path):
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    env = _env(tmp_path)
    first = _json(tmp_path, env=env)
    assert "exclusionary-jargon" in {f["rule"] for f in first["findings"]}
    (entry,) = _entries(tmp_path)
    return tmp_path, env, first, entry


def _good_record(first: dict) -> dict:
    f = next(f for f in first["findings"] if f["rule"] == "exclusionary-jargon")
    start = POSTING.index(f["match"])
    return {
        **{k: f[k] for k in ("path", "rule", "category", "message", "line", "column", "end_line", "end_column")},
        "severity": 2,
        "match": f["match"],
        "suggestions": f["suggestions"],
        "start": start,
        "end": start + len(f["match"]),
        "fix": None,
    }


POISONS = {
    "hide-everything": lambda good: ([], {}),
    "fix-writes-elsewhere": lambda good: ([{**good, "start": 0, "end": 2, "fix": "pwned"}], {}),
    "fix-multi-line": lambda good: ([{**good, "fix": "expert\n\n## Injected section\n"}], {}),
    "reporter-crash": lambda good: ([{**good, "severity": 7, "line": 0}], {}),
    "wrong-types": lambda good: ([{**good, "suggestions": "expert"}], {}),
    "summary-crash": lambda good: ([good], {"gender_coding": ["not", "a", "mapping"]}),
    "extra-field": lambda good: ([{**good, "evil": True}], {}),
}


@pytest.mark.parametrize("poison", sorted(POISONS))
def test_a_forged_result_entry_is_ignored_and_deleted(cached, poison):
    tmp_path, env, first, entry = cached
    findings, summary = POISONS[poison](_good_record(first))
    _forge(entry, findings, summary)
    if poison == "hide-everything":
        # an empty list is a possible answer, so it is believed only for this key: hiding findings
        # needs a forged entry for the exact key, which `--no-cache` (and CI without a restored cache) avoid
        assert _json(tmp_path, "--no-cache", env=env) == first
        return
    assert _json(tmp_path, env=env) == first
    assert _json(tmp_path, env=env) == first
    proc = run_cli("check", "--fix", "job.md", cwd=tmp_path, env=env)
    assert "pwned" not in (tmp_path / "job.md").read_text(encoding="utf-8")
    assert "Injected" not in (tmp_path / "job.md").read_text(encoding="utf-8")
    assert "Traceback" not in proc.stderr


def test_a_plugin_edited_without_a_version_bump_is_not_answered_from_old_results(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    module = site / "acme_stale.py"
    code = (
        "from jdlint import Severity, Hit, Rule, hookimpl\n"
        "RULE = Rule(id='acme-stale', category='bias', severity=Severity.WARNING, summary='A test rule.')\n"
        "@hookimpl\ndef jdlint_rules():\n    return [RULE]\n"
        "@hookimpl\ndef jdlint_check(posting):\n    yield Hit('acme-stale', 0, 1, 'MESSAGE')\n"
    )
    module.write_text(code.replace("MESSAGE", "first version"), encoding="utf-8")
    write_distribution(site, "acme-stale", {}, {"acme-stale": "acme_stale"})
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    env = _env(tmp_path, PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]))
    messages = lambda doc: [f["message"] for f in doc["findings"] if f["rule"] == "acme-stale"]  # noqa: E731
    assert messages(_json(tmp_path, env=env)) == ["first version"]
    module.write_text(code.replace("MESSAGE", "second version"), encoding="utf-8")
    assert messages(_json(tmp_path, env=env)) == ["second version"]


def test_a_planted_parsed_yaml_entry_cannot_change_bundled_rules_under_no_cache(tmp_path):
    """The parsed-YAML cache is keyed by the file's bytes; a forged entry for jdlint's own pack is not read."""
    pack = ROOT / "rules" / "bias" / "exclusionary-jargon.yaml"
    data = pack.read_bytes()
    key = hashlib.sha256(b"%s\0%s\0" % (__version__.encode(), sys.version.encode()) + data).hexdigest()
    folder = tmp_path / "cache" / "yaml"
    folder.mkdir(parents=True)
    body = pickle.dumps({"rules": []})
    header = b"jdlint-yaml 2 " + key.encode() + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n"
    (folder / f"{key}.pickle").write_bytes(header + body)
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    env = _env(tmp_path)
    rules = {f["rule"] for f in _json(tmp_path, "--no-cache", env=env)["findings"]}
    assert "exclusionary-jargon" in rules


def test_a_tampered_parsed_yaml_entry_is_deleted(tmp_path):
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    env = _env(tmp_path)
    first = _json(tmp_path, env=env)
    entries = list((tmp_path / "cache" / "yaml").glob("*.pickle"))
    assert entries
    for entry in entries:  # a body that no longer matches its header's checksum
        entry.write_bytes(entry.read_bytes()[:-3] + b"xyz")
    for p in _entries(tmp_path):
        p.unlink()
    assert _json(tmp_path, env=env) == first


def test_the_result_cache_is_pruned(tmp_path):
    root = tmp_path / "cache"
    old = time.time() - 30 * 86400
    stale = root / "ab" / ("c" * 62)
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an entry from a month ago")
    os.utime(stale, (old, old))
    keep = root / "ab" / "notes.txt"  # not the cache's: never touched
    keep.write_text("mine")
    os.utime(keep, (old, old))
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    _json(tmp_path, env=_env(tmp_path))
    assert not stale.exists() and keep.exists()
    assert len(_entries(tmp_path)) == 2  # today's entry and the stranger's file


def test_pruning_caps_the_size(tmp_path):
    root = tmp_path / "cache"
    now = time.time()
    for n in range(6):
        entry = root / "0f" / (f"{n:x}" * 62)
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(b"x" * 1000)
        os.utime(entry, (now - 3600 * (6 - n), now - 3600 * (6 - n)))
    cap = result_cache.MAX_BYTES
    try:
        result_cache.MAX_BYTES = 3500
        assert result_cache.prune(root, now) == 3
    finally:
        result_cache.MAX_BYTES = cap
    assert sorted(p.name[0] for p in (root / "0f").iterdir()) == ["3", "4", "5"]  # the newest stay
    assert result_cache.prune(root, now + 60) == 0  # at most once a day
