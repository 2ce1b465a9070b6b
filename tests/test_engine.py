"""The engine: plugins, isolation of failing rules, selection, start-up budget."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

import jdlint
from jdlint.config import Config, ConfigError
from jdlint.engine import Engine, core
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule

TEXT = (
    "# Engineer\n\nWe need a rockstar.\n\n## Requirements\n\n- TBD\n\n## Equal opportunity\n\n"
    "We are an equal opportunity employer. Candidates must be authorized to work in the United States.\n"
)


class Crashing:
    RULE = Rule(id="acme-crash", category="bias", severity=Severity.WARNING, summary="Always crashes.")

    @hookimpl
    def jdlint_rules(self):
        return [self.RULE]

    @hookimpl
    def jdlint_check(self, posting):
        raise ZeroDivisionError("boom")


class Counting:
    RULE = Rule(id="acme-words", category="structure", severity=Severity.INFO, summary="Counts words.")

    @hookimpl
    def jdlint_rules(self):
        return [self.RULE]

    @hookimpl
    def jdlint_check(self, posting, doc):
        first = next(t for t in doc if t.is_alpha)
        yield Hit(self.RULE.id, first.idx, first.idx + len(first), f"{len(doc)} tokens")


def engine_with(*plugins) -> Engine:
    engine = Engine(Config(), load_entry_points=False)
    for i, plugin in enumerate(plugins):
        engine.pm.register(plugin, name=f"test-plugin-{i}")
        for rule in plugin.jdlint_rules():
            engine.rules[rule.id] = rule
    engine.enabled = frozenset(engine.rules)
    return engine


def test_crashing_rule_is_one_internal_error_and_others_still_run():
    engine = engine_with(Crashing(), Counting())
    findings = jdlint.lint_text(TEXT, path="job.md", engine=engine).findings
    rules = sorted(f.rule for f in findings)
    assert rules == ["acme-words", "exclusionary-jargon", "internal-error", "placeholder-section"]
    internal = next(f for f in findings if f.rule == "internal-error")
    assert "test-plugin-0" in internal.message and "ZeroDivisionError" in internal.message
    assert internal.severity is Severity.ERROR and internal.line == 1


def test_third_party_rule_finding_has_positions():
    engine = engine_with(Counting())
    f = next(f for f in jdlint.lint_text(TEXT, engine=engine).findings if f.rule == "acme-words")
    assert (f.line, f.column, f.match) == (1, 3, "Engineer")


def test_select_and_ignore_by_id_and_category():
    engine = Engine(Config(select=["structure"]))
    assert {f.rule for f in jdlint.lint_text(TEXT, engine=engine).findings} == {"placeholder-section"}
    engine = Engine(Config(ignore=["placeholder-section"]))
    assert "placeholder-section" not in {f.rule for f in jdlint.lint_text(TEXT, engine=engine).findings}


def test_severity_override_and_off():
    engine = Engine(Config(severity={"exclusionary-jargon": "error", "placeholder-section": "off"}))
    found = {f.rule: f.severity for f in jdlint.lint_text(TEXT, engine=engine).findings}
    assert found == {"exclusionary-jargon": Severity.ERROR}


def test_per_path_ignores():
    engine = Engine(Config(per_path_ignores={"archive/*": ["bias"]}))
    assert not [
        f for f in jdlint.lint_text(TEXT, path="archive/old.md", engine=engine).findings if f.category == "bias"
    ]
    assert [f for f in jdlint.lint_text(TEXT, path="live/new.md", engine=engine).findings if f.category == "bias"]


@pytest.mark.parametrize(
    ("cfg", "needle"),
    [
        (Config(select=["no-such-rule"]), "no-such-rule"),
        (Config(severity={"no-such-rule": "error"}), "no-such-rule"),
        (Config(rules={"exclusionary-jargon": {"max": 3}}), "rules.exclusionary-jargon.max"),
    ],
)
def test_unknown_rule_ids_in_config_are_errors(cfg, needle):
    with pytest.raises(ConfigError, match=needle):
        Engine(cfg)


def test_the_term_runner_is_a_plugin_like_any_other():
    """The engine knows nothing of term packs: the runner is in BUILTIN_PLUGINS and loads them through hooks."""
    from jdlint.checks import BUILTIN_PLUGINS
    from jdlint.checks.terms.runner import CHECKER

    imported = set()
    for node in ast.walk(ast.parse(Path(core.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
    assert [m for m in imported if m.startswith("jdlint.checks.terms")] == []
    engine = Engine(Config(), load_entry_points=False)
    assert engine.pm.has_plugin("jdlint.checks.terms.runner") and "jdlint.checks.terms.runner" in BUILTIN_PLUGINS
    checker = engine.pm.get_plugin(CHECKER)
    assert "exclusionary-jargon" in {tr.rule.id for tr in checker.term_rules}


def test_a_plugins_rule_pack_is_loaded_with_the_bundled_ones(tmp_path, monkeypatch):
    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "rules:\n  - id: acme-codename\n    summary: Internal code names.\n    terms: [project bluebird]\n",
        encoding="utf-8",
    )

    class Shipping:
        @hookimpl
        def jdlint_rule_packs(self):
            return [pack]

    monkeypatch.setattr(core, "_load_entry_points", lambda pm: pm.register(Shipping(), name="acme"))
    engine = Engine(Config())
    assert list(engine.rules)[:2] == ["age-bias", "culture-fit"]  # the packs' rules first, as before
    findings = jdlint.lint_text("# Engineer\n\nYou will lead Project Bluebird.\n", engine=engine).findings
    assert [(f.rule, f.match) for f in findings if f.rule == "acme-codename"] == [("acme-codename", "Project Bluebird")]


@pytest.mark.parametrize(
    "args",
    [["--help"], ["rules"], ["explain", "placeholder-section"], ["check", "--help"], ["--version"]],
)
def test_cheap_commands_do_not_import_spacy(args):
    code = (
        "import sys\nfrom jdlint.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().endswith("NO-SPACY"), out.stdout + out.stderr


def test_rules_lists_every_rule_with_category_and_severity():
    proc = run_cli("rules", "--format", "json")
    import json

    rules = {r["id"]: r for r in json.loads(proc.stdout)}
    assert rules["placeholder-section"]["category"] == "structure"
    assert rules["placeholder-section"]["severity"] == "error"
    assert rules["exclusionary-jargon"]["severity"] == "warning"
    assert {"unreadable-file", "internal-error", "unused-suppression"} <= set(rules)


def test_explain_shows_why_source_fix_and_examples():
    out = run_cli("explain", "exclusionary-jargon").stdout
    for needle in ("exclusionary-jargon (bias, default warning)", "Source:", "How to fix:", "✗", "✓"):
        assert needle in out


def test_explain_unknown_rule_suggests_close_ids():
    proc = run_cli("explain", "placeholder-sections")
    assert proc.returncode == 2
    assert "did you mean placeholder-section" in proc.stderr
