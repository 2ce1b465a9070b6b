"""national-origin-bias (rules/bias/national-origin-bias.yaml)."""

from bias_helpers import assert_passes, table_tests
from conftest import assert_explained_examples

RULE = "national-origin-bias"

FLAGGED = [
    ("Native English speaker required.", "Native English speaker"),
    ("Native speaker of German.", "Native speaker of German"),
    ("Native speakers of Dutch preferred.", "Native speakers of Dutch"),
    ("We are looking for native French speakers.", "native French speakers"),
    ("Native Cantonese and/or Mandarin speaker.", "Native Cantonese"),
    ("You are fluent in English and native in French.", "native in French"),
    ("Native-level English is a must.", "Native-level"),
    ("Native or C2 fluency in German and English.", "Native or C2"),
    ("Native proficiency in Spanish.", "Native proficiency"),
    ("French as your mother tongue.", "mother tongue"),
    ("Mother-tongue German speakers only.", "Mother-tongue"),
    ("Must speak English with no accent.", "no accent"),
    ("Clear speech without an accent.", "without an accent"),
    ("Accent-free English for customer calls.", "Accent-free"),
    ("A neutral accent is required for the phone line.", "neutral accent"),
    ("English as a first language.", "English as a first language"),
    ("First-language English speaker.", "First-language English speaker"),
    ("American-born candidates only.", "American-born"),
    ("Polish native speaker wanted.", "native speaker"),
    ("Native Spanish.", "Native Spanish"),
    ("Candidates whose native language is Italian.", "native language"),
]

PASSING = [
    "Experience with cloud-native data services.",
    "Build cloud native solutions on AWS.",
    "Build apps in React Native.",
    "Ship native iOS and Android apps.",
    "Native integrations with Salesforce and HubSpot.",
    "Fluent in English; German is a plus.",
    "Non-native speakers are welcome to apply.",
    "We welcome nonnative English speakers.",
    "Professional working proficiency in German (C1 or above).",
    "Fluency in English and Spanish, written and spoken.",
    "Serve customers for whom English is not their first language.",
    "Help us protect our native wildlife.",
    "Join an AI-native company at an inflection point.",
    "Migrate workloads to Azure native services.",
    "We celebrate Native American Heritage Month with our communities.",
    "Bilingual in English and Vietnamese preferred.",
    "Explain technical topics clearly in English.",
    "Our customers speak 14 languages.",
    "Translate ballots into Spanish, Chinese and Korean.",
    "Comfortable presenting to a German-speaking audience.",
    "Strong accent on quality and testing.",
]


test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)


def test_native_american_in_eeo_statement():
    text = (
        "## Equal opportunity\n\nWe encourage people of all identities to apply, including Native American "
        "and people of color, immigrants and native speakers of any language.\n"
    )
    assert_passes(RULE, text)


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
