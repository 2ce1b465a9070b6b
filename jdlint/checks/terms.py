"""Runs the term rules of every YAML rule pack (bundled, plugin and user packs).

Phrases go into one `PhraseMatcher` (on lower-case text) and token patterns
into a `GatedMatcher` (each pattern tried only on postings that contain one of
its anchor words), compiled once per process for the whole set of packs.
A match is dropped when an exception of its rule overlaps it, when it lies
in a section kind the rule skips, or (for bias rules) inside the EEO
statement. Overlapping matches of one rule keep the longest.
"""

from __future__ import annotations

from typing import Any

from jdlint.finding import Hit
from jdlint.gated_matcher import GatedMatcher
from jdlint.hookspecs import hookimpl
from jdlint.rulepack import TermRule


class TermChecker:
    """A plugin object holding the loaded packs; compiled lazily on first check."""

    def __init__(self, term_rules: list[TermRule]) -> None:
        self.term_rules = term_rules
        self._compiled: tuple[Any, Any, Any, Any] | None = None
        self._nlp_id = None

    @hookimpl
    def jdlint_rules(self):
        return [tr.rule for tr in self.term_rules]

    def compile(self, nlp) -> tuple[Any, Any, Any, Any]:
        if self._compiled is not None and self._nlp_id == id(nlp):
            return self._compiled
        from spacy.matcher import PhraseMatcher

        phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = GatedMatcher(nlp.vocab, nlp.Defaults.stop_words)
        exc_phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        exc_patterns = GatedMatcher(nlp.vocab, nlp.Defaults.stop_words)
        for r, tr in enumerate(self.term_rules):
            for t, term in enumerate(tr.terms):
                key = f"t{r}.{t}"
                if term.phrases:
                    phrases.add(key, list(nlp.tokenizer.pipe(term.phrases)))
                else:
                    patterns.add(key, [term.pattern])
                if term.exceptions:
                    exc_phrases.add(f"x{r}.{t}", list(nlp.tokenizer.pipe(term.exceptions)))
            texts = [e for e in tr.exceptions if isinstance(e, str)]
            pats = [e for e in tr.exceptions if not isinstance(e, str)]
            if texts:
                exc_phrases.add(f"x{r}", list(nlp.tokenizer.pipe(texts)))
            if pats:
                exc_patterns.add(f"x{r}", pats)
        self._compiled = (phrases, patterns, exc_phrases, exc_patterns)
        self._nlp_id = id(nlp)
        return self._compiled

    @hookimpl
    def jdlint_check(self, posting, doc, context):
        if not self.term_rules or not any(context.enabled(tr.rule.id) for tr in self.term_rules):
            return []
        phrases, patterns, exc_phrases, exc_patterns = self.compile(context.nlp)
        strings = doc.vocab.strings
        found: dict[str, list[tuple[int, int]]] = {}
        for match_id, s, e in _run(phrases, doc) + _run(patterns, doc):
            found.setdefault(strings[match_id], []).append((s, e))
        if not found:
            return []
        exceptions: dict[str, list[tuple[int, int]]] = {}
        for match_id, s, e in _run(exc_phrases, doc) + _run(exc_patterns, doc):
            exceptions.setdefault(strings[match_id], []).append((s, e))
        hits: list[Hit] = []
        per_rule: dict[int, list[tuple[int, int, int]]] = {}
        for key, spans in found.items():
            r, t = (int(x) for x in key[1:].split("."))
            blockers = exceptions.get(f"x{r}", []) + exceptions.get(f"x{r}.{t}", [])
            for s, e in spans:
                if any(bs < e and s < be for bs, be in blockers):
                    continue
                per_rule.setdefault(r, []).append((s, e, t))
        for r, spans in per_rule.items():
            tr = self.term_rules[r]
            if not context.enabled(tr.rule.id):
                continue
            spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
            last_end = -1
            for s, e, t in spans:
                if s < last_end:
                    continue
                last_end = e
                span = doc[s:e]
                start, end = span.start_char, span.end_char
                if tr.skip_eeo and context.in_eeo(start):
                    continue
                if tr.skip_sections or tr.only_sections:
                    kind = context.section_kind_at(start)
                    if kind in tr.skip_sections or (tr.only_sections and kind not in tr.only_sections):
                        continue
                term = tr.terms[t]
                matched = posting.text[start:end]
                template = term.message or tr.message
                message = template.replace("{match}", matched)
                if term.suggest and "{suggest" not in template:
                    message += " Consider: " + ", ".join(f"“{x}”" for x in term.suggest) + "."
                hits.append(Hit(tr.rule.id, start, end, message, term.suggest, None, term.fix_for(matched)))
        return hits


def _run(matcher, doc) -> list:
    return list(matcher(doc)) if len(matcher) else []
