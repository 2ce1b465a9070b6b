"""Stable identities for findings that survive edits elsewhere in a file.

A finding is identified by its rule, the text it matched and that text's
neighbourhood on its own line, never by its line number: adding a paragraph
above a known problem must not make it new again. Baselines and SARIF
`partialFingerprints` both use this, so a re-upload de-duplicates exactly
where a baseline would hide.
"""

from __future__ import annotations

import hashlib
import re

from jdlint.model.finding import Finding

RADIUS = 24  # characters of context kept on each side of the match
_SPACE = re.compile(r"\s+")


def neighbourhood(text: str | None, finding: Finding) -> str:
    """The match with up to RADIUS characters either side, within its line, whitespace collapsed."""
    if not text or not finding.match:
        return ""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    if line_end == -1:
        line_end = len(text)
    lo = max(line_start, finding.start - RADIUS)
    hi = min(max(line_end, finding.end), finding.end + RADIUS)
    return _SPACE.sub(" ", text[lo:hi]).strip()


def key(path: str, finding: Finding, text: str | None) -> str:
    """A hex digest of (path, rule, match, neighbourhood); the message stands in for an empty match."""
    context = neighbourhood(text, finding) if finding.match else finding.message
    raw = "\x1f".join((path, finding.rule, finding.match, context))
    # surrogateescape: a file name that is not UTF-8 hashes as its own bytes (valid UTF-8 is unchanged)
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]
