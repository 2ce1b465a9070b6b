"""age-bias in postings written in German (rules/bias/age-bias.de.yaml)."""

from german_helpers import german_table_tests

RULE = "age-bias"

FLAGGED = [
    ("Dich erwartet ein junges Team mit flachen Hierarchien.", "junges Team"),
    ("Dich erwartet ein junges, dynamisches Team in Wien.", "junges, dynamisches Team"),
    ("Du arbeitest in einem jungen und motivierten Team.", "jungen und motivierten Team"),
    ("Werde Teil unseres jungen Teams!", "jungen Teams"),
    ("Wir sind ein junges und dynamisches Team aus Data-Fans.", "junges und dynamisches Team"),
    ("Es erwartet Sie ein junges, internationales Team.", "junges, internationales Team"),
    ("Unser junges Kollegium freut sich auf dich.", "junges Kollegium"),
    ("Die Stelle eignet sich für Berufseinsteiger bis 30 Jahre.", "Berufseinsteiger bis 30"),
    ("Wir suchen Absolventen bis 28 Jahre.", "Absolventen bis 28"),
    ("Bewerber unter 35 Jahren sind willkommen.", "Bewerber unter 35"),
    ("Du bist nicht älter als 35 Jahre.", "älter als 35"),
    ("Maximal 5 Jahre Berufserfahrung.", "Maximal 5 Jahre Berufserfahrung"),
    ("Du hast höchstens 3 Jahre Erfahrung im Reporting.", "höchstens 3 Jahre Erfahrung"),
    ("Du bringst nicht mehr als 4 Jahre Berufserfahrung mit.", "nicht mehr als 4 Jahre Berufserfahrung"),
    ("Wir sind jung und dynamisch und lieben Daten.", "jung und dynamisch"),
    ("Ein jung gebliebenes Team wartet auf dich.", "jung gebliebenes Team"),
    ("Das Durchschnittsalter im Team liegt bei 29 Jahren.", "Durchschnittsalter"),
    ("Du bist ein Digital Native.", "Digital Native"),
    ("Ideal für frischgebackene Absolventen der Informatik.", "frischgebackene Absolventen"),
    ("Du passt perfekt in unser junges Umfeld.", "junges Umfeld"),
    ("Ideal: Alter zwischen 25 und 35 Jahren.", "Alter zwischen 25"),
    ("Du arbeitest mit jungen Kolleginnen und Kollegen zusammen.", "jungen Kolleginnen"),
    ("Eine freundliche Atmosphäre in einem jungen und kollegialen Team.", "jungen und kollegialen Team"),
]

PASSING = [
    "Wir sind ein junges Unternehmen mit erfahrenen Leuten.",
    "Als junges Start-up wachsen wir schnell.",
    "Wir sind ein junges Unternehmen aus Linz.",
    "Dich erwartet ein engagiertes Team mit flachen Hierarchien.",
    "Dich erwartet ein dynamisches Team in Wien.",
    "Du hast mindestens 3 Jahre Berufserfahrung im Bereich Analytics.",
    "Du bringst 2 bis 5 Jahre Berufserfahrung mit.",
    "Berufseinsteigerinnen und Berufseinsteiger sind ebenso willkommen wie Berufserfahrene.",
    "Die Stelle ist auf 30 Stunden pro Woche ausgelegt.",
    "Unser Team ist zwischen 25 und 60 Jahre alt und bunt gemischt.",
    "Wir arbeiten mit jungen Technologien wie dbt und DuckDB.",
    "Das Projekt ist noch jung und du gestaltest es von Anfang an.",
    "Unsere Kundinnen und Kunden sind junge Familien in ganz Österreich.",
    "Du arbeitest mit Kolleginnen und Kollegen aller Altersgruppen.",
    "Du bist sicher im Umgang mit digitalen Werkzeugen.",
    "Maximal 5 Tage Homeoffice pro Woche sind möglich.",
    "Du hast Erfahrung mit Jahresabschlüssen.",
    "Wir sind seit 30 Jahren am Markt.",
    "Ein motiviertes, erfahrenes Team freut sich auf dich.",
    "Absolventinnen und Absolventen sowie Berufserfahrene sind willkommen.",
    "Höchstens 3 Meetings pro Woche, versprochen.",
    "Wir sind ein junges Unternehmen mit einem erfahrenen Team.",
    "Ein junges Start-up mit tollem Team.",
]

test_flags_in_german, test_passes_in_german = german_table_tests(RULE, FLAGGED, PASSING)
