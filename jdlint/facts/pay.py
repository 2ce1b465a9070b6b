"""Pay figures in a posting: ranges, single figures and open-ended amounts.

A pay-transparency law asks for a minimum and a maximum (or, under some
laws, one set rate). This module finds what a posting actually states:

* a range: "$120,000 – $150,000", "$120k-150k", "USD 120,000 to 150,000 per
  year", "€60.000–75.000", "between $45 and $60 an hour", a table row with
  two amounts, "Minimum: $X … Maximum: $Y", front matter `salary_min` and
  `salary_max`;
* a single figure in a pay context: "$25/hour", "Salary: $65,000";
* an open-ended figure, which no law accepts as a range: "up to $150k",
  "$100k+", "starting at $20/hour". A stated minimum ("starting at EUR
  4.000", "ab EUR 3.954,00 (14x jährlich)") is marked `floor`: Austria's
  law asks for exactly that (`minimum_ok` in jurisdictions.yaml).

Number styles: "120,000", "60.000", "1.234,56", "60 000" (a space, a
no-break or a thin space), "100'000"; € and EUR before or after the figure;
CA$ and C$; per hour, month or year, "brutto", "14x jährlich", "RAL". A
lone "1.234" is a decimal after a dollar or pound sign in an English
posting ("$19.875 an hour") and a thousands group everywhere else ("EUR
4.000", "USD 120.000" in a German posting).

Amounts that are not pay (a $100 stipend, $105M of funding, a $500 fine)
are left out, so they neither satisfy nor trip the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jdlint import data
from jdlint.facts.language import UNDETERMINED, posting_language
from jdlint.match import Pattern, SpanSet
from jdlint.model.posting import Posting
from jdlint.model.store import StoreKey

RANGE, SINGLE, OPEN = "range", "single", "open"
MAX_RATIO = 5.0  # a "range" whose top is more than 5x its bottom is two unrelated numbers

_PRE = r"(?:US\$|USD|CA\$|C\$|CAD|AU\$|A\$|NZ\$|\$|€|EUR|£|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|₹|INR)"
_POST = r"(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|zł|Kč|kr|€|£|dollars|euros?|Euro)"
_GROUP = "[,.’' \u00a0\u202f\u2009]"  # thousands separators: comma, dot, apostrophes, (no-break, thin) spaces
_NUM = rf"\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:[.,]\d{{1,2}})?|\d+(?:[.,]\d{{1,2}})?"
_DASH_CENTS = r"(?:,-{1,2}|,–)?"  # "3.500,-": Austrian and German for no cents
# Currencies written with a decimal point: after one of these, in an English posting, "1.234" is a decimal.
DOT_DECIMAL = frozenset({"$", "US$", "USD", "CA$", "C$", "CAD", "AU$", "A$", "NZ$", "£", "GBP", "DOLLARS", "₹", "INR"})
_K = r"(?:\s?[kK](?![a-zA-Z])|\s?thousand\b)"
_BIG = r"(?:\s?(?:[mMbB]n?|million|billion|trillion|tn|mil|Mio\.?|Mrd\.?|miliardi|milioni)\b)"


def _amount(n: int) -> str:
    return (
        rf"(?P<pre{n}>{_PRE})?\s?(?P<num{n}>{_NUM}){_DASH_CENTS}(?P<k{n}>{_K})?(?P<big{n}>{_BIG})?"
        rf"(?:\s?(?P<post{n}>{_POST})(?![a-zA-Z]))?"
    )


_SEP = r"\s*(?:-{1,2}|–|—|‒|−|~|to|through|thru|bis|à|tot)\s*"
# "between X and Y" in the languages of the EU laws: "zwischen … und", "tra … e", "da … a", "entre … et/y".
_BETWEEN_WORDS = r"(?:between|zwischen|tra|fra|entre|da|od)"
_BETWEEN = rf"\b{_BETWEEN_WORDS}\s+"
_AND = r"\s+(?:and|und|e|et|y|a|do)\s+"
_UNIT = (
    r"\s*(?:/|per|an|a|each|pro|je|al|all['’]|im)\s*(?:hour|hr|h|year|yr|annum|month|mo|week|wk|day|"
    r"Stunde|Std\.?|Monat|Jahr|mese|anno|ora)\b"
    r"|\s*(?:hourly|annually|yearly|monthly|weekly|biweekly|bi-weekly|semi-monthly|daily|p\.?a\.?|p\.?h\.?|"
    r"monatlich|jährlich|jaehrlich|mtl\.|brutto|gross|lordi|mensili|annui)\b"
    r"|\s*\(?\s*14\s?x\s*(?:jährlich|jaehrlich|pro\s+Jahr|per\s+year|a\s+year|annually)?\s*\)?"
)
RANGE_RE = re.compile(
    rf"(?P<between>{_BETWEEN})?{_amount(1)}(?P<sep>{_SEP}|{_AND}){_amount(2)}(?P<unit>{_UNIT})?", re.IGNORECASE
)
_DIGITS = r"\d+"  # every pay match holds a number
_BEFORE_DIGIT = 60  # "between" + spacing + a currency before the first digit of a match
_AFTER_DIGIT = 80  # a thousands word, currency, separator and pay period after a number
AMOUNT_RE = re.compile(rf"{_amount(1)}(?P<unit>{_UNIT})?", re.IGNORECASE)
_DIGIT_RUN = re.compile(_DIGITS)
_LEAD = 4  # a currency (three characters at most) and a space: how far before its number an amount starts
_LEAD_RE = re.compile(rf"(?:{_PRE})?\s?", re.IGNORECASE)  # what an amount holds before its number
_BETWEEN_END = re.compile(rf"{_BETWEEN_WORDS}\Z", re.IGNORECASE)  # a "between" word ending here (none ends another)


def _amount_starts(text: str, lo: int, hi: int, ranges: bool = False) -> list[int]:
    """Every offset in text[lo:hi] where an AMOUNT_RE (`ranges`: a RANGE_RE) match can begin, in order.

    A match begins at a digit; or before a number's first digit, where a
    currency and a space lead to it (`_LEAD_RE`); or (RANGE_RE) at a "between"
    word followed by spaces that end where such a lead begins. A range's
    first number is followed by a separator and a second number, so the last
    run of digits of the stretch cannot begin one.
    """
    out: set[int] = set()
    lead, between = _LEAD_RE.fullmatch, _BETWEEN_END.search
    runs = [run.span() for run in _DIGIT_RUN.finditer(text, lo, hi)]
    for a, b in runs[:-1] if ranges else runs:
        out.update(range(a, b))
        for t in range(max(lo, a - _LEAD), a + 1):
            if t < a and not lead(text, t, a):
                continue
            out.add(t)
            if t > lo and text[t - 1].isspace():
                u = t - 1
                while u > lo and text[u - 1].isspace():
                    u -= 1
                if u > lo and (w := between(text, max(lo, u - 8), u)) is not None:
                    out.add(w.start())
    return sorted(out)


def _range_starts(text: str, lo: int, hi: int) -> list[int]:
    return _amount_starts(text, lo, hi, ranges=True)


# RANGE_RE and AMOUNT_RE open with optional parts (a currency, "between"), so `re` would try them at every
# position; but every match holds a number and reaches at most _BEFORE_DIGIT characters before its first
# digit and _AFTER_DIGIT after its last: they are looked for only that near digits, and only where
# `_amount_starts` says a match can begin.
_RANGES = Pattern(RANGE_RE, near=_DIGITS, reach=(_BEFORE_DIGIT, _AFTER_DIGIT), starts=_range_starts)
_AMOUNTS = Pattern(AMOUNT_RE, near=_DIGITS, reach=(_BEFORE_DIGIT, _AFTER_DIGIT), starts=_amount_starts)
MINMAX_RE = re.compile(
    rf"\bmin(?:imum|\.)?\b[^\n$€£\d]{{0,40}}{_amount(1)}[\s\S]{{0,160}}?\bmax(?:imum|\.)?\b[^\n$€£\d]{{0,40}}{_amount(2)}",
    re.IGNORECASE,
)
PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|paid|wages?|compensation|remuneration|earn(?:ing)?s?|rate|hourly|annual|annually|"
    r"base|ote|range|grade|step|salaire|rémunération|salario|retribuzione|stipendio|RAL|"
    r"wynagrodzenie|atlyginimas|mzda|plat|gross)\b"
    # German compounds: "Jahresgehalt", "Bruttomonatsgehalt", "Mindestlohn", "Vergütung", "Entgelt", "brutto"
    r"|\w*(?:gehalt|lohn|vergütung|entgelt)\w*|\bbrutto\w*",
    re.IGNORECASE,
)
NOT_PAY_BEFORE = re.compile(
    r"\b(?:stipend|bonus|allowance|reimburs\w*|budget|per\s+diem|sign(?:ing|-on)|relocation|referral|equity|"
    r"401\(?k\)?|match\w*|credit|fee|fees|penalt\w*|fines?|funding|raised|valuation|revenue|tuition|insurance|"
    r"gift|prize|donat\w*|grant|award|deductible|premium|cost|costs|price|worth|contribution|spend\w*|sales|"
    # German and Italian allowances: "Essenszuschuss von bis zu 115 €", "Fahrtkostenpauschale", "buoni pasto"
    r"\w*zuschuss\w*|\w*pauschale|\w*prämie|\w*budget|weiterbildung\w*|jobticket|buon[oi]\s+pasto|welfare)\b",
    re.IGNORECASE,
)
NOT_PAY_AFTER = re.compile(
    r"^\s*(?:per\s+violation|fine|penalt|in\s+(?:funding|revenue|sales)|budget|stipend|bonus|allowance|"
    r"of\s+(?:funding|revenue|sales|assets)|users|customers|employees|valuation|worth|%)",
    re.IGNORECASE,
)
_FLOOR_WORDS = (
    r"\bstarting\s+(?:at|from)|\bstarts?\s+at|\bfrom|\bat\s+least|\bminimum(?:\s+of)?|\bmin\.?|\bover|"
    r"\bmore\s+than|\babove|\bin\s+excess\s+of|\bno\s+less\s+than|\bnot\s+less\s+than|\bexceeding|"
    r"\bab|\bmindestens|\bmind\.|\ba\s+partire\s+da|\bminimo|\bod"
)
_CEILING_WORDS = r"\bup\s*to|\bupto|\bas\s+much\s+as|\bmax(?:imum)?(?:\s+of)?|\bbis\s+zu|\bfino\s+a|\bmassimo"
OPEN_BEFORE = re.compile(rf"(?:{_FLOOR_WORDS}|{_CEILING_WORDS})\s*:?\s*$", re.IGNORECASE)
FLOOR_BEFORE = re.compile(rf"(?:{_FLOOR_WORDS})\s*:?\s*$", re.IGNORECASE)
OPEN_AFTER = re.compile(r"^\s*(?:\+|plus\b|or\s+more\b|and\s+up\b|and\s+above\b|or\s+higher\b|\+/-)", re.IGNORECASE)
FLOOR_AFTER = re.compile(r"^\s*(?:\+(?!/)|plus\b|or\s+more\b|and\s+up\b|and\s+above\b|or\s+higher\b)", re.IGNORECASE)
FRONT_MATTER_KEYS = ("salary", "salary_range", "pay", "pay_range", "compensation", "wage", "base_salary")
FRONT_MATTER_PAIRS = (("salary_min", "salary_max"), ("min_salary", "max_salary"), ("pay_min", "pay_max"))


@dataclass(frozen=True)
class Pay:
    """One stated pay figure: a range (low < high), a single figure, or an open-ended one."""

    kind: str
    start: int
    end: int
    low: float
    high: float
    floor: bool = False  # an open figure that is a minimum ("starting at", "ab", "$100k+"), not a cap ("up to")


def parse_number(num: str, k: str | None = None, dot_decimal: bool = False) -> float | None:
    """'120,000' → 120000; '60.000' → 60000; '45.50' → 45.5; '1 234,56' → 1234.56; 'k' multiplies.

    `dot_decimal`: a lone "19.875" is a decimal (after "$" in an English posting), not 19875.
    """
    s = re.sub(r"[’' \u00a0\u202f\u2009]", "", num)
    if dot_decimal and not k and re.fullmatch(r"\d{1,3}\.\d{3}", s):
        return float(s)
    m = re.fullmatch(r"(\d+(?:[.,]\d{3})*)(?:[.,](\d{1,2}))?", s)
    if not m:
        return None
    whole = re.sub(r"[.,]", "", m.group(1))
    value = float(whole + ("." + m.group(2) if m.group(2) else ""))
    if k:
        value *= 1000
    return value


def _money_like(num: str, k: str | None) -> bool:
    """A bare number that reads as money: thousands separators, cents, or a k suffix."""
    return bool(k) or bool(re.search(r"\d[,.’' \u00a0\u202f\u2009]\d{3}\b|[.,]\d{2}$", num))


def _dot_decimal(cur: str | None, english: bool) -> bool:
    """Is a lone "1.234" a decimal here? After a dollar or pound sign in an English posting; else a thousands group."""
    return english and bool(cur) and cur.strip().upper() in DOT_DECIMAL


def _context(source: str, start: int, width: int = 60) -> str:
    line_start = source.rfind("\n", 0, start) + 1
    return source[max(line_start, start - width) : start]


def _pay_context(source: str, start: int, end: int, unit: str | None) -> bool:
    """A pay word earlier on the line (or a pay unit after the figure)."""
    line_start = source.rfind("\n", 0, start) + 1
    return bool(unit) or bool(PAY_WORDS.search(source, max(line_start, start - 120), start))


def _not_pay(source: str, start: int, end: int) -> bool:
    before = _context(source, start, 45)
    return bool(NOT_PAY_BEFORE.search(before)) or bool(NOT_PAY_AFTER.match(source[end : end + 30]))


def _range_from(m: re.Match, source: str, forced: bool = False, english: bool = True) -> Pay | None:
    if m.group("big1") or m.group("big2"):
        return None
    if re.fullmatch(_AND, m.group("sep"), re.IGNORECASE) and not m.group("between") and not forced:
        return None
    k1, k2 = m.group("k1"), m.group("k2")
    cur = m.group("pre1") or m.group("pre2") or m.group("post1") or m.group("post2")
    dot = _dot_decimal(cur, english)
    high = parse_number(m.group("num2"), k2, dot)
    low = parse_number(m.group("num1"), k1, dot)
    if low is None or high is None:
        return None
    if k2 and not k1 and low < 1000 <= high:
        low *= 1000  # "$120-150k"
    if not cur:
        money = _money_like(m.group("num1"), k1) and _money_like(m.group("num2"), k2)
        if not (forced or (money and _pay_context(source, m.start(), m.end(), m.groupdict().get("unit")))):
            return None
    if not (0 < low < high <= low * MAX_RATIO):
        return None
    if _not_pay(source, m.start(), m.end()):
        return None
    return Pay(RANGE, m.start(), m.end(), low, high)


def _singles(source: str, start: int, end: int, taken: list[tuple[int, int]], english: bool = True) -> list[Pay]:
    out: list[Pay] = []
    inside = SpanSet(taken)  # by bisection: a long salary table has many ranges and many amounts
    for m in _AMOUNTS.finditer(source, start, end):
        if m.group("big1") or inside.contains(m.start()):
            continue
        cur = m.group("pre1") or m.group("post1")
        num, k = m.group("num1"), m.group("k1")
        if not cur and not (_money_like(num, k) and PAY_WORDS.search(_context(source, m.start(), 80))):
            continue
        value = parse_number(num, k, _dot_decimal(cur, english))
        if not value or _not_pay(source, m.start(), m.end()):
            continue
        before, after = _context(source, m.start(), 40), source[m.end() : m.end() + 12]
        if OPEN_BEFORE.search(before) or OPEN_AFTER.match(after):
            floor = bool(FLOOR_BEFORE.search(before) or FLOOR_AFTER.match(after))
            out.append(Pay(OPEN, m.start(), m.end(), value, value, floor))
        elif _pay_context(source, m.start(), m.end(), m.group("unit")):
            out.append(Pay(SINGLE, m.start(), m.end(), value, value))
    return out


def _table_ranges(posting: Posting) -> list[Pay]:
    """A Markdown table row holding two pay amounts: "| Base | $120,000 | $150,000 |"."""
    out: list[Pay] = []
    text, analysis = posting.text, posting.analysis
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.lstrip().startswith("|") and line.count("|") >= 3:
            amounts = []
            for m in AMOUNT_RE.finditer(analysis, pos, end):
                cur = m.group("pre1") or m.group("post1")
                if m.group("big1") or not (cur or _money_like(m.group("num1"), m.group("k1"))):
                    continue
                value = parse_number(m.group("num1"), m.group("k1"))
                if value:
                    amounts.append(value)
            if len(amounts) >= 2:
                low, high = min(amounts), max(amounts)
                if 0 < low < high <= low * MAX_RATIO:
                    out.append(Pay(RANGE, pos, end, low, high))
        pos = end + 1
    return out


def _front_matter(posting: Posting) -> list[Pay]:
    fm = posting.front_matter or {}
    block = posting.text[: posting.front_matter_end]
    out: list[Pay] = []

    def span(key: str) -> tuple[int, int]:
        m = re.search(rf"^{re.escape(key)}\s*:.*$", block, re.MULTILINE)
        return (m.start(), m.end()) if m else (0, 0)

    def number(value: object) -> float | None:
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, str):
            m = AMOUNT_RE.search(value)
            return parse_number(m.group("num1"), m.group("k1")) if m else None
        return None

    for lo_key, hi_key in FRONT_MATTER_PAIRS:
        lo, hi = number(fm.get(lo_key)), number(fm.get(hi_key))
        if lo and hi:
            s, e = span(lo_key)
            out.append(Pay(RANGE if lo < hi else SINGLE, s, e, lo, hi))
    for key in FRONT_MATTER_KEYS:
        value = fm.get(key)
        s, e = span(key)
        if isinstance(value, dict):
            lo = number(value.get("min", value.get("minimum", value.get("low"))))
            hi = number(value.get("max", value.get("maximum", value.get("high"))))
            if lo and hi:
                out.append(Pay(RANGE if lo < hi else SINGLE, s, e, lo, hi))
        elif isinstance(value, list) and len(value) == 2:
            lo, hi = number(value[0]), number(value[1])
            if lo and hi:
                out.append(Pay(RANGE if lo < hi else SINGLE, s, e, min(lo, hi), max(lo, hi)))
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            out.append(Pay(SINGLE, s, e, float(value), float(value)))
        elif isinstance(value, str) and e > s:
            out += find_in(posting.text, s, e, forced=True)
    return out


def find_in(source: str, start: int, end: int, forced: bool = False, english: bool = True) -> list[Pay]:
    """Pay figures in source[start:end]; `forced` treats bare numbers as pay (a salary field).

    `english`: the posting is in English, where "$1.234" is a decimal (see the module docstring).
    """
    found: list[Pay] = []
    for m in _RANGES.finditer(source, start, end):
        pay = _range_from(m, source, forced, english)
        if pay:
            found.append(pay)
    for m in MINMAX_RE.finditer(source, start, end) if "max" in source[start:end].lower() else ():
        pay = _range_from_minmax(m)
        if pay:
            found.append(pay)
    taken = [(p.start, p.end) for p in found]
    found += _singles(source, start, end, taken, english)
    return found


def _range_from_minmax(m: re.Match) -> Pay | None:
    low = parse_number(m.group("num1"), m.group("k1"))
    high = parse_number(m.group("num2"), m.group("k2"))
    if m.group("big1") or m.group("big2") or not low or not high or not (low < high <= low * MAX_RATIO):
        return None
    if not (m.group("pre1") or m.group("pre2") or _money_like(m.group("num1"), m.group("k1"))):
        return None
    return Pay(RANGE, m.start(), m.end(), low, high)


_PAY: StoreKey[list[Pay]] = StoreKey("pay figures")
_BENEFITS: StoreKey[bool] = StoreKey("benefits described")


def find_pay(posting: Posting) -> list[Pay]:
    """Every pay figure the posting states, in text order (computed once per posting; do not change the list)."""
    return posting.facts.compute(_PAY, lambda: _find_pay(posting))


def _find_pay(posting: Posting) -> list[Pay]:
    found = _front_matter(posting)
    english = posting_language(posting) in ("en", UNDETERMINED)
    found += find_in(posting.analysis, posting.front_matter_end, len(posting.analysis), english=english)
    found += _table_ranges(posting)
    return sorted(found, key=lambda p: (p.start, p.kind))


@cache
def _benefit_terms() -> re.Pattern[str]:
    terms = data.load("shared/benefits.yaml")["terms"]
    return re.compile(r"\b(?:" + "|".join(f"(?:{t})" for t in terms) + r")(?!\w)", re.IGNORECASE)


def benefits_described(posting: Posting) -> bool:
    """Does the posting name at least one concrete benefit ("health insurance", "401(k)", "paid time off")?

    "Great benefits" names none. The terms are in rules/shared/benefits.yaml.
    """
    return posting.facts.compute(
        _BENEFITS, lambda: _benefit_terms().search(posting.analysis, posting.front_matter_end) is not None
    )
