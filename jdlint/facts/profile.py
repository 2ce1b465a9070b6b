"""The posting profile: what a document is and where the job is, the one answer every rule reads.

A rule that asks "does the posting say…" first needs to know that the file
is a posting at all, and a rule that cites a law needs to know where the job
is and when the posting is judged. The profile gathers those answers, each
computed once per posting by its own fact module:

* kind and why (`facts.kind`): posting, not-a-posting, template, job-family;
* title and its line;
* places with their evidence, resolved to jurisdictions (`facts.places`);
* language (`facts.language`) and employer sector (public or private, when
  the text says);
* the date laws are judged at (the posting's own date, else --as-of, else today).

`jdlint profile FILE…` prints it, the JSON report carries it per file
(`files[].profile`), and the language server shows it on hover over the title.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jdlint import data
from jdlint.facts import laws as law_data
from jdlint.facts.kind import JOB_FAMILY, POSTING, TEMPLATE, Kind, document_kind
from jdlint.facts.language import posting_language
from jdlint.facts.places import JobPlace, job_places, laws_for
from jdlint.facts.title import job_title
from jdlint.match import AnyPattern, Pattern
from jdlint.model.posting import Posting


@dataclass(frozen=True)
class Profile:
    """What a document is and where the job is (see the module docstring)."""

    kind: str
    kind_reason: str
    title: str
    title_line: int | None
    language: str
    sector: str | None  # "public", "private", or None when the text does not say
    sector_evidence: str
    date: dt.date
    places: tuple[JobPlace, ...] = field(default=())
    lines: tuple[int, ...] = field(default=(), repr=False)  # the line of each place
    laws: tuple[str, ...] = field(default=())  # ids of the pay-transparency laws in force there at `date`
    title_source: str = ""  # front matter | heading | field | first line | file name ("" when there is none)

    @property
    def is_posting(self) -> bool:
        """Only a posting is asked for disclosures (DESIGN.md: a file of another kind gets none)."""
        return self.kind == POSTING

    @property
    def is_template(self) -> bool:
        """A template's placeholders are deliberate: nothing to fill in yet."""
        return self.kind == TEMPLATE

    @property
    def jurisdictions(self) -> frozenset[str]:
        """Every jurisdiction the job is open to (countries, states or provinces, cities)."""
        return frozenset(j for p in self.places for j in p.jurisdictions)

    @property
    def countries(self) -> frozenset[str]:
        """ISO country codes of the places (two letters; "EU" is not a country)."""
        return frozenset(j for j in self.jurisdictions if len(j) == 2 and j != "EU")

    def to_json(self) -> dict[str, Any]:
        """The `files[].profile` object of the JSON report (DESIGN.md)."""
        return {
            "kind": self.kind,
            "kind_reason": self.kind_reason,
            "title": self.title,
            "title_line": self.title_line,
            "title_source": self.title_source or None,
            "language": self.language,
            "sector": self.sector,
            "sector_evidence": self.sector_evidence,
            "date": self.date.isoformat(),
            "places": [
                {
                    "name": p.name,
                    "jurisdictions": list(p.jurisdictions),
                    "evidence": p.evidence,
                    "line": line,
                    **({"remote": True} if p.remote else {}),
                }
                for p, line in zip(self.places, self.lines, strict=True)
            ],
            "laws": [_law_json(law_id) for law_id in self.laws],
        }


def _law_json(law_id: str) -> dict[str, Any]:
    law = law_data.by_id()[law_id]
    effective = law.effective.isoformat() if law.effective else None
    return {"id": law.id, "name": law.name, "law": law.law, "effective": effective}


def build_profile(
    posting: Posting, as_of: dt.date, path_kinds: dict[str, str] | None = None, root: str = "."
) -> Profile:
    """The profile of one parsed posting, judged at `as_of` (kinds by path glob from the configuration in `root`)."""
    kind: Kind = document_kind(posting, path_kinds, root)
    places = tuple(job_places(posting)) if kind.kind in (POSTING, JOB_FAMILY, TEMPLATE) else ()
    sector, sector_evidence = employer_sector(posting, places)
    title_line = posting.lines.position(posting.title_span[0])[0] if posting.title_span else None
    title, title_source = job_title(posting)
    return Profile(
        kind=kind.kind,
        kind_reason=kind.reason,
        title=title,
        title_source=title_source,
        title_line=title_line,
        language=posting_language(posting),
        sector=sector,
        sector_evidence=sector_evidence,
        date=as_of,
        places=places,
        lines=tuple(posting.lines.position(p.start)[0] for p in places),
        laws=tuple(laws_for(places, as_of)),
    )


class _Phrasings:
    """One side's phrasings (public or private), found as their alternation would find them.

    Each phrasing is looked for only near its own literals (" se" of "…, SE"
    is everywhere in lower case; "privately held" is rare). Plain regexes are
    looked for together, in one pass over the literals (`AnyPattern`); a side
    with a phrasing that has an anchor of its own (`near`) tries each in turn.
    """

    def __init__(self, entries: list[str | dict[str, Any]]) -> None:
        self.patterns = tuple(map(_sector_pattern, entries))
        self.sources = tuple(p.source for p in self.patterns)
        self._together = AnyPattern(self.sources) if all(isinstance(e, str) for e in entries) else None

    def search(self, posting: Posting) -> re.Match[str] | None:
        """The leftmost match of any phrasing in the raw text, as their alternation finds it (a test holds it)."""
        if self._together is not None:
            return self._together.search(posting, raw=True)
        return _first_of(self.patterns, posting)


@cache
def _sector_patterns() -> tuple[_Phrasings, _Phrasings]:
    """The public and the private phrasings (rules/shared/sectors.yaml)."""
    raw = data.load("shared/sectors.yaml")
    return _Phrasings(raw["public"]), _Phrasings(raw["private"])


def _sector_pattern(entry: str | dict[str, Any]) -> Pattern:
    """A phrasing: a regex, or {pattern, near, reach}, a regex looked for only within reach of its anchor."""
    if isinstance(entry, dict):
        before, after = entry["reach"]
        return Pattern(str(entry["pattern"]), near=str(entry["near"]), reach=(int(before), int(after)))
    return Pattern(entry)


def _first_of(patterns: tuple[Pattern, ...], posting: Posting) -> re.Match[str] | None:
    """The leftmost match of any of `patterns` in the raw text, the earlier pattern at a tie: as their alternation."""
    best = None
    for pattern in patterns:
        found = pattern.search(posting, raw=True)
        if found is not None and (best is None or found.start() < best.start()):
            best = found
    return best


def employer_sector(posting: Posting, places: tuple[JobPlace, ...]) -> tuple[str | None, str]:
    """("public" | "private" | None, the evidence): a government employer, a company, or not said."""
    for p in places:
        if p.evidence in ("employer name", "web domain"):
            return "public", f"{p.evidence} “{p.name}”"
    public, private = _sector_patterns()
    found = public.search(posting)
    if found is not None:
        return "public", f"“{' '.join(found.group().split())}”"
    found = private.search(posting)
    if found is not None:
        return "private", f"“{' '.join(found.group().split())}”"
    return None, ""
