"""age-bias (rules/bias/age-bias.yaml)."""

from bias_helpers import assert_passes, table_tests
from conftest import assert_explained_examples

RULE = "age-bias"

FLAGGED = [
    ("Join our young team in Berlin.", "young team"),
    ("We are a young, dynamic team.", "young, dynamic team"),
    ("Ideal for recent graduates.", "recent graduates"),
    ("A recent college graduate with SQL skills.", "recent college graduate"),
    ("Great position for a junior, senior, recent graduate or graduate student.", "recent graduate"),
    ("You are a digital native.", "digital native"),
    ("We want digital natives who live online.", "digital natives"),
    ("No more than 5 years of experience.", "No more than 5 years"),
    ("Not more than 3 years of professional experience.", "Not more than 3 years"),
    ("At most 4 years of experience in analytics.", "At most 4 years"),
    ("Maximum of 6 years experience.", "Maximum of 6 years"),
    ("2-5 years of experience, 5 years max.", "5 years max"),
    ("Candidates who are overqualified will not be considered.", "overqualified"),
    ("Over-qualified applicants need not apply.", "Over-qualified"),
    ("We need fresh blood on the analytics team.", "fresh blood"),
    ("Bring new blood to an established practice.", "new blood"),
    ("Looking for energetic young engineers.", "energetic young"),
    ("We hire young professionals who want to grow.", "young professionals"),
    ("Fresh graduates welcome.", "Fresh graduates"),
    ("Perfect if you are fresh out of college.", "fresh out of college"),
    ("New grads welcome in our rotation programme.", "New grads"),
    ("Applicants between the ages of 25 and 35.", "between the ages of"),
    ("Bring youthful energy to the studio.", "youthful energy"),
]

PASSING = [
    "We are a young company founded in 2021.",
    "Ours is a young department, and yet it has a long history.",
    "Senior engineer, 5+ years of experience.",
    "Walk us through your recent projects.",
    "A graduate degree in statistics is a plus.",
    "At least 5 years of experience with dbt.",
    "3+ years of experience in analytics engineering.",
    "Named one of the Best Employers for New Grads in 2024.",
    "Ranked among the 100 Best Communities for Young People.",
    "For recent graduates who have not received their diploma, submit a transcript.",
    "We serve families with young children across the county.",
    "Our platform supports experienced and early-career analysts alike.",
    "Must be 18 years of age or older.",
    "Entry-level candidates are welcome.",
    "Recent changes to the data model are documented.",
    "Provide fresh perspectives on our reporting.",
    "Up to 3 years of funding is available for this position.",
    "Review the most recent release notes.",
    "Our team has members from 22 to 64 and we like it that way.",
    "Experience with generational data migrations.",
    "Graduates of any year are welcome to apply.",
]


test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)


def test_eeo_statement_is_exempt():
    text = "## Equal opportunity\n\nWe hire without regard to age, including recent graduates and older workers.\n"
    assert_passes(RULE, text)


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
