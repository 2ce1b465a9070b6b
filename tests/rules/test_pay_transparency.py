"""pay-transparency through the public API and CLI: laws by jurisdiction, pay formats, places, dates, config."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import assert_explained_examples, lint, run_cli, seed_rules

from jdlint.config import from_mapping
from jdlint.facts import laws
from jdlint.model.finding import Severity

RULE = "pay-transparency"

# One row per law in rules/shared/jurisdictions.yaml: a location line that puts a
# posting under that law. Adding a law to the data needs a row here.
PLACE_OF = {
    "us-co": "Location: Denver, CO",
    "us-ca": "Location: Palo Alto, CA",
    "us-wa": "Location: Seattle, WA",
    "us-ny": "Location: Albany, NY",
    "us-nyc": "Location: Brooklyn, NY",
    "us-ny-ithaca": "Location: Ithaca, NY",
    "us-ny-westchester": "Location: White Plains, NY",
    "us-nj-jersey-city": "Location: Jersey City, NJ",
    "us-nj": "Location: Newark, NJ",
    "us-il": "Location: Chicago, IL",
    "us-md": "Location: Baltimore, MD",
    "us-hi": "Location: Honolulu, HI",
    "us-mn": "Location: Minneapolis, MN",
    "us-vt": "Location: Montpelier, VT",
    "us-ma": "Location: Boston, MA",
    "us-oh-cleveland": "Location: Cleveland, OH",
    "us-dc": "Location: Washington, DC",
    "us-de": "Location: Wilmington, DE",
    "us-va": "Location: Richmond, VA",
    "us-me": "Location: Portland, ME",
    "us-ct": "Location: Hartford, CT",
    "us-oh-columbus": "Location: Columbus, OH",
    "ca-on": "Location: Toronto, ON",
    "ca-bc": "Location: Vancouver, BC",
    "ca-pe": "Location: Charlottetown, PE",
    "ca-nl": "Location: St. John's, NL",
    "eu": "Location: Berlin, Germany",
    "at": "Location: Vienna, Austria",
    "it": "Sede di lavoro: Milano",
    "lt": "Location: Vilnius, Lithuania",
    "sk": "Location: Bratislava, Slovakia",
    "pl": "Location: Warszawa",
    "mt": "Location: Valletta, Malta",
    "be-fwb": "Location: Brussels, Belgium",  # no place resolves to the French Community: never applied
    "nl": "Location: Amsterdam",
    "dk": "Location: Copenhagen",
    "cz": "Location: Prague",
    "fr": "Location: Paris, France",
    "de": "Location: Munich",
    "ie": "Location: Dublin, Ireland",
}
NEVER_APPLIED = {"be-fwb"}
IN_FORCE = [law for law in laws.load() if law.effective and law.status == "enacted" and law.id not in NEVER_APPLIED]
UNSETTLED = [law for law in laws.load() if law not in IN_FORCE]
WITH_PAY = "Salary: $120,000 – $150,000 per year. Benefits: health insurance, a 401(k) and paid time off."


def posting(location: str, pay: str = "We offer a competitive salary and great benefits.", date: str = "") -> str:
    front = f"---\ndate: {date}\n---\n" if date else ""
    return f"{front}# Senior Data Engineer\n\n{location}\n\n## What you'll do\n\n- Build pipelines\n\n{pay}\n"


def pay_hits(text: str, **kw) -> list:
    return lint(text, select=[RULE], **kw)


def test_every_law_has_a_test_row():
    assert set(PLACE_OF) == {law.id for law in laws.load()}


@pytest.mark.parametrize("law", IN_FORCE, ids=lambda law: law.id)
def test_open_there_without_a_range_is_flagged(law):
    hits = pay_hits(posting(PLACE_OF[law.id], date=law.effective.isoformat()))
    assert len(hits) == 1
    msg = hits[0].message
    assert law.name in msg and law.law in msg and str(law.effective) in msg
    assert hits[0].line == 6  # the location line, after 3 lines of front matter and the title
    if not law.in_ad:  # the pay may come before the interview: advice that claims no violation
        assert hits[0].severity == Severity.INFO and "that is allowed if the pay is given later" in msg
    elif law.minimum_ok:
        assert hits[0].severity == Severity.ERROR and "State the minimum pay per period" in msg
    else:
        assert hits[0].severity == Severity.ERROR and "minimum and a maximum" in msg


@pytest.mark.parametrize("law", IN_FORCE, ids=lambda law: law.id)
def test_open_there_with_a_range_is_not_flagged(law):
    text = posting(PLACE_OF[law.id], pay=WITH_PAY, date=law.effective.isoformat())
    assert pay_hits(text) == []


# "US-CO", "CA-ON": a state's or province's code
STATE_LAWS = [law for law in IN_FORCE if law.jurisdiction.count("-") == 1 and law.country in ("US", "CA")]


@pytest.mark.parametrize("law", STATE_LAWS, ids=lambda law: law.id)
def test_a_code_after_an_unlisted_town_puts_the_posting_under_the_law(law):
    # "Location: Springfield, ON" names no listed place: only the code says where (ON once read as YAML true)
    code = law.jurisdiction.partition("-")[2]
    hits = pay_hits(posting(f"Location: Springfield, {code}", date=law.effective.isoformat()))
    assert any(law.name in h.message for h in hits)


@pytest.mark.parametrize("law", IN_FORCE, ids=lambda law: law.id)
def test_before_the_effective_date_the_law_is_not_applied(law):
    day_before = (law.effective - dt.timedelta(days=1)).isoformat()
    hits = pay_hits(posting(PLACE_OF[law.id], date=day_before))
    assert all(law.name not in h.message for h in hits)


@pytest.mark.parametrize("law", UNSETTLED, ids=lambda law: law.id)
def test_a_law_without_a_settled_date_is_never_applied(law):
    # pending bills, a posting duty not in force, the Directive itself, a public-sector-only decree
    assert pay_hits(posting(PLACE_OF[law.id], date="2030-01-01")) == []


def test_a_city_inside_a_state_brings_in_the_state_law_too():
    hits = pay_hits(posting("Location: Brooklyn, NY", date="2024-01-01"))
    assert "New York City" in hits[0].message and "New York State" in hits[0].message


# --- pay formats -----------------------------------------------------------
# Maryland accepts only a range (no single figure), so every ✗ row is flagged there.
RANGES = [
    "Salary: $120,000 – $150,000",
    "$120,000 - $150,000 per year",
    "Pay: $120k-150k",
    "$120K–$150K base",
    "USD 120,000 to 150,000 per year",
    "$45–$60/hour",
    "$45 - $60 per hour",
    "Gehalt: €60.000–75.000",
    "£50k to £60k",
    "The salary is between $95,000 and $110,000.",
    "Salary range: 95,000 - 120,000 annually",
    "Salary: $3,550.00 - $4,438.00 Monthly",
    "Pay: $22.50 - $30.00 Hourly",
    "CHF 100'000 – 120'000",
    "60 000 – 75 000 EUR brutto",
    "The pay range for this role is $80,000 to $95,000.",
    "Base salary: $140k–$165k + equity",
    "| Level | Minimum | Maximum |\n|---|---|---|\n| Senior | $120,000 | $150,000 |",
    "Minimum salary: $50,000. Maximum salary: $60,000.",
    "CA$90,000–CA$110,000 per year",
    "**$120,000** – **$150,000**",
    "$120,000—$150,000",
    "US$120,000 to US$150,000",
    "Hourly rate: 28.00 - 34.50",
    # European and Canadian forms (LAWS.md §7): €/EUR before or after, "1.234,56", "1 234", RAL, CA$/C$
    "Jahresgehalt: € 55.000 – 65.000 brutto",
    "Gehalt: 55.000 € – 65.000 € brutto im Jahr",
    "Bruttojahresgehalt zwischen 52.000 und 61.000 EUR",
    "Gehalt: EUR 3.800,00 – 4.400,00 brutto monatlich (14 x jährlich)",
    "Monatsgehalt: 3.500,- bis 4.200,- € brutto",
    "Salary: EUR 48,000 - 56,000 per year",
    "RAL: 35.000 - 45.000 €",
    "RAL tra 30.000 e 40.000 euro",
    "Retribuzione da 30.000 a 40.000 € lordi annui",
    "Salary: Ral 45k-55k Euro",
    "Wynagrodzenie: 12\u00a0000 – 15\u00a0000 PLN brutto miesięcznie",
    "Atlyginimas: 2\u2009800 – 3\u2009400 EUR per month",
    "Salary: 1 234,56 € – 1 480,00 € per month",
    "Salary: CA$70,000 – CA$85,000",
    "Salary: C$70,000 - C$85,000 per year",
    "Pay: CAD 28.50 – 34.00 per hour",
    "Salary range: $72,000 – $88,000 CAD annually",
    "Mzda: 2 200 – 2 700 € brutto mesačne",
    "Pay: $19.875 – $28.00 per hour",  # "19.875" after a dollar sign in English is a decimal, not 19,875
]
NOT_RANGES = [
    "We offer a competitive salary.",
    "Salary: DOE",
    "Compensation: negotiable",
    "Salary commensurate with experience.",
    "Salary: up to $150,000",
    "Up to $60/hour",
    "$100k+",
    "Salary: $100,000+ per year",
    "Starting at $20/hour",
    "Salary from $80,000",
    "Salary: $65,000 per year",
    "We pay $25/hour.",
    "Technology stipend of $100 per month",
    "We raised $10-20M in funding last year.",
    "Salary: TBD",
    "A $500 signing bonus.",
    "401(k) match up to 4%",
    "Must lift 5-10 pounds.",
    "Pay grade 12-14",
    # European and Canadian forms that are not a range
    "Gehalt: ab 3.500 € brutto pro Monat",
    "Jahresgehalt: bis zu 65.000 EUR",
    "Attraktives Gehalt und Benefits.",
    "Gehalt nach Vereinbarung.",
    "RAL commisurata all'esperienza.",
    "Retribuzione: fino a 40.000 € lordi annui",
    "Stipendio competitivo.",
    "Wynagrodzenie: od 12 000 PLN brutto",
    "Salary: CA$70,000+",
    "Salary: up to C$85,000 per year",
    "Gehalt: 4.200 € brutto monatlich (14 x jährlich)",  # one figure: not a range where a range is due
    "Salaire selon profil.",
    "Wir zahlen ein Budget von 1.000 € für Weiterbildung.",
    "Compensation: competitive, depending on experience (CA$).",
    "Essenszuschuss von bis zu 115 € netto pro Monat.",
    "We manage more than $5.5 trillion in assets and pay competitively.",
]


@pytest.mark.parametrize("pay", RANGES)
def test_pay_range_formats_are_recognised(pay):
    assert pay_hits(posting("Location: Baltimore, MD", pay=pay, date="2025-01-15")) == []


@pytest.mark.parametrize("pay", NOT_RANGES)
def test_not_a_range_is_flagged(pay):
    hits = pay_hits(posting("Location: Baltimore, MD", pay=pay, date="2025-01-15"))
    assert len(hits) == 1 and "Maryland" in hits[0].message


def test_open_ended_figure_is_named_in_the_message():
    hits = pay_hits(posting("Location: Denver, CO", pay="Salary: up to $150,000", date="2025-01-15"))
    assert "“$150,000” is open-ended" in hits[0].message


@pytest.mark.parametrize(
    ("place", "flagged"),
    [
        ("Location: Los Angeles, CA", False),  # California accepts a set rate
        ("Location: Chicago, IL", False),
        ("Location: Baltimore, MD", True),  # Maryland asks for a minimum and a maximum
        ("Location: Washington, DC", True),
    ],
)
def test_single_figure_is_judged_per_law(place, flagged):
    hits = pay_hits(posting(place, pay="Pay rate: $28.50 per hour", date="2025-06-01"))
    assert bool(hits) is flagged
    if flagged:
        assert "one figure (“$28.50 per hour”) is not a range" in hits[0].message


@pytest.mark.parametrize(
    "front",
    [
        "salary_min: 120000\nsalary_max: 150000",
        "salary: $120,000 - $150,000",
        "salary:\n  min: 120000\n  max: 150000",
    ],
)
def test_front_matter_salary_counts(front):
    text = f"---\nlocation: Denver, CO\n{front}\ndate: 2025-02-01\n---\n# Engineer\n\nCompetitive pay.\n"
    assert pay_hits(text) == []


# --- where the posting is open to --------------------------------------------
OPEN_TO = [
    ("---\nlocation: Denver, CO\ndate: 2025-02-01\n---\n# Engineer\n\nWork with us.\n", "Denver, CO", "Colorado"),
    ("---\nlocations:\n  - Paris\n  - Seattle, WA\n---\n# Engineer\n\nHi.\n", "Seattle, WA", "Washington"),
    ("---\nremote: true\ncountry: US\ndate: 2025-02-01\n---\n# Engineer\n\nHi.\n", "remote: true", "Colorado"),
    ("# Engineer\n\nLocation: Castle Rock, CO\n\nJoin the team.\n", "Castle Rock, CO", "Colorado"),
    ("## Backend Engineer\n#### San Francisco, CA\n\nJoin the team.\n", "San Francisco, CA", "California"),
    ("# Engineer (Remote (US))\n\nJoin the team.\n", "Remote (US)", "Colorado"),
    ("# Engineer\n\nThis role is remote within the United States.\n", "remote within the United States", "Colorado"),
    ("# Engineer\n\nYou can work from anywhere in the US.\n", "anywhere in the US", "California"),
    ("# Engineer\n\nThis role is open to candidates in Colorado.\n", "Colorado", "Colorado"),
    ("# Engineer\n\n## Location\n\nBrooklyn, NY\n\n## About\n\nHi.\n", "Brooklyn, NY", "New York City"),
    ("# Engineer\n\nLocation: Washington, DC\n\nHi.\n", "Washington, DC", "Washington, D.C."),
    # the line under the title, a public employer's name, a government domain
    ("Backend Engineer\nSeattle, WA (on-site)\n\nYou will build APIs.\n", "Seattle, WA", "Washington State"),
    ("Elections Technician\n\nThe County of Placer is hiring.\n", "County of Placer", "California"),
    ("Elections Technician\n\nApply at www.placer.ca.gov.\n", "www.placer.ca.gov", "California"),
    (
        "Analyst\n\nThe California Secretary of State's Office is hiring.\n",
        "California Secretary of State",
        "California",
    ),
    ("# Engineer\n\nLocation: Remote\n\nWe hire in Canada only; open to applicants in British Columbia.\n", "", ""),
]


@pytest.mark.parametrize(("text", "match", "law_name"), OPEN_TO)
def test_where_the_posting_is_open_to(text, match, law_name):
    hits = pay_hits(text, as_of=dt.date(2025, 2, 1))
    assert len(hits) == 1
    if match:
        assert hits[0].match == match
        assert f"{law_name}" in hits[0].message


NOT_OPEN_TO = [
    "# Engineer\n\nLocation: Berlin, Germany\n\nCompetitive salary.\n",
    "# Engineer\n\nMany of us studied at the University of California.\n",
    "# Nurse\n\nYou will work with Dr. Jane Smith, MD, and Tom Lee, MA.\n",
    "# Engineer\n\n**Location:** Hamburg or Berlin, Germany\n\nWe have offices in London, New York and Paris.\n",
    "# Engineer\n\nWe use Covey as part of our hiring process for jobs in NYC.\n",
    "# Engineer\n\nLOCATION: ON SITE\n\nHi.\n",
    "# Engineer\n\nLocation: Remote\n\n"
    "This website is operated by Jobs Inc. with offices at 1 Main St, Irvine, CA 92602"
    "\n",
    "# Chief of Staff\n\n- [The Chief of Staff role in Silicon Valley](https://example.com) by J. Doe\n",
    "# Engineer\n\nLocation: Vancouver, WA\n\nSalary: $90,000 - $110,000\n",
    # a remote-first company's offices are not where its remote job is (seed 001, Docker)
    "# Engineer\n\nRemote-first culture, with offices in Seattle and Paris.\n",
]


@pytest.mark.parametrize("text", NOT_OPEN_TO)
def test_places_outside_a_location_context_do_not_count(text):
    assert pay_hits(text, as_of=dt.date(2026, 3, 1)) == []


# --- what is not this posting's place ---------------------------------------
# Each row: a text that must NOT be flagged, and the same kind of text with
# the exception taken away, which must be — so each row proves its exception.
NOT_THIS_JOB = [
    pytest.param(
        "# Analytics Engineer\n\nBased in San Francisco, CA,\n\nAcme gives businesses one place to run HR.\n",
        "# Analytics Engineer\n\nThis role is based in San Francisco, CA.\n",
        id="company-base-split-over-two-paragraphs",
    ),
    pytest.param(
        "# Engineer\n\nBased in Denver, CO, Acme builds payroll software for small businesses.\n",
        "# Engineer\n\nBased in Denver, CO, this role works with our payroll team.\n",
        id="company-base-subject-is-the-company",
    ),
    pytest.param(
        "# Accountant\n\nLocation: Bismarck, ND\n\nApply online.\n\n"
        "Similar jobs\nVR Training and Provider Liaison\nLocation\nRemote in United States\n",
        "# Accountant\n\nLocation: Bismarck, ND\n\nApply online.\n\n"
        "VR Training and Provider Liaison\nLocation\nRemote in United States\n",
        id="similar-jobs-sidebar",
    ),
    pytest.param(
        "Search Results List\n198\njobs found.\nJob Title\nVR Training and Provider Liaison\n"
        "Location\nRemote in United States\nAgency\nHealth and Human Services\n",
        "Job Title\nVR Training and Provider Liaison\n"
        "Location\nRemote in United States\nAgency\nHealth and Human Services\n",
        id="search-results-list",
    ),
    pytest.param(
        "# Data Engineer\n\nWe are hiring.\n\n## Other jobs at Acme\n\n### Data Analyst\n\n#### Denver, CO\n",
        "# Data Engineer\n\nWe are hiring.\n\n## Our teams\n\n### Data Analyst\n\n#### Denver, CO\n",
        id="other-jobs-heading",
    ),
    pytest.param(
        "Freedom of Information Law (FOIL)\nNYC\nVotes\nSearch form\n404 Error: Page Not Found\n"
        "Welcome to the Campaign Finance Board's new website! It seems you've arrived here via an outdated link.\n",
        "# Campaign Finance Analyst\n\nLocation: NYC\n\n## Responsibilities\n\n- Review campaign filings.\n",
        id="page-not-found",  # the control is a posting: a site menu without the marker is no posting either
    ),
    pytest.param(
        "Job Map by Location\nVERMONT.GOV\nSearch by Keyword\nSorry, this position has been filled.\n",
        "Job Map by Location\nVERMONT.GOV\nSearch by Keyword\n",
        id="position-filled-page",
    ),
    pytest.param(
        "This job is no longer available, but here are similar jobs you might like.\n"
        "Get notified about new Mental Health Center of Denver jobs in United States.\n-\nCase Manager\n",
        "# Case Manager\n\nMental Health Center of Denver\n\nLocation: Denver, CO\n\n## Duties\n\n- Support clients.\n",
        id="job-no-longer-available",
    ),
]


@pytest.mark.parametrize(("text", "control"), NOT_THIS_JOB)
def test_places_that_are_not_this_jobs_do_not_count(text, control):
    as_of = dt.date(2026, 3, 1)
    assert pay_hits(text, as_of=as_of) == []
    assert len(pay_hits(control, as_of=as_of)) == 1


# The exceptions above stay narrow: these still say where the job is.
STILL_THIS_JOB = [
    ("# Engineer\n\nBased in Seattle, WA, this role works with our data team.\n", "Seattle, WA"),
    ("# Engineer\n\nBased in Seattle, you will lead the platform team.\n", "Seattle"),
    ("# Engineer\n\nBased in Seattle, WA,\n\nthis role works with our data team.\n", "Seattle, WA"),
    ("# Engineer\n\nThe position is based in Denver, CO, and reports to the CTO.\n", "Denver, CO"),
    ("# Engineer\n\n## Similar jobs\n\n#### Austin, TX\n\n## Location\n\nDenver, CO\n", "Denver, CO"),
    ("# Engineer\n\nLocation: Brooklyn, NY\n\nIf the link says page not found, email us.\n", "Brooklyn, NY"),
]


@pytest.mark.parametrize(("text", "match"), STILL_THIS_JOB)
def test_job_locations_next_to_the_exceptions_still_count(text, match):
    (hit,) = pay_hits(text, as_of=dt.date(2026, 3, 1))
    assert hit.match == match


# --- dates -------------------------------------------------------------------
def test_date_posted_line_in_the_text_sets_the_date():
    text = "Date Posted: 03/26/2019\nLocation: Castle Rock, CO\n\nSalary: DOE\n"
    assert pay_hits(text) == []  # Colorado's law started 2021-01-01
    assert len(pay_hits(text.replace("03/26/2019", "2021-01-04"))) == 1


def test_as_of_on_the_command_line(tmp_path):
    path = tmp_path / "job.md"
    path.write_text("# Engineer\n\nLocation: San Jose, CA\n\nCompetitive salary.\n", encoding="utf-8")
    before = run_cli("check", "--select", RULE, "--format", "json", "--as-of", "2022-12-31", str(path))
    after = run_cli("check", "--select", RULE, "--format", "json", "--as-of", "2023-01-01", str(path))
    assert json.loads(before.stdout)["findings"] == []
    (finding,) = json.loads(after.stdout)["findings"]
    assert finding["rule"] == RULE and finding["severity"] == "error" and finding["line"] == 3
    assert finding["match"] == "San Jose, CA"


# --- configuration ------------------------------------------------------------
@pytest.mark.parametrize(("size", "flagged"), [(10, False), (15, True), (None, True)])
def test_employer_size_threshold(size, flagged):
    cfg = from_mapping({"employer": {"size": size}} if size is not None else {}, "test")
    text = posting("Location: Oakland, CA", date="2024-05-01")
    assert bool(pay_hits(text, config=cfg)) is flagged


def test_jurisdictions_ignore():
    cfg = from_mapping({"jurisdictions": {"ignore": ["us-ca"]}}, "test")
    assert pay_hits(posting("Location: Oakland, CA", date="2024-05-01"), config=cfg) == []


def test_per_path_ignores(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text('per-path-ignores:\n  "archive/**": [pay-transparency]\n', encoding="utf-8")
    (tmp_path / "archive").mkdir()
    body = "---\ndate: 2024-05-01\n---\n# Engineer\n\nLocation: Denver, CO\n\nDOE\n"
    (tmp_path / "archive" / "old.md").write_text(body, encoding="utf-8")
    (tmp_path / "new.md").write_text(body, encoding="utf-8")
    proc = run_cli("check", "--select", RULE, "--format", "json", "archive/old.md", "new.md", cwd=tmp_path)
    paths = [f["path"] for f in json.loads(proc.stdout)["findings"]]
    assert paths == ["new.md"]


def test_seed_003_is_flagged_under_california(seeds_dir):
    text = (seeds_dir / "003_27e62249cd3c03ee.txt").read_text(encoding="utf-8")
    (hit,) = pay_hits(text, as_of=dt.date(2026, 1, 1))
    assert hit.line == 2 and "California" in hit.message and "432.3" in hit.message


def test_seed_001_offices_of_a_remote_first_company_are_not_the_jobs_place(seeds_dir):
    # "Remote-first culture, with offices in Seattle and Paris": the role is remote, nowhere said
    text = (seeds_dir / "001_bbf6519c170bcced.txt").read_text(encoding="utf-8")
    assert pay_hits(text, as_of=dt.date(2026, 1, 1)) == []
    in_office = re.sub(r"(?i)remote-first|fully distributed", "friendly", text)  # the same page for an office company
    (hit,) = pay_hits(in_office, as_of=dt.date(2026, 1, 1))
    assert hit.match == "Seattle" and "Washington State" in hit.message and "49.58.110" in hit.message


def test_seeds(seeds_dir):
    assert RULE in seed_rules(seeds_dir, RULE)["003"]


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE, as_of=dt.date(2026, 12, 7))  # Connecticut's example needs 2026-10-01 or later


# --- LAWS.md §7: Austria's form -------------------------------------------------
# GlBG § 9(2): the minimum pay under the collective agreement per period, and
# whether more may be paid; a range not below the minimum, or one figure, also does.
AT_COMPLIANT = [
    # the two Austrian corpus postings (woom, Bluecode), in short
    "For this position, we offer you a gross monthly salary starting at EUR 4.000 on a full-time basis. Of course, "
    "we take into account your individual qualifications and are willing to pay an appropriate overpayment.",
    "Aus rechtlichen Gründen weisen wir darauf hin, dass das Bruttomonatsgehalt für diese Vollzeitstelle bei "
    "EUR 3.954,00 (14x jährlich) gemäß IT-Kollektivvertrag beginnt, mit klarer Bereitschaft zur Überzahlung.",
    "Das Mindestgehalt laut Kollektivvertrag beträgt EUR 2.950,- brutto pro Monat (14x jährlich); "
    "Überzahlung je nach Qualifikation.",
    "Gehalt: ab 3.500 € brutto pro Monat, Bereitschaft zur Überzahlung.",
    "Jahresgehalt ab € 52.000 brutto.",
    "Salary: from EUR 3,800 gross per month (paid 14 times a year), overpayment possible.",
    "Bruttomonatsgehalt: EUR 3.600 – 4.300 (14 x jährlich).",
    "Gehalt: mindestens 3.200 € brutto monatlich.",
]
AT_MISSING = [
    "Attraktives Gehalt und Benefits.",
    "Überzahlung je nach Qualifikation möglich.",
    "Gehalt: bis zu 4.500 € brutto pro Monat.",
    "We offer a competitive salary and an overpayment according to your experience.",
    "Salary according to the collective agreement.",
]


@pytest.mark.parametrize("pay", AT_COMPLIANT)
def test_austrian_minimum_pay_form_is_compliant(pay):
    for place in ("Location: Vienna, Austria", "Arbeitsort: Graz", "Standort: Linz"):
        assert pay_hits(posting(place, pay=pay, date="2026-07-13")) == []


@pytest.mark.parametrize("pay", AT_MISSING)
def test_austrian_posting_without_a_minimum_is_an_error(pay):
    (hit,) = pay_hits(posting("Location: Innsbruck", pay=pay, date="2026-07-13"))
    assert (
        hit.severity == Severity.ERROR and "GlBG" in hit.message and "State the minimum pay per period" in hit.message
    )


def test_a_german_posting_for_innsbruck_or_vienna_or_remote_in_the_eu():
    text = (
        "# Analytics Engineer (m/w/d)\n\nWir suchen eine:n Analytics Engineer an unserem Standort in Innsbruck "
        "oder Wien, oder remote innerhalb der EU.\n\n## Deine Aufgaben\n\n- Datenmodelle in dbt pflegen\n\n"
    )
    (hit,) = pay_hits(text + "Wir bieten ein attraktives Gehalt.\n", as_of=dt.date(2026, 7, 28))
    assert hit.match == "Innsbruck" and "Austria" in hit.message
    ok = text + "Das Bruttomonatsgehalt beginnt bei EUR 3.954,00 (14x jährlich), mit Bereitschaft zur Überzahlung.\n"
    assert pay_hits(ok, as_of=dt.date(2026, 7, 28)) == []


# --- LAWS.md §7: the EU member states -------------------------------------------
@pytest.mark.parametrize(
    ("place", "name"),
    [
        ("Location: Milan, Italy", "Italy"),
        ("Sede di lavoro: Roma", "Italy"),
        ("Location: Kaunas", "Lithuania"),
        ("Location: Košice, Slovakia", "Slovakia"),
        ("Location: Graz, Austria", "Austria"),
    ],
)
def test_in_ad_states_make_a_missing_figure_an_error(place, name):
    (hit,) = pay_hits(posting(place, date="2026-07-01"))
    assert hit.severity == Severity.ERROR and name in hit.message


@pytest.mark.parametrize("place", ["Location: Kraków, Poland", "Location: Valletta", "Location: Remote - Poland"])
def test_ad_or_before_interview_states_get_advice_that_claims_no_violation(place):
    (hit,) = pay_hits(posting(place, date="2026-07-01"))
    assert hit.severity == Severity.INFO
    assert "that is allowed if the pay is given later" in hit.message and "requires" not in hit.message


def test_italy_is_not_applied_before_2026_06_07():
    assert pay_hits(posting("Location: Milano", date="2026-06-06")) == []
    assert len(pay_hits(posting("Location: Milano", date="2026-06-07"))) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Vienna only as the company's base or one office among several
        "# Marketing Analytics Engineer\n\nWe are headquartered in Berlin with offices in multiple cities across "
        "Europe, including Vienna and Barcelona.\n\nCompetitive salary.\n",
        "# Analytics Engineer\n\nBitpanda, founded in 2014 in Vienna, Austria, builds an investment platform.\n\n"
        "Competitive compensation.\n",
        # remote anywhere in Europe or the EU: no one country's law
        "# Data Engineer\n\nLocation: Remote (EU)\n\nCompetitive salary.\n",
        "# Data Engineer\n\nThis role is open to candidates anywhere in Europe.\n\nCompetitive salary.\n",
        # pending laws are recorded, not applied
        "# Data Engineer\n\nLocation: Amsterdam, Netherlands\n\nCompetitive salary.\n",
        "# Data Engineer\n\nLocation: Paris, France\n\nSalaire selon profil.\n",
        "# Data Engineer\n\nLocation: Dublin, Ireland\n\nCompetitive salary.\n",
    ],
)
def test_no_eu_finding_where_no_national_law_holds_for_the_job(text):
    assert pay_hits(text, as_of=dt.date(2026, 12, 7)) == []


@pytest.mark.parametrize(
    "location",
    [
        "Locations: Multiple European cities including Vienna, Brussels, Sofia, Helsinki, Berlin and Madrid",
        "Location: Amsterdam or Milan",
        "Location: Vienna, Austria or Munich, Germany",
    ],
)
def test_a_posting_open_in_several_countries_gets_advice_naming_no_law(location):
    (hit,) = pay_hits(posting(location, date="2026-07-01"))
    assert hit.severity == Severity.INFO and "several countries" in hit.message
    assert not any(law.law in hit.message for law in laws.load())


# --- LAWS.md §7.1: Connecticut, Columbus, Maine, Massachusetts, New Jersey ----------------
def test_connecticut_range_without_benefits_is_flagged_for_the_benefits():
    text = posting(
        "Location: Hartford, CT", pay="Salary: $80,000 – $95,000 per year. Great benefits!", date="2026-10-01"
    )
    (hit,) = pay_hits(text)
    assert "Connecticut" in hit.message and "no benefits are described" in hit.message
    assert "No pay range" not in hit.message


@pytest.mark.parametrize(
    "benefits",
    [
        "Benefits: medical, dental and vision insurance; a 401(k) match; paid time off.",
        "We offer health insurance, a pension plan and 25 vacation days.",
        "Paid parental leave and tuition reimbursement.",
    ],
)
def test_connecticut_range_with_benefits_is_not_flagged(benefits):
    text = posting("Location: New Haven, CT", pay=f"Pay: $28 - $34 per hour. {benefits}", date="2026-11-02")
    assert pay_hits(text) == []


def test_connecticut_without_pay_or_benefits_names_both():
    (hit,) = pay_hits(posting("Location: Stamford, CT", pay="Competitive pay.", date="2026-11-02"))
    assert "No pay range was found" in hit.message and "benefits must be described too" in hit.message


def test_connecticut_before_2026_10_01_is_not_flagged():
    assert pay_hits(posting("Location: Bridgeport, CT", date="2026-09-30")) == []


@pytest.mark.parametrize(("date", "flagged"), [("2025-12-03", False), ("2026-12-31", False), ("2027-01-01", True)])
def test_columbus_is_enforced_from_2027(date, flagged):
    hits = pay_hits(posting("Location: Columbus, OH", date=date))
    assert bool(hits) is flagged
    if flagged:
        assert "in force since 2025-12-03 and enforced since 2027-01-01" in hits[0].message


@pytest.mark.parametrize("place", ["Location: Columbus, GA", "Location: Columbus, IN", "Location: Columbus"])
def test_other_columbuses_are_not_columbus_ohio(place):
    assert pay_hits(posting(place, date="2027-02-01")) == []


def test_columbus_does_not_reach_remote_ohio_or_us_jobs():
    hits = pay_hits(posting("Location: Remote (US)", pay="Pay: $30 an hour.", date="2027-02-01"))
    assert hits and all("Columbus" not in h.message for h in hits)  # Maryland et al. still ask for a range


def test_maine_from_2026_07_29():
    assert pay_hits(posting("Location: Bangor, ME", date="2026-07-28")) == []
    (hit,) = pay_hits(posting("Location: Bangor, ME", date="2026-07-29"))
    assert "Maine" in hit.message


def test_delaware_is_cited_by_its_code_section():
    (hit,) = pay_hits(posting("Location: Dover, DE", date="2027-09-26"))
    assert "19 Del. C. § 709C" in hit.message


def test_massachusetts_reaches_a_remote_job_only_through_a_named_worksite():
    assert all("Massachusetts" not in h.message for h in pay_hits(posting("Location: Remote (US)", date="2026-01-05")))
    hits = pay_hits(posting("Location: Remote, reporting to our Boston, MA office", date="2026-01-05"))
    assert any("Massachusetts" in h.message for h in hits)


def test_prince_edward_island_since_2022_06_01():
    assert pay_hits(posting("Location: Summerside, PEI", date="2022-05-31")) == []
    (hit,) = pay_hits(posting("Location: Summerside, PEI", date="2022-06-01"))
    assert "Prince Edward Island" in hit.message and "5.8" in hit.message


@pytest.mark.parametrize(
    ("pay", "advised"),
    [
        ("Salary: $80,000 – $150,000 per year. Benefits: health insurance.", True),  # top 88% above the bottom
        ("Salary: $100,000 – $150,000 per year. Benefits: health insurance.", False),  # 50%
        ("Salary: $100,000 – $160,000 per year. Benefits: health insurance.", False),  # exactly 60%
    ],
)
def test_new_jersey_proposed_width_limit_is_advice(pay, advised):
    hits = pay_hits(posting("Location: Newark, NJ", pay=pay, date="2026-03-02"))
    assert bool(hits) is advised
    if advised:
        (hit,) = hits
        assert hit.severity == Severity.INFO and "proposed rule" in hit.message and "60%" in hit.message


# --- number styles decided by context ------------------------------------------------
def test_a_dot_group_is_a_decimal_only_after_a_dollar_sign_in_english():
    # "$19.875" in an English posting is nineteen dollars and change, so "$19.875 – $28.00" is a range;
    # in a German posting the dot groups thousands ("19.875" is 19,875), and 19,875 – 28 is no range.
    english = posting("Location: Baltimore, MD", pay="Pay: $19.875 – $28.00 per hour", date="2025-01-15")
    assert pay_hits(english) == []
    german = (
        "---\ndate: 2025-01-15\n---\n# Dateningenieur (m/w/d)\n\nLocation: Baltimore, MD\n\n## Deine Aufgaben\n\n"
        "Du entwickelst und betreibst unsere Datenplattform und arbeitest eng mit dem Team für Analyse "
        "zusammen. Wir suchen eine Person, die gerne Verantwortung übernimmt und mit uns wachsen will.\n\n"
        "Gehalt: $19.875 – $28 pro Stunde\n"
    )
    (hit,) = pay_hits(german)
    assert "Maryland" in hit.message
    assert pay_hits(german.replace("$19.875 – $28", "$19.875 – $28.000")) == []


def test_advice_names_an_open_ended_figure_instead_of_saying_none_was_found():
    text = posting("Location: Krakow, Poland", pay="Minimum compensation: starting from 15,000 PLN.", date="2026-07-02")
    (hit,) = pay_hits(text)
    assert hit.severity == Severity.INFO and "only an open-ended figure (“15,000 PLN”)" in hit.message
