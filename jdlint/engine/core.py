"""The rule engine: plugins, rule selection, running rules safely, suppression.

Built-in rules are pluggy plugins registered on the same `PluginManager` as
third-party plugins from the ``jdlint`` entry-point group. Each plugin's
`jdlint_check` is called on its own, so one that raises (or returns
garbage) becomes a single `internal-error` finding naming it, and every
other rule still runs.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from typing import Any

import pluggy

from jdlint import hookspecs
from jdlint.config import Config, ConfigError
from jdlint.config.globs import matches_any
from jdlint.config.plugins import call_each
from jdlint.config.schema import Table, check, like
from jdlint.engine import interrupt
from jdlint.engine.spec import EngineSpec
from jdlint.engine.suppress import apply as apply_suppressions
from jdlint.engine.suppress import corrected, parse_directives, unknown_ids, unknown_message
from jdlint.facts.context import Context
from jdlint.facts.language import own_pipelines, posting_language, reads
from jdlint.model.finding import Finding, Hit, Severity
from jdlint.model.posting import Posting
from jdlint.model.rule import CATEGORIES, Rule

MAX_HITS = 100_000  # findings one plugin may report on one file


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """Register third-party plugins; one that cannot be imported is a one-line error naming it."""
    from jdlint.engine.entry_points import installed

    for ep in installed():
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            pm.register(ep.load(), name=ep.name)
        except Exception as exc:
            raise ConfigError(
                f"jdlint plugin {ep.name!r} ({ep.value}) could not be loaded: {type(exc).__name__}: {exc}"
            ) from None


def builtin_plugins() -> list[str]:
    """jdlint's own plugins, from the table of contents in `jdlint.checks` (registered like third-party ones).

    Modules must not import spaCy at import time, so `jdlint rules` stays fast.
    """
    from jdlint.checks import BUILTIN_PLUGINS

    return list(BUILTIN_PLUGINS)


class Engine:
    """Loads plugins once (each sets itself up in `jdlint_configure`); lints many postings."""

    def __init__(self, config: Config | None = None, load_entry_points: bool = True) -> None:
        self.config = config or Config()
        self.spec = EngineSpec(self.config, load_entry_points=load_entry_points)
        pm = pluggy.PluginManager(hookspecs.PROJECT)
        pm.add_hookspecs(hookspecs)
        for name in builtin_plugins():
            pm.register(importlib.import_module(name), name=name)
        if load_entry_points:
            _load_entry_points(pm)
        self.pm = pm
        call_each(pm.hook.jdlint_configure, "jdlint_configure", None, pluginmanager=pm, config=self.config)
        self.rules: dict[str, Rule] = {}
        for name, batch in call_each(pm.hook.jdlint_rules, "jdlint_rules", "a list of jdlint Rule objects"):
            for rule in batch:
                if not isinstance(rule, Rule):
                    raise ConfigError(
                        f"plugin {name!r}: jdlint_rules returned {type(rule).__name__}, expected jdlint Rule objects"
                    )
                if rule.id in self.rules:
                    raise ConfigError(f"{rule.origin}: rule id {rule.id!r} is already defined")
                self.rules[rule.id] = rule
        self._validate_config()
        self.enabled = frozenset(self._select())
        self._nlp = None
        self._nlp_by_language: dict[str, Any] = {}
        self._enabled_by_language: dict[tuple[str, frozenset[str]], frozenset[str]] = {}
        self._plugin_names = frozenset(name for name, _ in pm.list_name_plugin())
        self._spec_enabled = self.enabled
        # called with a plugin's name before each of its per-file hooks: a worker process records it,
        # so a plugin that kills the process (os._exit, a segfault) can still be named
        self.watch: Callable[[str], None] | None = None

    @property
    def reproducible(self) -> bool:
        """True when `spec` rebuilds this engine: no plugin registered and no rule set changed by hand.

        Worker processes and the result cache rely on it; an engine changed in place
        is linted in this process only and never cached."""
        return self.enabled == self._spec_enabled and self._plugin_names == frozenset(
            name for name, _ in self.pm.list_name_plugin()
        )

    # -- configuration -------------------------------------------------------
    def _validate_config(self) -> None:
        cfg = self.config
        src = cfg.path or "configuration"
        known = set(self.rules) | set(CATEGORIES)
        for key, values in (("select", cfg.select), ("ignore", cfg.ignore)):
            for v in values:
                if v not in known and v != "all":
                    raise ConfigError(f"{src}: {key}: unknown rule or category {v!r}")
        for rule in cfg.severity:
            if rule not in self.rules:
                raise ConfigError(f"{src}: severity: unknown rule id {rule!r}")
        for rule, options in cfg.rules.items():
            if rule not in self.rules:
                raise ConfigError(f"{src}: rules: unknown rule id {rule!r}")
            check(options, self._options(rule), f"{src}: rules.{rule}")
        for glob, rules in cfg.per_path_ignores.items():
            for v in rules:
                if v not in known:
                    raise ConfigError(f"{src}: per-path-ignores.{glob}: unknown rule or category {v!r}")

    def _options(self, rule: str) -> Table:
        """A rule's options as its configuration may set them: each one it declares, of its default's type."""
        defaults = self.rules[rule].options
        return Table(
            {name: like(default) for name, default in defaults.items()},
            unknown="{where}.{key}: unknown option (options: {known})",
        )

    def _select(self) -> Iterable[str]:
        cfg = self.config
        for rid, rule in self.rules.items():
            chosen = not cfg.select or "all" in cfg.select or rid in cfg.select or rule.category in cfg.select
            if rid in cfg.ignore or rule.category in cfg.ignore or cfg.severity.get(rid) == "off":
                chosen = False
            if chosen:
                yield rid

    def restrict(self, select: list[str] | None, ignore: list[str] | None) -> None:
        """Apply command-line --select/--ignore on top of the configuration."""
        known = set(self.rules) | set(CATEGORIES)
        for v in (select or []) + (ignore or []):
            if v not in known:
                raise ConfigError(f"unknown rule or category {v!r} (see `jdlint rules`)")
        enabled = set(self.enabled)
        if select:
            enabled = {r for r in self.rules if r in select or self.rules[r].category in select}
            enabled -= {r for r, lvl in self.config.severity.items() if lvl == "off"}
        if ignore:
            enabled = {r for r in enabled if r not in ignore and self.rules[r].category not in ignore}
        self.enabled = frozenset(enabled)
        self.spec = self.spec.restricted(select, ignore)
        self._spec_enabled = self.enabled

    # -- the pipeline ----------------------------------------------------------
    @property
    def nlp(self):
        if self._nlp is None:
            from jdlint.engine.nlp import get_nlp

            try:
                self._nlp = get_nlp(
                    self.config.spacy_model,
                    lambda nlp: call_each(self.pm.hook.jdlint_configure_nlp, "jdlint_configure_nlp", None, nlp=nlp),
                )
            except RuntimeError as exc:
                raise ConfigError(str(exc)) from None
        return self._nlp

    def nlp_for(self, language: str):
        """The pipeline for a posting in `language`: blank(code) for a language with word lists, else `nlp`."""
        if language not in own_pipelines() or language == "en":
            return self.nlp
        nlp = self._nlp_by_language.get(language)
        if nlp is None:
            from jdlint.engine.nlp import get_nlp

            nlp = get_nlp(
                None,
                lambda nlp: call_each(self.pm.hook.jdlint_configure_nlp, "jdlint_configure_nlp", None, nlp=nlp),
                lang=language,
            )
            self._nlp_by_language[language] = nlp
        return nlp

    def enabled_for(self, language: str) -> frozenset[str]:
        """The enabled rules that read postings in `language` (a rule declares its languages; none: all)."""
        key = (language, self.enabled)  # `enabled` may be replaced (restrict, by hand): it is part of the key
        got = self._enabled_by_language.get(key)
        if got is None:
            got = frozenset(r for r in self.enabled if reads(self.rules[r].languages, language))
            self._enabled_by_language[key] = got
        return got

    def make_docs(self, postings: list[Posting]) -> Iterable[Any]:
        return self.nlp.pipe((p.analysis for p in postings), batch_size=32)

    @property
    def wants_docs(self) -> bool:
        """True when some plugin's hook takes `doc`: then every posting's Doc is made up front, in batches.

        jdlint's own rules do not take it (they tokenize only what they need, or ask
        `context.doc`), so with them alone no posting is tokenized whole.
        """
        hooks = self.pm.hook
        impls = hooks.jdlint_check.get_hookimpls() + hooks.jdlint_file_summary.get_hookimpls()
        return any("doc" in impl.argnames for impl in impls)

    def check(self, posting: Posting, doc: Any = None, as_of=None) -> tuple[list[Finding], dict]:
        """Run every enabled rule on one parsed posting (`doc`: its Doc if already made, else made on demand)."""
        language = posting_language(posting)
        enabled = self.enabled_for(language)
        nlp = self.nlp_for(language)
        if doc is not None and nlp is not self.nlp:
            doc = None  # made by the default pipeline in a batch: remade with the posting's own on first use
        ctx = Context(posting, self.config, enabled, nlp, as_of, doc)
        findings: list[Finding] = []
        failures: list[Finding] = []
        for impl in reversed(self.pm.hook.jdlint_check.get_hookimpls()):
            name = impl.plugin_name
            kwargs = {"posting": posting, "context": ctx}
            if self.watch is not None:
                self.watch(name)
            try:
                result = impl.function(*[ctx.doc if a == "doc" else kwargs[a] for a in impl.argnames])
                mine: list[Finding] = []  # a plugin that fails part-way reports nothing but its failure
                for n, hit in enumerate(result if result is not None else ()):
                    if n >= MAX_HITS:  # an endless generator must not hang the run
                        raise RuntimeError(f"reported more than {MAX_HITS} findings on one file")
                    finding = self._to_finding(posting, hit, name)
                    if finding.rule in enabled:  # a rule for another language is never shown
                        mine.append(finding)
                findings.extend(mine)
            except BaseException as exc:  # SystemExit and a plugin's KeyboardInterrupt too: never the run's end
                if interrupt.by_user(exc):
                    raise
                failures.append(self._internal(posting, name, exc))
        findings = self._configure(posting.path, findings)
        directives = parse_directives(posting)
        findings = apply_suppressions(findings, directives)
        if "unused-suppression" in self.enabled:
            known = set(self.rules) | {r.category for r in self.rules.values()}
            misspelt = 0
            for d in directives:
                unknown = unknown_ids(d, known)
                if unknown:  # a misspelt id is worse than a stale comment: the finding it meant to hide shows
                    misspelt += 1
                    suggest = misspelt <= 100 and len(unknown) <= 5
                    msg = unknown_message(unknown, known, suggest)
                    fixed = corrected(posting.text[d.start : d.end], unknown, known) if suggest else None
                    hint = (fixed,) if fixed else ()
                    findings.append(
                        self._finding(posting, "unused-suppression", d.start, d.end, msg, hint, Severity.WARNING)
                    )
                    if len(unknown) == len(d.rules):
                        continue
                if not d.used:
                    findings.append(
                        self._finding(
                            posting,
                            "unused-suppression",
                            d.start,
                            d.end,
                            "This jdlint suppression comment suppresses nothing; remove it.",
                            (),
                        )
                    )
        findings = self._configure(posting.path, findings, only_severity=True)
        findings.extend(failures)
        findings.sort(key=lambda f: f.sort_key)
        summary: dict = {}
        for impl in self.pm.hook.jdlint_file_summary.get_hookimpls():
            kw = {"posting": posting, "context": ctx, "findings": findings}
            if self.watch is not None:
                self.watch(impl.plugin_name)
            try:
                extra = impl.function(*[ctx.doc if a == "doc" else kw[a] for a in impl.argnames])
                if extra is not None and not isinstance(extra, dict):
                    raise TypeError(f"returned {type(extra).__name__}, expected a dict")
                if extra:
                    json.dumps(extra)  # the JSON reporter must be able to write it
                    summary.update({k: v for k, v in extra.items() if k != "path"})
            except BaseException as exc:
                if interrupt.by_user(exc):
                    raise
                findings.append(self._internal(posting, impl.plugin_name, exc))
        return findings, summary

    def _to_finding(self, posting: Posting, hit: Any, plugin: str) -> Finding:
        if not isinstance(hit, Hit):
            raise TypeError(f"returned {type(hit).__name__!s} instead of a jdlint Hit")
        if hit.rule not in self.rules:
            raise ValueError(f"reported undeclared rule id {hit.rule!r}")
        if not (
            isinstance(hit.start, int) and isinstance(hit.end, int) and 0 <= hit.start <= hit.end <= len(posting.text)
        ):
            raise ValueError(f"reported a span {hit.start}:{hit.end} outside the text (length {len(posting.text)})")
        if hit.severity is not None and not isinstance(hit.severity, Severity):
            raise TypeError(f"reported severity {hit.severity!r}, expected a jdlint Severity")
        if hit.fix is not None and not isinstance(hit.fix, str):
            raise TypeError(f"reported a fix of type {type(hit.fix).__name__}, expected a string")
        if isinstance(hit.suggestions, str) or not isinstance(hit.suggestions, (tuple, list)):
            raise TypeError("reported suggestions that are not a tuple of strings")
        return self._finding(
            posting,
            hit.rule,
            hit.start,
            hit.end,
            str(hit.message),
            tuple(str(s) for s in hit.suggestions),
            hit.severity,
            hit.fix,
        )

    def _finding(
        self,
        posting: Posting,
        rule_id: str,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...],
        severity: Severity | None = None,
        fix: str | None = None,
    ) -> Finding:
        rule = self.rules[rule_id]
        line, col = posting.lines.position(start)
        end_line, end_col = posting.lines.position(end)
        return Finding(
            path=posting.path,
            rule=rule_id,
            category=rule.category,
            severity=severity or rule.severity,
            message=message,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            match=posting.text[start:end],
            suggestions=suggestions,
            start=start,
            end=end,
            fix=fix,
        )

    def _internal(self, posting: Posting, plugin: str, exc: BaseException) -> Finding:
        msg = f"plugin {plugin!r} failed on this file: {type(exc).__name__}: {exc}"
        return self._finding(posting, "internal-error", 0, 0, msg[:500], ())

    def _configure(self, path: str, findings: list[Finding], only_severity: bool = False) -> list[Finding]:
        cfg = self.config
        out = []
        ignored: set[str] = set()
        if not only_severity:
            for glob, rules in cfg.per_path_ignores.items():
                if matches_any(path, [glob], cfg.root):
                    ignored.update(rules)
        for f in findings:
            if not only_severity and (f.rule not in self.enabled or f.rule in ignored or f.category in ignored):
                continue
            sev = cfg.severity_for(f.rule)
            out.append(f.with_severity(sev) if sev else f)
        return out

    def file_error(self, path: str, rule_id: str, message: str) -> Finding:
        """A finding for a file that could not be parsed at all (line 1)."""
        rule = self.rules[rule_id]
        sev = self.config.severity_for(rule_id) or rule.severity
        return Finding(
            path=path,
            rule=rule_id,
            category=rule.category,
            severity=sev,
            message=message,
            line=1,
            column=1,
            end_line=1,
            end_column=1,
            match="",
        )
