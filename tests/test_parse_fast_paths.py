"""The parser's shortcuts must read a posting exactly as the plain way they replace.

Each shortcut is checked with hypothesis against the straightforward version:
plain paragraphs given to markdown-it as one line (`_stub_plain_paragraphs`),
the rules left out of markdown-it where a text cannot use them, the byte scan
before the long-symbol and surrogate regexes, folding the whole text once
instead of line by line, the trigger test before the inline masks, and a
heading's words found by one regex.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
from conftest import SEEDS
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jdlint.model.posting import LineIndex
from jdlint.parse import blocks, document, inline, parse_posting, sections
from jdlint.parse.inline import fold


def _read(text: str) -> tuple:
    """Everything a parse gives, in a comparable form."""
    p = parse_posting(text, "posting.md")
    return (
        p.analysis,
        repr(p.sections),
        repr(p.items),
        repr(p.blocks),
        p.fields,
        p.code_ranges,
        p.title,
        p.title_span,
        p.title_source,
    )


def _read_without_stubs(text: str) -> tuple:
    with mock.patch.object(document, "_stub_plain_paragraphs", lambda src: (src, {})):
        return _read(text)


# Lines that open, continue or end every kind of block, and plain prose between them.
LINE_START = st.sampled_from(
    ["", "", "", " ", "  ", "   ", "    ", "\t", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ", "> ", ">", "=", "---",
     "***", "- - -", "_ _ _", " * * *", "| ", "• ", "[x]: /url ", "```", "~~~", "<div>", "<!-- ", "<script>",
     "<pre>", "**", "o "]
)  # fmt: skip
WORDS = ["We", "need", "a", "Python", "developer", "Benefits:", "REQUIREMENTS", "$120k", "|", "-->", "</pre>", "`x`"]
LINE = st.builds(lambda start, words: start + " ".join(words), LINE_START, st.lists(st.sampled_from(WORDS), max_size=5))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=14))
@example(["- item", "", "Plain text after a list", "on two lines", "", "- next"])
@example(["> quote", "", "Plain paragraph", "", "    code", "", "Another one"])
@example(["```", "", "Inside a fence", "", "```"])
@example(["<!--", "", "Inside a comment", "", "-->"])
@example(["Title", "", "Plain paragraph at the end"])
@example(["  - indented item", "", "   not at column 0", "", "Plain"])
def test_plain_paragraphs_given_as_one_line_read_the_same(lines):
    text = "\n".join(lines)
    assert _read(text) == _read_without_stubs(text)


def _block_tokens(md, text: str) -> list[tuple]:
    return [(t.type, t.map, t.tag, t.markup) for t in md.parse(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=14))
@example(["Intro", "- - -", "text"])
@example(["- a", " * * *", "b"])
def test_a_parser_without_the_rules_a_text_cannot_use_gives_every_rules_tokens(lines):
    text = "\n".join(lines)
    assert _block_tokens(document._markdown(text), text) == _block_tokens(document._markdown(None), text)


@pytest.mark.parametrize("path", sorted(SEEDS.iterdir()), ids=lambda p: p.name)
def test_the_seeds_read_the_same_without_stubs(path):
    text = path.read_text(encoding="utf-8")
    assert _read(text) == _read_without_stubs(text)


def test_a_plain_paragraph_is_stubbed_and_a_list_continuation_is_not():
    src = "# Title\n\nWe need a developer\nwho writes Python.\n\n- item\n\n  continued item\n"
    stubbed, stubs = document._stub_plain_paragraphs(src)
    assert stubs == {2: 4}
    assert stubbed.split("\n")[2:4] == ["x", ""]
    assert len(stubbed.split("\n")) == len(src.split("\n"))


def test_no_stubs_where_a_fence_or_an_html_comment_could_hold_the_paragraph():
    assert document._stub_plain_paragraphs("```\n\nPlain\n\n```\n")[1] == {}
    assert document._stub_plain_paragraphs("<!--\n\nPlain\n\n-->\n")[1] == {}


SYMBOLS = st.text(alphabet=st.sampled_from("ab c\n.-=*#<>’•é字\ud800"), max_size=300)


def _blank_symbol_runs_slowly(analysis: str) -> str:
    analysis = re.sub(r"[^\w\s]{64,}", lambda m: " " * len(m.group()), analysis)
    return re.sub("[\ud800-\udfff]", "\ufffd", analysis)


@settings(max_examples=300, deadline=None)
@given(SYMBOLS, st.integers(0, 3))
@example("x" + "-" * 64 + "y", 1)
@example("-" * 63 + "é" + "-", 1)
@example("•" * 64, 1)
@example("字" * 30, 1)
@example("a\ud800b", 1)
def test_the_byte_scan_blanks_what_the_regexes_blank(text, repeat):
    text = text * repeat
    assert document._blank_symbol_runs(text) == _blank_symbol_runs_slowly(text)


FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "\u00a0": " ", "\t": " "})


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ’‘ʼ“”\u00a0\t'\"é"), max_size=80))
def test_folding_with_replace_is_folding_with_translate(text):
    assert fold(text) == text.translate(FOLD)


LINE_TEXT = st.text(alphabet=st.sampled_from("ab :/.w`<[]*_~\\@字"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(LINE_TEXT)
@example("see https://example.com")
@example("www.example.com")
def test_the_trigger_test_is_the_alternation_it_replaces(line):
    assert inline._has_trigger(line) == (re.search(r"[`<\[\]*_~\\@]|://|www\.", line) is not None)


def _words_by_blanking(text: str, filler: frozenset[str]) -> list[str]:
    text = text.lower().replace("’", "'").replace("&", " and ")
    text = re.sub(r"[^\w'\s/-]+", " ", text)
    return [w for w in re.split(r"[\s/-]+", text) if w and w not in filler and w.strip("'")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aBé1_'’&/- \t.,:;!?字İ\u00a0"), max_size=40))
@example("What We’ll Offer / Benefits & Perks")
def test_heading_words_by_findall_are_the_words_by_blanking(text):
    filler = frozenset({"the", "our"})
    assert sections._words(text, filler) == _words_by_blanking(text, filler)


# -- the block scanner (jdlint/parse/blocks.py) stands in for markdown-it ------------------------------------


class _Events:
    """A sink that records what it is told; `_Builder._walk` reports markdown-it's tokens to it the same way."""

    def __init__(self) -> None:
        self.seen: list[tuple] = []

    def __getattr__(self, name: str):
        return lambda *args: self.seen.append((name, args[:2] if name == "inline" else args))


def _scanned(text: str) -> list[tuple] | None:
    events = _Events()
    return events.seen if blocks.scan_blocks(text, events) else None


def _walked(text: str) -> list[tuple]:
    events = _Events()
    document._Builder._walk(events, document._markdown(None).parse(text))
    return events.seen


def _read_by_markdown_it(text: str) -> tuple:
    with mock.patch.object(document, "scan_blocks", lambda *args: False):
        return _read(text)


# Indentation, markers, breaks, underlines and headings in the combinations lists make of them.
BLOCK_START = st.sampled_from(
    ["", "", "", " ", "  ", "   ", "    ", "     ", "      ", "        ", "- ", "* ", "+ ", "-", "*", "1. ", "2. ",
     "1) ", "10. ", "123456789. ", "1234567890. ", "-    ", "-     ", "1.     ", "  - ", "   - ", "    - ", "     - ",
     "  1. ", "- - ", "* - ", "1. - ", "# ", "## ", "####### ", "#", " #", "    # ", "- # ", "=", "==", "-", "---",
     "--", "- - -", "***", "* * *", "_ _ _", "  ---", "   ===", "> ", "- > ", "<div>", "[x]: /u ", "- [ ] ", "• ",
     "o ", "**", "\t", "| ", "|---|---|", "--- | ---", "-\t", "1.\t", " \t", "#\t", "===\t", "___\t", "- -\t-",
     "<3 ", "< ", "<b>", "</p>", "<!", "[Apply] ", "- [a]"]
)  # fmt: skip
BLOCK_WORDS = ["We", "developer", "Benefits:", "REQUIREMENTS", "-", "#", "1.", "*", "==", "x", "a\tb", "x|y", "]:"]
BLOCK_LINE = st.builds(
    lambda start, words, end: start + " ".join(words) + end,
    BLOCK_START,
    st.lists(st.sampled_from(BLOCK_WORDS), max_size=4),
    st.sampled_from(["", "", "", " ", "  #", " ##", "\t"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(BLOCK_LINE, max_size=16), st.sampled_from(["", "\n", "\n  ", "\n\n"]))
@example(["- a", "", "  b", "- c"], "")
@example(["- a", "b", "    - c", "  d"], "\n")
@example(["1. a", "2) b", "", "3. c"], "")
@example(["Text", "2. not a list", "1. a list", "-", "- b"], "")
@example(["-", "", "  foo"], "")
@example(["- a", "     - b", "    c"], "")
@example(["Title", "===", "- item", "---"], "")
@example(["  - a", "     - b", "        - c", "     d"], "")
@example(["Pay | Place", "--- | ---", "1 | 2"], "")
@example(["Pay\tPlace", "===\t", "- -\t-", "a|b"], "")
def test_the_block_scanner_reports_what_markdown_it_parses(lines, tail):
    text = "\n".join(lines) + tail
    scanned = _scanned(text)
    if scanned is not None:  # else the text holds what only markdown-it reads
        assert scanned == _walked(text)
        assert _read(text) == _read_by_markdown_it(text)


def test_deep_lists_and_foreign_blocks_go_to_markdown_it():
    assert _scanned("".join(f"{'  ' * i}- level {i}\n" for i in range(30))) is None
    for text in ("- a\n> quote\n", "Text\n<div>\n", "[x]: /url\n", "| a |\n|---|\n", "```\ncode\n```\n", "-\tb\n"):
        assert _scanned(text) is None, text
    assert _scanned("[Apply] on our site\n\n[x]: /url\n") is None
    for text in ("[not a reference] inside a paragraph\n", "Pay | Place\n", "Pay\t90k\n", "<3 years\n- < 5 staff\n"):
        assert _scanned(text) is not None, text


def test_the_block_scanner_reads_a_plain_text_posting():
    text = (
        "Data Analyst\n\nAbout us\nWe build maps.\n\nRequirements:\n- SQL\n- Python,\n  pandas\n\n## Benefits\n1. Pay\n"
    )
    assert _scanned(text) == [
        ("inline", (0, 1)), ("inline", (2, 4)), ("inline", (5, 6)), ("open_list", (6,)),
        ("open_item", (6,)), ("inline", (6, 7)), ("close_item", ()),
        ("open_item", (7,)), ("inline", (7, 9)), ("close_item", ()), ("close_list", ()),
        ("heading", (10, 11, 2, "##")), ("open_list", (11,)), ("open_item", (11,)), ("inline", (11, 12)),
        ("close_item", ()), ("close_list", ()),
    ]  # fmt: skip


@pytest.mark.corpus
def test_real_postings_read_the_same_by_the_block_scanner(corpus_dir):
    postings = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    scanned = 0
    for path in [*postings[::4], *sorted(SEEDS.iterdir())]:
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        events = _scanned(text)
        if events is not None:
            scanned += 1
            assert events == _walked(text), path.name
            assert _read(text) == _read_by_markdown_it(text), path.name
    assert scanned > len(postings) // 8  # most postings are read without markdown-it


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab :/.w\n`<[]*_~\\@字"), max_size=120))
@example("see https://example.com\nplain\nwww.example.com")
@example("a*b*c\n\n*")
def test_the_lines_with_a_trigger_are_found_in_one_scan(text):
    starts = LineIndex(text).starts
    expected = {i for i, line in enumerate(text.split("\n")) if inline._has_trigger(line)}
    assert inline.trigger_lines(text, starts) == expected


def _span_by_stepping(m: str, col: int) -> tuple[int, int]:
    """The visible prose of a masked line from `col`, found a character at a time (the former `span_of`)."""
    left, right = col, len(m)
    while left < right and m[left] == " ":
        left += 1
    while right > left and m[right - 1] == " ":
        right -= 1
    return left, right


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \u00a0"), max_size=12), st.integers(0, 14))
def test_a_span_found_by_strip_is_the_span_found_by_stepping(masked, col):
    builder = document._Builder(masked, LineIndex(masked), 0)
    builder.masked[0] = masked
    assert builder.span_of(0, col) == _span_by_stepping(masked, col)


def _one_line_as_many(self, i: int, next_is_list: bool) -> None:
    kinds, cols = self._unmask_plain_bullets(i, i + 1)
    self._mark_plain_headings(i, kinds, cols, next_is_list)
    self._join_wrapped_lines(i, kinds)
    self._paragraph_runs(i, kinds, cols)


PARAGRAPH_LINE = st.sampled_from(
    ["Benefits", "**Perks:**", "REQUIREMENTS", "Location: Remote", "What we offer", "About Us", "• Health",
     "– Pension", "o Gym", "We build maps for cities and towns.", "", "- item", "1. first", "Apply now!", "   "]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(PARAGRAPH_LINE, max_size=10))
def test_a_one_line_paragraph_reads_as_the_general_path_reads_it(lines):
    text = "\n".join(lines)
    with mock.patch.object(document._Builder, "_one_line_paragraph", _one_line_as_many):
        slow = _read(text)
    assert _read(text) == slow
