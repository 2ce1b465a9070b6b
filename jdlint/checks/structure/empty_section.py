"""empty-section: a heading with nothing under it.

A heading is empty when no text follows it before the next heading of the
same or a higher level; sub-headings that have bodies of their own make it a
container, not an empty section. A bare heading marker (`####` with no
text) is always reported: it is a leftover of an unfinished template.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from jdlint.facts.placeholders import is_placeholder_title
from jdlint.hookspecs import hookimpl
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule
from jdlint.parse.inline import strip_comments

RULE = Rule(
    id="empty-section",
    category="structure",
    severity=Severity.WARNING,
    summary="A heading with no content before the next heading of the same or a higher level.",
    explain=(
        "An empty heading reads as something the author forgot to write, and screen readers "
        "announce it as a section with nothing in it. A heading whose only content is "
        "sub-headings with their own text is a container and is fine."
    ),
    source="jdlint structure checks; WCAG 2.2 technique G130 (descriptive headings introduce content).",
    fix_hint="Write the section, or delete the heading.",
    bad_examples=("## Benefits\n## How to apply\nEmail us.", "####", "**Perks**\n\n## Apply"),
    good_examples=("## Requirements\n### Must have\n- Go", "## Benefits\n- 30 days of leave"),
)

_PSEUDO = ("plain", "emphasis")
_CALL_TO_ACTION = re.compile(r"^(?:click (?:here )?to )?apply(?: now| here| today| online)?\W*$", re.IGNORECASE)
_HASHTAG = re.compile(r"[ \t]*#[A-Za-z]")  # `#LI-REMOTE`: a tag line, not a heading
_LINK = re.compile(r"\]\(|<a\s|https?://", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_CONTENT_CHAR = re.compile(r"[^ \t\n=#*_-]")  # neither in a `_RULE_LINE` nor trimmed by `_has_content`


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id):
        return
    text = posting.text
    secs = [s for s in posting.sections if s.style not in ("preamble", "inline")]
    starts = [s.heading_start for s in secs]
    for n, sec in enumerate(secs):
        if not sec.title.strip():
            if sec.style == "atx":
                line = posting.lines.position(sec.heading_start)[0]
                start, end = posting.lines.line_span(line)
                marker = text[start:end].strip()
                start += text[start:end].index(marker[0])
                yield Hit(RULE.id, start, start + len(marker), "An empty heading marker with no title; remove it.")
            continue
        if is_placeholder_title(sec.title):
            continue  # placeholder-section reports it
        line_start = posting.lines.line_span(posting.lines.position(sec.heading_start)[0])[0]
        raw_heading = text[line_start : sec.heading_end + 2]
        if raw_heading.rstrip().endswith("*") and not raw_heading.lstrip().startswith(("*", "#")):
            continue  # `Required*`: a form field label left in a scraped page
        if _HASHTAG.match(raw_heading) or _LINK.search(raw_heading):
            continue  # a hashtag line or a linked call to action is content, not a section title
        if not _looks_like_title(text, sec):
            continue
        if (
            n == 1
            and sec.kind in ("other", "location")
            and secs[0].kind == "other"
            and sec.level > secs[0].level
            and not _has_content(posting, secs, starts, secs[0].body_start, sec.heading_start)
        ):
            continue  # `## Backend Engineer` then `#### San Francisco, CA`: a subtitle under the title
        nxt = secs[n + 1] if n + 1 < len(secs) else None
        # `BENEFITS` then `FURTHER INSTRUCTIONS`, `=== A ===` then `=== B ===`: headings of one shape are
        # siblings, so what follows the second is not the first's content
        siblings = nxt is not None and _same_shape(text, sec, nxt)
        if siblings and _in_menu(text, sec.heading_start):
            continue  # `ABSENTEE BALLOT STATUS / LOOK UP POLLING LOCATION / SAMPLE BALLOTS`: a site's menu
        if _value_on_line(text, sec.heading_end) or _has_content(
            posting, secs, starts, sec.body_start, nxt.heading_start if siblings else sec.end
        ):
            continue
        if nxt is not None and nxt.style in _PSEUDO and not siblings:
            if is_placeholder_title(nxt.title):
                continue  # `Requirements:` then `NONE`: the body is a placeholder, not missing
            if sec.style in _PSEUDO:
                continue  # plain-text headings have no levels: `Tes missions :` may head the next ones
        yield Hit(
            RULE.id,
            sec.heading_start,
            sec.heading_end,
            f"The “{sec.title}” heading has nothing under it; write the section or remove the heading.",
        )


def _looks_like_title(text: str, sec) -> bool:
    """Scraped lists put `-` between lines, which Markdown reads as setext underlines; a
    sentence underlined by one dash is not a heading anyone wrote."""
    if len(sec.title) > 80 or sec.title.rstrip()[-1:] in ".;," or _CALL_TO_ACTION.match(sec.title):
        return False
    if sec.style == "plain":
        # an unmarked line (`DONATE`, `SALARY RANGE: $85,000`) is only a heading when it names a
        # known section and carries no value of its own
        return sec.kind != "other" and ":" not in sec.title
    if sec.style == "setext":
        line_end = text.find("\n", sec.body_start)
        under = text[sec.body_start : line_end if line_end != -1 else len(text)].strip()
        return len(under) >= 3
    return True


def _value_on_line(text: str, heading_end: int) -> bool:
    """`**URL:** https://…` or `Location: Remote`: the heading's own line carries its content
    (the closing `===` of `=== JOB DESCRIPTION ===` is decoration, not a value)."""
    line_end = text.find("\n", heading_end)
    return bool(text[heading_end : line_end if line_end != -1 else len(text)].strip(" \t:*_#=~"))


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end != -1 else len(text)].strip()


def _in_menu(text: str, offset: int) -> bool:
    """Is the line at `offset` the middle of three or more ALL-CAPS lines with no blank line between?"""
    start = text.rfind("\n", 0, offset) + 1
    before = text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip() if start > 0 else ""
    end = text.find("\n", offset)
    after = _line_of(text, end + 1) if end != -1 else ""  # one line each: never the text before or after
    return all(line and line.isupper() and not _DECORATED.match(line) for line in (before, after))


_DECORATED = re.compile(r"^([=~*#-]{2,})\s*\S.*?\s*\1$")


def _same_shape(text: str, a, b) -> bool:
    """Two plain-text headings written alike: both decorated the same way (`=== A ===`), or both bare
    ALL-CAPS lines. (A decorated heading over bare ALL-CAPS ones is their container, and so is a
    requirements heading over another: `MINIMUM QUALIFICATIONS` then `EDUCATION:`.)"""
    if a.style != "plain" or b.style != "plain":
        return False
    if a.kind == b.kind != "other" or {a.kind, b.kind} <= {"required", "preferred"}:
        return False  # `MINIMUM QUALIFICATIONS` over `EDUCATION:`: a part of the same section
    la, lb = _line_of(text, a.heading_start), _line_of(text, b.heading_start)
    da, db = _DECORATED.match(la), _DECORATED.match(lb)
    if da or db:
        return bool(da and db and da.group(1) == db.group(1))
    return la.rstrip(":").isupper() and lb.rstrip(":").isupper()


def _has_content(posting, secs: list, starts: list[int], start: int, end: int) -> bool:
    """Is there anything but headings, blank lines, comments and rules between start and end?"""
    text = posting.text
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    heads = [(s.heading_start, s.heading_end) for s in secs[lo:hi]]
    pos = start
    chunks = []
    for h0, h1 in heads:
        line0 = posting.lines.line_span(posting.lines.position(h0)[0])[0]
        chunks.append(text[pos:line0])
        pos = posting.lines.line_span(posting.lines.position(h1)[0])[1]
        if _LINK.search(text[line0:pos]):
            return True  # a linked heading is content
    chunks.append(text[pos:end])
    body = "".join(chunks)
    if "<!--" not in body and _CONTENT_CHAR.search(body):
        return True  # a character no rule line holds and the trimming below keeps: nearly every body
    rest = _RULE_LINE.sub("", strip_comments(body))
    return bool(rest.strip(" \t\n=-#"))
