"""Dated rows of place-bound law held in a rule's own data, and which one holds for a posting's places.

`jurisdictions.yaml` (read by `facts.laws`) is the table of pay-transparency
laws; other duties tied to a place and a date (pay-history bans, Ontario's
posting duties) keep their rows in the rule's own YAML. A row binds a
jurisdiction code ("US-CA", "CA-PE", "IT"), optionally only some cities in
it by name ("Philadelphia" inside US-PA, for cities whose code is not in
places.yaml), from its effective date. A row whose date is unconfirmed
(`effective: null`) never applies: the rule then advises without citing it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from jdlint.facts.dates import data_date
from jdlint.facts.places import JobPlace


@dataclass(frozen=True)
class PlaceRow:
    id: str
    name: str
    jurisdiction: str
    law: str
    effective: dt.date | None
    cities: tuple[str, ...] = ()
    threshold: int = 1
    sources: tuple[str, ...] = ()
    unconfirmed: tuple[str, ...] = ()

    def in_force(self, on: dt.date) -> bool:
        return self.effective is not None and on >= self.effective

    def holds_at(self, place: JobPlace) -> bool:
        """The place lies in the row's jurisdiction (and, for a city row, names one of its cities)."""
        if self.jurisdiction not in place.jurisdictions:
            return False
        return not self.cities or any(re.search(rf"\b{re.escape(c)}\b", place.name, re.IGNORECASE) for c in self.cities)

    def covers_size(self, size: int | None) -> bool:
        """An unknown employer size is assumed to be covered."""
        return size is None or size >= self.threshold


def load_rows(raw: Iterable[dict], where: str) -> tuple[PlaceRow, ...]:
    """Rows from a rule's YAML list (`where` names the file in errors)."""
    rows = []
    for r in raw:
        rid = str(r["id"])
        rows.append(
            PlaceRow(
                id=rid,
                name=str(r["name"]),
                jurisdiction=str(r["jurisdiction"]),
                law=str(r.get("law", "")),
                effective=data_date(r.get("effective"), f"{where}: {rid}"),
                cities=tuple(str(c) for c in r.get("cities") or ()),
                threshold=int(r.get("threshold", 1)),
                sources=tuple(str(s) for s in r.get("sources") or ()),
                unconfirmed=tuple(str(u) for u in r.get("unconfirmed") or ()),
            )
        )
    return tuple(rows)


def holding_rows(
    places: Iterable[JobPlace], rows: Iterable[PlaceRow], on: dt.date | None = None
) -> list[tuple[PlaceRow, JobPlace]]:
    """Each row that holds at one of the places (in force on `on`, when given), with the first such place.

    Named places come before remote scopes, then text order; the most specific
    row (a city before its state) first for each place.
    """
    rows = tuple(rows)
    out: list[tuple[PlaceRow, JobPlace]] = []
    seen: set[str] = set()
    for place in sorted(places, key=lambda p: (p.remote, p.start)):
        here = [r for r in rows if r.holds_at(place) and (on is None or r.in_force(on))]
        here.sort(key=lambda r: (-place.jurisdictions.index(r.jurisdiction), not r.cities))
        for r in here:
            if r.id not in seen:
                seen.add(r.id)
                out.append((r, place))
    return out
