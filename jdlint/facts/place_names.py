"""Place names in a stretch of text, resolved to jurisdictions: the gazetteer behind `jdlint.facts.places`.

rules/shared/places.yaml lists countries, states and provinces, cities (and
the cities and counties with laws of their own), US counties, and names that
hold a place name but name something else. `places_in` finds the names in
a stretch the caller has judged to say where a job is (a `Location:`
value, a sentence after "based in"), joins runs such as "Seattle, WA, USA"
or "Washington County, MN" into one place, and gives each place its chain
of jurisdiction codes, general first: ("US", "US-WA"), ("EU", "DE", "DE-BY").
Which stretches say where the job is is `jdlint.facts.places`' part.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from jdlint import data
from jdlint.facts.countries import is_eu_member
from jdlint.match import Pattern, Text, phrases
from jdlint.model.posting import Posting

EU = "EU"
# the kinds of place a name may mean: what "Town, XX" may narrow, and what a town may absorb
COUNTRY, REGION, CITY, COUNTY = "country", "region", "city", "county"
COUNTY_REACH = 60  # characters of a county's name before "County" or after "County of"
TOWN = r"[A-ZÀ-Þ][\w.'’-]+(?:[ -][A-ZÀ-Þ][\w.'’-]+){0,3}"  # a town's name: one to four capitalised words
_TOWN_BEFORE = re.compile(rf"(?<![\w.'’-])({TOWN}),[ \t]*$")
_JOINER = re.compile(r"\s*(?:[,(]|[-–—/](?=\s))?\s*")  # what may stand between two names of one place
_COUNTY_WORD = re.compile(r"County|COUNTY|Parish|PARISH")
_COUNTY_WORDS = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|and|of|the|du|de|la|qui)){0,3}"
_WORD_NEXT = re.compile(r"[ \t]+[^\W\d_]")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_NAME_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w.'’-]*")  # "Seattle", "U.S.", "Baden-Württemberg", "St."
_NAME_GAP = re.compile(r"[ \t]*,?[ \t\n]+|-")  # between the words of one name ("Washington, D.C.")
_ABBREVIATION = re.compile(r"\.\w+\.$|^(?:St|Ste|Mt|Ft)\.$")  # "U.S.", "D.C.", "St.": the period is the name's


@dataclass(frozen=True)
class Meaning:
    """One thing a name may mean: a jurisdiction code and the kind of place it is."""

    code: str
    kind: str
    with_state: bool = False  # only when its state follows ("New York, NY" is the city)


@dataclass(frozen=True)
class Atom:
    """A name, code or county found in a span, with what it may mean."""

    start: int
    end: int
    meanings: tuple[Meaning, ...]
    is_code: bool = False


@dataclass(frozen=True)
class Gazetteer:
    """The place tables, compiled once per process (`gazetteer()`)."""

    chains: dict[str, tuple[str, ...]]  # code -> the codes containing it, general first, itself last
    meanings: dict[str, tuple[Meaning, ...]]  # `lookup_key` of a name -> meanings
    stems: frozenset[str]  # first words of the longer keys ("new", "new york"): a run of words goes on only then
    exact: dict[str, tuple[Meaning, ...]]  # short abbreviations as written, periods left out ("US", "NYC")
    longest: int  # words in the longest name
    codes: dict[str, tuple[Meaning, ...]]  # "WA" -> US-WA, AU-WA; "DE" -> US-DE, then the country
    code_re: re.Pattern[str]
    loose_codes: frozenset[str]  # codes that may stand alone in a location field
    counties: dict[str, tuple[str, ...]]  # county key -> the states that have one of that name
    county: Anchored
    not_places: re.Pattern[str]
    not_after: re.Pattern[str]  # at a name's end: "University", "Street" …
    not_after_state: re.Pattern[str]  # at a state's name's end: "City" ("Kansas City" is in Missouri)
    not_before: re.Pattern[str]  # before a name: "University of", "Fort" …
    state_names: dict[str, str]  # key -> US subdivision code, for employer names and addresses
    filler: frozenset[str]  # words a place line may hold besides places ("Remote", "Hybrid", "Greater")


@dataclass(frozen=True)
class Anchored:
    """A regex looked for only within `reach` (before, after) of its anchor words.

    The anchors are single words found in the lower-cased text, a fast
    scan; the regex then runs only in the stretches around them.
    """

    pattern: Pattern
    anchors: tuple[Pattern, ...]
    reach: tuple[int, int]

    def finditer(self, where: Posting | Text, lo: int = 0, *, raw: bool = False) -> Iterator[re.Match[str]]:
        """The regex's matches from `lo` on, the same as a scan of the whole text would find."""
        before, after = self.reach
        hits = sorted(m.start() for a in self.anchors for m in a.finditer(where, raw=raw) if m.start() >= lo)
        windows: list[list[int]] = []
        for h in hits:
            s, e = max(lo, h - before), h + after
            if windows and s <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], e)
            else:
                windows.append([s, e])
        for s, e in windows:
            yield from self.pattern.finditer(where, s, e, raw=raw)


def anchor_words(*words: str) -> tuple[Pattern, ...]:
    """Anchor words: each a literal found in the lower-cased text."""
    return tuple(Pattern(re.escape(w.lower()), lower=True) for w in words)


@cache
def place_data() -> dict:
    """rules/shared/places.yaml as loaded."""
    return data.load("shared/places.yaml")


def name_key(text: str) -> str:
    """A name as looked up: lower case, one space for any run of spaces or hyphens, no final period."""
    return " ".join(text.replace("’", "'").lower().replace("-", " ").split()).rstrip(".")


def lookup_key(text: str) -> str:
    """A name as the tables hold it: as `name_key`, without periods or commas ("washington dc", "st paul")."""
    return " ".join(name_key(text.replace(".", " ").replace(",", " ")).split())


def _county_key(text: str) -> str:
    """A county name as looked up: as `name_key`, without periods or accents, "Saint" as "St"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    key = name_key(plain.replace(".", " "))
    return re.sub(r"^saint ", "st ", key)


def case_sensitive(name: str) -> bool:
    """Short abbreviations (SF, LA, NYC, GTA, NoVA, UK, U.S.) match only as written."""
    return len(name) <= 5 and sum(c.isupper() for c in name) >= 2


@cache
def gazetteer() -> Gazetteer:
    """The place tables of rules/shared/places.yaml, built on first use."""
    raw = place_data()
    chains = _chains(raw)
    meanings: dict[str, list[Meaning]] = {}
    exact: dict[str, list[Meaning]] = {}

    def add(name: str, meaning: Meaning) -> None:
        table, key = (exact, name.replace(".", "")) if case_sensitive(name) else (meanings, lookup_key(name))
        if meaning not in table.setdefault(key, []):
            table[key].append(meaning)

    for code, entry in raw["countries"].items():
        for name in entry["names"]:
            add(name, Meaning(str(code), COUNTRY))
    for code, entry in raw["subdivisions"].items():
        for name in entry.get("names") or ():
            add(name, Meaning(code, REGION))
    for code, entry in raw["locals"].items():
        for name in entry.get("names") or ():
            add(name, Meaning(code, CITY))
        for name in entry.get("with_state") or ():
            add(name, Meaning(code, CITY, with_state=True))
    for code, names in raw["cities"].items():
        for name in names or ():
            add(name, Meaning(str(code), CITY))
    codes = _codes(raw)
    counties: dict[str, list[str]] = {}
    for state, county_names in raw["counties"].items():
        for name in county_names:
            counties.setdefault(_county_key(name), []).append(state)
    state_names = {
        name_key(n): code
        for code, entry in raw["subdivisions"].items()
        if code.startswith("US-")
        for n in entry.get("names") or ()
        if not case_sensitive(n)
    }
    return Gazetteer(
        chains=chains,
        meanings={k: tuple(v) for k, v in meanings.items()},
        stems=frozenset(" ".join(words[:n]) for k in meanings for words in [k.split()] for n in range(1, len(words))),
        exact={k: tuple(v) for k, v in exact.items()},
        longest=max(len(k.split()) for k in meanings),
        codes=codes,
        code_re=re.compile(r"(?<![\w-])(?:" + "|".join(sorted(codes, key=len, reverse=True)) + r")(?![\w-])"),
        loose_codes=frozenset(str(c) for c in raw.get("field_codes") or ()),
        counties={k: tuple(v) for k, v in counties.items()},
        county=Anchored(
            Pattern(
                rf"\b(?:County|COUNTY)\s+(?:of|OF)\s+(?P<after>{_COUNTY_WORDS})"
                rf"|(?P<before>{_COUNTY_WORDS})\s+(?:County|COUNTY|Parish|PARISH)\b(?![ \t]+(?:of|OF)\b)"
            ),
            anchor_words("county", "parish"),
            (COUNTY_REACH, COUNTY_REACH),
        ),
        not_places=re.compile(r"\b(?:" + "|".join(phrase_regex(p) for p in raw.get("not_places") or ()) + r")\b", re.I)
        if raw.get("not_places")
        else re.compile(r"(?!x)x"),
        not_after=re.compile(
            r"[ \t]+(?:" + "|".join(phrase_regex(p) for p in raw.get("not_followed_by") or ["(?!x)x"]) + r")(?!\w)"
        ),
        not_after_state=re.compile(
            r"[ \t]+(?:"
            + "|".join(phrase_regex(p) for p in raw.get("state_not_followed_by") or ["(?!x)x"])
            + r")(?!\w)"
        ),
        not_before=re.compile(
            r"\b(?:" + "|".join(phrase_regex(p) for p in raw.get("not_preceded_by") or ["(?!x)x"]) + r")[ \t]+$"
        ),
        state_names=state_names,
        filler=frozenset(str(w).lower() for w in raw.get("place_line_words") or ()),
    )


def phrase_regex(name: str) -> str:
    """A name as a regex: any run of spaces between words."""
    return r"\s+".join(re.escape(w) for w in name.split())


def _chains(raw: dict) -> dict[str, tuple[str, ...]]:
    """Each jurisdiction code with the codes that contain it, general first ("EU" before a member state)."""
    chains: dict[str, tuple[str, ...]] = {EU: (EU,)}
    for code in raw["countries"]:
        code = str(code)
        chains[code] = (EU, code) if is_eu_member(code) else (code,)
    for code in raw["subdivisions"]:
        country = code.split("-")[0]
        chains[code] = (*chains[country], code)
    for code, entry in raw["locals"].items():
        chains[code] = (*chains[entry["in"]], code)
    return chains


def _codes(raw: dict) -> dict[str, tuple[Meaning, ...]]:
    """Two- and three-letter codes: US states first, then Canadian provinces, Australian states, countries."""
    order = {"US": 0, "CA": 1, "AU": 2}
    found: dict[str, list[tuple[int, Meaning]]] = {}
    for code, entry in raw["subdivisions"].items():
        short = entry.get("code")
        if short:
            found.setdefault(str(short), []).append((order.get(code.split("-")[0], 3), Meaning(code, REGION)))
    for code in raw["countries"]:
        if len(str(code)) == 2:
            found.setdefault(str(code), []).append((9, Meaning(str(code), COUNTRY)))
    return {c: tuple(m for _, m in sorted(ms, key=lambda x: x[0])) for c, ms in found.items()}


def trie(names: Iterable[str]) -> str:
    """Regex source matching any of `names` (a trie, fast): case aside, but short abbreviations only as written."""
    unique = sorted({n for n in names if n})
    loose = [n for n in unique if not case_sensitive(n)]
    exact = [n for n in unique if case_sensitive(n)]
    parts = []
    if loose:
        parts.append("(?i:" + phrases(loose, not_before=None, not_after=None).source + ")")
    if exact:
        parts.append("(?-i:" + phrases(exact, acronyms=True, not_before=None, not_after=None).source + ")")
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def us_codes(raw: dict) -> list[str]:
    """The two-letter codes of the US states (and DC, Puerto Rico)."""
    return [str(e["code"]) for c, e in raw["subdivisions"].items() if c.startswith("US-") and e.get("code")]


def us_state_names(raw: dict) -> list[str]:
    """The states' names as written ("New York", "Washington"), without "Washington, DC" and the like."""
    return [
        n
        for c, e in raw["subdivisions"].items()
        if c.startswith("US-")
        for n in e.get("names") or ()
        if not case_sensitive(n) and "," not in n
    ]


def _capitalised(text: str) -> bool:
    """A proper noun: "Seattle", "the Netherlands"; not "buffalo wings" or "nice"."""
    if text[:1].isupper():
        return True
    return text[:4].lower() == "the " and text[4:5].isupper()


def _atoms(
    g: Gazetteer, text: str, start: int, end: int, field: bool, skip: Iterable[tuple[int, int]] = ()
) -> list[Atom]:
    """Names, codes and counties in text[start:end], left to right, none overlapping another.

    Codes count in a location field (`field`; the ambiguous ones only after a
    comma), elsewhere only after "Town, ".
    """
    found: list[Atom] = []
    if start >= end:
        return found
    key = (text[start - 1 : start], text[start:end], field) if end - start <= _REMEMBERED else None
    if key is not None and key in _NO_NAMES:
        return found
    named = False
    for s, e, means in _names(g, text, start, end):
        named = True
        if not _blocked_around(g, text, s, e, means):
            found.append(Atom(s, e, means))
    for m in g.code_re.finditer(text, start, end):
        if _code_counts(g, text, (start, end), m, field):
            found.append(Atom(m.start(), m.end(), g.codes[m.group()], is_code=True))
    if _COUNTY_WORD.search(text, start, end):
        found += county_atoms(g, text, g.county.pattern.finditer(text, start, end))
    if not found:
        if key is not None and not named:
            _remember_no_names(key)
        return found
    blocked = [(m.start(), m.end()) for m in g.not_places.finditer(text, start, end)]
    skip = list(skip)
    found.sort(key=lambda a: (a.start, -a.end, a.is_code))
    out: list[Atom] = []
    reach = -1
    for atom in found:
        if atom.start < reach or any(b0 <= atom.start and atom.end <= b1 for b0, b1 in blocked):
            continue
        if any(s0 < atom.end and atom.start < s1 for s0, s1 in skip):
            continue
        out.append(atom)
        reach = atom.end
    return out


_REMEMBERED = 200  # characters: a stretch this short that names nothing is remembered (headings, header lines)
_NO_NAMES: set[tuple[str, str, bool]] = set()


def _remember_no_names(key: tuple[str, str, bool]) -> None:
    """Keep a stretch in which no name, code or county can be found ("Responsibilities", "About Us").

    What `_atoms` finds before it looks beyond a stretch (a name's neighbours, the spans to skip)
    depends on the stretch, the character before it (the look-behinds of `_NAME_WORD`, `code_re` and
    the county regex) and `field`, and on nothing else: the key holds just those.
    """
    if len(_NO_NAMES) >= 1 << 14:
        _NO_NAMES.clear()
    _NO_NAMES.add(key)


def _names(g: Gazetteer, text: str, start: int, end: int) -> Iterator[tuple[int, int, tuple[Meaning, ...]]]:
    """The names of the tables in text[start:end], longest first, left to right: (start, end, meanings).

    Words are looked up in runs of up to `g.longest` ("Frankfurt am Main"),
    written with a capital ("Mobile" and "Nice" are words too); short
    abbreviations only as written. A possessive or a sentence's period is
    not part of a name ("California's", "Denver."), but "St. John's" is one.
    """
    words = [m.span() for m in _NAME_WORD.finditer(text, start, end)]
    i = 0
    while i < len(words):
        s, e = words[i]
        found = _longest_name(g, text, words, i) if _capitalised(text[s:e]) else None
        if found is None and (exact := g.exact.get(text[s:e].replace(".", ""))):
            found = (i, e, exact)
        if found is None:
            i += 1
            continue
        last, name_end, means = found
        yield s, name_end, means
        i = last + 1


def _longest_name(
    g: Gazetteer, text: str, words: list[tuple[int, int]], i: int
) -> tuple[int, int, tuple[Meaning, ...]] | None:
    """The longest name starting at word i: (its last word, its end, its meanings), or None.

    The run stops at the first words that begin no longer name (`g.stems`): most
    capitalised words ("Responsibilities") are looked up once.
    """
    found = None
    key = ""
    for k in range(i, min(i + g.longest, len(words))):
        s, e = words[k]
        if k > i and _NAME_GAP.fullmatch(text, words[k - 1][1], s) is None:
            break
        word = _word_key(text[s:e])
        key = f"{key} {word}" if key else word
        means = g.meanings.get(key)
        if means:
            found = (k, e - (text[e - 1] == "." and not _ABBREVIATION.search(text, s, e)), means)
        elif word.endswith("'s") and (means := g.meanings.get(key[:-2])):
            found = (k, e - 2, means)  # "California's"
        if key not in g.stems:
            break  # no longer name starts with these words ("California's …" ends with "'s" too)
    return found


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """`lookup_key` of one word, kept: the same words come back in every posting."""
    return lookup_key(word)


def _blocked_around(g: Gazetteer, text: str, start: int, end: int, meanings: tuple[Meaning, ...]) -> bool:
    """ "Boston University", "Denver Street", "University of Michigan", "Fort Washington", "Kansas City": not places."""
    if g.not_after.match(text, end) or g.not_before.search(text[max(0, start - 20) : start]):
        return True
    return all(m.kind == REGION for m in meanings) and g.not_after_state.match(text, end) is not None


def _code_counts(g: Gazetteer, text: str, span: tuple[int, int], m: re.Match[str], field: bool) -> bool:
    """A code is a place after "Town, "; in a location field also after a comma, or alone when it is unambiguous.

    A field in capitals throughout ("ON SITE", "ME TOO") holds words, not codes.
    """
    shouting = not any(ch.islower() for ch in text[span[0] : span[1]])
    if shouting and _WORD_NEXT.match(text, m.end(), span[1]):
        return False  # "KNOWLEDGE, SKILLS, OR ABILITIES"
    before = text[max(span[0], m.start() - 60) : m.start()]
    if _TOWN_BEFORE.search(before):
        return True
    if not field:
        return False
    before = before.rstrip()
    if before.endswith(","):
        return True
    if m.group() not in g.loose_codes:
        return False
    return not (shouting and before)


def county_atoms(g: Gazetteer, text: str, matches: Iterable[re.Match[str]]) -> list[Atom]:
    """ "Placer County", "County of Placer", "St. Tammany Parish": the states that have a county of that name."""
    out: list[Atom] = []
    for m in matches:
        group = "before" if m.group("before") is not None else "after"
        words = list(re.finditer(r"\S+", m.group(group)))
        found = _county_name(g, [w.group() for w in words], from_start=group == "after")
        if found is None:
            continue
        n, states = found
        meanings = tuple(Meaning(state, COUNTY) for state in states)
        if group == "before":
            out.append(Atom(m.start(group) + words[len(words) - n].start(), m.end(), meanings))
        else:
            end = m.start(group) + words[n - 1].end()
            out.append(Atom(m.start(), end - (text[end - 1] == "."), meanings))  # "County of Peoria."
    return out


def _county_name(g: Gazetteer, words: list[str], from_start: bool) -> tuple[int, tuple[str, ...]] | None:
    """The longest run of `words` that is a county's name (its first words, or its last), and its states."""
    for n in range(len(words), 0, -1):
        part = words[:n] if from_start else words[-n:]
        states = g.counties.get(_county_key(" ".join(part)))
        if states:
            return n, states
    return None


@dataclass
class _Open:
    """A place being read right to left: its code, its start, and whether a town or county is in it yet."""

    code: str
    start: int
    end: int
    has_town: bool
    after_code: bool  # its leftmost name is a code ("IA"): a state's name before it is a town ("Nevada, IA")


def _within(g: Gazetteer, code: str, container: str) -> bool:
    """Is the place `code` inside `container` (or the same)?"""
    return container in g.chains.get(code, ())


def _resolve(g: Gazetteer, atoms: list[Atom], text: str) -> list[_Open]:
    """The places a run of names makes ("Seattle, WA, USA" is one; "Hamburg/Berlin, Germany" two), in text order.

    Read right to left: a name inside the place so far narrows it ("Berlin"
    after "Germany"); a town before a region it is not in is a town of that
    name there ("Vancouver, WA", "Paris, TX"), and so is a state's name
    before a state's code ("Nevada, IA"); anything else starts the next
    place ("Hamburg/Berlin", "Virginia, Maryland").
    """
    out: list[_Open] = []
    cur: _Open | None = None
    for i in range(len(atoms) - 1, -1, -1):
        atom = atoms[i]
        joined = i + 1 < len(atoms) and _JOINER.fullmatch(text, atom.end, atoms[i + 1].start) is not None
        if cur is not None and joined:
            narrower = _narrowest([m for m in atom.meanings if _within(g, m.code, cur.code)], g, cur)
            if narrower is not None:
                cur.code, cur.start = narrower.code, atom.start
                cur.has_town = cur.has_town or narrower.kind in (CITY, COUNTY)
                cur.after_code = cur.after_code and atom.is_code
                continue
            kinds = {m.kind for m in atom.meanings}
            if not cur.has_town and (CITY in kinds or (REGION in kinds and cur.after_code)):
                cur.start, cur.has_town, cur.after_code = atom.start, True, False
                continue
        if cur is not None:
            out.append(cur)
            cur = None
        left = atoms[i - 1] if i > 0 and _JOINER.fullmatch(text, atoms[i - 1].end, atom.start) else None
        meaning = _first_meaning(g, atom, left)
        if meaning is None:
            continue  # a county whose name several states share, with no state after it
        cur = _Open(meaning.code, atom.start, atom.end, meaning.kind in (CITY, COUNTY), atom.is_code)
    if cur is not None:
        out.append(cur)
    out.reverse()
    return out


def _narrowest(meanings: list[Meaning], g: Gazetteer, cur: _Open) -> Meaning | None:
    """Of the meanings inside the place so far, the most specific; a second town never joins a town."""
    if cur.has_town:
        meanings = [m for m in meanings if m.kind not in (CITY, COUNTY)]
    if not meanings:
        return None
    return max(meanings, key=lambda m: len(g.chains.get(m.code, ())))


def _first_meaning(g: Gazetteer, atom: Atom, left: Atom | None) -> Meaning | None:
    """What the rightmost name of a place means: the one the name before it lies in ("Perth, WA"), else the first."""
    meanings = [m for m in atom.meanings if not m.with_state]
    if atom.meanings and all(m.kind == COUNTY for m in atom.meanings) and len(meanings) > 1:
        return None
    if left is not None and len(meanings) > 1:
        for m in meanings:
            if any(_within(g, lm.code, m.code) for lm in left.meanings):
                return m
    return meanings[0] if meanings else None


def places_in(
    g: Gazetteer, text: str, start: int, end: int, field: bool, skip: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Places named in text[start:end]: (start, end, jurisdictions), less one another place of the span narrows."""
    atoms = _atoms(g, text, start, end, field, skip)
    if not atoms:
        return []
    resolved = _resolve(g, atoms, text)
    chains = [g.chains[p.code] for p in resolved]
    taken = [(a.start, a.end) for a in atoms]
    return [
        (p.start if p.has_town else _town_start(text, start, p.start, taken, g.filler), p.end, j)
        for p, j in zip(resolved, chains, strict=True)
        if not any(len(o) > len(j) and o[: len(j)] == j for o in chains)  # "France" after "Paris, …"
    ]


def _town_start(text: str, span_start: int, start: int, taken: list[tuple[int, int]], filler: frozenset[str]) -> int:
    """Where "Castle Rock, CO" starts when only "CO" was known: the town's words before it, filler words left out."""
    m = _TOWN_BEFORE.search(text, max(span_start, start - 60), start)
    if m is None or any(t0 < start and m.start(1) < t1 for t0, t1 in taken):
        return start
    before = text[span_start : m.start(1)].rstrip()
    if before.endswith(",") and any(t1 == span_start + len(before) - 1 for _t0, t1 in taken):
        return start  # "… Bulgaria, Vietnam, Italy": a list of places, not a town in Italy
    s = m.start(1)
    while (w := _WORD.match(text, s)) is not None and w.group().lower() in filler:
        nxt = _NON_SPACE.search(text, w.end(), start)
        if nxt is None or text[nxt.start()] == ",":
            break
        s = nxt.start()
    return s
