"""Where a posting is open to: the places it names that a pay-transparency law covers.

A place name counts only where the posting says where the job is: location
fields in front matter, `Location:` lines, location sections and headings,
sentences such as "offices in Seattle" or "open to candidates in Colorado",
and remote phrases ("Remote (US)", "anywhere in the United States"). A
place mentioned anywhere else ("University of California alumni") does not.
Two-letter codes match only inside a location field or as "City, XX", since
CO, ME, MA, DE and the like are also ordinary words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from jdlint.facts import laws
from jdlint.facts.pages import inside, job_list_spans
from jdlint.match import Pattern
from jdlint.model.posting import Posting, Section

FIELD, PROSE = "field", "prose"
WINDOW = 160  # characters of a sentence read after a location cue
SECTION_WINDOW = 400  # characters of a location section's body read
CONTINUED_LINES = 2  # lines ending in a comma that a sentence may run on over
_CITY = r"[A-Z][A-Za-z.'’-]+(?:[ -][A-Z][A-Za-z.'’-]+){0,3}"
_NON_SPACE = re.compile(r"\S")
_FIVE_DIGITS = re.compile(r"\d{5}")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_HEADING_FILLER = frozenset(
    {
        *("remote", "hybrid", "onsite", "on-site", "office", "offices", "or", "and", "in", "based", "location"),
        *("locations", "within", "the", "only", "anywhere", "flexible", "first", "friendly", "work", "from"),
        *("home", "metro", "area", "greater", "region", "city", "county", "us", "usa"),
    }
)


@dataclass(frozen=True)
class Place:
    """One mention of a covered place: the law it brings in and where it was said."""

    law: str
    start: int
    end: int
    text: str
    remote: bool = False  # a country-wide remote phrase rather than a named place


def _phrase(name: str) -> str:
    """A name as a pattern: any run of spaces between words, a final period optional ("D.C.")."""
    return r"\s+".join(re.escape(w) for w in name.rstrip(".").split())


def _case_sensitive(name: str) -> bool:
    """Short abbreviations (SF, LA, NYC, GTA, NoVA, US) match only as written."""
    return len(name) <= 5 and sum(c.isupper() for c in name) >= 2


def _alternation(names: list[str]) -> str:
    return "|".join(_phrase(n) for n in sorted(set(names), key=len, reverse=True))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class _Tables:
    names_ci: re.Pattern | None
    names_cs: re.Pattern | None
    name_laws: dict[str, tuple[str, ...]]
    not_names: re.Pattern | None
    not_laws: dict[str, tuple[str, ...]]
    code_laws: dict[str, tuple[str, ...]]
    field_code: re.Pattern | None
    city_code: re.Pattern | None
    address: re.Pattern | None
    cues: Pattern
    ignore: re.Pattern
    labels: frozenset[str]
    fm_keys: frozenset[str]
    remote: Pattern
    country_of: dict[str, str]


@cache
def _tables() -> _Tables:
    settings = laws.settings()
    name_laws: dict[str, list[str]] = {}
    not_laws: dict[str, list[str]] = {}
    code_laws: dict[str, list[str]] = {}
    for law in laws.load():
        for n in law.names:
            n = n.rstrip(".")
            name_laws.setdefault(n if _case_sensitive(n) else _key(n), []).append(law.id)
        for n in law.not_names:
            not_laws.setdefault(_key(n.rstrip(".")), []).append(law.id)
        for c in law.codes:
            code_laws.setdefault(c, []).append(law.id)
    ci = [n for n in name_laws if not _case_sensitive(n)]
    cs = [n for n in name_laws if _case_sensitive(n)]
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    codes = "|".join(sorted(code_laws))
    country_of: dict[str, str] = {}
    for country, names in (settings.get("countries") or {}).items():
        for n in names:
            n = n.rstrip(".")
            country_of[n if _case_sensitive(n) else _key(n)] = str(country)
    countries = _alternation(list(country_of))

    def c(n: int) -> str:
        return rf"(?:the\s+)?(?P<country{n}>{countries})(?![\w-])"

    remote = Pattern(
        r"(?<![\w-])(?:"
        rf"remote\s*(?:[-–—:,/|(]\s*)*(?:(?:in|within|from|across|only in)\s+)?{c(1)}(?:\s*\))?"
        rf"|(?P<country2>{countries})\s*(?:[-–—:,/|(]\s*)*(?:based\s+)?(?:\(\s*)?remote\b"
        rf"|anywhere\s+(?:in|within|across)\s+{c(3)}"
        r"|(?:open|available)\s+to\s+(?:candidates|applicants|anyone|people)\s+(?:located\s+|based\s+|living\s+)?"
        rf"(?:anywhere\s+)?(?:in|within|across)\s+{c(4)}"
        ")",
        re.IGNORECASE,
    )
    return _Tables(
        names_ci=re.compile(bound.format(_alternation(ci)), re.IGNORECASE) if ci else None,
        names_cs=re.compile(bound.format(_alternation(cs))) if cs else None,
        name_laws={k: tuple(v) for k, v in name_laws.items()},
        not_names=re.compile(bound.format(_alternation(list(not_laws))), re.IGNORECASE) if not_laws else None,
        not_laws={k: tuple(v) for k, v in not_laws.items()},
        code_laws={k: tuple(v) for k, v in code_laws.items()},
        field_code=re.compile(rf"(?<![\w-])({codes})(?![\w-])") if codes else None,
        city_code=re.compile(rf"\b{_CITY},[ \t]*({codes})(?![\w-])") if codes else None,
        address=re.compile(rf"\b{_CITY},[ \t]*({codes})[ \t]+\d{{5}}\b") if codes else None,
        ignore=re.compile("|".join(settings.get("location_ignore") or ["$^"]), re.IGNORECASE),
        cues=Pattern(r"\b(?:" + "|".join(settings.get("location_cues") or ["$^"]) + r")\s", re.IGNORECASE),
        labels=frozenset(_key(lbl) for lbl in settings.get("location_labels") or ()),
        fm_keys=frozenset(str(k).lower() for k in settings.get("front_matter_keys") or ()),
        remote=remote,
        country_of=country_of,
    )


def _country(t: _Tables, text: str) -> str | None:
    return t.country_of.get(text) or t.country_of.get(_key(text))


def _match_span(t: _Tables, source: str, start: int, end: int, kind: str) -> list[Place]:
    """Places named inside source[start:end]; codes by the rules of `kind`."""
    out: list[Place] = []
    seg = source[start:end]
    blocked: list[tuple[int, int, tuple[str, ...]]] = []
    if t.not_names:
        for m in t.not_names.finditer(seg):
            blocked.append((m.start(), m.end(), t.not_laws.get(_key(m.group()), ())))

    def add(law_ids: tuple[str, ...], s: int, e: int) -> None:
        for lid in law_ids:
            if any(b0 <= s and e <= b1 and lid in ids for b0, b1, ids in blocked):
                continue
            out.append(Place(lid, start + s, start + e, seg[s:e]))

    for pattern, cs in ((t.names_ci, False), (t.names_cs, True)):
        if pattern:
            for m in pattern.finditer(seg):
                add(t.name_laws.get(m.group() if cs else _key(m.group()), ()), m.start(), m.end())
    if kind == FIELD and t.field_code:
        shouting = not any(ch.islower() for ch in seg)
        for m in t.field_code.finditer(seg):
            before = seg[: m.start()].rstrip()
            if shouting and before and not before.endswith(","):
                continue  # "ON SITE", "ME TOO": all-capital text, not a code
            add(t.code_laws.get(m.group(1), ()), m.start(), m.end())
    elif t.city_code:
        for m in t.city_code.finditer(seg):
            add(t.code_laws.get(m.group(1), ()), m.start(), m.end())
    return out


def _front_matter_spans(posting: Posting, t: _Tables) -> list[tuple[int, int]]:
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
        if m and m.group(1).strip().lower() in t.fm_keys:
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


def _front_matter_remote(posting: Posting, t: _Tables) -> list[Place]:
    """`remote: true` with `country: US` means remote anywhere in that country."""
    fm = _flat(posting.front_matter or {})
    flag = fm.get("remote")
    is_remote = flag is True or (isinstance(flag, str) and flag.strip().lower() in ("yes", "true", "fully remote"))
    country = fm.get("country")
    if not is_remote or not isinstance(country, str):
        return []
    code = _country(t, country.strip())
    m = re.search(r"^[ \t]*(remote\s*:.*)$", posting.text[: posting.front_matter_end], re.MULTILINE | re.IGNORECASE)
    start, end = (m.start(1), m.end(1)) if m else (0, 0)
    return [Place(law.id, start, end, posting.text[start:end], True) for law in _remote_laws(code)]


def _remote_laws(country: str | None) -> list[laws.Law]:
    return [law for law in laws.load() if country and law.country == country and law.remote == "covered"]


def _heading_is_place(text: str) -> bool:
    """A heading such as "San Francisco, CA" or "Remote - US": only capitalised words and fillers."""
    words = _WORD.findall(text)
    if not words or len(words) > 8:
        return False
    return all(w[0].isupper() or w.lower() in _HEADING_FILLER for w in words)


def _first_line(source: str, start: int, end: int) -> tuple[int, int]:
    """The first non-blank line of source[start:end] (a location section's value)."""
    seg = source[start:end]
    stripped = seg.lstrip()
    s = start + len(seg) - len(stripped)
    nl = source.find("\n", s, end)
    return s, min(nl if nl != -1 else end, s + SECTION_WINDOW)


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


def _cue_windows(posting: Posting, t: _Tables) -> list[tuple[int, int]]:
    """The stretches of prose after each location cue ("offices in", "based in"), up to the sentence's end."""
    source = posting.analysis
    spans = []
    for m in t.cues.finditer(posting):
        if t.ignore.search(_sentence(source, m.start())):
            continue
        s = m.end()
        stop = len(source)
        for sep in (". ", ".\n", "\n", ";", "!", "?"):
            i = source.find(sep, s, s + WINDOW)
            if i != -1:
                stop = min(stop, i)
        spans.append((s, min(stop, s + WINDOW)))
    return spans


def _states_a_place(value: str) -> bool:
    """A location value that names somewhere, not just "Remote" or "Hybrid"."""
    return any(w.lower() not in _HEADING_FILLER for w in _WORD.findall(value))


def find_places(posting: Posting) -> list[Place]:
    """Every covered place the posting says it is open to, in text order, one per law and offset.

    When the posting states its location explicitly (a front matter or
    `Location:` field, a location section or heading), sentences elsewhere
    ("offices in Paris, New York and Lisbon" in the company blurb) are not
    read: the explicit statement says where this job is. Nothing in a list
    of other jobs (a "Similar jobs" sidebar, search results) counts.
    """
    t = _tables()
    in_other_jobs = _other_jobs_test(posting)
    found, explicit = _front_matter_places(posting, t)
    fields, field_says = _field_places(posting, t, in_other_jobs)
    sections, section_says = _section_places(posting, t, in_other_jobs)
    found += fields + sections
    if not (explicit or field_says or section_says):
        found += _cue_places(posting, t)
    found += _address_places(posting, t)
    found += _remote_phrase_places(posting, t)
    unique = {(p.law, p.start): p for p in found if not in_other_jobs(p.start)}  # the later of two at one offset
    return sorted(unique.values(), key=lambda p: (p.start, p.law))


def _other_jobs_test(posting: Posting) -> Callable[[int], bool]:
    """ "Is this offset inside a list of other jobs?", the lists looked for on the first question (most ask none)."""
    lists: list[list[tuple[int, int]]] = []

    def in_other_jobs(offset: int) -> bool:
        if not lists:
            lists.append(job_list_spans(posting))
        return inside(lists[0], offset)

    return in_other_jobs


def _front_matter_places(posting: Posting, t: _Tables) -> tuple[list[Place], bool]:
    """Places in the front matter's location values, and whether one names a place: the file's own word for where."""
    text = posting.text
    found: list[Place] = []
    explicit = False
    for s, e in _front_matter_spans(posting, t):
        explicit = explicit or _states_a_place(text[s:e])
        found += _match_span(t, text, s, e, FIELD)
        for m in t.remote.finditer(posting, s, e, raw=True):
            found += _remote_places(t, text, m)
        value = text[s:e].strip().strip("\"'")
        if _country(t, value) and re.match(r"\s*remote", text[s - 10 : s], re.IGNORECASE):
            found += [Place(law.id, s, e, text[s:e], True) for law in _remote_laws(_country(t, value))]
    found += _front_matter_remote(posting, t)
    return found, explicit


def _field_places(posting: Posting, t: _Tables, in_other_jobs: Callable[[int], bool]) -> tuple[list[Place], bool]:
    """Places in `Location:` fields of the body, and whether one names a place: a field says where the job is."""
    analysis = posting.analysis
    found: list[Place] = []
    explicit = False
    for label, _l0, _l1, v0, v1 in posting.fields:
        if _key(label.strip("*_ ")) in t.labels and not in_other_jobs(v0):
            explicit = explicit or _states_a_place(analysis[v0:v1])
            found += _match_span(t, analysis, v0, v1, FIELD)
    return found, explicit


def _section_places(posting: Posting, t: _Tables, in_other_jobs: Callable[[int], bool]) -> tuple[list[Place], bool]:
    """Places in location sections, in headings that are a place, and in the title; and whether one says where.

    A location section ("## Location", "Location: Hamburg or Berlin") and a
    place heading ("San Francisco, CA") state the job's place; the title
    ("Engineer, Denver") is read like prose, since titles name other things too.
    """
    analysis = posting.analysis
    found: list[Place] = []
    explicit = False
    for sec in posting.sections:
        kind = _heading_kind(posting, t, sec)
        if kind is None or in_other_jobs(sec.heading_start):
            continue
        if kind == "label":
            value = analysis[sec.heading_start : sec.heading_end].partition(":")[2]
            if value.strip():
                explicit = explicit or _states_a_place(value)
            else:  # the value is the section's first line
                s, e = _first_line(analysis, sec.body_start, sec.body_end)
                explicit = explicit or _states_a_place(analysis[s:e])
                found += _match_span(t, analysis, s, e, FIELD)
            found += _match_span(t, analysis, sec.heading_start, sec.heading_end, FIELD)
        elif kind == "place":
            heading_places = _match_span(t, analysis, sec.heading_start, sec.heading_end, FIELD)
            explicit = explicit or bool(heading_places)
            found += heading_places
        elif not t.ignore.search(_sentence(analysis, sec.heading_start)):  # the title
            found += _match_span(t, analysis, sec.heading_start, sec.heading_end, PROSE)
    return found, explicit


def _heading_kind(posting: Posting, t: _Tables, sec: Section) -> str | None:
    """ "label" (a location section), "place" (a heading that is a place), "title" (the posting's), or None."""
    if sec.style in ("inline", "preamble"):
        return None
    heading = posting.analysis[sec.heading_start : sec.heading_end]
    label = heading.partition(":")[0]
    if _key(label.strip(" *_#")) in t.labels:  # "Location", "Location: Hamburg or Berlin"
        return "label"
    if _heading_is_place(heading):
        return "place"
    if posting.title_span and sec.heading_start == posting.title_span[0]:
        return "title"
    return None


def _cue_places(posting: Posting, t: _Tables) -> list[Place]:
    """Places in sentences after a location cue ("offices in Seattle"), read only when nothing states the place."""
    found: list[Place] = []
    for s, e in _cue_windows(posting, t):
        found += _match_span(t, posting.analysis, s, e, PROSE)
    return found


def _address_places(posting: Posting, t: _Tables) -> list[Place]:
    """The state code of a street address ("Austin, TX 78701"): an office the job works from."""
    analysis, text = posting.analysis, posting.text
    if not t.address or not _FIVE_DIGITS.search(analysis):  # a street address ends in a ZIP code
        return []
    found: list[Place] = []
    for m in t.address.finditer(analysis):
        if t.ignore.search(_sentence(analysis, m.start())):
            continue
        found += [Place(lid, m.start(1), m.end(1), text[m.start(1) : m.end(1)]) for lid in t.code_laws[m.group(1)]]
    return found


def _remote_phrase_places(posting: Posting, t: _Tables) -> list[Place]:
    """Country-wide remote phrases ("Remote (US)", "anywhere in the United States"): every place in that country."""
    found: list[Place] = []
    for m in t.remote.finditer(posting):
        if not t.ignore.search(_sentence(posting.analysis, m.start())):
            found += _remote_places(t, posting.text, m)
    return found


def _remote_places(t: _Tables, text: str, m: re.Match) -> list[Place]:
    name = next((g for g in m.group("country1", "country2", "country3", "country4") if g), "")
    country = _country(t, name)
    return [Place(law.id, m.start(), m.end(), text[m.start() : m.end()], True) for law in _remote_laws(country)]
