"""Requirement lists as data: each required or preferred item, normalised.

A `Requirement` is one list item (or a summary paragraph's years demand)
reduced to what it asks: a comparison key (its qualification words, filler
dropped, synonyms folded: "Golang" = "Go", "k8s" = "Kubernetes"), a level
("familiarity" < "proficiency" < "expertise") and its years demands ("5+
years", "at least eight years", "3-5 years"), each with the subject it is
about (empty for the role as a whole).

Job-family pages hold several role variants, each with its own lists;
`comparable` says whether two lists belong to the same role, so that rules
never compare sibling variants with each other. The analysis is computed
once per posting and shared by every requirement rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any, Generic, TypeVar

from jdlint import data
from jdlint.model.store import StoreKey

KINDS = ("required", "preferred")
T = TypeVar("T")

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")(?:\s*\(\d{1,2}\+?\))?"
_YEARS = re.compile(
    r"(?P<lead>\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|no\s+less\s+than|"
    r"more\s+than|over|upwards\s+of)\s+)?"
    r"\b(?P<low>" + _NUM + r")"
    r"(?:\s*(?:-|–|—|to)\s*(?P<high>" + _NUM + r"))?"
    r"(?P<plus>\s*\+|\s+or\s+more|\s+plus)?"
    r"\s*(?:\+\s*)?(?:full[- ]time\s+)?(?:years?|yrs?\.?)(?:\s*\+)?(?P<tail>'s|'|\b)",
    re.IGNORECASE,
)
_NOT_DEMAND_BEFORE = re.compile(
    r"(?:\bwithin|\bevery|\bafter|\bpast|\blast|\bnext|\bper|\bfirst|\bfor\s+the|\bin\s+the|\bage|\baged|\bunder)\s*$",
    re.IGNORECASE,
)
_NOT_DEMAND_AFTER = re.compile(
    r"^\W{0,2}(?:old|of\s+age|of\s+college|of\s+university|of\s+(?:high\s+)?school|of\s+study|degree|college|"
    r"university|program|programme|apprenticeship|commitment|contract|term|ago|from|in\s+business|in\s+a\s+row)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;.!?()\[\]:]|,\s|\s(?:or|and)\s+(?=\S*\s*(?:\d|years?))|\sor\s")
# in prose a demand's clause also ends where the sentence moves on ("…Go experience and loves distributed systems")
_PROSE_CLAUSE_END = re.compile(_CLAUSE_END.pattern + r"|\s(?:and|who|that|which|while|where|to|so)\s")
_SAYS_REQUIRED = re.compile(r"\b(?:required|requirements?|minimum|must|mandatory|essential)\b", re.IGNORECASE)
_PART = re.compile(r"\b(?:including|includes|incl|of\s+which)\b", re.IGNORECASE)
_PART_OR_CHOICE = re.compile(r"\b(?:including|includes|incl|of\s+which|or|and/or|plus)\b", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"(?:^|\W)or\W*$|^\W*or\b|\bequivalent\s+combination\b|\bsubstitut", re.IGNORECASE)
# `_ALTERNATIVE` in three cheap parts (`offers_alternative`): a leading "or", a trailing "or", and the two words
_LEADING_OR = re.compile(r"\W*or\b", re.IGNORECASE)
_ALTERNATIVE_WORDS = re.compile(r"\bequivalent\s+combination\b|\bsubstitut", re.IGNORECASE)
_EXPERIENCE = re.compile(r"\bexperience", re.IGNORECASE)


@dataclass(frozen=True)
class YearsDemand:
    """One "N years" demand inside a requirement."""

    low: float
    high: float | None  # None: open-ended ("5+ years")
    start: int
    end: int
    subject: frozenset[str]  # empty: the role as a whole
    about: str = ""  # the subject's words as written ("of Go experience")

    def label(self, text: str) -> str:
        return " ".join(text[self.start : self.end].split())


@dataclass
class Requirement:
    kind: str  # required, preferred, or summary (a paragraph outside the lists)
    section: int  # the section whose list it is in
    start: int
    end: int
    text: str
    key: frozenset[str]
    level: int
    years: list[YearsDemand] = field(default_factory=list)
    alternative: bool = False  # part of an "A, or B" choice: its demands are not absolute
    depth: int = 0
    bullet: bool = True  # False for an unbulleted line under a plain-text heading

    @property
    def substantive(self) -> bool:
        """Says enough to be compared: a known skill, or a few words of a real qualification.

        Scraped pages put navigation ("Back", "Resources", "Yes") under headings such as
        "Education"; one-word items like those are never reported as repeats.
        """
        if _about_logistics(self.text):
            return False  # "Submit a resume", "Three professional references": how to apply, not what to have
        words = len(self.text.split())
        if self.key & known_skills() and (self.bullet or words >= 3):
            return True  # a bare "English" line is a language menu, a bullet "- English" a requirement
        return len(self.key) >= 2 and words >= 3

    @property
    def countable(self) -> bool:
        """Counts towards the length of a list: says something, and is not application logistics."""
        if not self.key or _about_logistics(self.text):
            return False
        if self.key & known_skills():
            return True
        # a bulleted "Kafka streaming" is a requirement; an unbulleted two-word line on a scraped
        # page ("See all resources") is navigation
        return len(self.text.split()) >= (2 if self.bullet else 3) and len(self.key) >= 2


@dataclass
class Analysis:
    requirements: list[Requirement]

    def of_kind(self, *kinds: str) -> list[Requirement]:
        return [r for r in self.requirements if r.kind in kinds]


@cache
def _spec() -> dict[str, Any]:
    spec = data.load("shared/requirements.yaml")
    synonyms: dict[tuple[str, ...], str] = {}
    for canon, aliases in spec["synonyms"].items():
        canon = str(canon).lower()
        for alias in [canon, *aliases]:
            synonyms[tuple(_split(str(alias)))] = canon
    levels: dict[str, int] = {}
    for level, words in spec["levels"].items():
        for w in words:
            levels[str(w).lower()] = int(level)
    return {
        "synonyms": synonyms,
        "longest": max(len(k) for k in synonyms),
        "phrase_starts": frozenset(k[0] for k in synonyms if len(k) > 1),  # words a multi-word synonym begins with
        "filler": frozenset(str(w).lower() for w in spec["filler"]),
        "levels": levels,
        "seniority": spec["seniority"],
    }


_OR_FIRST = re.compile(r"\W*or\b", re.I)  # the next item begins "or …": this one has an alternative
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[.'/-][a-z0-9+#]+)*[+#]*|\.[a-z]+")


def _split(text: str) -> list[str]:
    """Lower-case words, keeping `c++`, `c#`, `node.js`, `ci/cd`, `.net` whole."""
    return _WORD.findall(text.lower().replace("’", "'"))


@cache
def _logistics() -> re.Pattern[str]:
    words = data.load("shared/requirements.yaml")["not_requirements"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


_LOGISTICS_SEEN: dict[str, bool] = {}
_LOGISTICS_MAX = 4_096  # distinct item texts remembered per process


def _about_logistics(text: str) -> bool:
    """Does an item speak of applying ("Submit a resume") rather than of a qualification?

    Memoised per process: `substantive` and `countable` both ask, and employers repeat their items.
    """
    found = _LOGISTICS_SEEN.get(text)
    if found is None:
        if len(_LOGISTICS_SEEN) >= _LOGISTICS_MAX:
            _LOGISTICS_SEEN.clear()
        found = _LOGISTICS_SEEN[text] = _logistics().search(text) is not None
    return found


@cache
def _says_preferred() -> re.Pattern[str]:
    words = data.load("shared/requirements.yaml")["preferred_markers"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.IGNORECASE)


@cache
def _preferred_needles() -> tuple[str, ...]:
    """The longest word of each preferred marker: a text holding none of them cannot match `_says_preferred`."""
    words = data.load("shared/requirements.yaml")["preferred_markers"]
    return tuple(sorted({max(w.lower().split(), key=len) for w in words}))


def _may_say_preferred(text: str) -> bool:
    """Whether `_says_preferred` can match at all, by substring tests (most required items hold no
    marker, and the regex makes an attempt at every character). Under re.IGNORECASE only "ſ", "ı" and
    "İ" fold to other ASCII letters than their own lower case: a text with one goes to the regex."""
    if not text.isascii() and ("ſ" in text or "ı" in text or "İ" in text):
        return True
    low = text.lower()
    return any(n in low for n in _preferred_needles())


@cache
def _not_list_heading() -> re.Pattern[str]:
    words = data.load("shared/requirements.yaml")["not_list_headings"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@cache
def known_skills() -> frozenset[str]:
    """The canonical names of the skills in the synonym table."""
    return frozenset(_spec()["synonyms"].values())


def seniority_spec() -> dict[str, Any]:
    return _spec()["seniority"]


def words_of(text: str, doc: Any = None, start: int = 0) -> list[str]:
    """The words of `text` (at offset `start` of the posting), lemmatised when the pipeline can.

    With a trained pipeline the spaCy lemma is used; the blank default has none, so a
    plural `s` is dropped by hand. Both sides of every comparison go through here.
    """
    if doc is None:  # no lemmas: the words as written (most runs: the blank pipeline has none)
        return _WORD.findall(text.lower().replace("’", "'"))
    lemmas: dict[int, str] = {}
    if doc is not None:
        span = doc.char_span(start, start + len(text), alignment_mode="expand")
        if span is not None:
            for tok in span:
                if tok.lemma_ and tok.lemma_ != tok.text:
                    lemmas[tok.idx - start] = tok.lemma_.lower()
    out = []
    for m in _WORD.finditer(text.lower().replace("’", "'")):
        w = lemmas.get(m.start(), m.group(0))
        out.append(w)
    return out


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics", "'s")):
        return w[:-1]
    return w.removesuffix("'s")


_NORMALISED: dict[tuple[str, ...], tuple[frozenset[str], int]] = {}
_NORMALISED_MAX = 4_096  # distinct word lists remembered per process (about a MiB)


def normalise(words: list[str]) -> tuple[frozenset[str], int]:
    """(comparison key, level) of a word list: synonyms folded, filler and numbers dropped.

    Memoised per process: job-family pages and postings of one employer repeat their items word for word.
    """
    key = tuple(words)
    found = _NORMALISED.get(key)
    if found is None:
        if len(_NORMALISED) >= _NORMALISED_MAX:
            _NORMALISED.clear()
        found = _NORMALISED[key] = _normalise(words)
    return found


def _normalise(words: list[str]) -> tuple[frozenset[str], int]:
    spec = _spec()
    syn, phrase_starts, longest = spec["synonyms"], spec["phrase_starts"], spec["longest"]
    word_keys = _WORD_KEYS
    key: set[str] = set()
    level = 0
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w in phrase_starts:  # the longest synonym of several words starting here, if any
            for size in range(min(longest, n - i), 1, -1):
                canon = syn.get(tuple(words[i : i + size]))
                if canon is not None:
                    key.add(canon)
                    i += size
                    break
            else:
                canon = None
            if canon is not None:
                continue
        i += 1
        try:
            got = word_keys[w]
        except KeyError:
            if len(word_keys) >= _WORD_KEYS_MAX:
                word_keys.clear()
            got = word_keys[w] = _word_key(w, spec)
        if got is None:
            continue
        if got[0]:
            key.add(got[1])
        else:
            level = max(level, got[1])
    return frozenset(key), level


_WORD_KEYS: dict[str, tuple[bool, Any] | None] = {}
_WORD_KEYS_MAX = 200_000  # distinct words remembered per process (a few MiB at most)


def _word_key(w: str, spec: dict[str, Any]) -> tuple[bool, Any] | None:
    """What one word adds to a key, outside a synonym of several words: (True, key word), (False, level)
    for a level word ("senior"), or None (filler, numbers). Memoised per process by `_normalise`: postings
    share their vocabulary, and a word costs a few set and dict tests and a plural rule."""
    syn, filler, levels = spec["synonyms"], spec["filler"], spec["levels"]
    canon = syn.get((w,))
    if canon is not None:
        return True, canon
    if w in levels:
        return False, levels[w]
    if w in filler or w[0].isdigit() or w in _NUMBER_WORDS:
        return None
    w = _singular(w)
    if w in filler or (len(w) < 2 and w not in ("c", "r")):
        return None
    return True, syn.get((w,)) or w


def _number(text: str) -> float:
    """`5`, `five`, `five (5)` -> 5.0."""
    text = re.sub(r"\(.*", "", text).strip().lower()
    return float(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else float(text)


def years_in(text: str, base: int, doc: Any = None, look_back: bool = True) -> list[YearsDemand]:
    """Every years-of-experience demand in `text` (which starts at posting offset `base`).

    `look_back=False` takes a demand's subject only from the words after it: in a summary
    sentence ("We want an engineer with 3+ years of experience") the words before are not it.
    """
    out: list[YearsDemand] = []
    if not _may_name_years(text):
        return out
    matches = [m for m in _YEARS.finditer(text) if _is_demand(text, m)]
    # "Four years of experience, including two years at the P11 level": the second is a part of the first
    matches = [m for k, m in enumerate(matches) if k == 0 or not _PART.search(text, matches[k - 1].end(), m.start())]
    for k, m in enumerate(matches):
        try:
            low = _number(m.group("low"))
            high = _number(m.group("high")) if m.group("high") else None
        except ValueError:
            continue
        if not 0 < low <= 40 or (high is not None and high < low):
            continue
        if m.group("plus") or m.group("lead"):
            high = None
        elif high is None:
            high = low
        nxt = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        subject, about = _subject(text, m, nxt, base, doc, look_back)
        out.append(YearsDemand(low, high, base + m.start(), base + m.end(), subject, about))
    return out


def _may_name_years(text: str) -> bool:
    """Whether `_YEARS` can match at all: it needs "year" or "yr" (no other character folds to those
    letters under re.IGNORECASE), and most items have neither; a substring test is far cheaper than the regex."""
    low = text.lower()
    return "yr" in low or "year" in low


def offers_alternative(text: str) -> bool:
    """Does an item offer an alternative: "…; or", "or …", "or an equivalent combination", "substitute"?

    What `_ALTERNATIVE.search(text)` says, without a regex attempt at every character: an "or"
    can only be looked for at the two ends, and the two words are looked for only in a text
    holding "valent" or "tut" (letters no other character folds to under re.IGNORECASE).
    """
    if _LEADING_OR.match(text):
        return True
    end = len(text)
    while end and not _is_word_char(text[end - 1]):
        end -= 1
    if end >= 2 and text[end - 2 : end].lower() == "or" and (end == 2 or not _is_word_char(text[end - 3])):
        return True
    low = text.lower()
    return ("valent" in low or "tut" in low) and _ALTERNATIVE_WORDS.search(text) is not None


def _is_word_char(ch: str) -> bool:
    """`re`'s `\\w` for one character of a str."""
    return ch.isalnum() or ch == "_"


def _is_demand(text: str, m: re.Match[str]) -> bool:
    before = text[: m.start()]
    if _NOT_DEMAND_BEFORE.search(before) or re.search(r"\d[-–]?\s*$", before):
        return False
    if re.match(r"\s*-\s*year", text[m.start("low") :][len(m.group("low")) :]) and not m.group("high"):
        return False  # "a 4-year degree"
    return not _NOT_DEMAND_AFTER.match(text[m.end() :])


def _subject(
    text: str, m: re.Match[str], stop: int, base: int, doc: Any, look_back: bool = True
) -> tuple[frozenset[str], str]:
    """What a years demand is about (key, and the words as written): the clause after it,
    else the clause before it."""
    after = text[m.end() : stop]
    cut = (_CLAUSE_END if look_back else _PROSE_CLAUSE_END).search(after)
    after = after[: cut.start()] if cut else after
    key, _ = normalise(words_of(after, doc, base + m.end()))
    if key or not look_back:
        return key, " ".join(after.split())
    before = text[: m.start()]
    bounds = [0] + [c.end() for c in _CLAUSE_END.finditer(before)] + [len(before)]
    for s0, s1 in reversed(list(pairwise(bounds))):  # the nearest clause that says something
        key, _ = normalise(words_of(before[s0:s1], doc, base + s0))
        if key:
            return key, " ".join(before[s0:s1].split())
    return frozenset(), ""


_ANALYSIS: StoreKey[Analysis] = StoreKey("requirements")
_COMPARABLE: StoreKey[dict[tuple[int, int], bool]] = StoreKey("comparable sections")
_CHILDREN: StoreKey[dict[int, list[int]]] = StoreKey("sub-sections")
_HOLDING_LISTS: StoreKey[set[int]] = StoreKey("sections holding requirement lists")
_HEADED_CHILDREN: StoreKey[dict[int, list[int]]] = StoreKey("sub-sections with headings")
_IS_LIST: StoreKey[dict[int, bool]] = StoreKey("list headings")


def analyse(posting: Any, doc: Any = None) -> Analysis:
    """Requirements of a posting, computed once and cached on it."""
    cached = posting.facts.get(_ANALYSIS)
    if cached is not None:
        return cached
    reqs: list[Requirement] = []
    items = posting.items
    texts = [posting.analysis[it.start : it.end] for it in items]
    offers: dict[int, bool] = {}  # item index -> does its text offer an alternative ("or equivalent")

    def alternative_at(k: int) -> bool:
        if k not in offers:
            offers[k] = offers_alternative(texts[k])
        return offers[k]

    kinds: dict[int, str] = {}  # section -> its list kind (a list's items share one)
    for n, item in enumerate(items):
        if item.section < 0:
            continue
        kind = kinds.get(item.section)
        if kind is None:
            kind = kinds[item.section] = list_kind(posting, item.section)
        if kind not in KINDS:
            continue
        text = texts[n]
        if (
            kind == "required"
            and _may_say_preferred(text)
            and (pref := _says_preferred().search(text))
            and ";" not in text[: pref.start()]
        ):
            # "Experience in a lead capacity is preferred." under "Training and Experience" (but not
            # "…proficient English; Chinese is a plus": the item's own demand comes first)
            kind = "preferred"
        key, level = normalise(words_of(text, doc, item.start))
        nxt_text = texts[n + 1] if n + 1 < len(items) else ""
        alternative = alternative_at(n) or (n > 0 and alternative_at(n - 1)) or bool(_OR_FIRST.match(nxt_text))
        reqs.append(
            Requirement(
                kind, item.section, item.start, item.end, text, key, level,
                years_in(text, item.start, doc), alternative, item.depth, item.bullet,
            )
        )  # fmt: skip
    reqs.extend(_summary_demands(posting, doc))
    result = Analysis(reqs)
    posting.facts[_ANALYSIS] = result
    return result


def list_kind(posting: Any, i: int) -> str:
    """`posting.effective_kind`, except that an unmarked plain-text line does not pass a list's kind on.

    The parser nests every plain-text heading of unknown kind under the last known one, so
    on a scraped page "Working Conditions" or a company name would inherit "required" from
    "Profile" above it. A sub-heading inherits only when it is marked as one: Markdown,
    bold, or a label ending in a colon ("Technical skills:").
    """
    sec = posting.sections[i]
    if _not_list_heading().search(sec.title):
        return "other"  # "Physical Requirements", "Work Environment": conditions of the job, not qualifications
    if sec.kind in KINDS and _heading_not_list(sec.title):
        return "other"
    if (
        sec.kind == "required"
        and sec.style in ("plain", "emphasis")
        and sec.parent > 0
        and posting.effective_kind(sec.parent) == "preferred"
        and not _SAYS_REQUIRED.search(sec.title)
    ):
        return "preferred"  # "Knowledge of:" under "Desirable Qualifications": a part of the preferred list
    if sec.kind == "other" and sec.style == "plain" and not sec.is_preamble:
        line_end = posting.text.find("\n", sec.heading_end)
        rest = posting.text[sec.heading_end : line_end if line_end != -1 else len(posting.text)]
        if ":" not in rest or sec.title.isupper() or len(sec.title.split()) > 6:
            # `Working Conditions`, `CONTACTS:`, `A few reasons you might love this job:`:
            # a section of its own, not a sub-list
            return "other"
    return posting.effective_kind(i)


def _heading_not_list(title: str) -> bool:
    """`Salary: Depends on Qualifications`, `Submit the required application at`: a field or an
    instruction that happens to contain a list word, not a list heading."""
    from jdlint.parse.sections import classify

    label, sep, value = title.partition(":")
    if sep and value.strip() and classify(label) not in KINDS:
        return True
    return bool(_logistics().search(title))


def _summary_demands(posting: Any, doc: Any) -> list[Requirement]:
    """Years asked in prose: the opening paragraphs and those of a requirements section, for the role
    ("…with 5+ years of experience") or for a skill ("at least 8 years of professional Go experience")."""
    out = []
    for bl in posting.blocks:
        if bl.kind != "paragraph" or bl.section < 0:
            continue
        sec = posting.sections[bl.section]
        under_title = posting.title_span is not None and sec.heading_start == posting.title_span[0]
        if not (sec.is_preamble or under_title or posting.effective_kind(bl.section) in ("about", "required")):
            continue
        text = posting.analysis[bl.start : bl.end]
        # "xper" first: no other character folds to those letters under re.IGNORECASE, and a substring
        # test costs far less than the regex's attempt at every character
        if "xper" not in text.lower() or not _EXPERIENCE.search(text):
            continue
        demands = []
        prev_end = bl.start
        for d in years_in(text, bl.start, doc, look_back=False):
            between = posting.analysis[prev_end : d.start]
            prev_end = d.end
            if demands and _PART_OR_CHOICE.search(between):
                continue  # "Four years…, including two years at the P11 level or one year at…": one demand
            if _EXPERIENCE.search(posting.analysis[d.end : d.end + 40]):
                demands.append(d)
        if demands:
            out.append(Requirement("summary", bl.section, bl.start, bl.end, text, frozenset(), 0, demands, False))
    return out


# How many items on each side a rule compares an item with: those of its group nearest to it. The
# largest group in the corpus has 7 items; a file of pasted postings has one group per repeated item,
# as long as the file, and without this bound each item would be compared with all of it.
MAX_COMPARED = 8

COMPARISONS: Counter[str] = Counter()  # pairs compared, by rule: a debug counter (the scaling test reads it)


class Candidates(Generic[T]):
    """The items each one is compared with: bounded per item, not per pair.

    Items are grouped by a cheap key, what two must share to be compared at all (the
    normalised wording and the years and numbers asked; the subject of a years demand),
    and an item is compared only with the `limit` members of its group nearest to it on
    each side, in text order. So an item costs at most 2 × `limit` comparisons however
    long the file; a real posting's groups are smaller than that, and every pair in them
    is compared as before. (A first cap counted the *earliest* 50 of a group: each item
    of a file of pasted postings then cost more comparisons the longer the file, up to
    50, and once they were full the copies' own repeats went unreported.)
    """

    def __init__(self, rule: str, limit: int = MAX_COMPARED) -> None:
        self.rule = rule
        self.limit = limit
        self._starts: dict[Hashable, list[int]] = {}
        self._items: dict[Hashable, list[T]] = {}

    def add(self, group: Hashable, start: int, item: T) -> None:
        """Add an item at offset `start` of the posting; items are added in text order."""
        self._starts.setdefault(group, []).append(start)
        self._items.setdefault(group, []).append(item)

    def nearest(self, group: Hashable, start: int) -> Iterator[T]:
        """The members of `group` nearest to offset `start` (at most `limit` before it and
        `limit` after it), earliest first; each one counted as a comparison."""
        starts = self._starts.get(group)
        if not starts:
            return
        k = bisect_left(starts, start)
        items = self._items[group]
        for item in items[max(0, k - self.limit) : k + self.limit]:
            COMPARISONS[self.rule] += 1
            yield item


def comparable(posting: Any, a: int, b: int) -> bool:
    """May lists in sections `a` and `b` be compared, i.e. do they describe the same role?

    They may unless they sit under two different sibling headings that are not lists
    themselves: `### Distribution:Build` / `#### Requirements` against `### Gitaly` /
    `#### Requirements` are two roles; a top-level `## Requirements` is shared by all.
    A summary paragraph (in the preamble or an about section) is shared by all too.
    """
    if a == b:
        return True
    memo = posting.facts.setdefault(_COMPARABLE, {})
    key = (a, b) if a < b else (b, a)
    if key not in memo:
        memo[key] = _comparable(posting, *key)
    return memo[key]


def _comparable(posting: Any, a: int, b: int) -> bool:
    secs = posting.sections
    name_a, name_b = variant_name(secs[a].title), variant_name(secs[b].title)
    own_lists = secs[a].kind in KINDS and secs[b].kind in KINDS  # "<name> Requirements" headings
    named_levels = _levelled(secs[a].title) or _levelled(secs[b].title)  # "Manager II:" vs "Manager III:"
    if (own_lists or named_levels) and name_a and name_b and name_a != name_b:
        return False  # "Senior Partner Requirements" and "Staff Partner Requirements"
    chain_a = _chain(secs, a)
    chain_b = _chain(secs, b)
    common = set(chain_a) & set(chain_b)
    if not common:
        return True
    ia = next(k for k, s in enumerate(chain_a) if s in common)
    ib = next(k for k, s in enumerate(chain_b) if s in common)
    # ia/ib: position of the lowest common ancestor in each chain
    if ia == 0 or ib == 0:
        # one list contains the other: shared, unless the inner one is headed by another level
        # of the job ("Education and Experience:" then "Senior Registration Specialist:")
        inner = chain_a[:ia] if ia else chain_b[:ib]
        return not any(_levelled(secs[k].title) for k in inner)
    child_a, child_b = chain_a[ia - 1], chain_b[ib - 1]
    if _is_list(posting, child_a) and _is_list(posting, child_b):
        return True
    if _is_list(posting, child_a):
        return not _after_variant(posting, child_a, child_b)
    if _is_list(posting, child_b):
        return not _after_variant(posting, child_b, child_a)
    return False


def _after_variant(posting: Any, shared: int, variant: int) -> bool:
    """Is the apparently shared list really the tail of a variant whose heading came just before it?

    `## Junior Account Executive` / `### Job Grade` / `## Requirements` / `## Account Executive` /
    `### Requirements`: the first Requirements belongs to the junior role, its level mistyped.
    """
    secs = posting.sections
    children = _children(posting)
    siblings = _headed_children(posting).get(secs[shared].parent, [])
    k = bisect_left(siblings, shared)  # one bisection: a file of many pasted postings has thousands of siblings
    if not k:
        return False
    before = siblings[k - 1]
    if before == variant or _is_list(posting, before) or secs[before].kind != "other":
        return False
    # the heading before the list opens a role of its own (it has sub-headings, like the variants)
    opens_role = bool(children.get(before))
    return opens_role and variant in _holding_lists(posting)


def _children(posting: Any) -> dict[int, list[int]]:
    """Section index -> its sub-sections, in order (computed once per posting)."""
    return posting.facts.compute(_CHILDREN, lambda: _children_of(posting.sections))


def _headed_children(posting: Any) -> dict[int, list[int]]:
    """Section index -> its sub-sections that have a heading line of their own (not inline labels)."""
    secs = posting.sections
    return posting.facts.compute(
        _HEADED_CHILDREN,
        lambda: {p: [i for i in kids if secs[i].style != "inline"] for p, kids in _children(posting).items()},
    )


def _children_of(sections: list) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for i, sec in enumerate(sections):
        kids.setdefault(sec.parent, []).append(i)
    return kids


def _holding_lists(posting: Any) -> set[int]:
    """Sections with a requirement list somewhere below them (computed once per posting)."""
    held = posting.facts.get(_HOLDING_LISTS)
    if held is None:
        held = set()
        secs = posting.sections
        for k in range(len(secs)):
            if _is_list(posting, k):
                held.update(_chain(secs, k)[1:])
        posting.facts[_HOLDING_LISTS] = held
    return held


@cache
def _list_words() -> frozenset[str]:
    """Every word of the required/preferred heading phrases in `rules/shared/sections.yaml`."""
    spec = data.load("shared/sections.yaml")
    words = {w for kind in KINDS for phrase in spec["kinds"][kind] for w in _split(phrase)}
    words |= {w for f in spec.get("filler", []) for w in _split(str(f))}
    return frozenset(words | {"job", "grade", "and", "the", "of", "for", "our", "your", "key", "list"})


@cache
def variant_name(title: str) -> str:
    """What a list heading says beyond being a list: "Senior Designer Requirements" -> "senior designer"."""
    return " ".join(w for w in _split(title) if w not in _list_words() and not w.isdigit())


@lru_cache(maxsize=4096)
def _levelled(title: str) -> bool:
    """Does a list heading name a level of the job ("Senior Registration Specialist")?"""
    return not _level_words().isdisjoint(variant_name(title).split())


@cache
def _level_words() -> frozenset[str]:
    spec = _spec()["seniority"]
    words = {w for lv in ("junior", "senior") for w in spec[lv]["words"]}
    return frozenset(words | {"manager", "director", "ii", "iii", "iv"})


def _chain(secs: list, i: int) -> list[int]:
    out = []
    while i >= 0:
        out.append(i)
        i = secs[i].parent
    return out


def _is_list(posting: Any, i: int) -> bool:
    """A requirement list heading (or inside one), as opposed to a variant heading holding lists."""
    memo = posting.facts.setdefault(_IS_LIST, {})
    if i not in memo:
        sec = posting.sections[i]
        memo[i] = sec.is_preamble or list_kind(posting, i) in KINDS or sec.kind in ("about",)
    return memo[i]


def line_of(posting: Any, offset: int) -> int:
    return posting.lines.position(offset)[0]
