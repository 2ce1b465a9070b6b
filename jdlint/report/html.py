"""`jdlint report` and `--format html`: one self-contained HTML page for a whole postings repository.

The page is for the people who own postings and never read terminal output
(recruiters, people-ops, legal): which postings break a law and where, how
the pay ranges compare, how the wording leans, and every finding in context.

It is one file with nothing to fetch: charts are SVG drawn by pygal (the
optional extra `jdlint[report]`, with its tooltip script switched off) and
inlined, the styles are inline, and the HTML comes from the Jinja2 template
in `jdlint/report/templates/` with autoescaping on, because file names and
posting text are untrusted. Every chart has a table of the same figures under
it, and no chart tells anything by colour alone.
"""

from __future__ import annotations

import re
from functools import cache
from typing import IO, Any

from jdlint.model.results import Report
from jdlint.report.html_data import VERDICTS, ReportData, build

INSTALL_HINT = "the HTML report draws its charts with pygal; install it with `pip install 'jdlint[report]'`"
MAX_BARS = 25  # bars on a chart by place or rule; the table under it lists every row
ROW = 22  # pixels per bar or range in the charts' own coordinates
COLOURS = {"ok": "#1f6f43", "bad": "#b3261e", "neutral": "#44546a", "warn": "#8a5a00"}


class MissingExtra(RuntimeError):
    """pygal is not installed: the CLI prints the install hint and exits 2."""


def require() -> None:
    """Fail early, before any linting, when the charting library is missing."""
    try:
        import pygal  # noqa: F401
    except ImportError:
        raise MissingExtra(INSTALL_HINT) from None


def render(report: Report, out: IO[str], **options: Any) -> None:
    """The page for `report`; options: rules (id → Rule), as_of (date), config (a label or a Config)."""
    data = build(
        report,
        rules=options.get("rules"),
        as_of=options.get("as_of"),
        config=_config_label(options.get("config")),
        study=_study(),
    )
    out.write(render_data(data))


def render_data(data: ReportData) -> str:
    require()
    charts = {
        "laws": _laws_chart(data),
        "places": _places_chart(data),
        "pay": [_pay_chart(group) for group in data.pay_groups],
        "rules": _rules_chart(data),
        "categories": _categories_chart(data),
        "verdicts": _verdicts_chart(data),
    }
    from jdlint import __version__

    return _template().render(d=data, charts=charts, version=__version__, verdicts=VERDICTS)


@cache
def _template():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("jdlint.report", "templates"),
        autoescape=True,  # every value, whatever the template's file name
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["money"] = _money
    return env.get_template("report.html.j2")


def _config_label(config: Any) -> str | None:
    if config is None or isinstance(config, str):
        return config
    path = getattr(config, "path", None)
    return str(path) if path else None


@cache
def _study() -> str:
    """The study the gender-coding verdicts come from, as the word list names it."""
    from jdlint import data

    try:
        return " ".join(str(data.load("bias/gender-coded.yaml").get("source", "")).split())
    except Exception:  # a missing or broken pack is reported by its rule, not here
        return ""


def _short(label: str, width: int) -> str:
    """pygal does not cut the labels given as {label, value}; a long title would squeeze the plot."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def _money(value: float) -> str:
    return f"{value:,.2f}".removesuffix(".00")


# ---- charts: pygal draws them; here only what to draw ----------------------------------------


def _chart(kind: str, rows: int, **config: Any):
    import pygal
    from pygal.style import Style

    style = Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1d1d1f",
        foreground_strong="#1d1d1f",
        foreground_subtle="#6b6b70",
        font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        label_font_size=13,
        major_label_font_size=13,
        value_font_size=12,
        legend_font_size=13,
        title_font_size=15,
        colors=config.pop("colors", (COLOURS["ok"], COLOURS["bad"], COLOURS["neutral"])),
    )
    options = {
        "width": 900,  # the viewBox: the SVG scales to the page's width
        "height": max(160, 90 + rows * ROW),
        "truncate_label": 60,
        "truncate_legend": 40,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "print_values": True,
        "print_zeroes": False,
        **config,
    }
    # js=[]: pygal's tooltips load a script from the web, never wanted in a file that fetches nothing
    return getattr(pygal, kind)(style=style, js=[], disable_xml_declaration=True, **options)


_PYGAL_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)


def _counts_axis(chart, top: int) -> None:
    """Whole numbers on a count axis (pygal would mark 0.1, 0.2, … for a count of one), ten ticks at most."""
    step = max(1, -(-top // 10))
    chart.y_labels = list(range(0, top + step, step))


def _svg(chart) -> str:
    """The chart's SVG, safe to inline: pygal writes it with an XML serializer, so every label is escaped.

    pygal always adds a script holding its configuration (for its tooltips,
    which are off); it is dropped, so the page runs no code but its own. The
    script's text is serialized XML too, so it cannot hold a "</script>" that
    would end the match early.
    """
    from markupsafe import Markup

    return Markup(_PYGAL_SCRIPT.sub("", chart.render(is_unicode=True)))


def _laws_chart(data: ReportData) -> str | None:
    laws = data.laws[:MAX_BARS][::-1]  # pygal draws the first bar at the bottom: the biggest goes on top
    if not laws:
        return None
    chart = _chart("HorizontalStackedBar", len(laws), title="Postings under each pay-transparency law")
    chart.x_labels = [law["name"] for law in laws]
    chart.add("complies", [len(law["complying"]) for law in laws])
    chart.add("does not comply", [len(law["failing"]) for law in laws])
    _counts_axis(chart, max(len(law["complying"]) + len(law["failing"]) for law in laws))
    return _svg(chart)


def _places_chart(data: ReportData) -> str | None:
    places = data.places[:MAX_BARS][::-1]
    if not places:
        return None
    chart = _chart("HorizontalStackedBar", len(places), title="Postings by jurisdiction (the most common first)")
    chart.x_labels = [p["code"] for p in places]
    chart.add("no compliance finding", [len(p["postings"]) - len(p["flagged"]) for p in places])
    chart.add("with a compliance finding", [len(p["flagged"]) for p in places])
    _counts_axis(chart, max(len(p["postings"]) for p in places))
    return _svg(chart)


def _pay_chart(group: dict[str, Any]) -> str:
    """One horizontal line per range, min to max; a flagged range dashed and red, and named so in its label.

    Two series (plain and flagged), each a run of two-point segments broken by
    None: pygal's cost grows with the number of series, not of points.
    """
    rows = group["rows"]
    n = len(rows)
    chart = _chart(
        "XY",
        n,
        colors=(COLOURS["neutral"], COLOURS["bad"]),
        title=f"Pay ranges in {group['currency']}, per {group['period']}",
        show_legend=any(r["flags"] for r in rows),
        print_values=False,
        show_y_guides=False,
        allow_interruptions=True,
        dots_size=4,
        range=(0, n + 1),
        inverse_y_axis=True,  # the first row on top; pygal rounds the axis's far end up, so any gap falls below
        x_value_formatter=_money,
        width=1000,
    )
    plain: list[tuple[float, float] | None] = []
    wide: list[tuple[float, float] | None] = []
    labels = []
    for i, r in enumerate(rows):
        y = i + 1
        label = _short(r["posting"].label, 30) + (" ⚠ wide" if r["flags"] else "")
        labels.append({"label": label, "value": y})
        (wide if r["flags"] else plain).extend([(r["low"], y), (r["high"], y), None])
    chart.add("range", plain)
    chart.add("wide range (⚠)", wide, stroke_style={"dasharray": "6,4"})
    chart.y_labels = labels
    return _svg(chart)


def _rules_chart(data: ReportData) -> str | None:
    rules = data.rules[:MAX_BARS][::-1]
    if not rules:
        return None
    chart = _chart("HorizontalBar", len(rules), title="Postings flagged by each rule", show_legend=False)
    chart.x_labels = [f"{r['rule']} ({r['category']})" for r in rules]
    chart.add("postings", [r["postings"] for r in rules])
    _counts_axis(chart, max(r["postings"] for r in rules))
    return _svg(chart)


def _categories_chart(data: ReportData) -> str | None:
    if not data.categories:
        return None
    chart = _chart(
        "StackedBar",
        8,
        title="Findings by category and severity",
        colors=(COLOURS["bad"], COLOURS["warn"], COLOURS["neutral"]),
    )
    chart.x_labels = [c["category"] for c in data.categories]
    for severity in ("error", "warning", "info"):
        chart.add(severity, [c[severity] for c in data.categories])
    _counts_axis(chart, max(c["error"] + c["warning"] + c["info"] for c in data.categories))
    return _svg(chart)


def _verdicts_chart(data: ReportData) -> str | None:
    if not any(data.verdicts.values()):
        return None
    chart = _chart("Bar", 8, title="Gender coding of the postings' wording", show_legend=False)
    chart.x_labels = list(VERDICTS)
    chart.add("postings", [data.verdicts[v] for v in VERDICTS])
    _counts_axis(chart, max(data.verdicts.values()))
    return _svg(chart)
