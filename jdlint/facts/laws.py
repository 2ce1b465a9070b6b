"""Pay-transparency laws, loaded from rules/shared/jurisdictions.yaml.

The rule logic never names a state: everything it knows about a law (the
jurisdiction it binds, since when, what satisfies it) comes from this data,
so adding a law is a data change. Which postings are in a jurisdiction is
`jdlint.facts.places`'s answer (`laws_for`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts.dates import data_date

_WHERE = "rules/shared/jurisdictions.yaml: "  # where a bad date is reported

REMOTE_VALUES = ("covered", "not-addressed", "unconfirmed", "worksite")
STATUS_VALUES = ("enacted", "enacted-not-in-force", "pending")
IN_AD, AD_OR_BEFORE_INTERVIEW = "in-ad", "ad-or-before-interview"
TIMING_VALUES = (IN_AD, AD_OR_BEFORE_INTERVIEW)
DEFAULT_EXAMPLE = "$120,000 – $150,000 per year"


@dataclass(frozen=True)
class Width:
    """A limit on a range's width: top / bottom at most `max_ratio` (New Jersey's proposed 60%)."""

    max_ratio: float
    status: str  # "enacted" or "proposed": a proposed limit is advice only
    law: str
    since: dt.date | None


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    country: str
    jurisdiction: str  # the code of the place it binds: "US-CO", "US-NY-NYC", "CA-ON", "EU"
    law: str
    effective: dt.date | None
    threshold: int
    disclose: str
    remote: str
    fixed_rate: bool
    changes: str = ""
    sources: tuple[str, ...] = ()
    unconfirmed: tuple[str, ...] = ()
    status: str = "enacted"
    timing: str = IN_AD
    in_force_since: dt.date | None = None  # took force before `effective`, the day it is enforced (Columbus)
    benefits: bool = False
    minimum_ok: bool = False
    example: str = DEFAULT_EXAMPLE
    sector: str | None = None
    width: Width | None = None

    def in_force(self, on: dt.date) -> bool:
        """True when the law applies to a posting dated `on`: enacted, with a settled date reached."""
        return self.status == "enacted" and self.effective is not None and on >= self.effective

    @property
    def in_ad(self) -> bool:
        """A posting without the pay breaks the law (else the pay may come before the interview: advice)."""
        return self.timing == IN_AD

    def covers_size(self, size: int | None) -> bool:
        """An unknown employer size is assumed to be covered."""
        return size is None or size >= self.threshold


def _law(raw: dict) -> Law:
    lid = str(raw["id"])
    remote = str(raw.get("remote", "unconfirmed"))
    if remote not in REMOTE_VALUES:
        raise ValueError(f"rules/shared/jurisdictions.yaml: {lid}: remote must be one of {', '.join(REMOTE_VALUES)}")
    for key, allowed in (("status", STATUS_VALUES), ("timing", TIMING_VALUES)):
        if key in raw and raw[key] not in allowed:
            raise ValueError(f"rules/shared/jurisdictions.yaml: {lid}: {key} must be one of {', '.join(allowed)}")
    if not isinstance(raw.get("jurisdiction"), str):
        raise ValueError(f"rules/shared/jurisdictions.yaml: {lid}: jurisdiction must be a place code such as US-CO")
    return Law(
        id=lid,
        name=str(raw["name"]),
        country=str(raw.get("country", "")),
        jurisdiction=raw["jurisdiction"],
        law=str(raw["law"]),
        effective=data_date(raw.get("effective"), f"{_WHERE}{lid}"),
        threshold=int(raw.get("threshold", 1)),
        disclose=" ".join(str(raw.get("disclose", "a pay range")).split()),
        remote=remote,
        fixed_rate=bool(raw.get("fixed_rate", False)),
        changes=str(raw.get("changes", "")),
        sources=tuple(str(s) for s in raw.get("sources") or ()),
        unconfirmed=tuple(str(u) for u in raw.get("unconfirmed") or ()),
        status=str(raw.get("status", "enacted")),
        timing=str(raw.get("timing", IN_AD)),
        in_force_since=data_date(raw.get("in_force"), f"{_WHERE}{lid}"),
        benefits=bool(raw.get("benefits", False)),
        minimum_ok=bool(raw.get("minimum_ok", False)),
        example=str(raw.get("example", DEFAULT_EXAMPLE)),
        sector=str(raw["sector"]) if raw.get("sector") else None,
        width=_width(raw.get("width"), lid),
    )


def _width(raw: object, where: str) -> Width | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("max_ratio"), (int, float)):
        raise ValueError(f"rules/shared/jurisdictions.yaml: {where}: width needs a numeric max_ratio")
    return Width(
        max_ratio=float(raw["max_ratio"]),
        status=str(raw.get("status", "enacted")),
        law=str(raw.get("law", "")),
        since=data_date(raw.get("since"), f"{_WHERE}{where}"),
    )


@cache
def load() -> tuple[Law, ...]:
    """Every law in the data file, in file order."""
    return tuple(_law(raw) for raw in data.load("shared/jurisdictions.yaml")["laws"])


@cache
def by_id() -> dict[str, Law]:
    return {law.id: law for law in load()}
