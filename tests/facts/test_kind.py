"""The document kind: posting, not-a-posting, template or job-family, each with a reason.

Every non-posting here is one a postings repository really holds (its own
docs, templates, pages saved from boards that turned out to be error,
expired, listing or banner pages); every posting is a layout the classifier
must not set aside, above all the traps: postings wrapped in cookie walls,
menus and "Similar jobs" lists, one-paragraph digests, exporter headers with
an empty description, postings in other languages.
"""

from __future__ import annotations

import pytest
from conftest import SEEDS

from jdlint.facts.kind import KINDS, Kind, configured_kind, document_kind
from jdlint.parse import parse_posting


def kind_of(text: str, path: str = "postings/role.md", path_kinds: dict[str, str] | None = None) -> Kind:
    return document_kind(parse_posting(text, path), path_kinds)


DUTIES = (
    "## Responsibilities\n\n"
    "- Build and maintain the data models behind our finance reporting\n"
    "- Review pull requests and mentor two junior engineers\n"
    "- Work with analysts to turn questions into well-tested tables\n\n"
    "## Requirements\n\n"
    "- Four or more years of SQL in a production warehouse\n"
    "- Comfortable with dbt, Git and code review\n"
    "- Clear written English for an asynchronous team\n"
)

# --- files that are not postings --------------------------------------------------------------------------

REPO_README = """# Open roles

This repository holds the job postings of the Platform group. Every posting is
one Markdown file under `postings/`; start from `templates/posting.md`.

## Checking a posting

Run `jdlint check postings/` before you open a pull request. CI runs the same
check and blocks the merge on errors.

## Who reviews

The hiring manager and one person from People Operations.
"""

REPO_CONTRIBUTING = """# Contributing

Thanks for helping us write better postings.

1. Copy the template and fill in every section.
2. Keep the salary range and the location up to date.
3. Ask the recruiting team for a review; they check the visa and EEO wording.

Questions go to #hiring-docs.
"""

CODE_OF_CONDUCT = """# Code of conduct

We expect everyone who takes part in this repository to be kind, patient and
respectful. Harassment of any kind is not tolerated.
"""

CHANGELOG = """# Changelog

## 2024-05
- Added the Senior Analyst posting.
- Moved old postings to `archive/`.
"""

TEMPLATE = """# [Job title]

[Company] is hiring a [Job title] to join the [Team] team in [City].

## Responsibilities

- [What the person will do, one line each]
- TBD

## Requirements

- [Must-have skill]
- [Years of experience]

## Salary

[min] - [max] [currency] per year
"""

CAREERS_INDEX = """Careers

Join a team that keeps the county running. We employ more than 1,200 people in
forty departments, from parks to public health.

- View current openings
- Benefits for employees
- How to apply
- Internships and seasonal jobs
- Contact Human Resources
"""

EXPIRED_WITH_SIMILAR = """This job is no longer available, but here are similar jobs you might like.

Get notified about new Data Analyst jobs in Austin, Texas.
Sign in to create job alert
Data Analyst
Brightline Foods
Austin, TX
3 days ago
Senior Data Analyst
Harbor Credit Union
Round Rock, TX
1 week ago
Reporting Analyst
Lone Star Health
Austin, TX
2 weeks ago
"""

POSITION_FILLED = """Deputy Registrar

Sorry, this position has been filled.

Return to the job list to see our other openings.
"""

WINDOW_CLOSED = """ELECTIONS TECHNICIAN - 40012345
Date: Apr 2, 2024
Company: Lakeview County

The application window for this position is closed.

We use cookies to give you the best experience on our site. You can change
your cookie settings at any time.
"""

JOB_NOT_FOUND = """We couldn't find the job you were looking for. It may have been taken down.

Leave your email and we'll tell you about new openings.
"""

BOARD_TABLE = """# Regional Job Board

Apply below or subscribe to alerts for new recruitments.

| Title | Agency | Closing | Apply |
|---|---|---|---|
| City Clerk | City of Marston | March 3 | Apply |
| Finance Director | Pine County | Open until filled | Apply |
| Planning Manager | Town of Ridgefield | March 20 | Apply |
| Assistant City Manager | City of Hollis | April 1 | Apply |
"""

BOARD_SEARCH = """Skip to Main Content
Back
Search Jobs
Search keywords
Location
Bismarck, ND (38)
Fargo, ND (21)
Minot, ND (9)
Accountant II
Highway Maintenance Worker
Correctional Officer
Tax Auditor
Program Manager
Nurse Clinician
Payroll Specialist
Seasonal Park Aide
"""

BOARD_LINKEDIN = """Get notified about new Operations Manager jobs in Ohio.
Sign in to create job alert
2,000+ Operations Manager Jobs in Ohio
Operations Manager
Operations Manager
Midwest Freight
Columbus, OH
Plant Operations Manager
Plant Operations Manager
Buckeye Plastics
Dayton, OH
Warehouse Operations Lead
Warehouse Operations Lead
Lakeshore Logistics
Toledo, OH
"""

BOARD_DEPARTMENTS = """Job Listings
Open Positions by Department
Clerk of Court
Deputy Clerk - Criminal
Public Works
Equipment Operator
Water Department
Meter Reader
"""

HOME_PAGE = """Welcome to the Marston County Board of Elections

News and Announcements

Early voting for the May primary starts April 20. Read more about early voting hours.

Office hours: Monday to Friday, 8:00 a.m. to 4:30 p.m.
12 Main Street, Marston
"""

COOKIE_BANNER = """This website uses cookies.

We use cookies to remember your settings and to understand how visitors use
the site. Choose "Accept" to allow them or "Settings" to pick which ones we use.
"""

GOV_BANNER = """Official websites use .gov
A .gov website belongs to an official government organization in the United States.
Secure .gov websites use HTTPS. Share sensitive information only on official, secure websites.
"""

PAGE_404 = """Home / About / Contact

404

Sorry, we couldn't find the page you were looking for. Check the address or
go back to the home page.
"""

OOPS = """Oops! There isn't a web page matching your entry.

If you followed a bookmark, the address may have changed when we moved to our
new site.
"""

APP_ERROR = """Skip to Main Content
Government
Departments
Services
Custom404
An error has occurred.
We have logged this error. Please use the reference number below when you contact us.
Return to HOME page.
"""

BROWSER_OUTDATED = """It looks like your current browser is outdated and won't show this page
correctly. Please update your browser or switch to another one.
"""

CAREER_PAGE_THANKS = """Thanks for visiting our Career Page!

We are a small legal nonprofit working on voting rights in twelve states.
When we have open roles they appear below. We hire people from every
background and encourage everyone to check back often.
"""

TALENT_COMMUNITY = """Join the Northfield University Talent Community

Sign up to hear about openings that match your interests. A recruiter may
contact you when something fits.
"""

NO_OPENINGS = """Job Openings

Currently, there are no job openings in our office. Please check this page again soon.
"""

NO_JOB_AT_ALL = """We help neighbours get to the polls.

Since 2010 our volunteers have driven more than 40,000 people to their
polling places. Donate, volunteer or tell a friend about us.

Contact us at hello@example.org.
"""

PAGE_NOT_FOUND = """Page not found

The page you requested may have moved. Try the search box above.
"""

EMPTY_SEARCH = """The Official Site of the State Careers
Search Jobs
Clear Search
Search Results
No jobs found.
Sign In
"""

NON_POSTINGS = [
    ("README.md", REPO_README, "a repository's README"),
    ("CONTRIBUTING.md", REPO_CONTRIBUTING, "a repository's CONTRIBUTING"),
    ("docs/CODE_OF_CONDUCT.md", CODE_OF_CONDUCT, "a repository's CODE_OF_CONDUCT"),
    ("CHANGELOG.md", CHANGELOG, "a repository's CHANGELOG"),
    ("saved/careers.txt", CAREERS_INDEX, "a careers page, not one job"),
    ("saved/analyst.txt", EXPIRED_WITH_SIMILAR, "says the job is no longer available"),
    ("saved/registrar.txt", POSITION_FILLED, "says the job is no longer available"),
    ("saved/technician.txt", WINDOW_CLOSED, "says the job is no longer available"),
    ("saved/cio.txt", JOB_NOT_FOUND, "says the job is no longer available"),
    ("saved/board.md", BOARD_TABLE, "a list of other jobs"),
    ("saved/state-jobs.txt", BOARD_SEARCH, "a list of other jobs"),
    ("saved/ops-manager.txt", BOARD_LINKEDIN, "a list of other jobs"),
    ("saved/clerk.txt", BOARD_DEPARTMENTS, "a list of other jobs"),
    ("saved/elections.txt", HOME_PAGE, "an organisation's home page"),
    ("saved/engineer.txt", COOKIE_BANNER, "a site banner or notice"),
    ("saved/specialist.txt", GOV_BANNER, "a site banner or notice"),
    ("saved/director.txt", PAGE_404, "an error page"),
    ("saved/manager.txt", OOPS, "an error page"),
    ("saved/assistant.txt", APP_ERROR, "an error page"),
    ("saved/analyst2.txt", BROWSER_OUTDATED, "an error page"),
    ("saved/attorney.txt", CAREER_PAGE_THANKS, "a careers page, not one job"),
    ("saved/counsel.txt", TALENT_COMMUNITY, "a careers page, not one job"),
    ("saved/deputy.txt", NO_OPENINGS, "a careers page, not one job"),
    ("saved/driver.txt", NO_JOB_AT_ALL, "names no job and describes none"),
    ("saved/planner.txt", PAGE_NOT_FOUND, "an error page"),
    ("saved/counsel2.txt", EMPTY_SEARCH, "a job search with no results"),
]


@pytest.mark.parametrize(("path", "text", "reason"), NON_POSTINGS, ids=[n[0] for n in NON_POSTINGS])
def test_a_file_that_is_not_a_posting_is_set_aside_with_its_reason(path, text, reason):
    assert kind_of(text, path) == Kind("not-a-posting", reason)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("templates/posting.md", "in a templates/ folder"),
        ("hiring/template/role.md", "in a template/ folder"),
        ("postings/posting-template.md", "named as a template"),
        ("postings/JOB_TEMPLATE.txt", "named as a template"),
    ],
)
def test_a_template_is_known_by_its_folder_or_name(path, reason):
    assert kind_of(TEMPLATE, path) == Kind("template", reason)


def test_a_template_is_known_by_its_front_matter_flag():
    assert kind_of("---\ntemplate: true\n---\n" + TEMPLATE) == Kind("template", "front matter marks it a template")
    # `template:` naming a layout (a site generator's key) is not the flag
    assert kind_of("---\ntemplate: job.html\n---\n# Data Engineer\n\n" + DUTIES).kind == "posting"


# --- postings of every layout -------------------------------------------------------------------------------

MARKDOWN = "# Analytics Engineer\n\nWe build the reporting behind a payments company.\n\n" + DUTIES

PLAIN_CAPS = """ELECTIONS SPECIALIST
Department: County Clerk
Location: Marston, OH

DUTIES
Prepares ballots and tests voting equipment before each election.
Trains and schedules poll workers and answers their questions on election day.
Keeps voter registration records accurate and up to date.

MINIMUM QUALIFICATIONS
High school diploma and two years of office experience.
Valid driver's license.
"""

SCRAPED_LINKEDIN = (
    "This website uses cookies. By continuing you agree to our cookie policy.\n"
    "Skip to main content\nJobs\nPeople\nLearning\n\n"
    "Analytics Engineer\nNorthwind Logistics\nRotterdam, South Holland, Netherlands\n\n"
    + DUTIES
    + "\nSeniority level\nMid-Senior level\n\nSimilar jobs\nData Engineer\nAcme BV\nUtrecht\n"
    "BI Developer\nPolder Data\nAmsterdam\n\nPeople also viewed\nData Analyst\nHaarlem\n"
)

DIGEST = (
    "Senior Analytics Engineer at Kestrel Bank. Responsibilities: own the warehouse models for lending, "
    "build dbt tests, partner with risk analysts. Requirements: 5+ years of SQL, dbt, Snowflake, strong "
    "communication. Hybrid in Lisbon, two days a week in the office."
)

DIGEST_WITH_PAY = (
    "Product Analyst, Malmo. Own the funnel dashboards and run experiment readouts with the growth team. "
    "SQL and Python, some Looker. Salary €52,000 - €60,000 plus bonus."
)

JOB_DETAILS_EMPTY = """=== JOB DETAILS ===

Location: Marston, OH
Job Type: Full-Time
Department: Board of Elections

=== JOB DESCRIPTION ===

"""

JOB_DETAILS_PAY = """=== JOB DETAILS ===

Salary: $21.50 - $27.10 Hourly
Location: Pine City, MN
Job Type: Part-Time

=== JOB DESCRIPTION ===

Assists voters at the front counter and processes absentee ballot requests.
"""

GERMAN_WITH_ENGLISH_MENU = """Careers
We use cookies

Analytics Engineer (m/w/d)

Wir suchen eine Person, die unsere Datenplattform mit aufbaut und mit den Fachbereichen
Kennzahlen definiert. Du arbeitest eng mit dem Controlling und dem Vertrieb zusammen und
sorgst dafür, dass Berichte stimmen und schnell geladen werden.

Das bringst du mit: mehrere Jahre Erfahrung mit SQL und dbt, sicheres Deutsch und Englisch,
Freude an sauberer Modellierung. Wir bieten flexible Arbeitszeiten und ein Büro in Köln.
"""

FRENCH_SHORT = """Ingénieur analytique (H/F)

Rejoignez notre équipe à Lyon pour construire les modèles de données de nos magasins.
Vous travaillerez avec les équipes produit et finance. Télétravail deux jours par semaine.
"""

SHORT_WITH_CAREERS_MENU = """Careers

Barista

We are opening a second café on Elm Street and need someone who loves coffee and people.
Mornings, four days a week. Come say hello at the counter or email us.
"""

UNTIL_FILLED = (
    "# Deputy County Clerk\n\nThis position is open until the position is filled; review begins May 1.\n\n" + DUTIES
)

TRAINEE_LEVEL = (
    "# Departmental Analyst\n\nIf this position is filled at the trainee level, the duties will be performed "
    "in a training capacity.\n\n" + DUTIES
)

OFFICE_HOURS = "# Voter Services Clerk\n\nOffice hours are 8 to 4:30, Monday to Friday.\n\n" + DUTIES

GOV_BANNER_AROUND_POSTING = (
    "Official websites use .gov\nA .gov website belongs to an official government organization.\n\n"
    "# Program Manager\n\n" + DUTIES
)

SEARCH_JOBS_NAV_AROUND_POSTING = "Search Jobs\nSign In\n\n# Registrar of Voters\n\n" + DUTIES

LINKEDIN_ALERT_ON_TOP = (
    "Get notified about new District Controller jobs in United States.\nSign in to create job alert\n"
    "Regional Controller\n\n" + DUTIES
)

STUB = """Pine County's Clerk Recorder is accepting applications for an Elections Assistant.
Please see the supporting documents below.
Human Resources Director: Dana Ortiz
Office Location: 1st Floor, 74 School Street
"""

EXEC_TEASER = """EXECUTIVE RECRUITMENT - DIRECTOR OF PUBLIC WORKS
Pine County is looking for an experienced leader to serve as its Director of Public Works.
Read the brochure for the county and the position.
HOW TO APPLY:
Send a cover letter and resume through the recruiter's portal; first review on June 1.
"""

SHORT_COOKIE_TITLED = """Data Analyst

This website uses cookies.

Help the city understand its permit backlog. You'll build the weekly dashboard and
answer questions from the planning department.
"""

KOREAN = """데이터 분석 엔지니어

합류하게 될 팀은 결제 데이터를 정리하고 지표를 만드는 일을 합니다.
SQL과 데이터 모델링 경험이 있는 분을 찾습니다.
"""

TABLE_IN_POSTING = (
    "# Field Technician\n\n"
    + DUTIES
    + "\n| Title | Location | Shift |\n|---|---|---|\n| Field Technician | North yard | Day |\n"
    "| Field Technician | South yard | Night |\n| Field Technician | East yard | Day |\n"
)

SHORT_LINES_UNDER_A_SEARCH_MENU = """Search Jobs
Line Cook
Marston Diner
Marston, OH
Full-time, evenings
Prep vegetables and sauces
Cook orders on the flat-top
Keep your station clean
Apply in person
"""

POSTINGS = [
    ("postings/analytics.md", MARKDOWN),
    ("saved/line-cook.txt", SHORT_LINES_UNDER_A_SEARCH_MENU),
    ("postings/elections.txt", PLAIN_CAPS),
    ("saved/linkedin.md", SCRAPED_LINKEDIN),
    ("digests/kestrel.md", DIGEST),
    ("digests/malmo.md", DIGEST_WITH_PAY),
    ("saved/job-details-empty.txt", JOB_DETAILS_EMPTY),
    ("saved/job-details-pay.txt", JOB_DETAILS_PAY),
    ("postings/koeln.md", GERMAN_WITH_ENGLISH_MENU),
    ("postings/lyon.md", FRENCH_SHORT),
    ("postings/barista.txt", SHORT_WITH_CAREERS_MENU),
    ("postings/deputy-clerk.md", UNTIL_FILLED),
    ("postings/analyst-trainee.md", TRAINEE_LEVEL),
    ("postings/voter-services.md", OFFICE_HOURS),
    ("saved/program-manager.txt", GOV_BANNER_AROUND_POSTING),
    ("saved/registrar.txt", SEARCH_JOBS_NAV_AROUND_POSTING),
    ("saved/controller.txt", LINKEDIN_ALERT_ON_TOP),
    ("saved/elections-assistant.txt", STUB),
    ("saved/public-works.txt", EXEC_TEASER),
    ("saved/data-analyst.txt", SHORT_COOKIE_TITLED),
    ("postings/toss.md", KOREAN),
    ("postings/field-tech.md", TABLE_IN_POSTING),
    ("jobs/backend/README.md", "# Backend Engineer\n\nJoin the payments team.\n\n" + DUTIES),
    ("postings/security.md", "# Security Engineer\n\n" + DUTIES),
    ("postings/ops.md", "# Operations Lead\n\nAll levels of experience are welcome.\n\n" + DUTIES),
    ("postings/perf.md", "# Sales Lead\n\n" + DUTIES + "\n## Performance indicators\n\n- Quota attainment\n"),
    ("postings/grade.txt", "Job Grade: 12\n\n" + PLAIN_CAPS),
    ("postings/room.md", "# Records Clerk\n\nInterviews are held in Room 404 of the annex.\n\n" + DUTIES),
]


@pytest.mark.parametrize(("path", "text"), POSTINGS, ids=[p[0] for p in POSTINGS])
def test_a_posting_of_any_layout_stays_a_posting(path, text):
    kind = kind_of(text, path)
    assert kind.kind == "posting", kind


@pytest.mark.parametrize("text", ["", "\n\n", "---\ntitle: Data Engineer\n---\n", "TBD\n"])
def test_an_empty_or_nearly_empty_file_is_left_a_posting_for_the_rules_that_report_it(text):
    assert kind_of(text).kind == "posting"


# --- job families ---------------------------------------------------------------------------------------

LEVELS_PAGE = """---
title: Support Engineer
---

Support Engineers answer customers' hardest questions.

## Responsibilities

- Resolve tickets across the whole product
- Write and improve documentation

## Levels

### Senior Support Engineer

- Lead incident reviews

### Staff Support Engineer

- Set the direction of the support tooling
"""

GRADES_PAGE = """# Accounting

## Accountant

### Job Grade

The Accountant is a grade 6.

### Responsibilities

- Close the books each month

## Senior Accountant

### Job Grade

The Senior Accountant is a grade 7.

### Responsibilities

- Own the consolidation
"""

HANDBOOK_PAGE = """# Country Manager

## Job Grade

The Country Manager is a grade 10.

## Responsibilities

- Build the local team and the partner network
- Own the country's revenue plan

## Career Ladder

The next step is Regional Director.
"""

CLASS_SPEC = """Class specifications are intended to describe the range of duties of a job class
and are not a complete list of the work of any one position.

ELECTIONS ADMINISTRATOR

DISTINGUISHING CHARACTERISTICS
Plans and directs the county's elections.
"""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (LEVELS_PAGE, "lists the levels of one role"),
        (GRADES_PAGE, "gives job grades for several levels"),
        (HANDBOOK_PAGE, "a career-ladder handbook page"),
        (CLASS_SPEC, "a class specification, not one opening"),
    ],
)
def test_a_job_family_page_is_known_by_its_levels(text, reason):
    assert kind_of(text, "handbook/role.md") == Kind("job-family", reason)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_the_seeds_are_postings_and_004_a_job_family(seed):
    kind = kind_of(seed.read_text(encoding="utf-8"), str(seed))
    assert kind.kind == ("job-family" if seed.name.startswith("004_") else "posting"), kind


# --- the user's word --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_front_matter_names_the_kind_and_wins_over_everything(kind):
    text = f"---\njdlint: {{kind: {kind}}}\n---\n" + TEMPLATE
    assert kind_of(text, "templates/x.md", {"**": "posting"}) == Kind(kind, "front matter says so")


def test_front_matter_with_an_unknown_kind_is_ignored():
    assert kind_of("---\njdlint: {kind: brochure}\n---\n" + MARKDOWN).kind == "posting"
    assert kind_of("---\njdlint: not-a-posting\n---\n" + MARKDOWN).kind == "posting"  # not a mapping


def test_configured_kinds_apply_by_glob_and_the_last_match_wins():
    kinds = {"docs/**": "not-a-posting", "docs/roles/**": "posting", "hr/*.md": "template"}
    assert configured_kind("docs/guide.md", kinds) == Kind("not-a-posting", 'the configuration says so ("docs/**")')
    assert configured_kind("docs/roles/sre.md", kinds) == Kind("posting", 'the configuration says so ("docs/roles/**")')
    assert configured_kind("hr/form.md", kinds).kind == "template"
    assert configured_kind("postings/sre.md", kinds) is None
    assert configured_kind("docs/guide.md", {"docs/**": "brochure"}) is None  # not a kind: ignored


def test_configured_kinds_beat_the_name_and_the_text_but_not_front_matter():
    assert kind_of(TEMPLATE, "templates/posting.md", {"templates/**": "posting"}).kind == "posting"
    assert kind_of(MARKDOWN, "docs/role.md", {"docs/**": "not-a-posting"}).kind == "not-a-posting"
    fm = "---\njdlint: {kind: posting}\n---\n" + MARKDOWN
    assert kind_of(fm, "docs/role.md", {"docs/**": "not-a-posting"}).kind == "posting"


def test_the_kind_is_computed_once_and_the_globs_are_read_on_each_ask():
    posting = parse_posting(PAGE_404, "docs/404.md")
    first = document_kind(posting)
    assert document_kind(posting) is first  # kept in posting.facts
    assert document_kind(posting, {"docs/**": "posting"}).kind == "posting"
    assert document_kind(posting) is first


# --- the phrasings' data --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bsimilar jobs\b", {"similar", "jobs"}),
        (r"\b(?:this|the) job is no longer (?:available|open)", {"job", "longer"}),
        (r"\bthat trail'?s gone cold\b", {"that", "gone", "cold"}),
        (r"\bpage (?:was )?not found\b", {"page", "found"}),  # "not" touches the group: left out
        (r"\bread on\.\.\.", {"read"}),
        (r"employ(?:ment|ee)s? office", {"office"}),  # "employ" may be cut short by the group
        (r"\bcustom ?404\b", set()),
        (r"search jobs|find jobs", set()),  # no word common to both branches
    ],
)
def test_key_words_are_only_words_every_match_holds_whole(pattern, words):
    from jdlint.facts.kind import _key_words

    assert _key_words(pattern) == words


def test_every_phrasing_in_the_data_has_a_word_to_look_for_and_a_reason():
    from jdlint.facts.kind import _tables

    tables = _tables()
    assert set(tables.reasons) == set(tables.wording) and all(tables.reasons.values())
    for group, wording in tables.wording.items():
        for part in wording.parts:
            assert part.keys, (group, part.regex.pattern)
