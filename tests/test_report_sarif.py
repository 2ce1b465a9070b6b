"""`--format sarif`: SARIF 2.1.0 that validates and that code scanning can de-duplicate."""

import json

import jsonschema
import pytest
from conftest import SHARED, run_cli

SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"the SARIF schema is not at {SCHEMA_PATH} (a fresh clone has no ../shared; CI has it)")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def sarif(*args, cwd=None):
    proc = run_cli("check", "--format", "sarif", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_seeds_validate_against_the_schema(validator, seeds_dir, tmp_path):
    log = sarif(str(seeds_dir))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["results"], "the seeds have findings"


def test_rules_carry_their_documentation(validator):
    proc = run_cli("check", "--format", "sarif", "--stdin-filename", "job.md", "-", input="We need a rockstar.\n")
    log = json.loads(proc.stdout)
    assert not list(validator.iter_errors(log))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "jdlint"
    rules = {r["id"]: r for r in driver["rules"]}
    jargon = rules["exclusionary-jargon"]
    assert jargon["shortDescription"]["text"].startswith("Hype titles")
    assert "stereotype" in jargon["fullDescription"]["text"]
    assert "How to fix:" in jargon["help"]["text"]
    assert jargon["defaultConfiguration"]["level"] == "warning"
    assert rules["unused-suppression"]["defaultConfiguration"]["level"] == "note"
    assert jargon["helpUri"].endswith("#exclusionary-jargon")
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "exclusionary-jargon")
    assert driver["rules"][result["ruleIndex"]]["id"] == "exclusionary-jargon"


def test_locations_are_relative_to_srcroot(validator, tmp_path):
    sub = tmp_path / "postings" / "sales team"
    sub.mkdir(parents=True)
    (sub / "ae.md").write_text("# AE\n\nOur 😀 team wants a rockstar.\n", encoding="utf-8")
    for arg in ("postings", str(tmp_path / "postings")):  # relative and absolute arguments alike
        log = sarif("--select", "exclusionary-jargon", arg, cwd=tmp_path)
        assert not list(validator.iter_errors(log))
        run = log["runs"][0]
        assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
        assert run["columnKind"] == "unicodeCodePoints"
        (result,) = run["results"]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "postings/sales%20team/ae.md", "uriBaseId": "%SRCROOT%"}
        assert loc["region"] == {
            "startLine": 3,
            "startColumn": 20,  # code points: the emoji is one column
            "endLine": 3,
            "endColumn": 28,
            "snippet": {"text": "rockstar"},
        }
        assert result["level"] == "warning"


def test_fingerprints_survive_edits_elsewhere(tmp_path):
    path = tmp_path / "job.md"
    path.write_text("# AE\n\nWe want a rockstar closer.\n", encoding="utf-8")
    before = sarif("--select", "exclusionary-jargon", "job.md", cwd=tmp_path)["runs"][0]["results"][0]
    path.write_text(
        "# AE\n\nA new opening paragraph.\n\nAnother one.\n\nWe want a rockstar closer.\n", encoding="utf-8"
    )
    after = sarif("--select", "exclusionary-jargon", "job.md", cwd=tmp_path)["runs"][0]["results"][0]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert after["partialFingerprints"] == before["partialFingerprints"]
    path.write_text("# AE\n\nWe want a rockstar engineer.\n", encoding="utf-8")
    changed = sarif("--select", "exclusionary-jargon", "job.md", cwd=tmp_path)["runs"][0]["results"][0]
    assert changed["partialFingerprints"] != before["partialFingerprints"]


def test_no_findings_is_still_a_valid_log(validator, tmp_path):
    (tmp_path / "ok.md").write_text("# Engineer\n\nWe need an experienced developer.\n", encoding="utf-8")
    log = sarif("--select", "exclusionary-jargon", "ok.md", cwd=tmp_path)
    assert not list(validator.iter_errors(log))
    assert log["runs"][0]["results"] == []


def test_locations_are_relative_to_the_repository_root_from_any_folder(validator, tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)  # the repository's top: found by walking up, no git process
    sub = repo / "postings"
    sub.mkdir()
    (sub / "ae.md").write_text("# AE\n\nWe want a rockstar closer.\n", encoding="utf-8")
    (tmp_path / "outside.md").write_text("# AE\n\nWe want a rockstar closer.\n", encoding="utf-8")
    runs = [
        sarif("--select", "exclusionary-jargon", "ae.md", str(tmp_path / "outside.md"), cwd=sub),
        sarif("--select", "exclusionary-jargon", "postings", cwd=repo),
        sarif("--select", "exclusionary-jargon", str(sub / "ae.md"), cwd=tmp_path / "repo" / ".git"),
    ]
    for log in runs:
        assert not list(validator.iter_errors(log))
        run = log["runs"][0]
        assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
        first = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert first == {"uri": "postings/ae.md", "uriBaseId": "%SRCROOT%"}
    prints = {log["runs"][0]["results"][0]["partialFingerprints"]["jdlintFinding/v1"] for log in runs}
    assert len(prints) == 1  # the same alert whichever folder the run started in
    outside = runs[0]["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert outside == {"uri": (tmp_path / "outside.md").resolve().as_uri()}  # beyond the root: absolute
