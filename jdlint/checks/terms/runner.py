"""Runs the term rules of every YAML rule pack (bundled, plugin and user packs).

Registered from `jdlint.checks.BUILTIN_PLUGINS` like every other check. When an
engine starts, its `jdlint_configure` loads the packs (jdlint's own, those
plugins return from `jdlint_rule_packs`, the configuration's `rule-packs`) and
registers a `TermChecker` holding them, named `CHECKER`: one per engine, since
engines with different configurations may share a process.

Phrases go into one `PhraseMatcher` (on lower-case text) and token patterns
into a `GatedMatcher` (each pattern tried only on postings that contain one of
its anchor words), compiled once per process for the whole set of packs.
With the default pipeline the matchers run on one Doc of the stretches around
anchor words only (`jdlint.match.token_windows`), and only around those where a
term's other fixed words occur near enough (`jdlint.match.companions`: nearly
every anchor stands alone, and a posting with none is not tokenized at all);
the whole posting is tokenized
when that cannot be shown to give the same matches (a trained or extended
pipeline, a pattern reading sentences or tags, an unbounded one, a stretch
still short after it was recut by words). The anchor scan costs next to
nothing to set up, so stretches are read from a process's first posting on.
Each pack reads postings in its own language only (`language:`, default
`en`; English packs also read postings whose language is undetermined), so
there is one set of matchers per language, compiled with that language's
pipeline the first time a posting in it is linted.
A match is dropped when an exception of its rule overlaps it, when it lies
in a section kind the rule skips, or (for bias rules) inside the EEO
statement. Overlapping matches of one rule keep the longest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from jdlint import data
from jdlint.checks.terms.pack import TermRule, builtin_packs, load_pack
from jdlint.config.plugins import call_each
from jdlint.config.schema import ConfigError
from jdlint.facts.language import pack_language
from jdlint.hookspecs import hookimpl
from jdlint.match import token_windows
from jdlint.match.companions import Companions
from jdlint.match.gated_matcher import GatedMatcher
from jdlint.match.lowered import lowered
from jdlint.model.finding import Hit
from jdlint.model.rule import Rule

Matches = dict[str, list[tuple[int, int]]]  # match key -> (start, end) character offsets
# Whole postings are tokenized until this much text has been linted. Setting up the anchor scan
# once cost about what tokenizing 200 KB does; it asks the tokenizer only about anchor words found
# inside longer words now, and a whole Doc costs more even on a first posting (it makes a
# vocabulary entry for every new word), so the stretches are read from the start.
WINDOWS_AFTER_CHARS = 0
CHECKER = "jdlint.checks.terms"  # the plugin name of an engine's TermChecker (internal errors name it)


@hookimpl
def jdlint_configure(pluginmanager, config):
    """Load every pack once all plugins are registered (they may ship packs), and run them from now on."""
    pluginmanager.register(TermChecker(load_packs(pluginmanager, config)), name=CHECKER)


def load_packs(pluginmanager, config) -> list[TermRule]:
    """The term rules of jdlint's packs, then plugins' packs, then the configuration's.

    jdlint's own reviewed packs skip the strict limits that keep users' and plugins' packs linear.
    A bad pack is a `ConfigError` naming its file and key.
    """
    packs = [(str(p), False) for p in builtin_packs()]  # (path, strict)
    for _plugin, paths in call_each(pluginmanager.hook.jdlint_rule_packs, "jdlint_rule_packs", "a list of paths"):
        packs.extend((str(p), True) for p in paths)
    packs.extend((p, True) for p in config.rule_packs)
    return [rule for path, strict in packs for rule in load_pack(path, strict=strict)]


@dataclass
class _Compiled:
    phrases: Any
    patterns: GatedMatcher
    exc_phrases: Any
    exc_patterns: GatedMatcher
    anchors: tuple[dict[str, int], dict[str, int]]  # (lower-case, exact) anchor word -> match length
    windowed: bool  # False: always match on the whole Doc
    reach: int  # tokens from an anchor within which a match and its exceptions lie
    companions: Companions  # what else a term around each anchor word holds
    finder: token_windows.AnchorFinder | None = None  # made once enough text has been linted
    seen: int = 0  # characters matched on whole Docs so far


class TermChecker:
    """A plugin object holding the loaded packs; compiled lazily on first check, per language."""

    def __init__(self, term_rules: list[TermRule]) -> None:
        self.by_language: dict[str, _Languaged] = {}
        for tr in term_rules:
            self.by_language.setdefault(tr.language, _Languaged([])).term_rules.append(tr)
        self.term_rules = term_rules
        self._rules = _merge([tr.rule for tr in term_rules])

    @hookimpl
    def jdlint_rules(self):
        return self._rules

    def compile(self, nlp, language: str = "en") -> _Compiled | None:
        """The matchers of the packs in `language` (None: there are none), made with `nlp`."""
        group = self.by_language.get(language)
        if group is None:
            return None
        if group.compiled is not None and group.nlp_id == id(nlp):
            return group.compiled
        group.compiled = _compile(group.term_rules, nlp)
        group.nlp_id = id(nlp)
        return group.compiled

    def _match(self, posting, context, c: _Compiled) -> tuple[Matches, Matches]:
        """Term matches and exception matches, as character spans, keyed by their matcher key.

        Windowed: terms on the stretches around anchor words, then exceptions on
        the stretches around the matches found (matches are rare, anchors are not).
        """
        if c.windowed and c.finder is None and c.seen >= WINDOWS_AFTER_CHARS:
            c.finder = token_windows.AnchorFinder(*c.anchors, context.nlp.tokenizer)
        if c.finder is not None:
            text = posting.analysis
            nlp = context.nlp
            low = lowered(posting)
            anchors = c.companions.kept(text, low, c.finder.find(text, low))
            if not anchors:  # every term holds an anchor: none can match
                return {}, {}
            cut = token_windows.tokenize_joined(nlp, text, anchors)
            if cut is not None:
                found = _joined_spans_of(c.phrases, c.patterns, cut, within_parts=True)
                if not found:
                    return found, {}
                around = [(s, e, c.reach) for spans in found.values() for s, e in spans]
                near = token_windows.tokenize_joined(nlp, text, sorted(around))
                if near is not None:
                    return found, _joined_spans_of(c.exc_phrases, c.exc_patterns, near)
        c.seen += len(posting.analysis)
        whole = [(0, context.doc)]
        found = _spans_of(c.phrases, c.patterns, whole)
        return found, (_spans_of(c.exc_phrases, c.exc_patterns, whole) if found else {})

    @hookimpl
    def jdlint_check(self, posting, context):
        group = self.by_language.get(pack_language(context.language))
        if group is None or not any(context.enabled(tr.rule.id) for tr in group.term_rules):
            return []
        term_rules = group.term_rules
        found, exceptions = self._match(posting, context, self.compile(context.nlp, pack_language(context.language)))
        if not found:
            return []
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
            tr = term_rules[r]
            if not context.enabled(tr.rule.id):
                continue
            spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
            last_end = -1
            for start, end, t in spans:
                if start < last_end:
                    continue
                last_end = end
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
                hits.append(Hit(tr.rule.id, start, end, message, term.suggest, term.severity, term.fix_for(matched)))
        return hits


@dataclass
class _Languaged:
    """The term rules of one language and their matchers."""

    term_rules: list[TermRule]
    compiled: _Compiled | None = None
    nlp_id: int | None = None


def _merge(rules: list[Rule]) -> list[Rule]:
    """One `Rule` per id: packs in other languages may add terms to an id, and its languages add up.

    The metadata shown (summary, docs, examples) is that of the English pack where there is one.
    Two packs of one language declaring one id is an error, as two plugins declaring it are.
    """
    out: dict[str, Rule] = {}
    for rule in rules:
        had = out.get(rule.id)
        if had is None:
            out[rule.id] = rule
            continue
        if set(had.languages) & set(rule.languages):
            raise ConfigError(f"{rule.origin}: rule id {rule.id!r} is already defined")
        languages = tuple(sorted({*had.languages, *rule.languages}, key=lambda c: (c != "en", c)))
        first = rule if "en" in rule.languages else had
        out[rule.id] = replace(first, languages=languages, fixable=had.fixable or rule.fixable)
    return list(out.values())


def _compile(term_rules: list[TermRule], nlp) -> _Compiled:
    from spacy.matcher import PhraseMatcher

    common = frozenset(nlp.Defaults.stop_words) | frozenset(data.load("shared/frequent-words.yaml")["words"])
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    patterns = GatedMatcher(nlp.vocab, nlp.Defaults.stop_words)
    exc_phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    exc_patterns = GatedMatcher(nlp.vocab, nlp.Defaults.stop_words)
    # a match holds one of these words (lower case) -> the tokens it reaches either side of it
    anchors: dict[str, int] = {}
    companions = Companions()
    longest = {"term": 0, "exception": 0}

    def phrase_docs(texts: list[str], kind: str) -> list[Any]:
        docs = list(nlp.tokenizer.pipe(texts))
        for d in docs:
            longest[kind] = max(longest[kind], len(d))
            if kind == "term" and len(d):
                word = _rarest(d, common)
                anchors[word] = max(anchors.get(word, 0), len(d) - 1)
                companions.add(False, [word], [[t.lower_] for t in d if t.lower_ != word])
        return docs

    for r, tr in enumerate(term_rules):
        for t, term in enumerate(tr.terms):
            key = f"t{r}.{t}"
            if term.phrases:
                phrases.add(key, phrase_docs(term.phrases, "term"))
            else:
                patterns.add(key, [term.pattern])
            if term.exceptions:
                exc_phrases.add(f"x{r}.{t}", phrase_docs(term.exceptions, "exception"))
        texts = [e for e in tr.exceptions if isinstance(e, str)]
        pats = [e for e in tr.exceptions if not isinstance(e, str)]
        if texts:
            exc_phrases.add(f"x{r}", phrase_docs(texts, "exception"))
        if pats:
            exc_patterns.add(f"x{r}", pats)
    for word, longest_match in patterns.anchor_texts["LOWER"].items():
        anchors[word.lower()] = max(anchors.get(word.lower(), 0), longest_match - 1)
    orth = {word: longest_match - 1 for word, longest_match in patterns.anchor_texts["ORTH"].items()}
    for (attr, texts), others in patterns.fixed:
        companions.add(attr == "ORTH", texts, [_lower_texts(a, ts) for a, ts in others])
    windowed = (
        token_windows.windowable(anchors, orth)
        and patterns.anchored
        and patterns.local
        and exc_patterns.local
        and token_windows.plain_tokenizer(nlp)
    )
    # an exception counts when it overlaps a match: it lies within the match and its own length
    reach = max(longest["term"], patterns.longest) + max(longest["exception"], exc_patterns.longest)
    return _Compiled(phrases, patterns, exc_phrases, exc_patterns, (anchors, orth), windowed, reach, companions)


def _lower_texts(attr: str, texts: frozenset[str]) -> list[str]:
    """What a token matching one of `texts` in `attr` has as its lower-case text (an `ORTH` text lower-cased)."""
    return list(texts) if attr == "LOWER" else [t.lower() for t in texts]


def _run(matcher, doc) -> list:
    return list(matcher(doc)) if len(matcher) else []


def _spans_of(phrases, patterns, parts: list[tuple[int, Any]]) -> Matches:
    """Matches of both matchers on each (offset, Doc) part, as character spans of the posting."""
    out: Matches = {}
    for offset, doc in parts:
        hits = _run(phrases, doc) + _run(patterns, doc)
        if hits:
            strings = doc.vocab.strings
            for match_id, s, e in hits:
                out.setdefault(strings[match_id], []).append(_chars(doc, s, e, offset))
    return out


def _joined_spans_of(phrases, patterns, joined: token_windows.Joined, within_parts: bool = False) -> Matches:
    """`_spans_of` the stretches, read off their joined Doc: the same matches, in the same order (stretch by
    stretch, and in each the phrases' before the patterns'), so ties between terms fall as they did.

    `within_parts`: drop a match that runs from one stretch into the next. None of the text's matches does (each
    lies within its anchor's stretch), but where an anchor was left out (`Companions.kept`) its word may still
    stand at the edge of another stretch, beside words the text does not have there.
    """
    doc = joined.doc
    hits = _run(phrases, doc) + _run(patterns, doc)
    out: Matches = {}
    if hits:
        if len(joined.starts) > 1:
            hits.sort(key=lambda hit: joined.part(hit[1]))
            if within_parts:
                hits = [hit for hit in hits if joined.part(hit[1]) == joined.part(hit[2] - 1)]
        strings = doc.vocab.strings
        for match_id, s, e in hits:
            out.setdefault(strings[match_id], []).append(joined.chars(s, e))
    return out


def _rarest(doc, common: frozenset[str]) -> str:
    """The phrase word least likely to occur (lower case): not a frequent word or symbol, then the longest."""
    return min(
        (t.lower_ for t in doc),
        key=lambda w: (w in common or len(w) <= 2 or not w.isalnum(), -len(w)),
    )


def _chars(doc, start: int, end: int, offset: int) -> tuple[int, int]:
    """Character span of tokens `start:end` of `doc`, whose text begins at `offset` of the posting."""
    last = doc[end - 1]
    return offset + doc[start].idx, offset + last.idx + len(last)
