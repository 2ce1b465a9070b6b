"""placeholder-text: template fill-ins left inside real content.

`[COMPANY NAME]`, `{{ salary }}`, `{hiring_manager}`, `<insert location>`,
`$XXX,XXX`, `XX years`, "lorem ipsum", `TK`. The shapes are matched on the
raw text (the analysis copy blanks brackets and tags), then kept only where
a reader sees them: not in code, comments or front matter, and never on
Markdown links, task boxes, footnotes or real bracketed words (`[remote]`).
"""

from __future__ import annotations

import re
from functools import cache

from jdlint.facts.placeholders import bracket_words, placeholder_body
from jdlint.hookspecs import hookimpl
from jdlint.match import Pattern, lazy_compile
from jdlint.model.finding import Hit, Severity
from jdlint.model.rule import Rule
from jdlint.parse.inline import code_spans, comment_spans

RULE = Rule(
    id="placeholder-text",
    category="structure",
    severity=Severity.ERROR,
    summary="Unfilled template text such as [COMPANY NAME], {{ salary }} or $XXX,XXX.",
    explain=(
        "A posting built from a template sometimes ships with a fill-in left in place. "
        "Candidates read it as carelessness, and an unfilled pay range or location can make "
        "a posting non-compliant with pay-transparency laws."
    ),
    source="jdlint structure checks; fill-in conventions of ATS, mail-merge and Jinja/Liquid templates.",
    fix_hint="Replace the fill-in with the real value, or remove the sentence.",
    bad_examples=(
        "Join [COMPANY NAME] as a data engineer.",
        "The salary is {{ salary }} per year.",
        "You will report to {hiring_manager}.",
        "This role is based in <insert location>.",
        "Pay: $XXX,XXX – $XXX,XXX",
        "You have XX years of experience.",
        "Lorem ipsum dolor sit amet.",
    ),
    good_examples=(
        "See [our handbook](https://example.com).",
        "- [ ] Submit your CV",
        "This role is [remote] friendly.",
        "Benefits include 401(k) matching.[^1]",
        "`{{ config.value }}` in code",
    ),
)

_TEMPLATE_NOUNS = (
    r"company|company name|employer|organi[sz]ation|team|department|job title|title|role|position|"
    r"salary|pay|pay range|salary range|compensation|amount|rate|bonus|"
    r"location|city|state|country|office|address|date|start date|deadline|"
    r"name|hiring manager|manager|recruiter|contact|email|e-mail|phone|link|url|website|"
    r"benefits?|number|x+|n|"
    # German (postings in German): [Firmenname], [Gehalt], [Ansprechpartner:in], [Eintrittsdatum]
    r"firmenname|firma|unternehmensname|arbeitgeber|stellentitel|stellenbezeichnung|jobtitel|"
    r"gehalt|gehaltsspanne|vergütung|standort|arbeitsort|adresse|datum|startdatum|eintrittsdatum|"
    r"bewerbungsfrist|ansprechpartner(?:in|:in|\*in)?|ansprechperson|abteilung|name der firma"
)
_FILL_VERB = r"(?:insert|enter|add|type|put|fill in|replace with|your)"
# Each shape names text every match contains (`needle`): a posting without it is skipped by one `in`
# test, where the regex would try every position. Each begins with a literal character and puts its
# look-behind after it ("\[(?<![\]!\\]\[)", not "(?<![\]!\\])\["): `re` then jumps from one "[" to the
# next instead of trying the look-behind at every position of a posting that holds one.
_SHAPES = [
    # [COMPANY NAME], [Company Name], [insert salary]
    Pattern(r"\[(?<![\]!\\]\[)(?!\^)([^\[\]\n]{2,60})\](?![(\[:])", needle="["),
    # {{ salary }}, {{salary_range}}
    Pattern(r"\{\{\s*[A-Za-z_][\w.\- ]{0,40}?\s*\}\}", needle="{{"),
    # {hiring_manager}, {company}
    Pattern(r"\{(?<![{$\\\w]\{)([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\}(?!\})", needle="{"),
    # <insert location>, <COMPANY NAME>
    Pattern(r"<\s*(" + _FILL_VERB + r"\b[^<>\n]{1,50}|[A-Z][A-Z ]{2,40}[A-Z])\s*>", needle="<"),
    # $XXX,XXX  $XX.XX  $XXk
    Pattern(r"\$\s?X{1,3}(?:,X{3})*(?:\.X{2})?[kK]?\b", needle="$"),
    # XX years, X+ years
    Pattern(r"X(?<!\wX)X?\+?\s*(?:years?|yrs?|months?)\b", needle="X"),
    # lorem ipsum
    Pattern(r"\blorem ipsum\b", re.IGNORECASE, needle="lorem"),
    # TK / TKTK: a journalist's "to come"
    Pattern(r"TK(?<![\w&/-]TK)(?:TK){0,2}(?![\w&/-])", needle="TK"),
]
_UNFINISHED = (
    r"tbd|tba|tbc|todo|tk|placeholder|to be (?:added|confirmed|determined)|"
    r"platzhalter|folgt|wird nachgereicht|.*\b(?:einfügen|eintragen|ergänzen)"  # German: "[hier Gehalt einfügen]"
)
_BRACKET_FILL = lazy_compile(
    r"^(?:" + _FILL_VERB + r"\b.*|" + _UNFINISHED + r"|(?:the |your |our )?(?:" + _TEMPLATE_NOUNS + r")"
    r"(?: (?:here|name|title))?)$",
    re.IGNORECASE,
)
_ALL_CAPS = re.compile(r"^[A-Z][A-Z0-9 _/&'.-]*[A-Z0-9]$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_JEKYLL = re.compile(r"^\{\{\s*(?:site|page|include|layout|post|content|paginator|jekyll)\b")


@cache
def _template_nouns() -> re.Pattern[str]:
    return re.compile(r"^(?:" + _TEMPLATE_NOUNS + r")$", re.IGNORECASE)


@hookimpl
def jdlint_rules():
    return [RULE]


@hookimpl
def jdlint_check(posting, context):
    if not context.enabled(RULE.id) or context.profile.is_template:  # a template's placeholders are meant
        return
    text = posting.text
    hidden: list[tuple[int, int]] | None = None  # found on first need: most postings hold no shape at all
    seen: list[tuple[int, int]] = []
    for pattern in _SHAPES:
        for m in pattern.finditer(posting, raw=True):
            start, end = m.start(), m.end()
            if hidden is None:
                hidden = _hidden_spans(posting)
            if start < posting.front_matter_end or _inside(hidden, start):
                continue
            if any(a < end and start < b for a, b in seen):
                continue
            if not _is_fill_in(m, text):
                continue
            if _whole_section_placeholder(posting, start):
                continue  # placeholder-section reports a body that is nothing but this
            seen.append((start, end))
            yield Hit(
                RULE.id,
                start,
                end,
                f"“{m.group(0)}” looks like an unfilled template placeholder; put in the real value.",
            )


def _is_fill_in(m: re.Match[str], text: str) -> bool:
    """Apply the exceptions that the bare shape cannot express."""
    s = m.group(0)
    if s.startswith("["):
        inner = " ".join(m.group(1).split())
        if inner.lower() in bracket_words() or inner.strip().lower() in ("x", " ", ""):
            return False
        # a link reference definition or a wiki-style link: `[text]: url`, `[[page]]`
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip() == "" and text[m.end() : m.end() + 1] == ":":
            return False
        if _BRACKET_FILL.match(inner):
            return True
        letters = [c for c in inner if c.isalpha()]
        return bool(_ALL_CAPS.match(inner)) and len(letters) >= 4 and (" " in inner or "_" in inner)
    if s.startswith("{{"):
        return not _JEKYLL.match(s)
    if s.startswith("{"):
        name = m.group(1)
        return "_" in name or bool(_template_nouns().match(name))
    if s.startswith("<"):
        return True
    if s.upper().startswith("TK"):
        # only when it stands where a word or number is missing: not in an all-caps run or a name
        before = text[max(0, m.start() - 20) : m.start()]
        after = text[m.end() : m.end() + 20]
        caps_around = re.search(r"[A-Z]{2,}\W*$", before) or re.match(r"\W*[A-Z]{2,}", after)
        return not caps_around and not re.match(r"\s+[A-Z]", after)  # `TK Maxx` is a name
    return True


def _hidden_spans(posting) -> list[tuple[int, int]]:
    """Code blocks, code spans and HTML comments: text a reader never sees as prose."""
    text = posting.text
    spans: list[tuple[int, int]] = comment_spans(text)
    spans += code_spans(text)
    fences = list(_FENCE.finditer(text))
    k = 0
    while k < len(fences):
        opener = fences[k]
        close = next((f for f in fences[k + 1 :] if f.group(1)[0] == opener.group(1)[0]), None)
        end = close.end() if close else len(text)
        spans.append((opener.start(), end))
        k = fences.index(close) + 1 if close else len(fences)
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)


def _whole_section_placeholder(posting, offset: int) -> bool:
    i = posting.section_index_at(offset)
    if i <= 0:
        return False
    sec = posting.sections[i]
    return bool(placeholder_body(posting.text[sec.body_start : sec.body_end], sec.kind, sec.title))
