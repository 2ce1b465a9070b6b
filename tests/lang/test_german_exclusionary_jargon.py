"""exclusionary-jargon in postings written in German (rules/bias/exclusionary-jargon.de.yaml)."""

from german_helpers import german_table_tests

RULE = "exclusionary-jargon"

FLAGGED = [
    ("Wir suchen einen Rockstar für unser Data-Team.", "Rockstar"),
    ("Du bist ein echter Rockstar-Entwickler.", "Rockstar"),
    ("Werde unser Python-Ninja!", "Ninja"),
    ("Wir suchen SQL-Ninjas.", "Ninjas"),
    ("Du bist ein Excel-Guru.", "Guru"),
    ("Unser Team sucht einen Daten-Guru.", "Guru"),
    ("Du bist ein Superheld im Reporting.", "Superheld"),
    ("Wir suchen Superstars für den Vertrieb.", "Superstars"),
    ("Du bist ein Jedi der Datenmodellierung.", "Jedi"),
    ("Werde unser Code-Samurai.", "Samurai"),
    ("Du bist ein Zauberer mit dbt.", "Zauberer"),
    ("Überflieger gesucht!", "Überflieger"),
    ("Du bist ein Alleskönner.", "Alleskönner"),
    ("Wir suchen die eierlegende Wollmilchsau.", "eierlegende Wollmilchsau"),
    ("Du bist ein echter Tausendsassa.", "Tausendsassa"),
    ("Für High Performer bieten wir viel.", "High Performer"),
    ("Top-Performer werden bei uns gefördert.", "Top-Performer"),
    ("Du hast Killerinstinkt im Vertrieb.", "Killerinstinkt"),
    ("Du bist ein Einzelkämpfer mit Biss.", "Einzelkämpfer"),
    ("Wir suchen ein Einhorn für Analytics.", "Einhorn"),
    ("Ein Data-Wizard wie du fehlt uns noch.", "Wizard"),
]

PASSING = [
    "Wir suchen eine erfahrene Python-Entwicklerin oder einen erfahrenen Python-Entwickler.",
    "Du bist Expertin oder Experte für SQL.",
    "Du hast fundierte Erfahrung mit dbt.",
    "Wir suchen eine Fachkraft für Datenanalyse.",
    "Du arbeitest gern im Team.",
    "Du übernimmst Verantwortung für unsere Datenplattform.",
    "Wir sind ein Start-up mit Einhorn-Status.",
    "Unser Büro liegt in der Nähe der Oper.",
    "Du hast Erfahrung mit Snowflake und BigQuery.",
    "Du lernst schnell und arbeitest sorgfältig.",
    "Wir bieten dir Weiterbildung und Mentoring.",
    "Du gestaltest technische Standards aktiv mit.",
    "Du kommunizierst klar mit Fachabteilungen.",
    "Du hast ein gutes Gespür für Datenqualität.",
    "Wir arbeiten agil in Sprints.",
    "Du bist neugierig und gehst Probleme strukturiert an.",
    "Wir schätzen Zusammenarbeit mehr als Einzelleistung.",
    "Du hast Freude an sauberem Code.",
    "Wir feiern Erfolge gemeinsam.",
    "Das Team besteht aus acht Personen.",
    "Rock am Ring ist unser jährlicher Teamausflug.",
]

test_flags_in_german, test_passes_in_german = german_table_tests(RULE, FLAGGED, PASSING)
