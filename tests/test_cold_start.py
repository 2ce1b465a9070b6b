"""A one-file run starts fast without changing what it finds (issue 21, cold start without a server).

* jdlint's own processes (the CLI, its workers) import spaCy without spaCy's
  command line (typer, weasel, httpx…): `spacy.cli` is a stand-in there, and
  any use of it loads the real one. A program that imports jdlint keeps the
  real `spacy.cli`.
* Sentence starts are found without `numpy.isin` (which imports `numpy.ma`).
* Text with no Markdown block syntax is split into paragraphs without
  markdown-it, with the same findings.
* Regexes a run may not need compile on first use.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import jdlint
from jdlint.match.lazy import lazy_compile
from jdlint.parse import document

HEAVY = ("typer", "weasel", "httpx", "requests", "jinja2", "numpy.ma")
POSTING = ROOT / "examples" / "backend-engineer.md"


def _python(script: str) -> dict:
    """Run `script` in a fresh interpreter (as a user's program would be run); it prints one JSON line last."""
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


MODULES = f"""
    import json, sys
    def modules():
        cli = sys.modules.get("spacy.cli")
        return {{
            "spacy": "spacy" in sys.modules,
            "spacy.cli": type(cli).__name__ if cli is not None else None,
            **{{name: name in sys.modules for name in {HEAVY!r}}},
        }}
"""


def test_a_cli_run_imports_spacy_without_its_command_line():
    found = _python(
        MODULES
        + f"""
    import contextlib, io
    from jdlint.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--no-cache", "--format", "json", {str(POSTING)!r}])
    findings = json.loads(out.getvalue())["findings"]
    print(json.dumps({{"code": code, "findings": len(findings), **modules()}}))
    """
    )
    assert found["code"] == 1 and found["findings"] > 0  # the file was really linted, with spaCy
    assert found["spacy"] is True
    assert found["spacy.cli"] == "_StandIn"
    assert {name: found[name] for name in HEAVY} == dict.fromkeys(HEAVY, False)


def test_a_worker_imports_spacy_without_its_command_line():
    found = _python(
        MODULES
        + """
    import os
    from jdlint.config import Config
    from jdlint.engine.spec import EngineSpec
    from jdlint.run import parallel
    parallel._start(EngineSpec(Config()), None, os.getppid(), None)  # what each worker runs first
    print(json.dumps({"failed": parallel._failed, **modules()}), flush=True)
    """
    )
    assert found["failed"] is None
    assert found["spacy"] is True and found["spacy.cli"] == "_StandIn"
    assert not any(found[name] for name in HEAVY)


def test_a_program_that_imports_jdlint_keeps_the_real_spacy_cli():
    found = _python(
        MODULES
        + """
    import jdlint
    result = jdlint.lint_text("We need a rockstar developer.", path="job.md")
    print(json.dumps({"findings": len(result.findings), **modules()}))
    """
    )
    assert found["findings"] > 0
    assert found["spacy.cli"] == "module"  # spaCy's own package, with its command line
    assert found["typer"] is True


def test_using_the_stand_in_loads_the_real_spacy_cli():
    found = _python(
        """
    import json, sys
    from jdlint.engine import lazy_spacy_cli
    lazy_spacy_cli.install()
    import spacy
    before = [lazy_spacy_cli.installed(), "typer" in sys.modules]
    stand_in = spacy.cli
    download = stand_in.download  # the first use of an attribute
    real = sys.modules["spacy.cli"]
    info = spacy.info(silent=True)  # spaCy's `info` answers, as without the stand-in
    print(json.dumps({
        "before": before,
        "after": [lazy_spacy_cli.installed(), "typer" in sys.modules],
        "same": download is real.download and spacy.cli is real and stand_in.package is real.package,
        "real_type": type(real).__name__,
        "info": sorted(info)[:2],
        "info_is_spacys": spacy.info is real.info and spacy.cli.info is real.info,
        "blank": [t.text for t in spacy.blank("en")("It works.")],
    }))
    """
    )
    assert found["before"] == [True, False]
    assert found["after"] == [False, True]
    assert found["same"] is True and found["real_type"] == "module"
    assert found["info"] == ["location", "pipelines"]
    assert found["info_is_spacys"] is True
    assert found["blank"] == ["It", "works", "."]


def test_importing_a_submodule_of_the_stand_in_gives_spacys_own():
    found = _python(
        """
    import json, sys
    from jdlint.engine import lazy_spacy_cli
    lazy_spacy_cli.install()
    import spacy
    from spacy.cli._util import app  # a submodule of spaCy's command line, imported as usual
    print(json.dumps({"app": type(app).__name__, "file": sys.modules["spacy.cli._util"].__file__}))
    """
    )
    assert found["app"] == "Typer"
    assert found["file"].endswith("_util.py")


def test_installing_after_spacy_is_imported_changes_nothing():
    found = _python(
        """
    import json, sys
    import spacy
    from jdlint.engine import lazy_spacy_cli
    lazy_spacy_cli.install()
    print(json.dumps({"type": type(sys.modules["spacy.cli"]).__name__, "finders": [
        type(f).__name__ for f in sys.meta_path if type(f).__module__ == lazy_spacy_cli.__name__]}))
    """
    )
    assert found == {"type": "module", "finders": []}


# -- plain text without markdown-it ------------------------------------------------------------

MARKDOWN = [  # ✗: each holds block syntax (or might), so markdown-it reads it
    "# Backend Engineer\n\nWe build things.",
    "Backend Engineer\n================\n\nWe build things.",
    "Backend Engineer\n---\nWe build things.",
    "What you will do:\n- Build APIs\n- Review code",
    "What you will do:\n* Build APIs",
    "What you will do:\n+ Build APIs",
    "Steps:\n1. Apply\n2. Interview",
    "Steps:\n1) Apply",
    "> We are an equal opportunity employer.",
    "Salary\n\n| Level | Pay |\n| --- | --- |\n| L3 | $120k |",
    "Pay: $120k | Benefits: yes",
    "```\ncode\n```",
    "~~~\ncode\n~~~",
    "Intro.\n\n    indented four spaces: code",
    "Intro.\n\n\tindented by a tab",
    "<div>Apply now</div>",
    "[apply]: https://example.com/apply",
    "***\nWe build things.",
    "___",
    "   # three spaces then a heading",
    "Line one\r\nLine two",
    ": a definition-like line",
]

PLAIN = [  # ✓: prose only, read as paragraphs without markdown-it
    "We build payment systems.\nYou will write Go.\n\nSalary: $120,000 - $150,000 per year.",
    "Backend Engineer\nDenver, CO\n\nAbout the role\nYou will design APIs.",
    "Requirements:\n5+ years of Python\nExperience with Postgres",
    "• Build APIs\n• Review code",
    "Benefits – health, dental, 401(k).",
    "   Three spaces of indent are still a paragraph.",
    "Pay is $50/hour.\n\n\n\nApply by 1 March.",
    "2026 was a good year.\nWe grew 10x.",
    "Email jobs@example.com or visit www.example.com/jobs",
    "We need a rockstar ninja who works hard.\n  \nSecond paragraph after a line of spaces.",
    "",
]


@pytest.mark.parametrize("text", MARKDOWN)
def test_text_with_markdown_block_syntax_goes_to_markdown_it(text):
    assert document.plain_paragraphs(text) is None


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_split_as_markdown_it_splits_it(text):
    assert document.plain_paragraphs(text) == _markdown_paragraphs(text)


def _markdown_paragraphs(text: str) -> list[tuple[int, int]]:
    tokens = document._markdown(None).parse(text)
    assert all(t.type in ("paragraph_open", "inline", "paragraph_close") for t in tokens)
    return [tuple(t.map) for t in tokens if t.type == "paragraph_open"]


LINE_START = st.sampled_from(
    ["", " ", "   ", "    ", "\t", "- ", "* ", "1. ", "12) ", "# ", "> ", "=", "| ", "• ", "["]
)
WORDS = ["We", "need", "a", "Python", "developer", "---", "$120k", "1.", "|", ":", "-"]
LINE = st.builds(
    lambda start, words: start + " ".join(words),
    LINE_START,
    st.lists(st.sampled_from(WORDS), max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_whenever_the_fast_path_answers_it_answers_as_markdown_it(lines):
    text = "\n".join(lines)
    found = document.plain_paragraphs(text)
    if found is not None:
        assert found == _markdown_paragraphs(text)


PLAIN_POSTINGS = [
    "Senior Backend Engineer\nDenver, CO (hybrid)\n\nAbout us\nWe are a young, energetic team of rockstars.\n"
    "He will own the billing service.\n\nRequirements:\n5+ years of Python\nNative English speaker\n\n"
    "Benefits\nHealth, dental and vision. Apply by emailing jobs@example.com.",
    "Warehouse Associate\nToronto, ON\n\nCanadian experience required. Salary history required with your application.\n"
    "We do not sponsor visas. US citizens only.",
    "Data Analyst – New York, NY\n\nPay: $85,000 - $95,000 per year.\nWe use AI to screen applicants.",
]


@pytest.mark.parametrize("text", PLAIN_POSTINGS)
@pytest.mark.parametrize("path", ["posting.txt", "posting.md"])
def test_plain_postings_have_the_findings_markdown_it_gives(text, path, monkeypatch):
    assert document.plain_paragraphs(text) is not None
    fast = _findings(jdlint.lint_text(text, path=path))
    monkeypatch.setattr(document, "plain_paragraphs", lambda src: None)
    assert fast == _findings(jdlint.lint_text(text, path=path))
    assert fast  # these postings have findings to compare


def test_the_seeds_read_the_same_with_and_without_the_fast_path(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    assert sum(document.plain_paragraphs(t) is not None for t in texts) == 1  # one seed is plain text
    fast = [_findings(jdlint.lint_text(t, path="seed.txt")) for t in texts]
    monkeypatch.setattr(document, "plain_paragraphs", lambda src: None)
    assert fast == [_findings(jdlint.lint_text(t, path="seed.txt")) for t in texts]


def _findings(result) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.match, f.message) for f in result.findings]


# -- regexes compiled on first use -------------------------------------------------------------


def test_a_lazy_regex_compiles_on_first_use_and_answers_as_re_does():
    lazy = lazy_compile(r"(?P<word>rock\s*star)s?", re.IGNORECASE)
    assert "_compiled" not in vars(lazy)  # nothing compiled yet
    assert lazy.pattern == r"(?P<word>rock\s*star)s?"
    text = "A Rockstar, two rock stars."
    plain = re.compile(lazy.pattern, re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.search(text, 5).group("word") == "rock star"
    assert lazy.sub("developer", text) == plain.sub("developer", text)
    assert lazy.groupindex == {"word": 1} and lazy.match(text) is None


def test_sentence_starts_do_not_import_numpy_ma():
    found = _python(
        """
    import json, sys
    from jdlint.engine.nlp import get_nlp
    doc = get_nlp()("We build APIs. You review code!\\n\\nBenefits\\nHealth and dental")
    print(json.dumps({"starts": [s.text for s in doc.sents], "ma": "numpy.ma" in sys.modules}))
    """
    )
    assert found["ma"] is False
    assert found["starts"] == ["We build APIs.", "You review code!", "\n\n", "Benefits\n", "Health and dental"]
