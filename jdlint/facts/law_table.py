"""Every law jdlint knows, as rows a reviewer can audit: `jdlint laws`, docs/laws.md and `explain`.

A law table is any bundled YAML file (rules/) with a top-level `laws:` list
of entries that name a `jurisdiction`: the pay-transparency laws of
rules/shared/jurisdictions.yaml, the AI-notice laws of
rules/compliance/aedt-notice.yaml, and any other rule's. Rows are read
generically, so a field added to a table shows up without code here; the
field descriptions come from the table's own header comment ("# Fields").
A row's status on a date is worked out from its `status`, `effective` and
`until` fields. Where a place name resolves to is the gazetteer's answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jdlint import data

IN_FORCE = "in force"
NOT_YET = "not yet"
NOT_IN_FORCE = "not in force"
PROPOSED = "proposed"
UNCONFIRMED = "unconfirmed"
NO_DUTY = "no posting duty"
STATUSES = (IN_FORCE, NOT_YET, NOT_IN_FORCE, PROPOSED, UNCONFIRMED, NO_DUTY)

# The rule that reads a shared table (a rule's own table is named by its file: compliance/<rule-id>.yaml).
SHARED_TOPICS = {"shared/jurisdictions.yaml": "pay-transparency"}
# Fields every row is shown with in its own column; the rest are details.
CORE = ("id", "name", "jurisdiction", "law", "effective", "until", "status")
REQUIRES = ("requires", "disclose", "duty_text", "must")  # what a row calls "what a posting must carry"
UNTIL = ("until", "expires", "ends")
SOURCE = re.compile(r"S\d+$")  # a numbered source of the project's fact sheet, listed in rules/shared/sources.yaml
_FIELD = re.compile(r"^#\s{2,}([a-z][\w-]*)\s{2,}(\S.*)$")
_MORE = re.compile(r"^#\s{4,}(\S.*)$")


@dataclass(frozen=True)
class Row:
    """One law of one table, with its raw fields."""

    topic: str  # the rule that checks it: "pay-transparency", "aedt-notice"
    table: str  # the data file, relative to rules/
    id: str
    name: str  # the place, as messages name it
    jurisdiction: str  # its place code: "US-NY-NYC", "CA-ON", "EU"
    law: str  # statute and citation
    requires: str
    effective: dt.date | None
    until: dt.date | None
    sources: tuple[str, ...]  # addresses
    fields: dict[str, Any] = field(compare=False, hash=False)

    def status(self, on: dt.date) -> str:
        """in force / not yet / not in force / proposed / unconfirmed / no posting duty, on that date."""
        declared = _declared_status(self.fields.get("status"))
        if declared is not None:
            return declared
        if self.effective is None:
            return UNCONFIRMED
        if on < self.effective:
            return NOT_YET
        if self.until is not None and on > self.until:
            return NOT_IN_FORCE
        return IN_FORCE

    def details(self) -> dict[str, Any]:
        """The fields not shown in a column of their own, in the table's order."""
        skip = {*CORE, *REQUIRES, *UNTIL, "sources", "country"}
        return {k: v for k, v in self.fields.items() if k not in skip and v not in (None, "", [], {})}


def _declared_status(value: Any) -> str | None:
    """A table's own word for a law that is not simply dated ("proposed", "enacted-not-in-force", "no-duty")."""
    if value is None:
        return None
    words = re.sub(r"[-_]+", " ", str(value)).lower().strip()
    if words in ("", "in force", "enacted", "active", "final"):
        return None  # dated like any other
    if any(w in words for w in ("proposed", "pending", "draft", "bill")):
        return PROPOSED
    if "no duty" in words or "no posting duty" in words or words == "none":
        return NO_DUTY
    if any(w in words for w in ("not in force", "repealed", "expired", "suspended", "enjoined")):
        return NOT_IN_FORCE
    if "unconfirmed" in words:
        return UNCONFIRMED
    return words


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


@cache
def source_addresses() -> dict[str, str]:
    """Numbered sources ("S14") -> the address of the page the fact was read in."""
    raw = data.load("shared/sources.yaml")
    return {str(k): str(v) for k, v in (raw.get("sources") or {}).items()}


def address(source: str) -> str:
    """A source as a reader can follow it: a numbered source becomes its address."""
    return source_addresses().get(source, source) if SOURCE.match(source) else source


def _topic(table: str, raw: dict) -> str:
    if isinstance(raw.get("topic"), str):
        return raw["topic"]
    if table in SHARED_TOPICS:
        return SHARED_TOPICS[table]
    return table.rsplit("/", 1)[-1].removesuffix(".yaml")


def _row(topic: str, table: str, raw: dict) -> Row:
    requires = next((raw[k] for k in REQUIRES if isinstance(raw.get(k), str)), "")
    until = next((raw[k] for k in UNTIL if raw.get(k) is not None), None)
    return Row(
        topic=topic,
        table=table,
        id=str(raw.get("id", "")),
        name=str(raw.get("name", raw.get("id", ""))),
        jurisdiction=str(raw.get("jurisdiction", "")),
        law=" ".join(str(raw.get("law", "")).split()),
        requires=" ".join(requires.split()),
        effective=_date(raw.get("effective")),
        until=_date(until),
        sources=tuple(address(str(s)) for s in raw.get("sources") or ()),
        fields=dict(raw),
    )


@cache
def table_files() -> tuple[str, ...]:
    """The bundled data files that hold a law table, pay transparency first, then by name."""
    root = data.rules_dir()
    found = []
    for path in sorted(root.rglob("*.yaml")):
        name = path.relative_to(root).as_posix()
        raw = data.load(name)
        if isinstance(raw, dict) and isinstance(raw.get("laws"), list) and any(
            isinstance(e, dict) and "jurisdiction" in e for e in raw["laws"]
        ):
            found.append(name)
    return tuple(sorted(found, key=lambda n: (n not in SHARED_TOPICS, n)))


@cache
def rows(table: str) -> tuple[Row, ...]:
    """The rows of one table, in file order."""
    raw = data.load(table)
    topic = _topic(table, raw)
    return tuple(_row(topic, table, e) for e in raw["laws"] if isinstance(e, dict) and "jurisdiction" in e)


def all_rows() -> tuple[Row, ...]:
    """Every row of every law table."""
    return tuple(r for t in table_files() for r in rows(t))


@cache
def field_notes(table: str) -> dict[str, str]:
    """Field name -> description, read from the table's header comment (lines "#   name   what it is")."""
    notes: dict[str, str] = {}
    last = None
    with open(data.rules_dir() / table, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                if line.strip():
                    break  # the header ends at the first line of data
                continue
            if m := _FIELD.match(line.rstrip()):
                last = m.group(1)
                notes[last] = m.group(2).strip()
            elif last and (m := _MORE.match(line.rstrip())):
                notes[last] += " " + m.group(1).strip()
            else:
                last = None
    return notes


def law_lines(table: str, on: dt.date | None = None) -> str:
    """The laws of one table as indented lines for `jdlint explain`: place, law, dates, status, sources."""
    lines = []
    for row in rows(table):
        when = f"from {row.effective.isoformat()}" if row.effective else "date unconfirmed"
        if row.until:
            when += f" until {row.until.isoformat()}"
        if on is not None:
            note = f"; {row.status(on)} on {on.isoformat()}"
        else:
            declared = _declared_status(row.fields.get("status"))
            note = f"; {declared}" if declared else ""
        lines.append(f"  {row.id} ({row.name}): {row.law}, {when}{note}.")
        if row.sources:
            lines.append("      " + " · ".join(row.sources))
    return "\n".join(lines)


# --- choosing rows: by place ------------------------------------------------------


class UnknownPlace(ValueError):
    """A --place name the gazetteer does not know."""


def resolve_place(name: str) -> tuple[str, ...]:
    """The jurisdiction chain a place name means, general first ("Brooklyn" -> US, US-NY, US-NY-NYC).

    A name is read as a location field would be ("Portland, ME", "Vienna",
    "NYC"); a jurisdiction code ("US-CO", "EU") or a law's place name as the
    tables write it ("European Union") also works.
    """
    from jdlint.facts.place_names import gazetteer, places_in

    g = gazetteer()
    text = " ".join(name.split())
    if not text:
        raise UnknownPlace("expected a place name, got an empty one")
    found = places_in(g, text, 0, len(text), True)
    if found:
        return max((chain for _s, _e, chain in found), key=len)  # the most specific place named
    wanted = text.casefold()
    for code, chain in g.chains.items():
        if code.casefold() == wanted:
            return chain
    for row in all_rows():
        if wanted in (row.name.casefold(), row.jurisdiction.casefold()):
            return g.chains.get(row.jurisdiction, (row.jurisdiction,))
    raise UnknownPlace(f"unknown place {name!r}; try a city, state, province or country, e.g. 'Brooklyn' or 'Ontario'")


def where(row: Row, chain: tuple[str, ...]) -> str | None:
    """How a row bears on a place: "here" (the place lies in its jurisdiction), "within" (lies in the place), None."""
    if row.jurisdiction in chain:
        return "here"
    from jdlint.facts.place_names import gazetteer

    if chain and chain[-1] in gazetteer().chains.get(row.jurisdiction, ()):
        return "within"
    return None
