"""The five seeds are ordinary, unbiased postings: no bias warning (info-level gender coding is fine)."""

from conftest import run_json


def test_seeds_get_no_bias_warning(seeds_dir):
    _, data = run_json(str(seeds_dir), "--select", "bias", "--fail-on", "never")
    assert data["summary"]["files"] == 5
    warnings = [f for f in data["findings"] if f["severity"] != "info"]
    assert warnings == []
    assert {f["rule"] for f in data["findings"]} <= {"gender-coded"}
    assert all("gender_coding" in entry for entry in data["files"])


def test_every_bias_rule_is_listed_with_a_source():
    from conftest import run_cli

    listing = run_cli("rules").stdout
    for rule in (
        "gendered-term",
        "gender-coded",
        "age-bias",
        "disability-bias",
        "national-origin-bias",
        "citizenship-restriction",
        "culture-fit",
        "exclusionary-jargon",
    ):
        assert rule in listing
        text = run_cli("explain", rule).stdout
        assert "Source:" in text, rule
