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
  read only when nothing else names a place below the country.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from jdlint.facts import laws
from jdlint.facts.pages import inside, job_list_spans
from jdlint.facts.place_names import (
    CITY,
    EU,
    TOWN,
    Anchored,
    Gazetteer,
    anchor_words,
    case_sensitive,
    county_atoms,
    gazetteer,
    name_key,
    phrase_regex,
    place_data,
    places_in,
    trie,
    us_codes,
    us_state_names,
)
from jdlint.match import AnyPattern, Pattern, lazy_compile
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

WINDOW = 160  # characters of a sentence read after a location cue
SECTION_WINDOW = 400  # characters of a location section's body read
CONTINUED_LINES = 2  # lines ending in a comma that a sentence may run on over
HEADER_LINES = 4  # non-blank lines under the title that may state the place
HEADER_LINE_CHARS = 100  # a longer line is prose, not a place line
ADDRESS_LINES = 3  # lines above an address that belong to its block (the addressee, the street)
ADDRESS_REACH = 120  # characters of "Town, State" before a ZIP code
REMOTE_REACH = 90  # characters a remote phrase runs before or after its "remote" / "anywhere" / "open to"
STATE_NAME_REACH = 40  # characters from a state body's first word to the ends of "Rhode Island's Secretary of State"
CITY_NAME_REACH = 70  # characters from "City" to the end of "City and County of San Francisco"
NEARBY = 160  # characters either side of an employer name searched for its state
_NON_SPACE = re.compile(r"\S")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.(?=\s)|[\n;!?]")  # not the period of "D.C."
_STATE_CODE = re.compile(r"[A-Z]{2}")
_DOMAIN_BEFORE = re.compile(r"(?<![\w.-])(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$")  # the labels before ".gov"
_DOMAIN_CHAR = re.compile(r"[\w-]")
_ZIP = re.compile("[0-9]" * 5)  # five classes, not `{5}`: `re` then skips on to the next digit
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_SEPARATORS = re.compile(r"\s[-–—|·•/]\s|[·•|()\[\]]")
_FIELD_LIKE = re.compile(r"^\W*[A-Za-z][\w /&-]{0,30}:\s")


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


# --- where a posting says where its job is (rules/shared/places.yaml) ------------


@dataclass(frozen=True)
class _Settings:
    """The patterns of the evidence, built once per process (`_settings()`)."""

    cues: Pattern
    ignore: AnyPattern  # each phrasing looked for only near its own words: one alternation tries them all everywhere
    labels: frozenset[str]
    label_lines: Pattern
    fm_keys: frozenset[str]
    line_words: frozenset[str]
    remote_first: Pattern
    remote: Anchored
    scopes: dict[str, tuple[str, ...]]  # scope name key (or short name as written) -> jurisdictions
    address: Pattern
    employer: tuple[Anchored, ...]
    employer_ignore: re.Pattern[str]
    web_tlds: tuple[Pattern, ...]
    web_domains: dict[str, str]
    not_web_domains: frozenset[str]


@cache
def _settings() -> _Settings:
    """The evidence patterns, built on first use."""
    raw = place_data()
    g = gazetteer()
    scopes, remote = _remote_pattern(raw, g)
    labels = raw.get("location_labels") or ()
    return _Settings(
        cues=Pattern(r"\b(?:" + "|".join(raw.get("location_cues") or ["$^"]) + r")\s", re.IGNORECASE),
        ignore=AnyPattern(raw.get("location_ignore") or ["$^"], re.IGNORECASE),
        labels=frozenset(name_key(lbl) for lbl in labels),
        # lines read whatever the parser made of them: those of the labels that hold "location"
        label_lines=Pattern(
            r"^[ \t>*_•-]*(?P<label>"
            + trie(str(lbl) for lbl in labels if "location" in str(lbl).lower())
            + r")[ \t*_]*:[ \t*_]*(?P<value>[^\s*_][^\n]*)$",
            re.IGNORECASE | re.MULTILINE,
        ),
        fm_keys=frozenset(str(k).lower() for k in raw.get("front_matter_keys") or ()),
        line_words=g.filler,
        remote_first=Pattern("|".join(f"(?:{p})" for p in raw.get("remote_first") or ["$^"]), re.IGNORECASE),
        remote=Anchored(remote, anchor_words("remote", "anywhere", "open", "available"), (REMOTE_REACH, REMOTE_REACH)),
        scopes=scopes,
        address=Pattern(rf"\b{TOWN},[ \t]*(?P<state>{trie(us_codes(raw))}|{trie(us_state_names(raw))})[ \t]+$"),
        employer=_employer_patterns(raw),
        employer_ignore=lazy_compile("|".join(raw.get("employer_ignore") or ["$^"]), re.IGNORECASE),
        web_tlds=anchor_words(".gov", ".us"),
        web_domains={str(k).lower(): str(v) for k, v in (raw.get("web_domains") or {}).items()},
        not_web_domains=frozenset(str(d).lower() for d in raw.get("not_web_domains") or ()),
    )


def _remote_pattern(raw: dict, g: Gazetteer) -> tuple[dict[str, tuple[str, ...]], Pattern]:
    """Remote phrases that say where, and what each place they may name resolves to.

    "Remote (US)", "US-based remote", "anywhere in the EU", "open to
    candidates anywhere in Canada", German "remote innerhalb der EU",
    "Remote aus Deutschland"; a state too ("Remote - Colorado"), its
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
    codes = us_codes(raw)
    for c in codes:
        scopes.setdefault(c, g.chains[f"US-{c}"])
    at_end = rf"(?-i:{trie(codes)})(?=[ \t]*(?:[)\]|,;·•\n]|$))"
    separators = r"[ \t]*(?:[-–—:,/|(][ \t]*)*"  # on one line: "Portugal\n\nRemote Status: Hybrid" is no scope
    lead = (
        rf"(?P<lead>remote{separators}(?:(?:in|within|from|across|only in|innerhalb|aus|in ganz)\s+)?"
        r"|anywhere\s+(?:in|within|across)\s+"
        r"|(?:open|available)\s+to\s+(?:candidates|applicants|anyone|people)\s+(?:located\s+|based\s+|living\s+)?"
        r"(?:anywhere\s+)?(?:in|within|across)\s+)?"
    )
    pattern = Pattern(
        rf"(?<![\w-]){lead}(?:(?:the|der|dem)\s+)?(?P<scope>{trie(names)}|{at_end})(?!\w)"
        rf"(?(lead)(?:\s*\))?|{separators}(?:based\s+)?(?:\(\s*)?remote\b(?:\s*\))?)",
        re.IGNORECASE,
    )
    return scopes, pattern


def _scope_key(name: str) -> str:
    """A remote scope's name as looked up (short abbreviations as written)."""
    return name.rstrip(".") if case_sensitive(name) else name_key(name)


def _employer_patterns(raw: dict) -> tuple[Anchored, ...]:
    """ "State of Oregon", "California Secretary of State", "City of Austin": a public employer's name.

    Each is looked for only around its own words ("State of", the body's
    first word, "City").
    """
    states = trie(us_state_names(raw))
    bodies = raw.get("state_bodies") or ()
    prefixes = raw.get("state_prefixes") or ()
    first_words = sorted({re.match(r"[A-Za-z]+", b).group() for b in bodies})  # type: ignore[union-attr]
    return (
        Anchored(
            Pattern(rf"\b(?:{'|'.join(phrase_regex(p) for p in prefixes)})\s+(?P<state>{states})\b"),
            anchor_words(*(p.split()[0] for p in prefixes)),
            (0, STATE_NAME_REACH),
        ),
        Anchored(
            Pattern(rf"\b(?P<state>{states})(?:'s|’s)?\s+(?:{'|'.join(f'(?:{b})' for b in bodies)})"),
            anchor_words(*first_words),
            (STATE_NAME_REACH, STATE_NAME_REACH),
        ),
        Anchored(
            Pattern(
                r"\bCity[ \t]+(?:and[ \t]+County[ \t]+)?of[ \t]+"
                r"(?P<city>(?:St\.[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
            ),
            anchor_words("city"),
            (0, CITY_NAME_REACH),
        ),
    )


# --- the posting ------------------------------------------------------------------

_PLACES: StoreKey[tuple[JobPlace, ...]] = StoreKey("job places")


def job_places(posting: Posting) -> tuple[JobPlace, ...]:
    """The places the posting names for its job, in text order, each jurisdiction once (its first mention).

    A front matter location, `Location:` field, location heading or header
    line says where the job is; sentences elsewhere ("offices in Paris, New
    York and Lisbon" in the company blurb) are then not read. Addresses and
    remote phrases always are. A public employer's name and a government web
    domain are read only when nothing names a place below the country.
    Computed once per posting, kept in `posting.facts`.
    """
    return posting.facts.compute(_PLACES, lambda: _job_places(posting))


def _job_places(posting: Posting) -> tuple[JobPlace, ...]:
    g, st = gazetteer(), _settings()
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
    """A place as written, markup left out ("**Remote**")."""
    name = " ".join(posting.analysis[s:e].split()).strip(" ,;:(") or " ".join(posting.text[s:e].split())
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
    g: Gazetteer,
    text: str,
    spans: Iterable[tuple[int, int]],
    evidence: str,
    field: bool,
    skip: list[tuple[int, int]],
) -> list[JobPlace]:
    return [
        _place(posting, s, e, j, evidence) for s0, e0 in spans for s, e, j in places_in(g, text, s0, e0, field, skip)
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
    """The jurisdictions a remote scope names ("US", "the EU", "Colorado"), or None."""
    name = name.strip().strip("\"'").rstrip(".")
    return st.scopes.get(name) or st.scopes.get(name_key(name))


def _front_matter_places(posting: Posting, g: Gazetteer, st: _Settings) -> tuple[list[JobPlace], bool]:
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
    posting: Posting, g: Gazetteer, st: _Settings, in_other_jobs: Callable[[int], bool], skip: list[tuple[int, int]]
) -> tuple[list[JobPlace], bool]:
    """Places in `Location:` fields of the body, and whether one names a place: a field says where the job is."""
    analysis = posting.analysis
    spans = []
    explicit = False
    for label, v0, v1 in _fields(posting, st):
        if name_key(label.strip("*_ ")) in st.labels and not in_other_jobs(v0):
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
    posting: Posting, g: Gazetteer, st: _Settings, in_other_jobs: Callable[[int], bool], skip: list[tuple[int, int]]
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
        if kind is None:
            continue
        if kind == "place":  # most such headings are words ("About Us"): the list test only for a place
            places = _place_line(posting, g, st, sec.heading_start, sec.heading_end, skip, LOCATION_HEADING)
            if places and not in_other_jobs(sec.heading_start):
                explicit = True
                found += places
            continue
        if in_other_jobs(sec.heading_start):
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
    return found, explicit


def _heading_kind(posting: Posting, st: _Settings, sec: Section) -> str | None:
    """ "label" (a location section), "place" (a heading that is a place), or None (the title and the rest)."""
    if sec.style in ("inline", "preamble"):
        return None
    if posting.title_span and sec.heading_start == posting.title_span[0]:
        return None
    return _heading_text_kind(posting.analysis[sec.heading_start : sec.heading_end])


@lru_cache(maxsize=1 << 12)
def _heading_text_kind(heading: str) -> str | None:
    """`_heading_kind` of a heading's text, kept: "Responsibilities" and "About Us" head most postings."""
    st = _settings()
    label = heading.partition(":")[0]
    if name_key(label.strip(" *_#")) in st.labels:  # "Location", "Location: Hamburg or Berlin"
        return "label"
    if _heading_is_place(heading, st):
        return "place"
    return None


def _header_places(
    posting: Posting, g: Gazetteer, st: _Settings, in_other_jobs: Callable[[int], bool], skip: list[tuple[int, int]]
) -> tuple[list[JobPlace], bool]:
    """Places in the title ("Data Engineer, Denver") and in the place lines under it; and whether a line says where.

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
    explicit = False
    for s, e in _lines_after(analysis, t1, HEADER_LINES):
        line = analysis[s:e]
        if len(line.strip()) > HEADER_LINE_CHARS:
            break
        if _FIELD_LIKE.match(line) or _starts_field(posting, s) or st.ignore.search(_sentence(analysis, s)):
            continue
        places = _place_line(posting, g, st, s, e, skip, HEADER_LINE)
        found += places
        explicit = explicit or bool(places)
    return found, explicit


def _starts_field(posting: Posting, offset: int) -> bool:
    """Does a field's label or value start at `offset`?"""
    return any(f[1] == offset or f[3] == offset for f in posting.fields)


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
    posting: Posting, g: Gazetteer, st: _Settings, s: int, e: int, skip: list[tuple[int, int]], evidence: str
) -> list[JobPlace]:
    """The places of a line whose parts between separators are each a place or filler words ("Remote", "Hybrid").

    "ABOUT US" and "Georgia Tech alumni" are not place lines.
    """
    analysis = posting.analysis
    cuts = [s, *(i for m in _SEPARATORS.finditer(analysis, s, e) for i in (m.start(), m.end())), e]
    out: list[JobPlace] = []
    for p0, p1 in zip(cuts[::2], cuts[1::2], strict=False):
        places = places_in(g, analysis, p0, p1, True, skip)
        if not places:
            continue
        rest = list(analysis[p0:p1])
        for a, b in [*((ps, pe) for ps, pe, _ in places), *skip]:
            for i in range(max(a, p0), min(b, p1)):
                rest[i - p0] = " "
        if all(w.lower() in st.line_words for w in _WORD.findall("".join(rest))):
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


def _cue_places(posting: Posting, g: Gazetteer, st: _Settings, skip: list[tuple[int, int]]) -> list[JobPlace]:
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
    g = gazetteer()
    found: list[JobPlace] = []
    for zip_code in _ZIP.finditer(analysis):  # a street address ends in a ZIP code: look back from each
        z = zip_code.start()
        if z < 2 or analysis[z - 1] not in " \t" or not analysis[z - 2].isalpha():
            continue  # "WA 98104", "Ohio 44077": right after a word
        m = st.address.search(analysis, max(0, z - ADDRESS_REACH), z)
        if m is None or st.ignore.search(_address_block(analysis, m.start())):
            continue
        state = m.group("state")
        code = g.codes[state][0].code if state in g.codes else g.state_names.get(name_key(state))
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


def _public_employer_places(posting: Posting, g: Gazetteer, st: _Settings) -> list[JobPlace]:
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
        code = g.state_names.get(name_key(m.group("state")))
        if code and not st.employer_ignore.search(text, *_sentence_span(text, m.start())):
            found.append(_place(posting, m.start(), m.end(), g.chains[code], EMPLOYER_NAME))
    for m in cities.finditer(posting):
        if st.employer_ignore.search(text, *_sentence_span(text, m.start())):
            continue
        code = _city_state(g, m.group("city"), text, m.start(), m.end(), domain_states)
        if code:
            found.append(_place(posting, m.start(), m.end("city"), g.chains[code], EMPLOYER_NAME))
    for atom in county_atoms(g, text, g.county.finditer(posting)):
        if st.employer_ignore.search(text, *_sentence_span(text, atom.start)):
            continue
        states = {m.code for m in atom.meanings}
        if len(states) > 1:
            states &= _states_near(g, text, atom.start, atom.end) | domain_states
        if len(states) == 1:
            found.append(_place(posting, atom.start, atom.end, g.chains[states.pop()], EMPLOYER_NAME))
    return found


def _city_state(g: Gazetteer, city: str, text: str, start: int, end: int, domain_states: set[str]) -> str | None:
    """ "City of Seattle": a known US city; "City of Naples, Florida": the one state named near it."""
    words = city.split()
    for n in range(len(words), 0, -1):
        for m in g.meanings.get(name_key(" ".join(words[:n])), ()):
            if m.kind == CITY and m.code.startswith("US-") and not m.with_state:
                return m.code
    states = _states_near(g, text, start, end) | domain_states
    return states.pop() if len(states) == 1 else None


def _states_near(g: Gazetteer, text: str, start: int, end: int) -> set[str]:
    """US states named within NEARBY characters of an employer name, in its paragraph."""
    lo = max(text.rfind("\n\n", 0, start) + 1, start - NEARBY)
    hi = text.find("\n\n", end)
    hi = min(hi if hi != -1 else len(text), end + NEARBY)
    out: set[str] = set()
    for _s, _e, j in places_in(g, text, lo, hi, False):
        state = next((c for c in j if c.startswith("US-") and c.count("-") == 1), None)
        if state:
            out.add(state)
    return out


def _domain_places(posting: Posting, g: Gazetteer) -> list[JobPlace]:
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


def _domain_state(g: Gazetteer, st: _Settings, domain: str) -> str | None:
    """The US state a government domain names, if it names one."""
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


def _us_code(g: Gazetteer, code: str) -> str | None:
    """ "wa" -> "US-WA"; None when it is no state's code."""
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
    chains = gazetteer().chains
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
    """Law id -> the first place that brings it in (a named place before a remote scope), for laws in force then."""
    out: dict[str, JobPlace] = {}
    for place in sorted(places, key=lambda p: (p.remote, p.start)):
        for law in laws_of(place):
            if law.id not in out and (as_of is None or law.in_force(as_of)):
                out[law.id] = place
    return out
