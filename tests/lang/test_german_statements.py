"""German statements and sections: work permit, the AGG/equal-treatment statement, section names.

rules/shared/statements.yaml (`by_language: de`) and rules/shared/sections.yaml.
"""

import pytest
from conftest import lint
from german_helpers import german

VISA_MISSING = [  # German postings that say nothing about a work permit: flagged (near misses included)
    "Du arbeitest mit dbt und Snowflake.",
    "Der Arbeitstitel der Stelle ist Data Engineer.",
    "Unser Aufenthaltsraum hat eine Kaffeemaschine.",
    "Die Arbeitszeit beträgt 38,5 Stunden pro Woche.",
    "Du baust Visualisierungen in Power BI.",
    "Dein Arbeitsplatz ist modern ausgestattet.",
    "Wir bieten ein Jobticket und Essenszuschuss.",
    "Du erhältst ein unbefristetes Arbeitsverhältnis.",
    "Die Stelle ist ab sofort zu besetzen.",
    "Wir arbeiten hybrid mit zwei Bürotagen pro Woche.",
    "Du berichtest an die Leitung Data & Analytics.",
    "Du hast Erfahrung mit Airflow.",
    "Du sprichst sehr gut Deutsch und Englisch.",
    "Wir freuen uns über Bewerbungen aus ganz Europa.",
    "Dein Gehalt wird individuell vereinbart.",
    "Reisetätigkeit ca. 10 Prozent.",
    "Die Bewerbungsfrist endet am 30. September.",
    "Unsere Zentrale liegt in Graz.",
    "Wir bieten dir eine Bahncard 50.",
    "Du hast ein abgeschlossenes Studium der Informatik.",
]
VISA_PRESENT = [  # a work-permit statement in German: not flagged
    "Eine gültige Arbeitserlaubnis für Deutschland ist Voraussetzung.",
    "Du benötigst eine Arbeitserlaubnis für Österreich.",
    "Voraussetzung ist ein gültiger Aufenthaltstitel.",
    "Wir unterstützen dich bei der Rot-Weiß-Rot-Karte.",
    "Eine Rot-Weiss-Rot-Karte können wir leider nicht beantragen.",
    "Voraussetzung ist eine Arbeitsbewilligung für die Schweiz.",
    "Eine Arbeitsgenehmigung für die EU ist erforderlich.",
    "Du hast eine Aufenthaltserlaubnis mit Arbeitsberechtigung.",
    "Wir helfen bei der Blauen Karte EU.",
    "Bei der Blauen Karte unterstützen wir dich.",
    "Wir unterstützen beim Visum und beim Umzug.",
    "Visa-Sponsoring ist leider nicht möglich.",
    "Du hast freien Zugang zum österreichischen Arbeitsmarkt.",
    "Arbeitsmarktzugang in Österreich ist Voraussetzung.",
    "Die Stelle steht EU-Bürgerinnen und EU-Bürgern offen.",
    "Eine Beschäftigungsbewilligung beantragen wir für dich.",
    "Du hast eine Niederlassungserlaubnis oder eine Aufenthalts- und Arbeitserlaubnis.",
    "Eine Aufenthaltsbewilligung für die Schweiz ist Voraussetzung.",
    "Eine Niederlassungsbewilligung (C) ist von Vorteil.",
    "Du bist berechtigt, in Deutschland zu arbeiten.",
]

EEO_MISSING = [
    "Du arbeitest mit dbt und Snowflake.",
    "Wir sind unabhängig von Investoren.",
    "Unser Unternehmen ist bankenunabhängig.",
    "Dein Alter Ego ist ein Datenmodell.",
    "Wir bieten Gleitzeit und Homeoffice.",
    "Das Team besteht aus zwölf Personen.",
    "Wir schätzen Vielfalt in unseren Datenquellen.",
    "Unabhängig vom Wetter gibt es Obst.",
    "Die Herkunft der Daten dokumentierst du sauber.",
    "Du hast Erfahrung mit Data Lineage.",
    "Bewerbungen bitte über das Formular.",
    "Wir freuen uns auf deine Unterlagen.",
    "Die Stelle ist unbefristet.",
    "Wir arbeiten mit Kundinnen und Kunden aller Branchen.",
    "Du entwickelst Modelle für alle Märkte.",
    "Diskriminierende Sprache in Datensätzen erkennst du.",
    "Du hast ein Gespür für Religion und Kultur in Märkten? Schön, aber nicht nötig.",
    "Dein Profil: SQL, Python, dbt.",
    "Wir bieten 30 Tage Urlaub.",
    "Du kennst dich mit Behinderungsdaten im Gesundheitswesen aus.",
]
EEO_PRESENT = [
    "Wir freuen uns über alle Bewerbungen – unabhängig von Geschlecht, Nationalität, ethnischer Herkunft, Religion, "
    "Behinderung, Alter und sexueller Identität.",
    "Wir begrüßen Bewerbungen unabhängig von Alter, Geschlecht und Herkunft.",
    "Unabhängig vom Geschlecht zählt bei uns nur die Qualifikation.",
    "Wir stellen ohne Rücksicht auf Herkunft oder Religion ein.",
    "Wir handeln nach dem AGG.",
    "Wir handeln im Sinne des Allgemeinen Gleichbehandlungsgesetzes.",
    "Gleichstellung ist für uns selbstverständlich.",
    "Diversität ist uns wichtig.",
    "Wir leben Vielfalt und begrüßen jede Bewerbung.",
    "Diskriminierung hat bei uns keinen Platz.",
    "Wir stehen für ein Arbeitsumfeld ohne Diskriminierung.",
    "Wir freuen uns über Menschen jeden Alters.",
    "Bewerbungen von Menschen aller Geschlechter sind willkommen.",
    "Schwerbehinderte Menschen werden bei gleicher Eignung bevorzugt berücksichtigt.",
    "Bewerbungen von Frauen sind ausdrücklich erwünscht.",
    "Chancengleichheit ist Teil unserer Kultur.",
    "Wir fördern Gleichbehandlung in allen Teams.",
    "Unser Bewerbungsprozess ist diskriminierungsfrei.",
    "Inklusion leben wir jeden Tag.",
    "Jede Person ist willkommen, ungeachtet ihrer Herkunft.",
]


def _rules(text: str) -> list[str]:
    return [f.rule for f in lint(german(text), path="stelle.md", select=["visa-statement", "eeo-statement"])]


@pytest.mark.parametrize("text", VISA_MISSING)
def test_visa_statement_missing_is_flagged(text: str) -> None:
    assert "visa-statement" in _rules(text)


@pytest.mark.parametrize("text", VISA_PRESENT)
def test_german_work_permit_statement_counts(text: str) -> None:
    assert "visa-statement" not in _rules(text)


@pytest.mark.parametrize("text", EEO_MISSING)
def test_eeo_statement_missing_is_flagged(text: str) -> None:
    assert "eeo-statement" in _rules(text)


@pytest.mark.parametrize("text", EEO_PRESENT)
def test_german_equal_treatment_statement_counts(text: str) -> None:
    assert "eeo-statement" not in _rules(text)


def test_german_phrasings_are_not_searched_in_english_postings() -> None:
    english = (
        "# Data Engineer\n\nWe are a software company and we are looking for an engineer who will build our data "
        "platform with us. You will work on the pipelines that our customers rely on every day.\n\n"
        "Diversität und AGG.\n"
    )
    assert "eeo-statement" in [f.rule for f in lint(english, select=["eeo-statement"])]


PLACES = [  # (location line, words the advice must contain)
    ("Standort: Wien, Österreich", ("Austria", "Rot-Weiß-Rot-Karte", "GlBG")),
    ("Arbeitsort: Berlin", ("Germany", "Blauen Karte EU", "AGG")),
    ("Einsatzort: Zürich, Schweiz", ("Switzerland", "Arbeitsbewilligung")),
    ("", ("Arbeitserlaubnis", "unabhängig von Geschlecht")),
]


@pytest.mark.parametrize(("place", "words"), PLACES)
def test_advice_fits_the_country_in_english_with_a_german_sentence(place: str, words: tuple[str, ...]) -> None:
    findings = lint(german(place + "\n\nDu arbeitest mit dbt."), path="stelle.md", select=["compliance"])
    messages = " ".join(f.message for f in findings if f.rule in ("visa-statement", "eeo-statement"))
    for word in words:
        assert word in messages
    assert "authorized to work in the US" not in messages and "U.S." not in messages
    assert messages.startswith("The posting")  # the interface language stays English


ITEMS = "\n".join(f"- Punkt {n}: Erfahrung mit Werkzeug {n}" for n in range(1, 15))  # 14 items, over the limit of 12

REQUIRED_HEADINGS = [
    "Das bringst du mit",
    "Das bringen Sie mit",
    "Was du mitbringst",
    "Was Sie mitbringen",
    "Dein Profil",
    "Ihr Profil",
    "Profil",
    "Anforderungen",
    "Deine Qualifikationen",
    "Voraussetzungen",
    "Kenntnisse",
    "Damit überzeugst du uns",
    "Damit beeindruckst du uns",
    "Das zeichnet dich aus",
    "Was wir erwarten",
    "Was wünschen wir uns von dir",
    "Was wir von dir erwarten",
    "Du bringst mit",
    "Wen wir suchen",
    "Qualifikationen",
]
OTHER_HEADINGS = [  # the same list under these headings is not a list of requirements
    "Deine Aufgaben",
    "Ihre Aufgaben",
    "Aufgaben",
    "Das erwartet dich",
    "Diese Aufgaben warten auf dich",
    "Deine Rolle",
    "Wir bieten",
    "Was wir bieten",
    "Was wir dir bieten",
    "Das bieten wir",
    "Unser Angebot",
    "Deine Vorteile",
    "Deine Benefits",
    "Nice to have",
    "Wünschenswert",
    "Von Vorteil",
    "Über uns",
    "Wer wir sind",
    "Kontakt",
    "Standort",
]


def _overload(heading: str) -> list[str]:
    text = german(f"## {heading}\n\n{ITEMS}")
    return [f.rule for f in lint(text, path="stelle.md", select=["requirement-overload"])]


@pytest.mark.parametrize("heading", REQUIRED_HEADINGS)
def test_german_requirement_headings_are_read(heading: str) -> None:
    assert _overload(heading) == ["requirement-overload"]


@pytest.mark.parametrize("heading", OTHER_HEADINGS)
def test_german_headings_of_other_sections(heading: str) -> None:
    assert _overload(heading) == []
