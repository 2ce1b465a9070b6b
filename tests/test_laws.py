"""`jdlint laws` through the CLI, as a reviewer runs it: statuses by date, places, JSON, bad input."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli


def laws_json(*args: str) -> dict:
    proc = run_cli("laws", "--format", "json", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def by_id(data: dict) -> dict[str, dict]:
    return {law["id"]: law for law in data["laws"]}


def test_the_json_lists_every_table_and_each_law_with_its_citation_dates_status_and_sources():
    data = laws_json("--as-of", "2026-12-07")
    assert data["as_of"] == "2026-12-07" and data["place"] is None
    assert {t["topic"] for t in data["tables"]} >= {"pay-transparency", "aedt-notice"}
    for table in data["tables"]:
        assert table["file"].startswith("rules/") and table["fields"]["jurisdiction"]
    for law in data["laws"]:
        assert set(law) >= {"topic", "id", "place", "jurisdiction", "law", "requires", "effective", "until"}
        assert law["status"] in data["statuses"], law["id"]
        assert law["law"] and law["jurisdiction"], law["id"]
        assert all(not s.startswith("S") or " " in s for s in law["sources"]), law["id"]  # addresses, not numbers
    laws = by_id(data)
    assert laws["us-nyc"]["law"].startswith("NYC Admin. Code § 8-107(32)")
    assert laws["us-co"]["sources"][0].startswith("regulations.justia.com/")


@pytest.mark.parametrize(
    ("law", "date", "status"),
    [
        ("us-co-sb26-189", "2026-12-31", "not yet"),
        ("us-co-sb26-189", "2027-01-01", "in force"),
        ("us-ca-cppa-admt", "2026-12-31", "not yet"),
        ("us-ca-cppa-admt", "2027-01-01", "in force"),
        ("us-ct-sb5", "2027-09-30", "not yet"),
        ("us-ct-sb5", "2027-10-01", "in force"),
        ("ca-on-esa-ai", "2025-12-31", "not yet"),
        ("ca-on-esa-ai", "2026-01-01", "in force"),
        ("us-nyc-ll144", "2023-07-05", "in force"),
        ("us-tx-traiga", "2026-12-07", "no posting duty"),
        ("eu-ai-act", "2028-01-01", "no posting duty"),
        ("us-co", "2020-12-31", "not yet"),
        ("us-co", "2021-01-01", "in force"),
    ],
)
def test_a_laws_status_follows_the_as_of_date(law, date, status):
    assert by_id(laws_json("--as-of", date))[law]["status"] == status


def test_in_force_keeps_only_the_laws_in_force_that_day():
    before = by_id(laws_json("--as-of", "2026-12-31", "--in-force"))
    after = by_id(laws_json("--as-of", "2027-01-01", "--in-force"))
    assert "us-co-sb26-189" not in before and "us-co-sb26-189" in after
    assert "us-tx-traiga" not in after and "us-nyc-ll144" in after
    assert all(law["status"] == "in force" for law in after.values())


@pytest.mark.parametrize(
    ("place", "wanted", "unwanted"),
    [
        ("Brooklyn", {"us-nyc", "us-ny", "us-nyc-ll144"}, {"us-co", "us-ny-ithaca", "ca-on"}),
        ("Brooklyn, NY", {"us-nyc", "us-ny"}, {"us-nj"}),
        ("Toronto", {"ca-on", "ca-on-esa-ai"}, {"ca-bc", "us-nyc"}),
        ("Chicago", {"us-il", "us-il-hb3773", "us-il-video-interview"}, {"us-co"}),
        ("Dallas, TX", {"us-tx-traiga"}, {"us-co", "us-nyc"}),
        ("Hartford, CT", {"us-ct-sb5"}, {"us-ny"}),
        ("US-CO", {"us-co", "us-co-sb26-189"}, {"us-ca"}),
        ("Vienna", {"eu-ai-act"}, {"us-nyc"}),
    ],
)
def test_place_shows_the_laws_that_hold_there(place, wanted, unwanted):
    data = laws_json("--place", place, "--as-of", "2026-12-07")
    ids = set(by_id(data))
    assert wanted <= ids, ids
    assert not unwanted & ids, ids
    assert data["place"]["name"] == place and data["place"]["jurisdictions"]


def test_a_state_also_shows_the_laws_of_places_inside_it():
    laws = by_id(laws_json("--place", "New York"))
    assert laws["us-ny"]["applies"] == "here"
    assert laws["us-nyc"]["applies"] == "within" and laws["us-ny-ithaca"]["applies"] == "within"


def test_text_output_is_a_table_with_statuses_and_citations():
    proc = run_cli("laws", "--place", "Brooklyn", "--as-of", "2026-12-07")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "status on 2026-12-07" in out and "US-NY-NYC" in out
    assert "N.Y. Labor Law § 194-b" in out and "in force" in out
    assert "Local Law 144 of 2021" in out
    assert "Colorado" not in out


def test_markdown_output_has_one_table_per_topic():
    proc = run_cli("laws", "--format", "markdown", "--as-of", "2026-12-07")
    assert proc.returncode == 0, proc.stderr
    assert "## Pay in job postings" in proc.stdout and "## AI in hiring" in proc.stdout
    assert "| Place | Law | Requires | From | Until | Status | Sources |" in proc.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--as-of", "2026-13-01"), "--as-of: expected a date as YYYY-MM-DD, got '2026-13-01'"),
        (("--as-of", "yesterday"), "--as-of: expected a date"),
        (("--place", "Atlantis Under The Sea"), "unknown place 'Atlantis Under The Sea'"),
        (("--place", ""), "--place"),
        (("--format", "yaml"), "invalid choice: 'yaml'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, words):
    proc = run_cli("laws", *args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], proc.stderr


def test_help_explains_statuses_and_options():
    proc = run_cli("laws", "--help")
    assert proc.returncode == 0
    for words in ("--as-of", "--place", "--in-force", "--format", "not yet", "proposed", "no posting duty"):
        assert words in proc.stdout, words


@pytest.mark.parametrize("rule", ["pay-transparency", "aedt-notice", "visa-statement", "eeo-statement"])
def test_explain_cites_the_laws_themselves_never_the_projects_fact_sheet(rule):
    proc = run_cli("explain", rule)
    assert proc.returncode == 0, proc.stderr
    assert "LAWS.md" not in proc.stdout
    assert "[S" not in proc.stdout


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("pay-transparency", ("us-co (Colorado): Equal Pay for Equal Work Act", "regulations.justia.com/")),
        ("aedt-notice", ("ca-on-esa-ai (Ontario): Ontario Employment Standards Act", "woolvan.com/?p=10966")),
        ("aedt-notice", ("us-tx-traiga (Texas)", "no posting duty")),
    ],
)
def test_explain_lists_the_laws_from_the_same_data(rule, words):
    out = run_cli("explain", rule).stdout
    for w in words:
        assert w in out, w
