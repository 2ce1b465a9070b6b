"""What jdlint checks: one built-in rule per module, named by its id, grouped by family.

This table of contents (like pytest's ``default_plugins``) is the list the
engine registers, on the same pluggy `PluginManager` as third-party plugins.
A rule's data lives beside it under the same id: ``rules/<family>/<rule-id>.yaml``.
Rules written only as YAML term packs (age-bias, culture-fit, …) have no module:
the term runner (`jdlint.checks.terms`) is the one plugin that runs every pack.
"""

BUILTIN_PLUGINS = (
    # bias
    "jdlint.checks.bias.citizenship_restriction",
    "jdlint.checks.bias.disability_bias",
    "jdlint.checks.bias.gender_coded",
    "jdlint.checks.bias.gendered_term",
    # compliance
    "jdlint.checks.compliance.aedt_notice",
    "jdlint.checks.compliance.canadian_experience",
    "jdlint.checks.compliance.eeo_statement",
    "jdlint.checks.compliance.pay_history_question",
    "jdlint.checks.compliance.pay_transparency",
    "jdlint.checks.compliance.vacancy_statement",
    "jdlint.checks.compliance.visa_statement",
    # structure
    "jdlint.checks.structure.empty_section",
    "jdlint.checks.structure.invalid_front_matter",
    "jdlint.checks.structure.placeholder_section",
    "jdlint.checks.structure.placeholder_text",
    # requirements
    "jdlint.checks.requirements.duplicate_requirement",
    "jdlint.checks.requirements.required_and_preferred",
    "jdlint.checks.requirements.requirement_overload",
    "jdlint.checks.requirements.seniority_mismatch",
    "jdlint.checks.requirements.years_conflict",
    # internal: rules the engine itself reports (unreadable-file, internal-error, …)
    "jdlint.checks.internal.internal_rules",
    "jdlint.checks.internal.posting_profile",  # files[].profile in the JSON report
    # every YAML term pack: rules/<family>/*.yaml with a `rules:` list, plugins' packs, the user's packs
    "jdlint.checks.terms.runner",
)

FAMILIES = ("bias", "compliance", "structure", "requirements")
