"""Property tests over the public API: whatever the input, jdlint answers with well-formed findings.

Inputs: random Unicode (surrogates, NUL, bidi controls, combining marks, odd line breaks), random
Markdown assembled from the constructs postings use (headings, lists, code fences, HTML and
suppression comments, front matter, tables, plain-text headings), and random bytes through
`lint_paths` on a real file. Properties, for every finding:

* linting raised nothing, and no rule of jdlint's own failed (no `internal-error`);
* its span lies inside the text and `match` is the text at that span;
* line/column are those of `start`/`end` (counted independently here) and map back to the offsets;
* linting the same input again gives the same findings.

The `slow` test runs more than 10,000 examples (CI runs it: the default pytest run includes it).
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jdlint
from jdlint.run.engines import get_engine

RULE_IDS = ["exclusionary-jargon", "placeholder-section", "internal-error", "nonexistent-rule", "bias", ""]
WORDS = [
    "We need a rockstar",
    "ninja",
    "rock-star",
    "Rockstars",
    "digital native",
    "TBD",
    "N/A",
    "Requirements:",
    "WHAT YOU'LL DO",
    "Benefits",
    "Salary: TBD",
    "**Salary:** $100k",
    "Equal Opportunity Employer",
    "https://example.com/apply",
    "me@example.com",
    "café",
    "naïve",
    "日本語",
    "עברית",
    "🙂",
    "e\u0301",
    "\u200f",
    "\u202e",
    "\u00a0",
    "’",
    "“quoted”",
    "\t",
    "\\",
    "`code`",
    "*em*",
    "__strong__",
    "[link](http://x.y)",
    "![img](a.png)",
    "<b>",
    "</div>",
    "&amp;",
    "|",
    ":",
    "-",
    "#",
    ">",
    "1.",
]

ODD_CHARS = "\x00\x01\x1b\x7f\u0085\u200b\u200e\u200f\u202a\u202e\u2066\u2028\u2029\ufeff\ufffd\u0301\u0336\r\n\t "

raw_unicode = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x10FFFF),  # includes surrogates and controls
        st.sampled_from(ODD_CHARS),
        st.sampled_from("abcdefghijklmnopqrstuvwxyz #*-_>`[]()<!:|\n"),
    ),
    max_size=300,
)

word = st.sampled_from(WORDS)
phrase = st.lists(word, min_size=1, max_size=6).map(" ".join)
rule_list = st.lists(st.sampled_from(RULE_IDS), max_size=3).map(", ".join)


@st.composite
def block(draw) -> str:
    kind = draw(st.integers(0, 17))
    text = draw(phrase)
    if kind == 0:
        return "#" * draw(st.integers(1, 7)) + " " + text + draw(st.sampled_from(["", " ##", "#", "  "]))
    if kind == 1:
        return text + "\n" + draw(st.sampled_from(["===", "---", "-", "= ="]))
    if kind == 2:  # a list, possibly nested and mixed
        items = draw(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(["-", "*", "+", "1.", "2)", "•"]), phrase)))
        return "\n".join("  " * depth + f"{marker} {t}" for depth, marker, t in items)
    if kind == 3:  # a code fence, maybe unclosed
        fence = draw(st.sampled_from(["```", "~~~", "````", "```python"]))
        closing = draw(st.sampled_from([fence[:3], "", "~~~~"]))
        return f"{fence}\n{text}\n{closing}"
    if kind == 4:
        return f"<!-- {text} -->"
    if kind == 5:  # a suppression comment, sometimes malformed
        directive = draw(st.sampled_from(["disable-next-line", "disable", "enable", "disable-file", "disable-line"]))
        close = draw(st.sampled_from([" -->", "-->", "", " ->"]))
        return f"<!-- jdlint-{directive} {draw(rule_list)}{close}"
    if kind == 6:
        return "> " * draw(st.integers(1, 5)) + text
    if kind == 7:
        return f"| {text} | {draw(phrase)} |\n|---|---|\n| {draw(phrase)} | x |"
    if kind == 8:
        return draw(st.sampled_from(["Requirements:", "Benefits:", "ABOUT US", "What you'll do", "Salary:"]))
    if kind == 9:
        return f"{draw(st.sampled_from(['Salary', 'Location', 'Requirements', 'Pay']))}: {text}"
    if kind == 10:
        return f"**{text}**"
    if kind == 11:
        return draw(st.sampled_from(["---", "***", "___", "...", ""]))
    if kind == 12:
        return "    " + text  # indented code
    if kind == 13:
        return "<div>\n" + text + "\n</div>"
    if kind == 14:
        return draw(raw_unicode)
    if kind == 15:
        return "- [ ] " + text
    if kind == 16:
        return "[ref]: http://example.com\n" + text
    return text


@st.composite
def markdown(draw) -> str:
    parts = []
    if draw(st.booleans()):
        fm = draw(
            st.sampled_from(
                [
                    "title: Engineer\ndate: 2024-05-01",
                    "title: [unclosed",
                    "- a list",
                    "date: 2024-13-40",
                    "a: &a [*a]",
                    "x: !!python/object/apply:os.getcwd []",
                    "",
                    "location: {city: Berlin}",
                ]
            )
        )
        parts.append(f"---\n{fm}\n" + draw(st.sampled_from(["---", "...", ""])))
    parts += draw(st.lists(block(), max_size=12))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r\n", "\r"]))
    text = sep.join(parts)
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[line - 1] + column - 1


def _key(findings) -> list[tuple]:
    return [(f.rule, f.start, f.end, f.line, f.column, f.end_line, f.end_column, f.message, f.match) for f in findings]


def check_result(result) -> None:
    text = result.text
    assert text is not None
    internal = [f.message for f in result.findings if f.rule == "internal-error"]
    assert not internal, internal
    for f in result.findings:
        if f.rule in ("unreadable-file", "file-too-large"):
            continue
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.match == text[f.start : f.end], f
        assert (f.line, f.column) == _line_col(text, f.start), f
        assert (f.end_line, f.end_column) == _line_col(text, f.end), f
        assert _offset(text, f.line, f.column) == f.start
        assert _offset(text, f.end_line, f.end_column) == f.end


COUNTS: Counter = Counter()


def lint_twice(text: str, kind: str) -> None:
    COUNTS[kind] += 1
    first = jdlint.lint_text(text, path="fuzz.md", engine=get_engine())
    check_result(first)
    again = jdlint.lint_text(text, path="fuzz.md", engine=get_engine())
    assert _key(again.findings) == _key(first.findings)
    assert again.summary == first.summary


def lint_bytes_twice(folder: str, data: bytes) -> None:
    COUNTS["bytes"] += 1
    path = os.path.join(folder, "fuzz.md")
    with open(path, "wb") as fh:
        fh.write(data)
    reports = [jdlint.lint_paths([path], engine=get_engine()) for _ in range(2)]
    for report in reports:
        assert [fr.path for fr in report.files] == [path]
        fr = report.files[0]
        if fr.text is None:  # not decodable: exactly one unreadable-file finding at 1:1
            assert [(f.rule, f.line, f.column) for f in fr.findings] == [("unreadable-file", 1, 1)]
        else:
            check_result(fr)
    assert _key(reports[0].findings) == _key(reports[1].findings)


random_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\xe9", b"\x92", b"\r\n"])).flatmap(
        lambda xs: st.binary(max_size=100).map(lambda tail: b"".join(xs) + tail)
    ),
    markdown().map(lambda t: t.encode("utf-8", "surrogatepass")),
    markdown().map(lambda t: t.encode("utf-16", "surrogatepass")),
)

SETTINGS = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
}


def run_all(unicode_n: int, markdown_n: int, bytes_n: int) -> None:
    @settings(max_examples=unicode_n, **SETTINGS)
    @given(raw_unicode)
    def unicode_case(text):
        lint_twice(text, "unicode")

    @settings(max_examples=markdown_n, **SETTINGS)
    @given(markdown())
    def markdown_case(text):
        lint_twice(text, "markdown")

    with tempfile.TemporaryDirectory() as folder:

        @settings(max_examples=bytes_n, **SETTINGS)
        @given(random_bytes)
        def bytes_case(data):
            lint_bytes_twice(folder, data)

        unicode_case()
        markdown_case()
        bytes_case()


def test_fuzz_quick():
    COUNTS.clear()
    run_all(100, 200, 100)
    assert sum(COUNTS.values()) >= 400


@pytest.mark.slow
@pytest.mark.parametrize("part", range(4))
def test_fuzz_ten_thousand_examples(part):
    """20,000 random examples in four parts of 5,000, so a parallel test run shares them out."""
    COUNTS.clear()
    run_all(1250, 2500, 1250)
    total = sum(COUNTS.values())
    print(f"\nfuzz examples, part {part + 1} of 4: {dict(COUNTS)} total {total}")
    assert total >= 2500
