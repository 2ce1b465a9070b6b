"""Baselines: turn jdlint on over legacy postings and fail only on new problems."""

import json

from conftest import run_cli, run_json

LEGACY = "# Sales Lead\n\nWe need a rockstar closer.\n\n## Requirements\n\n- Be a sales ninja.\n"


def write_baseline(cwd, *paths, name="baseline.json"):
    proc = run_cli("check", "--select", "exclusionary-jargon", "--write-baseline", name, *paths, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc


def check(cwd, *args):
    return run_json("--select", "exclusionary-jargon", *args, cwd=cwd)


def test_write_then_hide(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "lead.md").write_text(LEGACY, encoding="utf-8")
    proc = write_baseline(tmp_path, "postings")
    assert "recorded 2 findings in baseline.json" in proc.stderr
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["path"], e["rule"], e["match"], e["count"]) for e in data["findings"]] == [
        ("postings/lead.md", "exclusionary-jargon", "ninja", 1),
        ("postings/lead.md", "exclusionary-jargon", "rockstar", 1),
    ]
    assert "line" not in data["findings"][0]
    code, out = check(tmp_path, "--baseline", "baseline.json", "postings")
    assert code == 0
    assert out["findings"] == []


def test_edits_elsewhere_keep_old_findings_hidden_and_new_ones_show(tmp_path):
    path = tmp_path / "lead.md"
    path.write_text(LEGACY, encoding="utf-8")
    write_baseline(tmp_path, "lead.md")
    path.write_text(
        "# Sales Lead\n\nA new first paragraph about the team.\n\nWe need a rockstar closer.\n\n"
        "## Requirements\n\n- Be a sales ninja.\n- A coding guru is welcome too.\n",
        encoding="utf-8",
    )
    code, out = check(tmp_path, "--baseline", "baseline.json", "lead.md")
    assert code == 1
    assert [(f["match"], f["line"]) for f in out["findings"]] == [("guru", 10)]


def test_a_known_finding_repeated_beyond_its_count_shows(tmp_path):
    path = tmp_path / "lead.md"
    path.write_text("# Lead\n\nWe need a rockstar closer.\n", encoding="utf-8")
    write_baseline(tmp_path, "lead.md")
    path.write_text("# Lead\n\nWe need a rockstar closer.\n\nWe need a rockstar closer.\n", encoding="utf-8")
    code, out = check(tmp_path, "--baseline", "baseline.json", "lead.md")
    assert code == 1
    assert len(out["findings"]) == 1


def test_rewording_around_a_match_makes_it_new(tmp_path):
    path = tmp_path / "lead.md"
    path.write_text("# Lead\n\nWe need a rockstar closer.\n", encoding="utf-8")
    write_baseline(tmp_path, "lead.md")
    path.write_text("# Lead\n\nYou will be our rockstar in the field.\n", encoding="utf-8")
    code, out = check(tmp_path, "--baseline", "baseline.json", "lead.md")
    assert code == 1
    assert [f["match"] for f in out["findings"]] == ["rockstar"]


def test_baseline_works_from_another_directory(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "lead.md").write_text(LEGACY, encoding="utf-8")
    write_baseline(tmp_path, "postings", name=".jdlint-baseline.json")
    code, out = check(tmp_path / "postings", "--baseline", "../.jdlint-baseline.json", "lead.md")
    assert code == 0
    assert out["findings"] == []


def test_same_text_in_another_file_is_not_hidden(tmp_path):
    (tmp_path / "a.md").write_text(LEGACY, encoding="utf-8")
    write_baseline(tmp_path, "a.md")
    (tmp_path / "b.md").write_text(LEGACY, encoding="utf-8")
    code, out = check(tmp_path, "--baseline", "baseline.json", "a.md", "b.md")
    assert code == 1
    assert {f["path"] for f in out["findings"]} == {"b.md"}


def test_bad_baselines_are_usage_errors(tmp_path):
    (tmp_path / "a.md").write_text(LEGACY, encoding="utf-8")
    proc = run_cli("check", "--baseline", "missing.json", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "missing.json: cannot read the baseline" in proc.stderr
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    proc = run_cli("check", "--baseline", "broken.json", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "broken.json: the baseline is not valid JSON" in proc.stderr
    (tmp_path / "other.json").write_text('{"version": 1}', encoding="utf-8")
    proc = run_cli("check", "--baseline", "other.json", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "other.json: not a jdlint baseline" in proc.stderr
    assert "Traceback" not in proc.stderr
