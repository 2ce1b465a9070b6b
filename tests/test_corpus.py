"""The whole corpus of real postings (../shared/corpus), which only CI has beside the clone.

Each test here is marked `corpus` and skips, saying so, on a fresh clone; `.ci/run` sets
JDLINT_REQUIRE=corpus so that there a missing corpus fails instead. No corpus text is copied
into the project: the tests read it in place.
"""

from __future__ import annotations

import pytest
from conftest import run_json

from jdlint.run.discover import SUFFIXES

pytestmark = pytest.mark.corpus


def findings_by_file(report: dict) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for f in report["findings"]:
        found.setdefault(f["path"], []).append((f["rule"], f["line"], f["column"], f["message"]))
    return found


def test_every_real_posting_is_linted_without_a_crash_and_the_cache_returns_the_same(corpus_dir, tmp_path):
    """A cold run in worker processes and a warm run from the result cache report the same, and no rule crashes."""
    postings = [p for p in corpus_dir.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES)]
    assert len(postings) > 1000, "the corpus holds about 1,280 postings"
    env = {"JDLINT_CACHE_DIR": str(tmp_path / "cache")}
    code, cold = run_json(str(corpus_dir), "--fail-on", "never", "--jobs", "2", env=env)
    assert code == 0
    assert cold["summary"]["files"] == len(postings)
    crashes = [f for f in cold["findings"] if f["rule"] == "internal-error"]
    assert not crashes, crashes[:3]
    assert cold["summary"]["findings"] > 1000, "real postings have findings"
    code, warm = run_json(str(corpus_dir), "--fail-on", "never", "--jobs", "1", env=env)
    assert code == 0
    assert findings_by_file(warm) == findings_by_file(cold)
