from __future__ import annotations

import pytest

from leadnexus.leads.validation import deliverability
from leadnexus.leads.validation.pipeline import (
    FileDefaults,
    Reason,
    RowOutcome,
    compose_title,
    run_row_stages,
)

GOOD = {
    "first_name": "Ann",
    "last_name": "Lee",
    "email": "ann.lee@acme.io",
    "phone": "+1 415 555 2671",
    "job_title": "VP of Sales",
    "company_name": "Acme Inc",
    "website": "https://www.acme.io",
    "industry": "SaaS",
    "country": "United States",
    "region": "California",
}


def run(raw: dict[str, str], **kwargs) -> RowOutcome:
    return run_row_stages(raw, FileDefaults(), **kwargs)


def stage(outcome: RowOutcome, name: str):
    return next(s for s in outcome.stages if s.stage == name)


def codes(outcome: RowOutcome, name: str) -> list[str]:
    return [r.code for r in stage(outcome, name).reasons]


def test_a_good_row_passes_every_stage_and_gets_a_title():
    outcome = run(GOOD)
    assert not outcome.rejected
    assert [(s.stage, s.status) for s in outcome.stages] == [
        ("required", "pass"),
        ("normalisation", "pass"),
        ("validity", "pass"),
        ("risk", "pass"),
        ("deliverability", "not_checked"),
    ]
    assert outcome.fields["title"] == "VP of Sales · Software · California, US"
    assert outcome.flags == set()
    assert set(outcome.fields) == {
        "first_name", "last_name", "email", "phone", "job_title", "seniority", "department",
        "company_name", "website", "company_size", "annual_revenue", "industry", "country",
        "region", "city", "linkedin_url", "description", "consent_source", "consent_date",
        "title",
    }  # fmt: skip


def test_phone_line_type_is_reported_with_status_pass():
    validity = stage(run(GOOD), "validity")
    assert validity.status == "pass"
    assert [(r.code, r.message) for r in validity.reasons] == [
        ("phone_line_type", "Phone line type: fixed line or mobile")
    ]


def test_missing_groups_each_give_a_reason():
    outcome = run({"description": "nothing useful", "city": "Paris"})
    assert outcome.rejected
    assert codes(outcome, "required") == ["missing_contact", "missing_person", "missing_company"]


def test_placeholders_do_not_satisfy_required_groups():
    outcome = run({"email": "N/A", "phone": "-", "job_title": "CTO", "company_name": "X"})
    assert codes(outcome, "required") == ["missing_contact"]


def test_job_title_and_website_are_enough():
    outcome = run({"phone": "+44 20 7946 0958", "job_title": "CTO", "website": "acme.co.uk"})
    assert not outcome.rejected


def test_too_long_values_fail_with_the_field():
    outcome = run(GOOD | {"job_title": "x" * 151, "description": "d" * 5001})
    required = stage(outcome, "required")
    assert outcome.rejected
    assert [(r.code, r.field) for r in required.reasons] == [
        ("too_long", "job_title"),
        ("too_long", "description"),
    ]


def test_invalid_email_fails_only_without_a_valid_phone():
    alone = run(GOOD | {"email": "ann@@acme", "phone": ""})
    with_phone = run(GOOD | {"email": "ann@@acme"})
    assert alone.rejected and stage(alone, "validity").status == "fail"
    assert not with_phone.rejected and stage(with_phone, "validity").status == "warn"
    assert with_phone.fields["email"] is None
    assert "invalid_email" in codes(with_phone, "validity")


def test_invalid_phone_fails_only_without_a_valid_email():
    alone = run(GOOD | {"phone": "12", "email": ""})
    with_email = run(GOOD | {"phone": "+1 000 000 0000"})
    assert alone.rejected and codes(alone, "validity") == ["invalid_phone"]
    assert not with_email.rejected and codes(with_email, "validity") == ["invalid_phone"]
    assert with_email.fields["phone"] is None


def test_a_phone_without_any_country_is_unreadable():
    outcome = run(GOOD | {"phone": "020 7946 0958", "country": ""})
    assert codes(outcome, "validity") == ["invalid_phone"]


def test_bad_website_and_linkedin_warn():
    outcome = run(GOOD | {"website": "acme", "linkedin_url": "linkedin.com/company/acme"})
    assert not outcome.rejected
    assert codes(outcome, "validity")[1:] == ["invalid_website", "invalid_linkedin_url"]
    assert outcome.fields["website"] is None and outcome.fields["linkedin_url"] is None


@pytest.mark.parametrize(
    ("email", "flags"),
    [
        ("ann@mailinator.com", {"disposable_email", "email_domain_mismatch"}),
        ("info@acme.io", {"role_mailbox"}),
        ("sales+leads@acme.io", {"role_mailbox"}),
        ("ann.lee@gmail.com", {"free_mail"}),
        ("ann@yahoo.co.uk", {"free_mail"}),
        ("ann@web.de", {"free_mail"}),
        ("ann@other-company.com", {"email_domain_mismatch"}),
        ("ann@eu.acme.io", set()),  # same registrable domain as the website
    ],
)
def test_email_risk_flags(email, flags):
    outcome = run(GOOD | {"email": email})
    assert outcome.flags == flags
    assert stage(outcome, "risk").status == ("warn" if flags else "pass")
    assert not outcome.rejected


def test_phone_country_mismatch():
    outcome = run(GOOD | {"phone": "+44 20 7946 0958"})
    assert outcome.flags == {"phone_country_mismatch"}
    assert "GB" in stage(outcome, "risk").reasons[0].message


def test_deliverability_is_not_checked_by_default():
    result = stage(run(GOOD), "deliverability")
    assert result.status == "not_checked"
    assert [(r.code, r.message) for r in result.reasons] == [
        ("not_checked", "MX lookup is switched off")
    ]


class FakeResolver:
    def __init__(self, answers: dict[str, deliverability.MxAnswer]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    def __call__(self, domain: str) -> deliverability.MxAnswer:
        self.calls.append(domain)
        return self.answers[domain]


@pytest.fixture(autouse=True)
def _empty_mx_cache():
    deliverability.clear_cache()
    yield
    deliverability.clear_cache()


def test_mx_found_passes_and_is_cached():
    fake = FakeResolver({"acme.io": "found"})
    first = run(GOOD, check_mx=True, mx_lookup=fake)
    second = run(GOOD | {"email": "bo@acme.io"}, check_mx=True, mx_lookup=fake)
    assert stage(first, "deliverability").status == "pass"
    assert stage(second, "deliverability").status == "pass"
    assert fake.calls == ["acme.io"]


def test_no_mx_warns_and_flags():
    outcome = run(GOOD, check_mx=True, mx_lookup=FakeResolver({"acme.io": "none"}))
    assert stage(outcome, "deliverability").status == "warn"
    assert codes(outcome, "deliverability") == ["no_mx"]
    assert "no_mx" in outcome.flags
    assert not outcome.rejected


def test_timeouts_are_not_checked_and_not_cached():
    fake = FakeResolver({"acme.io": "unknown"})
    for _ in range(2):
        outcome = run(GOOD, check_mx=True, mx_lookup=fake)
        assert stage(outcome, "deliverability").status == "not_checked"
    assert fake.calls == ["acme.io", "acme.io"]


def test_mx_check_uses_the_idna_domain_and_skips_rows_without_email():
    fake = FakeResolver({"xn--bcher-kva.de": "found"})
    assert not run(GOOD | {"email": "ann@bücher.de"}, check_mx=True, mx_lookup=fake).rejected
    assert fake.calls == ["xn--bcher-kva.de"]
    no_email = run(GOOD | {"email": ""}, check_mx=True, mx_lookup=fake)
    assert codes(no_email, "deliverability") == ["no_email"]


def test_the_dns_lookup_can_be_replaced_at_module_level(monkeypatch):
    monkeypatch.setattr(deliverability, "dns_mx_lookup", FakeResolver({"acme.io": "none"}))
    outcome = run(GOOD, check_mx=True)
    assert codes(outcome, "deliverability") == ["no_mx"]


def test_a_given_title_is_kept():
    assert run(GOOD | {"title": "Hot lead"}).fields["title"] == "Hot lead"


def test_compose_title_uses_no_contact_data_and_is_capped():
    outcome = run(GOOD | {"job_title": "CTO", "industry": "", "region": ""})
    assert outcome.fields["title"] == "CTO · US"
    long = dict.fromkeys(outcome.fields) | {"job_title": "x" * 150, "industry": "Software",
                                            "region": "r" * 100, "country": "US"}  # fmt: skip
    title = compose_title(long)
    assert title is not None and len(title) == 200 and title.endswith("…")
    assert compose_title(dict.fromkeys(outcome.fields)) is None


@pytest.mark.parametrize(
    ("phone", "country", "kind"),
    [
        ("07911 123456", "GB", "mobile"),
        ("020 7946 0958", "GB", "fixed_line"),
        ("0800 123 4567", "DE", "toll_free"),
    ],
)
def test_line_types(phone, country, kind):
    outcome = run(GOOD | {"phone": phone, "country": country})
    message = f"Phone line type: {kind.replace('_', ' ')}"
    assert stage(outcome, "validity").reasons == [Reason("phone_line_type", message, "phone")]
