"""Bad input never crashes jdlint: encodings, huge or deeply nested files, hostile front matter.

Every test drives the public surface (the CLI, its JSON, `jdlint.lint_text`/`lint_paths`);
the front-matter tests also look at `Posting.front_matter_error`, the parser's own answer.
"""

from __future__ import annotations

import codecs
import tracemalloc
from pathlib import Path

import pytest
from conftest import run_cli, run_json

import jdlint
from jdlint.config import DEFAULT_MAX_FILE_SIZE, Config
from jdlint.parse import parse_posting

POSTING = (
    "# Backend Engineer\n\nWe need a rockstar to join the team.\n\n"
    "We are an equal opportunity employer. You must be authorized to work in the US; we do not sponsor visas.\n"
)
ROCKSTAR_AT = (3, 11)  # line, column of "rockstar" in POSTING


def _by_path(data: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in data["findings"]:
        out.setdefault(Path(f["path"]).name, []).append(f)
    return out


def _no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


# -- encodings ------------------------------------------------------------------------------------

READABLE = {
    "utf8.md": POSTING.encode("utf-8"),
    "utf8-bom.md": codecs.BOM_UTF8 + POSTING.encode("utf-8"),
    "utf16le.md": codecs.BOM_UTF16_LE + POSTING.replace("\n", "\r\n").encode("utf-16-le"),
    "utf16be.md": codecs.BOM_UTF16_BE + POSTING.encode("utf-16-be"),
    "crlf.md": POSTING.replace("\n", "\r\n").encode("utf-8"),
    "cr-only.md": POSTING.replace("\n", "\r").encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(READABLE))
def test_readable_encodings_give_the_same_position(tmp_path, name):
    (tmp_path / name).write_bytes(READABLE[name])
    code, data = run_json(str(tmp_path / name))
    assert code == 1
    hits = [f for f in data["findings"] if f["rule"] == "exclusionary-jargon"]
    assert [(f["line"], f["column"], f["match"]) for f in hits] == [(*ROCKSTAR_AT, "rockstar")]
    assert not [f for f in data["findings"] if f["category"] == "internal"]


UNREADABLE = {
    # name: (bytes, words the message must contain)
    "latin1.md": ("Café team: we need a rockstar.\n".encode("latin-1"), ["byte offset 3", "0xe9", "UTF-8"]),
    "cp1252.md": ("We’re hiring a rockstar.\n".encode("cp1252"), ["byte offset 2", "0x92", "UTF-8"]),
    "binary.md": (b"%PDF-1.7\n\x00\x01\x02binary", ["binary", "NUL", "byte offset 9"]),
    "utf16-odd.md": (codecs.BOM_UTF16_LE + "Hi".encode("utf-16-le") + b"\x00", ["UTF-16-LE", "byte offset"]),
    "utf16-lone-surrogate.md": (codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", ["UTF-16-LE", "byte offset"]),
    "utf16-nul.md": (codecs.BOM_UTF16_BE + "a\x00b".encode("utf-16-be"), ["binary", "NUL"]),
    "overlong.md": (b"We need \xc0\xafa rockstar", ["byte offset 8", "UTF-8"]),
}


def test_undecodable_files_are_findings_and_the_rest_is_linted(tmp_path):
    for name, (raw, _) in UNREADABLE.items():
        (tmp_path / name).write_bytes(raw)
    (tmp_path / "good.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(tmp_path))
    _no_traceback(proc)
    import json

    data = json.loads(proc.stdout)
    found = _by_path(data)
    for name, (_, words) in UNREADABLE.items():
        assert [f["rule"] for f in found[name]] == ["unreadable-file"], name
        for word in words:
            assert word in found[name][0]["message"], (name, found[name][0]["message"])
    assert [(f["rule"], f["line"], f["column"]) for f in found["good.md"]] == [("exclusionary-jargon", *ROCKSTAR_AT)]
    assert proc.returncode == 1


def test_latin1_message_suggests_resaving_as_utf8(tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes("Requirements:\n- Fluent in Français\n".encode("latin-1"))
    proc = run_cli("check", "--format", "concise", str(path))
    assert proc.stdout.strip() == (
        f"{path}:1:1: error unreadable-file not valid UTF-8 (byte 0xe7 at byte offset 30); re-save the file as UTF-8"
    )


@pytest.mark.parametrize("raw", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\n\n\r\n", b"   "])
def test_empty_files_lint_without_crashing(tmp_path, raw):
    (tmp_path / "empty.md").write_bytes(raw)
    proc = run_cli("check", "--format", "json", str(tmp_path / "empty.md"))
    _no_traceback(proc)
    import json

    data = json.loads(proc.stdout)
    assert data["summary"]["files"] == 1
    assert not [f for f in data["findings"] if f["category"] == "internal"]


def test_empty_text_through_the_api():
    result = jdlint.lint_text("")
    assert [f for f in result.findings if f.category == "internal"] == []


# -- size and structure ---------------------------------------------------------------------------


def _rules(findings) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in findings if f.rule == "exclusionary-jargon"]


def test_deep_list_markers_on_one_line_are_linted_and_the_rest_is_kept():
    # 3,000 nested lists written as `- - - …`: past markdown-it's nesting limit the text must
    # still be read (it used to be dropped together with the rest of the file).
    text = "- " * 3000 + "We need a rockstar\n\nWe need a rockstar too.\n"
    assert _rules(jdlint.lint_text(text).findings) == [
        ("exclusionary-jargon", 1, 6011),
        ("exclusionary-jargon", 3, 11),
    ]


def test_forty_nested_bullets_each_line_is_linted():
    lines = ["  " * depth + f"- rockstar {depth}" for depth in range(40)]
    text = "\n".join(lines) + "\n\nAfter the list: a rockstar.\n"
    found = _rules(jdlint.lint_text(text).findings)
    assert found == [("exclusionary-jargon", d + 1, 2 * d + 3) for d in range(40)] + [("exclusionary-jargon", 42, 19)]


@pytest.mark.slow
def test_three_thousand_nested_bullets_by_indentation():
    # 3,000 levels of `- item` indented two more spaces each: 9 MB of mostly spaces.
    lines = ["  " * depth + "- item" for depth in range(3000)]
    text = "\n".join(lines) + "\n" + "  " * 3000 + "- a rockstar\n\nWe need a rockstar.\n"
    found = _rules(jdlint.lint_text(text).findings)
    assert found == [("exclusionary-jargon", 3001, 6005), ("exclusionary-jargon", 3003, 11)]


def test_twenty_thousand_nested_block_quotes():
    text = ">" * 20000 + " We need a rockstar\n\nWe need a rockstar too.\n"
    assert _rules(jdlint.lint_text(text).findings) == [
        ("exclusionary-jargon", 1, 20012),
        ("exclusionary-jargon", 3, 11),
    ]


def test_block_quotes_deepening_line_by_line():
    text = "".join(">" * depth + f" line {depth}\n" for depth in range(1, 2001)) + "\nWe need a rockstar.\n"
    assert _rules(jdlint.lint_text(text).findings) == [("exclusionary-jargon", 2002, 11)]


def test_two_megabyte_single_line_prints_short_code_frames(tmp_path):
    chunk = "We write clear code and review each other's work every day; " * 3
    line = (chunk + "rockstar ") * (2_000_000 // (len(chunk) + 9))
    assert len(line) > 1_990_000
    (tmp_path / "one-line.md").write_text(line + "\n", encoding="utf-8")
    proc = run_cli("check", "--no-color", str(tmp_path / "one-line.md"))
    _no_traceback(proc)
    assert proc.returncode == 1
    hits = proc.stdout.count(": warning exclusionary-jargon ")
    assert hits == line.count("rockstar")
    longest = max(len(x) for x in proc.stdout.splitlines())
    assert longest < 400  # a clipped frame, not the 2 MB line once per finding
    assert "…" in proc.stdout


def test_file_over_max_file_size_is_reported_not_read(tmp_path):
    big = tmp_path / "dump.md"
    with open(big, "wb") as fh:
        fh.truncate(DEFAULT_MAX_FILE_SIZE + 1)  # sparse: 10 MiB + 1 byte
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(tmp_path))
    _no_traceback(proc)
    import json

    found = _by_path(json.loads(proc.stdout))
    assert [f["rule"] for f in found["dump.md"]] == ["file-too-large"]
    assert "10485761 bytes" in found["dump.md"][0]["message"]
    assert "max-file-size" in found["dump.md"][0]["message"]
    assert [f["rule"] for f in found["job.md"]] == ["exclusionary-jargon"]


def test_max_file_size_is_configurable(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("max-file-size: 400\n", encoding="utf-8")
    (tmp_path / "long.md").write_text(POSTING * 5, encoding="utf-8")
    (tmp_path / "short.md").write_text(POSTING, encoding="utf-8")
    code, data = run_json(str(tmp_path))
    assert code == 1
    found = _by_path(data)
    assert [f["rule"] for f in found["long.md"]] == ["file-too-large"]
    assert "over the 400-byte limit" in found["long.md"][0]["message"]
    assert [f["rule"] for f in found["short.md"]] == ["exclusionary-jargon"]


def test_max_file_size_through_the_api(tmp_path):
    (tmp_path / "a.md").write_text(POSTING, encoding="utf-8")
    report = jdlint.lint_paths([str(tmp_path / "a.md")], config=Config(max_file_size=10))
    assert [f.rule for f in report.findings] == ["file-too-large"]


@pytest.mark.slow
def test_ten_megabyte_file_is_linted(tmp_path):
    paragraph = (
        "You will design services, review code and mentor engineers on a small team. "
        "We offer flexible hours and a learning budget.\n\n"
    )
    body = paragraph * (10_000_000 // len(paragraph))
    text = "# Platform Engineer\n\n" + body + "We need a rockstar.\n"
    (tmp_path / "ten.md").write_text(text, encoding="utf-8")
    assert 9_900_000 < (tmp_path / "ten.md").stat().st_size < DEFAULT_MAX_FILE_SIZE
    proc = run_cli("check", "--format", "concise", "--select", "exclusionary-jargon", str(tmp_path / "ten.md"))
    _no_traceback(proc)
    last_line = text.count("\n")
    assert proc.stdout.splitlines() == [
        f"{tmp_path / 'ten.md'}:{last_line}:11: warning exclusionary-jargon "
        + proc.stdout.split(" exclusionary-jargon ", 1)[1].splitlines()[0]
    ]


@pytest.mark.slow
def test_one_hundred_thousand_headings():
    parts = [f"## Heading {i}\nSome text for part {i}.\n" for i in range(99_999)]
    text = "".join(parts) + "## Requirements\n- TBD\n"
    findings = jdlint.lint_text(text).findings
    placeholder = [(f.line, f.match) for f in findings if f.rule == "placeholder-section"]
    assert placeholder == [(200_000, "TBD")]
    assert not [f for f in findings if f.category == "internal"]


@pytest.mark.slow
def test_one_hundred_thousand_list_items():
    text = "## Requirements\n" + "".join(f"- Skill number {i}\n" for i in range(100_000)) + "- be a rockstar\n"
    assert _rules(jdlint.lint_text(text).findings) == [("exclusionary-jargon", 100_002, 8)]


LONG_LINES = {
    # shapes that made a regular expression quadratic or worse on one long line (each fixed)
    "backtick run": "x " + "`" * 100_000,
    "many code spans": "`a" * 100_000,
    "dotted run (e-mail mask)": "a." * 100_000,
    "field value with inner blanks": "Salary: $1" + " " * 100_000 + "x",
    "ATX heading with inner blanks": "# Role" + " " * 100_000 + "x",
    "unclosed suppression comment": "Text <!-- jdlint-disable" + " " * 100_000,
    "many unclosed suppression comments": "Text " + "<!-- jdlint-disable " * 10_000,
    # (a line starting with `<!--` would open an HTML block that, unclosed, runs to the end of the
    # file, as CommonMark says; "Text " keeps these inline)
    # and other inline markup in bulk
    "brackets": "x " + "[" * 100_000,
    "asterisks": "x " + "*" * 100_000,
    "angle brackets": "<" * 50_000,
    "image openers": "![](" * 20_000,
    "link targets with blanks": "](a " * 50_000,
    "underscores": "_a" * 50_000,
    "comment openers": "Text " + "<!--" * 20_000,
}


@pytest.mark.parametrize("name", sorted(LONG_LINES))
def test_long_lines_of_markup_stay_linear(name):
    result = jdlint.lint_text(LONG_LINES[name] + "\n\nWe need a rockstar.\n")
    assert _rules(result.findings) == [("exclusionary-jargon", 3, 11)]


# -- front matter ---------------------------------------------------------------------------------

BILLION_LAUGHS = "\n".join(
    ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
)

BAD_FRONT_MATTER = {
    "invalid-yaml": ("title: [unclosed", "not valid YAML"),
    "tab-indent": ("title: x\n\tbad: y", "not valid YAML"),
    "list": ("- a\n- b", "must be a mapping"),
    "scalar": ("just a sentence", "must be a mapping"),
    "billion-laughs": (BILLION_LAUGHS, "expands to more than"),
    "alias-loop": ("a: &a [*a]", "refers to itself"),
    "python-object": ("x: !!python/object/apply:os.system ['touch {marker}']", "python/object/apply"),
    "python-name": ("x: !!python/name:os.system", "python/name"),
    "python-new": ("x: !!python/object/new:subprocess.Popen [['touch', '{marker}']]", "python/object/new"),
    "deep-flow": ("a: " + "[" * 5000 + "]" * 5000, "nests [ ] or { } more than"),
    "bad-date": ("date: 2024-13-45", "could not be parsed"),
    "huge-int": ("n: " + "9" * 5000, "could not be parsed"),
    "unhashable-key": ("? [a, b]\n: c", "not valid YAML"),
}


@pytest.mark.parametrize("name", sorted(BAD_FRONT_MATTER))
def test_bad_front_matter_is_an_error_value_not_an_exception(tmp_path, name):
    body, words = BAD_FRONT_MATTER[name]
    marker = tmp_path / "executed"
    text = f"---\n{body.format(marker=marker)}\n---\n# Engineer\n\nWe need a rockstar.\n"
    tracemalloc.start()
    try:
        posting = parse_posting(text, "job.md")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert posting.front_matter == {}
    assert posting.front_matter_error is not None
    assert words in posting.front_matter_error[0]
    assert not marker.exists()  # nothing in the file was executed
    assert peak < 20 * 1024 * 1024
    assert posting.title == "Engineer"  # the body is still parsed


def test_front_matter_aliases_within_reason_still_parse():
    posting = parse_posting("---\nbase: &b {remote: true}\nus: *b\nuk: *b\n---\nText\n")
    assert posting.front_matter_error is None
    assert posting.front_matter["uk"] == {"remote": True}


def test_bad_front_matter_through_the_cli(tmp_path):
    marker = tmp_path / "executed"
    for name, (body, _) in BAD_FRONT_MATTER.items():
        (tmp_path / f"{name}.md").write_text(
            f"---\n{body.format(marker=marker)}\n---\n# Engineer\n\nWe need a rockstar.\n", encoding="utf-8"
        )
    proc = run_cli("check", "--format", "json", str(tmp_path))
    _no_traceback(proc)
    import json

    found = _by_path(json.loads(proc.stdout))
    assert len(found) == len(BAD_FRONT_MATTER)
    for name in BAD_FRONT_MATTER:
        # the body is linted: rockstar on the line after the front matter and the heading
        assert [f["match"] for f in found[f"{name}.md"] if f["rule"] == "exclusionary-jargon"] == ["rockstar"]
        assert not [f for f in found[f"{name}.md"] if f["rule"] == "internal-error"], name
    assert not marker.exists()


def test_a_file_that_grew_after_it_was_measured_is_read_up_to_the_limit(tmp_path):
    from jdlint.run.read import _read_capped

    path = tmp_path / "growing.md"
    path.write_bytes(b"x" * 100)
    assert _read_capped(str(path), 10, 1000) == b"x" * 100  # measured at 10 bytes, now 100: all of it
    assert len(_read_capped(str(path), 10, 50)) == 51  # one byte past the limit: reported as too large
    assert _read_capped(str(path), 100, 1000) == b"x" * 100
