"""The pay figures a posting states, in each file's report entry (`files[].pay` of the JSON output).

Not a rule: it reports no finding. Only runs whose output shows pay ask for
it (`--format json|html`, `jdlint report`: `Config.pay_figures`): finding every
figure in every posting costs ~9 % of a run's time, which the text, concise,
GitHub and SARIF outputs would spend for nothing. `jdlint report` draws every posting's
range from it, and a script can read it without re-parsing the posting. The
figures are the ones `pay-transparency` judges (`jdlint.facts.pay`); this
module only labels each with its currency and pay period, as written. Nothing
is converted: a "$" is US dollars only where every place of the job is in the
United States (likewise Canada, Australia), an hourly rate stays hourly, and
an unlabelled figure keeps `null`, so ranges are compared only with ranges of
the same currency and period.
"""

from __future__ import annotations

import re

from jdlint.facts.pay import RANGE, SINGLE, find_pay
from jdlint.hookspecs import hookimpl
from jdlint.match import lazy_compile

KINDS = ("posting", "job-family", "template")  # a page that is not a posting states no pay of its own

_CURRENCIES = (
    (r"US\$|\bUSD\b", "USD"),
    (r"CA\$|C\$|\bCAD\b", "CAD"),
    (r"AU\$|A\$|\bAUD\b", "AUD"),
    (r"NZ\$|\bNZD\b", "NZD"),
    (r"€|\bEUR\b|\beuros?\b", "EUR"),
    (r"£|\bGBP\b", "GBP"),
    (r"\bCHF\b", "CHF"),
    (r"\bSEK\b", "SEK"),
    (r"\bNOK\b", "NOK"),
    (r"\bDKK\b", "DKK"),
    (r"\bPLN\b|zł", "PLN"),
    (r"₹|\bINR\b", "INR"),
)
_CURRENCY_RES = tuple((lazy_compile(p, re.IGNORECASE), code) for p, code in _CURRENCIES)
_DOLLAR = lazy_compile(r"\$|\bdollars?\b", re.IGNORECASE)
_DOLLAR_COUNTRY = {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD"}
_PERIODS = (
    (r"\b(?:hour|hr|hourly|p\.?h\.?)\b", "hour"),
    (r"\b(?:day|daily)\b", "day"),
    (r"\b(?:week|wk|weekly)\b", "week"),
    (r"\b(?:bi-?weekly)\b", "two weeks"),
    (r"\b(?:month|mo|monthly|semi-monthly|mensuel|monatlich|al mes)\b", "month"),
    (r"\b(?:year|yr|annum|annual|annually|yearly|p\.?a\.?|per year|jährlich|al año|par an|brut annuel)\b", "year"),
)
_PERIOD_RES = tuple((lazy_compile(p, re.IGNORECASE), name) for p, name in _PERIODS)
_AFTER = 28  # "… $66,459 - $116,956  YEAR", "€6,500–€7,250 gross per month": the period just after the figures


def currency(figure: str, countries: frozenset[str]) -> str | None:
    """The ISO code the figure is written in; "$" only where the job's one country settles which dollar."""
    for pattern, code in _CURRENCY_RES:
        if pattern.search(figure):
            return code
    if _DOLLAR.search(figure):
        dollars = {_DOLLAR_COUNTRY.get(c) for c in countries}
        if len(dollars) == 1 and None not in dollars:
            return dollars.pop()
        return "$"  # a dollar, but which one the posting does not settle
    return None


def period(figure: str, after: str) -> str | None:
    """The pay period written in the figure or just after it on the same line ("per hour", "YEAR", "p.a.")."""
    tail = after.split("\n", 1)[0][:_AFTER]
    for text in (figure, tail):
        for pattern, name in reversed(_PERIOD_RES):  # "bi-weekly" before "weekly"
            if pattern.search(text):
                return name
    return None


@hookimpl
def jdlint_file_summary(posting, context):
    profile = context.profile
    if not context.config.pay_figures or profile.kind not in KINDS:
        return {}
    countries = profile.countries
    out = []
    for pay in find_pay(posting):
        if pay.kind not in (RANGE, SINGLE):
            continue
        figure = posting.text[pay.start : pay.end]
        out.append(
            {
                "kind": pay.kind,
                "low": pay.low,
                "high": pay.high,
                "currency": currency(figure, countries),
                "period": period(figure, posting.text[pay.end : pay.end + 80]),
                "line": posting.position(pay.start)[0],
                "text": " ".join(figure.split()),
            }
        )
    return {"pay": out} if out else {}
