"""citizenship-restriction: limits without a stated legal basis (jdlint/checks/bias/citizenship_restriction.py)."""

from bias_helpers import assert_flags, assert_passes, table_tests
from conftest import assert_explained_examples

RULE = "citizenship-restriction"

FLAGGED = [
    ("US citizens only.", "US citizens only"),
    ("U.S. citizens only, please.", "U.S. citizens only"),
    ("This role is open to US citizens only.", "US citizens only"),
    ("Open only to United States citizens.", "only to United States citizens"),
    ("Candidates must be a US Citizen.", "must be a US Citizen"),
    ("Must be a U.S citizen, 18 years of age or older.", "Must be a U.S citizen"),
    ("Must be a United States citizen. Valid driver's license.", "Must be a United States citizen"),
    ("You must be a citizen of the United States.", "must be a citizen"),
    ("US citizenship required.", "US citizenship required"),
    ("U.S. citizenship is required for this role.", "U.S. citizenship is required"),
    ("Citizenship: required", "Citizenship: required"),
    ("This position requires US citizenship.", "requires US citizenship"),
    ("Green card holders only.", "Green card holders only"),
    ("Green card holders preferred.", "Green card holders preferred"),
    ("US citizens or green card holders only.", "US citizens or green card holders only"),
    ("US citizens and permanent residents preferred.", "US citizens and permanent residents preferred"),
    ("Must hold a green card.", "Must hold a green card"),
    ("Must be a US citizen or permanent resident.", "Must be a US citizen"),
    ("UK nationals only.", "UK nationals only"),
    ("Applicants must be British citizens.", "must be British citizens"),
    ("Only EU citizens will be considered.", "Only EU citizens"),
    ("Canadian citizens preferred.", "Canadian citizens preferred"),
]

PASSING = [
    "Must be authorized to work in the US.",
    "You must be authorized to work in the United States without sponsorship.",
    "Must be a US citizen to obtain a security clearance.",
    "Because of ITAR export controls, applicants must be US citizens.",
    "Because of ITAR export controls, applicants must be US persons.",
    "US citizenship required (EAR export-controlled technology).",
    "Must be a U.S. citizen, as required by law for sworn election officials.",
    "Must be a US citizen or legally authorized to work in the US.",
    "Submit proof of U.S. citizenship or legal right to remain and work in the U.S.",
    "Non-citizen applicants must be authorized to work in the United States.",
    "Research and resolve questions from staff, citizens and stakeholders.",
    "We serve a population of more than 300,000 citizens.",
    "Help eligible citizens register to vote.",
    "We sponsor visas for this role.",
    "Visa sponsorship is not available.",
    "Right to work in the UK is required.",
    "Assist United States citizens with passport applications.",
    "Uniformed and Overseas Citizens Absentee Voting Act processes.",
    "Engage citizens in local democracy.",
    "Green card sponsorship is available after one year.",
    "Corporate Communications Senior Manager, Citizenship.",
    "Ensure every citizen can vote, regardless of background.",
]


test_flags, test_passes = table_tests(RULE, FLAGGED, PASSING)


def test_legal_basis_in_the_same_section():
    text = (
        "## Requirements\n\n- This work is performed under a federal contract.\n- US citizens only.\n\n"
        "## Benefits\n\n- Health insurance\n"
    )
    assert_passes(RULE, text)


def test_legal_basis_in_another_section_does_not_count():
    text = "## About us\n\nWe hold several federal contracts.\n\n## Requirements\n\n- US citizens only.\n"
    assert_flags(RULE, text, "US citizens only")


def test_eeo_statement_is_exempt():
    text = (
        "We are an equal opportunity employer and consider all qualified applicants without regard to "
        "citizenship status; US citizens only is not a policy we hold.\n"
    )
    assert_passes(RULE, text)


def test_explain_examples_behave_as_documented():
    assert_explained_examples(RULE)
