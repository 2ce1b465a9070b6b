"""`jdlint laws`: the law tables as a reviewer reads them, in a terminal, as JSON, or as docs/laws.md.

Rows come from `jdlint.facts.law_table` and are rendered generically: a
field this module does not know is shown by its name, with its description
from the table's header, so a table can grow without a change here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from jdlint.facts import law_table
from jdlint.facts.law_table import Row

TITLES = {  # how a topic is headed; any other topic is headed by its rule id
    "pay-transparency": "Pay in job postings",
    "aedt-notice": "AI in hiring",
}
REGENERATE = "jdlint laws --format markdown --as-of {date} > docs/laws.md"


@dataclass(frozen=True)
class Selection:
    """What `jdlint laws` was asked for, and the rows that answer it."""

    as_of: dt.date
    place: str | None
    chain: tuple[str, ...]
    rows: tuple[tuple[Row, str | None], ...]  # (row, "here" | "within" | None when no place was asked)


def select(as_of: dt.date, place: str | None = None, in_force: bool = False) -> Selection:
    """Every row, or those bearing on `place`; only those in force on `as_of` when asked."""
    chain = law_table.resolve_place(place) if place is not None else ()
    chosen = []
    for row in law_table.all_rows():
        relation = law_table.where(row, chain) if place is not None else None
        if place is not None and relation is None:
            continue
        if in_force and row.status(as_of) != law_table.IN_FORCE:
            continue
        chosen.append((row, relation))
    return Selection(as_of, place, chain, tuple(chosen))


def render(selection: Selection, out: IO[str], fmt: str = "text", color: bool | None = None) -> None:
    if fmt == "json":
        json.dump(_json(selection), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif fmt == "markdown":
        out.write(markdown(selection))
    else:
        _text(selection, out, color)


def _title(topic: str) -> str:
    return TITLES.get(topic, topic)


def _topics(selection: Selection) -> list[tuple[str, str, list[tuple[Row, str | None]]]]:
    """(topic, table, rows) in table order, for the tables with a row selected."""
    out: dict[str, tuple[str, str, list]] = {}
    for row, relation in selection.rows:
        out.setdefault(row.table, (row.topic, row.table, []))[2].append((row, relation))
    return list(out.values())


def _when(date: dt.date | None, empty: str) -> str:
    return date.isoformat() if date else empty


def _details(row: Row) -> list[str]:
    lines = []
    for key, value in row.details().items():
        if isinstance(value, bool):
            lines.append(f"{key}: {'yes' if value else 'no'}")
        elif isinstance(value, list) and all(" " not in str(v) for v in value):
            lines.append(f"{key}: {', '.join(str(v) for v in value)}")  # ids, codes
        elif isinstance(value, list):
            lines += [f"{key}: {' '.join(str(v).split())}" for v in value]  # one note a line
        elif isinstance(value, dict):
            lines.append(f"{key}: " + "; ".join(f"{k} {v}" for k, v in value.items()))
        else:
            lines.append(f"{key}: {' '.join(str(value).split())}")
    return lines


# --- JSON -------------------------------------------------------------------------


def _json(selection: Selection) -> dict[str, Any]:
    tables = [
        {"topic": topic, "title": _title(topic), "file": f"rules/{table}", "fields": law_table.field_notes(table)}
        for topic, table, _rows in _topics(selection)
    ]
    laws = [
        {
            "topic": row.topic,
            "id": row.id,
            "place": row.name,
            "jurisdiction": row.jurisdiction,
            "law": row.law,
            "requires": row.requires,
            "effective": _when(row.effective, "") or None,
            "until": _when(row.until, "") or None,
            "status": row.status(selection.as_of),
            "applies": relation,
            "sources": list(row.sources),
            "fields": row.fields,
        }
        for row, relation in selection.rows
    ]
    place = None
    if selection.place is not None:
        place = {"name": selection.place, "jurisdictions": list(selection.chain)}
    return {
        "as_of": selection.as_of.isoformat(),
        "place": place,
        "statuses": list(law_table.STATUSES),
        "tables": tables,
        "laws": laws,
    }


# --- Markdown (docs/laws.md) --------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _links(sources: Sequence[str]) -> str:
    out = []
    for s in sources:
        first = s.split()[0] if s.split() else s
        if "/" in first and "." in first.split("/")[0] and " " not in s and "…" not in s:
            out.append(f"[{s}](https://{s})")
        else:
            out.append(_cell(s))
    return ", ".join(out)


def markdown(selection: Selection) -> str:
    """The law tables as Markdown: docs/laws.md is this, for the as-of date it names."""
    date = selection.as_of.isoformat()
    out = [
        "# Laws jdlint knows",
        "",
        f"Generated by `{REGENERATE.format(date=date)}`; do not edit by hand. The data is in the",
        "files named under each heading; `jdlint laws --place PLACE` shows the laws of one place.",
        "",
        f"Status is as of {date}: *in force*, *not yet* (in force from a later date), *not in force*",
        "(enacted but not started, or ended), *proposed*, *unconfirmed* (the date is not settled, so jdlint",
        "does not apply it) or *no posting duty* (documented so the question has an answer; never checked).",
        "These are facts for a linter, not legal advice.",
    ]
    if selection.place is not None:
        out += ["", f"Place: {selection.place} ({', '.join(selection.chain)})."]
    for topic, table, rows in _topics(selection):
        out += ["", f"## {_title(topic)}", "", f"Checked by `{topic}`; data in `rules/{table}`.", ""]
        out += ["| Place | Law | Requires | From | Until | Status | Sources |", "|" + " --- |" * 7]
        for row, _relation in rows:
            out.append(
                f"| {_cell(row.name)} (`{row.id}`) | {_cell(row.law)} | {_cell(row.requires)} | "
                f"{_when(row.effective, '—')} | {_when(row.until, '—')} | {row.status(selection.as_of)} | "
                f"{_links(row.sources)} |"
            )
        notes = [(row, _details(row)) for row, _relation in rows]
        if any(lines for _row, lines in notes):
            out += ["", "Notes:", ""]
            for row, lines in notes:
                for line in lines:
                    out.append(f"- `{row.id}` {_cell(line)}")
        fields = law_table.field_notes(table)
        if fields:
            out += ["", "Fields:", ""] + [f"- `{k}`: {_cell(v)}" for k, v in fields.items()]
    return "\n".join(out) + "\n"


# --- text (a rich table) -------------------------------------------------------------


def _text(selection: Selection, out: IO[str], color: bool | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    options: dict[str, Any] = {"force_terminal": True} if color else {"no_color": True} if color is False else {}
    console = Console(file=out, highlight=False, **options)
    if not console.is_terminal:  # piped or redirected: wide enough that a row stays readable
        console = Console(file=out, highlight=False, width=140, **options)
    styles = {law_table.IN_FORCE: "bold green", law_table.NOT_YET: "yellow", law_table.PROPOSED: "cyan"}
    where = f" at {selection.place} ({', '.join(selection.chain)})" if selection.place else ""
    console.print(Text(f"Laws jdlint knows{where}, status on {selection.as_of.isoformat()}", style="bold"))
    if not selection.rows:
        console.print("No law in the tables bears on this place." if selection.place else "No law matches.")
        return
    for topic, table, rows in _topics(selection):
        grid = Table(
            title=f"{_title(topic)} ({topic}; rules/{table})",
            title_justify="left",
            show_lines=True,
            header_style="bold",
            expand=False,
        )
        for col, kw in (
            ("status", {"no_wrap": True}),
            ("place", {}),
            ("law", {"ratio": 3}),
            ("requires", {"ratio": 4}),
            ("from", {"no_wrap": True}),
            ("until", {"no_wrap": True}),
        ):
            grid.add_column(col, overflow="fold", **kw)
        for row, relation in rows:
            status = row.status(selection.as_of)
            place = row.name + (" (inside)" if relation == "within" else "")
            law = Text(row.law)
            if row.sources:
                law.append("\n" + "\n".join(row.sources), style="dim")
            requires = Text(row.requires)
            details = _details(row)
            if details:
                requires.append("\n" + "\n".join(details), style="dim")
            grid.add_row(
                Text(status, style=styles.get(status, "")),
                f"{place}\n{row.jurisdiction}",
                law,
                requires,
                _when(row.effective, "—"),
                _when(row.until, "—"),
            )
        console.print(grid)
