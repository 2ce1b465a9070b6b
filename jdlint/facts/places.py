"""Where the job is: the places a posting names for it, each with its evidence, resolved to jurisdictions.

A place counts only where the posting says where the job is. The evidence
says how it said so:

* "front matter": a location key of the YAML front matter (`location: Denver, CO`);
* "location field": a `Location:` line of the body;
* "location heading": a location section (`## Location`) or a heading that is a
  place (`#### San Francisco, CA`);
* "header line": the title ("Data Engineer, Denver") and the short lines right
  under it ("Seattle, WA (on-site)", "Berlin, Germany · Hybrid");
* "prose": a sentence after a location cue ("based in Seattle", "open to
  candidates in Colorado"), read only when none of the above names a place;
* "address": a postal address ("Austin, TX 78701");
* "remote scope": a remote phrase that says where ("Remote (US)", "anywhere in
  the EU");
* "employer name", "web domain": a public employer ("County of Placer",
  "California Secretary of State") or a government site ("placer.ca.gov"),
  read only when nothing else names a place.

A place mentioned anywhere else ("University of California alumni", "our
Paris office hosts the offsite") does not count, nor does one in a list of
other jobs, in a company's footprint ("headquartered in …"), or in the
offices of a remote-first company. Names, codes and what they resolve to
are in rules/shared/places.yaml; the laws of each jurisdiction in
rules/shared/jurisdictions.yaml (`laws_for`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts import laws
from jdlint.facts.pages import inside, job_list_spans
from jdlint.match import Pattern, phrases
from jdlint.model.posting import Posting, Section
from jdlint.model.store import StoreKey

FRONT_MATTER = "front matter"
LOCATION_FIELD = "location field"
HEADER_LINE = "header line"
LOCATION_HEADING = "location heading"
PROSE = "prose"
ADDRESS = "address"
EMPLOYER_NAME = "employer name"
WEB_DOMAIN = "web domain"
REMOTE_SCOPE = "remote scope"
EVIDENCE = (
    FRONT_MATTER,
    LOCATION_FIELD,
    HEADER_LINE,
    LOCATION_HEADING,
    PROSE,
    ADDRESS,
    EMPLOYER_NAME,
    WEB_DOMAIN,
    REMOTE_SCOPE,
)

EU = "EU"
WINDOW = 160  # characters of a sentence read after a location cue
SECTION_WINDOW = 400  # characters of a location section's body read
CONTINUED_LINES = 2  # lines ending in a comma that a sentence may run on over
HEADER_LINES = 4  # non-blank lines under the title that may state the place
HEADER_LINE_CHARS = 100  # a longer line is prose, not a place line
ADDRESS_LINES = 3  # lines above an address that belong to its block (the addressee, the street)
ADDRESS_REACH = 120  # characters of "Town, State" before a ZIP code
REMOTE_REACH = 90  # characters a remote phrase runs before or after its "remote" / "anywhere" / "open to"
STATE_NAME_REACH = (
    40  # characters between a state body's first word and the ends of "Rhode Island's Secretary of State"
)
COUNTY_REACH = 60  # characters of a county's name before "County" or after "County of"
CITY_NAME_REACH = 70  # characters from "City" to the end of "City and County of San Francisco"
NEARBY = 160  # characters either side of an employer name searched for its state
_CITY = r"[A-ZÀ-Þ][\w.'’-]+(?:[ -][A-ZÀ-Þ][\w.'’-]+){0,3}"
_TOWN_BEFORE = re.compile(rf"(?<![\w.'’-])({_CITY}),[ \t]*$")
_JOINER = re.compile(r"\s*(?:[,(]|[-–—/](?=\s))?\s*")
_NON_SPACE = re.compile(r"\S")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.(?=\s)|[\n;!?]")  # not the period of "D.C."
_STATE_CODE = re.compile(r"[A-Z]{2}")
_DOMAIN_BEFORE = re.compile(r"(?<![\w.-])(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$")  # the labels before ".gov"
_DOMAIN_CHAR = re.compile(r"[\w-]")
_COUNTY_WORD = re.compile(r"County|COUNTY|Parish|PARISH")
_WORD_NEXT = re.compile(r"[ \t]+[^\W\d_]")
_ZIP = re.compile(r"[0-9]{5}")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_SEPARATORS = re.compile(r"\s[-–—|·•/]\s|[·•|()\[\]]")
_FIELD_LIKE = re.compile(r"^\W*[A-Za-z][\w /&-]{0,30}:\s")
_COUNTY_WORDS = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|and|of|the|du|de|la|qui)){0,3}"
# the kinds of a name: what "Town, XX" may refine, and what a town may absorb
COUNTRY, REGION, CITY, COUNTY = "country", "region", "city", "county"


@dataclass(frozen=True)
class JobPlace:
    """One place the posting names for its job, as written, with the jurisdictions it resolves to.

    `jurisdictions` run general first: ("US", "US-WA"), ("US", "US-NY",
    "US-NY-NYC"), ("EU", "DE", "DE-BY"). `remote` marks a remote scope
    ("Remote (US)"): the job may be done anywhere inside it.
    """

    name: str
    jurisdictions: tuple[str, ...]
    evidence: str
    start: int
    end: int
    remote: bool = False

    @property
    def country(self) -> str | None:
        """The ISO country code ("US", "DE"), or None for a region such as the EU."""
        return next((j for j in self.jurisdictions if len(j) == 2 and j != EU), None)


# --- the data ------------------------------------------------------------------


@dataclass(frozen=True)
class _Meaning:
    """One thing a name may mean: a jurisdiction code and the kind of place it is."""

    code: str
    kind: str
    with_state: bool = False  # only when its state follows ("New York, NY" is the city)


@dataclass(frozen=True)
class _Atom:
    """A name, code or county found in a span, with what it may mean."""

    start: int
    end: int
    meanings: tuple[_Meaning, ...]
    is_code: bool = False


@dataclass(frozen=True)
class _Gazetteer:
    chains: dict[str, tuple[str, ...]]  # code -> the codes containing it, general first, itself last
    meanings: dict[str, tuple[_Meaning, ...]]  # name key -> meanings
    names_ci: Pattern
    names_cs: Pattern
    codes: dict[str, tuple[_Meaning, ...]]  # "WA" -> US-WA, AU-WA; "DE" -> US-DE, then the country
    code_re: re.Pattern[str]
    loose_codes: frozenset[str]  # codes that may stand alone in a location field
    counties: dict[str, tuple[str, ...]]  # county key -> the states that have one of that name
    county: _Anchored
    not_places: re.Pattern[str]
    not_after: re.Pattern[str]  # at a name's end: "University", "Street" …
    not_before: re.Pattern[str]  # before a name: "University of", "Fort" …
    state_names: dict[str, str]  # key -> US subdivision code, for employer names and addresses


@dataclass(frozen=True)
class _Anchored:
    """A regex looked for only within `reach` (before, after) of its anchor words.

    The anchors are single words found in the lower-cased text, a fast
    scan; the regex then runs only in the stretches around them.
    """

    pattern: Pattern
    anchors: tuple[Pattern, ...]
    reach: tuple[int, int]

    def finditer(self, posting: Posting, lo: int = 0, *, raw: bool = False) -> Iterator[re.Match[str]]:
        before, after = self.reach
        hits = sorted(m.start() for a in self.anchors for m in a.finditer(posting, raw=raw) if m.start() >= lo)
        end = len(posting.text)
        windows: list[list[int]] = []
        for h in hits:
            s, e = max(lo, h - before), min(end, h + after)
            if windows and s <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], e)
            else:
                windows.append([s, e])
        for s, e in windows:
            yield from self.pattern.finditer(posting, s, e, raw=raw)


def _words(*words: str) -> tuple[Pattern, ...]:
    """Anchor words: each a literal found in the lower-cased text."""
    return tuple(Pattern(re.escape(w.lower()), lower=True) for w in words)


@cache
def _raw() -> dict:
    return data.load("shared/places.yaml")


def _key(text: str) -> str:
    """A name as looked up: lower case, one space for any run of spaces or hyphens, no final period."""
    return " ".join(text.replace("’", "'").lower().replace("-", " ").split()).rstrip(".")


def _county_key(text: str) -> str:
    """A county name as looked up: as `_key`, without periods or accents, "Saint" as "St"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    key = _key(plain.replace(".", " "))
    return re.sub(r"^saint ", "st ", key)


def _case_sensitive(name: str) -> bool:
    """Short abbreviations (SF, LA, NYC, GTA, NoVA, UK, U.S.) match only as written."""
    return len(name) <= 5 and sum(c.isupper() for c in name) >= 2


@cache
def _gazetteer() -> _Gazetteer:
    raw = _raw()
    chains = _chains(raw)
    meanings: dict[str, list[_Meaning]] = {}

    def add(name: str, meaning: _Meaning) -> None:
        key = name.rstrip(".") if _case_sensitive(name) else _key(name)
        if meaning not in meanings.setdefault(key, []):
            meanings[key].append(meaning)

    for code, entry in raw["countries"].items():
        for name in entry["names"]:
            add(name, _Meaning(str(code), COUNTRY))
    for code, entry in raw["subdivisions"].items():
        for name in entry.get("names") or ():
            add(name, _Meaning(code, REGION))
    for code, entry in raw["locals"].items():
        for name in entry.get("names") or ():
            add(name, _Meaning(code, CITY))
        for name in entry.get("with_state") or ():
            add(name, _Meaning(code, CITY, with_state=True))
    for code, names in raw["cities"].items():
        for name in names or ():
            add(name, _Meaning(str(code), CITY))
    written = _written_names(raw)
    ci = [n for n in written if not _case_sensitive(n)]
    cs = [n for n in written if _case_sensitive(n)]
    codes = _codes(raw)
    counties: dict[str, list[str]] = {}
    for state, county_names in raw["counties"].items():
        for name in county_names:
            counties.setdefault(_county_key(name), []).append(state)
    state_names = {
        _key(n): code
        for code, entry in raw["subdivisions"].items()
        if code.startswith("US-")
        for n in entry.get("names") or ()
        if not _case_sensitive(n)
    }
    return _Gazetteer(
        chains=chains,
        meanings={k: tuple(v) for k, v in meanings.items()},
        names_ci=phrases(ci),
        names_cs=phrases(cs, acronyms=True),
        codes=codes,
        code_re=re.compile(r"(?<![\w-])(?:" + "|".join(sorted(codes, key=len, reverse=True)) + r")(?![\w-])"),
        loose_codes=frozenset(str(c) for c in raw.get("field_codes") or ()),
        counties={k: tuple(v) for k, v in counties.items()},
        county=_Anchored(
            Pattern(
                rf"\b(?:County|COUNTY)\s+(?:of|OF)\s+(?P<after>{_COUNTY_WORDS})"
                rf"|(?P<before>{_COUNTY_WORDS})\s+(?:County|COUNTY|Parish|PARISH)\b(?![ \t]+(?:of|OF)\b)"
            ),
            _words("county", "parish"),
            (COUNTY_REACH, COUNTY_REACH),
        ),
        not_places=re.compile(r"\b(?:" + "|".join(_phrase(p) for p in raw.get("not_places") or ()) + r")\b", re.I)
        if raw.get("not_places")
        else re.compile(r"(?!x)x"),
        not_after=re.compile(
            r"[ \t]+(?:" + "|".join(_phrase(p) for p in raw.get("not_followed_by") or ["(?!x)x"]) + r")\b"
        ),
        not_before=re.compile(
            r"\b(?:" + "|".join(_phrase(p) for p in raw.get("not_preceded_by") or ["(?!x)x"]) + r")[ \t]+$"
        ),
        state_names=state_names,
    )


def _phrase(name: str) -> str:
    """A name as a regex: any run of spaces between words."""
    return r"\s+".join(re.escape(w) for w in name.split())


def _written_names(raw: dict) -> list[str]:
    """Every name of the place tables as written, also without a final period ("D.C." ends "Washington, D.C.")."""
    out: set[str] = set()
    for entry in raw["countries"].values():
        out.update(entry["names"])
    for entry in (*raw["subdivisions"].values(), *raw["locals"].values()):
        out.update(entry.get("names") or ())
        out.update(entry.get("with_state") or ())
    for names in raw["cities"].values():
        out.update(names or ())
    return sorted({v for n in out for v in (n, n.rstrip(".")) if v})


def _chains(raw: dict) -> dict[str, tuple[str, ...]]:
    """Each jurisdiction code with the codes that contain it, general first ("EU" before a member state)."""
    chains: dict[str, tuple[str, ...]] = {EU: (EU,)}
    for code, entry in raw["countries"].items():
        code = str(code)
        chains[code] = (EU, code) if entry.get("eu") else (code,)
    for code in raw["subdivisions"]:
        country = code.split("-")[0]
        chains[code] = (*chains[country], code)
    for code, entry in raw["locals"].items():
        chains[code] = (*chains[entry["in"]], code)
    return chains


def _codes(raw: dict) -> dict[str, tuple[_Meaning, ...]]:
    """Two- and three-letter codes: US states first, then Canadian provinces, Australian states, countries."""
    order = {"US": 0, "CA": 1, "AU": 2}
    found: dict[str, list[tuple[int, _Meaning]]] = {}
    for code, entry in raw["subdivisions"].items():
        short = entry.get("code")
        if short:
            found.setdefault(str(short), []).append((order.get(code.split("-")[0], 3), _Meaning(code, REGION)))
    for code in raw["countries"]:
        if len(str(code)) == 2:
            found.setdefault(str(code), []).append((9, _Meaning(str(code), COUNTRY)))
    return {c: tuple(m for _, m in sorted(ms, key=lambda x: x[0])) for c, ms in found.items()}


@dataclass(frozen=True)
class _Settings:
    cues: Pattern
    ignore: re.Pattern[str]
    labels: frozenset[str]
    label_lines: Pattern
    fm_keys: frozenset[str]
    line_words: frozenset[str]
    remote_first: Pattern
    remote: _Anchored
    scopes: dict[str, tuple[str, ...]]  # scope name key (or short name as written) -> jurisdictions
    address: Pattern
    employer: tuple[_Anchored, ...]
    employer_ignore: re.Pattern[str]
    web_tlds: tuple[Pattern, ...]
    web_domains: dict[str, str]
    not_web_domains: frozenset[str]


@cache
def _settings() -> _Settings:
    raw = _raw()
    g = _gazetteer()
    scopes, remote = _remote_pattern(raw, g)
    labels = raw.get("location_labels") or ()
    return _Settings(
        cues=Pattern(r"\b(?:" + "|".join(raw.get("location_cues") or ["$^"]) + r")\s", re.IGNORECASE),
        ignore=re.compile("|".join(raw.get("location_ignore") or ["$^"]), re.IGNORECASE),
        labels=frozenset(_key(lbl) for lbl in labels),
        # lines read whatever the parser made of them: those of the labels that hold "location"
        label_lines=Pattern(
            r"^[ \t>*_•-]*(?P<label>"
            + _trie(str(lbl) for lbl in labels if "location" in str(lbl).lower())
            + r")[ \t*_]*:[ \t*_]*(?P<value>[^\s*_][^\n]*)$",
            re.IGNORECASE | re.MULTILINE,
        ),
        fm_keys=frozenset(str(k).lower() for k in raw.get("front_matter_keys") or ()),
        line_words=frozenset(str(w).lower() for w in raw.get("place_line_words") or ()),
        remote_first=Pattern("|".join(f"(?:{p})" for p in raw.get("remote_first") or ["$^"]), re.IGNORECASE),
        remote=_Anchored(remote, _words("remote", "anywhere", "open to", "available to"), (REMOTE_REACH, REMOTE_REACH)),
        scopes=scopes,
        address=Pattern(rf"\b{_CITY},[ \t]*(?P<state>{_trie(_us_codes(raw))}|{_trie(_us_state_names(raw))})[ \t]+$"),
        employer=_employer_patterns(raw),
        employer_ignore=re.compile("|".join(raw.get("employer_ignore") or ["$^"]), re.IGNORECASE),
        web_tlds=_words(".gov", ".us"),
        web_domains={str(k).lower(): str(v) for k, v in (raw.get("web_domains") or {}).items()},
        not_web_domains=frozenset(str(d).lower() for d in raw.get("not_web_domains") or ()),
    )


def _trie(names: Iterable[str]) -> str:
    """Regex source matching any of `names` (a trie, fast): case aside, but short abbreviations only as written."""
    unique = sorted({n for n in names if n})
    loose = [n for n in unique if not _case_sensitive(n)]
    exact = [n for n in unique if _case_sensitive(n)]
    parts = []
    if loose:
        parts.append("(?i:" + phrases(loose, not_before=None, not_after=None).source + ")")
    if exact:
        parts.append("(?-i:" + phrases(exact, acronyms=True, not_before=None, not_after=None).source + ")")
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def _us_codes(raw: dict) -> list[str]:
    return [str(e["code"]) for c, e in raw["subdivisions"].items() if c.startswith("US-") and e.get("code")]


def _us_state_names(raw: dict) -> list[str]:
    """The states' names as written ("New York", "Washington"), without "Washington, DC" and the like."""
    return [
        n
        for c, e in raw["subdivisions"].items()
        if c.startswith("US-")
        for n in e.get("names") or ()
        if not _case_sensitive(n) and "," not in n
    ]


def _remote_pattern(raw: dict, g: _Gazetteer) -> tuple[dict[str, tuple[str, ...]], Pattern]:
    """Remote phrases that say where, and what each place they may name resolves to.

    "Remote (US)", "US-based remote", "anywhere in the EU", "open to
    candidates anywhere in Canada"; a state too ("Remote - Colorado"), its
    code only right after "remote" and at the end of the phrase ("Remote -
    CA", not "Remote OR Hybrid"). Which lead-in goes with which places is
    checked by `_remote_place`.
    """
    scopes: dict[str, tuple[str, ...]] = {}
    names: list[str] = []
    for code, entry in raw["countries"].items():
        names += entry["names"]
        scopes.update((_scope_key(n), g.chains[str(code)]) for n in entry["names"])
    for code, region_names in (raw.get("remote_regions") or {}).items():
        names += region_names
        scopes.update((_scope_key(n), g.chains[str(code)]) for n in region_names)
    for code, entry in raw["subdivisions"].items():
        names += entry.get("names") or ()
        scopes.update((_scope_key(n), g.chains[code]) for n in entry.get("names") or ())
    codes = _us_codes(raw)
    for c in codes:
        scopes.setdefault(c, g.chains[f"US-{c}"])
    at_end = rf"(?-i:{_trie(codes)})(?=[ \t]*(?:[)\]|,;·•\n]|$))"
    separators = r"\s*(?:[-–—:,/|(]\s*)*"
    lead = (
        rf"(?P<lead>remote{separators}(?:(?:in|within|from|across|only in)\s+)?"
        r"|anywhere\s+(?:in|within|across)\s+"
        r"|(?:open|available)\s+to\s+(?:candidates|applicants|anyone|people)\s+(?:located\s+|based\s+|living\s+)?"
        r"(?:anywhere\s+)?(?:in|within|across)\s+)?"
    )
    pattern = Pattern(
        rf"(?<![\w-]){lead}(?:the\s+)?(?P<scope>{_trie(names)}|{at_end})(?!\w)"
        rf"(?(lead)(?:\s*\))?|{separators}(?:based\s+)?(?:\(\s*)?remote\b)",
        re.IGNORECASE,
    )
    return scopes, pattern


def _scope_key(name: str) -> str:
    return name.rstrip(".") if _case_sensitive(name) else _key(name)


def _employer_patterns(raw: dict) -> tuple[_Anchored, ...]:
    """ "State of Oregon", "California Secretary of State", "City of Austin": a public employer's name.

    Each is looked for only around its own words ("State of", the body's
    first word, "City").
    """
    states = _trie(_us_state_names(raw))
    bodies = raw.get("state_bodies") or ()
    prefixes = raw.get("state_prefixes") or ()
    first_words = sorted({re.match(r"[A-Za-z]+", b).group() for b in bodies})  # type: ignore[union-attr]
    return (
        _Anchored(
            Pattern(rf"\b(?:{'|'.join(_phrase(p) for p in prefixes)})\s+(?P<state>{states})\b"),
            _words(*(p.split()[0] for p in prefixes)),
            (0, STATE_NAME_REACH),
        ),
        _Anchored(
            Pattern(rf"\b(?P<state>{states})(?:'s|’s)?\s+(?:{'|'.join(f'(?:{b})' for b in bodies)})"),
            _words(*first_words),
            (STATE_NAME_REACH, STATE_NAME_REACH),
        ),
        _Anchored(
            Pattern(
                r"\bCity[ \t]+(?:and[ \t]+County[ \t]+)?of[ \t]+"
                r"(?P<city>(?:St\.[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
            ),
            _words("city"),
            (0, CITY_NAME_REACH),
        ),
    )


# --- names in a stretch of text ------------------------------------------------


def _capitalised(text: str) -> bool:
    """A proper noun: "Seattle", "the Netherlands"; not "buffalo wings" or "nice"."""
    if text[:1].isupper():
        return True
    return text[:4].lower() == "the " and text[4:5].isupper()


def _atoms(
    g: _Gazetteer, text: str, start: int, end: int, field: bool, skip: Iterable[tuple[int, int]] = ()
) -> list[_Atom]:
    """Names, codes and counties in text[start:end], left to right, none overlapping another.

    Codes count in a location field (`field`; the ambiguous ones only after a
    comma), elsewhere only after "Town, ".
    """
    found: list[_Atom] = []
    if start >= end:
        return found
    for pattern in (g.names_ci, g.names_cs):
        for m in pattern.finditer(text, start, end):
            name = m.group()
            if pattern is g.names_ci and not _capitalised(name):
                continue
            key = name.rstrip(".") if pattern is g.names_cs else _key(name)
            means = g.meanings.get(key) or g.meanings.get(_key(name))
            if means and not _blocked_around(g, text, m.start(), m.end()):
                found.append(_Atom(m.start(), m.end(), means))
    for m in g.code_re.finditer(text, start, end):
        if _code_counts(g, text, (start, end), m, field):
            found.append(_Atom(m.start(), m.end(), g.codes[m.group()], is_code=True))
    if _COUNTY_WORD.search(text, start, end):
        found += _county_atoms(g, text, g.county.pattern.finditer(text, start, end))
    if not found:
        return found
    blocked = [(m.start(), m.end()) for m in g.not_places.finditer(text, start, end)]
    skip = list(skip)
    found.sort(key=lambda a: (a.start, -a.end, a.is_code))
    out: list[_Atom] = []
    reach = -1
    for atom in found:
        if atom.start < reach or any(b0 <= atom.start and atom.end <= b1 for b0, b1 in blocked):
            continue
        if any(s0 < atom.end and atom.start < s1 for s0, s1 in skip):
            continue
        out.append(atom)
        reach = atom.end
    return out


def _blocked_around(g: _Gazetteer, text: str, start: int, end: int) -> bool:
    """ "Boston University", "Denver Street", "University of Michigan", "Fort Washington": not places."""
    return bool(g.not_after.match(text, end)) or bool(g.not_before.search(text[max(0, start - 20) : start]))


def _code_counts(g: _Gazetteer, text: str, span: tuple[int, int], m: re.Match[str], field: bool) -> bool:
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


def _county_atoms(g: _Gazetteer, text: str, matches: Iterable[re.Match[str]]) -> list[_Atom]:
    """ "Placer County", "County of Placer", "St. Tammany Parish": the states that have a county of that name."""
    out: list[_Atom] = []
    for m in matches:
        group = "before" if m.group("before") is not None else "after"
        words = list(re.finditer(r"\S+", m.group(group)))
        found = _county_name(g, [w.group() for w in words], from_start=group == "after")
        if found is None:
            continue
        n, states = found
        meanings = tuple(_Meaning(state, COUNTY) for state in states)
        if group == "before":
            out.append(_Atom(m.start(group) + words[len(words) - n].start(), m.end(), meanings))
        else:
            end = m.start(group) + words[n - 1].end()
            out.append(_Atom(m.start(), end - text[:end].endswith("."), meanings))  # "County of Peoria."
    return out


def _county_name(g: _Gazetteer, words: list[str], from_start: bool) -> tuple[int, tuple[str, ...]] | None:
    """The longest run of `words` that is a county's name (its first words, or its last), and its states."""
    for n in range(len(words), 0, -1):
        part = words[:n] if from_start else words[-n:]
        states = g.counties.get(_county_key(" ".join(part)))
        if states:
            return n, states
    return None


# --- joining names into places --------------------------------------------------


@dataclass
class _Open:
    """A place being read right to left: its code, its start, and whether a town or county is in it yet."""

    code: str
    start: int
    end: int
    has_town: bool
    after_code: bool  # its leftmost name is a code ("IA"): a state's name before it is a town ("Nevada, IA")


def _within(g: _Gazetteer, code: str, container: str) -> bool:
    return container in g.chains.get(code, ())


def _resolve(g: _Gazetteer, atoms: list[_Atom], text: str) -> list[_Open]:
    """Places in a run of names joined by commas ("Seattle, WA, USA"): (start, end, jurisdiction code).

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


def _narrowest(meanings: list[_Meaning], g: _Gazetteer, cur: _Open) -> _Meaning | None:
    """Of the meanings inside the place so far, the most specific; a second town never joins a town."""
    if cur.has_town:
        meanings = [m for m in meanings if m.kind not in (CITY, COUNTY)]
    if not meanings:
        return None
    return max(meanings, key=lambda m: len(g.chains.get(m.code, ())))


def _first_meaning(g: _Gazetteer, atom: _Atom, left: _Atom | None) -> _Meaning | None:
    """What the rightmost name of a place means: the meaning the name before it lies in ("Perth, WA"), else the first."""
    meanings = [m for m in atom.meanings if not m.with_state]
    if atom.meanings and all(m.kind == COUNTY for m in atom.meanings) and len(meanings) > 1:
        return None
    if left is not None and len(meanings) > 1:
        for m in meanings:
            if any(_within(g, lm.code, m.code) for lm in left.meanings):
                return m
    return meanings[0] if meanings else None


def _places_in(
    g: _Gazetteer, text: str, start: int, end: int, field: bool, skip: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Places named in text[start:end]: (start, end, jurisdictions); a place another one in the span narrows is dropped."""
    atoms = _atoms(g, text, start, end, field, skip)
    if not atoms:
        return []
    resolved = _resolve(g, atoms, text)
    chains = [g.chains[p.code] for p in resolved]
    taken = [(a.start, a.end) for a in atoms]
    return [
        (p.start if p.has_town else _town_start(text, start, p.start, taken), p.end, j)
        for p, j in zip(resolved, chains, strict=True)
        if not any(len(o) > len(j) and o[: len(j)] == j for o in chains)  # "France" after "Paris, …"
    ]


def _town_start(text: str, span_start: int, start: int, taken: list[tuple[int, int]]) -> int:
    """Where "Castle Rock, CO" starts when only "CO" was known: the town's words before it, filler words left out."""
    m = _TOWN_BEFORE.search(text, max(span_start, start - 60), start)
    if m is None or any(t0 < start and m.start(1) < t1 for t0, t1 in taken):
        return start
    if text[span_start : m.start(1)].rstrip().endswith(","):
        return start  # "… Bulgaria, Vietnam, Italy": a list of countries, not a town in Italy
    s = m.start(1)
    words = _settings().line_words
    while (w := _WORD.match(text, s)) is not None and w.group().lower() in words:
        nxt = _NON_SPACE.search(text, w.end(), start)
        if nxt is None or text[nxt.start()] == ",":
            break
        s = nxt.start()
    return s


# --- the posting ------------------------------------------------------------------

_PLACES: StoreKey[tuple[JobPlace, ...]] = StoreKey("job places")


def job_places(posting: Posting) -> tuple[JobPlace, ...]:
    """The places the posting names for its job, in text order, each jurisdiction once (its first mention).

    A front matter location, `Location:` field, location heading or header
    line says where the job is; sentences elsewhere ("offices in Paris, New
    York and Lisbon" in the company blurb) are then not read. Addresses and
    remote phrases always are. A public employer's name and a government web
    domain are read only when nothing else names a place. Computed once per
    posting.
    """
    return posting.facts.compute(_PLACES, lambda: _job_places(posting))


def _job_places(posting: Posting) -> tuple[JobPlace, ...]:
    g, st = _gazetteer(), _settings()
    in_other_jobs = _other_jobs_test(posting)
    remote = _remote_phrase_places(posting, st)
    skip = [(p.start, p.end) for p in remote]
    found, explicit = _front_matter_places(posting, g, st)
    for collect in (_field_places, _section_places, _header_places):
        more, says = collect(posting, g, st, in_other_jobs, skip)
        found += more
        explicit = explicit or says
    if not explicit:
        found += _cue_places(posting, g, st, skip)
    found += _address_places(posting, st)
    found += remote
    found = [p for p in found if not in_other_jobs(p.start)]
    if all(p.jurisdictions == ("US",) for p in found):  # nothing below the country, and no other country
        found += [p for p in _public_employer_places(posting, g, st) if not in_other_jobs(p.start)]
    return _first_of_each(found)


def _first_of_each(found: list[JobPlace]) -> tuple[JobPlace, ...]:
    """One place per jurisdiction (and remote or not), its first mention, in text order.

    A country named beside a remote scope of that country ("country: US" with
    "remote: true", "United States" and "Remote (US)") is that scope.
    """
    first: dict[tuple[tuple[str, ...], bool], JobPlace] = {}
    for p in sorted(found, key=lambda p: (p.start, -p.end)):
        first.setdefault((p.jurisdictions, p.remote), p)
    return tuple(
        sorted(
            (p for (j, remote), p in first.items() if remote or (j, True) not in first or _below_country(j)),
            key=lambda p: p.start,
        )
    )


def _below_country(jurisdictions: tuple[str, ...]) -> bool:
    """A state, province or city rather than a country or the EU."""
    return "-" in jurisdictions[-1]


def _place(
    posting: Posting, s: int, e: int, jurisdictions: tuple[str, ...], evidence: str, remote: bool = False
) -> JobPlace:
    name = " ".join(posting.text[s:e].split()).strip(" ,;:(")
    return JobPlace(name, jurisdictions, evidence, s, e, remote)


def _other_jobs_test(posting: Posting) -> Callable[[int], bool]:
    """ "Is this offset inside a list of other jobs?", the lists looked for on the first question (most ask none)."""
    lists: list[list[tuple[int, int]]] = []

    def in_other_jobs(offset: int) -> bool:
        if not lists:
            lists.append(job_list_spans(posting))
        return inside(lists[0], offset)

    return in_other_jobs


def _spans_to_places(
    posting: Posting,
    g: _Gazetteer,
    text: str,
    spans: Iterable[tuple[int, int]],
    evidence: str,
    field: bool,
    skip: list[tuple[int, int]],
) -> list[JobPlace]:
    return [
        _place(posting, s, e, j, evidence) for s0, e0 in spans for s, e, j in _places_in(g, text, s0, e0, field, skip)
    ]


# front matter


def _front_matter_spans(posting: Posting, st: _Settings) -> list[tuple[int, int]]:
    """Value spans of location keys in the front matter block, nested ones included."""
    spans: list[tuple[int, int]] = []
    text = posting.text[: posting.front_matter_end]
    key_indent: int | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        indent = len(body) - len(body.lstrip())
        m = re.match(r"\s*(?:-\s+)?([A-Za-z_][\w -]*?)\s*:(?:\s|$)(.*)", body)
        nested = key_indent is not None and body.strip() and (indent > key_indent or body.lstrip().startswith("- "))
        if nested and (not m or indent > key_indent):
            spans.append((pos + indent, pos + len(body)))
            pos += len(line)
            continue
        key_indent = None
        if m and m.group(1).strip().lower() in st.fm_keys:
            key_indent = indent
            spans.append((pos + m.start(2), pos + len(body)))
        pos += len(line)
    return spans


def _flat(fm: dict) -> dict:
    """Front matter with one level of nesting lifted (`position: {location: …}`)."""
    out = dict(fm)
    for value in fm.values():
        if isinstance(value, dict):
            for k, v in value.items():
                out.setdefault(k, v)
    return out


def _scope_of(st: _Settings, name: str) -> tuple[str, ...] | None:
    name = name.strip().strip("\"'").rstrip(".")
    return st.scopes.get(name) or st.scopes.get(_key(name))


def _front_matter_places(posting: Posting, g: _Gazetteer, st: _Settings) -> tuple[list[JobPlace], bool]:
    """Places in the front matter's location values, and whether one names a place: the file's own word for where."""
    text = posting.text
    found: list[JobPlace] = []
    explicit = False
    for s, e in _front_matter_spans(posting, st):
        explicit = explicit or _states_a_place(text[s:e], st)
        remote = [
            _remote_place(posting, st, m, FRONT_MATTER) for m in st.remote.pattern.finditer(posting, s, e, raw=True)
        ]
        found += [p for p in remote if p is not None]
        found += _spans_to_places(posting, g, text, [(s, e)], FRONT_MATTER, True, [(p.start, p.end) for p in found])
        scope = _scope_of(st, text[s:e])
        if scope and re.match(r"\s*remote", text[max(0, s - 10) : s], re.IGNORECASE):  # `remote: US`
            found.append(_place(posting, s, e, scope, FRONT_MATTER, remote=True))
    found += _front_matter_remote(posting, st)
    return found, explicit


def _front_matter_remote(posting: Posting, st: _Settings) -> list[JobPlace]:
    """`remote: true` with `country: US` means remote anywhere in that country."""
    fm = _flat(posting.front_matter or {})
    flag = fm.get("remote")
    is_remote = flag is True or (isinstance(flag, str) and flag.strip().lower() in ("yes", "true", "fully remote"))
    country = fm.get("country")
    if not is_remote or not isinstance(country, str):
        return []
    scope = _scope_of(st, country)
    if not scope:
        return []
    m = re.search(r"^[ \t]*(remote\s*:.*)$", posting.text[: posting.front_matter_end], re.MULTILINE | re.IGNORECASE)
    start, end = (m.start(1), m.end(1)) if m else (0, 0)
    return [JobPlace(posting.text[start:end] or country, scope, FRONT_MATTER, start, end, True)]


def _states_a_place(value: str, st: _Settings) -> bool:
    """A location value that names somewhere, not just "Remote" or "Hybrid"."""
    return any(w.lower() not in st.line_words for w in _WORD.findall(value))


# fields, sections and the header


def _field_places(
    posting: Posting, g: _Gazetteer, st: _Settings, in_other_jobs: Callable[[int], bool], skip: list[tuple[int, int]]
) -> tuple[list[JobPlace], bool]:
    """Places in `Location:` fields of the body, and whether one names a place: a field says where the job is."""
    analysis = posting.analysis
    spans = []
    explicit = False
    for label, v0, v1 in _fields(posting, st):
        if _key(label.strip("*_ ")) in st.labels and not in_other_jobs(v0):
            explicit = explicit or _states_a_place(analysis[v0:v1], st)
            spans.append((v0, v1))
    return _spans_to_places(posting, g, analysis, spans, LOCATION_FIELD, True, skip), explicit


def _fields(posting: Posting, st: _Settings) -> list[tuple[str, int, int]]:
    """`Label: value` lines: (label, value start, value end).

    The parser's fields, and every line that starts with a location label
    whatever the parser made of it: a list item ("- Location: Hartford, CT"),
    or a line it joined to the next as wrapped text.
    """
    out = [(label, v0, v1) for label, _l0, _l1, v0, v1 in posting.fields]
    seen = {v0 for _label, v0, _v1 in out}
    for m in st.label_lines.finditer_lines(posting, raw=True):
        if m.start("value") not in seen:
            out.append((m.group("label"), m.start("value"), m.end("value")))
    return out


def _heading_is_place(text: str, st: _Settings) -> bool:
    """A heading such as "San Francisco, CA" or "Remote - US": only capitalised words and fillers."""
    words = _WORD.findall(text)
    if not words or len(words) > 8:
        return False
    return all(w[0].isupper() or w.lower() in st.line_words for w in words)


def _first_line(source: str, start: int, end: int) -> tuple[int, int]:
    """The first non-blank line of source[start:end] (a location section's value)."""
    seg = source[start:end]
    stripped = seg.lstrip()
    s = start + len(seg) - len(stripped)
    nl = source.find("\n", s, end)
    return s, min(nl if nl != -1 else end, s + SECTION_WINDOW)


def _section_places(
    posting: Posting, g: _Gazetteer, st: _Settings, in_other_jobs: Callable[[int], bool], skip: list[tuple[int, int]]
) -> tuple[list[JobPlace], bool]:
    """Places in location sections and in headings that are a place; and whether one says where.

    A location section ("## Location", "Location: Hamburg or Berlin") and a
    place heading ("San Francisco, CA") state the job's place. The title is
    read with the header lines.
    """
    analysis = posting.analysis
    found: list[JobPlace] = []
    explicit = False
    for sec in posting.sections:
        kind = _heading_kind(posting, st, sec)
        if kind is None or in_other_jobs(sec.heading_start):
            continue
        heading = [(sec.heading_start, sec.heading_end)]
        if kind == "label":
            value = analysis[sec.heading_start : sec.heading_end].partition(":")[2]
            if value.strip():
                explicit = explicit or _states_a_place(value, st)
            else:  # the value is the section's first line
                s, e = _first_line(analysis, sec.body_start, sec.body_end)
                explicit = explicit or _states_a_place(analysis[s:e], st)
                heading.append((s, e))
            found += _spans_to_places(posting, g, analysis, heading, LOCATION_HEADING, True, skip)
        else:
            places = _place_line(posting, g, st, sec.heading_start, sec.heading_end, skip, LOCATION_HEADING)
            explicit = explicit or bool(places)
            found += places
    return found, explicit


def _heading_kind(posting: Posting, st: _Settings, sec: Section) -> str | None:
    """ "label" (a location section), "place" (a heading that is a place), or None (the title and the rest)."""
    if sec.style in ("inline", "preamble"):
        return None
    if posting.title_span and sec.heading_start == posting.title_span[0]:
        return None
    heading = posting.analysis[sec.heading_start : sec.heading_end]
    label = heading.partition(":")[0]
    if _key(label.strip(" *_#")) in st.labels:  # "Location", "Location: Hamburg or Berlin"
        return "label"
    if _heading_is_place(heading, st):
        return "place"
    return None


def _header_places(
    posting: Posting, g: _Gazetteer, st: _Settings, in_other_jobs: Callable[[int], bool], skip: list[tuple[int, int]]
) -> tuple[list[JobPlace], bool]:
    """Places in the title ("Data Engineer, Denver") and in the place lines right under it; and whether a line says where.

    The title is read like prose (titles name other things too) and says
    where only in part: it does not stop the prose from being read, as a
    line under it does ("Seattle, WA (on-site)", "Berlin, Germany · Hybrid").
    A line counts only when a part of it between separators is nothing but
    a place and words such as "Remote", "Hybrid", "Full-time".
    """
    if not posting.title_span:
        return [], False
    analysis = posting.analysis
    t0, t1 = posting.title_span
    found: list[JobPlace] = []
    if not st.ignore.search(_sentence(analysis, t0)):
        found += _spans_to_places(posting, g, analysis, [(t0, t1)], HEADER_LINE, False, skip)
    fields = {f[3] for f in posting.fields} | {f[1] for f in posting.fields}
    explicit = False
    for s, e in _lines_after(analysis, t1, HEADER_LINES):
        line = analysis[s:e]
        if len(line.strip()) > HEADER_LINE_CHARS:
            break
        if _FIELD_LIKE.match(line) or s in fields or st.ignore.search(_sentence(analysis, s)):
            continue
        places = _place_line(posting, g, st, s, e, skip, HEADER_LINE)
        found += places
        explicit = explicit or bool(places)
    return found, explicit


def _lines_after(text: str, pos: int, count: int) -> list[tuple[int, int]]:
    """The next `count` non-blank lines after the line holding `pos`: (start, end) without the line break."""
    out: list[tuple[int, int]] = []
    nl = text.find("\n", pos)
    while nl != -1 and len(out) < count:
        s = nl + 1
        nl = text.find("\n", s)
        e = nl if nl != -1 else len(text)
        if text[s:e].strip():
            out.append((s, e))
    return out


def _place_line(
    posting: Posting, g: _Gazetteer, st: _Settings, s: int, e: int, skip: list[tuple[int, int]], evidence: str
) -> list[JobPlace]:
    """The places of a line whose parts between separators are each a place or filler words ("Remote", "Hybrid").

    "ABOUT US" and "Georgia Tech alumni" are not place lines.
    """
    analysis = posting.analysis
    cuts = [s, *(i for m in _SEPARATORS.finditer(analysis, s, e) for i in (m.start(), m.end())), e]
    out: list[JobPlace] = []
    for p0, p1 in zip(cuts[::2], cuts[1::2], strict=False):
        places = _places_in(g, analysis, p0, p1, True, skip)
        rest = list(analysis[p0:p1])
        for a, b in [*((ps, pe) for ps, pe, _ in places), *skip]:
            for i in range(max(a, p0), min(b, p1)):
                rest[i - p0] = " "
        if places and all(w.lower() in st.line_words for w in _WORD.findall("".join(rest))):
            out += [_place(posting, ps, pe, j, evidence) for ps, pe, j in places]
    return out


# prose


def _sentence(source: str, offset: int) -> str:
    """The paragraph line around `offset` (analysis text joins soft-wrapped lines), for `location_ignore`.

    A line that ends in a comma runs on into the next one: pages saved from
    HTML split "Based in San Francisco, CA," from "Rippling has raised …".
    """
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    end = end if end != -1 else len(source)
    for _ in range(CONTINUED_LINES):
        if not source[start:end].rstrip().endswith(","):
            break
        following = _NON_SPACE.search(source, end)
        if following is None:
            break
        stop = source.find("\n", following.start())
        end = stop if stop != -1 else len(source)
    return " ".join(source[start:end].split())


def _sentence_span(source: str, offset: int) -> tuple[int, int]:
    """The sentence around `offset`: from the end of the one before to its own end, within its line."""
    line_start = source.rfind("\n", 0, offset) + 1
    start = line_start
    for m in _SENTENCE_END.finditer(source, line_start, offset):
        start = m.end()
    end = _SENTENCE_END.search(source, offset)
    return start, end.start() if end else len(source)


def _cue_places(posting: Posting, g: _Gazetteer, st: _Settings, skip: list[tuple[int, int]]) -> list[JobPlace]:
    """Places in sentences after a location cue ("based in Seattle"), read only when nothing states the place.

    The offices a remote-first company names ("offices in Seattle and
    Paris") are not where its remote job is.
    """
    source = posting.analysis
    spans = []
    remote_first: list[bool] = []
    for m in st.cues.finditer(posting):
        if st.ignore.search(_sentence(source, m.start())):
            continue
        if m.group().lower().startswith("office"):
            if not remote_first:
                remote_first.append(st.remote_first.search(posting) is not None)
            if remote_first[0]:
                continue
        s = m.end()
        stop = _SENTENCE_END.search(source, s, s + WINDOW)
        spans.append((s, stop.start() if stop else min(len(source), s + WINDOW)))
    return _spans_to_places(posting, g, source, spans, PROSE, False, skip)


def _address_places(posting: Posting, st: _Settings) -> list[JobPlace]:
    """The state of a US postal address ("Austin, TX 78701"): an office the job works from."""
    analysis = posting.analysis
    g = _gazetteer()
    found: list[JobPlace] = []
    for zip_code in _ZIP.finditer(analysis):  # a street address ends in a ZIP code: look back from each
        z = zip_code.start()
        if z < 2 or analysis[z - 1] not in " \t" or not analysis[z - 2].isalpha():
            continue  # "WA 98104", "Ohio 44077": right after a word
        m = st.address.search(analysis, max(0, z - ADDRESS_REACH), z)
        if m is None or st.ignore.search(_address_block(analysis, m.start())):
            continue
        state = m.group("state")
        code = g.codes[state][0].code if state in g.codes else g.state_names.get(_key(state))
        if code:
            found.append(_place(posting, m.start(), m.end("state"), g.chains[code], ADDRESS))
    return found


def _address_block(source: str, offset: int) -> str:
    """The line of an address and the lines above it that an address block spans ("NEOGOV / 2120 Park Place …")."""
    start = source.rfind("\n", 0, offset)
    for _ in range(ADDRESS_LINES):
        if start <= 0:
            break
        start = source.rfind("\n", 0, start)
    return _sentence(source, offset) + " " + source[start + 1 : offset]


def _remote_phrase_places(posting: Posting, st: _Settings) -> list[JobPlace]:
    """Remote phrases that say where ("Remote (US)", "anywhere in the EU"): the job may be done anywhere in it.

    Looked for only around the words a phrase needs ("remote", "anywhere", "open to").
    """
    found: list[JobPlace] = []
    fm_end = posting.front_matter_end
    for m in st.remote.finditer(posting, fm_end):
        if m.start() >= fm_end and not st.ignore.search(_sentence(posting.analysis, m.start())):
            place = _remote_place(posting, st, m, REMOTE_SCOPE)
            if place is not None:
                found.append(place)
    return found


def _remote_place(posting: Posting, st: _Settings, m: re.Match[str], evidence: str) -> JobPlace | None:
    """The remote scope of a remote phrase; "open to candidates in …" and "anywhere in …" name a country or the EU."""
    scope = _scope_of(st, m.group("scope"))
    if not scope:
        return None
    lead = (m.group("lead") or "").lower()
    if "-" in scope[-1]:  # a state: "Remote - Colorado", "Colorado (remote)", "anywhere in Colorado"
        if lead.startswith(("open", "available")):
            return None  # "open to candidates in Colorado": a place, read as prose
        if _STATE_CODE.fullmatch(m.group("scope")) and not lead.startswith("remote"):
            return None  # a code only as "Remote - CA"
    return _place(posting, m.start(), m.end(), scope, evidence, remote=True)


# the employer


def _public_employer_places(posting: Posting, g: _Gazetteer, st: _Settings) -> list[JobPlace]:
    """A public employer's state: its web domain ("placer.ca.gov") and its name ("County of Placer").

    Read when nothing names a place below a country. A county name several
    states share ("Washington County") counts only with one of them named
    near it or in a government domain of the posting. The company-base
    exception of the prose does not hold here: a county's or a state's jobs
    are where it is.
    """
    domains = _domain_places(posting, g)
    domain_states = {p.jurisdictions[-1] for p in domains}
    found = list(domains)
    text = posting.analysis
    prefixed, bodies, cities = st.employer
    for m in (*prefixed.finditer(posting), *bodies.finditer(posting)):
        code = g.state_names.get(_key(m.group("state")))
        if code and not st.employer_ignore.search(text, *_sentence_span(text, m.start())):
            found.append(_place(posting, m.start(), m.end(), g.chains[code], EMPLOYER_NAME))
    for m in cities.finditer(posting):
        if st.employer_ignore.search(text, *_sentence_span(text, m.start())):
            continue
        code = _city_state(g, m.group("city"), text, m.start(), m.end(), domain_states)
        if code:
            found.append(_place(posting, m.start(), m.end("city"), g.chains[code], EMPLOYER_NAME))
    for atom in _county_atoms(g, text, g.county.finditer(posting)):
        if st.employer_ignore.search(text, *_sentence_span(text, atom.start)):
            continue
        states = {m.code for m in atom.meanings}
        if len(states) > 1:
            states &= _states_near(g, text, atom.start, atom.end) | domain_states
        if len(states) == 1:
            found.append(_place(posting, atom.start, atom.end, g.chains[states.pop()], EMPLOYER_NAME))
    return found


def _city_state(g: _Gazetteer, city: str, text: str, start: int, end: int, domain_states: set[str]) -> str | None:
    """ "City of Seattle": a known US city; "City of Naples, Florida": the one state named near it."""
    words = city.split()
    for n in range(len(words), 0, -1):
        for m in g.meanings.get(_key(" ".join(words[:n])), ()):
            if m.kind == CITY and m.code.startswith("US-") and not m.with_state:
                return m.code
    states = _states_near(g, text, start, end) | domain_states
    return states.pop() if len(states) == 1 else None


def _states_near(g: _Gazetteer, text: str, start: int, end: int) -> set[str]:
    """US states named within NEARBY characters of an employer name, in its paragraph."""
    lo = max(text.rfind("\n\n", 0, start) + 1, start - NEARBY)
    hi = text.find("\n\n", end)
    hi = min(hi if hi != -1 else len(text), end + NEARBY)
    out: set[str] = set()
    for _s, _e, j in _places_in(g, text, lo, hi, False):
        state = next((c for c in j if c.startswith("US-") and c.count("-") == 1), None)
        if state:
            out.add(state)
    return out


def _domain_places(posting: Posting, g: _Gazetteer) -> list[JobPlace]:
    """Government web domains that name a state: "placer.ca.gov", "elections.texas.gov", "co.pinal.az.us"."""
    st = _settings()
    text = posting.text
    found: list[JobPlace] = []
    for tld in st.web_tlds:
        for m in tld.finditer(posting, raw=True):
            if _DOMAIN_CHAR.match(text, m.end()):
                continue  # ".gov" of ".government", ".us" of ".usa"
            name = _DOMAIN_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if name is None:
                continue
            code = _domain_state(g, st, (name.group() + text[m.start() : m.end()]).lower())
            if code:
                found.append(_place(posting, name.start(), m.end(), g.chains[code], WEB_DOMAIN))
    return found


def _domain_state(g: _Gazetteer, st: _Settings, domain: str) -> str | None:
    labels = domain.split(".")
    if len(labels) < 2:
        return None
    registered = ".".join(labels[-2:])
    if labels[-1] == "us":  # "co.pinal.az.us", "sos.state.tx.us"
        return _us_code(g, labels[-2])
    if registered in st.not_web_domains:
        return None
    if registered in st.web_domains:
        return st.web_domains[registered]
    second = labels[-2]
    if len(second) == 2:  # "placer.ca.gov", "sos.wa.gov"
        return _us_code(g, second)
    by_name = g.state_names.get(second)
    if by_name is None:
        by_name = next((c for k, c in g.state_names.items() if k.replace(" ", "") == second), None)
    if by_name:
        return by_name
    m = re.fullmatch(r"[a-z]+county([a-z]{2})", second)  # "piercecountywa.gov"
    return _us_code(g, m.group(1)) if m else None


def _us_code(g: _Gazetteer, code: str) -> str | None:
    meanings = g.codes.get(code.upper(), ())
    return next((m.code for m in meanings if m.code.startswith("US-")), None)


# --- laws -------------------------------------------------------------------------


def laws_of(place: JobPlace) -> tuple[laws.Law, ...]:
    """The laws that hold where the place is, the most specific first.

    A law holds at a place inside its jurisdiction (a Brooklyn job is under
    New York City's law and New York State's). At a remote scope it also
    holds when its jurisdiction lies inside the scope and the law covers
    remote work (`remote: covered`): a job remote anywhere in the US is open
    to Colorado.
    """
    chains = _gazetteer().chains
    held = []
    inner = []
    for law in laws.load():
        if law.jurisdiction in place.jurisdictions:
            held.append(law)
        elif place.remote and law.remote == "covered" and place.jurisdictions[-1] in chains.get(law.jurisdiction, ()):
            inner.append(law)
    held.sort(key=lambda law: -place.jurisdictions.index(law.jurisdiction))
    inner.sort(key=lambda law: law.id)
    return (*held, *inner)


def laws_for(places: Iterable[JobPlace], as_of: dt.date | None = None) -> dict[str, JobPlace]:
    """Law id -> the first place that brings it in (a named place before a remote scope), for laws in force on `as_of`."""
    out: dict[str, JobPlace] = {}
    for place in sorted(places, key=lambda p: (p.remote, p.start)):
        for law in laws_of(place):
            if law.id not in out and (as_of is None or law.in_force(as_of)):
                out[law.id] = place
    return out
