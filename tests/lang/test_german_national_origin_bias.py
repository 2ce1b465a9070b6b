"""national-origin-bias in postings written in German (rules/bias/national-origin-bias.de.yaml)."""

from german_helpers import german_table_tests

RULE = "national-origin-bias"

FLAGGED = [
    ("Du sprichst Deutsch als Muttersprache.", "Deutsch als Muttersprache"),
    ("Sie sprechen Deutsch als Muttersprache und gutes Englisch.", "Deutsch als Muttersprache"),
    ("Voraussetzung: Muttersprache Deutsch.", "Muttersprache Deutsch"),
    ("Du bist Muttersprachler und kommunizierst sicher.", "Muttersprachler"),
    ("Wir suchen Muttersprachlerinnen für den Kundenservice.", "Muttersprachlerinnen"),
    ("Muttersprachliches Deutsch in Wort und Schrift.", "Muttersprachliches Deutsch"),
    ("Du hast muttersprachliche Deutschkenntnisse.", "muttersprachliche Deutschkenntnisse"),
    ("Deutsch auf muttersprachlichem Niveau ist ein Muss.", "Deutsch auf muttersprachlichem Niveau"),
    ("Deutsch auf Muttersprachniveau.", "Deutsch auf Muttersprachniveau"),
    ("Du hast deutsche Muttersprache.", "deutsche Muttersprache"),
    ("Englisch als Muttersprache ist von Vorteil.", "Englisch als Muttersprache"),
    ("Englisch auf muttersprachlichem Niveau.", "Englisch auf muttersprachlichem Niveau"),
    ("Du bist Native Speaker in Deutsch.", "Native Speaker"),
    ("Deutsch auf Native-Speaker-Niveau.", "Native-Speaker-Niveau"),
    ("Du sprichst akzentfreies Deutsch.", "akzentfreies"),
    ("Du sprichst Deutsch ohne Akzent.", "ohne Akzent"),
    ("Dialektfreies Deutsch am Telefon.", "Dialektfreies"),
    ("Bewerberinnen und Bewerber deutscher Herkunft bevorzugt.", "deutscher Herkunft"),
    ("Deine Muttersprache ist Deutsch.", "Muttersprache"),
    ("Du bist muttersprachlich in Deutsch und Englisch.", "muttersprachlich"),
    ("Muttersprachler:in Deutsch.", "Muttersprachler:in"),
]

PASSING = [
    "Du verfügst über verhandlungssichere Deutschkenntnisse.",
    "Deutsch auf C1-Niveau ist Voraussetzung.",
    "Sehr gute Deutschkenntnisse in Wort und Schrift (C1).",
    "Fließendes Deutsch und Englisch (mindestens B2).",
    "Verhandlungssicheres Englisch.",
    "Gute Deutschkenntnisse (B2+) für die Arbeit mit Fachabteilungen.",
    "Du kommunizierst sicher auf Deutsch und Englisch.",
    "Wir bieten Deutschkurse für alle Niveaus an.",
    "Deutsch lernen? Wir zahlen den Sprachkurs.",
    "Unser Team spricht zwölf Sprachen.",
    "Kundengespräche führst du in deiner Muttersprache oder auf Englisch.",
    "Wir beraten Kundinnen und Kunden in ihrer Muttersprache.",
    "Alle sind willkommen, unabhängig von der Muttersprache.",
    "Eine klare Aussprache am Telefon ist wichtig.",
    "Unsere Kundschaft kommt aus ganz Europa.",
    "Du arbeitest in einem internationalen Team.",
    "Sprachniveau: Deutsch C1, Englisch B2.",
    "Wir suchen Verstärkung für den deutschsprachigen Markt.",
    "Du hast Erfahrung mit Sprachmodellen und Native Apps.",
    "Die Arbeitssprache ist Englisch.",
    "Idealerweise sprichst du auch Französisch (B1).",
]

test_flags_in_german, test_passes_in_german = german_table_tests(RULE, FLAGGED, PASSING)
