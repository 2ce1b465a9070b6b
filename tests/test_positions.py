"""Positions are exact: 1-based lines and columns in Unicode code points of the
original file; a BOM is no column; CRLF and CR end lines; ends are exclusive."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

import jdlint


def _jargon(findings):
    return [(f.line, f.column, f.end_line, f.end_column, f.match) for f in findings if f.rule == "exclusionary-jargon"]


CASES = [
    # (text, expected (line, col, end_line, end_col))
    ("We need a rockstar.\n", (1, 11, 1, 19)),
    ("Intro line\nWe need a rockstar.\n", (2, 11, 2, 19)),
    ("Intro line\r\nWe need a rockstar.\r\n", (2, 11, 2, 19)),
    ("Intro line\rWe need a rockstar.\r", (2, 11, 2, 19)),
    ("🚀🚀 We need a rockstar.\n", (1, 14, 1, 22)),  # astral characters count once each
    ("我们需要 a rockstar.\n", (1, 8, 1, 16)),  # CJK
    ("Ünïcödé\r\n\r\n- 👩‍💻 a rockstar dev\r\n", (3, 9, 3, 17)),  # ZWJ sequence: 3 code points
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_api_positions(text, expected):
    found = _jargon(jdlint.lint_text(text, path="p.md").findings)
    assert [f[:4] for f in found] == [expected]
    assert found[0][4] == "rockstar"


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_file_positions_with_and_without_bom(tmp_path, text, expected):
    for name, data in (("plain.md", text.encode("utf-8")), ("bom.md", b"\xef\xbb\xbf" + text.encode("utf-8"))):
        path = tmp_path / name
        path.write_bytes(data)
        proc = run_cli("check", "--format", "json", "--select", "exclusionary-jargon", str(path))
        finding = json.loads(proc.stdout)["findings"][0]
        got = (finding["line"], finding["column"], finding["end_line"], finding["end_column"])
        assert got == expected, name


def test_utf16_file_positions(tmp_path):
    text = "Intro 🚀\r\nWe need a rockstar.\r\n"
    for enc, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        path = tmp_path / f"{enc}.md"
        path.write_bytes(bom + text.encode(enc))
        proc = run_cli("check", "--format", "json", "--select", "exclusionary-jargon", str(path))
        finding = json.loads(proc.stdout)["findings"][0]
        assert (finding["line"], finding["column"], finding["end_column"]) == (2, 11, 19), enc


def test_match_equals_text_at_span():
    text = "# Title\n\nWe want a **rock star** and a ninja 🥷.\n"
    result = jdlint.lint_text(text)
    assert result.findings
    for f in result.findings:
        assert result.text[f.start : f.end] == f.match
        line = result.text.split("\n")[f.line - 1]
        assert line[f.column - 1 : f.end_column - 1] == f.match


def test_multiline_span_end_position():
    text = "We need a rock\nstar for this.\n"  # a soft-wrapped phrase
    found = [f for f in jdlint.lint_text(text).findings if f.rule == "exclusionary-jargon"]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [(1, 11, 2, 5)]
