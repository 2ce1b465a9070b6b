"""job_places: where the job is, with the evidence for it, resolved to jurisdictions (rules/shared/places.yaml).

Each row of PLACES is a posting (or its telling part) and the jurisdictions
its places must resolve to, most general first, with the evidence of the
first place. Each row of NOWHERE names a place that is not where the job is
and must resolve to nothing (or only to the job's own place).
"""

from __future__ import annotations

import datetime as dt

import pytest

from jdlint import data
from jdlint.facts import laws
from jdlint.facts.place_names import gazetteer
from jdlint.facts.places import EVIDENCE, job_places, laws_for, laws_of
from jdlint.parse import parse_posting

US_CO = ("US", "US-CO")
US_CA = ("US", "US-CA")
US_WA = ("US", "US-WA")
NYC = ("US", "US-NY", "US-NY-NYC")


def places(text: str):
    return job_places(parse_posting(text, "posting.md"))


def field(value: str) -> str:
    return f"# Data Engineer\n\nLocation: {value}\n\n## What you'll do\n\n- Build pipelines\n"


# (text, the jurisdictions of each place found, the evidence of the first)
PLACES = [
    # location fields, US
    pytest.param(field("Denver, CO"), [US_CO], "location field", id="city-state-code"),
    pytest.param(field("Castle Rock, CO"), [US_CO], "location field", id="unlisted-town-and-code"),
    pytest.param(field("Seattle, Washington"), [US_WA], "location field", id="city-state-name"),
    pytest.param(field("Brooklyn, NY"), [NYC], "location field", id="nyc-borough"),
    pytest.param(field("New York, NY"), [NYC], "location field", id="new-york-new-york"),
    pytest.param(field("Albany, NY"), [("US", "US-NY")], "location field", id="new-york-state"),
    pytest.param(field("Ithaca, NY"), [("US", "US-NY", "US-NY-ITHACA")], "location field", id="ithaca"),
    pytest.param(field("White Plains, NY"), [("US", "US-NY", "US-NY-WESTCHESTER")], "location field", id="westchester"),
    pytest.param(field("Jersey City, NJ"), [("US", "US-NJ", "US-NJ-JERSEY-CITY")], "location field", id="jersey-city"),
    pytest.param(field("Cleveland, OH"), [("US", "US-OH", "US-OH-CLEVELAND")], "location field", id="cleveland"),
    pytest.param(field("Columbus, OH"), [("US", "US-OH", "US-OH-COLUMBUS")], "location field", id="columbus-ohio"),
    pytest.param(field("Columbus, GA"), [("US", "US-GA")], "location field", id="columbus-georgia"),
    pytest.param(field("Washington, DC"), [("US", "US-DC")], "location field", id="washington-dc"),
    pytest.param(field("Vancouver, WA"), [US_WA], "location field", id="vancouver-washington"),
    pytest.param(field("Portland, ME"), [("US", "US-ME")], "location field", id="portland-maine"),
    pytest.param(field("Nevada, IA, IA, 50201"), [("US", "US-IA")], "location field", id="town-named-like-a-state"),
    pytest.param(field("Washington County, MN"), [("US", "US-MN")], "location field", id="shared-county-and-state"),
    pytest.param(field("Remote - CO"), [("US", "US-CO")], "remote scope", id="remote-state-code"),
    # location fields, elsewhere
    pytest.param(field("Vancouver, BC"), [("CA", "CA-BC")], "location field", id="vancouver-bc"),
    pytest.param(field("Toronto, ON"), [("CA", "CA-ON")], "location field", id="toronto"),
    pytest.param(field("London, ON"), [("CA", "CA-ON")], "location field", id="london-ontario"),
    pytest.param(field("Perth, WA"), [("AU", "AU-WA")], "location field", id="perth-western-australia"),
    pytest.param(field("Sydney, NSW"), [("AU", "AU-NSW")], "location field", id="sydney"),
    pytest.param(field("London, UK"), [("GB", "GB-ENG")], "location field", id="london"),
    pytest.param(field("Edinburgh"), [("GB", "GB-SCT")], "location field", id="edinburgh"),
    pytest.param(field("Dublin, Ireland"), [("EU", "IE")], "location field", id="dublin"),
    pytest.param(field("München"), [("EU", "DE", "DE-BY")], "location field", id="muenchen"),
    pytest.param(field("Köln, Deutschland"), [("EU", "DE", "DE-NW")], "location field", id="koeln"),
    pytest.param(
        field("Hamburg/Berlin, Germany"),
        [("EU", "DE", "DE-HH"), ("EU", "DE", "DE-BE")],
        "location field",
        id="two-german-cities",
    ),
    pytest.param(field("Wien"), [("EU", "AT", "AT-9")], "location field", id="wien"),
    pytest.param(field("Graz, Austria"), [("EU", "AT", "AT-6")], "location field", id="graz"),
    pytest.param(field("Zürich, Switzerland"), [("CH", "CH-ZH")], "location field", id="zurich"),
    pytest.param(field("Paris, Île-de-France, France"), [("EU", "FR", "FR-IDF")], "location field", id="paris"),
    pytest.param(field("Amsterdam, Netherlands"), [("EU", "NL", "NL-NH")], "location field", id="amsterdam"),
    pytest.param(field("Madrid, Spain"), [("EU", "ES", "ES-MD")], "location field", id="madrid"),
    pytest.param(field("Lisbon, Portugal"), [("EU", "PT", "PT-11")], "location field", id="lisbon"),
    pytest.param(field("Milano, Lombardia, Italy"), [("EU", "IT", "IT-25")], "location field", id="milan"),
    # the places LAWS.md §7 names (issue 16)
    pytest.param(field("Hartford, CT"), [("US", "US-CT")], "location field", id="hartford"),
    pytest.param(field("New Haven"), [("US", "US-CT")], "location field", id="new-haven"),
    pytest.param(field("Stamford, Connecticut"), [("US", "US-CT")], "location field", id="stamford"),
    pytest.param(field("Bridgeport, CT"), [("US", "US-CT")], "location field", id="bridgeport"),
    pytest.param(field("Columbus, Ohio"), [("US", "US-OH", "US-OH-COLUMBUS")], "location field", id="columbus-oh-name"),
    pytest.param(field("Columbus, IN"), [("US", "US-IN")], "location field", id="columbus-indiana"),
    pytest.param(field("Charlottetown, PE"), [("CA", "CA-PE")], "location field", id="charlottetown"),
    pytest.param(field("Summerside, PEI"), [("CA", "CA-PE")], "location field", id="summerside"),
    pytest.param(field("St. John's, NL"), [("CA", "CA-NL")], "location field", id="st-johns"),
    pytest.param(field("Vienna, Austria"), [("EU", "AT", "AT-9")], "location field", id="vienna"),
    pytest.param(field("Linz"), [("EU", "AT", "AT-4")], "location field", id="linz"),
    pytest.param(field("Salzburg"), [("EU", "AT", "AT-5")], "location field", id="salzburg"),
    pytest.param(field("Innsbruck"), [("EU", "AT", "AT-7")], "location field", id="innsbruck"),
    pytest.param(field("Roma, Italia"), [("EU", "IT", "IT-62")], "location field", id="rome"),
    pytest.param(field("Napoli"), [("EU", "IT")], "location field", id="napoli"),
    pytest.param(field("Torino"), [("EU", "IT")], "location field", id="turin"),
    pytest.param(field("Vilnius"), [("EU", "LT")], "location field", id="vilnius"),
    pytest.param(field("Kaunas, Lithuania"), [("EU", "LT")], "location field", id="kaunas"),
    pytest.param(field("Bratislava"), [("EU", "SK")], "location field", id="bratislava"),
    pytest.param(field("Košice"), [("EU", "SK")], "location field", id="kosice"),
    pytest.param(field("Warszawa"), [("EU", "PL")], "location field", id="warsaw"),
    pytest.param(field("Gdynia, Poland"), [("EU", "PL")], "location field", id="gdynia"),
    pytest.param(field("Valletta"), [("EU", "MT")], "location field", id="valletta"),
    pytest.param(field("Birkirkara, Malta"), [("EU", "MT")], "location field", id="birkirkara"),
    pytest.param(field("Vienna, VA"), [("US", "US-VA")], "location field", id="vienna-virginia"),
    pytest.param(field("Venice, CA"), [("US", "US-CA")], "location field", id="venice-california"),
    pytest.param(
        "# Analytics Engineer (m/w/d)\n\nArbeitsort: Graz\n\nDu baust Datenmodelle.\n",
        [("EU", "AT", "AT-6")],
        "location field",
        id="arbeitsort",
    ),
    pytest.param(
        "# Data Engineer\n\nSede di lavoro: Milano\n\nCerchiamo un Data Engineer.\n",
        [("EU", "IT", "IT-25")],
        "location field",
        id="sede-di-lavoro",
    ),
    pytest.param(
        "# Analytics Engineer (m/w/d)\n\nWir suchen dich an unserem Standort in Innsbruck oder Wien.\n",
        [("EU", "AT", "AT-7"), ("EU", "AT", "AT-9")],
        "prose",
        id="an-unserem-standort",
    ),
    pytest.param(
        "# Analytics Engineer (m/w/d)\n\nAn unserem Standort in Innsbruck, oder remote innerhalb der EU.\n",
        [("EU", "AT", "AT-7"), ("EU",)],
        "prose",
        id="remote-innerhalb-der-eu",
    ),
    pytest.param(field("Kraków, Poland"), [("EU", "PL")], "location field", id="krakow"),
    pytest.param(field("Vilnius, Lithuania"), [("EU", "LT")], "location field", id="vilnius"),
    pytest.param(field("Bratislava"), [("EU", "SK")], "location field", id="bratislava"),
    pytest.param(field("Sliema, Malta"), [("EU", "MT")], "location field", id="malta"),
    pytest.param(field("Brussels"), [("EU", "BE")], "location field", id="brussels"),
    pytest.param(field("Copenhagen, Denmark"), [("EU", "DK")], "location field", id="copenhagen"),
    pytest.param(field("Stockholm"), [("EU", "SE")], "location field", id="stockholm"),
    pytest.param(field("Prague, Czech Republic"), [("EU", "CZ")], "location field", id="prague"),
    pytest.param(field("Bengaluru, Karnataka, India"), [("IN",)], "location field", id="bengaluru"),
    pytest.param(field("Singapore"), [("SG",)], "location field", id="singapore"),
    pytest.param(field("Enkhuizen, The Netherlands"), [("EU", "NL")], "location field", id="town-and-country"),
    pytest.param(
        "# Engineer\n\n- Location: Hartford, CT - Hybrid\n- Salary: DOE\n",
        [("US", "US-CT")],
        "location field",
        id="location-list-item",
    ),
    # front matter
    pytest.param("---\nlocation: Denver, CO\n---\n# Engineer\n\nHi.\n", [US_CO], "front matter", id="front-matter"),
    pytest.param(
        "---\nremote: true\ncountry: US\n---\n# Engineer\n\nHi.\n", [("US",)], "front matter", id="front-matter-remote"
    ),
    # the header: the title and the lines under it
    pytest.param(
        "Senior Backend Engineer\nSeattle, WA (on-site)\n\nAbout the role\nYou will build APIs.\n",
        [US_WA],
        "header line",
        id="plain-text-line-under-title",
    ),
    pytest.param(
        "# Data Engineer\nBerlin, Germany · Hybrid · Full-time\n\n## About\n\nWe build.\n",
        [("EU", "DE", "DE-BE")],
        "header line",
        id="markdown-line-under-title",
    ),
    pytest.param("# Data Engineer, Denver\n\nWe build pipelines.\n", [US_CO], "header line", id="title"),
    # location headings
    pytest.param(
        "## Backend Engineer\n#### San Francisco, CA\n\nJoin us.\n", [US_CA], "location heading", id="heading"
    ),
    pytest.param(
        "# Engineer\n\n## Location\n\nBrooklyn, NY\n\n## About\n\nHi.\n",
        [NYC],
        "location heading",
        id="location-section",
    ),
    # prose after a location cue
    pytest.param("# Engineer\n\nThis role is based in Denver, CO.\n", [US_CO], "prose", id="based-in"),
    pytest.param("# Engineer\n\nThis role is open to candidates in Colorado.\n", [US_CO], "prose", id="open-to"),
    pytest.param(
        "# Representative\n\nThis is an onsite position at our Albany, NY facility.\n",
        [("US", "US-NY")],
        "prose",
        id="onsite-position-at",
    ),
    pytest.param(
        "# Engineer\n\nThe position is based in Washington, D.C. and meets on Tuesdays.\n",
        [("US", "US-DC")],
        "prose",
        id="dc-with-periods",
    ),
    pytest.param(
        "# Analyst\n\nWe work from our office in Manchester City Centre one day a fortnight.\n",
        [("GB", "GB-ENG")],
        "prose",
        id="city-centre",
    ),
    # a postal address
    pytest.param(
        "# Clerk\n\nApply in person at 123 Main St, Austin, TX 78701.\n", [("US", "US-TX")], "address", id="address"
    ),
    # a public employer's name
    pytest.param(
        "Deputy Clerk\n\nThe County of Placer is hiring a deputy clerk.\n", [US_CA], "employer name", id="county-of"
    ),
    pytest.param("Elections Analyst\n\nPlacer County seeks an analyst.\n", [US_CA], "employer name", id="x-county"),
    pytest.param(
        "Elections Analyst\n\nThe California Secretary of State's Office seeks an analyst.\n",
        [US_CA],
        "employer name",
        id="secretary-of-state",
    ),
    pytest.param("Analyst\n\nThe State of Oregon is hiring.\n", [("US", "US-OR")], "employer name", id="state-of"),
    pytest.param(
        "Planner\n\nJoin the Texas Department of Transportation.\n",
        [("US", "US-TX")],
        "employer name",
        id="state-department",
    ),
    pytest.param("Clerk\n\nThe City of Seattle is hiring.\n", [US_WA], "employer name", id="city-of-known-city"),
    pytest.param(
        "Clerk\n\nThe City of Naples, Florida is hiring a clerk.\n",
        [("US", "US-FL")],
        "employer name",
        id="city-of-with-state",
    ),
    pytest.param(
        "Elections Specialist\n\nWayne County Board of Elections, Wooster, Ohio\n",
        [("US", "US-OH")],
        "employer name",
        id="shared-county-with-state-nearby",
    ),
    # a government web domain
    pytest.param("Clerk\n\nMore at www.placer.ca.gov today.\n", [US_CA], "web domain", id="county-ca-gov"),
    pytest.param("Clerk\n\nE-mail hr@sos.wa.gov to apply.\n", [US_WA], "web domain", id="sos-wa-gov"),
    pytest.param(
        "Clerk\n\nDetails: https://www.sos.state.tx.us/jobs\n", [("US", "US-TX")], "web domain", id="state-tx-us"
    ),
    pytest.param(
        "Clerk\n\nSee https://elections.texas.gov for details.\n", [("US", "US-TX")], "web domain", id="texas-gov"
    ),
    # remote scopes
    pytest.param("# Engineer (Remote (US))\n\nJoin us.\n", [("US",)], "remote scope", id="remote-us"),
    pytest.param(
        "# Engineer\n\nThis role is remote within the United States.\n", [("US",)], "remote scope", id="remote-within"
    ),
    pytest.param("# Engineer\n\nRemote (EU)\n\nJoin us.\n", [("EU",)], "remote scope", id="remote-eu"),
    pytest.param("# Engineer\n\nWe hire anywhere in Europe.\n", [("EU",)], "remote scope", id="anywhere-in-europe"),
    pytest.param(field("Remote - UK"), [("GB",)], "remote scope", id="remote-uk"),
    pytest.param(field("Remote - Colorado"), [US_CO], "remote scope", id="remote-state"),
    # a place named only as an office elsewhere
    pytest.param(
        "# Engineer\n\nRemote (US). We are remote-first, with offices in Seattle and Paris.\n",
        [("US",)],
        "remote scope",
        id="remote-first-offices-elsewhere",
    ),
    pytest.param(
        "# Engineer\n\nLocation: Denver, CO\n\nOur Paris office hosts the offsite every spring.\n",
        [US_CO],
        "location field",
        id="another-office-hosts-the-offsite",
    ),
]


@pytest.mark.parametrize(("text", "expected", "evidence"), PLACES)
def test_places_resolve_to_their_jurisdictions(text, expected, evidence):
    found = places(text)
    assert [p.jurisdictions for p in found] == expected
    assert found[0].evidence == evidence


def test_there_are_at_least_forty_place_cases():
    assert len(PLACES) >= 40


# ✓ rows: a place name that is not where the job is resolves to nothing
NOWHERE = [
    pytest.param("# Events Manager\n\nYou will work in the Paris Hilton events team.\n", id="paris-hilton"),
    pytest.param("# Librarian\n\nYou will work in the Washington Irving branch library.\n", id="washington-irving"),
    pytest.param("# Engineer\nGeorgia Tech alumni welcome\n\nWe build things.\n", id="georgia-tech-alumni"),
    pytest.param(
        "# Engineer\n\nOpen to candidates from University of California alumni networks.\n",
        id="university-of-california-alumni",
    ),
    pytest.param("# Engineer\n\nRemote-first culture, with offices in Seattle and Paris.\n", id="remote-first-offices"),
    pytest.param("# Engineer\n\nBased in Austin, TX, Acme builds payroll software.\n", id="company-base"),
    pytest.param(
        "# Engineer\n\nDentsply Sirona's global headquarters is located in Charlotte, North Carolina.\n",
        id="global-headquarters",
    ),
    pytest.param(
        "# Engineer\n\nWith distributed teams based in the UK, France and Hungary, we ship daily.\n",
        id="company-footprint",
    ),
    pytest.param(
        "# Engineer\n\nYou must be legally authorized to work in the United States.\n", id="work-authorization"
    ),
    pytest.param("# Senior Analytics Engineer - TeamViewer Germany GmbH\n\nWe build.\n", id="company-name"),
    pytest.param("# Clerk\n\nKNOWLEDGE, SKILLS, OR ABILITIES\n\nKnows maps.\n", id="or-in-capitals"),
    pytest.param("# Clerk\n\nABOUT US\n\nWe run elections.\n", id="about-us-heading"),
    pytest.param(field("Remote OR Hybrid"), id="remote-or-hybrid"),
    pytest.param(field("ON SITE"), id="on-site-in-capitals"),
    pytest.param("# Nurse\n\nYou will work with Dr. Jane Smith, MD, and Tom Lee, MA.\n", id="degrees-after-names"),
    pytest.param("Clerk\n\nWashington County is hiring a clerk.\n", id="county-in-thirty-states"),
    pytest.param(
        "# Counsel\n\nYou are a member in good standing of a state, territory of the U.S., District of Columbia "
        "or Commonwealth of Puerto Rico Bar.\n",
        id="bar-admission",
    ),
    pytest.param(
        "# Clerk\n\nTo file a DMCA notice, write to:\nNEOGOV\nAttention: DMCA Designated Agent\n"
        "2120 Park Place, Suite 100\nEl Segundo, California 90245\n",
        id="job-board-address",
    ),
    pytest.param("# Engineer\n\nFans of Kansas City barbecue welcome.\n", id="kansas-city-barbecue"),
    pytest.param(
        "# Accountant\n\nApply online.\n\nSimilar jobs\nVR Training Liaison\nLocation\nRemote in United States\n",
        id="similar-jobs-sidebar",
    ),
]


@pytest.mark.parametrize("text", NOWHERE)
def test_names_that_are_not_the_jobs_place_resolve_to_nothing(text):
    assert places(text) == ()


def test_a_place_is_named_as_written_with_its_offsets():
    text = field("Castle Rock, CO")
    (place,) = places(text)
    assert place.name == "Castle Rock, CO" == text[place.start : place.end]
    assert place.country == "US" and not place.remote


def test_every_evidence_is_one_of_the_documented_kinds():
    found = [p.evidence for param in PLACES for p in places(param.values[0])]
    assert set(found) <= set(EVIDENCE)
    assert set(EVIDENCE) <= set(found)  # and each kind has a case above


def test_places_are_computed_once_per_posting():
    posting = parse_posting(field("Denver, CO"), "posting.md")
    assert job_places(posting) is job_places(posting)


def test_a_jurisdiction_named_twice_is_one_place_at_its_first_mention():
    text = "# Data Engineer - Seattle\n\nLocation: Seattle, WA\n\nOur Seattle office is downtown.\n"
    (place,) = places(text)
    assert place.evidence == "header line" and place.name == "Seattle"


# --- laws follow from jurisdictions -------------------------------------------


def law_ids(text: str, as_of: dt.date = dt.date(2026, 12, 1)) -> set[str]:
    return set(laws_for(places(text), as_of))


def test_a_city_brings_in_its_own_law_and_its_states():
    assert law_ids(field("Brooklyn, NY")) == {"us-nyc", "us-ny"}
    assert [law.id for law in laws_of(places(field("Brooklyn, NY"))[0])] == ["us-nyc", "us-ny"]


def test_remote_anywhere_in_a_country_brings_in_the_laws_that_cover_remote_work():
    found = law_ids("# Engineer\n\nRemote (US)\n")
    assert {"us-co", "us-ca", "us-wa", "us-nyc"} <= found
    assert "us-ma" not in found  # remote jobs only through a Massachusetts worksite
    assert law_ids(field("Remote - Colorado")) == {"us-co"}


def test_laws_not_in_force_are_left_out():
    assert law_ids(field("Denver, CO"), dt.date(2020, 12, 31)) == set()
    assert law_ids(field("Berlin, Germany")) == set()  # Germany's law is pending; the directive binds states
    assert [law.id for law in laws_of(places(field("Berlin, Germany"))[0])] == ["de", "eu"]
    assert law_ids(field("Vienna, Austria")) == {"at"}
    assert law_ids(field("Columbus, OH"), dt.date(2026, 12, 31)) == set()  # in force, enforced from 2027
    assert law_ids(field("Columbus, OH"), dt.date(2027, 1, 1)) == {"us-oh-columbus"}


def test_a_remote_scope_of_europe_brings_in_no_national_law():
    assert law_ids("# Engineer\n\nRemote (EU)\n", dt.date(2026, 12, 7)) == set()
    assert law_ids(field("Remote - Italy"), dt.date(2026, 12, 7)) == {"it"}  # remote within Italy is in Italy


def test_every_law_binds_a_known_jurisdiction():
    chains = gazetteer().chains
    assert all(law.jurisdiction in chains for law in laws.load())


def test_the_county_list_names_its_source():
    raw = data.rules_dir().joinpath("shared/places.yaml").read_text(encoding="utf-8")
    assert "US Census Bureau, 2020 county list (public domain)" in raw
    counties = data.load("shared/places.yaml")["counties"]
    assert sum(len(names) for names in counties.values()) > 3000
    assert sum("Washington" in names for state, names in counties.items() if state != "US-LA") == 30  # and a parish
