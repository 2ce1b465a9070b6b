"""The plugin API: pluggy hook specifications.

jdlint's own rules are plugins registered exactly like third-party ones
(as pytest does). A distribution adds rules by declaring an entry point in
the ``jdlint`` group that names a module or object with ``@hookimpl``
functions::

    [project.entry-points.jdlint]
    acme = "jdlint_acme.rules"

and in ``jdlint_acme/rules.py``::

    from jdlint.hookspecs import hookimpl
    from jdlint import Hit, Rule, Severity

    RULE = Rule(id="acme-internal-codename", category="bias",
                severity=Severity.WARNING, summary="Internal code names leak.")

    @hookimpl
    def jdlint_rules():
        return [RULE]

    @hookimpl
    def jdlint_check(posting, doc, context):
        for tok in doc:
            if tok.lower_ == "bluebird":
                yield Hit(RULE.id, tok.idx, tok.idx + len(tok), "Code name in a posting.")

Rules never read files, print or parse: they get the parsed `Posting`, its
spaCy `Doc` (built over `posting.analysis`, so `token.idx` is an offset into
`posting.text`) and a `Context`, and return or yield `Hit` objects. A hook
takes only the arguments it names; the `Doc` is made only when some hook
names `doc` (or a rule reads `context.doc`), since tokenizing whole postings
is the largest single cost of a run. jdlint's own rules do not name it.
"""

from __future__ import annotations

import pluggy

PROJECT = "jdlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def jdlint_rules():
    """Return the `Rule` objects this plugin reports (ids, category, docs)."""


@hookspec
def jdlint_rule_packs():
    """Return paths of YAML rule packs this plugin ships (the format of `rules/<family>/*.yaml`).

    Asked once per engine by the term runner (`jdlint.checks.terms.runner`), in its `jdlint_configure`.
    """


@hookspec
def jdlint_configure(pluginmanager, config):
    """Set up once when an engine starts: every plugin is registered, no rule is collected yet.

    `pluginmanager` is the engine's pluggy `PluginManager` and `config` its `Config`. A
    plugin may register more plugin objects here (the term runner registers the one that
    holds the loaded packs); their own `jdlint_configure`, if any, is not called. Raise
    `jdlint.config.ConfigError` to report a configuration problem in your own words (exit 2).
    """


@hookspec
def jdlint_check(posting, doc, context):
    """Check one posting; return or yield `Hit` objects.

    A plugin that raises, or returns something that is not a `Hit` inside the
    text, produces one `internal-error` finding for the file; other rules and
    files go on.
    """


@hookspec
def jdlint_file_summary(posting, doc, context, findings):
    """Return a dict merged into this file's entry of the JSON `files` list.

    Used, for example, by `gender-coded` to report its counts and verdict.
    """


@hookspec
def jdlint_configure_nlp(nlp):
    """Add spaCy components to the shared pipeline (called once per process)."""
