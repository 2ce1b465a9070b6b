"""exclusionary-jargon (rules/bias/exclusionary-jargon.yaml)."""

from bias_helpers import assert_flags, assert_passes, table_tests
from conftest import assert_explained_examples

RULE = "exclusionary-jargon"

FLAGGED = [
    ("We need a rockstar developer.", "rockstar"),
    ("Calling all rock stars!", "rock stars"),
    ("Be our next Rock-Star engineer.", "Rock-Star"),
    ("Are you a coding ninja?", "ninja"),
    ("Sales ninjas wanted.", "ninjas"),
    ("Join as our data guru.", "guru"),
    ("Excel wizards welcome.", "wizards"),
    ("Looking for 10x engineers.", "10x engineers"),
    ("A 10x-developer mindset.", "10x-developer"),
    ("You'll crush it from day one.", "crush it"),
    ("Crush your quota every quarter.", "Crush your quota"),
    ("We are looking for a unicorn who can design and code.", "looking for a unicorn"),
    ("A unicorn candidate with SQL, Python and design skills.", "unicorn candidate"),
    ("Our superstars are at the heart of everything we do.", "superstars"),
    ("Be the superhero our customers need.", "superhero"),
    ("A Jedi of data modelling.", "Jedi"),
    ("We hold a high bar. A players only.", "A players"),
    ("Only A-players need apply.", "A-players"),
    ("Badass analysts wanted.", "Badass"),
    ("A hustler who never stops.", "hustler"),
    ("You're a true unicorn.", "You're a true unicorn"),
]

PASSING = [
    "We need an experienced developer.",
    "Ninja Van is our logistics partner.",
    "The Guru Nanak holiday is observed.",
    "Lendable is a fintech unicorn.",
    "Lendable is a fintech unicorn focused on credit.",
    "One of the UK's newest unicorns with a team of 700 people.",
    "We've just reached unicorn status with a $150M Series D.",
    "Germany's second bootstrapped unicorn.",
    "Use the setup wizard to configure the tool.",
    "Use the setup wizard to configure the connector.",
    "Rock solid over rock star.",
    "Certified Ethical Hacker (CEH) is a plus.",
    "Contact Cameron Hacker for questions.",
    "Track our trajectory toward 10x simplicity.",
    "Build with the Ninja build system.",
    "A player-coach who leads and codes.",
    "Expert in SQL and Python.",
    "Our data gurus.io integration is deprecated.",
    "Senior analytics engineer.",
    "Talk to the team about their side hustles.",
    "Star schema modelling experience.",
    "Heroku and Render deployment experience.",
    "A strong performer with deep expertise.",
]


test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)


def test_url_and_link_target_are_ignored():
    assert_passes(RULE, "Apply at [our careers page](https://example.com/rockstar-ninja).\n")
    assert_passes(RULE, "See https://gurus.io/ninja for details.\n")


def test_link_text_is_checked():
    assert_flags(RULE, "Apply as a [rockstar](https://example.com/apply).\n", "rockstar")


def test_code_is_ignored():
    assert_passes(RULE, "Run `ninja -C build` and:\n\n```sh\nrockstar --help\n```\n")


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
