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
