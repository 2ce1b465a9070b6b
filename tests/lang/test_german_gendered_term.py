"""gendered-term in postings written in German: masculine-only titles (jdlint/checks/bias/gendered_term_de.py)
and idioms (rules/bias/gendered-term.de.yaml)."""

import pytest
from conftest import lint
from german_helpers import found, german, german_table_tests

from jdlint import Severity

RULE = "gendered-term"
FILLER = "Wir freuen uns auf dich."

# (title, span flagged)
FLAGGED_TITLES = [
    ("Entwickler", "Entwickler"),
    ("Berater", "Berater"),
    ("Verkäufer im Außendienst", "Verkäufer"),
    ("Mitarbeiter im Kundenservice", "Mitarbeiter"),
    ("Softwareentwickler", "Softwareentwickler"),
    ("Senior Berater SAP", "Berater"),
    ("BI-Entwickler", "BI-Entwickler"),
    ("Projektleiter Digitalisierung", "Projektleiter"),
    ("Teamleiter Data Platform", "Teamleiter"),
    ("Werkstudent Data Engineering", "Werkstudent"),
    ("Ingenieur Verfahrenstechnik", "Ingenieur"),
    ("Sachbearbeiter Buchhaltung", "Sachbearbeiter"),
    ("Kaufmann für Büromanagement", "Kaufmann"),
    ("Geschäftsführer", "Geschäftsführer"),
    ("Entwickler (m/w/d)", "Entwickler (m/w/d)"),
    ("Datenbankadministrator (m/w/d)", "Datenbankadministrator (m/w/d)"),
    ("Data Analyst (w/m/d)", "Analyst (w/m/d)"),
    ("Business Intelligence Spezialist (gn)", "Spezialist (gn)"),
    ("IT-Berater (m/w/d)", "IT-Berater (m/w/d)"),
    ("Verkäufer (m/w/d) in Teilzeit", "Verkäufer (m/w/d)"),
    ("Senior Softwareentwickler (all genders)", "Softwareentwickler (all genders)"),
]

PASSING_TITLES = [
    "Softwareentwickler:in",
    "Entwickler*in",
    "Entwicklerin/Entwickler",
    "Entwickler/in",
    "Entwickler/-in",
    "EntwicklerIn",
    "Entwickler_in",
    "Entwicklerin oder Entwickler (m/w/d)",
    "Entwickler oder Entwicklerin Backend",
    "Berater:in SAP (m/w/d)",
    "Teamleitung Data Platform",
    "Projektleitung Digitalisierung",
    "Fachkraft für Lagerlogistik",
    "Data Engineer (m/w/d)",
    "Analytics Engineer (all genders)",
    "Mitarbeiter:innen im Kundenservice",
    "Kauffrau/Kaufmann für Büromanagement",
    "Verkaufskraft im Einzelhandel",
    "Werkstudierende Data Engineering",
    "Geschäftsführung",
    "Ingenieurin/Ingenieur Verfahrenstechnik",
    "BI-Entwickler*in (m/w/d)",
]

# idioms and job titles in the text (a role noun right before a gender marker)
FLAGGED_TEXT = [
    ("Wir suchen ab sofort einen Entwickler (m/w/d) für unser Team.", "Entwickler (m/w/d)"),
    ("Zur Verstärkung suchen wir einen Berater (w/m/d) in Wien.", "Berater (w/m/d)"),
    ("Der Aufwand liegt bei 20 Manntagen.", "Manntagen"),
    ("Wir rechnen in Mannstunden ab.", "Mannstunden"),
    ("Du bist Fachmann für Datenbanken.", "Fachmann"),
    ("Wir prüfen alle Bewerber sorgfältig.", "alle Bewerber"),
    ("Jeder Bewerber erhält eine Antwort.", "Jeder Bewerber"),
]

PASSING_TEXT = [
    "Der Aufwand liegt bei 20 Personentagen.",
    "Wir prüfen alle Bewerbungen sorgfältig.",
    "Alle Bewerberinnen und Bewerber erhalten eine Antwort.",
    "Alle Bewerber:innen erhalten eine Antwort.",
    "Du bist Fachkraft für Datenbanken.",
    "Wir suchen ab sofort eine Entwicklerin oder einen Entwickler (m/w/d) für unser Team.",
    "Wir suchen ab sofort eine:n Entwickler:in (m/w/d) für unser Team.",
    "Das Projekt ist für 18 Personenmonate geplant.",
    "Ihre Ansprechperson im Recruiting ist Frau Berger.",
]

test_flags_in_german, test_passes_in_german = german_table_tests(RULE, FLAGGED_TEXT, PASSING_TEXT)


@pytest.mark.parametrize(("title", "expected"), FLAGGED_TITLES)
def test_flags_masculine_titles(title: str, expected: str) -> None:
    got = found(RULE, FILLER, title=title)
    assert expected in got, f"should flag {expected!r} in the title {title!r}; got {got}"


@pytest.mark.parametrize("title", PASSING_TITLES)
def test_passes_inclusive_titles(title: str) -> None:
    assert found(RULE, FILLER, title=title) == []


def _finding(title: str):
    (f,) = [f for f in lint(german(FILLER, title), path="stelle.md", select=[RULE]) if f.rule == RULE]
    return f


def test_bare_masculine_title_is_a_warning_with_the_pair_and_an_inclusive_form() -> None:
    f = _finding("Entwickler")
    assert f.severity == Severity.WARNING
    assert f.suggestions[:2] == ("Entwicklerin/Entwickler", "Entwickler:in")
    assert "masculine form only" in f.message  # messages stay in English


def test_marker_title_is_info_citing_the_study_with_the_pair_as_suggestion() -> None:
    f = _finding("Entwickler (m/w/d)")
    assert f.severity == Severity.INFO
    assert f.suggestions[0] == "Entwicklerin/Entwickler"
    assert "Horvath & Sczesny 2016" in f.message and "Entwicklerin/Entwickler (m/w/d)" in f.message


def test_neutral_noun_is_suggested_where_there_is_one() -> None:
    assert "Fachkraft" in _finding("Mitarbeiter").suggestions
    assert "Teamleitung" in _finding("Teamleiter").suggestions
    assert _finding("Kaufmann").suggestions[0] == "Kauffrau/Kaufmann"


def test_compound_titles_get_compound_suggestions() -> None:
    assert _finding("BI-Entwickler").suggestions[0] == "BI-Entwicklerin/BI-Entwickler"
    assert _finding("Vertriebsleiter").suggestions[:1] == ("Vertriebsleiterin/Vertriebsleiter",)


def test_other_jobs_listed_on_a_saved_page_are_not_read() -> None:
    text = FILLER + "\n\nSimilar jobs\n\nBI-Entwickler (w/m/d)\nKöln, Germany\n"
    assert found(RULE, text) == []


def test_english_pronoun_rules_do_not_read_german_postings() -> None:
    # "he" is no pronoun in German; the English half of the rule stays out
    assert found(RULE, "Das Team von Herrn He und Frau She arbeitet an der Plattform.") == []
