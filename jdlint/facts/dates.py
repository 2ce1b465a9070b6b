"""The date a posting states for itself in its text ("Date Posted: 2025-01-08").

Many exported postings carry no front matter but do say when they were
posted or opened; laws are judged at that date, like a front matter `date`.
"""

from __future__ import annotations

import datetime as dt
import re

from jdlint.model.posting import Posting

LABELS = frozenset(
    (
        "date posted",
        "posted",
        "posted on",
        "posted date",
        "posting date",
        "opening date",
        "open date",
        "date opened",
        "publication date",
        "published",
        "published on",
        "job posted",
    )
)
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_MDY = re.compile(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})")


def parse_date(value: str) -> dt.date | None:
    """ISO, M/D/YYYY (D/M/YYYY when the first part is over 12), "March 26, 2019", "26 March 2019"."""
    value = value.strip()
    try:
        if m := _ISO.match(value):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _SLASH.match(value):
            a, b = int(m[1]), int(m[2])
            month, day = (b, a) if a > 12 else (a, b)
            return dt.date(int(m[3]), month, day)
        if (m := _MDY.match(value)) and m[1].lower() in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
        if (m := _DMY.match(value)) and m[2].lower() in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    return None


def posted_date(posting: Posting) -> dt.date | None:
    """The first date given by a "Date Posted:" / "Opening Date:" style line, if any."""
    for label, _l0, _l1, v0, v1 in posting.fields:
        if " ".join(label.strip("*_ ").lower().split()) in LABELS:
            found = parse_date(posting.text[v0:v1])
            if found:
                return found
    return None


def data_date(value: object, where: str) -> dt.date | None:
    """A date field of bundled or plugin law data (`effective: 2026-10-01`, or null when not settled).

    A bad value is an error naming where it is, never a silent "no date": a law with a wrong date
    would otherwise be applied from the wrong day.
    """
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: effective must be YYYY-MM-DD or null") from None
