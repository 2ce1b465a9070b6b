"""The job's title: the one the text gives (parse/), else the one its file name gives.

Job-description repositories name files after the job (`senior-data-engineer.md`,
`2026-07-04_ebury_senior-analytics-engineer.md`); a scraped page often names
the job nowhere in its text. A title read from the file name is marked as
such, so a message can say where it came from.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from jdlint.model.posting import Posting

FROM_FILE_NAME = "file name"

# dates and numbers that prefix scraped or archived file names ("2026-07-04_", "2019_12-Dec_19-", "001_")
_PREFIX = re.compile(
    r"^(?:\d{4}[-_](?:\d{1,2}|[A-Za-z]{3})[-_]\d{1,2}[-_]?|\d{4}_\d{1,2}-[A-Za-z]{3}_\d{1,2}-|\d+[-_])+"
)
_NOT_TITLES = frozenset(
    {"readme", "index", "job", "jobs", "posting", "postings", "template", "untitled", "draft", "stdin", "-", "new"}
)


def job_title(posting: Posting) -> tuple[str, str]:
    """(title, where it came from): the text's title, else the file name's, else ("", "")."""
    if posting.title:
        return posting.title, posting.title_source or "text"
    name = title_from_file_name(posting.path)
    return (name, FROM_FILE_NAME) if name else ("", "")


def title_from_file_name(path: str) -> str:
    """`2026-07-04_ebury_senior-analytics-engineer.md` -> "Senior Analytics Engineer"; "" for README and the like."""
    stem = PurePath(path).stem if path else ""
    stem = _PREFIX.sub("", stem)
    if "_" in stem:  # company_job-title: the last part names the job
        stem = stem.rsplit("_", 1)[-1]
    words = [w for w in re.split(r"[-_.\s]+", stem) if w]
    if not words or not any(re.search(r"[A-Za-z]{3}", w) for w in words) or stem.lower() in _NOT_TITLES:
        return ""
    if re.fullmatch(r"[0-9a-f]{8,}", words[-1]):  # a hash ("001_bbf6519c170bcced")
        return ""
    return " ".join(w if w.isupper() else w.capitalize() for w in words)
