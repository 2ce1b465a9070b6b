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
    # described in the third person, with how often
    ("Occasionally lifts, carries, pulls or pushes up to 20 lbs.", "Occasionally lifts, carries, pulls or pushes"),
    ("Frequently stands and walks during early voting.", "Frequently stands and walks"),
    ("Occasionally climbs, stoops, kneels and crouches while setting up equipment.",
     "Occasionally climbs, stoops, kneels and crouches"),
    ("Regularly carries ballot boxes weighing 30 pounds.", "Regularly carries"),
    ("Constantly sits for extended periods at a workstation.", "Constantly sits"),
    # noun phrases
    ("Occasional lifting of material over 40 pounds such as ballots and boxes.", "Occasional lifting"),
    ("Frequent sitting, standing, bending and walking.", "Frequent sitting, standing, bending and walking"),
    ("Prolonged standing at the check-in desk.", "Prolonged standing"),
    ("Repetitive bending and kneeling to load supplies.", "Repetitive bending and kneeling"),
    ("Constant walking between precincts on election day.", "Constant walking"),
    # adverbs outside the old closed list
    ("Ability to continually lift 25 lb boxes.", "Ability to continually lift"),
    ("Must be able to consistently lift and stack cases of paper.", "Must be able to consistently lift and stack"),
    ("Able to repeatedly bend and reach for supplies.", "Able to repeatedly bend and reach"),
    # the senses
    ("Corrected hearing and vision to normal range.", "Corrected hearing and vision to normal range"),
    ("Vision correctable to normal range is required.", "Vision correctable to normal range"),
    ("Requires normal hearing for phone work.", "normal hearing"),
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
    "We hold regular standing meetings with the county clerk.",
    "Our office is within walking distance of the train.",
    "Frequently reaches out to voters by phone.",
    "Regularly walks stakeholders through the canvass results.",
    "Occasionally moves projects forward without supervision.",
    "Frequent travel across the county is expected.",
    "Constant learning is part of the job.",
    "Occasional lifting of spirits after a long election night.",
    "Regularly stands up for voters' rights.",
    "Frequently pulls reports from the voter database.",
    "Prolonged outages are escalated to the vendor.",
    "The vision of the office is fair elections for all.",
    "Hearing from voters is the best part of the role.",
    "Heavy lifting on the data model is done by the platform team.",
    "Consistently carries out audits on schedule.",
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


def test_a_physical_section_reports_its_bare_list_once():
    text = (
        "# Warehouse Technician\n\n## Typical physical requirements\n\n"
        "- Lifting up to 25 pounds\n- Standing for long periods\n- Climbing ladders\n"
    )
    assert_flags(RULE, text, "Lifting")
    from jdlint import lint_text

    hits = [f for f in lint_text(text, path="job.md").findings if f.rule == RULE]
    assert len(hits) == 1 and "2 more" in hits[0].message


def test_a_heading_named_essential_duties_is_not_framing():
    text = (
        "## ESSENTIAL DUTIES AND RESPONSIBILITIES\n\n"
        "- Prepare ballots.\n- Occasionally lifts, carries, pulls or pushes up to 20 lbs.\n"
    )
    assert_flags(RULE, text, "Occasionally lifts, carries, pulls or pushes")


def test_a_sentence_about_essential_functions_frames_the_section():
    text = (
        "## Physical demands\n\nThe physical demands described here are representative of those that must be "
        "met to perform the essential functions of this job.\n\n- Occasionally lifts up to 20 lbs.\n"
    )
    assert_passes(RULE, text)
