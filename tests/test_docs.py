"""Docs that are generated stay in sync with the code."""

from conftest import ROOT, run_cli


def test_rules_catalog_is_up_to_date():
    generated = run_cli("rules", "--format", "markdown").stdout
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert generated == on_disk, "docs/rules.md is stale: run `jdlint rules --format markdown > docs/rules.md`"


def test_every_rule_has_an_explanation_and_examples():
    import jdlint.engine

    for rule in jdlint.engine.Engine().rules.values():
        assert rule.summary and rule.explain, rule.id
        if rule.category != "internal":
            assert rule.source and rule.fix_hint, rule.id
            assert rule.bad_examples, rule.id


def _readme_block(after_heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(after_heading) :]
    start = section.index("```python\n") + len("```python\n")
    return section[start : section.index("```", start)]


def test_the_readme_plugin_example_runs_as_written():
    """The documented plugin imports what `jdlint` exports and reports its finding."""
    import types

    import jdlint
    from jdlint.config import Config
    from jdlint.engine import Engine

    plugin = types.ModuleType("jdlint_acme_rules")
    exec(compile(_readme_block("### A Python plugin"), "README.md", "exec"), plugin.__dict__)
    engine = Engine(Config(), load_entry_points=False)
    engine.pm.register(plugin, name="acme")
    for rule in plugin.jdlint_rules():
        engine.rules[rule.id] = rule
    engine.enabled = frozenset(engine.rules)
    findings = jdlint.lint_text("# Engineer\n\nYou will join Bluebird.\n", path="job.md", engine=engine).findings
    hit = next(f for f in findings if f.rule == "acme-codename")
    assert (hit.line, hit.column, hit.match) == (3, 15, "Bluebird")


def test_laws_doc_is_up_to_date():
    """docs/laws.md is `jdlint laws --format markdown` for the date it names (regenerate with that command)."""
    import re

    on_disk = (ROOT / "docs" / "laws.md").read_text(encoding="utf-8")
    date = re.search(r"--as-of (\d{4}-\d{2}-\d{2}) > docs/laws.md", on_disk).group(1)
    generated = run_cli("laws", "--format", "markdown", "--as-of", date).stdout
    regenerate = f"jdlint laws --format markdown --as-of {date} > docs/laws.md"
    assert generated == on_disk, f"docs/laws.md is stale: run `{regenerate}`"


def test_no_user_visible_text_points_at_the_projects_fact_sheet():
    """Users do not have LAWS.md: rule docs and generated docs cite the laws and their sources."""
    for doc in ("rules.md", "laws.md"):
        assert "LAWS.md" not in (ROOT / "docs" / doc).read_text(encoding="utf-8"), doc
