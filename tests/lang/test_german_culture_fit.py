"""culture-fit in postings written in German (rules/bias/culture-fit.de.yaml)."""

from german_helpers import german_table_tests

RULE = "culture-fit"

FLAGGED = [
    ("Bei uns gilt: Work hard, play hard.", "Work hard, play hard"),
    ("Unser Motto: work hard play hard.", "work hard play hard"),
    ("Work hard / play hard ist unser Leitsatz.", "Work hard / play hard"),
    ("Wir sind eine Familie.", "Wir sind eine Familie"),
    ("Wir sind wie eine Familie und halten zusammen.", "Wir sind wie eine Familie"),
    ("Wir sind eine große Familie.", "Wir sind eine große Familie"),
    ("Bei uns ist es wie in einer Familie.", "wie in einer Familie"),
    ("Werde Teil unserer Familie!", "Teil unserer Familie"),
    ("Werde Teil unserer großen Familie.", "Teil unserer großen Familie"),
    ("Kulturelle Passung ist uns wichtig: Culture Fit zählt.", "Culture Fit"),
    ("Der Cultural Fit muss stimmen.", "Cultural Fit"),
    ("Ein kultureller Fit ist uns wichtig.", "kultureller Fit"),
    ("Wichtig ist, dass du zu unserer Kultur passt.", "zu unserer Kultur passt"),
    ("Freitags gibt es Feierabendbier.", "Feierabendbier"),
    ("Bierkühlschrank inklusive.", "Bierkühlschrank"),
    ("Beer Friday im Büro.", "Beer Friday"),
    ("Bierpong-Turniere jeden Monat.", "Bierpong"),
    ("Du hast ein dickes Fell.", "ein dickes Fell"),
    ("Im Vertrieb ist Ellenbogenmentalität gefragt.", "Ellenbogenmentalität"),
    ("Unsere Bro-Kultur ist legendär.", "Bro-Kultur"),
    ("Freibier bei jedem Release.", "Freibier"),
]

PASSING = [
    "Wir unterstützen die Vereinbarkeit von Familie und Beruf.",
    "Beruf und Familie lassen sich bei uns gut verbinden.",
    "Wir sind ein Familienunternehmen in dritter Generation.",
    "Zeit für die Familie ist uns wichtig.",
    "Wir bieten Zuschüsse für deine Familie.",
    "Wir teilen gemeinsame Werte: Offenheit und Respekt.",
    "Dich erwartet ein unterstützendes Team.",
    "Wir arbeiten konzentriert und erholen uns richtig.",
    "Teamevents, an denen alle teilnehmen können.",
    "Frisches Obst und Kaffee im Büro.",
    "Wir feiern Erfolge gemeinsam beim Sommerfest.",
    "Flexible Arbeitszeiten für Eltern.",
    "Du bereicherst unser Team mit neuen Perspektiven.",
    "Wir sind ein familiengeführtes Unternehmen.",
    "Wir sind ein eng zusammenarbeitendes Team.",
    "Wir legen Wert auf eine offene Feedbackkultur.",
    "Du bist offen für direktes Feedback.",
    "Bei uns zählt, was du kannst.",
    "Unsere Kultur lebt von Vielfalt.",
    "Das Team trifft sich einmal im Quartal vor Ort.",
    "Arbeite mit uns an spannenden Projekten.",
]

test_flags_in_german, test_passes_in_german = german_table_tests(RULE, FLAGGED, PASSING)
