"""Where a rule's documentation lives, for SARIF `helpUri` and LSP `codeDescription`."""

from __future__ import annotations

HOME = "https://github.com/jdlint/jdlint"
RULES_DOC = f"{HOME}/blob/main/docs/rules.md"


def rule_url(rule_id: str) -> str:
    """The anchor of a rule's entry in the rule catalog (ids are already kebab-case anchors)."""
    return f"{RULES_DOC}#{rule_id}"
