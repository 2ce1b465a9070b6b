"""gendered-term: gendered titles and idioms (rules/bias/gendered-term.yaml) and pronouns about the candidate."""

from bias_helpers import assert_flags, assert_passes, table_tests
from conftest import assert_explained_examples

RULE = "gendered-term"

FLAGGED = [
    ("He will report to the VP of Sales.", "He"),
    ("The successful candidate will own the roadmap; he will present it to the board.", "he"),
    ("The ideal candidate brings his own laptop setup ideas.", "his"),
    ("An engineer on call must keep his phone charged.", "his"),
    ("The candidate should describe his/her experience.", "his/her"),
    ("He/she is responsible for voter registration.", "He/she"),
    ("He or she must be capable of handling complex problems.", "He or she"),
    ("The employee uses his or her own judgment.", "his or her"),
    ("S/he will lead the analytics guild.", "S/he"),
    ("(s)he will mentor two juniors.", "(s)he"),
    ("Qualities enabling him or her to manage competing priorities.", "him or her"),
    ("Ability to account for his / her actions.", "his / her"),
    ("We are hiring a salesman for the Midwest territory.", "salesman"),
    ("Our saleswomen closed 40 deals last quarter.", "saleswomen"),
    ("Reports to the Chairman of the Board of Elections.", "Chairman"),
    ("We need more manpower on the night shift.", "manpower"),
    ("Estimate the man-hours for each release.", "man-hours"),
    ("Hey you guys, we're hiring!", "you guys"),
    ("Looking for a cameraman for our studio.", "cameraman"),
    ("The foreman assigns daily tasks on site.", "foreman"),
    ("Explain results in layman's terms.", "layman"),
    ("Work with our spokesman on press releases.", "spokesman"),
    ("Journeyman electrician license required.", "Journeyman"),
    ("Act as the CEO's right-hand man.", "right-hand man"),
    ("You'll help man the booth at conferences.", "man the booth"),
    ("Experience with man-made fibres.", "man-made"),
]

PASSING = [
    "The manager will report to the VP of Sales.",
    "Experience with human-centred design.",
    "Based in Germany.",
    "Based in Germany, with travel to Romania.",
    "Shell scripting and management experience.",
    "Sarah leads the team; she joined in 2019.",
    "Sarah leads the platform team; she joined in 2019 and her team ships weekly.",
    "Sarah Miller supports the mappers. She is patient with new team members.",
    '"He is the best engineer I have worked with," says our CTO.',
    "Our CEO, Maria Lopez, founded the company in 2015; she still writes code.",
    "Our engineers volunteer with She Codes every month.",
    "Secretary Stephanie Thomas is committed to serving voters; her priorities include access.",
    "They will report to the VP of Sales.",
    "You will present the roadmap to the board.",
    "Each engineer keeps their own on-call notes.",
    "Our Women's and Men's merchandising teams rely on this data.",
    "We support our service men and women and their families.",
    "Research shows that men apply when they meet 60% of the requirements.",
    "Read The Mythical Man-Month before your first sprint.",
    "Our studio shipped Stumble Guys and other mobile games.",
    "Use Postman to test the API.",
    "Alex (he/him) will be your onboarding buddy.",
    "Command of the English language, written and spoken.",
    "The chair of the board sets the agenda.",
    "We are an equal opportunity employer; he or she will be considered without regard to sex.",
    "Experience in the craft of data modelling.",
    "Other duties as assigned.",
]


test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)


def test_curly_apostrophe_and_capitals():
    assert_flags(RULE, "Explain it in LAYMAN’S terms.", "LAYMAN")


def test_pronoun_in_code_is_ignored():
    assert_passes(RULE, "Set `he_will = True` in the config.\n\n```\nhe will\n```\n")


def test_suggestions_are_shown():
    from conftest import lint

    (finding,) = [f for f in lint("He/she will own the roadmap.", select=[RULE])]
    assert "they" in finding.suggestions


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
