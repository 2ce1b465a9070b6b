"""culture-fit (rules/bias/culture-fit.yaml)."""

from bias_helpers import table_tests
from conftest import assert_explained_examples

RULE = "culture-fit"

FLAGGED = [
    ("We hire for culture fit.", "culture fit"),
    ("Strong cultural fit with the team.", "Strong cultural fit"),
    ("Interview stages: technical interview, cultural fit interview, offer.", "cultural fit"),
    ("You'll fit in with our culture right away.", "fit in with our culture"),
    ("Someone who fits our culture.", "fits our culture"),
    ("You are a great culture fit.", "great culture fit"),
    ("We work hard, play hard.", "work hard, play hard"),
    ("Work hard/play hard is our motto.", "Work hard/play hard"),
    ("We work hard and play hard.", "work hard and play hard"),
    ("Friday beer pong tournaments.", "beer pong"),
    ("A fully stocked beer fridge.", "beer fridge"),
    ("Craft beer on tap in the kitchen.", "beer on tap"),
    ("We have a kegerator.", "kegerator"),
    ("No brogrammers, just kidding!", "brogrammers"),
    ("Our bro culture is legendary.", "bro culture"),
    ("We're a family here.", "We're a family"),
    ("We’re like a family.", "We’re like a family"),
    ("We are one big happy family.", "one big happy family"),
    ("The team treats you like family.", "like family"),
    ("You need thick skin for our feedback sessions.", "thick skin"),
    ("Thick-skinned people thrive here.", "Thick-skinned"),
]

PASSING = [
    "We look for people who add to our culture.",
    "A family-friendly workplace with flexible hours.",
    "Paid family and medical leave.",
    "Fit for purpose data models.",
    "This team values craft over culture fit language.",
    "We hire for culture add, not culture fit.",
    "Family Medical Leave Act benefits apply.",
    "Health coverage for you and your family.",
    "We work hard to support a sustainable pace.",
    "Celebrate wins together with team lunches.",
    "Help families register to vote.",
    "Play a key role in our data platform.",
    "Fitness stipend and gym membership.",
    "Our culture values written communication.",
    "A family business founded in 1952.",
    "Raise a family in one of the best places to live.",
    "Ping the on-call engineer when pipelines fail.",
    "Hard problems, played out at scale.",
    "Warner Bros. is one of our clients.",
    "A culture of feedback and learning.",
    "Beer brewing clients are part of our portfolio.",
]


test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
