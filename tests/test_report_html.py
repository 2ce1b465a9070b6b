"""`jdlint report` and `--format html`: the page says what `--format json` says, escapes what it shows,
and asks for the `report` extra instead of failing when pygal is missing.

The browser half (sections drawn, charts with marks, no console error, no
request) is tests/test_report_browser.py.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict

import pytest
from conftest import FIXTURES, SEEDS, run_cli, run_json

import jdlint
from jdlint.config import Config
from jdlint.report import html_data

REPORT_FIXTURES = FIXTURES / "report"
PATHS = [str(SEEDS), str(REPORT_FIXTURES)]
WITH_PAY = Config(pay_figures=True)  # what the CLI sets for --format json|html and `jdlint report`


@pytest.fixture(scope="module")
def json_run() -> dict:
    _, data = run_json("--fail-on", "never", "--no-cache", "--jobs", "1", *PATHS)
    return data


@pytest.fixture(scope="module")
def report_data() -> html_data.ReportData:
    report = jdlint.lint_paths(PATHS, jobs=1, config=WITH_PAY)
    return html_data.build(report)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("report") / "report.html"
    proc = run_cli("report", *PATHS, "-o", str(out), "--no-cache", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {out}" in proc.stderr
    return out.read_text(encoding="utf-8")


def _checked(json_run: dict) -> list[dict]:
    return [f for f in json_run["files"] if f.get("profile", {}).get("kind") != "not-a-posting"]


def test_counts_equal_the_json(json_run, report_data):
    summary = report_data.summary
    files = json_run["files"]
    checked = _checked(json_run)
    worst = {f["path"]: {x["severity"] for x in json_run["findings"] if x["path"] == f["path"]} for f in checked}
    assert summary["files"] == json_run["summary"]["files"] == len(files)
    assert summary["skipped"] == len(files) - len(checked) == 1  # the team's meeting minutes
    assert summary["checked"] == len(checked)
    assert summary["with_errors"] == sum(1 for s in worst.values() if "error" in s)
    assert summary["with_warnings"] == sum(1 for s in worst.values() if "warning" in s and "error" not in s)
    assert summary["clean"] == sum(1 for s in worst.values() if not s & {"error", "warning"})
    assert summary["postings"] == sum(1 for f in checked if f["profile"]["kind"] == "posting")
    for key in ("findings", "errors", "warnings", "info"):
        assert summary[key] == json_run["summary"][key]


def test_places_and_laws_equal_the_json(json_run, report_data):
    places = defaultdict(set)
    laws = defaultdict(set)
    for f in _checked(json_run):
        for place in f["profile"]["places"]:
            for j in place["jurisdictions"]:
                places[j].add(f["path"])
        for law in f["profile"]["laws"]:
            laws[law["id"]].add(f["path"])
    assert {p["code"]: {x.path for x in p["postings"]} for p in report_data.places} == places
    assert {law["id"]: {x.path for x in law["complying"] + law["failing"]} for law in report_data.laws} == laws
    assert {"US-CO", "US-WA", "CA-ON", "US-NY-NYC"} <= set(places)


def test_a_law_fails_only_where_pay_transparency_says_so(json_run, report_data):
    flagged = {x["path"] for x in json_run["findings"] if x["rule"] == "pay-transparency"}
    failing = {p.path for law in report_data.laws for p in law["failing"]}
    assert failing == flagged
    washington = next(law for law in report_data.laws if law["id"] == "us-wa")
    assert [p.title for p in washington["failing"]] == ["Warehouse Shift Lead"]
    assert [p.title for p in next(law for law in report_data.laws if law["id"] == "us-co")["complying"]] == [
        "Data Analyst"
    ]


def test_pay_ranges_equal_the_json(json_run, report_data):
    from_json = {
        (f["path"], p["low"], p["high"], p["currency"], p["period"])
        for f in _checked(json_run)
        for p in f.get("pay", [])
        if p["kind"] == "range"
    }
    drawn = {
        (r["posting"].path, r["low"], r["high"], g["currency"], g["period"])
        for g in report_data.pay_groups
        for r in g["rows"]
    }
    assert drawn == from_json
    assert {(low, high, cur, per) for _, low, high, cur, per in drawn} >= {
        (90000.0, 150000.0, "CAD", "year"),
        (85000.0, 105000.0, "USD", "year"),
        (28.0, 34.0, "USD", "hour"),
    }


def test_a_range_too_wide_for_ontario_is_flagged(report_data):
    rows = {r["posting"].title: r for g in report_data.pay_groups for r in g["rows"]}
    assert "wider than Ontario's CA$50,000 limit" in rows["Backend Developer"]["flags"]
    assert rows["Data Analyst"]["flags"] == []


def test_the_page_shows_the_json_counts(json_run, report_data, page):
    cells = dict(re.findall(r'data-key="(\w+)">(\d+)', page))
    for key in ("files", "checked", "skipped", "with_errors", "with_warnings", "clean", "findings"):
        assert int(cells[key]) == report_data.summary[key], key
    assert int(cells["findings"]) == json_run["summary"]["findings"]
    for section in ("summary", "compliance", "pay", "wording", "postings", "rules"):
        assert f'<section id="{section}"' in page
    assert "Gaucher, Friesen &amp; Kay (2011)" in page  # the gender-coding study, named
    assert page.count("<svg") >= 6  # laws, places, three pay groups, rules, categories, verdicts


def test_each_finding_is_shown_in_context_with_its_explanation(page):
    # the Toronto posting's "rockstar": its line, the match marked, the rule linked to its explanation
    assert "We need a <mark>rockstar</mark> who is aggressive" in page
    assert 'href="#rule-exclusionary-jargon"' in page
    assert 'id="rule-exclusionary-jargon"' in page
    assert "How to fix:" in page


def test_the_page_fetches_nothing(page):
    assert not re.search(r'(?:src|href)\s*=\s*"(?:https?:)?//', page)
    assert "xml-stylesheet" not in page and "@import" not in page
    assert "default-src 'none'" in page  # and the page forbids itself any fetch


def test_file_names_and_posting_text_are_escaped(tmp_path):
    hostile = tmp_path / "<img src=x onerror=alert(1)>.md"
    hostile.write_text(
        '# Office Coordinator <script>alert("t")</script>\n\nLocation: Denver, CO\n\n'
        "Salary: $52,000 - $58,000 per year.\n\n## Responsibilities\n\n"
        "- Keep the office running <b onmouseover=alert(2)>and</b> we need a rockstar\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--format", "html", "--no-cache", str(hostile))
    assert proc.returncode in (0, 1), proc.stderr
    page = proc.stdout
    assert "&lt;img src=x onerror=alert(1)&gt;.md" in page
    assert "&lt;script&gt;alert(&#34;t&#34;)" in page  # the heading, shown in a finding's context
    assert "&lt;b onmouseover=alert(2)&gt;" in page
    assert "<img" not in page and "onerror=alert" not in page.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert page.count("<script") == 1  # the page's own print helper only


def test_check_format_html_writes_the_same_page_to_stdout():
    proc = run_cli("check", "--format", "html", "--no-cache", str(REPORT_FIXTURES))
    assert proc.returncode == 1, proc.stderr  # pay-transparency errors, as with any other format
    assert proc.stdout.startswith("<!DOCTYPE html>")
    assert '<section id="pay"' in proc.stdout


def test_a_missing_path_is_a_usage_error(tmp_path):
    proc = run_cli("report", str(tmp_path / "nope"), "-o", str(tmp_path / "r.html"))
    assert proc.returncode == 2
    assert "no such file or directory" in proc.stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("args", [("report", "-o", "{out}"), ("check", "--format", "html")])
def test_without_pygal_it_says_how_to_install_it(tmp_path, args):
    blocker = tmp_path / "block" / "pygal"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text('raise ImportError("pygal is not installed here")\n', encoding="utf-8")
    path = os.pathsep.join(p for p in (str(blocker.parent), os.environ.get("PYTHONPATH", "")) if p)
    out = tmp_path / "r.html"
    argv = [a.format(out=out) for a in args]
    proc = run_cli(*argv, str(REPORT_FIXTURES), env={"PYTHONPATH": path})
    assert proc.returncode == 2
    assert "pip install 'jdlint[report]'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()


# ---- files[].pay: currency and period as written, nothing converted ----------------------------------

PAY = [
    # (text, currency, period)
    ("Location: Denver, CO\n\nSalary: $85,000 – $105,000 per year.\n", "USD", "year"),
    ("Location: Toronto, Ontario\n\nPay: CA$90,000 – CA$150,000 a year.\n", "CAD", "year"),
    ("Location: Toronto, Ontario\n\nPay: $90,000 – $150,000 a year.\n", "CAD", "year"),
    ("Locations: Toronto, Ontario or Seattle, WA\n\nPay: $90,000 – $150,000 a year.\n", "$", "year"),
    ("Location: Berlin, Germany\n\nGehalt: €6,500–€7,250 gross per month\n", "EUR", "month"),
    ("Location: London, UK\n\nSalary: £85-125k gross / year base\n", "GBP", "year"),
    ("Location: Seattle, WA\n\nSalary: $22.57 - $28.75 HOUR Location: Seattle\n", "USD", "hour"),
    ("Location: Raleigh, NC\n\nSalary: between $1,907.28 and $2,859.10 biweekly.\n", "USD", "two weeks"),
    ("Location: Denver, CO\n\nSalary range: $85,000 - $105,000\n", "USD", None),
]


@pytest.mark.parametrize(("text", "currency", "period"), PAY)
def test_pay_is_labelled_as_written(text, currency, period):
    posting = "# Data Analyst\n\n" + text + "\n## Duties\n\n- Build dashboards\n"
    result = jdlint.lint_text(posting, path="job.md", config=WITH_PAY)
    (pay,) = [p for p in result.summary["pay"] if p["kind"] == "range"]
    assert (pay["currency"], pay["period"]) == (currency, period)
    assert json.dumps(pay)  # plain JSON


def test_a_page_that_is_not_a_posting_has_no_pay():
    text = (
        "---\njdlint:\n  kind: not-a-posting\n---\n# Salary bands we publish\n\n"
        "Salary: $85,000 – $105,000 per year for a data analyst in Denver, CO.\n"
    )
    result = jdlint.lint_text(text, path="notes.md", config=WITH_PAY)
    assert result.summary["profile"]["kind"] == "not-a-posting"
    assert "pay" not in result.summary


def test_pay_is_looked_for_only_when_the_output_shows_it():
    text = "# Data Analyst\n\nLocation: Denver, CO\n\nSalary: $85,000 – $105,000 per year.\n"
    assert "pay" not in jdlint.lint_text(text, path="job.md").summary  # text, concise, github, sarif
    assert "pay" in jdlint.lint_text(text, path="job.md", config=WITH_PAY).summary
    proc = run_cli("check", "--format", "json", "--no-cache", "--stdin-filename", "job.md", "-", input=text)
    assert json.loads(proc.stdout)["files"][0]["pay"][0]["text"] == "$85,000 – $105,000 per year"
