"""Language per posting, rules declaring theirs, and the German pipeline loaded only when needed."""

import json
import subprocess
import sys

from conftest import ROOT, lint, run_cli, run_json
from german_helpers import german, language_of

import jdlint
from jdlint.run.engines import get_engine

ENGLISH = (
    "# Data Engineer\n\nWe are a software company in Denver and we are looking for an engineer who will build our "
    "data platform with us. You will work on the pipelines that our customers rely on every day, and you will "
    "own them from the first day.\n"
)


def test_german_and_english_postings_are_told_apart() -> None:
    assert language_of(german("Du arbeitest mit dbt.")) == "de"
    assert language_of(ENGLISH) == "en"


def test_a_mixed_posting_is_read_in_its_body_language() -> None:
    mixed = german("Du arbeitest mit dbt und Snowflake.", title="Senior Analytics Engineer – Data Platform Team")
    assert language_of(mixed) == "de"


def test_front_matter_names_the_language_of_a_short_snippet() -> None:
    assert language_of("junges Team") == "und"
    assert language_of("---\nlanguage: de\n---\njunges Team\n") == "de"
    assert "age-bias" in [f.rule for f in lint("---\nlanguage: de\n---\nEin junges Team.\n", select=["age-bias"])]


def test_rules_declare_their_languages() -> None:
    rules = get_engine().rules
    for rule in ("age-bias", "national-origin-bias", "exclusionary-jargon", "culture-fit", "gendered-term"):
        assert rules[rule].languages == ("en", "de"), rule
    assert rules["gender-coded"].languages == ("en",)  # no German list with a licence that allows reuse
    assert rules["citizenship-restriction"].languages == ("en",)
    assert rules["visa-statement"].languages == ()  # every language, with phrasings per language
    assert "Languages: en, de" in rules["age-bias"].explain_text()


ENGLISH_ONLY_ON_GERMAN = [  # English words a German posting may carry: no English list reads them
    ("Du bist competitive und driven.", "gender-coded"),
    ("Du liebst Analyse und Hierarchien.", "gender-coded"),
    ("Wir sind ein young team mit recent graduates.", "age-bias"),
    ("Du bist native English speaker.", "national-origin-bias"),
    ("Only US citizens können sich bewerben.", "citizenship-restriction"),
    ("Du bist ein salesman mit Herz.", "gendered-term"),
    ("He will lead the team und berichtet an die Leitung.", "gendered-term"),
    ("Du musst lift 50 pounds und stand for long periods.", "disability-bias"),
]


def test_english_lists_never_read_a_german_posting() -> None:
    for text, rule in ENGLISH_ONLY_ON_GERMAN:
        assert [f for f in lint(german(text), path="stelle.md", select=[rule]) if f.rule == rule] == [], text


def test_german_lists_never_read_an_english_posting() -> None:
    text = ENGLISH + "\nWir sind ein junges Team, Deutsch als Muttersprache, Manntage, wir sind eine Familie.\n"
    assert lint(text, select=["bias"]) == []


def test_no_gender_coding_summary_for_a_german_posting() -> None:
    assert "gender_coding" not in jdlint.lint_text(german("Du bist driven."), path="stelle.md").summary
    assert "gender_coding" in jdlint.lint_text(ENGLISH).summary


def test_json_profile_and_findings_for_a_german_file(tmp_path) -> None:
    (tmp_path / "stelle.md").write_text(german("Dich erwartet ein junges Team."), encoding="utf-8")
    _, data = run_json(str(tmp_path / "stelle.md"), "--no-cache", "--fail-on", "never")
    assert data["files"][0]["profile"]["language"] == "de"
    assert "age-bias" in {f["rule"] for f in data["findings"]}


def test_rules_json_lists_each_rules_languages() -> None:
    proc = run_cli("rules", "--format", "json")
    by_id = {r["id"]: r for r in json.loads(proc.stdout)}
    assert by_id["age-bias"]["languages"] == ["en", "de"] and by_id["empty-section"]["languages"] == []


_PROBE = """
import sys
import jdlint
english = {english!r}
german = {german!r}
jdlint.lint_text(english, path="a.md")
jdlint.lint_text(english.replace("Denver", "Boston"), path="b.md")
print("de-before" if "spacy.lang.de" in sys.modules else "no-de-before")
jdlint.lint_text(german, path="c.md")
print("de-after" if "spacy.lang.de" in sys.modules else "no-de-after")
"""


def test_english_only_runs_never_load_the_german_pipeline() -> None:
    code = _PROBE.format(english=ENGLISH, german=german("Dich erwartet ein junges Team."))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["no-de-before", "de-after"]


class _TakesDoc:
    """A third-party plugin whose hook takes `doc`: every posting's Doc is then made up front, in batches."""

    def __init__(self) -> None:
        self.languages: list[str] = []

    @jdlint.hookimpl
    def jdlint_check(self, posting, context, doc):
        self.languages.append(doc.lang_)
        return []


def test_a_plugin_taking_doc_gets_the_german_pipelines_doc_and_german_lists_still_run(tmp_path) -> None:
    from jdlint.engine import Engine

    engine = Engine(load_entry_points=False)
    plugin = _TakesDoc()
    engine.pm.register(plugin, name="takes-doc")
    (tmp_path / "stelle.md").write_text(german("Dich erwartet ein junges Team."), encoding="utf-8")
    (tmp_path / "job.md").write_text(ENGLISH, encoding="utf-8")
    report = jdlint.lint_paths([str(tmp_path)], engine=engine, jobs=1)
    assert sorted(plugin.languages) == ["de", "en"]
    assert "age-bias" in {f.rule for f in report.findings if f.path.endswith("stelle.md")}
