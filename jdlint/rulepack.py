"""YAML rule packs: term rules as data, compiled once into spaCy matchers.

A pack is a YAML file with a `rules:` list. Each rule has the metadata of a
`Rule` (id, category, severity, summary, explain, source, fix_hint,
examples) and a list of `terms`. A term is either literal `phrases` or one
spaCy token `pattern`, plus `suggest` (alternatives shown to the user) and
optionally `fix` (one replacement that fits every context). `exceptions`
are phrases or patterns that cancel a term match they overlap
("cloud-native" is not about national origin). `skip_sections` lists
section kinds where the rule never fires; bias rules skip the EEO statement.

Patterns are token patterns or literals, never free regular expressions, so
a user's pack cannot make a run hang: REGEX/FUZZY are refused, and each
pattern has a bounded length and number of repeat operators.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jdlint.finding import Severity
from jdlint.rule import CATEGORIES, Rule

MAX_PATTERN_TOKENS = 16
MAX_REPEATS = 2
_TOKEN_ATTRS = frozenset(
    {
        "ORTH",
        "TEXT",
        "LOWER",
        "NORM",
        "LENGTH",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_STOP",
        "IS_SENT_START",
        "LIKE_NUM",
        "LIKE_URL",
        "LIKE_EMAIL",
        "SHAPE",
        "LEMMA",
        "POS",
        "TAG",
        "MORPH",
        "DEP",
        "ENT_TYPE",
        "OP",
    }
)
_VALUE_OPS = frozenset({"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "==", "!=", ">=", "<=", ">", "<"})
_OPS = frozenset({"!", "?", "+", "*"})
_RULE_KEYS = frozenset(
    {
        "id",
        "category",
        "severity",
        "summary",
        "explain",
        "source",
        "fix_hint",
        "message",
        "terms",
        "exceptions",
        "skip_sections",
        "only_sections",
        "examples",
        "skip_eeo",
    }
)
_TERM_KEYS = frozenset({"phrases", "pattern", "suggest", "fix", "message", "inflect", "exceptions"})


class PackError(ValueError):
    """A malformed rule pack; str() names file, key and what was expected."""


@dataclass
class Term:
    phrases: list[str] = field(default_factory=list)
    pattern: list[dict] | None = None
    suggest: tuple[str, ...] = ()
    fix: str | None = None
    message: str | None = None
    exceptions: list[str] = field(default_factory=list)
    fixes: dict[str, str] = field(default_factory=dict)  # lower-case spelling -> its fix (plural for plural)

    def fix_for(self, matched: str) -> str | None:
        """The safe replacement for this spelling of the term, or None.

        A phrase's plural gets the plural of the fix ("salesmen" -> "salespeople");
        a spelling the table does not know gets no fix rather than a wrong one.
        """
        if self.fix is None:
            return None
        if self.pattern is not None:
            return self.fix
        return self.fixes.get(" ".join(matched.lower().split()))


@dataclass
class TermRule:
    rule: Rule
    message: str
    terms: list[Term]
    exceptions: list[Any]  # phrases (str) or token patterns (list)
    skip_sections: frozenset[str]
    only_sections: frozenset[str]
    skip_eeo: bool
    pack: str


def load_pack(path: str | Path, known_ids: set[str] | None = None) -> list[TermRule]:
    """Read and validate a pack. Raises `PackError` naming file and key."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        try:  # libyaml's safe loader is ~15x faster; large packs are read at every start
            raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            raw = yaml.safe_load(text)  # the pure-Python parser words its errors as users know them
    except OSError as exc:
        raise PackError(f"{path}: cannot read rule pack ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise PackError(f"{where}: rule pack is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    return parse_pack(raw, path)


def parse_pack(raw: Any, path: str) -> list[TermRule]:
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise PackError(f"{path}: a rule pack is a mapping with a `rules:` list")
    out = []
    for i, spec in enumerate(raw["rules"]):
        out.append(_parse_rule(spec, f"{path}: rules[{i}]", path))
    return out


def _need(cond: bool, where: str, expected: str) -> None:
    if not cond:
        raise PackError(f"{where}: expected {expected}")


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    _need(isinstance(value, list) and all(isinstance(v, str) for v in value), where, "a list of strings")
    return list(value)


def _parse_rule(spec: Any, where: str, path: str) -> TermRule:
    _need(isinstance(spec, dict), where, "a mapping")
    unknown = set(spec) - _RULE_KEYS
    _need(
        not unknown,
        f"{where}.{sorted(unknown)[0] if unknown else ''}",
        "one of the rule keys " + ", ".join(sorted(_RULE_KEYS)),
    )
    rid = spec.get("id")
    _need(
        isinstance(rid, str) and rid.replace("-", "").isalnum() and rid == rid.lower(),
        f"{where}.id",
        "a kebab-case rule id",
    )
    where = f"{path}: rule {rid}"
    category = spec.get("category", "bias")
    _need(category in CATEGORIES, f"{where}.category", "one of " + ", ".join(CATEGORIES))
    try:
        severity = Severity.parse(str(spec.get("severity", "warning")))
    except ValueError:
        raise PackError(f"{where}.severity: expected error, warning or info") from None
    summary = spec.get("summary", "")
    _need(isinstance(summary, str) and summary, f"{where}.summary", "a one-line summary")
    message = spec.get("message", "“{match}”: " + summary)
    _need(isinstance(message, str), f"{where}.message", "a string")
    examples = spec.get("examples", {}) or {}
    _need(isinstance(examples, dict), f"{where}.examples", "a mapping with `flag` and `pass` lists")
    terms_raw = spec.get("terms")
    _need(isinstance(terms_raw, list) and terms_raw, f"{where}.terms", "a non-empty list of terms")
    terms = [_parse_term(t, f"{where}.terms[{j}]") for j, t in enumerate(terms_raw)]
    exceptions = []
    for j, exc in enumerate(spec.get("exceptions", []) or []):
        if isinstance(exc, str):
            exceptions.append(exc)
        else:
            exceptions.append(_check_pattern(exc, f"{where}.exceptions[{j}]"))
    rule = Rule(
        id=rid,
        category=category,
        severity=severity,
        summary=summary,
        explain=str(spec.get("explain", "")),
        source=str(spec.get("source", "")),
        fix_hint=str(spec.get("fix_hint", "")),
        bad_examples=tuple(_str_list(examples.get("flag", []), f"{where}.examples.flag")),
        good_examples=tuple(_str_list(examples.get("pass", []), f"{where}.examples.pass")),
        fixable=any(t.fix for t in terms),
        origin=path,
    )
    return TermRule(
        rule=rule,
        message=message,
        terms=terms,
        exceptions=exceptions,
        skip_sections=frozenset(_str_list(spec.get("skip_sections", []), f"{where}.skip_sections")),
        only_sections=frozenset(_str_list(spec.get("only_sections", []), f"{where}.only_sections")),
        skip_eeo=bool(spec.get("skip_eeo", category == "bias")),
        pack=path,
    )


def _parse_term(spec: Any, where: str) -> Term:
    if isinstance(spec, str):
        spec = {"phrases": [spec]}
    _need(isinstance(spec, dict), where, "a phrase or a mapping with `phrases` or `pattern`")
    unknown = set(spec) - _TERM_KEYS
    _need(
        not unknown,
        f"{where}.{sorted(unknown)[0] if unknown else ''}",
        "one of the term keys " + ", ".join(sorted(_TERM_KEYS)),
    )
    has_phrases = "phrases" in spec
    has_pattern = "pattern" in spec
    _need(has_phrases != has_pattern, where, "exactly one of `phrases` or `pattern`")
    term = Term()
    fix = spec.get("fix")
    _need(fix is None or (isinstance(fix, str) and fix.strip() != ""), f"{where}.fix", "a single replacement string")
    if has_phrases:
        term.phrases = _str_list(spec["phrases"], f"{where}.phrases")
        _need(all(p.strip() for p in term.phrases), f"{where}.phrases", "non-empty phrases")
        if fix is not None:
            term.fixes = fix_forms(term.phrases, fix, spec.get("inflect", True))
        if spec.get("inflect", True):
            term.phrases = inflect(term.phrases)
    else:
        term.pattern = _check_pattern(spec["pattern"], f"{where}.pattern")
    term.suggest = tuple(_str_list(spec.get("suggest", []), f"{where}.suggest"))
    term.fix = fix
    msg = spec.get("message")
    _need(msg is None or isinstance(msg, str), f"{where}.message", "a string")
    term.message = msg
    term.exceptions = _str_list(spec.get("exceptions", []), f"{where}.exceptions")
    return term


def _check_pattern(pattern: Any, where: str) -> list[dict]:
    _need(isinstance(pattern, list) and pattern, where, "a non-empty list of token specs (spaCy Matcher)")
    _need(len(pattern) <= MAX_PATTERN_TOKENS, where, f"at most {MAX_PATTERN_TOKENS} token specs")
    repeats = 0
    for k, tok in enumerate(pattern):
        w = f"{where}[{k}]"
        _need(isinstance(tok, dict), w, "a mapping of token attributes")
        for attr, value in tok.items():
            _need(attr in _TOKEN_ATTRS, f"{w}.{attr}", "a spaCy token attribute (REGEX and FUZZY are not allowed)")
            if attr == "OP":
                _need(value in _OPS or _is_count(value), f"{w}.OP", "one of ! ? + * or {n} / {n,m}")
                if value in ("+", "*") or (isinstance(value, str) and "," in value):
                    repeats += 1
            elif isinstance(value, dict):
                for op, operand in value.items():
                    _need(op in _VALUE_OPS, f"{w}.{attr}.{op}", "an operator among " + ", ".join(sorted(_VALUE_OPS)))
                    _need(not isinstance(operand, dict), f"{w}.{attr}.{op}", "a value or a list of values")
            else:
                _need(isinstance(value, (str, int, bool, float)), f"{w}.{attr}", "a string, number or boolean")
    _need(repeats <= MAX_REPEATS, where, f"at most {MAX_REPEATS} repeating operators (+, *, {{n,m}})")
    return pattern


def _is_count(value: Any) -> bool:
    if not isinstance(value, str) or not (value.startswith("{") and value.endswith("}")):
        return False
    parts = value[1:-1].split(",")
    return (
        1 <= len(parts) <= 2
        and all(p.strip().isdigit() or p.strip() == "" for p in parts)
        and all(int(p) <= 8 for p in parts if p.strip())
    )


_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "child": "children"}


def plural(word: str) -> str:
    low = word.lower()
    for sing, plu in _IRREGULAR.items():
        if low.endswith(sing):
            return word[: len(word) - len(sing)] + plu
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def inflect(phrases: list[str]) -> list[str]:
    """Add the spelling family of each phrase: plural of the last word, and
    spaced / hyphenated / closed forms of compounds ("rock star", "rock-star",
    "rockstar")."""
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        key = p.lower()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for phrase in phrases:
        words = phrase.replace("-", " ").split()
        forms = [phrase]
        if len(words) > 1 and len(words) <= 3 and all(w.isalpha() for w in words):
            forms += [" ".join(words), "-".join(words), "".join(words)]
        for f in forms:
            add(f)
            last = f.split()[-1] if " " in f else f
            if last[-1:].isalpha() and len(last) > 2:
                add(f[: len(f) - len(last)] + plural(last))
    return out


def fix_forms(phrases: list[str], fix: str, inflected: bool) -> dict[str, str]:
    """Map every spelling `inflect` adds to the fix that fits it: singular to `fix`, plural to its plural."""
    out: dict[str, str] = {}
    for phrase in phrases:
        singular = [phrase]
        if inflected:
            words = phrase.replace("-", " ").split()
            if 1 < len(words) <= 3 and all(w.isalpha() for w in words):
                singular += [" ".join(words), "-".join(words), "".join(words)]
        for form in singular:
            out.setdefault(" ".join(form.lower().split()), fix)
            last = form.split()[-1] if " " in form else form
            if inflected and last[-1:].isalpha() and len(last) > 2:  # the plural `inflect` adds
                many = form[: len(form) - len(last)] + plural(last)
                out.setdefault(" ".join(many.lower().split()), _plural_phrase(fix))
    return out


def _plural_phrase(phrase: str) -> str:
    last = phrase.split()[-1]
    return phrase[: len(phrase) - len(last)] + plural(last) if last[-1:].isalpha() else phrase


def rule_of(term_rules: list[TermRule]) -> list[Rule]:
    return [tr.rule for tr in term_rules]
