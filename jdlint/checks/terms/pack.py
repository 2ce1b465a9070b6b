"""YAML rule packs: term rules as data, compiled once into spaCy matchers.

A pack is a YAML file with a `rules:` list. Each rule has the metadata of a
`Rule` (id, category, severity, summary, explain, source, fix_hint,
examples) and a list of `terms`. A pack is written in one language
(`language:` at its top, default `en`) and runs only over postings in that
language; a pack in another language may add terms to a rule id an English
pack declares (`age-bias.de.yaml` beside `age-bias.yaml`). A term is either literal `phrases` or one
spaCy token `pattern`, plus `suggest` (alternatives shown to the user) and
optionally `fix` (one replacement that fits every context). `exceptions`
are phrases or patterns that cancel a term match they overlap
("cloud-native" is not about national origin). `skip_sections` lists
section kinds where the rule never fires; bias rules skip the EEO statement.

Patterns are token patterns or literals, never free regular expressions, so
a user's pack cannot make a run hang: REGEX/FUZZY are refused, and each
pattern has a bounded length and number of repeat operators. Packs from
users and plugins (`strict`) are held to tighter limits still, because
spaCy's Matcher keeps every partial match alive: an unbounded `*` or `+`
makes matching quadratic in the text, every optional token doubles the
work per token, and every pattern is tried at every token. So `+` and `*`
are refused there (write `{1,4}`), optional tokens per pattern are capped,
and so is a pack's total matcher work (the sum over its patterns of token
slots times 2 ** optional slots: the partial matches a token can keep alive)
and its number of phrases. Matching stays linear in the text, at a bounded
cost per token.
Value types are checked here too, so a malformed pattern is a load error
(exit 2) rather than a failure on every file: a `ConfigError` naming the
file, the key and what was expected (`jdlint.config.schema`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdlint import data
from jdlint.checks import FAMILIES
from jdlint.config.schema import BOOLEAN, STRINGS, TEXT, ConfigError, Shape, Table, check, expect
from jdlint.data import parse_yaml, safe_read, yaml_cache
from jdlint.data.loader import YAMLBomb, parse_untrusted_yaml
from jdlint.model.finding import Severity
from jdlint.model.rule import CATEGORIES, Rule

MAX_PATTERN_TOKENS = 16
MAX_REPEATS = 2
MAX_PACK_BYTES = 8 * safe_read.MB  # the largest pack file read at all (jdlint's own are < 200 KB)
# limits for user and plugin packs (strict); see the module docstring
MAX_OPTIONAL = 4  # optional token slots per pattern: `?` counts 1, `{n,m}` counts m - n
MAX_PATTERN_WORK = 512  # per pack: sum of pattern_work() (~0.2 µs per unit per token, measured)
MAX_PHRASES = 5000  # phrases (terms and exceptions, before inflection) per pack
MAX_PHRASE_CHARS = 200
MAX_VALUES = 1000  # entries of an IN / NOT_IN list
_BOOL_ATTRS = frozenset(
    {
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
    }
)
_SET_OPS = frozenset({"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS"})
_TOKEN_ATTRS = _BOOL_ATTRS | frozenset(
    {"ORTH", "TEXT", "LOWER", "NORM", "LENGTH", "SHAPE", "LEMMA", "POS", "TAG", "MORPH", "DEP", "ENT_TYPE", "OP"}
)
_VALUE_OPS = frozenset({"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "==", "!=", ">=", "<=", ">", "<"})
_OPS = frozenset({"!", "?", "+", "*"})
# The keys a rule and a term may have; their values are checked one by one, since a rule's errors
# name it by its id once the id is known ("rule age-bias.summary").
_RULE = Table(
    dict.fromkeys(
        [
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
        ]
    ),
    unknown="{where}.{key}: expected one of the rule keys {known}",
    shown=None,
)
_TERM = Table(
    dict.fromkeys(["phrases", "pattern", "suggest", "fix", "message", "inflect", "exceptions", "severity"]),
    unknown="{where}.{key}: expected one of the term keys {known}",
    expected="a phrase or a mapping with `phrases` or `pattern`",
    shown=None,
)
_CATEGORY = Shape("one of " + ", ".join(CATEGORIES), lambda v: v in CATEGORIES)


def _severity(value: Any) -> Severity | None:
    try:
        return Severity.parse(str(value))
    except ValueError:
        return None


_SEVERITY = Shape("error, warning or info", lambda v: _severity(v) is not None, _severity)
_SUMMARY = Shape("a one-line summary", lambda v: isinstance(v, str) and v)
_TERMS = Shape("a non-empty list of terms", lambda v: isinstance(v, list) and v)
_EXCEPTIONS = Shape("a list of phrases or token patterns", lambda v: isinstance(v, list))
_EXAMPLES = Shape("a mapping with `flag` and `pass` lists", lambda v: isinstance(v, dict))
_FIX = Shape("a single replacement string", lambda v: v is None or (isinstance(v, str) and v.strip() != ""))
_MAYBE_TEXT = Shape("a string", lambda v: v is None or isinstance(v, str))


@dataclass
class Term:
    phrases: list[str] = field(default_factory=list)
    pattern: list[dict] | None = None
    suggest: tuple[str, ...] = ()
    fix: str | None = None
    message: str | None = None
    exceptions: list[str] = field(default_factory=list)
    fixes: dict[str, str] = field(default_factory=dict)  # lower-case spelling -> its fix (plural for plural)
    raw_phrases: tuple[str, ...] = ()  # as written, before inflection
    severity: Severity | None = None  # this term's own severity (else the rule's)

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
    language: str = "en"  # the pack's language: the postings it reads


def builtin_packs() -> list[Path]:
    """jdlint's own packs: every `rules/<family>/*.yaml` that declares `rules:` (`rules/shared/` holds facts' data)."""
    out = []
    for family in FAMILIES:
        for path in sorted((data.rules_dir() / family).glob("*.yaml")):
            with open(path, encoding="utf-8") as fh:
                head = fh.read(4096)
            if "\nrules:" in "\n" + head or head.startswith("rules:"):
                out.append(path)
    return out


def load_pack(path: str | Path, strict: bool = True) -> list[TermRule]:
    """Read and validate a pack. Raises `ConfigError` naming file and key.

    `strict` (users' and plugins' packs) adds the limits that keep matching
    linear; jdlint's own reviewed packs are loaded with `strict=False`.
    """
    path = str(path)
    try:
        data = safe_read.read_bytes(path, MAX_PACK_BYTES)  # a FIFO or /dev/zero is refused, not read
        text = data.decode("utf-8").removeprefix("\ufeff")
        try:  # libyaml's safe loader is ~15x faster, and the parsed pack is cached on disk by content
            raw = yaml_cache.load(data, parse_untrusted_yaml if strict else parse_yaml)
        except Exception as exc:
            if not _is_yaml_error(exc):
                raise
            import yaml

            raw = yaml.safe_load(text)  # the pure-Python parser words its errors as users know them
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read rule pack ({exc.strerror or exc})") from None
    except YAMLBomb as exc:
        raise ConfigError(f"{path}: rule pack refused: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: rule pack is not UTF-8 (byte offset {exc.start}); re-save it as UTF-8") from None
    except (ValueError, RecursionError) as exc:  # YAML reads 2025-02-29 as a date, and there is none
        problem = "nested too deeply" if isinstance(exc, RecursionError) else f"{exc}"
        raise ConfigError(
            f"{path}: rule pack is not valid YAML: {problem} (an impossible date? quote text that looks like one)"
        ) from None
    except Exception as exc:
        if not _is_yaml_error(exc):
            raise
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise ConfigError(f"{where}: rule pack is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    return parse_pack(raw, path, strict)


def _is_yaml_error(exc: BaseException) -> bool:
    """A YAML syntax error? (yaml is imported only then: packs read from the cache never need it)"""
    import yaml

    return isinstance(exc, yaml.YAMLError)


_LANGUAGE = Shape(
    "a language code such as en or de", lambda v: isinstance(v, str) and v.isalpha() and v.islower() and len(v) <= 3
)


def parse_pack(raw: Any, path: str, strict: bool = True) -> list[TermRule]:
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise ConfigError(f"{path}: a rule pack is a mapping with a `rules:` list")
    language = check(raw.get("language", "en"), _LANGUAGE, f"{path}: language")
    out = []
    for i, spec in enumerate(raw["rules"]):
        out.append(_parse_rule(spec, f"{path}: rules[{i}]", path, strict, language))
    if strict:
        _check_size(out, path)
    return out


def _check_size(rules: list[TermRule], path: str) -> None:
    """Caps on a strict pack as a whole: pattern and phrase counts, phrase length."""
    patterns = [t.pattern for r in rules for t in r.terms if t.pattern]
    patterns += [e for r in rules for e in r.exceptions if not isinstance(e, str)]
    work = sum(pattern_work(p) for p in patterns)
    expect(
        work <= MAX_PATTERN_WORK,
        f"{path}: rules",
        f"token patterns whose matching work is at most {MAX_PATTERN_WORK} (this pack: {work}; "
        "each pattern costs its token slots times 2 ** its optional slots); use phrases where you can",
    )
    phrases = [p for r in rules for t in r.terms for p in (*t.raw_phrases, *t.exceptions)]
    phrases += [e for r in rules for e in r.exceptions if isinstance(e, str)]
    expect(len(phrases) <= MAX_PHRASES, f"{path}: rules", f"at most {MAX_PHRASES} phrases in one pack")
    for r in rules:
        for p in [p for t in r.terms for p in (*t.raw_phrases, *t.exceptions)] + [
            e for e in r.exceptions if isinstance(e, str)
        ]:
            expect(
                len(p) <= MAX_PHRASE_CHARS,
                f"{path}: rule {r.rule.id}: phrase {p[:40]!r}…",
                f"a phrase of at most {MAX_PHRASE_CHARS} characters",
            )


def _parse_rule(spec: Any, where: str, path: str, strict: bool = True, language: str = "en") -> TermRule:
    check(spec, _RULE, where)
    rid = spec.get("id")
    expect(
        isinstance(rid, str) and rid.replace("-", "").isalnum() and rid == rid.lower(),
        f"{where}.id",
        "a kebab-case rule id",
    )
    where = f"{path}: rule {rid}"
    category = check(spec.get("category", "bias"), _CATEGORY, f"{where}.category")
    severity = check(spec.get("severity", "warning"), _SEVERITY, f"{where}.severity")
    summary = check(spec.get("summary", ""), _SUMMARY, f"{where}.summary")
    message = check(spec.get("message", "“{match}”: " + summary), TEXT, f"{where}.message")
    examples = check(spec.get("examples", {}) or {}, _EXAMPLES, f"{where}.examples")
    terms_raw = check(spec.get("terms"), _TERMS, f"{where}.terms")
    terms = [_parse_term(t, f"{where}.terms[{j}]", strict, language) for j, t in enumerate(terms_raw)]
    exceptions = []
    raw_exceptions = check(spec.get("exceptions", []) or [], _EXCEPTIONS, f"{where}.exceptions")
    for j, exc in enumerate(raw_exceptions):
        if isinstance(exc, str):
            expect(exc.strip(), f"{where}.exceptions[{j}]", "a non-empty phrase")
            exceptions.append(exc)
        else:
            exceptions.append(_check_pattern(exc, f"{where}.exceptions[{j}]", strict))
    skip_eeo = check(spec.get("skip_eeo", category == "bias"), BOOLEAN, f"{where}.skip_eeo")
    skip_sections = _kinds(spec.get("skip_sections", []), f"{where}.skip_sections")
    only_sections = _kinds(spec.get("only_sections", []), f"{where}.only_sections")
    rule = Rule(
        id=rid,
        category=category,
        severity=severity,
        summary=summary,
        explain=str(spec.get("explain", "")),
        source=str(spec.get("source", "")),
        fix_hint=str(spec.get("fix_hint", "")),
        bad_examples=tuple(check(examples.get("flag", []), STRINGS, f"{where}.examples.flag")),
        good_examples=tuple(check(examples.get("pass", []), STRINGS, f"{where}.examples.pass")),
        fixable=any(t.fix for t in terms),
        origin=path,
        languages=(language,),
    )
    return TermRule(
        rule=rule,
        message=message,
        terms=terms,
        exceptions=exceptions,
        skip_sections=skip_sections,
        only_sections=only_sections,
        skip_eeo=skip_eeo,
        pack=path,
        language=language,
    )


def _kinds(value: Any, where: str) -> frozenset[str]:
    """Section kinds named in `skip_sections` / `only_sections` must exist (a typo would silently do nothing)."""
    kinds = check(value, STRINGS, where)
    known = set(data.load("shared/sections.yaml")["kinds"]) | {"other"}
    for k in kinds:
        expect(k in known, f"{where}: {k!r}", "a section kind among " + ", ".join(sorted(known)))
    return frozenset(kinds)


def _parse_term(spec: Any, where: str, strict: bool = True, language: str = "en") -> Term:
    if isinstance(spec, str):
        spec = {"phrases": [spec]}
    check(spec, _TERM, where)
    has_phrases = "phrases" in spec
    has_pattern = "pattern" in spec
    expect(has_phrases != has_pattern, where, "exactly one of `phrases` or `pattern`")
    term = Term()
    fix = check(spec.get("fix"), _FIX, f"{where}.fix")
    if has_phrases:
        term.phrases = check(spec["phrases"], STRINGS, f"{where}.phrases")
        expect(all(p.strip() for p in term.phrases), f"{where}.phrases", "non-empty phrases")
        term.raw_phrases = tuple(term.phrases)
        # the spelling family `inflect` adds is English (plural -s, "rock star"/"rockstar"): other packs list forms
        inflect_ = check(spec.get("inflect", language == "en"), BOOLEAN, f"{where}.inflect")
        if fix is not None:
            term.fixes = fix_forms(term.phrases, fix, inflect_)
        if inflect_:
            term.phrases = inflect(term.phrases)
    else:
        term.pattern = _check_pattern(spec["pattern"], f"{where}.pattern", strict)
    term.suggest = tuple(check(spec.get("suggest", []), STRINGS, f"{where}.suggest"))
    term.fix = fix
    term.message = check(spec.get("message"), _MAYBE_TEXT, f"{where}.message")
    if spec.get("severity") is not None:
        term.severity = check(spec["severity"], _SEVERITY, f"{where}.severity")
    term.exceptions = check(spec.get("exceptions", []), STRINGS, f"{where}.exceptions")
    expect(all(p.strip() for p in term.exceptions), f"{where}.exceptions", "non-empty phrases")
    return term


def _check_pattern(pattern: Any, where: str, strict: bool = True) -> list[dict]:
    expect(isinstance(pattern, list) and pattern, where, "a non-empty list of token specs (spaCy Matcher)")
    expect(len(pattern) <= MAX_PATTERN_TOKENS, where, f"at most {MAX_PATTERN_TOKENS} token specs")
    repeats = 0
    optional = 0
    for k, tok in enumerate(pattern):
        w = f"{where}[{k}]"
        expect(isinstance(tok, dict), w, "a mapping of token attributes")
        for attr, value in tok.items():
            expect(attr in _TOKEN_ATTRS, f"{w}.{attr}", "a spaCy token attribute (REGEX and FUZZY are not allowed)")
            if attr == "OP":
                expect(value in _OPS or _is_count(value), f"{w}.OP", "one of ! ? + * or {n} / {n,m}")
                if value in ("+", "*") or (isinstance(value, str) and "," in value):
                    repeats += 1
                if strict:
                    expect(
                        value not in ("+", "*") and not (isinstance(value, str) and value.rstrip("}").endswith(",")),
                        f"{w}.OP",
                        "a bounded repeat such as ? or {1,4} (+, * and {n,} make matching quadratic)",
                    )
                    optional += _optional_slots(value)
            else:
                _check_value(attr, value, f"{w}.{attr}")
    expect(repeats <= MAX_REPEATS, where, f"at most {MAX_REPEATS} repeating operators (+, *, {{n,m}})")
    if strict:
        expect(
            optional <= MAX_OPTIONAL, where, f"at most {MAX_OPTIONAL} optional token slots (? counts 1, {{n,m}} m-n)"
        )
    return pattern


def _check_value(attr: str, value: Any, where: str) -> None:
    """The value types spaCy's Matcher accepts, checked without importing spaCy."""
    if attr in _BOOL_ATTRS:
        expect(isinstance(value, bool), where, "true or false")
        return
    number = attr == "LENGTH"
    scalar = "a whole number" if number else "a string"

    def ok(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool) if number else isinstance(v, str)

    if not isinstance(value, dict):
        expect(ok(value), where, f"{scalar} or a mapping of operators")
        return
    expect(bool(value), where, "at least one operator")
    for op, operand in value.items():
        w = f"{where}.{op}"
        allowed = _VALUE_OPS if number else _SET_OPS
        expect(op in allowed, w, "an operator among " + ", ".join(sorted(allowed)))
        if op in _SET_OPS:
            expect(
                isinstance(operand, list) and all(ok(v) for v in operand),
                w,
                f"a list of {'whole numbers' if number else 'strings'}",
            )
            expect(len(operand) <= MAX_VALUES, w, f"at most {MAX_VALUES} values")
        else:
            expect(isinstance(operand, (int, float)) and not isinstance(operand, bool), w, "a number")


def pattern_work(pattern: list[dict]) -> int:
    """Token slots times 2 ** optional slots: how many partial matches one pattern can keep alive."""
    slots = 0
    optional = 0
    for tok in pattern:
        op = tok.get("OP")
        opt = _optional_slots(op)
        optional += opt
        if isinstance(op, str) and op.startswith("{"):
            parts = op[1:-1].split(",")
            slots += max(1, int(parts[-1] or parts[0] or 1))
        else:
            slots += 1
    return slots * 2**optional


def _optional_slots(op: Any) -> int:
    """How many optional tokens an operator adds (each doubles the matcher's work per token)."""
    if op == "?":
        return 1
    if isinstance(op, str) and op.startswith("{") and "," in op:
        lo, hi = (p.strip() for p in op[1:-1].split(","))
        return int(hi) - int(lo or 0)
    return 0


def _is_count(value: Any) -> bool:
    if not isinstance(value, str) or not (value.startswith("{") and value.endswith("}")):
        return False
    parts = [p.strip() for p in value[1:-1].split(",")]
    if not (1 <= len(parts) <= 2 and all(p.isdigit() or p == "" for p in parts) and any(parts)):
        return False
    if len(parts) == 2 and parts[0] and parts[1] and int(parts[0]) > int(parts[1]):
        return False
    return all(int(p) <= 8 for p in parts if p)


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
