"""Places found by jdlint.facts.places.job_places over the corpus, compared with the election-officials metadata.

Run from a jdlint checkout (its code first on the path):

    .venv/bin/python bench/places.py --corpus ../shared/corpus [--list]

The metadata's `state` column (../shared/corpus/election-officials.metadata.csv)
was extracted by that project from the job board's listing blurb; a person's
reading of how each file states its place is docs/election-places.tsv.
Files that are not postings (docs/corpus-kinds.tsv).
"""

from __future__ import annotations

import collections
import csv
import sys
from pathlib import Path

from jdlint.facts.places import job_places
from jdlint.parse import parse_posting

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(sys.argv[sys.argv.index("--corpus") + 1]) if "--corpus" in sys.argv else ROOT.parent / "shared" / "corpus"
STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX",
    "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY", "Washington, DC": "DC", "Washington, D.C.": "DC",
    "District of Columbia": "DC",
}  # fmt: skip


def metadata_states(value: str) -> set[str]:
    """The metadata's state column as two-letter codes ("Arizona, New Mexico, or Michigan" gives three)."""
    value = value.strip()
    if value in STATES:
        return {STATES[value]}
    parts = [p.strip().removeprefix("or ").strip() for p in value.replace(" or ", ", ").split(",")]
    return {STATES[p] for p in parts if p in STATES}


def us_states(places) -> set[str]:
    """The US states (and DC) among the places' jurisdictions."""
    return {j[3:5] for p in places for j in p.jurisdictions if j.startswith("US-") and j.count("-") == 1}


def _rows(path: Path) -> list[str]:
    """A table's lines, its `#` comment lines left out."""
    with open(path, encoding="utf-8") as fh:
        return [line for line in fh if not line.startswith("#")]


def main() -> None:
    listing = "--list" in sys.argv
    kinds = ROOT / "docs" / "corpus-kinds.tsv"
    lines = _rows(kinds)
    skip = {row["path"] for row in csv.DictReader(lines, delimiter="\t")}
    detail = {row["path"]: row for row in csv.DictReader(_rows(ROOT / "docs" / "election-places.tsv"), delimiter="\t")}
    meta = {r["file"]: r for r in csv.DictReader(_rows(Path(str(CORPUS / "election-officials") + ".metadata.csv")))}

    per_folder: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    evidence: collections.Counter = collections.Counter()
    places_of: dict[str, tuple] = {}
    for path in sorted(CORPUS.rglob("*")):
        rel = "corpus/" + str(path.relative_to(CORPUS))
        if not path.is_file() or rel in skip or path.suffix not in (".md", ".txt"):
            continue
        if path.parent == CORPUS:
            continue
        posting = parse_posting(path.read_text(encoding="utf-8", errors="replace"), str(path))
        places = job_places(posting)
        places_of[rel] = places
        folder = path.relative_to(CORPUS).parts[0]
        per_folder[folder][min(len(places), 3)] += 1
        evidence.update(p.evidence for p in places)

    print("Places per posting (files that are not postings left out):")
    for folder, counts in sorted(per_folder.items()):
        total = sum(counts.values())
        shown = ", ".join(f"{'3+' if k == 3 else k}: {counts[k]}" for k in range(4))
        print(f"  {folder:<22} {total:>4} postings   {shown}")
    print("Evidence of the places found:", dict(evidence.most_common()))

    rows = []
    for name, row in sorted(meta.items()):
        rel = f"corpus/election-officials/{name}"
        if rel not in places_of:
            continue
        rows.append((rel, metadata_states(row["state"]), us_states(places_of[rel]), detail.get(rel, {})))
    with_meta = [r for r in rows if r[1]]
    found = [r for r in with_meta if r[2]]
    agree = [r for r in found if r[2] & r[1]]
    exact = [r for r in found if r[2] <= r[1]]
    disagree = [r for r in found if not r[2] & r[1]]
    print()
    print(f"election-officials postings: {len(rows)}; with a US state in the metadata: {len(with_meta)}")
    print(f"  with at least one US state found: {sum(1 for r in rows if r[2])} of {len(rows)}")
    print(f"  of the {len(with_meta)} with a metadata state: state found in {len(found)}")
    print(f"    found state includes the metadata's: {len(agree)} ({len(agree) / max(1, len(found)):.1%})")
    print(f"    every found state is the metadata's: {len(exact)} ({len(exact) / max(1, len(found)):.1%})")
    print(f"    no found state is the metadata's:    {len(disagree)}")
    no_meta_found = [r for r in rows if not r[1] and r[2]]
    print(f"  without a metadata state, a state found: {len(no_meta_found)}")

    by_category: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for _rel, meta_states, states, d in with_meta:
        cat = d.get("place_category", "?")
        by_category[cat][0] += 1
        by_category[cat][1] += bool(states & meta_states)
    print("  metadata state found, by how a person read the file's place (docs/election-places.tsv):")
    for cat, (n, hit) in sorted(by_category.items(), key=lambda x: -x[1][0]):
        print(f"    {cat:<18} {hit:>4} of {n:<4} ({hit / max(1, n):.0%})")

    if listing:
        print("\nDisagreements (metadata vs found):")
        for rel, meta_states, states, _d in disagree + [r for r in found if r not in exact and r not in disagree]:
            names = "; ".join(f"{p.evidence}: {p.name[:40]} {p.jurisdictions[-1]}" for p in places_of[rel])
            print(f"  {rel[26:]}  meta={sorted(meta_states)} found={sorted(states)}  [{names}]")
        print("\nMetadata state, none found:")
        for rel, meta_states, states, d in with_meta:
            if not states:
                print(f"  {rel[26:]}  meta={sorted(meta_states)} stated as: {d.get('place_category', '?')}")
        print("\nNo metadata state, a state found:")
        for rel, _m, states, _d in no_meta_found:
            names = "; ".join(f"{p.evidence}: {p.name[:40]}" for p in places_of[rel])
            print(f"  {rel[26:]}  found={sorted(states)} [{names}]")


if __name__ == "__main__":
    main()
