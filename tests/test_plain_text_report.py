"""The text report to a pipe or a file is written without rich's console, byte for byte as rich writes it.

A pre-commit hook's output is never a terminal; importing rich's console and
table for it cost ~50 ms of a one-file run. Where rich would print no escape
codes the report goes through `report.plain_console`; these tests hold it to
rich's own output on awkward text (markup-like brackets, backslashes, tabs,
wide characters, a table too wide for the narrowest console).
"""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT

import jdlint
from jdlint.model.results import FileResult, Report
from jdlint.report import plain_console, text

POSTING = ROOT / "examples" / "backend-engineer.md"

AWKWARD = [
    (
        "posting [bold]draft[/bold].md",
        "# Senior Engineer\n\nWe want a young and energetic rockstar. \\\n"
        "Salary: [TBD] \\[negotiable\\]\n\nNative English speaker, 年轻 rockstar 🚀 wanted.\n",
    ),
    (
        "tab\there\\.md",
        "# Ninja wanted\n\nA digital native\twho is a culture fit [/]\\\n\nMust be a young ninja [@x] [#f00]\n",
    ),
]


def _reports(tmp_path, awkward_rules: bool) -> list[Report]:
    reports = []
    for name, body in AWKWARD:
        result = jdlint.lint_text(body, path=str(tmp_path / name))
        assert result.findings, "the awkward posting must give findings to print"
        if awkward_rules:  # a plugin's rule ids and messages: long enough to make rich fit the table
            result = FileResult(
                result.path,
                [
                    dataclasses.replace(
                        f,
                        rule=f"acme-{i}-" + "x" * 40 + f.rule,
                        message=f.message + "\tsee [link] C:\\path\\",
                        suggestions=(*f.suggestions, "a\\[b]"),
                    )
                    for i, f in enumerate(result.findings)
                ],
                result.summary,
                result.text,
            )
        reports.append(Report([result]))
    return reports


def _both(report: Report, monkeypatch, **options) -> tuple[str, str]:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    plain = io.StringIO()
    text.render(report, plain, **options)
    with monkeypatch.context() as m:
        m.setattr(text, "unstyled", lambda out, color: False)  # rich itself, to a non-terminal
        rich = io.StringIO()
        text.render(report, rich, **options)
    return plain.getvalue(), rich.getvalue()


@pytest.mark.parametrize("awkward_rules", [False, True])
@pytest.mark.parametrize(
    "options",
    [{}, {"show_info": True}, {"quiet": True}, {"statistics": True}, {"color": False}],
)
def test_plain_writer_prints_what_rich_prints(tmp_path, monkeypatch, awkward_rules, options):
    for report in _reports(tmp_path, awkward_rules):
        plain, rich = _both(report, monkeypatch, **options)
        assert "\x1b" not in rich
        assert plain == rich


def test_markup_and_escapes_match_rich():
    from rich.console import Console
    from rich.markup import escape

    samples = ["a [b] c", "ends with \\", "\\[x]", "\\\\[bold]y[/bold]", "[/]", "x\ty\tz", "bell\x07cr\r", "é 年 🚀\tq"]
    for sample in samples:
        assert plain_console.escape(sample) == escape(sample)
        for markup in (escape(sample), f"[dim]{escape(sample)}[/dim] tail", f"[bold]{escape(sample)}[/]"):
            out = io.StringIO()
            Console(file=out, highlight=False, soft_wrap=True, emoji=False, width=80).print(markup)
            mine = io.StringIO()
            plain_console.PlainConsole(mine).print(markup)
            assert mine.getvalue() == out.getvalue(), markup


def _run(script: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_a_text_run_to_a_pipe_does_not_import_rich_console():
    found = _run(
        f"""
        import json, sys
        from jdlint.cli import main
        code = main(["check", {str(POSTING)!r}, "--no-cache"])
        sys.stdout.flush()
        print(json.dumps({{"code": code, "console": "rich.console" in sys.modules,
                           "table": "rich.table" in sys.modules}}), file=sys.stderr)
        """
    )
    assert found == {"code": 1, "console": False, "table": False}


def test_forced_colour_still_goes_through_rich():
    proc = subprocess.run(
        [sys.executable, "-m", "jdlint", "check", str(POSTING), "--no-cache", "--color"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert "\x1b[" in proc.stdout
    assert "Findings by rule" in proc.stdout


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, True),
        ({"FORCE_COLOR": "1"}, False),
        ({"FORCE_COLOR": ""}, True),
        ({"TTY_COMPATIBLE": "1"}, False),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, True),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True),
    ],
)
def test_plain_only_where_rich_would_print_no_styles(monkeypatch, env, expected):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert plain_console.unstyled(io.StringIO(), None) is expected
    assert plain_console.unstyled(io.StringIO(), True) is False  # --color: rich, always
    assert plain_console.unstyled(io.StringIO(), False) is True  # --no-color: plain, always


FLOOR_PLUGIN = """
from jdlint import Hit, Rule, Severity, hookimpl

RULE = Rule(id="acme-floor-once", category="compliance", severity=Severity.WARNING, summary="Pay below the floor.")


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting):
    at = posting.text.find("Salary: $45,000")
    if at >= 0:
        yield Hit(RULE.id, at, at + 15, "Below ACME's salary floor.")
"""


def test_entry_points_scanned_once_still_see_a_plugin_installed_later(tmp_path, monkeypatch):
    """The scan is kept per process, but a plugin installed on the import path afterwards is found."""
    from conftest import write_distribution

    from jdlint.config import Config
    from jdlint.engine import EngineSpec

    posting = tmp_path / "posting.md"
    posting.write_text("# Data Engineer\n\nSalary: $45,000\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    before = jdlint.lint_paths([str(posting)], engine=EngineSpec(Config()), jobs=1)
    assert not any(f.rule == "acme-floor-once" for f in before.findings)
    write_distribution(
        site, "acme-floor-once", {"acme_floor_once": FLOOR_PLUGIN}, {"acme-floor-once": "acme_floor_once"}
    )
    try:
        after = jdlint.lint_paths([str(posting)], engine=EngineSpec(Config()), jobs=1)
    finally:
        sys.modules.pop("acme_floor_once", None)
    assert [f.rule for f in after.findings if f.rule.startswith("acme")] == ["acme-floor-once"]
