"""Broken configuration and rule packs: exit 2 and one line naming the file, the key and what is expected.

A user's pack must not be able to make a run hang: the validator refuses unbounded repeats and caps
the matcher work a pack may ask for. The last tests run the most expensive pack the validator accepts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_cli

import jdlint
from jdlint.checks.terms.pack import MAX_PATTERN_WORK, MAX_PHRASES, pattern_work
from jdlint.config import load_file
from jdlint.engine import Engine

POSTING = "# Engineer\n\nWe need a rockstar who writes clear code.\n"


def _run_with(tmp_path: Path, config: str, files: dict[str, str | bytes] | None = None):
    (tmp_path / ".jdlint.yaml").write_text(config, encoding="utf-8")
    for name, content in (files or {}).items():
        target = tmp_path / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    return run_cli("check", "job.md", cwd=tmp_path)


def _assert_one_line_error(proc, *words: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert proc.stdout == ""


CONFIGS = {
    # config text: words the error line must hold (file, key, what is expected)
    "bogus: 1\n": [".jdlint.yaml", "unknown key 'bogus'", "known keys"],
    "select: 3\n": [".jdlint.yaml", "select", "expected a list of strings"],
    "select: [no-such-rule]\n": [".jdlint.yaml", "select", "unknown rule or category 'no-such-rule'"],
    "ignore: [[a]]\n": [".jdlint.yaml", "ignore", "expected a list of strings"],
    "severity: {exclusionary-jargon: loud}\n": [".jdlint.yaml", "severity.exclusionary-jargon", "expected one of"],
    "severity: {no-such-rule: error}\n": [".jdlint.yaml", "severity", "unknown rule id 'no-such-rule'"],
    "fail-on: sometimes\n": [".jdlint.yaml", "fail-on", "expected one of error, warning, info, never"],
    "max-file-size: big\n": [".jdlint.yaml", "max-file-size", "expected a positive number of bytes"],
    "max-file-size: -5\n": [".jdlint.yaml", "max-file-size", "expected a positive number of bytes"],
    "max-file-size: true\n": [".jdlint.yaml", "max-file-size", "expected a positive number of bytes"],
    "rules: {no-such-rule: {x: 1}}\n": [".jdlint.yaml", "rules", "unknown rule id 'no-such-rule'"],
    "rules: {placeholder-section: {x: 1}}\n": [".jdlint.yaml", "rules.placeholder-section.x", "unknown option"],
    "rules: {placeholder-section: 3}\n": [".jdlint.yaml", "rules.placeholder-section", "expected a mapping"],
    "rules: {requirement-overload: {max-items: many}}\n": [
        ".jdlint.yaml",
        "rules.requirement-overload.max-items: expected int, got 'many'",
    ],
    "employer: {size: -1}\n": [".jdlint.yaml", "employer.size", "expected a number of employees"],
    "employer: {uses_aedt: maybe}\n": [".jdlint.yaml", "employer.uses_aedt", "expected true or false"],
    "employer: {ceo: x}\n": [".jdlint.yaml", "employer", "unknown key 'ceo'"],
    "as-of: yesterday\n": [".jdlint.yaml", "as-of", "expected a date as YYYY-MM-DD"],
    "as-of: [2024, 1]\n": [".jdlint.yaml", "as-of", "expected a date as YYYY-MM-DD"],
    "per-path-ignores: {'a/*': [nope]}\n": [".jdlint.yaml", "per-path-ignores.a/*", "unknown rule or category"],
    "- a list\n": [".jdlint.yaml", "expected a mapping, got a list"],
    "fail-on: [x\n": [".jdlint.yaml:", "not valid YAML"],
    "rule-packs: [missing.yaml]\n": ["missing.yaml", "cannot read rule pack"],
    "spacy-model: 3\n": [".jdlint.yaml", "spacy-model", "expected a pipeline name"],
}


@pytest.mark.parametrize("config", sorted(CONFIGS))
def test_bad_configuration_is_exit_2_naming_file_key_and_expectation(tmp_path, config):
    _assert_one_line_error(_run_with(tmp_path, config), *CONFIGS[config])


def test_config_alias_bomb_error_message_stays_short(tmp_path):
    # A plain repr of this value would expand a billion strings; the message must stay one short line.
    levels = ['&a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    proc = _run_with(tmp_path, "max-file-size: [" + ", ".join(levels) + "]\n")
    _assert_one_line_error(proc, ".jdlint.yaml", "max-file-size", "expected a positive number of bytes")
    assert len(proc.stderr) < 400


def test_config_that_is_not_utf8(tmp_path):
    (tmp_path / "cfg.yaml").write_bytes("select: [bías]\n".encode("latin-1"))
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "--config", "cfg.yaml", "job.md", cwd=tmp_path)
    _assert_one_line_error(proc, "cfg.yaml", "cannot read the configuration")


def test_pyproject_with_bad_toml(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.jdlint]\nselect = [\n", encoding="utf-8")
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "job.md", cwd=tmp_path)
    _assert_one_line_error(proc, "pyproject.toml", "not valid TOML")


# -- rule packs -----------------------------------------------------------------------------------


def _pack(*terms: object, **rule: object) -> str:
    spec = {"id": "acme-terms", "summary": "Words ACME does not use.", "terms": list(terms), **rule}
    return yaml.safe_dump({"rules": [spec]}, sort_keys=False)


PACKS = {
    "regex": (_pack({"pattern": [{"TEXT": {"REGEX": "(a+)+$"}}]}), ["terms[0].pattern[0].TEXT.REGEX", "an operator"]),
    "regex-attr": (_pack({"pattern": [{"REGEX": "a"}]}), ["pattern[0].REGEX", "REGEX and FUZZY are not allowed"]),
    "fuzzy": (_pack({"pattern": [{"LOWER": {"FUZZY": "rockstar"}}]}), ["LOWER.FUZZY", "an operator"]),
    "unknown-attr": (_pack({"pattern": [{"COLOUR": "red"}]}), ["pattern[0].COLOUR", "a spaCy token attribute"]),
    "not-a-list": (_pack({"pattern": "rock star"}), ["terms[0].pattern", "a non-empty list of token specs"]),
    "in-not-list": (_pack({"pattern": [{"LOWER": {"IN": "abc"}}]}), ["LOWER.IN", "a list of strings"]),
    "in-nested": (_pack({"pattern": [{"LOWER": {"IN": ["a", ["b"]]}}]}), ["LOWER.IN", "a list of strings"]),
    "bool-attr": (_pack({"pattern": [{"IS_ALPHA": "yes"}]}), ["pattern[0].IS_ALPHA", "true or false"]),
    "length-str": (_pack({"pattern": [{"LENGTH": "long"}]}), ["pattern[0].LENGTH", "a whole number"]),
    "string-compare": (_pack({"pattern": [{"LOWER": {">=": 3}}]}), ["LOWER.>=", "an operator among"]),
    "bad-op": (_pack({"pattern": [{"LOWER": "a", "OP": "++"}]}), ["pattern[0].OP", "one of ! ? + *"]),
    "reversed-count": (_pack({"pattern": [{"LOWER": "a", "OP": "{5,2}"}]}), ["pattern[0].OP", "{n,m}"]),
    "empty-count": (_pack({"pattern": [{"LOWER": "a", "OP": "{,}"}]}), ["pattern[0].OP", "{n,m}"]),
    "bad-id": (_pack("x", id="Bad_Id"), ["rules[0].id", "a kebab-case rule id"]),
    "taken-id": (_pack("x", id="exclusionary-jargon"), ["rule id 'exclusionary-jargon' is already defined"]),
    "unknown-key": (_pack("x", colour="red"), ["rules[0].colour", "one of the rule keys"]),
    "unknown-term-key": (_pack({"phrases": ["x"], "colour": 1}), ["terms[0].colour", "one of the term keys"]),
    "bad-category": (_pack("x", category="mood"), ["rule acme-terms.category", "one of bias, compliance"]),
    "bad-severity": (_pack("x", severity="loud"), ["rule acme-terms.severity", "error, warning or info"]),
    "no-terms": (_pack(), ["rule acme-terms.terms", "a non-empty list of terms"]),
    "empty-phrase": (_pack({"phrases": ["  "]}), ["terms[0].phrases", "non-empty phrases"]),
    "empty-exception": (_pack("x", exceptions=[""]), ["exceptions[0]", "a non-empty phrase"]),
    "bad-section-kind": (_pack("x", skip_sections=["benefitz"]), ["skip_sections: 'benefitz'", "a section kind"]),
    "inflect-string": (_pack({"phrases": ["x"], "inflect": "no"}), ["terms[0].inflect", "true or false"]),
    "skip-eeo-string": (_pack("x", skip_eeo="no"), ["rule acme-terms.skip_eeo", "true or false"]),
    "examples-type": (_pack("x", examples={"flag": 3}), ["examples.flag", "a list of strings"]),
    "not-a-pack": ("- just\n- a list\n", ["a rule pack is a mapping with a `rules:` list"]),
    "invalid-yaml": ("rules: [\n", ["pack.yaml:", "not valid YAML"]),
    "not-utf8": ("rules: [{id: café}]\n".encode("latin-1"), ["pack.yaml", "not UTF-8", "byte offset 16"]),
}


@pytest.mark.parametrize("name", sorted(PACKS))
def test_bad_rule_pack_is_exit_2_naming_file_key_and_expectation(tmp_path, name):
    content, words = PACKS[name]
    proc = _run_with(tmp_path, "rule-packs: [pack.yaml]\n", {"pack.yaml": content})
    _assert_one_line_error(proc, "pack.yaml", *words)


# -- a user's pack cannot make a run hang ------------------------------------------------------------

ANY = {}  # a token spec that matches every token: the worst case for the Matcher

PATHOLOGICAL = {
    # spaCy keeps every partial match alive: these are quadratic (or worse) in the text
    "star": (_pack({"pattern": [ANY | {"OP": "*"}, {"LOWER": "ninja"}]}), "a bounded repeat"),
    "two-stars": (_pack({"pattern": [ANY | {"OP": "*"}, ANY | {"OP": "*"}, {"LOWER": "x"}]}), "a bounded repeat"),
    "plus": (_pack({"pattern": [{"IS_ALPHA": True, "OP": "+"}]}), "a bounded repeat"),
    "open-count": (_pack({"pattern": [ANY | {"OP": "{2,}"}]}), "a bounded repeat"),
    # every optional slot doubles the work per token
    "many-optional": (_pack({"pattern": [ANY | {"OP": "?"}] * 5 + [{"LOWER": "x"}]}), "at most 4 optional"),
    "two-big-counts": (_pack({"pattern": [ANY | {"OP": "{0,8}"}, ANY | {"OP": "{0,8}"}]}), "at most 4 optional"),
    # every pattern is tried at every token
    "many-patterns": (
        _pack(*[{"pattern": [{"LOWER": f"w{i}"}, ANY, ANY]} for i in range(MAX_PATTERN_WORK // 3 + 1)]),
        "matching work is at most",
    ),
    "many-wide-patterns": (
        _pack(*[{"pattern": [ANY | {"OP": "?"}] * 4 + [ANY] * 12} for _ in range(3)]),
        "matching work is at most",
    ),
    "huge-phrase-list": (_pack({"phrases": [f"phrase {i}" for i in range(MAX_PHRASES + 1)]}), "at most 5000 phrases"),
    "long-phrase": (_pack({"phrases": ["word " * 100]}), "a phrase of at most 200 characters"),
    "long-pattern": (_pack({"pattern": [{"LOWER": "a"}] * 17}), "at most 16 token specs"),
    "huge-in-list": (_pack({"pattern": [{"LOWER": {"IN": [f"w{i}" for i in range(1001)]}}]}), "at most 1000 values"),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_pack_is_refused(tmp_path, name):
    content, words = PATHOLOGICAL[name]
    proc = _run_with(tmp_path, "rule-packs: [pack.yaml]\n", {"pack.yaml": content})
    _assert_one_line_error(proc, "pack.yaml", words)


def _heaviest_accepted_pack() -> str:
    # The most matcher work the validator allows, spent in the worst way: wildcard tokens with
    # optional slots (all partial matches stay alive), plus the full phrase allowance.
    wide = [ANY | {"OP": "?"}] * 4 + [ANY] * 11 + [{"LOWER": "ninja"}]
    n = MAX_PATTERN_WORK // pattern_work(wide)
    assert n >= 1
    phrases = [f"made up phrase {i}" for i in range(MAX_PHRASES - 1)]
    return _pack({"pattern": wide}, *([{"pattern": wide}] * (n - 1)), {"phrases": phrases, "inflect": False})


def test_heaviest_accepted_pack_finishes_and_finds_every_match(tmp_path):
    """The heaviest pack the validator lets through lints a 60 KB posting and finds each match once.

    (Measured while writing it: about 10 µs per character, against 1.5 for jdlint alone, at
    any length; without the limits two `*` wildcards took 280 s on 2,000 words.)
    """
    (tmp_path / "pack.yaml").write_text(_heaviest_accepted_pack(), encoding="utf-8")
    (tmp_path / ".jdlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    engine = Engine(load_file(str(tmp_path / ".jdlint.yaml")))
    sentence = "We need a ninja who writes clear code and reviews it with care every day. "
    small = jdlint.lint_text(sentence * 40, engine=engine)
    large = jdlint.lint_text(sentence * 800, engine=engine)
    count = [len([f for f in r.findings if f.rule == "acme-terms"]) for r in (small, large)]
    assert count == [39, 799]  # the first "ninja" has too few words before it for the pattern


def test_heaviest_accepted_pack_through_the_cli(tmp_path):
    proc = _run_with(
        tmp_path,
        "rule-packs: [pack.yaml]\n",
        {"pack.yaml": _heaviest_accepted_pack()},
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_bundled_packs_keep_loading():
    # jdlint's own packs are reviewed and loaded without the strict limits; they must still load.
    engine = Engine()
    assert "exclusionary-jargon" in engine.rules
