"""invalid-front-matter through the public API: front matter that is not valid YAML or not a mapping."""

from __future__ import annotations

import pytest
from conftest import SEEDS, assert_explained_examples, lint, run_json

RULE = "invalid-front-matter"


FRONT_MATTER_BAD = [
    ("---\ntitle: Engineer: Backend\n---\nText.\n", 2),
    ("---\n- just\n- a list\n---\nText.\n", 2),
    ("---\ntitle: ok\nlocation: [Remote\n---\nText.\n", 4),
    ("---\ntitle: 'unclosed\n---\nText.\n", 3),
    ("---\n\ttitle: tab indented\n---\nText.\n", 2),
    ("---\nJust a sentence\n---\nText.\n", 2),
    ("---\ntitle: a\n  b: c\n---\nText.\n", 3),
    ("---\n42\n---\nText.\n", 2),
    ("---\ntitle: x\ntitle: [\n---\nText.\n", 4),
    ("---\n@handle: x\n---\nText.\n", 2),
    ("---\nkey: value\n- item\n---\nText.\n", 3),
    ('---\ntitle: "a" b\n---\nText.\n', 2),
    ("---\n? [a\n---\nText.\n", 3),
    ("---\na: *missing\n---\nText.\n", 2),
    ("---\r\ntitle: Engineer: Backend\r\n---\r\nText.\r\n", 2),
]

FRONT_MATTER_GOOD = [
    "---\ntitle: 'Engineer: Backend'\n---\nText.\n",
    "---\ntitle: Engineer\nlocation: Remote\n---\nText.\n",
    "---\n---\nText.\n",
    "Text first.\n\n---\n\nA rule, not front matter.\n",
    "---\nA horizontal rule alone.\n",
    "---\ntitle: Engineer\ndate: 2024-05-01\ntags: [go, remote]\n---\nText.\n",
    "---\ntitle: >\n  Folded title\n---\nText.\n",
    "---\ntitle: Engineer\n...\nText.\n",
    "No front matter at all.\n",
    "---\n# only a comment\n---\nText.\n",
    "---\nsalary: {min: 100000, max: 150000}\n---\nText.\n",
    '---\ntitle: "Senior: Data"\n---\nText.\n',
    "---\nlist:\n  - a\n  - b\n---\nText.\n",
    "---\nurl: https://example.com/a:b\n---\nText.\n",
    "---\ntitle: café\n---\nText.\n",
]


@pytest.mark.parametrize(("text", "line"), FRONT_MATTER_BAD)
def test_invalid_front_matter_flags(text, line):
    found = lint(text, select=[RULE])
    assert [f.line for f in found] == [line], [f.message for f in found]


@pytest.mark.parametrize("text", FRONT_MATTER_GOOD)
def test_invalid_front_matter_passes(text):
    assert lint(text, select=[RULE]) == []


def test_body_still_linted_after_bad_front_matter():
    text = "---\ntitle: Engineer: Backend\n---\n## Requirements\n\n- TBD\n"
    rules = {f.rule for f in lint(text)}
    assert {"invalid-front-matter", "placeholder-section"} <= rules


def test_seeds_have_valid_front_matter():
    _, report = run_json(str(SEEDS), "--select", RULE, "--fail-on", "never")
    assert report["findings"] == []


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
