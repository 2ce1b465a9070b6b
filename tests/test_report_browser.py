"""`jdlint report` in a real browser: headless Chromium over the DevTools protocol (tests/cdp.py).

The page of the seeds plus tests/fixtures/report (and a hostile file name)
is loaded from disk; through the DOM every section is there, every chart
drew marks of non-zero size, nothing was logged as an error, no request left
the file, the page fits a 640-pixel viewport (a 1280-pixel window at 200 %
zoom) and prints. A page of ~1,300 postings is opened too, with a generous
bound on its load time (the figure is printed; the corpus's is in
docs/report.md). Skips only when no Chromium binary exists (`.ci/run`
installs Debian's `chromium`).
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from cdp import Browser, find_chromium
from conftest import FIXTURES, SEEDS, run_cli

import jdlint
from jdlint.config import Config
from jdlint.report import html

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium; .ci/run installs it)"
)
SECTIONS = ("summary", "compliance", "pay", "wording", "postings", "rules")
OPEN_BOUND = 30.0  # seconds: generous, for a loaded CI machine; the measured figure is printed

# Every chart: its SVG's size, and how many of its marks (bars, range lines' dots) have a non-zero box.
CHARTS_JS = """[...document.querySelectorAll('figure.chart')].map(f => {
  const svg = f.querySelector('svg'); const box = svg.getBoundingClientRect();
  const marks = [...svg.querySelectorAll('.series rect, .series circle, .series path')]
    .map(e => e.getBoundingClientRect()).filter(b => b.width > 0 && b.height > 0);
  return {id: f.id, width: box.width, height: box.height, marks: marks.length,
          table: !!document.getElementById(f.getAttribute('aria-describedby'))};
})"""


@pytest.fixture(scope="module")
def browser():
    with Browser.launch(CHROMIUM) as b:
        yield b


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    hostile = root / "inbox"
    hostile.mkdir()
    (hostile / "<img src=x onerror=alert(1)>.md").write_text(
        "# Receptionist <script>alert(1)</script>\n\nLocation: Denver, CO\n\nSalary: $40,000 - $46,000 per year.\n\n"
        "## Duties\n\n- Greet visitors <img src=x onerror=alert(2)> and answer the phone\n",
        encoding="utf-8",
    )
    out = root / "report.html"
    proc = run_cli("report", str(SEEDS), str(FIXTURES / "report"), str(hostile), "-o", str(out), "--no-cache")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def page(browser, report_file):
    return browser.new_page(1280, 900).open(report_file.as_uri())


def test_every_section_is_there(page):
    found = page.evaluate("[...document.querySelectorAll('main > section')].map(s => [s.id, !!s.querySelector('h2')])")
    assert found == [[s, True] for s in SECTIONS]
    assert page.evaluate("document.querySelectorAll('section.posting').length") == 10  # 11 files, 1 not a posting


def test_every_chart_drew_its_marks(page):
    charts = page.evaluate(CHARTS_JS)
    ids = [c["id"] for c in charts]
    assert {"chart-laws", "chart-places", "chart-rules", "chart-categories", "chart-verdicts"} <= set(ids)
    assert sum(1 for i in ids if i.startswith("chart-pay-")) == 3  # CAD a year, USD a year, USD an hour
    for chart in charts:
        assert chart["width"] > 300 and chart["height"] > 100, chart
        assert chart["marks"] > 0, chart
        assert chart["table"], f"{chart['id']} has no table of its figures"


def test_no_console_error_and_no_request(page, report_file):
    assert page.console_errors() == []
    assert page.requests() == [report_file.as_uri()]
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # the print helper only
    assert page.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
    titles = page.evaluate("[...document.querySelectorAll('section.posting h3')].map(h => h.textContent)")
    assert "Receptionist alert(1)" in titles or "Receptionist <script>alert(1)</script>" in titles


def test_links_reach_the_postings_and_the_explanations(page):
    broken = page.evaluate(
        "[...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href').slice(1))"
        ".filter(id => !document.getElementById(id))"
    )
    assert broken == []
    assert page.evaluate("document.querySelector('#laws-table a[href^=\"#posting-\"]') !== null")
    assert page.evaluate("document.querySelector('#rule-pay-transparency pre').textContent").startswith(
        "pay-transparency (compliance"
    )


def test_fits_at_200_percent_zoom(browser, report_file):
    zoomed = browser.new_page(640, 900, scale=2).open(report_file.as_uri())
    overflow = zoomed.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at 200% zoom"
    assert zoomed.evaluate("getComputedStyle(document.querySelector('figure.chart svg')).width") != "0px"


def test_prints(browser, report_file):
    paper = browser.new_page(1280, 900).open(report_file.as_uri())
    paper.call("Emulation.setEmulatedMedia", {"media": "print"})
    assert paper.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none"
    pdf = paper.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    assert paper.console_errors() == []


def test_screenshot(page, tmp_path):
    png = page.screenshot()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    (tmp_path / "report.png").write_bytes(png)


def test_a_page_of_1300_postings_opens(browser, tmp_path):
    """The fixtures' results copied to 1,300 paths: rendering time and load time are printed."""
    report = jdlint.lint_paths([str(SEEDS), str(FIXTURES / "report")], jobs=1, config=Config(pay_figures=True))
    files = report.files
    report.files = [
        dataclasses.replace(
            files[i % len(files)], path=f"postings/team-{i // 50}/{i}-{Path(files[i % len(files)].path).name}"
        )
        for i in range(1300)
    ]
    out = tmp_path / "big.html"
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        html.render(report, fh)
    rendered = time.perf_counter() - start
    big = browser.new_page(1280, 900).open(out.as_uri())
    print(
        json.dumps({"render_s": round(rendered, 2), "load_s": round(big.load_seconds, 2), "bytes": out.stat().st_size})
    )
    assert big.load_seconds < OPEN_BOUND
    assert big.evaluate("document.querySelectorAll('section.posting').length") > 1000
    assert big.console_errors() == []
