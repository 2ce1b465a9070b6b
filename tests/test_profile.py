"""The posting profile through the public surface: `jdlint profile`, `files[].profile`, and the rules that read it."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEEDS, lint, run_cli, run_json

DISCLOSURES = {"visa-statement", "eeo-statement", "pay-transparency", "aedt-notice"}
PLACEHOLDERS = {"placeholder-section", "placeholder-text"}

README = """# Job postings

Every open role at Acme lives in `postings/` as one Markdown file. Copy
`templates/posting-template.md`, fill it in, and open a pull request; the
people team reviews wording and pay before a posting goes live.

## Checks

jdlint runs on every commit.
"""

CONTRIBUTING = """# Contributing

1. Branch from `main`.
2. Copy the template and fill in every bracket.
3. Ask the hiring manager and legal for review.
"""

TEMPLATE = """# [Job title]

**Location:** [City, State]

## About the role

[Two or three sentences about the team and the work.]

## Requirements

- TBD

## Compensation

$XXX,XXX – $XXX,XXX
"""


@pytest.fixture
def repo(tmp_path):
    """A postings repository as recruiting teams keep them: docs, a template, real postings."""
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "CONTRIBUTING.md").write_text(CONTRIBUTING, encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "posting-template.md").write_text(TEMPLATE, encoding="utf-8")
    postings = tmp_path / "postings"
    postings.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, postings / seed.name)
    return tmp_path


def _rules_by_file(report: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in report["findings"]:
        out.setdefault(f["path"].replace("\\", "/"), set()).add(f["rule"])
    return out


def test_a_postings_repository_docs_and_template_get_no_disclosure_or_placeholder_findings(repo):
    _, report = run_json(".", "--fail-on", "never", cwd=repo)
    rules = _rules_by_file(report)
    for doc in ("README.md", "CONTRIBUTING.md", "templates/posting-template.md"):
        assert not rules.get(doc, set()) & (DISCLOSURES | PLACEHOLDERS), doc
    kinds = {f["path"].replace("\\", "/"): f["profile"]["kind"] for f in report["files"]}
    assert kinds["README.md"] == "not-a-posting" and kinds["CONTRIBUTING.md"] == "not-a-posting"
    assert kinds["templates/posting-template.md"] == "template"
    # the postings keep theirs: a missing EEO statement, a placeholder section in seed 000
    assert "eeo-statement" in rules["postings/003_27e62249cd3c03ee.txt"]
    assert "placeholder-section" in rules["postings/000_59dcff1b0f3b7255.txt"]
    assert kinds["postings/004_d898ba1d5901057f.txt"] == "job-family"


def test_the_json_profile_has_the_documented_shape():
    text = "---\nlocation: Denver, CO\ndate: 2026-03-01\n---\n# Backend Engineer\n\nYou will build APIs in Go.\n"
    _, report = run_json("-", "--stdin-filename", "job.md", "--fail-on", "never", input=text)
    profile = report["files"][0]["profile"]
    assert profile["kind"] == "posting" and profile["title"] == "Backend Engineer"
    assert profile["date"] == "2026-03-01" and profile["language"] in ("en", "und")
    (place,) = profile["places"]
    assert place == {"name": "Denver, CO", "jurisdictions": ["US", "US-CO"], "evidence": "front matter", "line": 2}


@pytest.mark.parametrize(
    ("front_matter", "kind"),
    [
        ("jdlint:\n  kind: not-a-posting\n", "not-a-posting"),
        ("jdlint: {kind: template}\n", "template"),
        ("template: true\n", "template"),
        ("jdlint: {kind: job-family}\n", "job-family"),
    ],
)
def test_front_matter_says_what_a_file_is(front_matter, kind):
    text = (
        f"---\n{front_matter}---\n# Data Engineer\n\n## Requirements\n\n- TBD\n\nWe need a [COMPANY NAME] rockstar.\n"
    )
    _, report = run_json("-", "--stdin-filename", "job.md", "--fail-on", "never", input=text)
    assert report["files"][0]["profile"]["kind"] == kind
    rules = {f["rule"] for f in report["findings"]}
    assert not rules & DISCLOSURES
    assert "exclusionary-jargon" in rules  # wording is still checked in every kind of file
    assert bool(rules & PLACEHOLDERS) == (kind != "template")


def test_the_configuration_sets_kinds_by_path(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text('per-path-kind:\n  "notes/**": not-a-posting\n', encoding="utf-8")
    (tmp_path / "notes").mkdir()
    body = "# Data Engineer\n\n## Requirements\n\n- Python\n- SQL\n\n## What you will do\n\n- Build pipelines.\n"
    (tmp_path / "notes" / "old.md").write_text(body, encoding="utf-8")
    (tmp_path / "job.md").write_text(body, encoding="utf-8")
    _, report = run_json(".", "--fail-on", "never", cwd=tmp_path)
    rules = _rules_by_file(report)
    assert not rules.get("notes/old.md", set()) & DISCLOSURES
    assert "visa-statement" in rules["job.md"]


def test_a_bad_kind_in_the_configuration_is_an_error_naming_the_key(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text('per-path-kind:\n  "notes/**": memo\n', encoding="utf-8")
    (tmp_path / "job.md").write_text("# Data Engineer\n", encoding="utf-8")
    proc = run_cli("check", "job.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "per-path-kind" in proc.stderr and "not-a-posting" in proc.stderr


def test_jdlint_profile_prints_kind_title_places_and_date(repo):
    proc = run_cli("profile", "README.md", "postings/003_27e62249cd3c03ee.txt", "--as-of", "2026-05-01", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "README.md\n  kind      not-a-posting (a repository's README)" in out
    assert "Backend Software Engineer (line 1)" in out
    assert "date      2026-05-01" in out and "language  en" in out


def test_jdlint_profile_json_lists_every_file(repo):
    proc = run_cli("profile", "--format", "json", "templates", "postings", cwd=repo)
    entries = json.loads(proc.stdout)
    assert len(entries) == 6
    kinds = {e["path"].replace("\\", "/"): e["profile"]["kind"] for e in entries}
    assert kinds["templates/posting-template.md"] == "template"


def test_jdlint_profile_says_why_a_file_has_none(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"caf\xe9 au lait\n")
    proc = run_cli("profile", "bad.md", cwd=tmp_path)
    assert proc.returncode == 0 and "error" in proc.stdout and "UTF-8" in proc.stdout


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "# Data Engineer\n\nYou will build the pipelines that our analysts and product teams rely on every day, "
            "and you will work with the people who use them.",
            "en",
        ),
        (
            "# Data Engineer (m/w/d)\n\nDu baust mit uns die Datenplattform auf, die unsere Teams jeden Tag nutzen, "
            "und arbeitest eng mit den Fachbereichen zusammen. Wir bieten dir ein Team, das sich auf dich freut.",
            "de",
        ),
        (
            "# Data Engineer\n\nVous rejoindrez une équipe qui construit la plateforme de données pour nos clients "
            "et vous travaillerez avec les équipes produit dans nos bureaux de Paris.",
            "fr",
        ),
        ("# Data Engineer\n\nApply now.", "und"),
    ],
)
def test_the_profile_tells_the_postings_language_by_its_body(text, language):
    _, report = run_json("-", "--stdin-filename", "job.md", "--fail-on", "never", input=text)
    assert report["files"][0]["profile"]["language"] == language


def test_a_missing_statement_points_at_the_title_not_an_unrelated_heading():
    text = "Intro line about the company.\n\n# Data Engineer\n\n## Requirements\n\n- Python\n- SQL\n"
    found = {f.rule: f for f in lint(text, select=["visa-statement", "eeo-statement"])}
    assert found["visa-statement"].line == 3 and found["visa-statement"].match == "Data Engineer"
    assert found["eeo-statement"].line == 3


def test_a_posting_of_unknown_country_gets_no_us_wording():
    text = "# Data Engineer\n\n## Requirements\n\n- Python\n- SQL\n"
    (visa,) = lint(text, select=["visa-statement"])
    assert "authorized to work in the US" not in visa.message
    assert "for the country the job is in" in visa.message


def test_a_german_posting_is_not_told_to_add_an_english_sentence():
    text = (
        "# Data Engineer (m/w/d)\n\nDu baust mit uns die Datenplattform auf, die unsere Teams jeden Tag nutzen, "
        "und arbeitest eng mit den Fachbereichen zusammen. Wir bieten dir ein Team, das sich auf dich freut.\n"
    )
    for f in lint(text, select=["visa-statement", "eeo-statement"]):
        # the sentence to paste is German („…“); none in English
        assert "„" in f.message and "authorized" not in f.message and "regardless" not in f.message


ADVICE = [
    ("London, UK", "right to work in the UK", "Equality Act 2010"),
    ("Berlin, Germany", "work permit for Germany", "regardless of gender"),
    ("Lisbon, Portugal", "work permit for Portugal", "regardless of gender"),
    ("Toronto, ON", "legally entitled to work in Canada", "accommodations are available"),
    ("Denver, CO", "authorized to work in the US", "equal opportunity employer"),
    ("Bangalore, India", "work permit or visa for India", "considered on merit"),
]


@pytest.mark.parametrize(("location", "visa_words", "eeo_words"), ADVICE)
def test_a_missing_statement_is_worded_for_the_jobs_country(location, visa_words, eeo_words):
    text = f"---\nlocation: {location}\n---\n# Data Engineer\n\n## Requirements\n\n- Python and SQL\n"
    found = {f.rule: f.message for f in lint(text, select=["visa-statement", "eeo-statement"])}
    assert visa_words in found["visa-statement"]
    assert eeo_words in found["eeo-statement"]
    if location != "Denver, CO":
        assert "authorized to work in the US" not in found["visa-statement"]


def test_the_profile_names_the_pay_laws_in_force_at_the_postings_date():
    text = "---\nlocation: Denver, CO\ndate: 2026-03-01\n---\n# Backend Engineer\n\nYou will build APIs.\n"
    _, report = run_json("-", "--stdin-filename", "job.md", "--fail-on", "never", input=text)
    profile = report["files"][0]["profile"]
    assert [p["jurisdictions"] for p in profile["places"]] == [["US", "US-CO"]]
    assert [law["id"] for law in profile["laws"]] == ["us-co"]


def test_every_function_word_is_a_word_not_what_yaml_reads_as_a_boolean():
    """An unquoted `on`, `no` or `yes` in a word list is YAML's True/False: that word would never count."""
    from jdlint import data

    lists = data.load("shared/languages.yaml")["languages"]
    odd = {code: [w for w in words if not isinstance(w, str)] for code, words in lists.items()}
    assert not any(odd.values()), odd
    assert "on" in lists["en"]


def test_a_posting_told_english_by_on_alone_is_english():
    """Eight uses of "on" and no other function word: English (it was undetermined while YAML read `on` as True)."""
    text = "# Barista\n\nShifts on weekends, on call on Mondays, on site on time, on budget on target on Sundays.\n"
    _, report = run_json("-", "--stdin-filename", "barista.md", input=text)
    assert report["files"][0]["profile"]["language"] == "en"
