"""What kind of document a file is: a posting, not a posting, a template, or a job family.

A postings repository holds more than postings: its README and CONTRIBUTING,
the posting template with its deliberate placeholders, pages saved from job
boards that turned out to be error pages, expired-job pages, careers indexes
or cookie banners, and career-ladder pages that describe one role at several
levels. Rules that ask "does the posting say…" must not ask it of those.

The kind is decided in this order, the first answer winning:

1. front matter `jdlint: {kind: …}` (the user's word for this one file);
2. the configuration's path globs (`path_kinds`, glob -> kind);
3. the file's name: a repository document, or a template by folder or name;
4. its headings: the levels of one role (a job family);
5. its text: wording only non-postings use, on a page with no duties,
   requirements or pay of its own.

Everything else is a `posting`. The content tests are one-sided on purpose:
a posting judged "not a posting" loses real findings, so a file is only set
aside once nothing in it looks like a job's own description. The phrasings
are data (rules/shared/kinds.yaml).

Cost: a posting with a duties or requirements section is settled by its
section list and a few substring tests (about 0.03 ms). Only the rest (short
pages, pages in other languages) are searched for wording: the page's words
are gathered once, and a phrasing is tried only on a page holding all of its
key words, around the longest of them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from jdlint import data
from jdlint.config import DOCUMENT_KINDS
from jdlint.config.globs import matches_any
from jdlint.facts.pages import not_a_posting
from jdlint.facts.spaced import Spacer
from jdlint.match import Pattern, folds_plainly, lazy_compile
from jdlint.model.posting import Posting, Section
from jdlint.model.store import StoreKey

POSTING = "posting"
NOT_A_POSTING = "not-a-posting"
TEMPLATE = "template"
JOB_FAMILY = "job-family"
KINDS = DOCUMENT_KINDS  # the configuration validates `per-path-kind` against the same four

ROLE_SECTIONS = frozenset({"responsibilities", "required", "preferred"})
MIN_ITEM_WORDS = 4  # a duty or a requirement is a phrase, not a menu entry ("Education", "View Profile")
SHORT_PAGE = 400  # words: banners, home pages and careers pages saved instead of a posting are short
MAX_ROLE_WORDS = 3  # different job-description words a short non-posting may still use ("experience")
MIN_SAYING = 20  # words: fewer, and a page says too little to be judged a page about no job
TITLE_WORDS = 8  # a title longer than this is the page's first sentence, not a job title
TOP_LINES = 5  # lines (the title among them) where a saved page names its job
MIN_ENGLISH = 0.1  # share of a page's words that are common English words when it is written in English
EARLY = 150  # words: a list of jobs that opens the page, rather than trailing a posting
LONG_LINE = 12  # words: a line this long is a sentence, not a job title or a menu entry
MOSTLY = 0.6  # share of the words in short lines that makes a page a list
MIN_JOB_TITLES = 3  # short lines naming a job that make a list a list of jobs
MIN_TABLE_ROWS = 3  # rows under the header of a table of jobs
PAY_REACH = 40  # characters a pay phrase reaches either side of its currency sign
CLASS_SPEC_HEAD = 2000  # characters: a class specification says what it is at the top


@dataclass(frozen=True)
class Kind:
    """The kind of a document and a short phrase saying why."""

    kind: str  # one of KINDS
    reason: str

    @property
    def is_posting(self) -> bool:
        return self.kind == POSTING


_KIND: StoreKey[Kind] = StoreKey("document kind from the file's name and text")


def document_kind(posting: Posting, path_kinds: dict[str, str] | None = None, root: str = ".") -> Kind:
    """The kind of `posting`: its front matter first, then `path_kinds` (glob -> kind, relative to the
    configuration's folder `root`), then its name and text.

    What the name and text say is computed once per posting and kept in
    `posting.facts`; the front matter and the globs are read on each call (a
    look-up and a few globs), so callers with different configurations share
    the cached part.
    """
    declared = declared_kind(posting)
    if declared is not None:
        return declared
    if path_kinds:
        configured = configured_kind(posting.path, path_kinds, root)
        if configured is not None:
            return configured
    return posting.facts.compute(_KIND, lambda: _inferred_kind(posting))


def declared_kind(posting: Posting) -> Kind | None:
    """The kind the front matter declares: `jdlint: {kind: …}`, or `template: true`.

    A value that is not one of the four kinds is ignored: the file is then
    judged as if its front matter said nothing.
    """
    fm = posting.front_matter
    if not fm:
        return None
    spec = _tables().front_matter
    own = fm.get(spec["key"])
    if isinstance(own, dict):
        kind = own.get("kind")
        if isinstance(kind, str) and kind.strip().lower() in KINDS:
            return Kind(kind.strip().lower(), "front matter says so")
    if any(fm.get(flag) is True for flag in spec["template_flags"]):
        return Kind(TEMPLATE, "front matter marks it a template")
    return None


def configured_kind(path: str, path_kinds: dict[str, str], root: str = ".") -> Kind | None:
    """The kind `path_kinds` (glob -> kind) gives `path`, or None; of several matching globs the last wins.

    Globs match as `exclude` and `per-path-ignores` do (`jdlint.config.globs`).
    The last match wins, as in `.gitattributes`: a broad glob first, its
    exceptions after it. Kinds outside the four are ignored (the caller
    validates the configuration).
    """
    found: Kind | None = None
    for glob, kind in path_kinds.items():
        if kind in KINDS and matches_any(path, [glob], root):
            found = Kind(kind, f'the configuration says so ("{glob}")')
    return found


def _inferred_kind(posting: Posting) -> Kind:
    return _by_name(posting) or _job_family(posting) or _by_content(posting)


# --- the file's name -------------------------------------------------------


def _by_name(posting: Posting) -> Kind | None:
    """A repository's own document by name; a template by folder or name."""
    t = _tables()
    *folders, name = posting.path.replace(os.sep, "/").lower().split("/")
    stem = name.split(".", 1)[0]
    if stem in t.repository_docs:
        if stem in t.readme_names and _has_duties_and_requirements(posting):
            return None  # a folder per job, its README the ad itself
        shown = posting.path.replace(os.sep, "/").rpartition("/")[2].split(".", 1)[0]
        return Kind(NOT_A_POSTING, f"a repository's {shown}")
    for folder in reversed(folders):
        if folder in t.template_folders:
            return Kind(TEMPLATE, f"in a {folder}/ folder")
    if any(word in stem for word in t.template_name_words):
        return Kind(TEMPLATE, "named as a template")
    return None


# --- job families ----------------------------------------------------------


def _job_family(posting: Posting) -> Kind | None:
    """Several levels of one role: a "Levels" heading, several job grades, a career-ladder page, a class spec."""
    t = _tables()
    grades = 0
    handbook: set[str] = set()
    for sec in posting.sections:
        if sec.style not in ("atx", "setext"):
            continue  # plain-text pseudo-headings are too loose to decide this on
        title = sec.title.lower()
        if not any(word in title for word in t.family_heading_words):
            continue  # most headings: one substring test each
        title = _heading_words(title)
        if t.levels_heading.fullmatch(title):
            return Kind(JOB_FAMILY, "lists the levels of one role")
        for name, pattern in t.handbook_headings.items():
            if pattern.fullmatch(title):
                handbook.add(name)
                grades += name == "grade"
    if grades >= 2:
        return Kind(JOB_FAMILY, "gives job grades for several levels")
    if len(handbook) >= 2:
        return Kind(JOB_FAMILY, "a career-ladder handbook page")
    if _class_spec(posting.text[:CLASS_SPEC_HEAD].lower()):
        return Kind(JOB_FAMILY, "a class specification, not one opening")
    return None


def _class_spec(head: str) -> bool:
    """Does the top of a page say it is a class specification? One regex of all the phrasings, one pass.

    Most pages hold none of the words some phrasing cannot match without ("class"): a substring test
    settles them. Not on a text holding "İ", "ı" or "ſ" (`folds_plainly`): ignoring case, the regex reads
    them as "i" and "s" ("claſs" is "class" to it).
    """
    t = _tables()
    if t.class_spec_keys and not any(key in head for key in t.class_spec_keys) and folds_plainly(head):
        return False
    return t.class_spec_any.search(head) is not None


_NOT_HEADING_WORD = re.compile(r"[^\w()&,-]+")


def _heading_words(title: str) -> str:
    """A heading in lower case, markup and punctuation reduced to single spaces."""
    return " ".join(_NOT_HEADING_WORD.sub(" ", title.lower()).split())


# --- the text --------------------------------------------------------------


def _by_content(posting: Posting) -> Kind:
    """Not a posting only when its wording says so and it has no duties, requirements or pay of its own."""
    t = _tables()
    evidence = _posting_evidence(posting, t)
    if evidence:
        return Kind(POSTING, evidence)
    low = _plain(posting.text.lower())
    words = _page_words(low)
    if t.any_wording.search(low, words) is not None:  # most pages without evidence stop here
        found = _said(posting, low, words, t)
        if found is not None:
            return Kind(NOT_A_POSTING, t.reasons[found])
    elif not_a_posting(posting):
        return Kind(NOT_A_POSTING, t.reasons["error"])
    if _job_table(low, t):
        return Kind(NOT_A_POSTING, t.reasons["board"])
    return _no_role(posting, low, t) or Kind(POSTING, "nothing says otherwise")


def _said(posting: Posting, low: str, words: frozenset[str], t: _Tables) -> str | None:
    """Which group of non-posting wording decides the page, strongest first, if any."""
    if t.wording["gone"].search(low, words):
        return "gone"
    if t.wording["error"].search(low, words) or not_a_posting(posting):
        return "error"
    if t.wording["no_results"].search(low, words):
        return "no_results"
    if _job_list_first(low, words, t) and _mostly_short_job_lines(low, t):
        return "board"
    if _short_english_and_no_role(posting, low, t):
        for group in ("banner", "careers", "home"):
            if t.wording[group].search(low, words):
                return group
    return None


def _no_role(posting: Posting, low: str, t: _Tables) -> Kind | None:
    """A short English page that says something, but neither names a job nor uses a word describing one.

    An empty or nearly empty file is left to the rules that report it as such.
    """
    if len(low.split(None, MIN_SAYING)) <= MIN_SAYING:
        return None
    if _short_english_and_no_role(posting, low, t) and _role_words(low, t) == 0 and not t.role_nouns.search(low):
        return Kind(NOT_A_POSTING, "names no job and describes none")
    return None


def _posting_evidence(posting: Posting, t: _Tables) -> str | None:
    """Why the file is surely a posting (duties, requirements, pay, an exporter's header), or None."""
    if _has_role_sections(posting):
        return "has duties or requirements"
    raw = posting.text
    if any(p.search(posting) for p in t.role_labels):
        return "has duties or requirements"
    if _names_pay(raw, t):
        return "names its pay"
    raw_low = raw.lower()  # once: `_is_line` looks each header up in it
    if any(_is_line(raw_low, header) for header in t.headers):
        return "a saved posting's header"
    if _one_location_field(posting):
        return "gives the job's location"
    return None


_LOCATION_LABELS = frozenset({"location", "job location", "work location", "locations", "office location"})


def _one_location_field(posting: Posting) -> bool:
    """Exactly one `Location: …` field: a page about one job (a list of jobs repeats the label)."""
    found = [f for f in posting.fields if f[0].strip().lower() in _LOCATION_LABELS and f[4] > f[3]]
    return len(found) == 1


def _plain(low: str) -> str:
    """Lower-case text with one kind of apostrophe, as the phrases are written."""
    return low.replace("\u2019", "'")


def _has_role_sections(posting: Posting) -> bool:
    return any(_substantive(posting, sec) for sec in posting.sections if sec.kind in ROLE_SECTIONS)


def _has_duties_and_requirements(posting: Posting) -> bool:
    found = {sec.kind for sec in posting.sections if sec.kind in ROLE_SECTIONS and _substantive(posting, sec)}
    return "responsibilities" in found and bool(found & {"required", "preferred"})


_COUNT = re.compile(r"\(\d[\d,]*\)\s*$")


def _substantive(posting: Posting, sec: Section) -> bool:
    """A duties or requirements section that reads like one: mostly phrases, or prose.

    A menu under a heading that happens to say "Education" holds single
    words; a search facet says "Education (35)".
    """
    if _COUNT.search(sec.title):
        return False
    if sec.items:
        items = posting.items
        phrases = sum(len(items[i].text.split(None, MIN_ITEM_WORDS)) >= MIN_ITEM_WORDS for i in sec.items)
        return phrases >= 2 and 2 * phrases >= len(sec.items)
    return len(posting.analysis[sec.body_start : sec.body_end].split(None, 30)) > 30


def _names_pay(raw: str, t: _Tables) -> bool:
    """A pay phrase around some currency sign: found by the signs first (most text has none)."""
    for sign in t.currency_signs:
        pos = raw.find(sign)
        while pos != -1:
            if t.pay.search(raw, max(0, pos - PAY_REACH), pos + PAY_REACH):
                return True
            pos = raw.find(sign, pos + 1)
    return False


def _is_line(low: str, literal: str) -> bool:
    """Does `literal` stand on a line of its own (give or take markup) in `low`?"""
    pos = low.find(literal)
    while pos != -1:
        start = low.rfind("\n", 0, pos) + 1
        end = low.find("\n", pos)
        line = low[start : end if end != -1 else len(low)]
        if line.strip(" \t#*_>|-:").strip() == literal:
            return True
        pos = low.find(literal, pos + 1)
    return False


def _job_table(low: str, t: _Tables) -> bool:
    """A Markdown table of jobs: a header row naming the job's title among other columns, then rows."""
    if "|" not in low:
        return False
    for m in t.job_table_header.finditer(low):
        rows = low[m.end() :].split("\n", MIN_TABLE_ROWS + 1)[1 : MIN_TABLE_ROWS + 1]  # after the |---| line
        if len(rows) >= MIN_TABLE_ROWS and all("|" in row for row in rows):  # a scraped row may wrap
            return True
    return False


def _job_list_first(low: str, words: frozenset[str], t: _Tables) -> bool:
    """A job board's or a search page's wording before the page has said much else."""
    m = t.wording["board"].search(low, words)
    return m is not None and len(low[: m.start()].split(None, EARLY)) <= EARLY


def _mostly_short_job_lines(low: str, t: _Tables) -> bool:
    """A list of jobs: most words stand in short lines (titles, places, dates), several of which name a job."""
    short = total = titles = 0
    for line in low.splitlines():
        n = len(line.split())
        total += n
        if n < LONG_LINE:
            short += n
            titles += n <= TITLE_WORDS and t.role_nouns.search(line) is not None
    return short >= MOSTLY * total and titles >= MIN_JOB_TITLES


def _short_english_and_no_role(posting: Posting, low: str, t: _Tables) -> bool:
    """Short, in English, no job in its title, and at most a few of the words a job description uses.

    The banner, careers and home-page wording is English: a posting in another
    language uses none of the English job words and may well carry an English
    cookie notice or "Careers" menu, so it is never judged by them.
    """
    words = posting.analysis.split(None, SHORT_PAGE)
    if len(words) > SHORT_PAGE or _role_words(low, t) > MAX_ROLE_WORDS:
        return False
    if _names_a_job_up_top(posting, t):
        return False
    return len(t.english.findall(low)) >= MIN_ENGLISH * len(words)


def _names_a_job_up_top(posting: Posting, t: _Tables) -> bool:
    """Does the title, or a short line among the first few, name a job ("Barista", "Deputy Clerk II")?

    A menu line ("Careers") often comes first on a saved page; a sentence that
    mentions a job ("the Secretary of State's office…") is not a job title.
    """
    lines = [posting.title, *posting.analysis.split("\n", 40)[:40]]
    shown = 0
    for line in lines:
        words = line.split(None, TITLE_WORDS)
        if not words:
            continue
        if len(words) <= TITLE_WORDS and t.role_nouns.search(line.lower()):
            return True
        shown += 1
        if shown > TOP_LINES:
            return False
    return False


def _role_words(low: str, t: _Tables) -> int:
    """How many different job-description words the text uses (counting stops just past the limit)."""
    seen: set[str] = set()
    for m in t.role_words.finditer(low):
        seen.add(m.group(0))
        if len(seen) > MAX_ROLE_WORDS:
            break
    return len(seen)


# --- data ------------------------------------------------------------------

_LEAD = r"^[ \t#*_>|•·-]*"  # bullets, heading marks and table bars before a line's words
_TAIL = r"[ \t:.!|]*$"


def _spaced(pattern: str) -> str:
    """A phrase whose spaces match any run of blanks (" ?": any or none); a line pattern's stay on its line."""
    return re.sub(r" (?![*+?{])", r"[^\\S\\n]+", pattern.replace(" ?", r"[^\S\n]*"))


def _either(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "$^"


def _words(words: list[Any], plural: bool = False) -> re.Pattern[str]:
    """Whole words or phrases (longest first, `plural`: with an optional "s"); a space matches any blanks."""
    escaped = sorted((re.escape(str(w)).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(escaped) + r")" + ("s?" if plural else "") + r"\b")


class _Wording:
    """A group of phrases (anywhere in a line) and lines (the whole line, give or take markup).

    A phrasing is only looked for in a page that holds every word it cannot
    match without (`_key_words`): the page's words are one set, made once, so
    most phrasings are ruled out by a set test. The rest are tried only around
    their longest key word, or on its line.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.parts = [_Part(p, _spaced(p), line=False) for p in spec.get("phrases") or ()]
        self.parts += [_Part(p, f"{_LEAD}(?:{_spaced(p)}){_TAIL}", line=True) for p in spec.get("lines") or ()]

    @classmethod
    def joined(cls, groups: Any) -> _Wording:
        joined = cls({})
        joined.parts = [part for group in groups for part in group.parts]
        return joined

    def search(self, low: str, words: frozenset[str]) -> re.Match[str] | None:
        """The earliest phrase or line of the group in `low` (lower-case text whose words are `words`)."""
        best: re.Match[str] | None = None
        for part in self.parts:
            if part.keys <= words:
                found = part.search(low)
                if found is not None and (best is None or found.start() < best.start()):
                    best = found
        return best


class _Part:
    """One phrasing: its regex, the words it needs, and the one it is looked for around."""

    __slots__ = ("anchor", "keys", "line", "regex")

    def __init__(self, phrase: str, source: str, line: bool) -> None:
        self.regex = lazy_compile(source, re.IGNORECASE | re.MULTILINE)  # most are ruled out by their words
        self.line = line  # the whole line must match
        self.keys = _key_words(phrase)
        self.anchor = max(self.keys, key=len) if self.keys else ""

    def search(self, low: str) -> re.Match[str] | None:
        if not self.anchor:
            return self.regex.search(low)
        pos = low.find(self.anchor)
        while pos != -1:
            if self.line:
                start = low.rfind("\n", 0, pos) + 1
                end = low.find("\n", pos)
                found = self.regex.search(low, start, end if end != -1 else len(low))
            else:
                found = self.regex.search(low, max(0, pos - WINDOW), min(len(low), pos + WINDOW))
            if found is not None:
                return found
            pos = low.find(self.anchor, pos + 1)
        return None


_WORD = re.compile(r"[^\W_]+")
MIN_LITERAL = 3  # shorter words are too common to rule a phrasing out
WINDOW = 250  # characters a phrasing may reach from the word it is looked for around


_WORD_CHARS = Spacer(r"[^\W_]")  # `_WORD`'s characters


def _page_words(low: str) -> frozenset[str]:
    """The words of a lower-case text (letters and digits; every other character separates): `_WORD`'s words."""
    return frozenset(_WORD_CHARS.spaced(low).split())


_UNKNOWN = "\0"  # stands for regex text that is not a fixed word
_SEPARATORS = re.compile(r"\\[bB]|\\[sS][+*]?|[\^$]")  # word boundaries, blanks, line ends
_UNKNOWNS = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|\.|\{\d*,?\d*\}")  # escapes, classes, any character, counts
_OPTIONAL = re.compile(r"\S[?*]| [?*]")  # a character that may be absent
_GROUP = re.compile(r"\([^()]*\)[?*+]?")


def _key_words(pattern: str) -> frozenset[str]:
    """Words of three letters or more that every match of `pattern` contains whole; empty when none is sure.

    Groups, classes, escapes and optional characters stand for unknown text,
    and a word touching unknown text may be cut short there, so it is left
    out. A top-level alternation has no word common to its branches.
    """
    s = _UNKNOWNS.sub(_UNKNOWN, _SEPARATORS.sub(" ", pattern.lower()))
    while True:  # innermost groups first, until none is left
        inner = _GROUP.sub(_UNKNOWN, s)
        if inner == s:
            break
        s = inner
    if "|" in s or "(" in s:
        return frozenset()
    s = _OPTIONAL.sub(_UNKNOWN, s).replace("+", "")
    words = set()
    for chunk in s.split():
        if _UNKNOWN not in chunk:
            words.update(w for w in _WORD.findall(chunk) if len(w) >= MIN_LITERAL)
    return frozenset(words)


def _anchors(phrases: list[str]) -> tuple[str, ...]:
    """The longest key word of each phrasing (a text with none of them matches none); () when one has none."""
    keys = [_key_words(str(p)) for p in phrases]
    if not keys or not all(keys):
        return ()
    return tuple(sorted({max(sorted(k), key=len) for k in keys}))


class _Tables:
    """rules/shared/kinds.yaml, compiled once."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.front_matter = raw["front_matter"]
        self.repository_docs = frozenset(str(n).lower() for n in raw["repository_docs"])
        self.readme_names = frozenset(str(n).lower() for n in raw["readme_names"])
        self.template_folders = frozenset(str(n).lower() for n in raw["template_folders"])
        self.template_name_words = tuple(str(n).lower() for n in raw["template_name_words"])

        family = raw["job_family"]
        self.levels_heading = lazy_compile(_either(family["levels_headings"]))
        self.handbook_headings = {name: lazy_compile(p) for name, p in family["handbook_headings"].items()}
        self.family_heading_words = tuple(str(w) for w in family["heading_words"])
        self.class_spec = [Pattern(p, re.IGNORECASE) for p in family["class_spec_phrases"]]
        self.class_spec_any = lazy_compile(_either(family["class_spec_phrases"]), re.IGNORECASE)  # found if any is
        self.class_spec_keys = _anchors(family["class_spec_phrases"])

        post = raw["posting"]
        self.headers = tuple(str(h).lower() for h in post["header_lines"])
        self.currency_signs = tuple(post["currency_signs"])
        self.pay = lazy_compile(_either(post["pay"]), re.IGNORECASE)
        self.role_labels = [Pattern(p, re.IGNORECASE) for p in post["role_labels"]]
        self.role_words = _words(post["role_words"])
        self.role_nouns = _words(post["role_nouns"], plural=True)
        self.english = _words(post["english_words"])

        groups = raw["not_a_posting"]
        self.reasons = {name: str(g["reason"]) for name, g in groups.items()}
        self.wording = {name: _Wording(g) for name, g in groups.items()}
        self.any_wording = _Wording.joined(self.wording.values())  # the same compiled phrasings, all together
        columns = _either(groups["board"]["table_title_columns"])
        self.job_table_header = re.compile(
            rf"^[ \t]*\|(?:[^|\n]*\|)*[ \t]*(?:{columns})[ \t]*\|(?:[^|\n]*\|){{2,}}[ \t]*$", re.MULTILINE
        )


@cache
def _tables() -> _Tables:
    return _Tables(data.load("shared/kinds.yaml"))
