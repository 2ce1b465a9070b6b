"""disability-bias: ableist idioms (rules/bias/disability-bias.yaml) and unframed physical demands."""

from bias_helpers import assert_flags, assert_passes, table_tests
from conftest import assert_explained_examples

RULE = "disability-bias"

FLAGGED = [
    ("We move at a crazy pace.", "crazy"),
    ("Crazy deadlines are part of launch season.", "Crazy"),
    ("We hold an insanely high talent bar.", "insanely"),
    ("Do a quick sanity check on the numbers.", "sanity check"),
    ("Run sanity-checks on every dashboard.", "sanity-checks"),
    ("Perform sanity testing before each release.", "sanity testing"),
    ("That launch email was tone-deaf.", "tone-deaf"),
    ("Help us find our blind spots.", "blind spots"),
    ("Spot blindspots in our reporting.", "blindspots"),
    ("Don't turn a blind eye to data quality.", "turn a blind eye"),
    ("Our old tooling was lame.", "lame"),
    ("Legacy scripts crippled the team's velocity.", "crippled"),
    ("Must be able-bodied.", "able-bodied"),
    ("Handicapped parking is available.", "Handicapped"),
    ("Must be able to lift 50 lbs.", "Must be able to lift"),
    ("Must be able to stand for an entire shift.", "Must be able to stand"),
    ("Ability to stand, walk, and bend for long periods.", "Ability to stand, walk, and bend"),
    ("Required to lift at least 25 pounds.", "Required to lift"),
    ("Must be able to see and hear.", "Must be able to see and hear"),
    ("The role requires standing, walking, and kneeling.", "requires standing, walking, and kneeling"),
    ("Ability to sit for extended periods of time.", "Ability to sit"),
    ("Must be able to walk between polling sites.", "Must be able to walk"),
]

PASSING = [
    "Must lift 20 lb, an essential function, with or without reasonable accommodation.",
    "We work at a sustainable pace.",
    "Run a quick check on the numbers.",
    "A double-blind review of the code.",
    "Stand out from the crowd with clear writing.",
    "Ability to walk stakeholders through complex dashboards.",
    "Able to see the big picture and the details.",
    "We'd love to hear from you.",
    "Ability to lift conversion rates through experimentation.",
    "Ability to carry out assignments independently.",
    "Must be able to pull data from several APIs.",
    "Must be able to move quickly between priorities.",
    "Help us climb the ranks of the leaderboard.",
    "Be able to speak Spanish fluently.",
    "Must be able to sit with stakeholders to gather requirements.",
    "Walk us through your portfolio in the interview.",
    "Experience with accessibility testing (WCAG 2.1).",
    "Our tool, Crazy Egg, tracks heatmaps.",
    "Balance competing priorities.",
    "Apply the Voting Accessibility for the Elderly and Handicapped Act of 1984.",
    "Reach out to the hiring team with questions.",
    "Able to push back on unclear requirements.",
]


test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)


def test_framing_in_the_same_section_excuses_the_demand():
    text = (
        "## Physical demands\n\n"
        "These are essential functions of the job.\n\n"
        "- Must be able to lift 25 pounds.\n- Must be able to stand for long periods.\n"
    )
    assert_passes(RULE, text)


def test_framing_in_another_section_does_not_count():
    text = (
        "## Physical demands\n\n- Must be able to lift 25 pounds.\n\n"
        "## Benefits\n\nWe offer flexible hours and reasonable commutes.\n"
    )
    assert_flags(RULE, text, "Must be able to lift")


def test_one_framing_sentence_covers_the_posting():
    text = (
        "Reasonable accommodations may be made to enable individuals with disabilities to perform the "
        "essential functions.\n\n## Physical demands\n\n- Must be able to lift 25 pounds.\n"
    )
    assert_passes(RULE, text)


def test_eeo_statement_is_exempt():
    text = "## EEO\n\nWe do not discriminate against handicapped or able-bodied applicants.\n"
    assert_passes(RULE, text)


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
