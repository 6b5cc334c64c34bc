from __future__ import annotations

import math

import pytest

from leadnexus.jsontext import encode
from leadnexus.leads.scoring import score
from leadnexus.leads.scoring.score import SCORE_VERSION, score_lead
from leadnexus.leads.validation.pipeline import FileDefaults, run_row_stages

FULL = {
    "first_name": "Ann",
    "last_name": "Lee",
    "email": "ann.lee@acme.io",
    "phone": "+1 415 555 2671",
    "job_title": "VP of Sales",
    "company_name": "Acme Inc",
    "website": "acme.io",
    "company_size": "51-200",
    "annual_revenue": "$10M",
    "industry": "SaaS",
    "country": "US",
    "region": "California",
    "city": "San Francisco",
    "linkedin_url": "https://www.linkedin.com/in/annlee",
    "consent_source": "Webinar",
    "consent_date": "2025-01-10",
}


def test_weights_sum_to_one():
    assert math.isclose(sum(score.WEIGHTS.values()), 1.0)


def test_a_complete_clean_fresh_unique_lead_scores_one():
    result = score_lead(
        run_row_stages(FULL, FileDefaults()), duplicate_in_marketplace=False, age_days=3
    )
    assert result.value == 1.0
    assert result.version == SCORE_VERSION == "2026.1"


def test_worked_example_with_every_component():
    raw = {
        "first_name": "Bo",
        "email": "info@gmail.com",
        "phone": "12",
        "job_title": "Sales Manager",
        "company_name": "Beta",
    }
    outcome = run_row_stages(raw, FileDefaults())
    result = score_lead(outcome, duplicate_in_marketplace=True, age_days=380)
    by_name = {c.name: c for c in result.components}
    # email 3 + first name 1 + job title 2 + company 2 + seniority 1 + department 1 of 22
    assert by_name["completeness"].value == round(10 / 22, 3)
    assert by_name["completeness"].detail == "6 of 18 fields present"
    assert by_name["validity"].value == 0.5  # email valid, phone dropped
    assert by_name["validity"].detail == "1 of 2 contact values valid"
    assert by_name["risk"].value == 0.55  # role mailbox 0.25 + free mail 0.2
    assert by_name["risk"].detail == "Risk flags: free_mail, role_mailbox"
    assert by_name["freshness"].value == round(1 - 0.7 * 350 / 700, 3)
    assert by_name["uniqueness"].value == 0.4
    expected = sum(c.weight * c.value for c in result.components)
    assert result.value == round(expected, 3)
    assert [c.weight for c in result.components] == [0.25, 0.30, 0.20, 0.15, 0.10]


@pytest.mark.parametrize(
    ("age_days", "value"),
    [(0, 1.0), (30, 1.0), (380, 0.65), (730, 0.3), (5000, 0.3), (-5, 1.0), (math.nan, 0.3)],
)
def test_freshness_decays_from_thirty_days_to_two_years(age_days, value):
    assert score.freshness(age_days).value == value


def test_flags_lower_risk_but_never_below_zero():
    every_flag = set(score.FLAG_PENALTIES) | {"unknown_flag"}
    assert score.risk(every_flag).value == 0.0
    assert score.risk({"disposable_email"}).value == 0.4


def test_no_contact_values_means_zero_validity():
    outcome = run_row_stages({"first_name": "A"}, FileDefaults())
    assert score.validity(outcome).value == 0.0


def test_module_docstring_documents_the_formula_for_buyers():
    doc = score.__doc__ or ""
    for name, weight in score.WEIGHTS.items():
        assert f"{weight:.2f} * {name}" in doc


def test_a_score_comes_back_whole_from_its_stored_breakdown():
    # The writer rescores marketplace duplicates from the breakdown the helper encoded.
    original = score_lead(
        run_row_stages(FULL, FileDefaults()), duplicate_in_marketplace=False, age_days=400
    )
    back = score.from_breakdown(encode(original.components), original.version)
    assert back == original
    assert score.as_marketplace_duplicate(back).value < original.value
