"""Rule metadata: what `jdlint rules`, `jdlint explain` and SARIF show.

A rule owns its id, message, docs and examples (as in ruff). Python rules
declare a `Rule` next to their code; YAML packs declare the same fields as
data. Metadata never needs spaCy, so listing rules stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jdlint.finding import Severity

CATEGORIES = ("bias", "compliance", "structure", "requirements", "internal")


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    summary: str
    explain: str = ""
    source: str = ""
    fix_hint: str = ""
    bad_examples: tuple[str, ...] = ()
    good_examples: tuple[str, ...] = ()
    fixable: bool = False
    origin: str = "jdlint"  # the plugin (or pack) that declared it
    options: dict = field(default_factory=dict, compare=False, hash=False)

    def explain_text(self) -> str:
        """The long help shown by `jdlint explain`, the LSP hover and SARIF."""
        parts = [f"{self.id} ({self.category}, default {self.severity})", "", self.summary]
        if self.explain:
            parts += ["", self.explain.strip()]
        if self.source:
            parts += ["", "Source: " + self.source.strip()]
        if self.fix_hint:
            parts += ["", "How to fix: " + self.fix_hint.strip()]
        if self.bad_examples:
            parts += ["", "Flagged:"] + [f"  ✗ {e}" for e in self.bad_examples]
        if self.good_examples:
            parts += ["", "Not flagged:"] + [f"  ✓ {e}" for e in self.good_examples]
        return "\n".join(parts)


INTERNAL_RULES = (
    Rule(
        id="unreadable-file",
        category="internal",
        severity=Severity.ERROR,
        summary="A file that cannot be read or decoded as text.",
        explain=(
            "jdlint reads UTF-8 (with or without a byte-order mark) and UTF-16 with a "
            "byte-order mark. Anything else, binary files included, cannot be linted "
            "reliably, so it is reported instead of guessed at."
        ),
        fix_hint="Re-save the file as UTF-8, or exclude it if it is not a posting.",
        bad_examples=("a Windows-1252 export with a 0x92 apostrophe", "a PDF committed as .md"),
    ),
    Rule(
        id="internal-error",
        category="internal",
        severity=Severity.ERROR,
        summary="A rule crashed or returned something invalid on this file; the message names it.",
        explain=(
            "One failing rule never stops the others: its failure is reported once for "
            "the file and every other rule and file is still checked."
        ),
        fix_hint="Report the message to the plugin's authors; switch the rule off meanwhile.",
    ),
    Rule(
        id="unused-suppression",
        category="internal",
        severity=Severity.INFO,
        summary="A jdlint-disable comment that suppresses nothing.",
        explain="Stale suppression comments hide future problems; remove them.",
        fix_hint="Delete the comment, or narrow it to the rule it was meant for.",
        bad_examples=("<!-- jdlint-disable-next-line age-bias --> above a line with no finding",),
    ),
    Rule(
        id="file-too-large",
        category="internal",
        severity=Severity.ERROR,
        summary="A file larger than the configured `max-file-size` is not linted.",
        explain=(
            "Postings are small; a file of many megabytes is almost always a data dump or "
            "a mistake. The limit (default 10 MiB) keeps a hook fast."
        ),
        fix_hint="Exclude the file, or raise `max-file-size` in the configuration.",
    ),
)
