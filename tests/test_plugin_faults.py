"""Third-party plugins: found through the `jdlint` entry-point group; a faulty one costs one finding.

Plugins are installed the way users install them: a distribution whose metadata declares an entry
point. The in-process tests put a `*.dist-info` folder on `sys.path` (what an installed package is);
one test builds a real wheel and installs it with pip into a target folder used via PYTHONPATH.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli, write_distribution

import jdlint
from jdlint.engine.core import MAX_HITS, Engine

POSTING = (
    "# Engineer\n\nWe need a rockstar to work on project bluebird.\n"
    "\n\nWe are an equal opportunity employer. You must be authorized to work in the US; we do not sponsor visas.\n"
)

HEADER = """
from jdlint import Severity
from jdlint.model.finding import Hit
from jdlint.hookspecs import hookimpl
from jdlint.model.rule import Rule

RULE = Rule(id="{rule}", category="bias", severity=Severity.WARNING, summary="A test rule.")


@hookimpl
def jdlint_rules():
    return [RULE]
"""

PLUGINS = {
    # entry-point name: body of its module (after HEADER)
    "acme-good": """
@hookimpl
def jdlint_check(posting, doc, context):
    for tok in doc:
        if tok.lower_ == "bluebird":
            yield Hit(RULE.id, tok.idx, tok.idx + len(tok), "Internal code name in a posting.")
""",
    "acme-raises": """
@hookimpl
def jdlint_check(posting, doc, context):
    raise KeyError("boom")
""",
    "acme-returns-number": """
@hookimpl
def jdlint_check(posting):
    return 42
""",
    "acme-yields-strings": """
@hookimpl
def jdlint_check(posting):
    yield "bluebird is bad"
""",
    "acme-outside-text": """
@hookimpl
def jdlint_check(posting):
    yield Hit(RULE.id, 0, len(posting.text) + 10, "past the end")
""",
    "acme-negative-span": """
@hookimpl
def jdlint_check(posting):
    yield Hit(RULE.id, -3, 2, "before the start")
""",
    "acme-float-span": """
@hookimpl
def jdlint_check(posting):
    yield Hit(RULE.id, 0.5, 2, "not an offset")
""",
    "acme-undeclared-rule": """
@hookimpl
def jdlint_check(posting):
    yield Hit("someone-elses-rule", 0, 1, "not mine")
""",
    "acme-bad-severity": """
@hookimpl
def jdlint_check(posting):
    yield Hit(RULE.id, 0, 1, "loud", severity="LOUD")
""",
    "acme-endless": """
@hookimpl
def jdlint_check(posting):
    while True:
        yield Hit(RULE.id, 0, 1, "again")
""",
    "acme-bad-summary": """
@hookimpl
def jdlint_file_summary(posting):
    return {"acme": object()}
""",
    "acme-summary-not-dict": """
@hookimpl
def jdlint_file_summary(posting):
    return ["a", "list"]
""",
}


def _rule_id(name: str) -> str:
    return name.replace("acme-", "acme-rule-")


def _install_dist_info(site: Path, names: list[str], broken: dict[str, str] | None = None) -> None:
    """Write modules and one `*.dist-info` declaring them as `jdlint` entry points (an installed distribution)."""
    modules = {name.replace("-", "_"): HEADER.format(rule=_rule_id(name)) + PLUGINS[name] for name in names}
    entry_points = {name: name.replace("-", "_") for name in names} | (broken or {})
    write_distribution(site, "jdlint-test-plugins", modules, entry_points)


@pytest.fixture
def engine_with(tmp_path, monkeypatch):
    def make(*names: str) -> Engine:
        site = tmp_path / "site"
        site.mkdir()
        _install_dist_info(site, list(names))
        monkeypatch.syspath_prepend(str(site))
        return Engine()

    return make


def _internal(findings) -> list[str]:
    return [f.message for f in findings if f.rule == "internal-error"]


FAULTS = {
    "acme-raises": "KeyError: 'boom'",
    "acme-returns-number": "TypeError: 'int' object is not iterable",
    "acme-yields-strings": "returned str instead of a jdlint Hit",
    "acme-outside-text": "outside the text",
    "acme-negative-span": "span -3:2 outside the text",
    "acme-float-span": "span 0.5:2 outside the text",
    "acme-undeclared-rule": "undeclared rule id 'someone-elses-rule'",
    "acme-bad-severity": "reported severity 'LOUD'",
    "acme-endless": f"more than {MAX_HITS} findings",
    "acme-bad-summary": "TypeError: Object of type object is not JSON serializable",
    "acme-summary-not-dict": "returned list, expected a dict",
}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_a_faulty_plugin_is_one_internal_error_and_everything_else_runs(engine_with, name):
    engine = engine_with("acme-good", name)
    result = jdlint.lint_text(POSTING, path="job.md", engine=engine)
    errors = _internal(result.findings)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"plugin '{name}' failed on this file: ")
    assert FAULTS[name] in errors[0]
    internal = next(f for f in result.findings if f.rule == "internal-error")
    assert (internal.line, internal.column) == (1, 1)
    # the built-in rules and the good plugin still report
    rules = sorted(f.rule for f in result.findings if f.rule != "internal-error")
    assert rules == ["acme-rule-good", "exclusionary-jargon"]


def test_every_fault_at_once_and_other_files_go_on(engine_with, tmp_path):
    engine = engine_with("acme-good", *FAULTS)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(POSTING, encoding="utf-8")
    report = jdlint.lint_paths([str(tmp_path / "a.md"), str(tmp_path / "b.md")], engine=engine)
    for fr in report.files:
        named = sorted(m.split("'")[1] for m in _internal(fr.findings))
        assert named == sorted(FAULTS)
        assert {"acme-rule-good", "exclusionary-jargon"} <= {f.rule for f in fr.findings}


def test_plugin_that_fails_to_load_is_one_line_naming_it(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install_dist_info(site, ["acme-good"], broken={"acme-missing": "jdlint_not_installed_anywhere"})
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "job.md", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "jdlint: error: jdlint plugin 'acme-missing' (jdlint_not_installed_anywhere) could not be loaded: "
        "ModuleNotFoundError: No module named 'jdlint_not_installed_anywhere'"
    ]


SETUP_FAULTS = {
    "rules-raise": (
        "@hookimpl\ndef jdlint_rules():\n    raise RuntimeError('no rules today')\n",
        "plugin 'acme-setup' failed in jdlint_rules: RuntimeError: no rules today",
    ),
    "rules-garbage": (
        "@hookimpl\ndef jdlint_rules():\n    return 7\n",
        "plugin 'acme-setup': jdlint_rules returned int, expected a list of jdlint Rule objects",
    ),
    "rules-not-rules": (
        "@hookimpl\ndef jdlint_rules():\n    return ['acme-rule']\n",
        "plugin 'acme-setup': jdlint_rules returned str, expected jdlint Rule objects",
    ),
    "packs-garbage": (
        "@hookimpl\ndef jdlint_rule_packs():\n    return 'packs.yaml'\n",
        "plugin 'acme-setup': jdlint_rule_packs returned str, expected a list of paths",
    ),
    "nlp-raises": (
        "@hookimpl\ndef jdlint_configure_nlp(nlp):\n    raise ValueError('no pipeline')\n",
        "plugin 'acme-setup' failed in jdlint_configure_nlp: ValueError: no pipeline",
    ),
}


@pytest.mark.parametrize("fault", sorted(SETUP_FAULTS))
def test_plugin_failing_at_set_up_is_exit_2_naming_it(tmp_path, fault):
    source, message = SETUP_FAULTS[fault]
    site = tmp_path / "site"
    modules = {"acme_setup": "from jdlint.hookspecs import hookimpl\n\n" + source}
    write_distribution(site, "acme-setup", modules, {"acme-setup": "acme_setup"})
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "job.md", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.splitlines() == [f"jdlint: error: {message}"]


# -- a real distribution, built as a wheel and installed with pip -----------------------------------

ACME_MODULE = '''\
"""jdlint-acme: ACME's house rules for job postings."""

from jdlint import Severity
from jdlint.model.finding import Hit
from jdlint.hookspecs import hookimpl
from jdlint.model.rule import Rule

RULE = Rule(
    id="acme-internal-codename",
    category="bias",
    severity=Severity.WARNING,
    summary="Internal code names mean nothing to candidates.",
    fix_hint="Say what the project does.",
)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, doc, context):
    for tok in doc:
        if tok.lower_ == "bluebird":
            yield Hit(RULE.id, tok.idx, tok.idx + len(tok), "“bluebird” is an internal code name.")
'''


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _build_wheel(out: Path) -> Path:
    """A PEP 427 wheel for `jdlint-acme`, written directly (no build backend needed offline)."""
    files = {
        "jdlint_acme/__init__.py": ACME_MODULE.encode(),
        "jdlint_acme-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: jdlint-acme\nVersion: 1.0\n"
        b"Requires-Dist: jdlint\n",
        "jdlint_acme-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: jdlint-tests\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n",
        "jdlint_acme-1.0.dist-info/entry_points.txt": b"[jdlint]\nacme = jdlint_acme\n",
    }
    record = [_record_line(n, d) for n, d in files.items()] + ["jdlint_acme-1.0.dist-info/RECORD,,"]
    files["jdlint_acme-1.0.dist-info/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = out / "jdlint_acme-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return wheel


def test_third_party_distribution_installed_with_pip(tmp_path):
    wheel = _build_wheel(tmp_path)
    target = tmp_path / "site"
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--target", str(target), wheel],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pip.returncode == 0, pip.stderr
    assert (target / "jdlint_acme-1.0.dist-info" / "entry_points.txt").is_file()
    env = {"PYTHONPATH": str(target)}
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")

    proc = run_cli("check", "--format", "json", "job.md", cwd=tmp_path, env=env)
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in findings] == [
        ("exclusionary-jargon", 3, 11, "rockstar"),
        ("acme-internal-codename", 3, 39, "bluebird"),
    ]
    listed = json.loads(run_cli("rules", "--format", "json", env=env).stdout)
    assert {"id": "acme-internal-codename", "category": "bias", "severity": "warning"}.items() <= next(
        r for r in listed if r["id"] == "acme-internal-codename"
    ).items()
    explained = run_cli("explain", "acme-internal-codename", env=env)
    assert "Say what the project does." in explained.stdout
    # and it can be switched off like any built-in rule
    off = run_cli("check", "--format", "json", "--ignore", "acme-internal-codename", "job.md", cwd=tmp_path, env=env)
    assert [f["rule"] for f in json.loads(off.stdout)["findings"]] == ["exclusionary-jargon"]


def test_without_the_distribution_the_rule_is_absent(tmp_path):
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "job.md", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["exclusionary-jargon"]
