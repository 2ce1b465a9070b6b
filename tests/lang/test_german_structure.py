"""Structure rules on postings written in German: placeholders left in a template, unfinished sections."""

import pytest
from conftest import lint
from german_helpers import german

FILL_INS = [  # (text, span placeholder-text flags)
    ("Werde Teil von [Firmenname].", "[Firmenname]"),
    ("Bei [Firma] arbeitest du an Daten.", "[Firma]"),
    ("Das Gehalt beträgt [Gehalt] brutto.", "[Gehalt]"),
    ("Die Gehaltsspanne ist [Gehaltsspanne].", "[Gehaltsspanne]"),
    ("Vergütung: [hier Gehalt einfügen].", "[hier Gehalt einfügen]"),
    ("Standort: [Standort].", "[Standort]"),
    ("Dein Arbeitsort ist [Arbeitsort].", "[Arbeitsort]"),
    ("Start ab [Eintrittsdatum].", "[Eintrittsdatum]"),
    ("Bewirb dich bis [Bewerbungsfrist].", "[Bewerbungsfrist]"),
    ("Deine Ansprechpartnerin ist [Ansprechpartnerin].", "[Ansprechpartnerin]"),
    ("Kontakt: [Ansprechpartner:in].", "[Ansprechpartner:in]"),
    ("Fragen beantwortet [Ansprechperson].", "[Ansprechperson]"),
    ("Die Stelle heißt [Stellentitel].", "[Stellentitel]"),
    ("Jobtitel: [Jobtitel].", "[Jobtitel]"),
    ("Du arbeitest in der Abteilung [Abteilung].", "[Abteilung]"),
    ("Unsere Adresse: [Adresse].", "[Adresse]"),
    ("Benefits: [Benefits hier eintragen].", "[Benefits hier eintragen]"),
    ("Aufgaben: [Platzhalter].", "[Platzhalter]"),
    ("Gehalt: [folgt].", "[folgt]"),
    ("Arbeitgeber: [Arbeitgeber].", "[Arbeitgeber]"),
    ("Das Gehalt liegt bei {{ gehalt }} pro Jahr.", "{{ gehalt }}"),
]

REAL_BRACKETS = [
    "Die Stelle ist [Vollzeit] ausgeschrieben.",
    "Auch in [Teilzeit] möglich.",
    "Der Vertrag ist [unbefristet].",
    "Unser Handbuch findest du [hier](https://example.com/handbuch).",
    "Das Projekt [Phase 2] startet im Mai.",
    "- [ ] Lebenslauf hochladen",
    "Unsere Werte [1] stehen im Leitbild.",
    "Wir nutzen dbt [core] und Airflow.",
    "Wir suchen eine Entwicklerin oder einen Entwickler (m/w/d).",
    "Gehalt: ab 55.000 Euro brutto im Jahr.",
    "Standort: Wien.",
    "Kontakt: Anna Berger, recruiting@example.com.",
    "Start: ab sofort.",
    "Bewerbungsfrist: 30. September.",
    "Abteilung: Data & Analytics.",
    "Die Aufgaben folgen aus der Roadmap.",
    "Wir ergänzen das Team um eine Person.",
    "Dein Team ist [remote] organisiert.",
    "Wir bieten [neu] ein Jobrad an.",
    "Fragen? Schreib uns.",
    "Arbeitszeit: 38,5 Stunden [optional 30].",
]


@pytest.mark.parametrize(("text", "expected"), FILL_INS)
def test_german_fill_ins_are_flagged(text: str, expected: str) -> None:
    got = [f.match for f in lint(german(text), path="stelle.md", select=["placeholder-text"])]
    assert expected in got


@pytest.mark.parametrize("text", REAL_BRACKETS)
def test_real_text_is_not_a_fill_in(text: str) -> None:
    assert lint(german(text), path="stelle.md", select=["placeholder-text"]) == []


UNFINISHED = ["Folgt", "Folgt in Kürze.", "Wird nachgereicht", "Wird noch ergänzt.", "Hier einfügen", "Platzhalter"]
FINISHED = ["Du entwickelst Datenmodelle in dbt.", "Keine Reisetätigkeit.", "Details folgen im Gespräch mit dem Team."]


@pytest.mark.parametrize("body", UNFINISHED)
def test_german_placeholder_sections(body: str) -> None:
    text = german(f"## Deine Aufgaben\n\n{body}\n\n## Wir bieten\n\n- 30 Tage Urlaub")
    assert [f.rule for f in lint(text, path="stelle.md", select=["placeholder-section"])] == ["placeholder-section"]


@pytest.mark.parametrize("body", FINISHED)
def test_german_sections_with_content(body: str) -> None:
    text = german(f"## Deine Aufgaben\n\n{body}\n\n## Wir bieten\n\n- 30 Tage Urlaub")
    assert lint(text, path="stelle.md", select=["placeholder-section"]) == []
